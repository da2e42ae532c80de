import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { formatIssue } from './issues.js'
import { describeValue, zodIssues } from './zod-issues.js'

function issuesOf(schema: z.ZodType, value: unknown, where?: Parameters<typeof zodIssues>[1]) {
  const result = schema.safeParse(value, { reportInput: true })
  if (result.success) throw new Error('expected the value to fail')
  return zodIssues(result.error.issues, where)
}

describe('describeValue()', () => {
  it('names a received value briefly', () => {
    expect(
      [undefined, null, [1], { a: 1 }, 'abc', -1, Number.NaN, true, 10n, () => 1].map(
        describeValue,
      ),
    ).toEqual([
      'nothing',
      'null',
      'an array',
      'an object',
      '"abc"',
      '-1',
      'NaN',
      'true',
      '10',
      'function',
    ])
  })

  it('cuts a long text at 40 characters', () => {
    expect(describeValue('x'.repeat(50))).toBe(`"${'x'.repeat(40)}…"`)
  })
})

describe('zodIssues()', () => {
  const Sink = z.strictObject({
    lengthIn: z.number().min(48).max(120),
    depthIn: z.number().positive().lt(40),
    name: z.string().min(2).max(8),
    basins: z.array(z.string()).min(1).max(2),
    accessory: z.enum(['pegboard', 'basins']),
    stepIn: z.number().multipleOf(0.5),
    fact: z.string().refine(() => false, {
      message: "unknown fact 'basinCount'",
      params: { code: 'unknown_fact' },
    }),
    check: z.string().refine(() => false, { message: 'no good' }),
    mount: z.discriminatedUnion('type', [
      z.object({ type: z.literal('wall') }),
      z.object({ type: z.literal('floor') }),
    ]),
    id: z.union([z.string(), z.number()]),
    email: z.email(),
    counts: z.record(z.string().min(3), z.number()),
    colour: z.string(),
  })

  it('says what was expected and what was received, for each kind of zod issue', () => {
    const issues = issuesOf(Sink, {
      lengthIn: 40,
      depthIn: 0,
      name: 'x',
      basins: [],
      accessory: 'pegbord',
      stepIn: 0.3,
      fact: 'basinCount',
      check: '',
      mount: { type: 'wal' },
      id: true,
      email: 'nope',
      counts: { ab: 1 },
    })
    expect(issues.map((issue) => `${issue.code} ${formatIssue(issue)}`)).toMatchInlineSnapshot(`
      [
        "too_small lengthIn: expected number >= 48, received 40",
        "too_small depthIn: expected number > 0, received 0",
        "too_small name: expected text of at least 2 characters, received "x"",
        "too_small basins: expected at least 1 entry, received 0",
        "invalid_value accessory: expected one of "pegboard" | "basins", received "pegbord" (did you mean "pegboard"?)",
        "not_multiple_of stepIn: expected a multiple of 0.5, received 0.3",
        "unknown_fact fact: unknown fact 'basinCount'",
        "custom check: no good",
        "invalid_value mount.type: expected one of "wall" | "floor", received "wal" (did you mean "wall"?)",
        "invalid_type id: expected string or number, received true",
        "invalid_format email: Invalid email address",
        "invalid_key counts.ab: Invalid key in record",
        "required colour: required: expected string",
      ]
    `)
    expect(issues.every((issue) => issue.severity === 'error')).toBe(true)
  })

  it('words the upper bounds the same way', () => {
    const issues = issuesOf(
      Sink.pick({ lengthIn: true, depthIn: true, name: true, basins: true }),
      {
        lengthIn: 121,
        depthIn: 40,
        name: 'x'.repeat(9),
        basins: ['a', 'b', 'c'],
      },
    )
    expect(issues.map(formatIssue)).toMatchInlineSnapshot(`
      [
        "lengthIn: expected number <= 120, received 121",
        "depthIn: expected number < 40, received 40",
        "name: expected text of at most 8 characters, received "xxxxxxxxx"",
        "basins: expected at most 2 entries, received 3",
      ]
    `)
  })

  it('calls a record an object', () => {
    expect(issuesOf(z.record(z.string(), z.number()), 'x').map(formatIssue)).toEqual([
      'expected object, received "x"',
    ])
  })

  it('gives one issue per unknown key, with a did-you-mean from the known keys', () => {
    const issues = issuesOf(
      Sink.pick({ colour: true }),
      { colour: 'red', color: 'red', lenghtIn: 60 },
      { known: () => ['colour', 'lengthIn'] },
    )
    expect(issues.map((issue) => issue.code)).toEqual(['unknown_key', 'unknown_key'])
    expect(issues.map(formatIssue)).toMatchInlineSnapshot(`
      [
        "color: unknown key "color" (did you mean "colour"?)",
        "lenghtIn: unknown key "lenghtIn" (did you mean "lengthIn"?)",
      ]
    `)
  })

  it('puts issues under the file and base path it is given', () => {
    const issues = issuesOf(
      Sink.pick({ colour: true }),
      { colour: 1, extra: true },
      { file: 'parts.json', basePath: ['parts', 'T2-KIT'] },
    )
    expect(issues.map(formatIssue)).toMatchInlineSnapshot(`
      [
        "parts.json: parts["T2-KIT"].colour: expected string, received 1",
        "parts.json: parts["T2-KIT"].extra: unknown key "extra"",
      ]
    `)
    expect(issues.map((issue) => issue.path)).toEqual([
      ['parts', 'T2-KIT', 'colour'],
      ['parts', 'T2-KIT', 'extra'],
    ])
  })

  it('leaves the file out when it is not known', () => {
    expect(issuesOf(z.number(), 'x')[0]).toEqual({
      code: 'invalid_type',
      severity: 'error',
      message: 'expected number, received "x"',
      path: [],
    })
  })
})
