import type { Finding } from '../findings.js'
import { MODEL_RULE } from '../findings.js'
import { ConfiguratorError } from '../errors.js'
import type { PathSegment } from '../issues.js'
import { formatPath } from '../issues.js'
import type { ReadPattern } from '../rules/read-pattern.js'
import { SHALLOW, readTouches } from '../rules/read-pattern.js'
import { isObject } from '../util.js'
import type { Configurator } from '../rules/configure.js'
import { readSegments, setSegments } from '../rules/path.js'
import type { OptionSpec } from '../configuration/option-schema.js'
import { breakpointsOf } from './breakpoints.js'
import type { IncrementalCheck } from './incremental.js'
import { createIncrementalCheck } from './incremental.js'
import type { AbortSignalLike, Truncation, WorkBudget } from './work-budget.js'
import { OutOfWork, checkBudget, createWorkBudget } from './work-budget.js'

/**
 * The work {@link options} may do by default, in units of about one configuration value checked: 5× what
 * the T2 B3 every-option sample needs, 20–100× the others (docs/options.md#limits).
 */
export const DEFAULT_OPTIONS_BUDGET = 30_000

/** The reasons a ruled-out value lists by default; the rest are counted in `moreReasons`. */
export const DEFAULT_MAX_REASONS = 10

/** A range of numbers; `null` ends are unbounded. */
export interface Interval {
  from: number | null
  to: number | null
  fromInclusive: boolean
  toInclusive: boolean
}

/** Why a value is ruled out: an error finding that every configuration with the value runs into. */
export interface Reason {
  rule: string
  path: string
  message: string
}

/**
 * What an option is: a plain value (`enum`, `boolean`, `item`, `number`, `integer`, `text`), whether a
 * nullable object is given (`presence`: `null` or `{}`), which variant a `oneOf` takes (`variant`: an
 * enum value or `{}` for the custom object), how many elements a required list holds (`count`), or which
 * element keys can be appended to a list (`add`, e.g. the accessory ids that can still be added).
 */
export type OptionKind =
  | 'enum'
  | 'boolean'
  | 'item'
  | 'number'
  | 'integer'
  | 'text'
  | 'presence'
  | 'variant'
  | 'count'
  | 'add'

/** A value that no completion makes valid, and why. */
export interface RuledOutValue {
  value: unknown
  reasons: Reason[]
  /** how many more reasons there are than `reasons` lists (only when there are more) */
  moreReasons?: number
}

/** A range of numbers that no completion makes valid, and why. */
export interface RuledOutInterval {
  interval: Interval
  reasons: Reason[]
  /** how many more reasons there are than `reasons` lists (only when there are more) */
  moreReasons?: number
}

/** The values one option can still take. `null` in `allowed` means the option may stay unset. */
export interface OptionDomain {
  /** the configuration path, e.g. `basins[0].type`; for `add`, the list, e.g. `accessories` */
  path: string
  kind: OptionKind
  /** true when the partial configuration gives a value */
  set: boolean
  /** the value given, when set */
  value?: unknown
  /** discrete options: the values some completion accepts */
  allowed: unknown[]
  /** discrete options: the values no completion accepts, with the errors they run into */
  ruledOut: RuledOutValue[]
  /** number and integer options: the allowed and ruled-out ranges */
  intervals?: { allowed: Interval[]; ruledOut: RuledOutInterval[] }
}

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

/** one option of a configuration (internal: options() and the why-not search share it) */
export interface Slot {
  path: PathSegment[]
  option: OptionSpec
  kind: OptionKind
  value: unknown
  set: boolean
  /** add: the key property of a new element */
  key?: string
  /** whether the option may be left unset */
  optional: boolean
}

interface Piece {
  interval: Interval
  value: number
}

/** what options() knows of a configurator, built once (internal) */
export interface Context {
  configurator: Configurator
  /** rule name → the configuration paths it reads */
  reads: ReadonlyMap<string, readonly ReadPattern[]>
  /** the constants that conditions reading an option compare with: its numbers' breakpoints */
  breakpoints: (path: readonly PathSegment[]) => number[]
  items: (option: OptionSpec & { type: 'item' }) => string[]
  maxListLength: number
  /** every rule, fact and template as text, to find the ids that rules name */
  sourceText: string
  /** per item option, its ids that no rule names (see interchangeable) */
  unnamed: Map<OptionSpec, string[]>
}

