// issue 21: mistakes in rule and case files that used to pass `torvan rules check` / `rules test`
// silently; each is now a finding with its file, JSON path, line and column
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runTorvan } from './run-torvan.js'
import { DEMO_CATALOG, T2_RULES } from './real-catalog.js'

const SCHEMAS = join(T2_RULES, '..', 'schema')
const schema = (name: string) => join(SCHEMAS, name)

/** a small product: a sink length, an integer width, an open depth, legs and a light */
const PRODUCT = {
  $schema: schema('product.schema.json'),
  product: 'WS',
  options: {
    product: { type: 'enum', values: ['WS'], required: true },
    sink: {
      type: 'object',
      required: true,
      properties: {
        lengthIn: { type: 'number', minimum: 48, maximum: 120, decimals: 2, required: true },
        widthIn: { type: 'integer', minimum: 20, maximum: 22, default: 20 },
        depthIn: { type: 'number', default: 10 },
      },
    },
    legs: { type: 'enum', values: ['DL27', 'DL14'], required: true },
    light: { type: 'boolean', default: false },
  },
}

const add = (item: string) => ({ type: 'add', params: { item } })
/** a condition leaf; `sink.lengthIn` reads the fact `sink` at `$.lengthIn` */
const leaf = (fact: string, operator: string, value: unknown) => {
  const [name, ...path] = fact.split('.')
  return {
    fact: name,
    ...(path.length === 0 ? {} : { path: `$.${path.join('.')}` }),
    operator,
    value,
  }
}
const rule = (name: string, all: unknown[], item = 'T2-BODY-48-60-HA') => ({
  name,
  conditions: { all },
  event: add(item),
})
const rulesFile = (...rules: unknown[]) => ({ $schema: schema('rules.schema.json'), rules })

/** writes a rules folder (JSON values are written with two-space indents) and returns its path */
function folder(files: Record<string, unknown>): string {
  const directory = mkdtempSync(join(tmpdir(), 'torvan-issue-21-'))
  for (const [name, content] of Object.entries({ 'product.json': PRODUCT, ...files })) {
    const file = join(directory, name)
    mkdirSync(dirname(file), { recursive: true })
    writeFileSync(
      file,
      typeof content === 'string' ? content : `${JSON.stringify(content, null, 2)}\n`,
    )
  }
  return directory
}

const run = (...argv: string[]) => runTorvan(argv)

/** `torvan rules check` on a folder: the exit code and the finding lines, the folder written <dir> */
async function check(files: Record<string, unknown>) {
  const directory = folder(files)
  const { code, stdout } = await run('rules', 'check', directory, '--catalog', DEMO_CATALOG)
  const findings = stdout
    .split('\n')
    .filter((line) => /^(error|warning): /.test(line))
    .map((line) => line.replaceAll(directory, '<dir>').replaceAll(SCHEMAS, '<schemas>'))
  return { code, findings, directory }
}

describe('a value of the wrong type for the fact and the operator', () => {
  it('refuses lessThan with the string "61" against a number', async () => {
    const { code, findings } = await check({
      'body.json': rulesFile(rule('short', [leaf('sink.lengthIn', 'lessThan', '61')])),
    })
    expect(code).toBe(1)
    expect(findings).toMatchInlineSnapshot(`
      [
        "error: <dir>/body.json:12:22: rules[0].conditions.all[0].value: lessThan compares numbers: expected a number, received "61" (write 61, without quotes)",
      ]
    `)
  })

  it('refuses "true" against a boolean', async () => {
    const { findings } = await check({
      'light.json': rulesFile(rule('light', [leaf('light', 'equal', 'true')])),
    })
    expect(findings).toMatchInlineSnapshot(`
      [
        "error: <dir>/light.json:11:22: rules[0].conditions.all[0].value: expected true or false for light, received "true" (write true, without quotes)",
      ]
    `)
  })

  it('refuses greaterThan on an enum', async () => {
    const { findings } = await check({
      'legs.json': rulesFile(rule('legs', [leaf('legs', 'greaterThan', 'DL14')])),
    })
    expect(findings).toMatchInlineSnapshot(`
      [
        "error: <dir>/legs.json:10:25: rules[0].conditions.all[0].operator: greaterThan compares numbers, but legs is one of "DL27", "DL14": it never holds (compare with equal, notEqual, in or notIn)",
      ]
    `)
  })
})

