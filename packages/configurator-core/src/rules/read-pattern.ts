import type { PathSegment } from '../issues.js'

/** A configuration path a compiled piece reads: keys, indexes, ANY_INDEX or CURRENT_INDEX. */
export type ReadPattern = readonly PathSegment[]
/** any element of a list, or (from `.*` over an object) any value of it */
export const ANY_INDEX = -1
/** the element the rule's own forEach is at */
export const CURRENT_INDEX = -2
/** ends a pattern that reads a list's elements, not their contents (an iteration) */
export const SHALLOW = -3

/**
 * Does a read pattern touch a concrete configuration path? Prefixes touch both ways (a rule that
 * reads `sink` reads `sink.lengthIn`, and one that reads `sink.lengthIn` reads a change of `sink`);
 * a pattern ending in SHALLOW touches only its own path and those above it. ANY_INDEX matches any
 * segment; CURRENT_INDEX matches the index `element`, or any index when `element` is undefined (the
 * rule as a whole, over all its elements). SHALLOW elsewhere than at the end matches nothing.
 *
 * @example readTouches(['basins', CURRENT_INDEX, 'type'], ['basins', 1, 'type'], 0) // false
 */
export function readTouches(
  pattern: ReadPattern,
  path: readonly PathSegment[],
  element?: number,
): boolean {
  const shallow = pattern[pattern.length - 1] === SHALLOW
  const length = shallow ? pattern.length - 1 : pattern.length
  if (shallow && path.length > length) return false
  const common = Math.min(length, path.length)
  for (let i = 0; i < common; i++) {
    const p = pattern[i] as PathSegment
    const v = path[i] as PathSegment
    if (p === ANY_INDEX) continue
    if (p === CURRENT_INDEX && typeof v === 'number' && (element === undefined || v === element))
      continue
    if (p !== v) return false
  }
  return true
}

/**
 * Does any of the patterns touch any of the paths ({@link readTouches} with the same `element`)?
 *
 * @example readsTouchAny([['sink']], [['sink', 'lengthIn']]) // true
 */
export function readsTouchAny(
  patterns: readonly ReadPattern[],
  paths: readonly (readonly PathSegment[])[],
  element?: number,
): boolean {
  for (const pattern of patterns)
    for (const path of paths) if (readTouches(pattern, path, element)) return true
  return false
}
