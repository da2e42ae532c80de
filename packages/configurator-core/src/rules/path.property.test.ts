// issue 18: a path reads what json-rules-engine's almanac (jsonpath-plus) reads, or is refused
import fc from 'fast-check'
import { Engine } from 'json-rules-engine'
import { describe, expect, it } from 'vitest'
import { compileFactPath, parseJsonPath } from './path.js'

/** what json-rules-engine gives for `fact` at `path` */
async function almanacValue(value: unknown, path: string): Promise<unknown> {
  const engine = new Engine([], { allowUndefinedFacts: true })
  engine.addFact('fact', value)
  const { almanac } = await engine.run()
  return almanac.factValue('fact', {}, path)
}

// keys that clash with JSONPath syntax ("*", "$", "^") are refused when quoted and never reach the
// configuration (its keys are the options'), so the values use plain ones
const keys = ['a', 'b', '0', '1', '01', 'length', 'a-b', 'odd key']
const json = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(null, true, 0, 1, '', 'ab', Number.NaN),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom(...keys), tie('value'), { maxKeys: 4 }),
  ),
})).value

const segment = fc.constantFrom(
  '.a',
  '.b',
  '.0',
  '.01',
  '.length',
  '.a-b',
  '[0]',
  '[1]',
  '[01]',
  "['a']",
  '["odd key"]',
  "['0']",
  '[*]',
  '.*',
  '.[0]',
  '.[*]',
  '[-1]',
  '..a',
  '..[0]',
  '..*',
  '[0:1]',
)
const path = fc.tuple(fc.boolean(), fc.array(segment, { maxLength: 4 })).map(([root, segments]) => {
  const text = segments.join('')
  return root ? `$${text}` : text.replace(/^\./, '')
})

describe('fact paths', () => {
  it('read what json-rules-engine reads, on random JSON and random paths, or are refused', async () => {
    let compared = 0
    await fc.assert(
      fc.asyncProperty(json, path, async (value, text) => {
        const parsed = parseJsonPath(text)
        if (!parsed.ok) return
        compared++
        expect(compileFactPath(parsed.segments)(value)).toStrictEqual(
          await almanacValue(value, text),
        )
      }),
      { numRuns: 2000 },
    )
    // most random paths are ones we read, so the property compares something
    expect(compared).toBeGreaterThan(1000)
  })

  it('flatten nested wildcards into one list, over lists and objects alike', async () => {
    const value = { l: [{ x: [1, 2] }, { x: [3] }, { y: 1 }], o: { p: { n: 1 }, q: { n: 2 } } }
    for (const [text, expected] of [
      ['$.l[*].x[*]', [1, 2, 3]],
      ['$.o.*.n', [1, 2]],
      ['$.l[*].y', [1]],
      ['$.l[*].z', undefined],
    ] as const) {
      const parsed = parseJsonPath(text)
      if (!parsed.ok) throw new Error(parsed.message)
      expect(compileFactPath(parsed.segments)(value)).toStrictEqual(expected)
      expect(await almanacValue(value, text)).toStrictEqual(expected)
    }
  })

  it('refuse what jsonpath-plus reads otherwise than it looks, saying what to write', () => {
    const message = (text: string) => {
      const parsed = parseJsonPath(text)
      return parsed.ok ? 'accepted' : parsed.message
    }
    expect(['[0].type', '.a', "$['a;b']", "$['^']", '$.$', '$.l[-1]'].map(message))
      .toMatchInlineSnapshot(`
        [
          "a path without "$" starts with a key; write "$[0].type"",
          "a path without "$" starts with a key; write "$.a"",
          "the key "a;b" is read as JSONPath syntax (a union, a parent, a slice…), not as a key; declare a derived fact for it",
          "the key "^" is read as JSONPath syntax (a union, a parent, a slice…), not as a key; declare a derived fact for it",
          ""$" stands only at the start of a path",
          "cannot read the path from "[-1]" on; write keys as .key or ["key"] and indexes as [0]",
        ]
      `)
  })
})
