import type { PathSegment } from '../issues.js'
import { formatPath } from '../issues.js'
import type { ReadPattern } from '../rules/read-pattern.js'
import { isObject } from '../util.js'
import type { Configurator } from '../rules/configure.js'
import { readSegments } from '../rules/path.js'
import type { CompiledRule } from '../rules/ruleset.js'
import type { Context, Slot } from './option-types.js'
import { contextOf } from './option-context.js'
import { apply, candidates, filler, isLeaf, walk } from './option-slots.js'
import { readTouches } from '../rules/read-pattern.js'
import type { WorkBudget } from './work-budget.js'
import { OutOfWork } from './work-budget.js'

/** The configurations the search for a change may check by default (a T2 item needs a few dozen at most). */
export const DEFAULT_CHANGE_BUDGET = 500

/** One field of a configuration changed: its value before and after (absent: not given). */
export interface ConfigurationChange {
  /** the configuration path, e.g. `pegboard.type` */
  path: string
  from?: unknown
  to?: unknown
}

/** The smallest change found that puts an item in the BOM, the rest of the configuration kept. */
export interface SuggestedChange {
  /** the fields to change, fewest first found (defaults that a new object or element gets are left out) */
  changes: ConfigurationChange[]
  /** the change in one sentence: `set pegboard.type to "SOLID"` */
  message: string
}

interface Search {
  configurator: Configurator
  context: Context
  id: string
  budget: WorkBudget
  /** option paths left unset in the configuration: a completion keeps them so */
  unset: ReadonlySet<string>
}

function sameValue(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b)
}

/** values the item's id names first (`SOLID` for `…-SOLID-KIT`): a template likely reads them */
function namedFirst(search: Search, values: readonly unknown[]): unknown[] {
  const named = (value: unknown) => typeof value === 'string' && search.id.includes(value)
  return [...values.filter(named), ...values.filter((value) => !named(value))]
}

/** the slot's values other than the one it has: those the id names, then the nearest number first */
function alternatives(search: Search, slot: Slot): unknown[] {
  const values = candidates(search.context, slot)
  const current = slot.value
  const other = values.filter((value) => {
    switch (slot.kind) {
      case 'presence':
        return isObject(value) ? !isObject(current) : current !== null && current !== undefined
      case 'variant':
        return isObject(value) ? !isObject(current) : !sameValue(value, current)
      case 'add':
        return true
      case 'count':
      case 'enum':
      case 'boolean':
      case 'item':
      case 'number':
      case 'integer':
      case 'text':
        return value === null ? current !== undefined : !sameValue(value, current)
    }
  })
  if (typeof current !== 'number') return namedFirst(search, other)
  return other
    .map((value, index) => ({ value, index }))
    .sort(
      (a, b) =>
        Math.abs((a.value as number) - current) - Math.abs((b.value as number) - current) ||
        a.index - b.index,
    )
    .map((entry) => entry.value)
}

/** the completions tried per changed value: the first ones, defaults first, are the natural ones */
const COMPLETIONS_PER_CHANGE = 16

/** configures one configuration: is it valid, with the item in its BOM? */
function* adds(
  search: Search,
  config: unknown,
  tries: { left: number },
): Generator<undefined, boolean> {
  tries.left--
  search.budget.spend()
  yield
  const result = search.configurator.configure(config)
  return result.ok && result.lines.some((line) => line.id === search.id)
}

/** fills what a change opened (a new object's fields, a new element's), depth first, defaults first */
function* complete(
  search: Search,
  config: unknown,
  at: { fixed: ReadonlySet<string>; tries: { left: number } },
): Generator<undefined, unknown> {
  const { fixed, tries } = at
  if (tries.left <= 0) return undefined
  const options = search.configurator.ruleset.options
  const slot = walk(options, config, 'open').find((s) => !fixed.has(formatPath(s.path)))
  if (slot === undefined) return (yield* adds(search, config, tries)) ? config : undefined
  const first = filler(search.context, slot)
  const values = candidates(search.context, slot)
  const ordered = namedFirst(search, [
    ...values.filter((v) => sameValue(v, first)),
    ...values.filter((v) => !sameValue(v, first)),
  ])
  const next = new Set(fixed).add(formatPath(slot.path))
  for (const value of ordered) {
    const found = yield* complete(search, apply(config, slot, value), { fixed: next, tries })
    if (found !== undefined) return found
  }
  return undefined
}