/** a witness is a valid completion (defaults not yet applied) */
type Outcome = { ok: true; witness?: unknown } | { ok: false; reasons: Finding[] }

// candidates and structure

function keyOf(option: OptionSpec): { key: string; option: OptionSpec } | undefined {
  if (option.type !== 'object') return undefined
  for (const [key, property] of Object.entries(option.properties)) {
    if (property.required === true && (property.type === 'enum' || property.type === 'item'))
      return { key, option: property }
  }
  return undefined
}

function objectVariant(option: OptionSpec & { type: 'oneOf' }): OptionSpec | undefined {
  return option.variants.find((variant) => variant.type === 'object')
}

/** Lists the options of a configuration: `open` gives the unset ones a completion must choose. */
export function walk(
  options: Readonly<Record<string, OptionSpec>>,
  config: unknown,
  mode: 'open' | 'all',
): Slot[] {
  const out: Slot[] = []
  const root = ROOTS.get(options) ?? { type: 'object' as const, properties: { ...options } }
  ROOTS.set(options, root)
  visit({ out, mode, path: [] }, { option: root, value: config, optional: false })
  return out
}

const ROOTS = new WeakMap<object, OptionSpec>()

/** the walk's state: the path is one stack, copied only into the slots it gives */
interface Walk {
  out: Slot[]
  mode: 'open' | 'all'
  path: PathSegment[]
}

interface Visit {
  option: OptionSpec
  value: unknown
  optional: boolean
}

function visitProperties(
  walk: Walk,
  at: { properties: Record<string, OptionSpec>; record: Record<string, unknown> },
): void {
  for (const key in at.properties) {
    const property = at.properties[key] as OptionSpec
    walk.path.push(key)
    visit(walk, {
      option: property,
      value: at.record[key],
      optional: property.required !== true && property.default === undefined,
    })
    walk.path.pop()
  }
}

function visit(walk: Walk, at: Visit): void {
  const { out, mode } = walk
  const { option, optional } = at
  let value = at.value
  const set = value !== undefined
  const push = mode === 'all' || !set
  switch (option.type) {
    case 'object': {
      if (option.nullable === true) {
        if (push)
          out.push({ path: walk.path.slice(), option, kind: 'presence', value, set, optional })
        if (value === null || !set) {
          if (mode === 'open') return
          value = {}
        }
      }
      if (set && !isObject(value)) return
      const record = isObject(value) ? value : {}
      visitProperties(walk, { properties: option.properties, record })
      return
    }
    case 'oneOf': {
      if (push) out.push({ path: walk.path.slice(), option, kind: 'variant', value, set, optional })
      const variant = objectVariant(option)
      if (variant === undefined || variant.type !== 'object') return
      // a chosen standard value hides the custom fields; unset, they are shown for choosing
      if (!isObject(value) && (mode === 'open' || set)) return
      const record = isObject(value) ? value : {}
      visitProperties(walk, { properties: variant.properties, record })
      return
    }
    case 'list': {
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) {
          walk.path.push(i)
          visit(walk, { option: option.items, value: value[i], optional: false })
          walk.path.pop()
        }
      } else if (!set && option.default === undefined)
        out.push({ path: walk.path.slice(), option, kind: 'count', value, set, optional })
      if (mode === 'all' && option.default !== undefined) {
        const key = keyOf(option.items)
        if (key !== undefined)
          out.push({
            path: walk.path.slice(),
            option,
            kind: 'add',
            value: undefined,
            set: false,
            key: key.key,
            optional: true,
          })
      }
      return
    }
    case 'string':
      if (mode === 'all')
        out.push({ path: walk.path.slice(), option, kind: 'text', value, set, optional })
      return
    case 'enum':
    case 'boolean':
    case 'item':
    case 'number':
    case 'integer':
      if (push)
        out.push({ path: walk.path.slice(), option, kind: option.type, value, set, optional })
      return
  }
}

function decimalStep(option: OptionSpec): number | undefined {
  if (option.type === 'integer') return 1
  if (option.type === 'number' && option.decimals !== undefined) return 10 ** -option.decimals
  return undefined
}

function round(value: number): number {
  return Number(value.toFixed(10))
}

