import type { Finding } from '../findings.js'
import type { PathSegment } from '../issues.js'
import type { Values } from '../rules/compile.js'
import { isObject } from '../util.js'
import type { Configurator } from '../rules/configure.js'
import { bindElement } from '../rules/element-binding.js'
import { computeFacts } from '../rules/configure.js'
import { readSegments, setSegments } from '../rules/path.js'
import type { CompiledEventCustomPart, CompiledRule } from '../rules/ruleset.js'
import { fitsSpecField } from '../rules/spec-field.js'
import type { Plan, PlannedRule } from './incremental-plan.js'
import { planOf } from './incremental-plan.js'

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

/** the value at a key of one element, set alone: the rules it shuts out there need not run */
interface ElementValue {
  /** the top-level list option */
  list: string
  index: number
  key: string
  value: unknown
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
  const { ruleset } = configurator
  const check: Check = { configurator, baseline: computeFacts(ruleset, defaulted) }
  // a slot's path is one array for the whole options() call: its plan is found by identity
  const byPath = new WeakMap<readonly PathSegment[], Plan>()
  const byList = new WeakMap<readonly PathSegment[], Plan>()
  return {
    baseline: defaulted,
    errorsOf: (configuration) => {
      const paths = changedPaths(defaulted, configuration)
      if (paths.length === 0) return []
      for (const path of paths) if (path.length === 0) return undefined
      return errorsAt(check, configuration, {
        plan: planOf(ruleset, paths, { key: keyOfPaths(paths) }),
      })
    },
    errorsWith: (path, value) => {
      const name = path[0]
      if (typeof name !== 'string') return undefined
      let plan = byPath.get(path)
      if (plan === undefined) {
        plan = planOf(ruleset, [path], { key: keyOfPaths([path]) })
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
      const changed = { [name]: setSegments(defaulted[name], path.slice(1), value) }
      return errorsAt(check, changed, { plan, element })
    },
    errorsWithAdded: (list, at) => {
      const name = list[0]
      const old = readSegments(defaulted, list)
      if (typeof name !== 'string' || !Array.isArray(old)) return undefined
      const index = old.length
      let plan = byList.get(list)
      if (plan === undefined) {
        const paths = [[...list, index]]
        plan = planOf(ruleset, paths, { key: `${keyOfPaths(paths)}+`, grown: list })
        byList.set(list, plan)
      }
      const value = at.element[at.key]
      const element =
        list.length === 1 && (value === null || typeof value !== 'object')
          ? { list: name, index, key: at.key, value }
          : undefined
      const grown = setSegments(defaulted[name], list.slice(1), [...(old as unknown[]), at.element])
      return errorsAt(check, { [name]: grown }, { plan, element })
    },
  }
}

/** what one incremental check holds: the configurator and the baseline's facts */
interface Check {
  configurator: Configurator
  baseline: Values
}

/** the errors with `changed` (top-level options by name) in place of the baseline's */
function errorsAt(
  check: Check,
  changed: Readonly<Record<string, unknown>>,
  at: { plan: Plan; element?: ElementValue | undefined },
): Finding[] | undefined {
  const { baseline } = check
  const { plan, element } = at
  const values = baseline.slice()
  for (const [name, slot] of plan.options) values[slot] = changed[name]
  for (const fact of plan.facts) values[fact.slot] = fact.value(values)
  const state: FireState = { errors: [], failed: false }
  for (const entry of plan.rules) {
    const elements = elementsToRun(entry, { values, baseline, element })
    if (elements === undefined) continue
    const { rule } = entry
    const forEach = rule.forEach
    if (forEach === undefined) {
      if (rule.when(values)) fire(check.configurator, rule, { values, state })
      continue
    }
    const list = forEach.list(values)
    if (!Array.isArray(list)) continue
    const count = elements === 'all' ? list.length : elements.length
    for (let k = 0; k < count; k++) {
      const i = elements === 'all' ? k : (elements[k] as number)
      if (i >= list.length) break
      bindElement(values, forEach.slots, { list, index: i })
      if (rule.when(values)) fire(check.configurator, rule, { values, state })
    }
  }
  return state.failed ? undefined : state.errors
}

/** where a planned rule runs again (its elements, or all), or undefined when it need not run */
function elementsToRun(
  entry: PlannedRule,
  at: { values: Values; baseline: Values; element: ElementValue | undefined },
): readonly number[] | 'all' | undefined {
  const { values, baseline, element } = at
  const { rule, via, direct } = entry
  let elements: readonly number[] | 'all' = entry.elements
  if (via !== undefined && direct !== undefined && via.every((s) => values[s] === baseline[s])) {
    if (direct.length === 0) return undefined
    elements = direct
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
    return undefined
  return elements
}

/** a fired rule's events: its errors, and whether a line could not be made */
function fire(
  configurator: Configurator,
  rule: CompiledRule,
  at: { values: Values; state: FireState },
): void {
  const { catalog } = configurator
  const { values, state } = at
  for (const event of rule.events) {
    if (event.type === 'error') {
      state.errors.push({
        severity: 'error',
        path: event.path.fn(values),
        message: event.message.fn(values),
        rule: rule.name,
      })
    } else if (event.type === 'add') {
      const quantity = event.quantity(values)
      const valid = typeof quantity === 'number' && Number.isFinite(quantity) && quantity > 0
      if (catalog.resolve(event.item.fn(values)) === undefined || !valid) state.failed = true
    } else if (event.type === 'customPart') {
      if (customPartFails(configurator, event, values)) state.failed = true
    }
  }
}

/** a custom part fails on a wrong spec value or an id the catalog has: leave those to configure() */
function customPartFails(
  configurator: Configurator,
  event: CompiledEventCustomPart,
  values: Values,
): boolean {
  const template = configurator.ruleset.customParts.get(event.template)
  if (template === undefined) return true
  let failed = false
  const slots: Values = new Array<unknown>(template.slotCount)
  for (const field of event.spec) {
    const value = field.value(values)
    if (!fitsSpecField(field.kind, value)) failed = true
    slots[template.fieldSlots[field.key] as number] =
      typeof value === 'number' ? String(value) : value
  }
  const quantity = event.quantity(values)
  return (
    failed ||
    configurator.catalog.resolve(template.idTemplate.fn(slots)) !== undefined ||
    !(typeof quantity === 'number' && Number.isFinite(quantity) && quantity > 0)
  )
}