function diffLeaves(
  before: unknown,
  after: unknown,
  at: { path: PathSegment[]; out: ConfigurationChange[] },
): void {
  if (sameValue(before, after)) return
  const { path, out } = at
  if (isObject(after) && (isObject(before) || before === null || before === undefined)) {
    const old = isObject(before) ? before : {}
    const keys = [...Object.keys(old), ...Object.keys(after).filter((k) => !(k in old))]
    for (const key of keys) diffLeaves(old[key], after[key], { path: [...path, key], out })
    return
  }
  if (Array.isArray(after) && (Array.isArray(before) || before === undefined)) {
    const old: unknown[] = Array.isArray(before) ? before : []
    for (let i = 0; i < Math.max(old.length, after.length); i++)
      diffLeaves(old[i], after[i], { path: [...path, i], out })
    return
  }
  const change: ConfigurationChange = { path: formatPath(path) }
  if (before !== undefined) change.from = before
  if (after !== undefined) change.to = after
  out.push(change)
}

/** the fields that differ, without the defaults that a new object or element is given */
function changesBetween(search: Search, before: unknown, after: unknown): ConfigurationChange[] {
  const out: ConfigurationChange[] = []
  diffLeaves(before, after, { path: [], out })
  const defaults = new Map<string, unknown>()
  for (const slot of walk(search.configurator.ruleset.options, after, 'all'))
    if (slot.option.default !== undefined) defaults.set(formatPath(slot.path), slot.option.default)
  const kept = out.filter(
    (change) =>
      'from' in change ||
      !defaults.has(change.path) ||
      !sameValue(defaults.get(change.path), change.to),
  )
  return kept.length === 0 ? out : kept
}

