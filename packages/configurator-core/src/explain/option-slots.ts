import type { PathSegment } from '../issues.js'
import { isObject } from '../util.js'
import { readSegments, setSegments } from '../rules/path.js'
import type { OptionSpec } from '../configuration/option-schema.js'
import type { Context, Interval, Piece, Slot } from './option-types.js'

/* the options of a configuration as slots, their candidate values, and setting one */

export function keyOf(option: OptionSpec): { key: string; option: OptionSpec } | undefined {
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
  const { option, optional, value } = at
  const set = value !== undefined
  const push = mode === 'all' || !set
  switch (option.type) {
    case 'object':
      visitObject(walk, { ...at, option })
      return
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
    case 'list':
      visitList(walk, { ...at, option })
      return
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

/** an object's properties; a nullable one is first a presence slot */
function visitObject(walk: Walk, at: Visit & { option: OptionSpec & { type: 'object' } }): void {
  const { out, mode } = walk
  const { option, optional } = at
  let value = at.value
  const set = value !== undefined
  if (option.nullable === true) {
    if (mode === 'all' || !set)
      out.push({ path: walk.path.slice(), option, kind: 'presence', value, set, optional })
    if (value === null || !set) {
      if (mode === 'open') return
      value = {}
    }
  }
  if (set && !isObject(value)) return
  const record = isObject(value) ? value : {}
  visitProperties(walk, { properties: option.properties, record })
}

/** a list's elements, its count while unset, and (for all slots) adding a keyed element */
function visitList(walk: Walk, at: Visit & { option: OptionSpec & { type: 'list' } }): void {
  const { out, mode } = walk
  const { option, optional, value } = at
  const set = value !== undefined
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
export function piecesOf(option: OptionSpec, constants: readonly number[]): Piece[] {
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
export function newElement(slot: Slot, value: unknown): Record<string, unknown> | undefined {
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
export function withValue(
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
