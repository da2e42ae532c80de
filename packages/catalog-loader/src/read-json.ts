import type { Issue, PathSegment } from '@torvan/configurator-core'

/**
 * A place in a text file, both counted from 1; columns count UTF-16 code units.
 *
 * @example const where: Position = { line: 3, column: 15 }
 */
export interface Position {
  line: number
  column: number
}

/**
 * Parsed JSON that remembers where each value starts.
 *
 * @example document.locate(['parts', '708.77', 'name']) // { line: 3, column: 25 }
 */
export interface JsonDocument {
  value: unknown
  file: string
  /** where the value at `path` starts, or undefined when there is no such value */
  locate(path: readonly PathSegment[]): Position | undefined
}

/**
 * A parse: the document and any duplicate keys, or the one syntax error that stopped it.
 *
 * @example if (!result.ok) return { issues: result.issues }
 */
export type JsonDocumentResult =
  { ok: true; document: JsonDocument; issues: Issue[] } | { ok: false; issues: Issue[] }

const MAX_DEPTH = 1000

/** where a value starts: an offset for a scalar, and a container also keeps its members' spots */
type Spot = number | Container

interface Container {
  offset: number
  members: Spot[] | Map<string, Spot>
}

interface Failure {
  message: string
  offset: number
  path: PathSegment[]
  hint?: string
}

/** the syntax error that stops a parse; parseJsonDocument turns it into an issue */
class JsonSyntaxError extends Error {
  constructor(readonly failure: Failure) {
    super(failure.message)
  }
}

const WORD = /[\w$]{1,20}/y

/** what sits at `offset`, in plain words */
function describeAt(text: string, offset: number): string {
  const code = text.codePointAt(offset)
  if (code === undefined) return 'the end of the file'
  if (code === 10 || code === 13) return 'a line break'
  if (code === 9) return 'a tab'
  if (code === 32) return 'a space'
  if (code === 34) return `'"'`
  const char = String.fromCodePoint(code)
  if (/[\p{C}\p{Z}]/u.test(char)) {
    const hex = code.toString(16).toUpperCase().padStart(4, '0')
    return code < 0x20 ? `the control character U+${hex}` : `the invisible character U+${hex}`
  }
  WORD.lastIndex = offset
  const word = WORD.exec(text)
  return word === null ? `"${char}"` : `"${word[0]}"`
}

/** a fix for the mistakes people carry over from JavaScript */
function hintAt(text: string, offset: number): string | undefined {
  const char = text[offset]
  if (char === "'") return 'JSON text uses double quotes'
  if (char === '/') return 'JSON has no comments'
  return undefined
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57
}

/** the value of a hex digit, or -1 */
function hexValue(code: number): number {
  if (code >= 48 && code <= 57) return code - 48
  if (code >= 65 && code <= 70) return code - 55
  if (code >= 97 && code <= 102) return code - 87
  return -1
}

function offsetOf(spot: Spot): number {
  return typeof spot === 'number' ? spot : spot.offset
}

/** the spot of an array member, accepting "3" for 3 as property access does */
function memberOf(spot: Spot | undefined, segment: PathSegment): Spot | undefined {
  if (spot === undefined || typeof spot === 'number') return undefined
  const members = spot.members
  if (!Array.isArray(members)) return members.get(String(segment))
  if (typeof segment === 'number') return members[segment]
  return /^(?:0|[1-9]\d*)$/.test(segment) ? members[Number(segment)] : undefined
}

/** offsets where lines start; "\r\n", "\n" and a lone "\r" each end a line, as in editors */
function findLineStarts(text: string, first: number): number[] {
  const starts = [first]
  for (let i = first; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code === 10) starts.push(i + 1)
    else if (code === 13 && text.charCodeAt(i + 1) !== 10) starts.push(i + 1)
  }
  return starts
}

function findPosition(starts: readonly number[], offset: number): Position {
  let low = 0
  let high = starts.length - 1
  while (low < high) {
    const middle = (low + high + 1) >> 1
    if ((starts[middle] as number) <= offset) low = middle
    else high = middle - 1
  }
  return { line: low + 1, column: offset - (starts[low] as number) + 1 }
}

