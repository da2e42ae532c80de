import type { Finding } from '../findings.js'
import { MODEL_RULE } from '../findings.js'
import type { PathSegment } from '../issues.js'
import { formatPath } from '../issues.js'
import { readSegments, setSegments } from '../rules/path.js'
import { readTouches } from '../rules/read-pattern.js'
import type { CompiledRule } from '../rules/ruleset.js'
import { isObject } from '../util.js'
import type { IncrementalCheck } from './incremental.js'
import type { WorkBudget } from './work-budget.js'
import type { Context, Outcome } from './option-types.js'
import { conditionDirectionOf, optionAt } from './monotone.js'
import { apply, candidates, filler, isLeaf, walk } from './option-slots.js'

export function under(findingPath: string, path: readonly PathSegment[]): boolean {
  const prefix = formatPath(path)
  if (prefix === '') return true
  return (
    findingPath === prefix ||
    findingPath.startsWith(`${prefix}.`) ||
    findingPath.startsWith(`${prefix}[`) ||
    prefix.startsWith(`${findingPath}.`) ||
    prefix.startsWith(`${findingPath}[`)
  )
}

/** does the finding depend on a value at `path`? */
export function touches(context: Context, finding: Finding, path: readonly PathSegment[]): boolean {
  if (finding.rule === MODEL_RULE) return under(finding.path, path)
  const reads = context.reads.get(finding.rule)
  if (reads === undefined) return true
  return reads.some((pattern) => readTouches(pattern, path))
}

/** decides whether some completion of `config` is valid; `unset` lists options chosen to stay unset */
export type Search = (config: unknown, unset: readonly string[]) => Outcome

/** a node's filling: the completion and the paths filled to make it */
interface Filled {
  full: unknown
  filled: readonly PathSegment[][]
  /** the length of the parent's configuration as JSON: what a check costs */
  size: number
}

/** what the nodes of one search share: the configurator, the budget, the outcomes met so far */
interface SearchState {
  context: Context
  incremental: () => IncrementalCheck | undefined
  budget: WorkBudget
  memo: Map<string, Outcome>
  /** the rules certainError() can reason about, by name */
  rules: Map<string, CompiledRule>
}

export function createSearch(
  context: Context,
  incremental: () => IncrementalCheck | undefined,
  budget: WorkBudget,
): Search {
  const state: SearchState = {
    context,
    incremental,
    budget,
    memo: new Map(),
    rules: rulesByName(context.configurator.ruleset.rules),
  }
  return (config, unset) => searchNode(state, { config, unset })
}

/** one node of the search: a configuration and the options chosen to stay unset */
function searchNode(
  state: SearchState,
  at: { config: unknown; unset: readonly string[] },
  parent?: Filled,
): Outcome {
  const { context, memo, budget } = state
  const { config, unset } = at
  // a child of a plain value is met once in its search (its siblings hold other values): it is
  // not remembered, which spares writing the configuration out as a key
  const key =
    parent !== undefined
      ? undefined
      : unset.length === 0
        ? JSON.stringify(config)
        : `${JSON.stringify(config)}${unset.join('\u0000')}`
  const known = key === undefined ? undefined : memo.get(key)
  if (known !== undefined) return known
  // a check costs about the configuration's size, and then its errors
  const size = key?.length ?? parent?.size ?? 0
  budget.spend(1 + Math.floor(size / 100))
  // fill every unset option with its default or first candidate, then see what still fails; a
  // plain value chosen in a parent's filling leaves the rest of that filling as it was
  const { full, filled } = parent ?? fill(context, config, unset)
  const errors = errorsOf(state, full)
  let outcome: Outcome
  if (errors.length === 0) outcome = { ok: true, witness: full }
  else {
    const decided = errors.filter((f) => !filled.some((path) => touches(context, f, path)))
    const filling = { full, filled, size }
    // an error that no filling escapes is the reason itself: nothing is tried beneath it
    const certain = decided.length > 0 ? undefined : certainError(state, errors, filling)
    outcome =
      decided.length > 0
        ? { ok: false, reasons: decided }
        : certain !== undefined
          ? { ok: false, reasons: [certain] }
          : branch(state, { config, unset, errors }, filling)
  }
  if (key !== undefined) memo.set(key, outcome)
  return outcome
}

/** the errors of a completion, but those of text left unset (assumed to be typed validly later) */
function errorsOf(state: SearchState, full: unknown): Finding[] {
  const { configurator } = state.context
  const quick = isObject(full) ? state.incremental()?.errorsOf(full) : undefined
  const errors =
    quick ?? configurator.configure(full).findings.filter((f) => f.severity === 'error')
  state.budget.spend(errors.length)
  if (!errors.some((f) => f.rule === MODEL_RULE)) return errors
  const free = walk(configurator.ruleset.options, full, 'all').filter(
    (slot) => slot.kind === 'text' && !slot.set,
  )
  return errors.filter(
    (f) => !(f.rule === MODEL_RULE && free.some((slot) => under(f.path, slot.path))),
  )
}

