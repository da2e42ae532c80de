import { ConfiguratorError } from '../errors.js'
import type { Finding } from '../findings.js'
import { MODEL_RULE } from '../findings.js'
import { formatPath } from '../issues.js'
import type { OptionSpec } from '../configuration/option-schema.js'
import type { Configurator } from '../rules/configure.js'
import { readTouches } from '../rules/read-pattern.js'
import { isObject } from '../util.js'
import type { IncrementalCheck } from './incremental.js'
import { createIncrementalCheck } from './incremental.js'
import { contextOf } from './option-context.js'
import { capReasons, interchangeable, numberDomain, reasonsOf } from './option-results.js'
import type { Search } from './option-search.js'
import { createSearch, under } from './option-search.js'
import { apply, candidates, isLeaf, keyOf, walk, withValue } from './option-slots.js'
import type { Context, OptionDomain, Outcome, Slot } from './option-types.js'
import type { QuickCheckEnv } from './quick-check.js'
import { quickCheckOf } from './quick-check.js'
import type { AbortSignalLike, Truncation } from './work-budget.js'
import { OutOfWork, checkBudget, createWorkBudget } from './work-budget.js'

export type {
  Interval,
  OptionDomain,
  OptionKind,
  Reason,
  RuledOutInterval,
  RuledOutValue,
} from './option-types.js'

/**
 * The work {@link options} may do by default, in units of about one configuration value checked: 5× what
 * the T2 B3 every-option sample needs, 20–100× the others (docs/options.md#limits).
 */
export const DEFAULT_OPTIONS_BUDGET = 30_000

/** The reasons a ruled-out value lists by default; the rest are counted in `moreReasons`. */
export const DEFAULT_MAX_REASONS = 10

/** What {@link options} returns: every option's domain, or the problems of a malformed configuration. */
export interface OptionsResult {
  /** false when the partial configuration is malformed (a wrong type, an unknown key or value) */
  ok: boolean
  product: string
  options: OptionDomain[]
  /** what is malformed, with its path; a missing required value is not a problem here */
  problems: Finding[]
  /** present when the answer stops short: the options after the budget ran out have no domain */
  truncated?: OptionsTruncation
}

/** Why {@link options} stopped short, and the options it gives no domain for. */
export interface OptionsTruncation extends Truncation {
  /** the paths of the options left out, in the order they would have come */
  skipped: string[]
}

/** Settings of {@link options}. */
export interface OptionsSettings {
  /** the longest list a completion creates for a required list that is absent (default 3) */
  maxListLength?: number
  /**
   * `false`: configure every candidate in full, even where only the rules that read the changed value
   * need to run (the answer is the same; for checking that it is)
   */
  incremental?: boolean
  /**
   * the most checks (a configuration, or the rules that read a changed value, checked once) the answer
   * may take (default {@link DEFAULT_OPTIONS_BUDGET}); the answer says when it stopped short
   */
  budget?: number
  /** the most reasons a ruled-out value lists (default {@link DEFAULT_MAX_REASONS}) */
  maxReasons?: number
  /** stops the work when it aborts (between checks); the answer is then truncated, reason `aborted` */
  signal?: AbortSignalLike
}

/**
 * For every option of the product (per-basin options and list additions included), the values that
 * some completion of the partial configuration accepts, and for each other value the errors it runs into.
 *
 * @example options(configurator, { product: 'T2', pegboard: null }).options.find((o) => o.path === 'accessories')
 */
export function options(
  configurator: Configurator,
  partial: unknown,
  settings: OptionsSettings = {},
): OptionsResult {
  const steps = optionSteps(configurator, partial, settings)
  for (;;) {
    const step = steps.next()
    if (step.done === true) return step.value
  }
}

/**
 * {@link options} as steps: it yields after each option's domain, so that an async caller can let
 * other work (and an abort) in between; the return value is the answer.
 */