class Parser {
  offset: number
  /** the spot of the value just read; a field rather than a returned pair, to save an allocation per value */
  spot: Spot = 0
  /** keys and indexes down to the value being read, for error paths */
  readonly path: PathSegment[] = []
  readonly duplicates: { path: PathSegment[]; offset: number; first: number }[] = []
  private lineStarts: number[] | undefined

  constructor(
    readonly text: string,
    readonly start: number,
  ) {
    this.offset = start
  }

  position(offset: number): Position {
    this.lineStarts ??= findLineStarts(this.text, this.start)
    return findPosition(this.lineStarts, offset)
  }

  stop(message: string, options: { at?: number; hint?: string | undefined } = {}): never {
    const failure: Failure = { message, offset: options.at ?? this.offset, path: [...this.path] }
    if (options.hint !== undefined) failure.hint = options.hint
    throw new JsonSyntaxError(failure)
  }

  failExpecting(what: string, options: { at?: number; found?: string; hint?: string } = {}): never {
    const at = options.at ?? this.offset
    const found = options.found ?? describeAt(this.text, at)
    return this.stop(`expected ${what}, found ${found}`, {
      at,
      hint: options.hint ?? hintAt(this.text, at),
    })
  }

  skipSpace(): void {
    const text = this.text
    let offset = this.offset
    for (;;) {
      const code = text.charCodeAt(offset)
      if (code === 32 || code === 10 || code === 13 || code === 9) offset++
      else break
    }
    this.offset = offset
  }

  readValue(): unknown {
    this.skipSpace()
    const start = this.offset
    const code = this.text.charCodeAt(start)
    if (code === 123 || code === 91) {
      if (this.path.length === MAX_DEPTH) this.stop(`nesting deeper than ${MAX_DEPTH} levels`)
      return code === 123 ? this.readObject() : this.readArray()
    }
    this.spot = start
    if (code === 34) return this.readString()
    if (code === 45 || isDigit(code)) return this.readNumber()
    if (code === 116) return this.readWord('true', true)
    if (code === 102) return this.readWord('false', false)
    if (code === 110) return this.readWord('null', null)
    return this.failExpecting(
      'a value (an object, a list, text in double quotes, a number, true, false or null)',
    )
  }

  readWord(word: string, value: boolean | null): boolean | null {
    if (!this.text.startsWith(word, this.offset)) this.failExpecting(word)
    this.offset += word.length
    return value
  }

  readNumber(): number {
    const text = this.text
    const start = this.offset
    let i = start
    if (text.charCodeAt(i) === 45) i++
    if (text.charCodeAt(i) === 48) {
      i++
      if (isDigit(text.charCodeAt(i))) {
        let end = i
        while (isDigit(text.charCodeAt(end))) end++
        this.failExpecting('a number without leading zeros', {
          found: `"${text.slice(start, end)}"`,
        })
      }
    } else if (isDigit(text.charCodeAt(i))) {
      while (isDigit(text.charCodeAt(i))) i++
    } else {
      this.failExpecting('a digit after "-"', { at: i })
    }
    if (text.charCodeAt(i) === 46) {
      i++
      if (!isDigit(text.charCodeAt(i))) this.failExpecting('a digit after "."', { at: i })
      while (isDigit(text.charCodeAt(i))) i++
    }
    const e = text.charCodeAt(i)
    if (e === 101 || e === 69) {
      i++
      const sign = text.charCodeAt(i)
      if (sign === 43 || sign === 45) i++
      if (!isDigit(text.charCodeAt(i))) this.failExpecting('a digit in the exponent', { at: i })
      while (isDigit(text.charCodeAt(i))) i++
    }
    this.offset = i
    // same digits, same double: JSON.parse and Number() share the conversion
    return Number(text.slice(start, i))
  }

