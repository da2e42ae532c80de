import type { PathSegment } from '../issues.js'
import type { OptionSpec } from '../configuration/option-schema.js'
import { DESCENT, WILDCARD } from './path.js'

/** What the static checks know of a fact's value: enough to check paths, enum values and item ids. */
export type Shape =
  | { kind: 'any' }
  /** a number; `minimum`, `maximum` and `step` (1 for integers, 0.01 for 2 decimals) where the option says */
  | { kind: 'number'; minimum?: number; maximum?: number; step?: number }
  | { kind: 'boolean' }
  | { kind: 'null' }
  /** a string; `values` when it is one of a known set */
  | { kind: 'string'; values?: readonly string[] }
  | { kind: 'object'; properties: Readonly<Record<string, Shape>> }
  | { kind: 'list'; items: Shape }
  | { kind: 'union'; variants: readonly Shape[] }

export const ANY: Shape = { kind: 'any' }
export const NUMBER: Shape = { kind: 'number' }
export const BOOLEAN: Shape = { kind: 'boolean' }
export const STRING: Shape = { kind: 'string' }

/** The shape of a product-model option's value (with `null` where the option is nullable). */
export function shapeOfOption(option: OptionSpec): Shape {
  switch (option.type) {
    case 'string':
    case 'item':
      return STRING
    case 'enum':
      return { kind: 'string', values: option.values }
    case 'number':
    case 'integer': {
      const step =
        option.type === 'integer'
          ? 1
          : option.decimals === undefined
            ? undefined
            : 10 ** -option.decimals
      return {
        kind: 'number',
        ...(option.minimum === undefined ? {} : { minimum: option.minimum }),
        ...(option.maximum === undefined ? {} : { maximum: option.maximum }),
        ...(step === undefined ? {} : { step }),
      }
    }
    case 'boolean':
      return BOOLEAN
    case 'object': {
      const properties: Record<string, Shape> = {}
      for (const [key, value] of Object.entries(option.properties))
        properties[key] = shapeOfOption(value)
      const object: Shape = { kind: 'object', properties }
      return option.nullable === true
        ? { kind: 'union', variants: [object, { kind: 'null' }] }
        : object
    }
    case 'list':
      return { kind: 'list', items: shapeOfOption(option.items) }
    case 'oneOf':
      return unionOf(option.variants.map(shapeOfOption))
  }
}

/** A union of shapes, flattened; `any` swallows the rest. */
export function unionOf(shapes: readonly Shape[]): Shape {
  const variants: Shape[] = []
  for (const shape of shapes) {
    if (shape.kind === 'any') return ANY
    if (shape.kind === 'union') variants.push(...shape.variants)
    else variants.push(shape)
  }
  if (variants.length === 1) return variants[0] as Shape
  return { kind: 'union', variants }
}

/** The result of following a path into a shape. */
export type PathWalk =
  { ok: true; shape: Shape } | { ok: false; at: number; key: PathSegment; known: string[] }

/**
 * Follows `segments` into `shape`; fails at the first key that no variant has, naming the keys it has.
 * A fact that is not an object is read as itself (json-rules-engine's rule); below it, a text has
 * characters (`[0]`) and a `length`, and a wildcard gives the list of what it finds below each element of
 * a list or each value of an object.
 */
