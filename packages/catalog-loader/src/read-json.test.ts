import fc from 'fast-check'
import type { PathSegment } from '@torvan/configurator-core'
import { describe, expect, it } from 'vitest'
import { parseJsonDocument } from './read-json.js'

function error(text: string): string {
  const result = parseJsonDocument(text, 'f.json')
  if (result.ok) throw new Error('parsed')
  return result.issues
    .map((issue) => `${issue.code} ${JSON.stringify(issue.path)} ${issue.message}`)
    .join('\n')
}

function paths(value: unknown, prefix: PathSegment[] = []): PathSegment[][] {
  const out: PathSegment[][] = [prefix]
  if (Array.isArray(value)) value.forEach((item, i) => out.push(...paths(item, [...prefix, i])))
  else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) out.push(...paths(item, [...prefix, key]))
  }
  return out
}

describe('parseJsonDocument()', () => {
  it('reads what JSON.parse reads, and can locate every value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.boolean(), (value, indent) => {
        const text = JSON.stringify(value, null, indent ? 2 : undefined)
        const result = parseJsonDocument(text, 'f.json')
        if (!result.ok) throw new Error(result.issues[0]?.message)
        expect(JSON.stringify(result.document.value)).toBe(JSON.stringify(JSON.parse(text)))
        for (const path of paths(JSON.parse(text)))
          expect(result.document.locate(path)).toBeDefined()
      }),
    )
  })

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const result = parseJsonDocument(text, 'f.json')
        let valid = true
        try {
          JSON.parse(text)
        } catch {
          valid = false
        }
        expect(result.ok).toBe(valid)
      }),
    )
  })

  it('locates values by line and column', () => {
    const result = parseJsonDocument(
      '{\n  "parts": {\n    "708.77": { "name": "x" }\n  }\n}',
      'parts.json',
    )
    if (!result.ok) throw new Error('parse')
    expect(result.document.locate(['parts', '708.77'])).toEqual({ line: 3, column: 15 })
    expect(result.document.locate(['parts', '708.77', 'name'])).toEqual({ line: 3, column: 25 })
    expect(result.document.locate(['parts', 'nope'])).toBeUndefined()
  })

  it('says where and what for each syntax error, in plain words', () => {
    expect(error('{"a": 1 "b": 2}')).toMatchInlineSnapshot(
      `"invalid_json [] line 1, column 9: expected "," or "}" after a property, found "\\"""`,
    )
    expect(error('{"a": [1, 2,]}')).toMatchInlineSnapshot(
      `"invalid_json ["a"] line 1, column 13: expected a value after "," (no trailing comma in JSON), found "]""`,
    )
    expect(error('{"a": 1,}')).toMatchInlineSnapshot(
      `"invalid_json [] line 1, column 9: expected a key after "," (no trailing comma in JSON), found "}""`,
    )
    expect(error('{"a": "text')).toMatchInlineSnapshot(
      `"invalid_json ["a"] line 1, column 7: expected a closing double quote for the text that starts here, found "\\"""`,
    )
    expect(error('["\\x"]')).toMatchInlineSnapshot(
      `"invalid_json [0] line 1, column 4: expected an escape such as \\n, \\" or \\u0041 after the backslash, found "x""`,
    )
    expect(error('[01]')).toMatchInlineSnapshot(
      `"invalid_json [0] line 1, column 3: expected no digit after a leading 0, found "1""`,
    )
    expect(error('-')).toMatchInlineSnapshot(
      `"invalid_json [] line 1, column 1: expected a digit after "-", found "-""`,
    )
    expect(error('{"a":\n  [1, 2')).toMatchInlineSnapshot(
      `"invalid_json ["a"] line 2, column 8: expected "," or "]" after a list element, found the end of the file"`,
    )
    expect(error('{} x')).toMatchInlineSnapshot(
      `"invalid_json [] line 1, column 4: expected the end of the file after the JSON value, found "x""`,
    )
    expect(error('["a\tb"]')).toMatchInlineSnapshot(
      `"invalid_json [0] line 1, column 4: expected no control character inside text (write \\n, \\t, …), found the control character U+0009"`,
    )
    expect(error('  \n ')).toMatchInlineSnapshot(
      `"invalid_json [] the file is empty; expected JSON"`,
    )
  })

  it('reports a repeated key, which JSON.parse would silently drop, and keeps the last value as it does', () => {
    const result = parseJsonDocument('{\n "parts": {\n  "A": 1,\n  "A": 2\n }\n}', 'parts.json')
    if (!result.ok) throw new Error('parse')
    expect(result.document.value).toEqual({ parts: { A: 2 } })
    expect(result.issues.map((i) => `${i.code} ${JSON.stringify(i.path)} ${i.message}`))
      .toMatchInlineSnapshot(`
      [
        "duplicate_key ["parts","A"] line 4, column 3: key "A" appears again; the first is at line 3 (JSON keeps only the last one)",
      ]
    `)
  })

  it('skips a byte-order mark and keeps "__proto__" as an own key, as JSON.parse does', () => {
    const result = parseJsonDocument('\ufeff{"__proto__": {"x": 1}}', 'f.json')
    if (!result.ok) throw new Error('parse')
    expect(Object.keys(result.document.value as object)).toEqual(['__proto__'])
    expect(JSON.stringify(result.document.value)).toBe(
      JSON.stringify(JSON.parse('{"__proto__": {"x": 1}}')),
    )
    expect(result.document.locate(['__proto__', 'x'])).toEqual({ line: 1, column: 21 })
  })

  it('refuses nesting deeper than 1,000 levels with an issue, not a stack overflow', () => {
    expect(error(`${'['.repeat(5000)}${']'.repeat(5000)}`)).toContain(
      'nesting deeper than 1000 levels',
    )
  })
})
