import type { PathSegment } from '../issues.js'

/** A parsed simple JSONPath, or why it is not one. */
export type ParsedPath = { ok: true; segments: PathSegment[] } | { ok: false; message: string }

// a key after "." as jsonpath-plus splits it: word characters and "-" ("$.a-b", "$.0" too)
const KEY = /^[A-Za-z0-9_$-]+/
// characters jsonpath-plus reads as syntax even inside quotes (",": a union, "^": the parent, …)
const QUOTED_SYNTAX = /['"\\[\]^;,`~#%@()?*:]/
// an index as jsonpath-plus matches it against a list's own keys: "01" is no index
const INDEX = /^(?:0|[1-9]\d*)$/

/** The segment of `[*]` and `.*`: every element of a list, or every value of an object (= ANY_INDEX). */
export const WILDCARD = -1

/** The segment of `..` (and of `.[`, which jsonpath-plus reads as `..[`): a step at any depth. */
export const DESCENT = -4

/** "0" is the index 0, "01" is a key: the keys jsonpath-plus finds on a list are canonical numbers */
const segmentOf = (key: string): PathSegment => (INDEX.test(key) ? Number(key) : key)

/**
 * Parses the JSONPaths that rules use, as json-rules-engine (jsonpath-plus) reads them: `$.a.b`,
 * `$[0].c`, `$["odd key"]`, `$['k']`, `[*]` or `.*` over a list or an object, `.length`, recursive
 * descent (`$..a`, and `$.[0]`, which jsonpath-plus reads as `$..[0]`), and the same without the leading
 * `$` (`a.b`). Filters, slices and unions are refused with a message that says so, and so is any form
 * jsonpath-plus reads differently from how it looks.
 *
 * @example parseJsonPath('$.size.widthIn') // { ok: true, segments: ['size', 'widthIn'] }
 */
export function parseJsonPath(path: string): ParsedPath {
  const segments: PathSegment[] = []
  // json-rules-engine reads no path at all for ""
  if (path === '') return { ok: true, segments }
  // jsonpath-plus finds nothing for "[0]" or ".a" without "$": it reads them from an empty key
  if (path.startsWith('[') || path.startsWith('.'))
    return {
      ok: false,
      message: `a path without "$" starts with a key; write "$${path}"`,
    }
  // jsonpath-plus reads a path without "$" from the root: a.b is $.a.b
  let rest = path.startsWith('$') ? path.slice(1) : `.${path}`
  while (rest.length > 0) {
    if (
      rest.startsWith('[?') ||
      /^\[-?\d*:/.test(rest) ||
      /^\[[^\]]*,/.test(rest) ||
      rest.startsWith('...')
    ) {
      return {
        ok: false,
        message:
          'filters ([?…]), slices ([1:2]) and unions ([0,1]) are not supported; write $.a.b[0], $.list[*].key or $.list.length, or declare a derived fact',
      }
    }
    // "$.[0]" is "$..[0]" to jsonpath-plus (every [0] at any depth, the top one first), as "$..a" is
    if (rest.startsWith('..') || rest.startsWith('.[')) {
      segments.push(DESCENT)
      rest = rest.slice(rest.startsWith('..[') ? 2 : 1)
      continue
    }
    if (rest.startsWith('[*]') || /^\.\*(?![^.[])/.test(rest)) {
      segments.push(WILDCARD)
      rest = rest.slice(rest.startsWith('[*]') ? 3 : 2)
      continue
    }
    if (rest.startsWith('.')) {
      const match = KEY.exec(rest.slice(1))
      if (match === null) return { ok: false, message: `expected a key after "." at "${rest}"` }
      // "$" stands for the root wherever jsonpath-plus meets it
      if (match[0] === '$') return { ok: false, message: '"$" stands only at the start of a path' }
      segments.push(segmentOf(match[0]))
      rest = rest.slice(1 + match[0].length)
      continue
    }
    const index = /^\[(\d+)\]/.exec(rest)
    if (index !== null) {
      segments.push(segmentOf(index[1] as string))
      rest = rest.slice(index[0].length)
      continue
    }
    const quoted = /^\[(?:"([^"]*)"|'([^']*)')\]/.exec(rest)
    if (quoted !== null) {
      const key = quoted[1] ?? quoted[2] ?? ''
      if (key === '' || key === '$' || QUOTED_SYNTAX.test(key))
        return {
          ok: false,
          message: `the key ${JSON.stringify(key)} is read as JSONPath syntax (a union, a parent, a slice…), not as a key; declare a derived fact for it`,
        }
      segments.push(key)
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

/** A reader of a fact's value at a parsed path: see `compileFactPath`. */
export type FactPathReader = (value: unknown) => unknown

// one step as jsonpath-plus takes it: an own key of a truthy value, so a text has its characters and
// length, and "" and 0 have nothing
const step = (value: unknown, key: PathSegment): unknown =>
  (typeof value === 'object' && value !== null) || (typeof value === 'string' && value !== '')
    ? Object.hasOwn(Object(value) as object, key)
      ? (value as Record<PathSegment, unknown>)[key]
      : undefined
    : undefined

/**
 * Compiles a path into a reader with json-rules-engine's semantics: a fact that is not an object is
 * read as itself (json-rules-engine applies no path to it); below it, a missing key gives undefined and a
 * text has its characters and `length`; with a wildcard, the result is the list of every value the path
 * finds (over a list's elements or an object's values, one flat list however many wildcards), or
 * undefined when there is none.
 */
export function compileFactPath(segments: readonly PathSegment[]): FactPathReader {
  if (segments.length === 0) return (value) => value
  const isObjectValue = (value: unknown): value is object =>
    typeof value === 'object' && value !== null
  if (!segments.includes(WILDCARD) && !segments.includes(DESCENT)) {
    if (segments.length === 1) {
      const key = segments[0] as PathSegment
      return (value) => (isObjectValue(value) ? step(value, key) : value)
    }
    const keys = [...segments]
    return (value) => {
      if (!isObjectValue(value)) return value
      let current: unknown = value
      for (const key of keys) {
        current = step(current, key)
        if (current === undefined) return undefined
      }
      return current
    }
  }
  const keys = [...segments]
  // every value found, and whether it was found through a wildcard or below the top of a descent:
  // jsonpath-plus gives a single value found otherwise as itself, not as a list of one
  interface Found {
    values: unknown[]
    spread: boolean
  }
  let found: Found = { values: [], spread: false }
  const collect = (value: unknown, from: number, spread: boolean): void => {
    let current = value
    for (let i = from; i < keys.length; i++) {
      const key = keys[i] as PathSegment
      if (key === WILDCARD) {
        forEachChild(current, (child) => {
          collect(child, i + 1, true)
        })
        return
      }
      if (key === DESCENT) {
        collect(current, i + 1, spread)
        forEachChild(current, (child) => {
          if (typeof child === 'object') collect(child, i, true)
        })
        return
      }
      current = step(current, key)
      if (current === undefined) return
    }
    found.values.push(current)
    if (spread) found.spread = true
  }
  return (value) => {
    if (!isObjectValue(value)) return value
    const fresh: Found = { values: [], spread: false }
    found = fresh
    collect(value, 0, false)
    const { values, spread } = found
    return values.length === 0 ? undefined : values.length === 1 && !spread ? values[0] : values
  }
}

/** a list's elements or an object's values, in jsonpath-plus's order */
function forEachChild(value: unknown, visit: (child: unknown) => void): void {
  if (Array.isArray(value)) for (const element of value) visit(element)
  else if (typeof value === 'object' && value !== null)
    for (const key of Object.keys(value)) visit((value as Record<string, unknown>)[key])
}

/** The configuration path below a fact that a path reads, for dependency patterns: up to a descent. */
export function readSegmentsOf(segments: readonly PathSegment[]): readonly PathSegment[] {
  const descent = segments.indexOf(DESCENT)
  return descent === -1 ? segments : segments.slice(0, descent)
}

/** Reads a fact's value at a path with json-rules-engine's semantics (see `compileFactPath`). */
export function readFactPath(value: unknown, segments: readonly PathSegment[]): unknown {
  return compileFactPath(segments)(value)
}
