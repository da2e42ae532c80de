import fc from 'fast-check'
import type { Issue, PathSegment } from '@torvan/configurator-core'
import { formatIssue } from '@torvan/configurator-core'
import { describe, expect, expectTypeOf, it } from 'vitest'
import type { JsonDocument, Position } from './read-json.js'
import { parseJsonDocument } from './read-json.js'

function parse(text: string): JsonDocument {
  const result = parseJsonDocument(text, 'f.json')
  if (!result.ok) throw new Error(`expected ${JSON.stringify(text)} to parse`)
  return result.document
}

/** the issues as a reader sees them */
function report(text: string): string {
  return parseJsonDocument(text, 'f.json').issues.map(formatIssue).join('\n')
}

/** JSON.parse's verdict: the value, or undefined for a syntax error */
function parseNatively(text: string): { value: unknown } | undefined {
  try {
    return { value: JSON.parse(text) }
  } catch {
    return undefined
  }
}

function listPaths(value: unknown, prefix: PathSegment[] = []): PathSegment[][] {
  const out: PathSegment[][] = [prefix]
  if (Array.isArray(value)) {
    value.forEach((item, i) => out.push(...listPaths(item, [...prefix, i])))
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) out.push(...listPaths(item, [...prefix, key]))
  }
  return out
}

function valueAt(value: unknown, path: readonly PathSegment[]): unknown {
  return path.reduce<unknown>((at, segment) => (at as Record<PathSegment, unknown>)[segment], value)
}

/** the text from a position on */
function textFrom(text: string, { line, column }: Position): string {
  return (text.split('\n')[line - 1] ?? '').slice(column - 1)
}

/** any code point, lone surrogates included; fc's 'binary' unit takes a second to set up */
const anyCodePoint = fc.nat({ max: 0x10ffff }).map((code) => String.fromCodePoint(code))

/** JSON-ish text: the tokens, and the mistakes people make with them */
const tokenSoup = fc
  .array(
    fc.constantFrom(
      ...['{', '}', '[', ']', ',', ':', '"', '"k"', '"\\u00e9"', '\\', ' ', '\n', '\t', '\r\n'],
      ...['0', '1', '-', '.', 'e', '+', '01', '1.5e3', '-0', 'true', 'nul', 'x', "'", '\u00a0'],
    ),
    { maxLength: 30 },
  )
  .map((tokens) => tokens.join(''))

/** valid JSON with one character dropped, doubled or replaced */
const nearJson = fc
  .tuple(fc.jsonValue(), fc.nat(), fc.constantFrom('drop', 'double', ',', '"', '}', ']', '\\'))
  .map(([value, n, edit]) => {
    const text = JSON.stringify(value, null, 1)
    const i = n % (text.length + 1)
    if (edit === 'drop') return text.slice(0, i) + text.slice(i + 1)
    if (edit === 'double') return text.slice(0, i) + text.slice(i, i + 1) + text.slice(i)
    return text.slice(0, i) + edit + text.slice(i + 1)
  })

