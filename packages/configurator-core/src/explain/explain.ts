import type { Finding } from '../findings.js'
import { ConfiguratorError } from '../errors.js'
import { isObject } from '../util.js'
import type { CompiledTemplate, Values } from '../rules/compile.js'
import type { Configurator } from '../rules/configure.js'
import type { BomLine } from '../bom-line.js'
import { computeFacts } from '../rules/configure.js'
import { bindElement } from '../rules/element-binding.js'
import { resolveOperator } from '../rules/operators.js'
import { parseJsonPath, readFactPath } from '../rules/path.js'
import { stringDomain } from '../rules/shape.js'
import type { CompiledRule, Ruleset } from '../rules/ruleset.js'
import { didYouMean } from '../text/suggest.js'
import type { Derivation } from './derivation.js'
import { createDerivations } from './derivation.js'
import type { Steps } from './steps.js'
import { runSteps, runStepsAsync } from './steps.js'
import type { SuggestedChange } from './why-not.js'
import { DEFAULT_CHANGE_BUDGET, suggestChange } from './why-not.js'
import type { AbortSignalLike, Truncation, WorkBudget } from './work-budget.js'
import { OutOfWork, checkBudget, createWorkBudget } from './work-budget.js'

/** The rule traces one explanation lists by default (a T2 explanation needs at most a few dozen). */
export const DEFAULT_EXPLAIN_BUDGET = 1_000

/** What to explain, with the bounds of the work: for {@link explain}. */
export interface ExplainRequest {
  /** the catalog item or custom part id */
  item: string
  /** the most rule traces the explanation lists (default {@link DEFAULT_EXPLAIN_BUDGET}) */
  budget?: number
  /** stops the work when it aborts (between traces); the explanation is then truncated */
  signal?: AbortSignalLike
  /** `true`: list also the rules that fired but gave another id (default: only those that could add it) */
  all?: boolean
  /**
   * the most configurations the search for a change that would add the item may check (default
   * {@link DEFAULT_CHANGE_BUDGET}); `0` skips the search
   */
  changeBudget?: number
}

/** One condition of a rule, evaluated: what it compared, the fact value it saw and whether it held. */
export interface ConditionTrace {
  kind: 'all' | 'any' | 'not' | 'fact'
  holds: boolean
  /** all / any / not: the conditions inside */
  conditions?: ConditionTrace[]
  /** a leaf: the fact, its path, the operator and the value compared with */
  fact?: string
  path?: string
  operator?: string
  value?: unknown
  /** a leaf: the fact's value at the path (`undefined` is written as absent) */
  actual?: unknown
  /** a leaf on a derived fact: how it got its value, down to the configuration fields */
  derivation?: Derivation
}

/** One rule that can add the item, evaluated once (or once per element for a `forEach` rule). */
export interface RuleTrace {
  rule: string
  file: string
  description?: string
  /** the list element it ran for, e.g. `basins[1]` */
  element?: string
  /** true when its conditions held */
  fired: boolean
  /** the item its event gave for these facts (a template may give another id) */
  gives: string
  /** true when it fired and gave this item: it put the line in the BOM */
  adds: boolean
  conditions: ConditionTrace
}

/** Why an item is, or is not, in a configuration's BOM. */
export interface Explanation {
  item: string
  inBom: boolean
  /** `added`: rules put it there; `not-added`: rules could add it but their conditions or ids did not
   * match; `no-rule`: no rule can add it; `invalid-configuration`: errors stop the BOM */
  verdict: 'added' | 'not-added' | 'no-rule' | 'invalid-configuration'
  line?: BomLine
  /** the rules that can add the item, evaluated against this configuration */
  rules: RuleTrace[]
  /** the errors that stop the BOM, when there are any */
  errors: Finding[]
  /**
   * `not-added`: the smallest change of the configuration found that puts the item in the BOM (one or
   * two options, searched as `options()` searches), when there is one
   */
  change?: SuggestedChange
  /** present when `rules` stops short: the trace budget ran out or the caller aborted */
  truncated?: Truncation
}

interface Context {
  ruleset: Ruleset
  slots: ReadonlyMap<string, number>
  /** the shared conditions of the rule's file, for `{ "condition": name }` */
  shared?: Readonly<Record<string, unknown>>
  /** derived facts explained down to the configuration */
  derive?: (fact: string) => Derivation | undefined
}