  readString(): string {
    const text = this.text
    const start = this.offset
    let i = start + 1
    let chunk = i
    let out = ''
    for (;;) {
      const code = text.charCodeAt(i)
      if (code === 34) {
        this.offset = i + 1
        return out + text.slice(chunk, i)
      }
      if (code === 92) {
        out += text.slice(chunk, i)
        out += this.readEscape(i)
        i += text.charCodeAt(i + 1) === 117 ? 6 : 2
        chunk = i
      } else if (code >= 0x20) {
        i++
      } else {
        this.failInString(start, i)
      }
    }
  }

  /** stops inside text, at the end of the file (a NaN code) or at a control character */
  failInString(start: number, at: number): never {
    const { line, column } = this.position(start)
    const opened = `the text that starts at line ${line}, column ${column}`
    const code = this.text.charCodeAt(at)
    if (Number.isNaN(code))
      return this.failExpecting(`a closing double quote for ${opened}`, { at })
    if (code === 10 || code === 13) {
      return this.failExpecting(`a closing double quote for ${opened}`, {
        at,
        hint: 'a line break inside text is written \\n',
      })
    }
    const escape = code === 9 ? '\\t' : `\\u${code.toString(16).padStart(4, '0')}`
    return this.failExpecting('text without control characters', {
      at,
      hint: `write ${escape} instead`,
    })
  }

  readEscape(backslash: number): string {
    const text = this.text
    const code = text.charCodeAt(backslash + 1)
    switch (code) {
      case 34:
        return '"'
      case 92:
        return '\\'
      case 47:
        return '/'
      case 98:
        return '\b'
      case 102:
        return '\f'
      case 110:
        return '\n'
      case 114:
        return '\r'
      case 116:
        return '\t'
      case 117: {
        let unit = 0
        for (let i = backslash + 2; i < backslash + 6; i++) {
          const digit = hexValue(text.charCodeAt(i))
          if (digit < 0) this.failExpecting('four hex digits after "\\u"', { at: i })
          unit = unit * 16 + digit
        }
        // a surrogate pair arrives as two escapes; their two code units join up in the string
        return String.fromCharCode(unit)
      }
      default: {
        const found = Number.isNaN(code) ? undefined : `"\\${String.fromCodePoint(code)}"`
        return this.failExpecting(
          'an escape (\\" \\\\ \\/ \\b \\f \\n \\r \\t or \\u and four hex digits)',
          {
            at: backslash,
            ...(found === undefined ? {} : { found }),
          },
        )
      }
    }
  }

  readArray(): unknown[] {
    const spots: Spot[] = []
    const container: Container = { offset: this.offset, members: spots }
    const items: unknown[] = []
    const path = this.path
    this.offset++
    this.skipSpace()
    if (this.text.charCodeAt(this.offset) === 93) {
      this.offset++
      this.spot = container
      return items
    }
    for (;;) {
      path.push(items.length)
      items.push(this.readValue())
      path.pop()
      spots.push(this.spot)
      this.skipSpace()
      const code = this.text.charCodeAt(this.offset)
      if (code === 93) {
        this.offset++
        this.spot = container
        return items
      }
      if (code !== 44) this.failExpecting('"," or "]" after a list element')
      this.offset++
      this.skipSpace()
      if (this.text.charCodeAt(this.offset) === 93) {
        this.failExpecting('a value after "," (no trailing comma in JSON)')
      }
    }
  }