describe('rules that can never fire', () => {
  it('finds contradictory conditions on one fact', async () => {
    const { code, findings } = await check({
      'body.json': rulesFile(
        rule('between', [
          leaf('sink.lengthIn', 'lessThan', 60),
          leaf('legs', 'equal', 'DL14'),
          leaf('sink.lengthIn', 'greaterThan', 72),
        ]),
      ),
    })
    expect(code).toBe(1)
    expect(findings).toMatchInlineSnapshot(`
      [
        "error: <dir>/body.json:6:21: rules[0].conditions: rule "between" can never fire: sink.lengthIn cannot be lessThan 60 (conditions.all[0]) and greaterThan 72 (conditions.all[2]) at once (fix the conditions, or remove the rule)",
      ]
    `)
  })

  it('finds a value outside the fact’s domain', async () => {
    const { findings } = await check({
      'body.json': rulesFile(rule('tiny', [leaf('sink.lengthIn', 'lessThan', 40)])),
    })
    expect(findings).toMatchInlineSnapshot(`
      [
        "error: <dir>/body.json:8:11: rules[0].conditions.all[0]: this condition never holds: sink.lengthIn is a number from 48 to 120, never lessThan 40 (compare with a value the fact can take: its option in product.json says which)",
      ]
    `)
  })

  it('says nothing where it cannot decide (an open number, another fact on the right)', async () => {
    const { code, findings } = await check({
      'body.json': rulesFile(
        rule('deep', [leaf('sink.depthIn', 'lessThan', 5), leaf('sink.depthIn', 'greaterThan', 4)]),
        rule('wide', [leaf('sink.lengthIn', 'lessThan', { fact: 'sink', path: '$.widthIn' })]),
      ),
    })
    expect(findings).toEqual([])
    expect(code).toBe(0)
  })

  it('finds two rules that can both add items that exclude each other (two sink bodies)', async () => {
    const { code, findings } = await check({
      'product.json': { ...PRODUCT, exclusive: { body: { subcategories: ['721.709'] } } },
      'body.json': rulesFile(
        rule('body-short', [leaf('sink.lengthIn', 'lessThan', 62)], 'T2-BODY-48-60-HA'),
        rule('body-long', [leaf('sink.lengthIn', 'greaterThanInclusive', 61)], 'T2-BODY-61-72-HA'),
        rule('body-longest', [leaf('sink.lengthIn', 'greaterThan', 72)], 'T2-BODY-73-120-HA'),
      ),
    })
    expect(code).toBe(1)
    expect(findings).toMatchInlineSnapshot(`
      [
        "error: <dir>/body.json:38:19: rules[1].event.params.item: rules "body-short" (rules[0]) and "body-long" can both fire, e.g. when sink.lengthIn is 61, and each adds a "body" item (T2-BODY-48-60-HA, T2-BODY-61-72-HA): a configuration holds at most one (make their conditions exclude each other)",
        "error: <dir>/body.json:57:19: rules[2].event.params.item: rules "body-long" (rules[1]) and "body-longest" can both fire, e.g. when sink.lengthIn is 120, and each adds a "body" item (T2-BODY-61-72-HA, T2-BODY-73-120-HA): a configuration holds at most one (make their conditions exclude each other)",
      ]
    `)
  })

  it('accepts bodies whose conditions exclude each other', async () => {
    const { code, findings } = await check({
      'product.json': {
        ...PRODUCT,
        exclusive: { body: { items: ['T2-BODY-48-60-HA', 'T2-BODY-61-72-HA'] } },
      },
      'body.json': rulesFile(
        rule('body-short', [leaf('sink.lengthIn', 'lessThan', 61)], 'T2-BODY-48-60-HA'),
        rule('body-long', [leaf('sink.lengthIn', 'greaterThanInclusive', 61)], 'T2-BODY-61-72-HA'),
      ),
    })
    expect(findings).toEqual([])
    expect(code).toBe(0)
  })
})