export function* optionSteps(
  configurator: Configurator,
  partial: unknown,
  settings: OptionsSettings = {},
): Generator<undefined, OptionsResult> {
  const { maxListLength, limit, maxReasons } = checkSettings(settings)
  const budget = createWorkBudget(limit, settings.signal)
  const { ruleset } = configurator
  const baseline = configurator.configure(partial)
  const problems = baseline.findings.filter(
    (f) => f.rule === MODEL_RULE && f.severity === 'error' && f.code !== 'required',
  )
  if (problems.length > 0) return { ok: false, product: ruleset.product, options: [], problems }
  const context = contextOf(configurator, maxListLength)
  // a valid completion of the partial configuration (its defaults, or the first the search finds):
  // configurations near it need only the rules that read what differs
  let incremental: IncrementalCheck | undefined
  const search = createSearch(context, () => incremental, budget)
  const open = walk(ruleset.options, partial, 'open')
  const slots = walk(ruleset.options, partial, 'all')
  const domains: OptionDomain[] = []
  const stopped = (error: unknown): OptionsResult =>
    truncatedAnswer(error, { product: ruleset.product, domains, slots, limit })
  try {
    budget.spend()
    if (settings.incremental !== false)
      incremental = witnessCheck(context, { partial, valid: baseline.ok, search })
  } catch (error) {
    return stopped(error)
  }
  const env: DomainEnv = {
    context,
    search,
    budget,
    partial,
    incremental,
    open,
    partialText: JSON.stringify(partial),
    alikeCache: new Map(),
  }
  try {
    for (const slot of slots) {
      const domain = domainOf(env, slot)
      // the reasons listed are the answer's size: they cost too
      budget.spend(capReasons(domain, maxReasons))
      domains.push(domain)
      yield
    }
  } catch (error) {
    return stopped(error)
  }
  return { ok: true, product: ruleset.product, options: domains, problems: [] }
}

/** the settings of options() with their defaults, or a ConfiguratorError naming the wrong one */
function checkSettings(settings: OptionsSettings): {
  maxListLength: number
  limit: number
  maxReasons: number
} {
  const maxListLength = settings.maxListLength ?? 3
  if (!Number.isInteger(maxListLength) || maxListLength < 0) {
    throw new ConfiguratorError(
      'invalid_argument',
      `options(): maxListLength must be a whole number >= 0, received ${String(maxListLength)}`,
    )
  }
  const limit = settings.budget ?? DEFAULT_OPTIONS_BUDGET
  const maxReasons = settings.maxReasons ?? DEFAULT_MAX_REASONS
  const wrong =
    checkBudget('options()', limit) ??
    (Number.isSafeInteger(maxReasons) && maxReasons >= 0
      ? undefined
      : `options(): maxReasons must be a whole number >= 0, received ${String(maxReasons)}`)
  if (wrong !== undefined) throw new ConfiguratorError('invalid_argument', wrong)
  return { maxListLength, limit, maxReasons }
}

/** the answer when the work stops short: the domains so far, and the options skipped */
function truncatedAnswer(
  error: unknown,
  at: { product: string; domains: OptionDomain[]; slots: readonly Slot[]; limit: number },
): OptionsResult {
  if (!(error instanceof OutOfWork)) throw error
  const { product, domains, slots, limit } = at
  const skipped = slots.slice(domains.length).map((slot) => formatPath(slot.path))
  const message =
    error.reason === 'aborted'
      ? `the caller aborted: ${skipped.length} of ${slots.length} options have no domain`
      : `the answer needs more than ${limit} checks (its work budget): ${skipped.length} of ${slots.length} options have no domain`
  return {
    ok: true,
    product,
    options: domains,
    problems: [],
    truncated: { reason: error.reason, message, skipped },
  }
}