/** One representative per piece: each breakpoint, and one value strictly between neighbours. */
function piecesOf(option: OptionSpec, constants: readonly number[]): Piece[] {
  const minimum = option.type === 'number' || option.type === 'integer' ? option.minimum : undefined
  const maximum = option.type === 'number' || option.type === 'integer' ? option.maximum : undefined
  const integer = option.type === 'integer'
  const inRange = (n: number) =>
    (minimum === undefined || n >= minimum) &&
    (maximum === undefined || n <= maximum) &&
    (!integer || Number.isInteger(n))
  const points = [
    ...new Set(
      [
        ...constants,
        ...(minimum === undefined ? [] : [minimum]),
        ...(maximum === undefined ? [] : [maximum]),
      ].filter(inRange),
    ),
  ].sort((a, b) => a - b)
  const step = decimalStep(option)
  const between = (a: number, b: number): number | undefined => {
    if (step === undefined) return (a + b) / 2
    const next = integer ? Math.floor(a) + 1 : round(Math.floor(round(a / step)) * step + step)
    return next < b ? next : undefined
  }
  const open = (from: number | null, to: number | null): Interval => ({
    from,
    to,
    fromInclusive: false,
    toInclusive: false,
  })
  const pieces: Piece[] = []
  const first = points[0]
  if (first === undefined) {
    const value = minimum ?? maximum ?? 0
    return [{ interval: open(null, null), value }]
  }
  if (minimum === undefined) pieces.push({ interval: open(null, first), value: first - 1 })
  points.forEach((point, i) => {
    pieces.push({
      interval: { from: point, to: point, fromInclusive: true, toInclusive: true },
      value: point,
    })
    const next = points[i + 1]
    if (next !== undefined) {
      const value = between(point, next)
      if (value !== undefined) pieces.push({ interval: open(point, next), value })
    } else if (maximum === undefined) {
      pieces.push({ interval: open(point, null), value: integer ? point + 1 : point + (step ?? 1) })
    }
  })
  return pieces
}

export function candidates(context: Context, slot: Slot): unknown[] {
  const { option } = slot
  const unset = slot.optional ? [null] : []
  switch (slot.kind) {
    case 'enum':
      return option.type === 'enum' ? [...unset, ...option.values] : []
    case 'boolean':
      return [...unset, false, true]
    case 'item':
      return option.type === 'item' ? [...unset, ...context.items(option)] : []
    case 'number':
    case 'integer':
      return piecesOf(option, context.breakpoints(slot.path)).map((piece) => piece.value)
    case 'presence':
      return [null, {}]
    case 'variant': {
      if (option.type !== 'oneOf') return []
      const values: unknown[] = option.variants.flatMap((v) => (v.type === 'enum' ? v.values : []))
      return objectVariant(option) === undefined ? values : [...values, {}]
    }
    case 'count': {
      if (option.type !== 'list') return []
      const lowest = option.minItems ?? 0
      const highest = option.maxItems ?? Math.max(lowest, context.maxListLength)
      const counts: number[] = []
      for (let n = lowest; n <= highest; n++) counts.push(n)
      return counts
    }
    case 'add': {
      const key = option.type === 'list' ? keyOf(option.items) : undefined
      if (key === undefined) return []
      if (key.option.type === 'enum') return key.option.values
      return key.option.type === 'item' ? context.items(key.option) : []
    }
    case 'text':
      return []
  }
}

/** the configuration with the slot given `value` (a candidate of the slot) */
export function apply(config: unknown, slot: Slot, value: unknown): unknown {
  switch (slot.kind) {
    case 'presence':
    case 'variant': {
      // keep an object that is already there
      if (isObject(value) && isObject(readSegments(config, slot.path))) return config
      return setSegments(config, slot.path, value)
    }
    case 'count':
      return setSegments(
        config,
        slot.path,
        Array.from({ length: value as number }, () => ({})),
      )
    case 'add': {
      const list = readSegments(config, slot.path)
      const items: unknown[] = Array.isArray(list) ? list : []
      return setSegments(config, slot.path, [...items, { [slot.key ?? 'id']: value }])
    }
    case 'enum':
    case 'boolean':
    case 'item':
    case 'number':
    case 'integer':
    case 'text':
      return setSegments(config, slot.path, value === null ? undefined : value)
  }
}