describe('template item ids with a number placeholder', () => {
  it('checks every value the domain allows against the catalog', async () => {
    const { code, findings } = await check({
      'boards.json': rulesFile({
        name: 'board',
        conditions: { all: [] },
        event: add('WS-BOARD-{sink.widthIn}'),
      }),
    })
    expect(code).toBe(1)
    expect(findings).toMatchInlineSnapshot(`
      [
        "error: <dir>/boards.json:12:19: rules[0].event.params.item: this template can give ids that are not in the catalog: "WS-BOARD-20", "WS-BOARD-21", "WS-BOARD-22"",
      ]
    `)
  })

  it('warns that an open domain cannot be checked', async () => {
    const { code, findings } = await check({
      'boards.json': rulesFile({
        name: 'board',
        conditions: { all: [] },
        event: add('WS-BOARD-{sink.depthIn}'),
      }),
    })
    expect(code).toBe(0)
    expect(findings).toMatchInlineSnapshot(`
      [
        "warning: <dir>/boards.json:12:19: rules[0].event.params.item: the ids this template gives cannot all be checked against the catalog: {sink.depthIn} can be any number (bound its option with a minimum, a maximum and decimals, or make it an integer, so that every id it gives is checked)",
      ]
    `)
  })
})

describe('the files of a rules folder', () => {
  it('warns about a missing $schema and refuses one of another kind of file', async () => {
    const bare: Record<string, unknown> = { ...PRODUCT }
    delete bare['$schema']
    const { code, findings } = await check({
      'product.json': bare,
      'body.json': { ...rulesFile(rule('any', [])), $schema: schema('cases.schema.json') },
    })
    expect(code).toBe(1)
    expect(findings).toMatchInlineSnapshot(`
      [
        "error: <dir>/body.json:2:14: $schema: "$schema" names "cases.schema.json", but this is a rule file: its schema is rules.schema.json (write "<schemas>/rules.schema.json")",
        "warning: <dir>/product.json:1:1: the file names no "$schema", so editors cannot check it as you type (add "$schema": "../schema/product.schema.json", the path from this file to rules/schema/product.schema.json)",
      ]
    `)
  })

  it('refuses a misspelt entry in ruleFiles, which would silently not load', async () => {
    const { code, findings } = await check({
      'product.json': { ...PRODUCT, ruleFiles: ['bodies.json', 'legs.json'] },
      'body.json': rulesFile(rule('any', [])),
      'legs.json': rulesFile(rule('legs', [leaf('legs', 'equal', 'DL14')])),
    })
    expect(code).toBe(1)
    expect(findings).toMatchInlineSnapshot(`
      [
        "error: <dir>/product.json:49:5: ruleFiles[0]: "bodies.json" is not a rule file of this product, so ruleFiles loads nothing for it (did you mean "body.json"?)",
      ]
    `)
  })

  it('names an unknown key in an event with a did-you-mean', async () => {
    const { code, findings } = await check({
      'body.json': rulesFile({
        name: 'body',
        conditions: { all: [] },
        event: { type: 'add', params: { item: 'T2-BODY-48-60-HA', quantiy: 2 } },
      }),
    })
    expect(code).toBe(1)
    expect(findings).toMatchInlineSnapshot(`
      [
        "error: <dir>/body.json:13:22: rules[0].event.params.quantiy: unknown key "quantiy" (did you mean "quantity"?)",
      ]
    `)
  })

  it('names an unknown key in the product model with a did-you-mean', async () => {
    const product = structuredClone(PRODUCT) as typeof PRODUCT & Record<string, unknown>
    Object.assign(product.options.sink.properties.depthIn, { minimun: 1 })
    const { code, findings } = await check({
      'product.json': product,
      'body.json': rulesFile({
        name: 'body',
        conditions: { all: [] },
        event: { type: 'add', params: { item: 'T2-BODY-48-60-HA', quantiy: 2 } },
      }),
    })
    expect(code).toBe(1)
    expect(findings).toMatchInlineSnapshot(`
      [
        "error: <dir>/product.json:32:22: options.sink.properties.depthIn.minimun: unknown key "minimun" (did you mean "minimum"?)",
      ]
    `)
  })
})