describe('parseJsonDocument()', () => {
  it('reads what JSON.parse reads and locates every value at its first character', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(undefined, 2, '\t'), (value, indent) => {
        const text = JSON.stringify(value, null, indent)
        const document = parse(text)
        const native: unknown = JSON.parse(text)
        expect(document.value).toStrictEqual(native)
        for (const path of listPaths(native)) {
          const position = document.locate(path)
          if (position === undefined) throw new Error(`cannot locate ${JSON.stringify(path)}`)
          const written = JSON.stringify(valueAt(native, path))
          // without indentation each value is written out in full from where it starts
          if (indent === undefined) expect(textFrom(text, position).startsWith(written)).toBe(true)
          else expect(textFrom(text, position)[0]).toBe(written[0])
        }
      }),
    )
  })

  it('accepts exactly the texts JSON.parse accepts, with the same values', () => {
    fc.assert(
      fc.property(fc.oneof(tokenSoup, nearJson), (text) => {
        const result = parseJsonDocument(text, 'f.json')
        const native = parseNatively(text)
        expect(result.ok).toBe(native !== undefined)
        if (result.ok) expect(result.document.value).toStrictEqual(native?.value)
      }),
      { numRuns: 2000 },
    )
  })

  it('never throws on arbitrary text, and starts each syntax error with its line and column', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.string({ unit: anyCodePoint })),
        (text) => {
          const result = parseJsonDocument(text, 'f.json')
          expect(result.ok).toBe(parseNatively(text) !== undefined)
          if (result.ok || /^\ufeff?[ \t\n\r]*$/.test(text)) return
          expect(result.issues).toHaveLength(1)
          expect(result.issues[0]?.message).toMatch(/^line \d+, column \d+: expected .+, found /)
        },
      ),
    )
  })

  it.each([
    ['escapes', '"\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u0041 \\u00e9 \\u20AC"'],
    ['an escaped surrogate pair and a lone surrogate', '["\\ud83d\\ude00", "\\udc00", "😀"]'],
    ['numbers', '[0, -0, 1, -1, 0.5, 1e3, 1E+3, 1e-7, -1.25e-2, 9007199254740993, 1e400, -1e400]'],
    ['a long number', `[${'1'.repeat(500)}.${'9'.repeat(500)}]`],
    ['nested empty containers', '{"a": {}, "b": [], "c": [{}, [[]]], "": ""}'],
    ['every kind of JSON space', ' \t\r\n{ \t\r\n"a" \t\r\n: \t\r\n1 \t\r\n} \t\r\n'],
    ['integer-like keys, which objects order first', '{"b": 1, "2": 2, "a": 3, "1": 4}'],
    [
      'keys that are Object.prototype names',
      '{"toString": 1, "constructor": 2, "hasOwnProperty": 3}',
    ],
    ['a repeated key', '{"a": 1, "b": 2, "a": 3}'],
  ])('reads %s as JSON.parse does', (_, text) => {
    expect(parse(text).value).toStrictEqual(JSON.parse(text))
  })

  it('locates values by line and column, for keys and indexes', () => {
    const text = '{\n  "parts": {\n    "708.77": { "name": "x", "tags": [1, "two"] }\n  }\n}'
    const document = parse(text)
    expect(document.locate([])).toEqual({ line: 1, column: 1 })
    expect(document.locate(['parts', '708.77'])).toEqual({ line: 3, column: 15 })
    expect(document.locate(['parts', '708.77', 'name'])).toEqual({ line: 3, column: 25 })
    expect(document.locate(['parts', '708.77', 'tags', 1])).toEqual({ line: 3, column: 42 })
    // property access reads a["1"] as a[1], and so does locate
    expect(document.locate(['parts', '708.77', 'tags', '1'])).toEqual({ line: 3, column: 42 })
    expect(document.locate(['parts', 'nope'])).toBeUndefined()
    expect(document.locate(['parts', '708.77', 'tags', 2])).toBeUndefined()
    expect(document.locate(['parts', '708.77', 'tags', 'length'])).toBeUndefined()
    expect(document.locate(['parts', '708.77', 'name', 0])).toBeUndefined()
  })

  it('counts lines ended by "\\r\\n" and by a lone "\\r", as editors do', () => {
    expect(parse('[\r\n  1,\r  2]').locate([1])).toEqual({ line: 3, column: 3 })
    expect(report('[\r\n  1\r\n  2]')).toMatchInlineSnapshot(
      `"f.json: line 3, column 3: expected "," or "]" after a list element, found "2""`,
    )
  })

  it('says where and what for each syntax error, in plain words', () => {
    const errors = [
      '{"a": 1 "b": 2}',
      '{"a": 1,}',
      '{"a": [1, 2,]}',
      '{"a": "text',
      '{\n  "a": "text,\n  "b": 2\n}',
      '["\\x"]',
      '["\\u12G4"]',
      '{"n": 01}',
      '-',
      '[1.]',
      '[1e+]',
      '{"a":\n  [1, 2',
      '{"a": 1} x',
      '["a\tb"]',
      '["a\u0001"]',
      "{'a': 1}",
      '{a: 1}',
      '[1, // one\n 2]',
      '[tru]',
      '[NaN]',
      '[1,\u00a02]',
      '{"a" 1}',
    ]
    expect(errors.map(report)).toMatchInlineSnapshot(`
      [
        "f.json: line 1, column 9: expected "," or "}" after a property, found '"'",
        "f.json: line 1, column 9: expected a key after "," (no trailing comma in JSON), found "}"",
        "f.json: a: line 1, column 13: expected a value after "," (no trailing comma in JSON), found "]"",
        "f.json: a: line 1, column 12: expected a closing double quote for the text that starts at line 1, column 7, found the end of the file",
        "f.json: a: line 2, column 14: expected a closing double quote for the text that starts at line 2, column 8, found a line break (a line break inside text is written \\n)",
        "f.json: [0]: line 1, column 3: expected an escape (\\" \\\\ \\/ \\b \\f \\n \\r \\t or \\u and four hex digits), found "\\x"",
        "f.json: [0]: line 1, column 7: expected four hex digits after "\\u", found "G4"",
        "f.json: n: line 1, column 7: expected a number without leading zeros, found "01"",
        "f.json: line 1, column 2: expected a digit after "-", found the end of the file",
        "f.json: [0]: line 1, column 4: expected a digit after ".", found "]"",
        "f.json: [0]: line 1, column 5: expected a digit in the exponent, found "]"",
        "f.json: a: line 2, column 8: expected "," or "]" after a list element, found the end of the file",
        "f.json: line 1, column 10: expected the end of the file after the JSON value, found "x"",
        "f.json: [0]: line 1, column 4: expected text without control characters, found a tab (write \\t instead)",
        "f.json: [0]: line 1, column 4: expected text without control characters, found the control character U+0001 (write \\u0001 instead)",
        "f.json: line 1, column 2: expected a key in double quotes, found "'" (JSON text uses double quotes)",
        "f.json: line 1, column 2: expected a key in double quotes, found "a" (JSON keys are in double quotes)",
        "f.json: [1]: line 1, column 5: expected a value (an object, a list, text in double quotes, a number, true, false or null), found "/" (JSON has no comments)",
        "f.json: [0]: line 1, column 2: expected true, found "tru"",
        "f.json: [0]: line 1, column 2: expected a value (an object, a list, text in double quotes, a number, true, false or null), found "NaN"",
        "f.json: [1]: line 1, column 4: expected a value (an object, a list, text in double quotes, a number, true, false or null), found the invisible character U+00A0",
        "f.json: line 1, column 6: expected ":" after the key "a", found "1"",
      ]
    `)
  })

  it('calls empty text, or text of only spaces, an empty file', () => {
    expect(['', '  \n\t ', '\ufeff'].map(report)).toMatchInlineSnapshot(`
      [
        "f.json: the file is empty",
        "f.json: the file is empty",
        "f.json: the file is empty",
      ]
    `)
  })

  it('reports each repeat of a key, which JSON.parse would silently drop, and keeps the last value as it does', () => {
    const text = '{\n "parts": {\n  "A":\n   {"x": 1},\n  "B": 2,\n  "A": 3,\n  "A": [4]\n }\n}'
    const result = parseJsonDocument(text, 'f.json')
    if (!result.ok) throw new Error('parse')
    expect(result.document.value).toStrictEqual(JSON.parse(text))
    expect(result.issues.map(formatIssue)).toMatchInlineSnapshot(`
      [
        "f.json: parts.A: line 6, column 3: key "A" appears again; the first is at line 3 (JSON keeps only the last one)",
        "f.json: parts.A: line 7, column 3: key "A" appears again; the first is at line 3 (JSON keeps only the last one)",
      ]
    `)
    expect(result.issues[0]).toMatchObject({ code: 'duplicate_key', severity: 'error' })
    // locate follows the value: the dropped {"x": 1} is gone
    expect(result.document.locate(['parts', 'A'])).toEqual({ line: 7, column: 8 })
    expect(result.document.locate(['parts', 'A', 0])).toEqual({ line: 7, column: 9 })
    expect(result.document.locate(['parts', 'A', 'x'])).toBeUndefined()
  })

  it('skips a byte-order mark, counting columns after it', () => {
    const document = parse('\ufeff{"a": 1}')
    expect(document.value).toEqual({ a: 1 })
    expect(document.locate(['a'])).toEqual({ line: 1, column: 7 })
    expect(report('\ufeff{"a": 1,}')).toMatchInlineSnapshot(
      `"f.json: line 1, column 9: expected a key after "," (no trailing comma in JSON), found "}""`,
    )
    expect(report('[1, \ufeff2]')).toMatchInlineSnapshot(
      `"f.json: [1]: line 1, column 5: expected a value (an object, a list, text in double quotes, a number, true, false or null), found the invisible character U+FEFF"`,
    )
  })

  it('keeps "__proto__" as an own key, as JSON.parse does, without touching the prototype', () => {
    const text = '{"__proto__": {"polluted": 1}, "a": {"__proto__": []}, "__proto__": {"x": 2}}'
    const value = parse(text).value as Record<string, unknown>
    expect(value).toStrictEqual(JSON.parse(text))
    expect(Object.keys(value)).toEqual(['__proto__', 'a'])
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype)
    expect(Object.getOwnPropertyDescriptor(value, '__proto__')).toEqual({
      value: { x: 2 },
      enumerable: true,
      writable: true,
      configurable: true,
    })
    expect(Object.hasOwn(value['a'] as object, '__proto__')).toBe(true)
    expect(parse(text).locate(['__proto__', 'x'])).toEqual({ line: 1, column: 75 })
  })

  it('reads 1,000 levels of nesting and refuses more with an issue, not a stack overflow', () => {
    const nest = (depth: number, open: string, close: string) =>
      `${open.repeat(depth)}0${close.repeat(depth)}`
    expect(parseJsonDocument(nest(1000, '[', ']'), 'f.json').ok).toBe(true)
    expect(parseJsonDocument(nest(1000, '{"a":', '}'), 'f.json').ok).toBe(true)
    for (const text of [nest(1001, '[', ']'), nest(5000, '[', ']'), nest(5000, '{"a":', '}')]) {
      const result = parseJsonDocument(text, 'f.json')
      expect(result.ok).toBe(false)
      expect(result.issues[0]?.message).toMatch(
        /^line 1, column \d+: nesting deeper than 1000 levels$/,
      )
      expect(result.issues[0]?.path).toHaveLength(1000)
    }
  })

  it('types a result that narrows on ok', () => {
    const result = parseJsonDocument('1', 'f.json')
    expectTypeOf(result.issues).toEqualTypeOf<Issue[]>()
    if (result.ok) expectTypeOf(result.document).toEqualTypeOf<JsonDocument>()
    expectTypeOf<JsonDocument['locate']>().returns.toEqualTypeOf<Position | undefined>()
  })
})
