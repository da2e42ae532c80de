import type { Finding } from '../configuration/validate.js'
import type { PathSegment } from '../issues.js'
import type { ReadPattern, Values } from '../rules/compile.js'
import { ANY_INDEX, CURRENT_INDEX, SHALLOW, isObject } from '../rules/compile.js'
import type { Configurator } from '../rules/configure.js'
import { computeFacts } from '../rules/configure.js'
import { setSegments } from '../rules/path.js'
import type { CompiledFact, CompiledRule } from '../rules/ruleset.js'

/** How a change at one path touches a rule: not at all, at one element of its list, or everywhere. */
type Touch = { kind: 'none' } | { kind: 'element'; index: number } | { kind: 'all' }

/** does a read pattern touch a concrete path? CURRENT_INDEX matches the element `index` only */
function overlapsAt(pattern: ReadPattern, path: readonly PathSegment[], index: number): boolean {
  const shallow = pattern[pattern.length - 1] === SHALLOW
  const length = shallow ? pattern.length - 1 : pattern.length
  if (shallow && path.length > length) return false
  const common = Math.min(length, path.length)
  for (let i = 0; i < common; i++) {
    const p = pattern[i] as PathSegment
    const v = path[i] as PathSegment
    if (p === ANY_INDEX && typeof v === 'number') continue
    if (p === CURRENT_INDEX && typeof v === 'number' && (index < 0 || v === index)) continue
    if (p !== v) return false
  }
  return true
}

function touchOf(rule: CompiledRule, path: readonly PathSegment[]): Touch {
  const list = rule.forEach?.configPath
  if (rule.forEach === undefined) {
    return rule.reads.some((p) => overlapsAt(p, path, -1)) ? { kind: 'all' } : { kind: 'none' }
  }
  // a change to element i of the rule's own list, read only through the element, reruns element i
  const own =
    list !== undefined &&
    path.length > list.length &&
    list.every((segment, i) => path[i] === segment) &&
    typeof path[list.length] === 'number'
  const index = own ? (path[list.length] as number) : -1
  const touching = rule.reads.filter((p) => overlapsAt(p, path, -1))
  if (touching.length === 0) return { kind: 'none' }
  if (own && touching.every((p) => overlapsAt(p, path, index) && p.includes(CURRENT_INDEX)))
    return { kind: 'element', index }
  return { kind: 'all' }
}

/** The paths where two configurations differ: changed values, and lists whose length changed. */
export function changedPaths(
  before: unknown,
  after: unknown,
  at: PathSegment[] = [],
): PathSegment[][] {
  if (before === after) return []
  if (Array.isArray(before) && Array.isArray(after)) {
    if (before.length !== after.length) return [at]
    return before.flatMap((item, i) => changedPaths(item, after[i], [...at, i]))
  }
  if (isObject(before) && isObject(after)) {
    const out: PathSegment[][] = []
    for (const key in before) out.push(...changedPaths(before[key], after[key], [...at, key]))
    for (const key in after) if (!(key in before)) out.push([...at, key])
    return out
  }
  return [at]
}

interface Plan {
  /** the rules to run, each everywhere or at some elements of its list */
  rules: { rule: CompiledRule; elements: number[] | 'all' }[]
  /** the derived facts to compute again, in dependency order */
  facts: CompiledFact[]
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
  readonly baseline: Record<string, unknown>
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
  const plans = new Map<string, Plan>()
  const planFor = (paths: readonly (readonly PathSegment[])[]): Plan => {
    const key = JSON.stringify(paths)
    let plan = plans.get(key)
    if (plan === undefined) {
      const rules: Plan['rules'] = []
      for (const rule of ruleset.rules) {
        let elements: number[] | 'all' | undefined
        for (const path of paths) {
          const touch = touchOf(rule, path)
          if (touch.kind === 'none') continue
          if (touch.kind === 'all' || elements === 'all') elements = 'all'
          else elements = [...(elements ?? []), touch.index]
        }
        if (elements !== undefined) rules.push({ rule, elements })
      }
      // a derived fact's reads include those of the facts it uses, so order is kept
      const facts = ruleset.facts.filter((fact) =>
        fact.reads.some((p) => paths.some((path) => overlapsAt(p, path, -1))),
      )
      plan = { rules, facts }
      plans.set(key, plan)
    }
    return plan
  }
  const errorsAt = (
    configuration: Record<string, unknown>,
    paths: readonly (readonly PathSegment[])[],
  ): Finding[] | undefined => {
    if (paths.length === 0) return []
    if (paths.some((path) => path.length === 0)) return undefined
    const plan = planFor(paths)
    const values = baseline.slice()
    for (const [name, slot] of ruleset.optionSlots) values[slot] = configuration[name]
    for (const fact of plan.facts) values[fact.slot] = fact.value(values)
    const errors: Finding[] = []
    const state = { failed: false }
    const fire = (rule: CompiledRule, at: Values): void => {
      for (const event of rule.events) {
        if (event.type === 'error') {
          errors.push({
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
            const valid =
              field.kind === 'number'
                ? typeof value === 'number' && Number.isFinite(value)
                : typeof value === 'string'
            if (!valid) state.failed = true
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
    for (const { rule, elements } of plan.rules) {
      const forEach = rule.forEach
      if (forEach === undefined) {
        if (rule.when(values)) fire(rule, values)
        continue
      }
      const list = forEach.list(values)
      if (!Array.isArray(list)) continue
      const [elementSlot, indexSlot, numberSlot] = forEach.slots
      const indexes =
        elements === 'all'
          ? list.map((_item, i) => i)
          : [...new Set(elements)].filter((i) => i < list.length).sort((x, y) => x - y)
      for (const i of indexes) {
        values[elementSlot] = list[i]
        values[indexSlot] = i
        values[numberSlot] = i + 1
        if (rule.when(values)) fire(rule, values)
      }
    }
    return state.failed ? undefined : errors
  }
  return {
    baseline: defaulted,
    errorsOf: (configuration) => errorsAt(configuration, changedPaths(defaulted, configuration)),
    errorsWith: (path, value) =>
      errorsAt(setSegments(defaulted, path, value) as Record<string, unknown>, [path]),
  }
}