/** a list element with `key` set to `value` and every default applied, when defaults fill it */
function newElement(slot: Slot, value: unknown): Record<string, unknown> | undefined {
  if (slot.option.type !== 'list' || slot.option.items.type !== 'object') return undefined
  const element: Record<string, unknown> = {}
  for (const [key, property] of Object.entries(slot.option.items.properties)) {
    if (key === slot.key) element[key] = value
    else if (property.default !== undefined)
      element[key] = JSON.parse(JSON.stringify(property.default)) as unknown
    else if (property.required === true || property.type === 'object' || property.type === 'list')
      return undefined
  }
  return element
}

/**
 * a valid completion found for another value of the slot, with `value` there instead; undefined where
 * the value changes the structure (a new object, another list length) and the completion cannot serve
 */
function withValue(
  witness: Record<string, unknown>,
  at: { slot: Slot; partial: unknown; value: unknown },
): Record<string, unknown> | undefined {
  const { slot, partial, value } = at
  let path: readonly PathSegment[] = slot.path
  switch (slot.kind) {
    case 'add': {
      // the completion appended one element to the list the partial configuration has
      const list = readSegments(partial, slot.path)
      const index = Array.isArray(list) ? list.length : 0
      if (slot.key === undefined || !isObject(readSegments(witness, [...slot.path, index])))
        return undefined
      path = [...slot.path, index, slot.key]
      break
    }
    case 'presence':
    case 'variant':
    case 'count':
    case 'text':
      return undefined
    case 'enum':
    case 'boolean':
    case 'item':
    case 'number':
    case 'integer':
      break
  }
  if (path.length > 1 && !isObject(readSegments(witness, path.slice(0, -1)))) return undefined
  const changed = setSegments(witness, path, value === null ? undefined : value)
  return isObject(changed) ? changed : undefined
}

/** a plain value, whose `null` candidate means "leave it unset" */
export function isLeaf(slot: Slot): boolean {
  return (
    slot.kind !== 'presence' &&
    slot.kind !== 'variant' &&
    slot.kind !== 'count' &&
    slot.kind !== 'add'
  )
}

export function filler(context: Context, slot: Slot): unknown {
  const fallback = slot.option.default
  if (fallback !== undefined && slot.kind !== 'count')
    return JSON.parse(JSON.stringify(fallback)) as unknown
  const values = candidates(context, slot)
  return values[0] ?? null
}

// search

