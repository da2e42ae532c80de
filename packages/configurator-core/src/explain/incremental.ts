import type { Finding } from '../findings.js'
import type { PathSegment } from '../issues.js'
import type { Values } from '../rules/compile.js'
import type { ReadPattern } from '../rules/read-pattern.js'
import { CURRENT_INDEX, SHALLOW, readTouches } from '../rules/read-pattern.js'
import { isObject } from '../util.js'
import type { Configurator } from '../rules/configure.js'
import { bindElement } from '../rules/element-binding.js'
import { computeFacts } from '../rules/configure.js'
import { readSegments, setSegments } from '../rules/path.js'
import type { CompiledFact, CompiledRule, Ruleset } from '../rules/ruleset.js'
import { fitsSpecField } from '../rules/spec-field.js'

/** How a change at one path touches a rule: not at all, at one element of its list, or everywhere. */
type Touch = { kind: 'none' } | { kind: 'element'; index: number } | { kind: 'all' }

function touchOf(rule: CompiledRule, path: readonly PathSegment[]): Touch {
  const list = rule.forEach?.configPath
  if (rule.forEach === undefined) {
    return rule.reads.some((p) => readTouches(p, path)) ? { kind: 'all' } : { kind: 'none' }
  }
  // a change to element i of the rule's own list, read only through the element, reruns element i
  const own =
    list !== undefined &&
    path.length > list.length &&
    list.every((segment, i) => path[i] === segment) &&
    typeof path[list.length] === 'number'
  const index = own ? (path[list.length] as number) : -1
  const touching = rule.reads.filter((p) => readTouches(p, path))
  if (touching.length === 0) return { kind: 'none' }
  if (own && touching.every((p) => readTouches(p, path, index) && p.includes(CURRENT_INDEX)))
    return { kind: 'element', index }
  return { kind: 'all' }
}

/** The paths where two configurations differ: changed values, and lists whose length changed. */
function changedPaths(before: unknown, after: unknown): PathSegment[][] {
  const out: PathSegment[][] = []
  collectChanges(before, after, { at: [], out })
  return out
}

// one path under construction: a copy is made only where a difference is found
function collectChanges(
  before: unknown,
  after: unknown,
  state: { at: PathSegment[]; out: PathSegment[][] },
): void {
  if (before === after) return
  const { at, out } = state
  if (Array.isArray(before) && Array.isArray(after)) {
    if (before.length !== after.length) {
      out.push(at.slice())
      return
    }
    for (let i = 0; i < before.length; i++) {
      at.push(i)
      collectChanges(before[i], after[i], state)
      at.pop()
    }
    return
  }
  if (isObject(before) && isObject(after)) {
    for (const key in before) {
      at.push(key)
      collectChanges(before[key], after[key], state)
      at.pop()
    }
    for (const key in after) if (!(key in before)) out.push([...at, key])
    return
  }
  out.push(at.slice())
}

interface PlannedRule {
  rule: CompiledRule
  elements: number[] | 'all'
  /** a condition of the rule's `all` on one key of its element, when it has one (see guardOf) */
  guard?: Guard
  /**
   * the derived facts (slots) through which it reads the changed values beyond `direct`: while they
   * keep their values, only the elements in `direct` (none: the rule) need to run again
   */
  via?: readonly number[]
  direct?: readonly number[]
}

interface Plan {
  /**
   * the rules to run, each everywhere or at some elements of its list (sorted, once each); `via`: a rule
   * that reads the changed options only through these derived facts (slots) runs when one of them changed
   */
  rules: PlannedRule[]
  /** the derived facts to compute again, in dependency order */
  facts: CompiledFact[]
  /** the option facts whose value differs: [name, slot] */
  options: (readonly [string, number])[]
}

/** Checks configurations near a valid one, running only what reads the values that differ. */
export interface IncrementalCheck {
  /**
   * The error findings of `configuration` (defaults applied, valid for the options), or undefined when
   * a line could not be made (then configure in full).
   */
  errorsOf(configuration: Record<string, unknown>): Finding[] | undefined
  /** the baseline with `value` at `path` (`undefined` removes the key) */
  errorsWith(path: readonly PathSegment[], value: unknown): Finding[] | undefined
  /**
   * the baseline with `element` appended to the list at `list`; `key` names the element's field
   * being chosen, whose value shuts out the rules that test another
   */
  errorsWithAdded(
    list: readonly PathSegment[],
    at: { element: Record<string, unknown>; key: string },
  ): Finding[] | undefined
  readonly baseline: Record<string, unknown>
}