/** branches on an unset option that a failing rule reads */
function branch(
  state: SearchState,
  at: { config: unknown; unset: readonly string[]; errors: Finding[] },
  filling: Filled,
): Outcome {
  const { context } = state
  const { config, unset, errors } = at
  const { full, filled, size } = filling
  const open = walk(context.configurator.ruleset.options, config, 'open').filter(
    (s) => !unset.includes(formatPath(s.path)),
  )
  const slot = open.find((s) => errors.some((f) => touches(context, f, s.path))) ?? open[0]
  if (slot === undefined) return { ok: false, reasons: errors }
  // the default first: when every value fails, its errors are the reasons given
  const first = filler(context, slot)
  const values = candidates(context, slot)
  const ordered = [
    ...values.filter((v) => JSON.stringify(v) === JSON.stringify(first)),
    ...values.filter((v) => JSON.stringify(v) !== JSON.stringify(first)),
  ]
  let outcome: Outcome = { ok: false, reasons: [] }
  // a plain value filled in this node: the children's fillings are this one's but for it
  const own = formatPath(slot.path)
  const index = isLeaf(slot) ? filled.findIndex((path) => formatPath(path) === own) : -1
  const others = index < 0 ? undefined : [...filled.slice(0, index), ...filled.slice(index + 1)]
  for (const value of ordered) {
    const child = searchNode(
      state,
      {
        config: apply(config, slot, value),
        unset: value === null && isLeaf(slot) ? [...unset, own].sort() : unset,
      },
      others === undefined ? undefined : { full: apply(full, slot, value), filled: others, size },
    )
    if (child.ok) return child
    if (outcome.reasons.length === 0) outcome = child
  }
  return outcome
}

/**
 * An error every completion runs into: of the values filled, its rule reads only numbers that its
 * condition moves one way with, and it still fires with each at the end least favourable to it (a
 * sum of quantities over a limit, at the quantities' minimum): that error as it reads there, or
 * undefined when there is none.
 */
function certainError(
  state: SearchState,
  errors: readonly Finding[],
  filling: Filled,
): Finding | undefined {
  const { context, budget } = state
  const { configurator } = context
  const { full, filled, size } = filling
  for (const f of errors) {
    const rule = state.rules.get(f.rule)
    if (f.rule === MODEL_RULE || rule === undefined) continue
    let corner: unknown = full
    let monotone = true
    for (const path of filled) {
      if (!touches(context, f, path)) continue
      const option = optionAt(configurator.ruleset.options, path)
      const direction = conditionDirectionOf(configurator.ruleset, rule, path)
      const end =
        option?.type !== 'number' && option?.type !== 'integer'
          ? undefined
          : direction === 'up'
            ? option.minimum
            : direction === 'down'
              ? option.maximum
              : direction === 'const'
                ? readSegments(full, path)
                : undefined
      if (typeof end !== 'number') {
        monotone = false
        break
      }
      if (readSegments(corner, path) !== end) corner = setSegments(corner, path, end)
    }
    if (!monotone) continue
    if (corner === full) return f
    budget.spend(1 + Math.floor(size / 100))
    // the error as it reads there, at the least favourable end
    const there = errorsOf(state, corner).find((g) => g.rule === f.rule)
    if (there !== undefined) return there
  }
  return undefined
}

/** the rules by name, those without forEach only, and of a name that one rule has */
function rulesByName(list: readonly CompiledRule[]): Map<string, CompiledRule> {
  const byName = new Map<string, CompiledRule>()
  const seen = new Set<string>()
  for (const rule of list) {
    if (seen.has(rule.name)) byName.delete(rule.name)
    else if (rule.forEach === undefined) byName.set(rule.name, rule)
    seen.add(rule.name)
  }
  return byName
}

/** fills every option left open (but those chosen to stay unset) with its default or first candidate */
function fill(
  context: Context,
  config: unknown,
  unset: readonly string[],
): { full: unknown; filled: PathSegment[][] } {
  const options = context.configurator.ruleset.options
  let full = config
  const filled: PathSegment[][] = []
  const seen = new Set<string>(unset)
  for (;;) {
    const open = walk(options, full, 'open').filter((slot) => !seen.has(formatPath(slot.path)))
    if (open.length === 0) break
    for (const slot of open) {
      full = apply(full, slot, filler(context, slot))
      filled.push(slot.path)
      seen.add(formatPath(slot.path))
    }
  }
  return { full, filled }
}