  readObject(): Record<string, unknown> {
    const members = new Map<string, Spot>()
    const container: Container = { offset: this.offset, members }
    const out: Record<string, unknown> = {}
    const text = this.text
    const path = this.path
    // where each repeated key first appeared, made on the first repeat
    let firsts: Map<string, number> | undefined
    this.offset++
    this.skipSpace()
    if (text.charCodeAt(this.offset) === 125) {
      this.offset++
      this.spot = container
      return out
    }
    for (;;) {
      if (text.charCodeAt(this.offset) !== 34) {
        if (text.charCodeAt(this.offset) === 125) {
          this.failExpecting('a key after "," (no trailing comma in JSON)')
        }
        const word = /[\w$]/.test(text[this.offset] ?? '')
        this.failExpecting(
          'a key in double quotes',
          word ? { hint: 'JSON keys are in double quotes' } : {},
        )
      }
      const keyOffset = this.offset
      const key = this.readString()
      this.skipSpace()
      if (text.charCodeAt(this.offset) !== 58)
        this.failExpecting(`":" after the key ${JSON.stringify(key)}`)
      this.offset++
      path.push(key)
      const value = this.readValue()
      path.pop()
      const previous = members.get(key)
      if (previous !== undefined) {
        firsts ??= new Map()
        const first = firsts.get(key) ?? this.findKeyBefore(offsetOf(previous))
        firsts.set(key, first)
        this.duplicates.push({ path: [...path, key], offset: keyOffset, first })
      }
      members.set(key, this.spot)
      // an own property even for "__proto__", as JSON.parse makes it
      if (key === '__proto__') {
        Object.defineProperty(out, key, {
          value,
          enumerable: true,
          writable: true,
          configurable: true,
        })
      } else {
        out[key] = value
      }
      this.skipSpace()
      const code = text.charCodeAt(this.offset)
      if (code === 125) {
        this.offset++
        this.spot = container
        return out
      }
      if (code !== 44) this.failExpecting('"," or "}" after a property')
      this.offset++
      this.skipSpace()
    }
  }

  /** the closing quote of the key before a value: on the key's line, since keys hold no line breaks */
  findKeyBefore(valueOffset: number): number {
    const text = this.text
    let i = valueOffset - 1
    // back over the space, the ":" and the space again
    while (text.charCodeAt(i) !== 58) i--
    i--
    while (text.charCodeAt(i) !== 34) i--
    return i
  }
}

/** locates by walking the spot tree, so a repeated key's dropped value is not found */
function locateIn(root: Spot, path: readonly PathSegment[]): number | undefined {
  let spot: Spot | undefined = root
  for (const segment of path) spot = memberOf(spot, segment)
  return spot === undefined ? undefined : offsetOf(spot)
}

/**
 * Parses JSON text as JSON.parse does, but says where: a syntax error becomes one `invalid_json` issue
 * with its line, column and path, each repeated key (which JSON.parse silently drops) a `duplicate_key`
 * issue, and every value's start can be looked up by its path.
 *
 * @example
 * const result = parseJsonDocument('{\n  "parts": { "708.77": {} }\n}', 'parts.json')
 * if (result.ok) result.document.locate(['parts', '708.77']) // { line: 2, column: 24 }
 */
export function parseJsonDocument(text: string, file: string): JsonDocumentResult {
  // editors hide a byte-order mark, so columns start after it
  const parser = new Parser(text, text.charCodeAt(0) === 0xfeff ? 1 : 0)
  parser.skipSpace()
  if (parser.offset === text.length) {
    return {
      ok: false,
      issues: [
        { code: 'invalid_json', severity: 'error', file, path: [], message: 'the file is empty' },
      ],
    }
  }
  const at = (offset: number): string => {
    const { line, column } = parser.position(offset)
    return `line ${line}, column ${column}`
  }
  let value: unknown
  try {
    value = parser.readValue()
    parser.skipSpace()
    if (parser.offset < text.length)
      parser.failExpecting('the end of the file after the JSON value')
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error
    const { message, offset, path, hint } = error.failure
    const issue: Issue = {
      code: 'invalid_json',
      severity: 'error',
      file,
      path,
      message: `${at(offset)}: ${message}`,
    }
    if (hint !== undefined) issue.hint = hint
    return { ok: false, issues: [issue] }
  }
  const root = parser.spot
  const issues = parser.duplicates.map(({ path, offset, first }): Issue => {
    const key = JSON.stringify(path[path.length - 1])
    const line = parser.position(first).line
    return {
      code: 'duplicate_key',
      severity: 'error',
      file,
      path,
      message: `${at(offset)}: key ${key} appears again; the first is at line ${line} (JSON keeps only the last one)`,
    }
  })
  return {
    ok: true,
    issues,
    document: {
      value,
      file,
      locate: (path) => {
        const offset = locateIn(root, path)
        return offset === undefined ? undefined : parser.position(offset)
      },
    },
  }
}