/** the names a rule mentions (facts, lists, template placeholders), split into options and derived facts */
interface Uses {
  options: ReadonlySet<string>
  /** the slots of the derived facts it mentions */
  facts: readonly number[]
  /** the option its forEach walks, when it names it nowhere else: it reads it through the element only */
  elementOnly?: string
}

/** every name written in a node: `fact` and `list` values, and `{name` in any text (more is safe) */
function namesIn(node: unknown, out: Set<string>): void {
  if (typeof node === 'string') {
    for (const match of node.matchAll(/\{([A-Za-z_$][A-Za-z0-9_$]*)/g)) out.add(match[1] as string)
    return
  }
  if (Array.isArray(node)) {
    for (const child of node) namesIn(child, out)
    return
  }
  if (!isObject(node)) return
  for (const [key, value] of Object.entries(node)) {
    if ((key === 'fact' || key === 'list') && typeof value === 'string') out.add(value)
    else namesIn(value, out)
  }
}

const USES = new WeakMap<Ruleset, Map<CompiledRule, Uses>>()

function usesOf(ruleset: Ruleset): Map<CompiledRule, Uses> {
  let byRule = USES.get(ruleset)
  if (byRule !== undefined) return byRule
  byRule = new Map()
  const options = new Set(ruleset.optionSlots.map(([name]) => name))
  const slots = new Map(ruleset.facts.map((fact) => [fact.name, fact.slot]))
  const shared = new Map<string, Set<string>>()
  for (const file of ruleset.source.rules) {
    const names = new Set<string>()
    if (isObject(file.content)) namesIn(file.content['conditions'], names)
    shared.set(file.file, names)
  }
  for (const rule of ruleset.rules) {
    const { forEach, ...rest } = rule.source
    const names = new Set<string>()
    namesIn(rest, names)
    // a shared condition of its file reads what it names: all of them count
    for (const name of shared.get(rule.file) ?? []) names.add(name)
    const list = forEach?.list
    const walked =
      typeof list === 'string' && options.has(list) && !names.has(list) ? list : undefined
    namesIn(forEach, names)
    byRule.set(rule, {
      options: new Set([...names].filter((name) => options.has(name))),
      facts: [...names].flatMap((name) => {
        const slot = slots.get(name)
        return slot === undefined ? [] : [slot]
      }),
      ...(walked === undefined ? {} : { elementOnly: walked }),
    })
  }
  USES.set(ruleset, byRule)
  return byRule
}

/**
 * the elements a rule reads of the changed paths itself (not through derived facts): none when it names
 * no changed option, element i when it names one only as its forEach list and the path is inside
 * element i; undefined when that is not known
 */
function directElements(
  use: Uses,
  paths: readonly (readonly PathSegment[])[],
): number[] | undefined {
  const elements = new Set<number>()
  for (const path of paths) {
    const name = path[0]
    if (typeof name !== 'string' || !use.options.has(name)) continue
    const index = path[1]
    if (use.elementOnly !== name || typeof index !== 'number' || path.length < 2) return undefined
    elements.add(index)
  }
  return [...elements].sort((a, b) => a - b)
}

/** a test of a forEach rule's element that its `all` needs: the key read and the values it takes */
interface Guard {
  key: string
  values: ReadonlySet<unknown>
}

const GUARDS = new WeakMap<CompiledRule, Guard | null>()

/**
 * the first condition of a forEach rule's `all` that compares a key of the element with constants
 * (`equal` or `in`, e.g. `accessory.$.id in [...]`): a value outside them cannot fire the rule there
 */
function guardOf(rule: CompiledRule): Guard | undefined {
  let guard = GUARDS.get(rule)
  if (guard === undefined) {
    guard = null
    const as = rule.forEach === undefined ? undefined : rule.source.forEach?.as
    const conditions = rule.source.conditions as unknown
    const all = isObject(conditions) ? conditions['all'] : undefined
    for (const leaf of Array.isArray(all) ? all : []) {
      if (!isObject(leaf) || leaf['fact'] !== as || as === undefined) continue
      const key =
        typeof leaf['path'] === 'string' ? /^\$\.([A-Za-z_$][\w$]*)$/.exec(leaf['path']) : null
      const { operator, value } = leaf
      const values =
        operator === 'equal'
          ? [value]
          : operator === 'in' && Array.isArray(value)
            ? value
            : undefined
      if (key === null || values === undefined || leaf['params'] !== undefined) continue
      if (!values.every((v) => v === null || typeof v !== 'object')) continue
      guard = { key: key[1] as string, values: new Set(values) }
      break
    }
    GUARDS.set(rule, guard)
  }
  return guard ?? undefined
}

/** the value at a key of one element, set alone: the rules it shuts out there need not run */
interface ElementValue {
  /** the top-level list option */
  list: string
  index: number
  key: string
  value: unknown
}

/** a pattern that reads how many elements the list at `list` has (an iteration over it) */
function readsLength(pattern: ReadPattern, list: readonly PathSegment[]): boolean {
  return pattern[pattern.length - 1] === SHALLOW && readTouches(pattern, list)
}

/** the plans kept per ruleset, across options() calls (a UI asks on every keystroke) */
const MAX_PLANS = 5_000
const PLANS = new WeakMap<Ruleset, Map<string, Plan>>()

function plansOf(ruleset: Ruleset): Map<string, Plan> {
  let plans = PLANS.get(ruleset)
  if (plans === undefined) {
    plans = new Map()
    PLANS.set(ruleset, plans)
  }
  return plans
}

interface FireState {
  errors: Finding[]
  failed: boolean
}

function keyOfPaths(paths: readonly (readonly PathSegment[])[]): string {
  let key = ''
  for (const path of paths) {
    for (const segment of path) key += typeof segment === 'number' ? `[${segment}` : `.${segment}`
    key += '\u0000'
  }
  return key
}

/**
 * Re-checks configurations close to a valid one (`defaulted`, with defaults applied), running only the
 * derived facts and rules (and list elements) that read a value that differs: the others gave no error
 * before and see the same facts now.
 */
export function createIncrementalCheck(
  configurator: Configurator,
  defaulted: Record<string, unknown>,
): IncrementalCheck {
  const { ruleset, catalog } = configurator
  const baseline = computeFacts(ruleset, defaulted)
  const plans = plansOf(ruleset)
  const uses = usesOf(ruleset)
  // a slot's path is one array for the whole options() call: its plan is found by identity
  const byPath = new WeakMap<readonly PathSegment[], Plan>()
  const byList = new WeakMap<readonly PathSegment[], Plan>()
  /** `grown`: the list the one path (its new element) was appended to, whose length is read too */
  const planFor = (
    paths: readonly (readonly PathSegment[])[],
    key: string,
    grown?: readonly PathSegment[],
  ): Plan => {
    let plan = plans.get(key)
    if (plan === undefined) {
      const length = (p: ReadPattern) => grown !== undefined && readsLength(p, grown)
      const rules: Plan['rules'] = []
      for (const rule of ruleset.rules) {
        let elements: number[] | 'all' | undefined
        for (const path of paths) {
          const touch = touchOf(rule, path)
          if (touch.kind === 'none') continue
          if (touch.kind === 'all' || elements === 'all') elements = 'all'
          else elements = [...(elements ?? []), touch.index]
        }
        if (rule.reads.some(length)) elements = 'all'
        if (elements === undefined) continue
        const guard = guardOf(rule)
        rules.push({
          rule,
          elements: elements === 'all' ? 'all' : [...new Set(elements)].sort((x, y) => x - y),
          ...(guard === undefined ? {} : { guard }),
        })
      }
      // a derived fact's reads include those of the facts it uses, so order is kept
      const facts = ruleset.facts.filter((fact) =>
        fact.reads.some((p) => length(p) || paths.some((path) => readTouches(p, path))),
      )
      // what a rule reads of the changed options through derived facts it sees as before while
      // those keep their values: then only what it reads itself (an element, or nothing) runs again
      const recomputed = new Set(facts.map((fact) => fact.slot))
      for (const entry of rules) {
        const use = uses.get(entry.rule)
        const via = use?.facts.filter((slot) => recomputed.has(slot)) ?? []
        const direct = use === undefined ? undefined : directElements(use, paths)
        // a new element: a rule that names the list only as its forEach, and no fact that changed,
        // runs at that element alone
        if (grown !== undefined && via.length === 0 && direct !== undefined) entry.elements = direct
        if (via.length === 0 || direct === undefined) continue
        entry.via = via
        entry.direct = direct
      }
      const names = new Set(paths.map((path) => path[0]))
      const options = ruleset.optionSlots.filter(([name]) => names.has(name))
      plan = { rules, facts, options }
      // a plan depends on the rules and the paths only; the paths a search creates are many
      if (plans.size >= MAX_PLANS) plans.clear()
      plans.set(key, plan)
    }
    return plan
  }
  const fire = (rule: CompiledRule, at: Values, state: FireState): void => {
    for (const event of rule.events) {
      if (event.type === 'error') {
        state.errors.push({
          severity: 'error',
          path: event.path.fn(at),
          message: event.message.fn(at),
          rule: rule.name,
        })
      } else if (event.type === 'add') {
        const quantity = event.quantity(at)
        const valid = typeof quantity === 'number' && Number.isFinite(quantity) && quantity > 0
        if (catalog.resolve(event.item.fn(at)) === undefined || !valid) state.failed = true
      } else if (event.type === 'customPart') {
        // a custom part fails on a wrong spec value or an id the catalog has: leave those to configure()
        const template = ruleset.customParts.get(event.template)
        if (template === undefined) {
          state.failed = true
          continue
        }
        const slots: Values = new Array<unknown>(template.slotCount)
        for (const field of event.spec) {
          const value = field.value(at)
          if (!fitsSpecField(field.kind, value)) state.failed = true
          slots[template.fieldSlots[field.key] as number] =
            typeof value === 'number' ? String(value) : value
        }
        const quantity = event.quantity(at)
        if (
          state.failed ||
          catalog.resolve(template.idTemplate.fn(slots)) !== undefined ||
          !(typeof quantity === 'number' && Number.isFinite(quantity) && quantity > 0)
        )
          state.failed = true
      }
    }
  }
  /** the errors with `changed` (top-level options by name) in place of the baseline's */
  const errorsAt = (
    changed: Readonly<Record<string, unknown>>,
    plan: Plan,
    element?: ElementValue,
  ): Finding[] | undefined => {
    const values = baseline.slice()
    for (const [name, slot] of plan.options) values[slot] = changed[name]
    for (const fact of plan.facts) values[fact.slot] = fact.value(values)
    const state: FireState = { errors: [], failed: false }
    for (const entry of plan.rules) {
      const { rule, via, direct } = entry
      let elements = entry.elements
      if (
        via !== undefined &&
        direct !== undefined &&
        via.every((s) => values[s] === baseline[s])
      ) {
        if (direct.length === 0) continue
        elements = direct as number[]
      }
      const forEach = rule.forEach
      // the element's new value fails a test the rule's `all` needs: it cannot fire there
      if (
        element !== undefined &&
        entry.guard?.key === element.key &&
        elements !== 'all' &&
        elements.length === 1 &&
        elements[0] === element.index &&
        forEach?.configPath?.length === 1 &&
        forEach.configPath[0] === element.list &&
        !entry.guard.values.has(element.value)
      )
        continue
      if (forEach === undefined) {
        if (rule.when(values)) fire(rule, values, state)
        continue
      }
      const list = forEach.list(values)
      if (!Array.isArray(list)) continue
      const count = elements === 'all' ? list.length : elements.length
      for (let k = 0; k < count; k++) {
        const i = elements === 'all' ? k : (elements[k] as number)
        if (i >= list.length) break
        bindElement(values, forEach.slots, { list, index: i })
        if (rule.when(values)) fire(rule, values, state)
      }
    }
    return state.failed ? undefined : state.errors
  }
  return {
    baseline: defaulted,
    errorsOf: (configuration) => {
      const paths = changedPaths(defaulted, configuration)
      if (paths.length === 0) return []
      for (const path of paths) if (path.length === 0) return undefined
      return errorsAt(configuration, planFor(paths, keyOfPaths(paths)))
    },
    errorsWith: (path, value) => {
      const name = path[0]
      if (typeof name !== 'string') return undefined
      let plan = byPath.get(path)
      if (plan === undefined) {
        plan = planFor([path], keyOfPaths([path]))
        byPath.set(path, plan)
      }
      const [, index, key] = path
      const element =
        path.length === 3 &&
        typeof index === 'number' &&
        typeof key === 'string' &&
        (value === null || typeof value !== 'object')
          ? { list: name, index, key, value }
          : undefined
      // only the top-level option that holds the path is rebuilt
      return errorsAt({ [name]: setSegments(defaulted[name], path.slice(1), value) }, plan, element)
    },
    errorsWithAdded: (list, at) => {
      const name = list[0]
      const old = readSegments(defaulted, list)
      if (typeof name !== 'string' || !Array.isArray(old)) return undefined
      const index = old.length
      let plan = byList.get(list)
      if (plan === undefined) {
        const paths = [[...list, index]]
        plan = planFor(paths, `${keyOfPaths(paths)}+`, list)
        byList.set(list, plan)
      }
      const value = at.element[at.key]
      const element =
        list.length === 1 && (value === null || typeof value !== 'object')
          ? { list: name, index, key: at.key, value }
          : undefined
      const grown = setSegments(defaulted[name], list.slice(1), [...(old as unknown[]), at.element])
      return errorsAt({ [name]: grown }, plan, element)
    },
  }
}