describe('torvan rules test', () => {
  const base = { product: 'WS', sink: { lengthIn: 50 }, legs: 'DL14' }
  const cases = (...list: unknown[]) => ({
    $schema: schema('cases.schema.json'),
    base,
    cases: list,
  })
  const rules = rulesFile(
    rule('short', [leaf('sink.lengthIn', 'lessThan', 61)], 'T2-BODY-48-60-HA'),
    rule('long', [leaf('sink.lengthIn', 'greaterThanInclusive', 61)], 'T2-BODY-61-72-HA'),
  )
  const test = async (files: Record<string, unknown>) => {
    const directory = folder(files)
    const out = await run('rules', 'test', directory, '--catalog', DEMO_CATALOG)
    return { ...out, stdout: out.stdout.replaceAll(directory, '<dir>') }
  }

  it('refuses a misspelt item in absent and runs the other cases of a file with a malformed one', async () => {
    const { code, stdout } = await test({
      'body.json': rules,
      'tests/body.cases.json': cases(
        { name: 'short', expect: { ok: true, absent: ['T2-BODY-61-72-HAX'] } },
        { name: 'malformed', expcet: { ok: true } },
        {
          name: 'long',
          patch: { sink: { lengthIn: 70 } },
          expect: { lines: [{ id: 'T2-BODY-61-72-HA' }] },
        },
      ),
    })
    expect(code).toBe(1)
    expect(stdout).toMatchInlineSnapshot(`
      "error: <dir>/tests/body.cases.json:16:11: cases[0].expect.absent[0]: item "T2-BODY-61-72-HAX" is not in the catalog, and no custom-part template makes it: this expectation tests nothing (did you mean "T2-BODY-61-72-HA"?)
      error: <dir>/tests/body.cases.json:20:5: cases[1].expect: required: expected object
      error: <dir>/tests/body.cases.json:22:17: cases[1].expcet: unknown key "expcet" (did you mean "expect"?)
      FAIL <dir>/tests/body.cases.json: 2 passed, 0 failed
      rule coverage: 2 of 2 rules fired in at least one case
      rule cases: 2 passed, 3 failed
      "
    `)
  })

  it('exits 1 when a rule never fires, unless it is marked untested', async () => {
    const onlyShort = cases({ name: 'short', expect: { lines: [{ id: 'T2-BODY-48-60-HA' }] } })
    const failing = await test({ 'body.json': rules, 'tests/body.cases.json': onlyShort })
    expect(failing.code).toBe(1)
    expect(failing.stdout).toContain('never fired: long')
    const marked = rulesFile(rules.rules[0], {
      ...(rules.rules[1] as object),
      untested: 'no sink of the demo is that long',
    })
    const passing = await test({ 'body.json': marked, 'tests/body.cases.json': onlyShort })
    expect(passing.stdout).toContain('untested by design: long: no sink of the demo is that long')
    expect(passing.code).toBe(0)
  })
})

it('prints a line and a column for every finding', async () => {
  const { findings } = await check({
    'body.json': rulesFile(
      rule('a', [leaf('sink.lengthIn', 'lessThan', '61')]),
      rule('b', [leaf('sinks', 'equal', 1)]),
      { name: 'c', conditions: { all: [] }, event: { type: 'add', params: { item: 'NOPE' } } },
      { name: 'd', conditions: { all: [] } },
    ),
  })
  expect(findings.length).toBeGreaterThanOrEqual(4)
  for (const finding of findings)
    expect(finding).toMatch(/^(error|warning): <dir>\/[\w.]+:\d+:\d+: /)
})
