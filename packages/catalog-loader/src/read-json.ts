import type { Issue, PathSegment } from '@torvan/configurator-core'

/** A place in a text file, both counted from 1. */
export interface Position {
  line: number
  column: number
}

/** Parsed JSON that remembers where each value starts. */
export interface JsonDocument {
  value: unknown
  file: string
  /** where the value at `path` starts, or undefined when there is no such value */
  locate(path: readonly PathSegment[]): Position | undefined
}

/** A parse: the document and any duplicate keys, or the one syntax error that stopped it. */
export type JsonDocumentResult =
  { ok: true; document: JsonDocument; issues: Issue[] } | { ok: false; issues: Issue[] }

const MAX_DEPTH = 1000

class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
    readonly path: PathSegment[],
  ) {
    super(message)
  }
}

function describeChar(text: string, offset: number): string {
  if (offset >= text.length) return 'the end of the file'
  const char = text[offset] as string
  if (char === '\n') return 'a line break'
  const code = char.charCodeAt(0)
  if (code < 0x20)
    return `the control character U+${code.toString(16).padStart(4, '0').toUpperCase()}`
  return JSON.stringify(char)
}

/** offsets of line starts, for turning offsets into line and column */
function lineStarts(text: string): number[] {
  const starts = [0]
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1)
  return starts
}

function positionOf(starts: readonly number[], offset: number): Position {
  let low = 0
  let high = starts.length - 1
  while (low < high) {
    const middle = (low + high + 1) >> 1
    if ((starts[middle] as number) <= offset) low = middle
    else high = middle - 1
  }
  return { line: low + 1, column: offset - (starts[low] as number) + 1 }
}

const ESCAPES: Record<string, string> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
}

class Parser {
  offset = 0
  readonly offsets = new Map<string, number>()
  readonly duplicates: { path: PathSegment[]; offset: number; first: number }[] = []

  constructor(readonly text: string) {}

  fail(expected: string, path: string): never {
    throw new JsonSyntaxError(
      `expected ${expected}, found ${describeChar(this.text, this.offset)}`,
      this.offset,
      keyPath(path),
    )
  }

  skipSpace(): void {
    const text = this.text
    while (this.offset < text.length) {
      const code = text.charCodeAt(this.offset)
      if (code === 32 || code === 10 || code === 13 || code === 9) this.offset++
      else break
    }
  }

  value(depth: number, key: string): unknown {
    this.skipSpace()
    this.offsets.set(key, this.offset)
    const char = this.text[this.offset] ?? ''
    switch (char) {
      case '{':
        return this.object(depth, key)
      case '[':
        return this.array(depth, key)
      case '"':
        return this.string(key)
      case 't':
        return this.literal('true', true, key)
      case 'f':
        return this.literal('false', false, key)
      case 'n':
        return this.literal('null', null, key)
      default:
        if (char === '-' || (char >= '0' && char <= '9' && char !== '')) return this.number(key)
        return this.fail(
          'a value (an object, a list, text in double quotes, a number, true, false or null)',
          key,
        )
    }
  }

  literal(word: string, value: unknown, path: string): unknown {
    if (this.text.startsWith(word, this.offset)) {
      this.offset += word.length
      return value
    }
    return this.fail(word, path)
  }

  number(path: string): number {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(
      this.text.slice(this.offset, this.offset + 400),
    )
    if (match === null) return this.fail('a digit after "-"', path)
    const next = this.text[this.offset + match[0].length]
    if (next !== undefined && /[0-9.eE]/.test(next)) {
      this.offset += match[0].length
      return this.fail(
        match[1] === '0' && /\d/.test(next) ? 'no digit after a leading 0' : 'a complete number',
        path,
      )
    }
    this.offset += match[0].length
    return Number(match[0])
  }