export function walkShape(shape: Shape, segments: readonly PathSegment[], at = 0): PathWalk {
  if (at >= segments.length) return { ok: true, shape }
  const segment = segments[at] as PathSegment
  // a descent finds values at any depth: what they are is not followed
  if (segment === DESCENT) return { ok: true, shape: ANY }
  switch (shape.kind) {
    case 'any':
      return { ok: true, shape: ANY }
    case 'object': {
      if (segment === WILDCARD) return wildcardOver(Object.values(shape.properties), segments, at)
      if (typeof segment === 'string' && Object.hasOwn(shape.properties, segment)) {
        return walkShape(shape.properties[segment] as Shape, segments, at + 1)
      }
      return { ok: false, at, key: segment, known: Object.keys(shape.properties) }
    }
    case 'list': {
      if (segment === 'length') return walkShape(NUMBER, segments, at + 1)
      if (segment === WILDCARD) return wildcardOver([shape.items], segments, at)
      if (typeof segment === 'number') return walkShape(shape.items, segments, at + 1)
      return { ok: false, at, key: segment, known: ['[0]', '[*]', 'length'] }
    }
    case 'union': {
      const found: Shape[] = []
      let failure: PathWalk | undefined
      const objects = shape.variants.filter(
        (v) => v.kind === 'object' || v.kind === 'list' || v.kind === 'any',
      )
      for (const variant of objects) {
        const walked = walkShape(variant, segments, at)
        if (walked.ok) found.push(walked.shape)
        else if (failure === undefined || (!failure.ok && walked.at > failure.at)) failure = walked
      }
      if (found.length > 0 || objects.length === 0) {
        // non-object variants give themselves
        const others = shape.variants.filter((v) => !(objects as Shape[]).includes(v))
        return { ok: true, shape: unionOf([...found, ...others]) }
      }
      return failure ?? { ok: true, shape: ANY }
    }
    case 'string':
      // a text fact is read as itself; a text inside one has a length and characters
      if (at === 0) return { ok: true, shape }
      if (segment === 'length') return walkShape(NUMBER, segments, at + 1)
      if (typeof segment === 'number' && segment !== WILDCARD)
        return walkShape(STRING, segments, at + 1)
      return { ok: true, shape }
    case 'number':
    case 'boolean':
    case 'null':
      return { ok: true, shape }
  }
}

/** a wildcard at `at` over values of these shapes: the list of what the rest finds below any of them */
function wildcardOver(
  shapes: readonly Shape[],
  segments: readonly PathSegment[],
  at: number,
): PathWalk {
  const found: Shape[] = []
  let failure: PathWalk | undefined
  for (const shape of shapes) {
    const below = walkShape(shape, segments, at + 1)
    if (below.ok) found.push(below.shape)
    else failure ??= below
  }
  if (found.length === 0) return failure ?? { ok: true, shape: { kind: 'list', items: ANY } }
  // the values a later wildcard finds join this list, not a list inside it
  const flat = segments.slice(at + 1).includes(WILDCARD)
  const items = flat ? found.flatMap(elementsOf) : found
  return { ok: true, shape: { kind: 'list', items: items.length === 0 ? ANY : unionOf(items) } }
}

/** the shapes of a wildcard result's elements (its other variants, such as null, find nothing) */
function elementsOf(shape: Shape): Shape[] {
  if (shape.kind === 'list') return [shape.items]
  if (shape.kind === 'any') return [ANY]
  if (shape.kind === 'union') return shape.variants.flatMap(elementsOf)
  return []
}

/** The strings a shape can be, or undefined when they cannot be listed. Objects and lists are ignored. */
export function stringDomain(shape: Shape): string[] | undefined {
  switch (shape.kind) {
    case 'string':
      return shape.values === undefined ? undefined : [...shape.values]
    case 'boolean':
      return ['true', 'false']
    case 'null':
    case 'object':
    case 'list':
      return []
    case 'union': {
      const out: string[] = []
      for (const variant of shape.variants) {
        const values = stringDomain(variant)
        if (values === undefined) return undefined
        out.push(...values)
      }
      return [...new Set(out)]
    }
    case 'any':
    case 'number':
      return undefined
  }
}

/** The string values a shape allows when it is an enum (for checking literal values), else undefined. */
export function enumValues(shape: Shape): readonly string[] | undefined {
  if (shape.kind === 'string') return shape.values
  if (shape.kind !== 'union') return undefined
  const values: string[] = []
  for (const variant of shape.variants) {
    if (variant.kind === 'string') {
      if (variant.values === undefined) return undefined
      values.push(...variant.values)
    } else if (variant.kind === 'any') return undefined
  }
  return values
}