function under(findingPath: string, path: readonly PathSegment[]): boolean {
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
function touches(context: Context, finding: Finding, path: readonly PathSegment[]): boolean {
  if (finding.rule === MODEL_RULE) return under(finding.path, path)
  const reads = context.reads.get(finding.rule)
  if (reads === undefined) return true
  return reads.some((pattern) => readTouches(pattern, path))
}

/** decides whether some completion of `config` is valid; `unset` lists options chosen to stay unset */
type Search = (config: unknown, unset: readonly string[]) => Outcome

/** a node's filling: the completion and the paths filled to make it */
interface Filled {
  full: unknown
  filled: readonly PathSegment[][]
  /** the length of the parent's configuration as JSON: what a check costs */
  size: number
}

function createSearch(
  context: Context,
  incremental: () => IncrementalCheck | undefined,
  budget: WorkBudget,
): Search {
  const { configurator } = context
  const options = configurator.ruleset.options
  const memo = new Map<string, Outcome>()
  const node = (config: unknown, unset: readonly string[], parent?: Filled): Outcome => {
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
    let full = parent?.full ?? config
    const filled: PathSegment[][] = parent?.filled.slice() ?? []
    if (parent === undefined) {
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
    }
    const quick = isObject(full) ? incremental()?.errorsOf(full) : undefined
    let errors =
      quick ?? configurator.configure(full).findings.filter((f) => f.severity === 'error')
    budget.spend(errors.length)
    if (errors.some((f) => f.rule === MODEL_RULE)) {
      // unset text is assumed to be typed validly later
      const free = walk(options, full, 'all').filter((slot) => slot.kind === 'text' && !slot.set)
      errors = errors.filter(
        (f) => !(f.rule === MODEL_RULE && free.some((slot) => under(f.path, slot.path))),
      )
    }
    let outcome: Outcome
    if (errors.length === 0) outcome = { ok: true, witness: full }
    else {
      const decided = errors.filter((f) => !filled.some((path) => touches(context, f, path)))
      if (decided.length > 0) outcome = { ok: false, reasons: decided }
      else {
        // branch on an unset option that a failing rule reads
        const open = walk(options, config, 'open').filter(
          (s) => !unset.includes(formatPath(s.path)),
        )
        const slot = open.find((s) => errors.some((f) => touches(context, f, s.path))) ?? open[0]
        if (slot === undefined) outcome = { ok: false, reasons: errors }
        else {
          // the default first: when every value fails, its errors are the reasons given
          const first = filler(context, slot)
          const values = candidates(context, slot)
          const ordered = [
            ...values.filter((v) => JSON.stringify(v) === JSON.stringify(first)),
            ...values.filter((v) => JSON.stringify(v) !== JSON.stringify(first)),
          ]
          outcome = { ok: false, reasons: [] }
          // a plain value filled in this node: the children's fillings are this one's but for it
          const own = formatPath(slot.path)
          const at = isLeaf(slot) ? filled.findIndex((path) => formatPath(path) === own) : -1
          const others = at < 0 ? undefined : [...filled.slice(0, at), ...filled.slice(at + 1)]
          for (const value of ordered) {
            const child = node(
              apply(config, slot, value),
              value === null && isLeaf(slot) ? [...unset, own].sort() : unset,
              others === undefined
                ? undefined
                : { full: apply(full, slot, value), filled: others, size },
            )
            if (child.ok) {
              outcome = child
              break
            }
            if (outcome.reasons.length === 0) outcome = child
          }
        }
      }
    }
    if (key !== undefined) memo.set(key, outcome)
    return outcome
  }
  return node
}

// context

const contexts = new WeakMap<Configurator, Map<number, Context>>()

export function contextOf(configurator: Configurator, maxListLength: number): Context {
  let byLength = contexts.get(configurator)
  if (byLength === undefined) {
    byLength = new Map()
    contexts.set(configurator, byLength)
  }
  const cached = byLength.get(maxListLength)
  if (cached !== undefined) return cached
  const { ruleset, catalog } = configurator
  const reads = new Map<string, ReadPattern[]>()
  for (const rule of ruleset.rules) {
    const list = rule.forEach === undefined ? [] : [[...(rule.forEach.configPath ?? []), SHALLOW]]
    // with no element given, CURRENT_INDEX in these reads matches any element of the rule's list
    reads.set(rule.name, [...(reads.get(rule.name) ?? []), ...rule.reads, ...list])
  }
  const itemCache = new Map<OptionSpec, string[]>()
  const items = (option: OptionSpec & { type: 'item' }): string[] => {
    let ids = itemCache.get(option)
    if (ids === undefined) {
      const allowed = new Set<string>()
      for (const code of option.subcategories ?? [])
        for (const item of catalog.itemsIn(code)) allowed.add(item.id)
      for (const id of option.include ?? []) allowed.add(catalog.resolve(id) ?? id)
      ids = [...allowed].sort()
      itemCache.set(option, ids)
    }
    return ids
  }
  const context: Context = {
    configurator,
    reads,
    breakpoints: breakpointsOf(ruleset),
    items,
    maxListLength,
    // rules and derived facts; numbers.json and the options' item lists read no value
    sourceText: JSON.stringify([
      ruleset.source.rules,
      isObject(ruleset.source.product.content) ? ruleset.source.product.content['facts'] : null,
    ]),
    unnamed: new Map(),
  }
  byLength.set(maxListLength, context)
  return context
}

// results

/**
 * The catalog ids of an item option that no rule and no other part of the configuration names: swapping
 * one for another changes nothing a rule can see, so one of them answers for all (when it is allowed).
 */
function interchangeable(
  context: Context,
  option: OptionSpec | undefined,
  partialText: string,
): ReadonlySet<unknown> {
  if (option?.type !== 'item') return new Set()
  let unnamed = context.unnamed.get(option)
  if (unnamed === undefined) {
    const { catalog } = context.configurator
    unnamed = context
      .items(option)
      .filter(
        (id) =>
          !context.sourceText.includes(id) &&
          catalog.resolve(id) === id &&
          Number.isNaN(Number.parseFloat(id)),
      )
    context.unnamed.set(option, unnamed)
  }
  return new Set(unnamed.filter((id) => !partialText.includes(id)))
}

function reasonsOf(findings: readonly Finding[]): Reason[] {
  const seen = new Map<string, Reason>()
  for (const f of findings) {
    const reason = { rule: f.rule, path: f.path, message: f.message }
    seen.set(`${f.rule}\u0000${f.path}\u0000${f.message}`, reason)
  }
  return [...seen.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, reason]) => reason)
}