/** the incremental check around a valid completion of `partial`, when one is found and usable */
function witnessCheck(
  context: Context,
  at: { partial: unknown; valid: boolean; search: Search },
): IncrementalCheck | undefined {
  const { configurator } = context
  const { partial } = at
  const found: Outcome = at.valid ? { ok: true as const, witness: partial } : at.search(partial, [])
  const witness = found.ok ? configurator.configure(found.witness) : undefined
  // unset text is typed later: a witness may lack it when no rule reads it
  const free = walk(configurator.ruleset.options, partial, 'all')
    .filter((slot) => slot.kind === 'text' && !slot.set)
    .map((slot) => slot.path)
  const usable = witness?.findings.every(
    (f) =>
      f.severity !== 'error' ||
      (f.rule === MODEL_RULE &&
        free.some((path) => under(f.path, path)) &&
        ![...context.reads.values()].some((reads) =>
          reads.some((pattern) => free.some((path) => readTouches(pattern, path))),
        )),
  )
  return witness !== undefined && usable === true
    ? createIncrementalCheck(configurator, witness.configuration)
    : undefined
}

/** what every option's domain is worked out with, once per answer */
interface DomainEnv extends QuickCheckEnv {
  search: Search
  partial: unknown
  partialText: string
  alikeCache: Map<OptionSpec, ReadonlySet<unknown>>
}

function domainOf(env: DomainEnv, slot: Slot): OptionDomain {
  const domain: OptionDomain = {
    path: formatPath(slot.path),
    kind: slot.kind,
    set: slot.set,
    allowed: [],
    ruledOut: [],
  }
  if (slot.set) domain.value = slot.value
  const outcomeOf = createOutcomeOf(env, slot)
  if (slot.kind === 'number' || slot.kind === 'integer') {
    domain.intervals = numberDomain(env.context, slot, outcomeOf)
  } else if (slot.kind === 'text') {
    const outcome = env.search(env.partial, [])
    if (outcome.ok) domain.allowed.push(slot.set ? slot.value : null)
  } else discreteDomain(env, { slot, domain, outcomeOf })
  return domain
}

/** whether some completion takes `value` at `slot`: the quick check, a reused witness, or the search */
function createOutcomeOf(env: DomainEnv, slot: Slot): (value: unknown) => Outcome {
  const { search, partial, incremental, budget } = env
  const quick = quickCheckOf(env, slot)
  const own = formatPath(slot.path)
  // the last valid completion found for another value of this slot: with this value instead, it
  // is often valid too, and one check shows it (the search would find a completion as well)
  let reuse: Record<string, unknown> | undefined
  return (value) => {
    const errors = quick(value)
    if (errors !== undefined)
      return errors.length === 0 ? { ok: true } : { ok: false, reasons: errors }
    const again = reuse === undefined ? undefined : withValue(reuse, { slot, partial, value })
    if (again !== undefined && incremental !== undefined) {
      budget.spend()
      if (incremental.errorsOf(again)?.length === 0) {
        reuse = again
        return { ok: true, witness: again }
      }
    }
    const outcome = search(apply(partial, slot, value), value === null && isLeaf(slot) ? [own] : [])
    if (outcome.ok && isObject(outcome.witness)) reuse = outcome.witness
    return outcome
  }
}

/** the allowed and ruled-out values of a discrete option; interchangeable ids share one outcome */
function discreteDomain(
  env: DomainEnv,
  at: { slot: Slot; domain: OptionDomain; outcomeOf: (value: unknown) => Outcome },
): void {
  const { slot, domain, outcomeOf } = at
  const option =
    slot.kind === 'item'
      ? slot.option
      : slot.kind === 'add' && slot.option.type === 'list'
        ? keyOf(slot.option.items)?.option
        : undefined
  let alike = option === undefined ? undefined : env.alikeCache.get(option)
  if (alike === undefined) {
    alike = interchangeable(env.context, option, env.partialText)
    if (option !== undefined) env.alikeCache.set(option, alike)
  }
  let shared: Outcome | undefined
  for (const value of candidates(env.context, slot)) {
    if (alike.has(value)) {
      shared ??= outcomeOf(value)
      if (shared.ok) {
        domain.allowed.push(value)
        continue
      }
    }
    const outcome = outcomeOf(value)
    if (outcome.ok) domain.allowed.push(value)
    else domain.ruledOut.push({ value, reasons: reasonsOf(outcome.reasons) })
  }
}
