import type { Finding } from '../configuration/validate.js'
import type { PathSegment } from '../issues.js'
import type { ReadPattern, Values } from '../rules/compile.js'
import { ANY_INDEX, CURRENT_INDEX, SHALLOW, isObject } from '../rules/compile.js'
import type { Configurator } from '../rules/configure.js'
import { computeFacts } from '../rules/configure.js'
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

function setAt(config: unknown, path: readonly PathSegment[], value: unknown): unknown {
  if (path.length === 0) return value
  const [head, ...rest] = path as [PathSegment, ...PathSegment[]]
  if (typeof head === 'number') {
    const list = Array.isArray(config) ? [...(config as unknown[])] : []
    list[head] = setAt(list[head], rest, value)
    return list
  }
  const source: Record<string, unknown> = isObject(config) ? config : {}
  const next = setAt(source[head], rest, value)
  const record: Record<string, unknown> = {}
  for (const key in source) if (key !== head) record[key] = source[key]
  if (next !== undefined) record[head] = next
  return record
}

/**
 * Re-checks a valid full configuration with one leaf value changed, running only the rules (and list
 * elements) that read the leaf: the others gave no error before and see the same facts now.
 * `undefined` as the value removes the key. Returns the error findings, or undefined when a line could
 * not be made (then configure in full).
 */
export function createIncrementalCheck(
  configurator: Configurator,
  defaulted: Record<string, unknown>,
): (path: readonly PathSegment[], value: unknown) => Finding[] | undefined {
  const { ruleset, catalog } = configurator
  const baseline = computeFacts(ruleset, defaulted)
  const optionSlots = new Map(ruleset.optionSlots)
  const plans = new Map<
    string,
    { rules: { rule: CompiledRule; touch: Touch }[]; facts: CompiledFact[] }
  >()
  const planFor = (path: readonly PathSegment[]) => {
    const key = JSON.stringify(path)
    let plan = plans.get(key)
    if (plan === undefined) {
      plan = {
        rules: ruleset.rules
          .map((rule) => ({ rule, touch: touchOf(rule, path) }))
          .filter((entry) => entry.touch.kind !== 'none'),
        // a derived fact's reads include those of the facts it uses, so order is kept
        facts: ruleset.facts.filter((fact) => fact.reads.some((p) => overlapsAt(p, path, -1))),
      }
      plans.set(key, plan)
    }
    return plan
  }
  return (path, value) => {
    const top = path[0]
    const slot = typeof top === 'string' ? optionSlots.get(top) : undefined
    if (slot === undefined) return undefined
    const configuration = setAt(defaulted, path, value) as Record<string, unknown>
    const plan = planFor(path)
    // only the facts that read the changed value are computed again
    const values = baseline.slice()
    values[slot] = configuration[top as string]
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
    for (const { rule, touch } of plan.rules) {
      const forEach = rule.forEach
      if (forEach === undefined) {
        if (rule.when(values)) fire(rule, values)
        continue
      }
      const list = forEach.list(values)
      if (!Array.isArray(list)) continue
      const [elementSlot, indexSlot, numberSlot] = forEach.slots
      const from = touch.kind === 'element' ? touch.index : 0
      const to = touch.kind === 'element' ? Math.min(touch.index + 1, list.length) : list.length
      for (let i = from; i < to; i++) {
        values[elementSlot] = list[i]
        values[indexSlot] = i
        values[numberSlot] = i + 1
        if (rule.when(values)) fire(rule, values)
      }
    }
    return state.failed ? undefined : errors
  }
}