  string(path: string): string {
    const text = this.text
    const start = this.offset
    this.offset++
    let out = ''
    let chunk = this.offset
    for (;;) {
      if (this.offset >= text.length) {
        this.offset = start
        return this.fail('a closing double quote for the text that starts here', path)
      }
      const code = text.charCodeAt(this.offset)
      if (code === 34) {
        out += text.slice(chunk, this.offset)
        this.offset++
        return out
      }
      if (code < 0x20)
        return this.fail('no control character inside text (write \\n, \\t, …)', path)
      if (code !== 92) {
        this.offset++
        continue
      }
      out += text.slice(chunk, this.offset)
      const escape = text[this.offset + 1]
      if (escape === 'u') {
        const hex = text.slice(this.offset + 2, this.offset + 6)
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) {
          this.offset += 2
          return this.fail('four hex digits after \\u', path)
        }
        out += String.fromCharCode(Number.parseInt(hex, 16))
        this.offset += 6
      } else if (escape !== undefined && Object.hasOwn(ESCAPES, escape)) {
        out += ESCAPES[escape] as string
        this.offset += 2
      } else {
        this.offset++
        return this.fail('an escape such as \\n, \\" or \\u0041 after the backslash', path)
      }
      chunk = this.offset
    }
  }

  array(depth: number, path: string): unknown[] {
    if (depth >= MAX_DEPTH)
      throw new JsonSyntaxError(
        `nesting deeper than ${MAX_DEPTH} levels`,
        this.offset,
        keyPath(path),
      )
    this.offset++
    const out: unknown[] = []
    this.skipSpace()
    if (this.text[this.offset] === ']') {
      this.offset++
      return out
    }
    for (;;) {
      out.push(this.value(depth + 1, `${path}\u0001${out.length}`))
      this.skipSpace()
      const char = this.text[this.offset]
      if (char === ',') {
        this.offset++
        this.skipSpace()
        if (this.text[this.offset] === ']')
          this.fail('a value after "," (no trailing comma in JSON)', path)
        continue
      }
      if (char === ']') {
        this.offset++
        return out
      }
      return this.fail('"," or "]" after a list element', path)
    }
  }

  object(depth: number, path: string): Record<string, unknown> {
    if (depth >= MAX_DEPTH)
      throw new JsonSyntaxError(
        `nesting deeper than ${MAX_DEPTH} levels`,
        this.offset,
        keyPath(path),
      )
    this.offset++
    const out: Record<string, unknown> = {}
    const seen = new Map<string, number>()
    this.skipSpace()
    if (this.text[this.offset] === '}') {
      this.offset++
      return out
    }
    for (;;) {
      this.skipSpace()
      if (this.text[this.offset] !== '"') {
        return this.fail(
          this.text[this.offset] === '}'
            ? 'a key after "," (no trailing comma in JSON)'
            : 'a key in double quotes',
          path,
        )
      }
      const keyOffset = this.offset
      const key = this.string(path)
      this.skipSpace()
      if (this.text[this.offset] !== ':')
        this.fail(`":" after the key ${JSON.stringify(key)}`, path)
      this.offset++
      const first = seen.get(key)
      if (first !== undefined)
        this.duplicates.push({ path: [...keyPath(path), key], offset: keyOffset, first })
      seen.set(key, keyOffset)
      const value = this.value(depth + 1, `${path}\u0002${key}`)
      // an own property even for "__proto__", as JSON.parse makes it
      if (key === '__proto__')
        Object.defineProperty(out, key, {
          value,
          enumerable: true,
          writable: true,
          configurable: true,
        })
      else out[key] = value
      this.skipSpace()
      const char = this.text[this.offset]
      if (char === ',') {
        this.offset++
        continue
      }
      if (char === '}') {
        this.offset++
        return out
      }
      return this.fail('"," or "}" after a property', path)
    }
  }
}

/** the path of a lookup key */
function keyPath(key: string): PathSegment[] {
  const path: PathSegment[] = []
  let start = -1
  let numeric = false
  const flush = (end: number) => {
    if (start >= 0) path.push(numeric ? Number(key.slice(start, end)) : key.slice(start, end))
  }
  for (let i = 0; i < key.length; i++) {
    const code = key.charCodeAt(i)
    if (code !== 1 && code !== 2) continue
    flush(i)
    start = i + 1
    numeric = code === 1
  }
  flush(key.length)
  return path
}

/** the lookup key of a path: indexes and keys marked apart, so that [0] and ["0"] differ */
function pathKey(path: readonly PathSegment[]): string {
  let key = ''
  for (const segment of path)
    key += typeof segment === 'number' ? `\u0001${segment}` : `\u0002${segment}`
  return key
}

/**
 * Parses JSON text like JSON.parse, but says where: a syntax error gives its line and column in plain
 * words, a repeated key (which JSON.parse would silently drop) is reported, and every value's position
 * can be looked up by its path.
 *
 * @example
 * const result = parseJsonDocument(text, 'parts.json')
 * if (result.ok) result.document.locate(['parts', '708.77']) // { line: 12, column: 15 }
 */
export function parseJsonDocument(text: string, file: string): JsonDocumentResult {
  // a byte-order mark is not part of the text an editor shows
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  let starts: number[] | undefined
  const position = (offset: number): Position => {
    starts ??= lineStarts(source)
    return positionOf(starts, offset)
  }
  const at = (offset: number): string => {
    const { line, column } = position(offset)
    return `line ${line}, column ${column}`
  }
  if (source.trim() === '') {
    return {
      ok: false,
      issues: [
        {
          code: 'invalid_json',
          severity: 'error',
          file,
          path: [],
          message: 'the file is empty; expected JSON',
        },
      ],
    }
  }
  const parser = new Parser(source)
  let value: unknown
  try {
    value = parser.value(0, '')
    parser.skipSpace()
    if (parser.offset < source.length) parser.fail('the end of the file after the JSON value', '')
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error
    return {
      ok: false,
      issues: [
        {
          code: 'invalid_json',
          severity: 'error',
          file,
          path: error.path,
          message: `${at(error.offset)}: ${error.message}`,
        },
      ],
    }
  }
  const issues: Issue[] = parser.duplicates.map((duplicate) => ({
    code: 'duplicate_key',
    severity: 'error',
    file,
    path: duplicate.path,
    message: `${at(duplicate.offset)}: key ${JSON.stringify(duplicate.path[duplicate.path.length - 1])} appears again; the first is at line ${position(duplicate.first).line} (JSON keeps only the last one)`,
  }))
  const offsets = parser.offsets
  return {
    ok: true,
    issues,
    document: {
      value,
      file,
      locate: (path) => {
        const offset = offsets.get(pathKey(path))
        return offset === undefined ? undefined : position(offset)
      },
    },
  }
}
