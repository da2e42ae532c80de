import type { PathSegment } from '../issues.js'

/** A parsed simple JSONPath, or why it is not one. */
export type ParsedPath = { ok: true; segments: PathSegment[] } | { ok: false; message: string }

const KEY = /^[A-Za-z_$][A-Za-z0-9_$]*/

/** The segment of `[*]` and `.*`: every element of a list (the same number as ANY_INDEX). */
export const WILDCARD = -1

/**
 * Parses the JSONPaths that rules use, as json-rules-engine (jsonpath-plus) reads them: `$.a.b`,
 * `$[0].c`, `$.[0]`, `$["odd key"]`, `$['k']`, `[*]` or `.*` over a list, `.length`, and the same without
 * the leading `$` (`a.b`). Filters, slices and recursive descent are refused with a message that says so.
 *
 * @example parseJsonPath('$.size.widthIn') // { ok: true, segments: ['size', 'widthIn'] }
 */
export function parseJsonPath(path: string): ParsedPath {
  const segments: PathSegment[] = []
  // jsonpath-plus reads a path without "$" from the root: a.b is $.a.b
  let rest = path.startsWith('$') ? path.slice(1) : path.startsWith('[') ? path : `.${path}`
  while (rest.length > 0) {
    if (rest.startsWith('..') || rest.startsWith('[?') || /^\[-?\d*:/.test(rest)) {
      return {
        ok: false,
        message:
          'filters ([?…]), slices ([1:2]) and recursive descent (..) are not supported; write $.a.b[0], $.list[*].key or $.list.length',
      }
    }
    if (rest.startsWith('[*]') || rest.startsWith('.*')) {
      segments.push(WILDCARD)
      rest = rest.slice(rest.startsWith('[*]') ? 3 : 2)
      continue
    }
    // $.[0] is $[0]
    if (rest.startsWith('.[')) rest = rest.slice(1)
    if (rest.startsWith('.')) {
      const match = KEY.exec(rest.slice(1))
      if (match === null) return { ok: false, message: `expected a key after "." at "${rest}"` }
      segments.push(match[0])
      rest = rest.slice(1 + match[0].length)
      continue
    }
    const index = /^\[(\d+)\]/.exec(rest)
    if (index !== null) {
      segments.push(Number(index[1]))
      rest = rest.slice(index[0].length)
      continue
    }
    const quoted = /^\[(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)')\]/.exec(rest)
    if (quoted !== null) {
      segments.push((quoted[1] ?? quoted[2] ?? '').replace(/\\(.)/g, '$1'))
      rest = rest.slice(quoted[0].length)
      continue
    }
    return {
      ok: false,
      message: `cannot read the path from "${rest}" on; write keys as .key or ["key"] and indexes as [0]`,
    }
  }
  return { ok: true, segments }
}

/** Reads `segments` below `value`; a missing step gives undefined. */
export function readSegments(value: unknown, segments: readonly PathSegment[]): unknown {
  let current = value
  for (const segment of segments) {
    if (current === null || typeof current !== 'object') return undefined
    current = Object.hasOwn(current, segment)
      ? (current as Record<PathSegment, unknown>)[segment]
      : undefined
  }
  return current
}

/**
 * A copy of `value` with `next` at `segments`: missing steps become objects (or arrays, for a number),
 * `undefined` removes the key, and other keys keep their order.
 */
export function setSegments(
  value: unknown,
  segments: readonly PathSegment[],
  next: unknown,
): unknown {
  if (segments.length === 0) return next
  const [head, ...rest] = segments as [PathSegment, ...PathSegment[]]
  if (typeof head === 'number') {
    const list = Array.isArray(value) ? [...(value as unknown[])] : []
    list[head] = setSegments(list[head], rest, next)
    return list
  }
  const source =
    typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {}
  const child = setSegments(source[head], rest, next)
  // rebuilt rather than deleted from, keeping the key order
  const record: Record<string, unknown> = {}
  for (const key in source) if (key !== head) record[key] = source[key]
  if (child !== undefined) record[head] = child
  return record
}

/**
 * Reads a fact's value at a path with json-rules-engine's semantics: a path into something that is not an
 * object gives the value itself; `.length` of a text is its length; a wildcard gives the list of the
 * values found below each element, or undefined when there are none.
 */
export function readFactPath(value: unknown, segments: readonly PathSegment[]): unknown {
  if (segments.length === 0 || value === null || typeof value !== 'object') return value
  return readBelow(value, segments, 0)
}

function readBelow(value: unknown, segments: readonly PathSegment[], from: number): unknown {
  let current = value
  for (let i = from; i < segments.length; i++) {
    const segment = segments[i] as PathSegment
    if (segment === WILDCARD) {
      if (!Array.isArray(current)) return undefined
      const found: unknown[] = []
      for (const element of current as unknown[]) {
        const below = i + 1 === segments.length ? element : readBelow(element, segments, i + 1)
        if (below !== undefined) found.push(below)
      }
      return found.length === 0 ? undefined : found
    }
    if (typeof current === 'string' && segment === 'length') return current.length
    if (current === null || typeof current !== 'object') return undefined
    current = Object.hasOwn(current, segment)
      ? (current as Record<PathSegment, unknown>)[segment]
      : undefined
  }
  return current
}