/** the shared conditions a rule file declares */
function sharedConditionsOf(ruleset: Ruleset, file: string): Readonly<Record<string, unknown>> {
  const content = ruleset.source.rules.find((r) => r.file === file)?.content
  const conditions = isObject(content) ? content['conditions'] : undefined
  return isObject(conditions) ? conditions : {}
}

const contexts = new WeakMap<Ruleset, Context>()

function contextOf(ruleset: Ruleset): Context {
  let context = contexts.get(ruleset)
  if (context === undefined) {
    const slots = new Map<string, number>(ruleset.optionSlots)
    for (const fact of ruleset.facts) slots.set(fact.name, fact.slot)
    context = { ruleset, slots }
    contexts.set(ruleset, context)
  }
  return context
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** can this template give `id` for some facts? placeholders match any text */
function templateCanGive(template: CompiledTemplate, id: string): boolean {
  if (template.constant !== undefined) return template.constant === id
  // a placeholder whose values are known (an enum, a lookup) matches only those
  const pattern = template.parts
    .map((part) => {
      if ('text' in part) return escapeRegExp(part.text)
      const values = stringDomain(part.shape)
      return values === undefined ? '.+' : `(?:${values.map(escapeRegExp).join('|')})`
    })
    .join('')
  return new RegExp(`^${pattern}$`).test(id)
}

/** the templates of a rule's events that can give the item, with how to evaluate them */
function givers(ruleset: Ruleset, rule: CompiledRule, id: string): ((values: Values) => string)[] {
  const out: ((values: Values) => string)[] = []
  for (const event of rule.events) {
    if (event.type === 'add' && templateCanGive(event.item, id)) out.push(event.item.fn)
    if (event.type === 'customPart') {
      const template = ruleset.customParts.get(event.template)
      if (template === undefined || !templateCanGive(template.idTemplate, id)) continue
      out.push((values) => {
        const slots: Values = new Array<unknown>(template.slotCount)
        for (const field of event.spec) {
          const value = field.value(values)
          slots[template.fieldSlots[field.key] as number] =
            typeof value === 'number' ? String(value) : value
        }
        return template.idTemplate.fn(slots)
      })
    }
  }
  return out
}

function readRef(
  context: Context,
  values: Values,
  ref: { fact: string; path?: string | undefined },
): unknown {
  const slot = context.slots.get(ref.fact)
  if (slot === undefined) return undefined
  const parsed = ref.path === undefined ? undefined : parseJsonPath(ref.path)
  const segments = parsed?.ok === true ? parsed.segments : []
  return readFactPath(values[slot], segments)
}

function traceCondition(context: Context, node: unknown, values: Values): ConditionTrace {
  if (!isObject(node)) return { kind: 'fact', holds: false }
  for (const kind of ['all', 'any'] as const) {
    const list = node[kind]
    if (!Array.isArray(list)) continue
    const conditions = list.map((child) => traceCondition(context, child, values))
    const holds =
      kind === 'all' || conditions.length === 0
        ? conditions.every((c) => c.holds)
        : conditions.some((c) => c.holds)
    return { kind, holds, conditions }
  }
  if (typeof node['condition'] === 'string')
    return traceCondition(context, context.shared?.[node['condition']], values)
  if (node['not'] !== undefined) {
    const inner = traceCondition(context, node['not'], values)
    return { kind: 'not', holds: !inner.holds, conditions: [inner] }
  }
  const fact = String(node['fact'])
  const path = typeof node['path'] === 'string' ? node['path'] : undefined
  const operator = String(node['operator'])
  const actual = readRef(context, values, { fact, path })
  const raw = node['value']
  const value =
    isObject(raw) && typeof raw['fact'] === 'string'
      ? readRef(context, values, {
          fact: raw['fact'],
          path: typeof raw['path'] === 'string' ? raw['path'] : undefined,
        })
      : raw
  const resolved = resolveOperator(operator, context.ruleset.customOperators)
  const holds = resolved.ok && resolved.compare(actual, value)
  const trace: ConditionTrace = { kind: 'fact', holds, fact }
  if (path !== undefined) trace.path = path
  trace.operator = operator
  trace.value = value
  if (actual !== undefined) trace.actual = actual
  const derivation = context.derive?.(fact)
  if (derivation !== undefined) trace.derivation = derivation
  return trace
}

/**
 * Explains why an item is, or is not, in a configuration's BOM: the rules that can add it, their
 * conditions and the fact values that made them hold or fail, and for an item that is not there the
 * smallest change that would add it.
 *
 * @example explain(configurator, config, 'T2-BODY-61-72-HA').rules[0].conditions
 */
export function explain(
  configurator: Configurator,
  config: unknown,
  request: string | ExplainRequest,
): Explanation {
  return runSteps(explainSteps(configurator, config, request))
}

/**
 * {@link explain} that pauses for the event loop every `sliceMs` (default 10) while it searches for a
 * change, so that a server stays responsive and sees the request's `signal` abort.
 *
 * @example await explainAsync(configurator, config, { item: 'T2-OHL-MDRD-KIT', signal: request.signal })
 */
export async function explainAsync(
  configurator: Configurator,
  config: unknown,
  request: string | (ExplainRequest & { sliceMs?: number }),
): Promise<Explanation> {
  const sliceMs = typeof request === 'string' ? 10 : (request.sliceMs ?? 10)
  return runStepsAsync(explainSteps(configurator, config, request), sliceMs)
}

/** {@link explain} as steps: it yields between the configurations its search for a change checks. */
function* explainSteps(
  configurator: Configurator,
  config: unknown,
  request: string | ExplainRequest,
): Steps<Explanation> {
  const { id, limit, signal, all, changeBudget } = explainArguments(configurator, request)
  const result = configurator.configure(config)
  const errors = result.findings.filter((finding) => finding.severity === 'error')
  const traced = traceRules(configurator, {
    id,
    configuration: result.configuration,
    all,
    budget: createWorkBudget(limit, signal),
  })
  const { rules, canAdd } = traced
  let truncated = traced.truncated
  // once a rule adds the item, the rules that gave another id are noise too
  const shown =
    all || !rules.some((r) => r.adds) ? rules : rules.filter((r) => !(r.fired && !r.adds))
  const line = result.lines.find((l) => l.id === id)
  const verdict: Explanation['verdict'] = !result.ok
    ? 'invalid-configuration'
    : line !== undefined
      ? 'added'
      : !traced.any
        ? 'no-rule'
        : 'not-added'
  const explanation: Explanation = {
    item: id,
    inBom: line !== undefined,
    verdict,
    rules: shown,
    errors,
  }
  if (line !== undefined) explanation.line = line
  if (verdict === 'not-added' && changeBudget > 0 && truncated === undefined) {
    const search = createWorkBudget(changeBudget, signal)
    try {
      // rules that never fired first: their conditions are what stands in the way
      const fired = new Set(rules.filter((r) => r.fired).map((r) => r.rule))
      const order = [
        ...canAdd.filter((rule) => !fired.has(rule.name)),
        ...canAdd.filter((rule) => fired.has(rule.name)),
      ]
      const change = yield* suggestChange(configurator, {
        config,
        id,
        rules: order,
        budget: search,
      })
      if (change !== undefined) explanation.change = change
    } catch (error) {
      if (!(error instanceof OutOfWork)) throw error
      truncated = {
        reason: error.reason,
        message:
          error.reason === 'aborted'
            ? 'the caller aborted the search for a change that would add the item'
            : `the search for a change that would add the item stopped after ${changeBudget} configurations (its budget)`,
      }
    }
  }
  if (truncated !== undefined) explanation.truncated = truncated
  return explanation
}

/** explain()'s request checked (a programmer error throws), with the item id as the catalog has it */
function explainArguments(
  configurator: Configurator,
  request: string | ExplainRequest,
): {
  id: string
  limit: number
  signal: AbortSignalLike | undefined
  all: boolean
  changeBudget: number
} {
  const {
    item: itemId,
    budget: limit = DEFAULT_EXPLAIN_BUDGET,
    signal,
    all = false,
    changeBudget = DEFAULT_CHANGE_BUDGET,
  } = typeof request === 'string' ? { item: request } : request
  if (typeof itemId !== 'string' || itemId === '') {
    throw new ConfiguratorError(
      'invalid_argument',
      'explain(): the item id must be a non-empty string',
    )
  }
  const wrong =
    checkBudget('explain()', limit) ??
    (Number.isSafeInteger(changeBudget) && changeBudget >= 0
      ? undefined
      : `explain(): changeBudget must be a whole number >= 0, received ${String(changeBudget)}`)
  if (wrong !== undefined) throw new ConfiguratorError('invalid_argument', wrong)
  const { ruleset, catalog } = configurator
  const id = catalog.resolve(itemId) ?? itemId
  // an add event only gives catalog items; anything else must be a custom part
  const custom = [...ruleset.customParts.values()].some((t) => templateCanGive(t.idTemplate, id))
  if (catalog.resolve(itemId) === undefined && !custom) {
    const hint = didYouMean(itemId, catalog.ids())
    throw new ConfiguratorError(
      'unknown_item',
      `explain(): item ${JSON.stringify(itemId)} is neither in the catalog nor a custom part id${hint === undefined ? '' : `; ${hint}`}`,
    )
  }
  return { id, limit, signal, all, changeBudget }
}

/** the traces of every rule that can add the item: whether any could, and those that can */
interface Traced {
  rules: RuleTrace[]
  canAdd: CompiledRule[]
  /** whether any rule could have added the item here (traced or left out) */
  any: boolean
  truncated: Truncation | undefined
}

/** traces every rule that can give the item, once or once per list element, until the budget ends */
function traceRules(
  configurator: Configurator,
  at: {
    id: string
    configuration: Readonly<Record<string, unknown>>
    all: boolean
    budget: WorkBudget
  },
): Traced {
  const { ruleset } = configurator
  const values = computeFacts(ruleset, at.configuration)
  const tracing: Tracing = {
    ...at,
    configurator,
    values,
    context: {
      ...contextOf(ruleset),
      derive: createDerivations(ruleset, values, at.configuration),
    },
    traced: { rules: [], canAdd: [], any: false, truncated: undefined },
  }
  const { traced } = tracing
  try {
    for (const rule of ruleset.rules) traceRule(tracing, rule)
  } catch (error) {
    if (!(error instanceof OutOfWork)) throw error
    traced.truncated = {
      reason: error.reason,
      message:
        error.reason === 'aborted'
          ? `the caller aborted after ${traced.rules.length} rule traces`
          : `the explanation stops after ${at.budget.limit} rule traces (its budget); later rules and list elements are not traced`,
    }
  }
  return traced
}

/** what traceRule() reads and adds to */
interface Tracing {
  configurator: Configurator
  id: string
  all: boolean
  budget: WorkBudget
  values: Values
  context: Context
  traced: Traced
}

/** one rule's trace, or one per element of its forEach list */
function traceRule(tracing: Tracing, rule: CompiledRule): void {
  const { configurator, id, all, budget, values, context, traced } = tracing
  const { ruleset, catalog } = configurator
  const gives = givers(ruleset, rule, id)
  if (gives.length === 0) return
  traced.canAdd.push(rule)
  let scope: Context = { ...context, shared: sharedConditionsOf(ruleset, rule.file) }
  const trace = (element: string | undefined): void => {
    budget.spend()
    traced.any = true
    const conditions = traceCondition(scope, rule.source.conditions, values)
    const given = gives.map((give) => catalog.resolve(give(values)) ?? give(values))
    const gave = given.find((g) => g === id) ?? given[0] ?? ''
    // a list element that gave another id says nothing about this one
    if (!all && element !== undefined && conditions.holds && gave !== id) return
    const entry: RuleTrace = {
      rule: rule.name,
      file: rule.file,
      fired: conditions.holds,
      gives: gave,
      adds: conditions.holds && gave === id,
      conditions,
    }
    if (rule.source.description !== undefined) entry.description = rule.source.description
    if (element !== undefined) entry.element = element
    traced.rules.push(entry)
  }
  const forEach = rule.forEach
  if (forEach === undefined) {
    trace(undefined)
    return
  }
  // the element facts exist inside this rule only
  const as = rule.source.forEach?.as ?? ''
  const local = new Map(context.slots)
  local.set(as, forEach.slots[0]).set(`${as}Index`, forEach.slots[1])
  local.set(`${as}Number`, forEach.slots[2])
  scope = { ...scope, slots: local }
  const list = forEach.list(values)
  if (!Array.isArray(list)) return
  const listName =
    typeof rule.source.forEach?.list === 'string'
      ? rule.source.forEach.list
      : (rule.source.forEach?.list.fact ?? '')
  for (let i = 0; i < list.length; i++) {
    bindElement(values, forEach.slots, { list, index: i })
    trace(`${listName}[${String(i)}]`)
  }
}
