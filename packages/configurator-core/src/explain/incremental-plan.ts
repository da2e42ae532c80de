// What the incremental check runs again for a change: the rules (and list elements) and the derived
// facts that read a changed path, planned once per ruleset and set of paths.

import type { PathSegment } from '../issues.js'
import type { ReadPattern } from '../rules/read-pattern.js'
import { CURRENT_INDEX, SHALLOW, readTouches } from '../rules/read-pattern.js'
import type { CompiledFact, CompiledRule, Ruleset } from '../rules/ruleset.js'
import { isObject } from '../util.js'

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

export interface PlannedRule {
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

export interface Plan {
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

/**
 * The plan for a change at `paths` (cached under `key`); `grown`: the list the one path (its new
 * element) was appended to, whose length is read too.
 */
export function planOf(
  ruleset: Ruleset,
  paths: readonly (readonly PathSegment[])[],
  at: { key: string; grown?: readonly PathSegment[] | undefined },
): Plan {
  const plans = plansOf(ruleset)
  let plan = plans.get(at.key)
  if (plan === undefined) {
    const { grown } = at
    const length = (p: ReadPattern) => grown !== undefined && readsLength(p, grown)
    const rules = plannedRules(ruleset, { paths, length })
    // a derived fact's reads include those of the facts it uses, so order is kept
    const facts = ruleset.facts.filter((fact) =>
      fact.reads.some((p) => length(p) || paths.some((path) => readTouches(p, path))),
    )
    narrowByUses(rules, { uses: usesOf(ruleset), facts, paths, grown })
    const names = new Set(paths.map((path) => path[0]))
    const options = ruleset.optionSlots.filter(([name]) => names.has(name))
    plan = { rules, facts, options }
    // a plan depends on the rules and the paths only; the paths a search creates are many
    if (plans.size >= MAX_PLANS) plans.clear()
    plans.set(at.key, plan)
  }
  return plan
}

/** every rule that reads a changed path (or the grown list's length), everywhere or at some elements */
function plannedRules(
  ruleset: Ruleset,
  at: { paths: readonly (readonly PathSegment[])[]; length: (p: ReadPattern) => boolean },
): PlannedRule[] {
  const rules: PlannedRule[] = []
  for (const rule of ruleset.rules) {
    let elements: number[] | 'all' | undefined
    for (const path of at.paths) {
      const touch = touchOf(rule, path)
      if (touch.kind === 'none') continue
      if (touch.kind === 'all' || elements === 'all') elements = 'all'
      else elements = [...(elements ?? []), touch.index]
    }
    if (rule.reads.some(at.length)) elements = 'all'
    if (elements === undefined) continue
    const guard = guardOf(rule)
    rules.push({
      rule,
      elements: elements === 'all' ? 'all' : [...new Set(elements)].sort((x, y) => x - y),
      ...(guard === undefined ? {} : { guard }),
    })
  }
  return rules
}

/**
 * what a rule reads of the changed options through derived facts it sees as before while those keep
 * their values: then only what it reads itself (an element, or nothing) runs again
 */
function narrowByUses(
  rules: PlannedRule[],
  at: {
    uses: Map<CompiledRule, Uses>
    facts: readonly CompiledFact[]
    paths: readonly (readonly PathSegment[])[]
    grown: readonly PathSegment[] | undefined
  },
): void {
  const recomputed = new Set(at.facts.map((fact) => fact.slot))
  for (const entry of rules) {
    const use = at.uses.get(entry.rule)
    const via = use?.facts.filter((slot) => recomputed.has(slot)) ?? []
    const direct = use === undefined ? undefined : directElements(use, at.paths)
    // a new element: a rule that names the list only as its forEach, and no fact that changed,
    // runs at that element alone
    if (at.grown !== undefined && via.length === 0 && direct !== undefined) entry.elements = direct
    if (via.length === 0 || direct === undefined) continue
    entry.via = via
    entry.direct = direct
  }
}