function describe(changes: readonly ConfigurationChange[]): string {
  const parts = changes.map((change, i) =>
    'to' in change
      ? `${i === 0 ? 'set ' : ''}${change.path} to ${JSON.stringify(change.to)}`
      : `remove ${change.path}`,
  )
  if (parts.length <= 1) return parts.join('')
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1] ?? ''}`
}

/** the first completion of one slot changed that adds the item */
function* changeOne(search: Search, config: unknown, slot: Slot): Generator<undefined, unknown> {
  for (const value of alternatives(search, slot)) {
    const unset = value === null && isLeaf(slot)
    const fixed = unset ? new Set(search.unset).add(formatPath(slot.path)) : search.unset
    const found = yield* complete(search, apply(config, slot, value), {
      fixed,
      tries: { left: COMPLETIONS_PER_CHANGE },
    })
    if (found !== undefined) return found
  }
  return undefined
}

/**
 * Searches the smallest change of a valid configuration that puts `id` in its BOM: one option the rules
 * that can add it read, changed to each of its values (the nearest number first) as `options()` lists
 * them, what the change opens filled (defaults first); then two such options. The fewest changed fields
 * win; `undefined` when no change of one or two options does it.
 */
export function* suggestChange(
  configurator: Configurator,
  input: { config: unknown; id: string; rules: readonly CompiledRule[]; budget: WorkBudget },
): Generator<undefined, SuggestedChange | undefined> {
  const context = contextOf(configurator, 3)
  const { config } = input
  const options = configurator.ruleset.options
  const search: Search = {
    configurator,
    context,
    id: input.id,
    budget: input.budget,
    unset: new Set(walk(options, config, 'open').map((slot) => formatPath(slot.path))),
  }
  const state: Suggesting = {
    search,
    config,
    readsByRule: input.rules.map((rule) => context.reads.get(rule.name) ?? []),
    best: undefined,
  }
  try {
    yield* searchChanges(state)
  } catch (error) {
    // out of work with a change in hand: the best found so far is the answer
    if (!(error instanceof OutOfWork) || state.best === undefined) throw error
  }
  const { best } = state
  return best === undefined ? undefined : { changes: best, message: describe(best) }
}

/** the search for a change: the configuration it starts from, and the best change found so far */
interface Suggesting {
  search: Search
  config: unknown
  /** what each rule that can add the item reads, in the order they are tried */
  readsByRule: readonly (readonly ReadPattern[])[]
  best: ConfigurationChange[] | undefined
}

/**
 * the slots the rules read, those of the first rules first; a field of an object that is not there is
 * given by the object's own change
 */
function rankedSlots(state: Suggesting, of: unknown): { slot: Slot; rank: number }[] {
  return walk(state.search.configurator.ruleset.options, of, 'all')
    .map((slot) => ({
      slot,
      rank: state.readsByRule.findIndex((reads) => reads.some((p) => readTouches(p, slot.path))),
    }))
    .filter(
      ({ slot, rank }) =>
        rank >= 0 &&
        slot.kind !== 'text' &&
        (slot.path.length < 2 || typeof readSegments(of, slot.path.slice(0, -1)) === 'object') &&
        readSegments(of, slot.path.slice(0, -1)) !== null,
    )
    .sort((a, b) => a.rank - b.rank)
}

function relevantSlots(state: Suggesting, of: unknown): Slot[] {
  return rankedSlots(state, of).map(({ slot }) => slot)
}

/** fewest fields first, then fewest values replaced (adding an accessory beats swapping one) */
function changeSize(changes: readonly ConfigurationChange[]): number {
  return changes.length * 1000 + changes.filter((change) => 'from' in change).length
}

function consider(state: Suggesting, found: unknown): void {
  const changes = changesBetween(state.search, state.config, found)
  if (state.best === undefined || changeSize(changes) < changeSize(state.best)) state.best = changes
}

function* searchChanges(state: Suggesting): Generator<undefined, undefined> {
  const { search, config } = state
  const slots = relevantSlots(state, config)
  // a change to what the first rules read is preferred: later rules are tried only without one
  let foundRank: number | undefined
  for (const { slot, rank } of rankedSlots(state, config)) {
    if (
      (state.best !== undefined && changeSize(state.best) === 1000) ||
      (foundRank !== undefined && rank > foundRank)
    )
      break
    const found = yield* changeOne(search, config, slot)
    if (found === undefined) continue
    consider(state, found)
    foundRank ??= rank
  }
  if (state.best !== undefined) return undefined
  yield* searchPairs(state, slots)
  return undefined
}

/** two options: the first changed to each of its values, then one more; the first pair found wins */
function* searchPairs(state: Suggesting, slots: readonly Slot[]): Generator<undefined, undefined> {
  const { search, config } = state
  for (let i = 0; i < slots.length; i++) {
    const first = slots[i] as Slot
    for (const value of alternatives(search, first)) {
      const changed = apply(config, first, value)
      const own = formatPath(first.path)
      const now = new Map(
        relevantSlots(state, changed).map((slot) => [
          `${slot.kind} ${formatPath(slot.path)}`,
          slot,
        ]),
      )
      for (const later of slots.slice(i + 1)) {
        const path = formatPath(later.path)
        const second = now.get(`${later.kind} ${path}`)
        if (second === undefined) continue
        if (path.startsWith(`${own}.`) || path.startsWith(`${own}[`)) continue
        const found = yield* changeOne(search, changed, second)
        // the first pair found is the answer: every pair is two changes
        if (found !== undefined) {
          consider(state, found)
          return undefined
        }
      }
    }
  }
  return undefined
}