function mergeIntervals(a: Interval, b: Interval): Interval {
  return { from: a.from, fromInclusive: a.fromInclusive, to: b.to, toInclusive: b.toInclusive }
}

function numberDomain(
  context: Context,
  slot: Slot,
  outcomeOf: (value: unknown) => Outcome,
): { allowed: Interval[]; ruledOut: RuledOutInterval[] } {
  const allowed: Interval[] = []
  const ruledOut: RuledOutInterval[] = []
  // 'allowed', or the reasons of the last ruled-out piece as JSON
  let last: string | undefined
  for (const piece of piecesOf(slot.option, context.breakpoints(slot.path))) {
    const outcome = outcomeOf(piece.value)
    if (outcome.ok) {
      const previous = allowed[allowed.length - 1]
      if (last === 'allowed' && previous !== undefined)
        allowed[allowed.length - 1] = mergeIntervals(previous, piece.interval)
      else allowed.push(piece.interval)
      last = 'allowed'
      continue
    }
    const reasons = reasonsOf(outcome.reasons)
    const key = JSON.stringify(reasons)
    const previous = ruledOut[ruledOut.length - 1]
    if (last === key && previous !== undefined)
      ruledOut[ruledOut.length - 1] = {
        interval: mergeIntervals(previous.interval, piece.interval),
        reasons,
      }
    else ruledOut.push({ interval: piece.interval, reasons })
    last = key
  }
  return { allowed, ruledOut }
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
  const budget = createWorkBudget(limit, settings.signal)
  const { ruleset } = configurator
  const baseline = configurator.configure(partial)
  const problems = baseline.findings.filter(
    (f) => f.rule === MODEL_RULE && f.severity === 'error' && f.code !== 'required',
  )
  if (problems.length > 0) return { ok: false, product: ruleset.product, options: [], problems }
  const context = contextOf(configurator, maxListLength)
  // a valid full configuration: a changed leaf needs only the rules that read it
  // a valid completion of the partial configuration (its defaults, or the first the search finds):
  // configurations near it need only the rules that read what differs
  let incremental: IncrementalCheck | undefined
  const search = createSearch(context, () => incremental, budget)
  const open = walk(ruleset.options, partial, 'open')
  const slots = walk(ruleset.options, partial, 'all')
  const domains: OptionDomain[] = []
  const stopped = (error: unknown): OptionsResult => {
    if (!(error instanceof OutOfWork)) throw error
    const skipped = slots.slice(domains.length).map((slot) => formatPath(slot.path))
    const message =
      error.reason === 'aborted'
        ? `the caller aborted: ${skipped.length} of ${slots.length} options have no domain`
        : `the answer needs more than ${limit} checks (its work budget): ${skipped.length} of ${slots.length} options have no domain`
    return {
      ok: true,
      product: ruleset.product,
      options: domains,
      problems: [],
      truncated: { reason: error.reason, message, skipped },
    }
  }
  try {
    budget.spend()
  } catch (error) {
    return stopped(error)
  }
  if (settings.incremental !== false) {
    let found: Outcome
    try {
      found = baseline.ok ? { ok: true as const, witness: partial } : search(partial, [])
    } catch (error) {
      return stopped(error)
    }
    const witness = found.ok ? configurator.configure(found.witness) : undefined
    // unset text is typed later: a witness may lack it when no rule reads it
    const free = walk(ruleset.options, partial, 'all')
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
    if (witness !== undefined && usable === true)
      incremental = createIncrementalCheck(configurator, witness.configuration)
  }
  const partialText = JSON.stringify(partial)
  const alikeCache = new Map<OptionSpec, ReadonlySet<unknown>>()
  const final = (
    errors: Finding[] | undefined,
    choosable: readonly (readonly PathSegment[])[],
  ): Finding[] | undefined =>
    errors?.every((f) => !choosable.some((path) => touches(context, f, path))) === true
      ? errors
      : undefined
  const quickCheckOf = (slot: Slot): ((value: unknown) => Finding[] | undefined) => {
    if (incremental === undefined) return () => undefined
    const check = incremental
    const own = formatPath(slot.path)
    const others = open
      .filter((o) => {
        const path = formatPath(o.path)
        return path !== own && !path.startsWith(`${own}.`) && !path.startsWith(`${own}[`)
      })
      .map((o) => o.path)
    return (value) => {
      budget.spend()
      const errors = quickCheck({ slot, value, check, others })
      budget.spend(errors?.length ?? 0)
      return errors
    }
  }
  const quickCheck = (at: {
    slot: Slot
    value: unknown
    check: IncrementalCheck
    others: PathSegment[][]
  }): Finding[] | undefined => {
    const { slot, value, others } = at
    const incremental = at.check
    // a value set where its parent object is missing would create fields still to be chosen
    const parent = slot.path.slice(0, -1)
    if (parent.length > 0 && !isObject(readSegments(incremental.baseline, parent))) return undefined
    if (slot.kind === 'text') return undefined
    if (isLeaf(slot))
      return final(incremental.errorsWith(slot.path, value === null ? undefined : value), others)
    const current = readSegments(incremental.baseline, slot.path)
    switch (slot.kind) {
      case 'presence':
      case 'variant':
        // keeping the object given changes nothing; another value replaces it whole
        if (isObject(value)) return isObject(current) ? [] : undefined
        return final(incremental.errorsWith(slot.path, value), others)
      case 'add': {
        const element = newElement(slot, value)
        const list = readSegments(incremental.baseline, slot.path)
        if (element === undefined || !Array.isArray(list)) return undefined
        // the new element's other fields may still be chosen too
        const at = [...slot.path, list.length]
        const chosen = Object.keys(element)
          .filter((key) => key !== slot.key)
          .map((key) => [...at, key])
        return final(incremental.errorsWith(slot.path, [...(list as unknown[]), element]), [
          ...others,
          ...chosen,
        ])
      }
      case 'count':
      case 'enum':
      case 'boolean':
      case 'item':
      case 'number':
      case 'integer':
        return undefined
    }
  }
  try {
    for (const slot of slots) {
      const domain: OptionDomain = {
        path: formatPath(slot.path),
        kind: slot.kind,
        set: slot.set,
        allowed: [],
        ruledOut: [],
      }
      if (slot.set) domain.value = slot.value
      const quick = quickCheckOf(slot)
      // the last valid completion found for another value of this slot: with this value instead, it
      // is often valid too, and one check shows it (the search would find a completion as well)
      let reuse: Record<string, unknown> | undefined
      const outcomeOf = (value: unknown): Outcome => {
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
        const outcome = search(
          apply(partial, slot, value),
          value === null && isLeaf(slot) ? [domain.path] : [],
        )
        if (outcome.ok && isObject(outcome.witness)) reuse = outcome.witness
        return outcome
      }
      if (slot.kind === 'number' || slot.kind === 'integer') {
        domain.intervals = numberDomain(context, slot, outcomeOf)
      } else if (slot.kind === 'text') {
        const outcome = search(partial, [])
        if (outcome.ok) domain.allowed.push(slot.set ? slot.value : null)
      } else {
        const option =
          slot.kind === 'item'
            ? slot.option
            : slot.kind === 'add' && slot.option.type === 'list'
              ? keyOf(slot.option.items)?.option
              : undefined
        let alike = option === undefined ? undefined : alikeCache.get(option)
        if (alike === undefined) {
          alike = interchangeable(context, option, partialText)
          if (option !== undefined) alikeCache.set(option, alike)
        }
        let shared: Outcome | undefined
        for (const value of candidates(context, slot)) {
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
      // the reasons listed are the answer's size: they cost too
      budget.spend(capReasons(domain, maxReasons))
      domains.push(domain)
      yield
    }
  } catch (error) {
    return stopped(error)
  }
  return {
    ok: true,
    product: ruleset.product,
    options: domains,
    problems: [],
  }
}

/** keeps at most `max` reasons per ruled-out value or range (the rest are counted); the reasons kept */
function capReasons(domain: OptionDomain, max: number): number {
  let kept = 0
  const cap = <T extends { reasons: Reason[]; moreReasons?: number }>(entry: T): T => {
    kept += Math.min(max, entry.reasons.length)
    if (entry.reasons.length <= max) return entry
    return {
      ...entry,
      reasons: entry.reasons.slice(0, max),
      moreReasons: entry.reasons.length - max,
    }
  }
  domain.ruledOut = domain.ruledOut.map(cap)
  if (domain.intervals !== undefined) domain.intervals.ruledOut = domain.intervals.ruledOut.map(cap)
  return kept
}
