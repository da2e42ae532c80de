// issue 18: json-rules-engine's condition format, case by case against json-rules-engine itself. Each case
// either gives json-rules-engine's result or is refused before anything runs, with a path and a message.
import { Engine } from 'json-rules-engine'
import type { RuleProperties, TopLevelCondition } from 'json-rules-engine'
import { describe, expect, it } from 'vitest'
import type { FactDef } from './compile.js'
import { Compiler } from './compile.js'
import { ANY } from './shape.js'

interface Case {
  name: string
  conditions: unknown
  facts: Record<string, unknown>
  /** shared conditions, as engine.setCondition() declares them */
  shared?: Record<string, unknown>
}

const basins = [
  { type: 'E_SINK', size: { widthIn: 24 } },
  { type: 'E_DRAIN', size: { widthIn: 30 } },
]
const facts = {
  lengthIn: 60,
  text: 'SOLID',
  numeric: '10',
  nothing: null,
  flags: [1, 2, Number.NaN],
  basins,
  one: [{ type: 'E_SINK' }],
  empty: [],
  record: { 'odd key': 5, nested: { list: [7, 8] } },
  sizes: { small: { widthIn: 20 }, large: { widthIn: 30 } },
  deep: [[{ type: 'INNER' }], { type: 'OUTER' }],
}

const fact = (name: string, operator: string, value: unknown) => ({ fact: name, operator, value })
const at = (path: string, leaf: Record<string, unknown>) => ({ ...leaf, path })

const CASES: Case[] = [
  { name: 'an empty all holds', conditions: { all: [] }, facts },
  { name: 'an empty any holds', conditions: { any: [] }, facts },
  { name: 'not of an empty any fails', conditions: { all: [{ not: { any: [] } }] }, facts },
  { name: 'equal is strict', conditions: { all: [fact('numeric', 'equal', 10)] }, facts },
  { name: 'notEqual is strict', conditions: { all: [fact('numeric', 'notEqual', 10)] }, facts },
  { name: 'equal null', conditions: { all: [fact('nothing', 'equal', null)] }, facts },
  {
    name: 'an undefined fact is not null',
    conditions: { all: [fact('missing', 'equal', null)] },
    facts,
  },
  { name: 'in a list', conditions: { all: [fact('text', 'in', ['SOLID', 'X'])] }, facts },
  { name: 'notIn a list', conditions: { all: [fact('text', 'notIn', ['X'])] }, facts },
  { name: 'contains', conditions: { all: [fact('flags', 'contains', 2)] }, facts },
  { name: 'NaN is never contained', conditions: { all: [fact('flags', 'contains', NaN)] }, facts },
  {
    name: 'NaN is never contained, so doesNotContain holds',
    conditions: { all: [fact('flags', 'doesNotContain', NaN)] },
    facts,
  },
  {
    name: 'contains on a text is false (a list is required)',
    conditions: { all: [fact('text', 'contains', 'S')] },
    facts,
  },
  {
    name: 'lessThan on a numeric text compares as JavaScript does',
    conditions: { all: [fact('numeric', 'lessThan', 9)] },
    facts,
  },
  {
    name: 'greaterThan on null is false (not a number)',
    conditions: { all: [fact('nothing', 'greaterThan', -1)] },
    facts,
  },
  {
    name: 'lessThanInclusive and greaterThanInclusive',
    conditions: {
      all: [
        fact('lengthIn', 'lessThanInclusive', 60),
        fact('lengthIn', 'greaterThanInclusive', 60),
      ],
    },
    facts,
  },
  {
    name: 'any holds when one holds',
    conditions: { any: [fact('lengthIn', 'lessThan', 10), fact('text', 'equal', 'SOLID')] },
    facts,
  },
  {
    name: 'a $.a.b path',
    conditions: { all: [at('$[1].size.widthIn', fact('basins', 'equal', 30))] },
    facts,
  },
  {
    name: 'a quoted key',
    conditions: { all: [at("$['odd key']", fact('record', 'equal', 5))] },
    facts,
  },
  {
    name: 'a path without $',
    conditions: { all: [at('nested.list[1]', fact('record', 'equal', 8))] },
    facts,
  },
  {
    name: 'the $.[0] form',
    conditions: { all: [at('$.[0].type', fact('basins', 'equal', 'E_SINK'))] },
    facts,
  },
  {
    name: 'the length of a list',
    conditions: { all: [at('$.length', fact('basins', 'equal', 2))] },
    facts,
  },
  {
    name: 'the length of a text',
    conditions: { all: [at('$.length', fact('text', 'equal', 5))] },
    facts,
  },
  {
    name: 'a wildcard gives the list of values: contains',
    conditions: { all: [at('$[*].type', fact('basins', 'contains', 'E_DRAIN'))] },
    facts,
  },
  {
    name: 'a wildcard over one element still gives a list',
    conditions: { all: [at('$[*].type', fact('one', 'contains', 'E_SINK'))] },
    facts,
  },
  {
    name: 'a wildcard over an empty list gives nothing',
    conditions: { all: [at('$[*].type', fact('empty', 'equal', null))] },
    facts,
  },
  {
    name: 'a wildcard with someFact',
    conditions: { all: [at('$[*].size.widthIn', fact('basins', 'someFact:greaterThan', 25))] },
    facts,
  },
  {
    name: 'a wildcard with everyFact',
    conditions: { all: [at('$[*].size.widthIn', fact('basins', 'everyFact:greaterThan', 25))] },
    facts,
  },
  {
    name: 'a wildcard over an object gives the list of its values',
    conditions: { all: [at('$.*.widthIn', fact('sizes', 'contains', 30))] },
    facts,
  },
  {
    name: 'nested wildcards give one flat list',
    conditions: { all: [at('$[*].size.*', fact('basins', 'contains', 24))] },
    facts,
  },
  {
    name: 'a wildcard without $',
    conditions: { all: [at('*.widthIn', fact('sizes', 'everyFact:greaterThan', 10))] },
    facts,
  },
  {
    name: 'a character of a text inside the fact',
    conditions: { all: [at('$[0].type[2]', fact('basins', 'equal', 'S'))] },
    facts,
  },
  {
    name: 'the length of a text inside the fact',
    conditions: { all: [at('$[*].type.length', fact('basins', 'contains', 7))] },
    facts,
  },
  {
    name: 'the $.[0] form is a descent: every [0] at any depth, the top one first',
    conditions: { all: [at('$.[0].type', fact('deep', 'contains', 'INNER'))] },
    facts,
  },
  {
    name: 'recursive descent finds a key at any depth',
    conditions: { all: [at('$..widthIn', fact('basins', 'everyFact:greaterThan', 20))] },
    facts,
  },
  {
    name: 'a key written as digits is an index',
    conditions: { all: [at('$.1.type', fact('basins', 'equal', 'E_DRAIN'))] },
    facts,
  },
  {
    name: 'an index with a leading zero is a key a list does not have',
    conditions: { all: [at('$[01].type', fact('basins', 'equal', 'E_DRAIN'))] },
    facts,
  },
  {
    name: 'an empty path is no path',
    conditions: { all: [at('', fact('lengthIn', 'equal', 60))] },
    facts,
  },
  {
    name: 'two decorators: not someFact',
    conditions: { all: [fact('flags', 'not:someFact:greaterThan', 5)] },
    facts,
  },
  {
    name: 'two decorators: everyFact someValue',
    conditions: { all: [fact('flags', 'everyFact:someValue:notEqual', [1, 2])] },
    facts,
  },
  {
    name: 'swap then someFact reads the value as the list',
    conditions: { all: [fact('lengthIn', 'swap:someFact:equal', [50, 60])] },
    facts,
  },
  {
    name: 'a path into a missing key',
    conditions: { all: [at('$.absent', fact('record', 'notEqual', null))] },
    facts,
  },
  {
    name: 'a value that reads another fact',
    conditions: {
      all: [fact('lengthIn', 'greaterThan', { fact: 'record', path: "$['odd key']" })],
    },
    facts,
  },
  {
    name: 'a value that reads another fact at a path',
    conditions: {
      all: [fact('lengthIn', 'greaterThan', { fact: 'basins', path: '$[1].size.widthIn' })],
    },
    facts,
  },
  { name: 'the not decorator', conditions: { all: [fact('text', 'not:equal', 'X')] }, facts },
  {
    name: 'the swap decorator',
    conditions: { all: [fact('lengthIn', 'swap:contains', [60, 72])] },
    facts,
  },
  {
    name: 'the someValue decorator',
    conditions: { all: [fact('text', 'someValue:equal', ['X', 'SOLID'])] },
    facts,
  },
  {
    name: 'the everyValue decorator',
    conditions: { all: [fact('lengthIn', 'everyValue:greaterThan', [10, 70])] },
    facts,
  },
  {
    name: 'condition priority orders the evaluation only',
    conditions: {
      all: [
        { ...fact('lengthIn', 'equal', 60), priority: 1 },
        { ...fact('text', 'equal', 'SOLID'), priority: 9 },
      ],
    },
    facts,
  },
  {
    name: 'a condition reference',
    conditions: { all: [{ condition: 'long' }] },
    facts,
    shared: { long: { all: [fact('lengthIn', 'greaterThan', 50)] } },
  },
  {
    name: 'a reference inside not and any, to a condition with a reference',
    conditions: { any: [{ not: { condition: 'solidAndLong' } }, fact('lengthIn', 'equal', 1)] },
    facts,
    shared: {
      long: { all: [fact('lengthIn', 'greaterThan', 50)] },
      solidAndLong: { all: [{ condition: 'long' }, fact('text', 'equal', 'SOLID')] },
    },
  },
]

/** our compiler over facts of any shape: the conditions alone, as a rule's `conditions` */
function compileOurs(test: Pick<Case, 'conditions' | 'facts' | 'shared'>) {
  const compiler = new Compiler('rules.json', 0)
  compiler.sharedConditions = new Map(Object.entries(test.shared ?? {}))
  const names = [...new Set([...Object.keys(test.facts), 'missing'])]
  const scope = new Map<string, FactDef>(
    names.map((name, slot) => [name, { name, slot, shape: ANY, reads: [[name]] }]),
  )
  const compiled = compiler.condition(test.conditions, ['conditions'], scope)
  const values = names.map((name) => test.facts[name])
  return { issues: compiler.issues, holds: compiled.fn(values) }
}

async function runReference(test: Case): Promise<boolean> {
  const rule: RuleProperties = {
    conditions: test.conditions as TopLevelCondition,
    event: { type: 'fired' },
  }
  const engine = new Engine([rule], { allowUndefinedFacts: true })
  for (const [name, condition] of Object.entries(test.shared ?? {}))
    engine.setCondition(name, condition as TopLevelCondition)
  const { events } = await engine.run({ ...test.facts })
  return events.length > 0
}

describe('json-rules-engine conditions', () => {
  it.each(CASES)('$name: the same result as json-rules-engine', async (test) => {
    const ours = compileOurs(test)
    expect(ours.issues).toEqual([])
    expect(ours.holds).toBe(await runReference(test))
  })

  it('gives both results, true and false, across the corpus (the corpus can fail)', async () => {
    const results = await Promise.all(CASES.map(runReference))
    expect(results).toContain(true)
    expect(results).toContain(false)
  })
})

describe('what is refused, with a path and a message that says what to write instead', () => {
  const refused = (conditions: unknown, shared?: Record<string, unknown>) =>
    compileOurs({ conditions, facts, ...(shared === undefined ? {} : { shared }) }).issues.map(
      (issue) =>
        `${issue.path.join('.')}: ${issue.code}: ${issue.message}${issue.hint === undefined ? '' : ` (${issue.hint})`}`,
    )

  it('refuses fact params, on the fact and on a value fact', () => {
    expect(
      refused({
        all: [
          { ...fact('lengthIn', 'equal', 1), params: { unit: 'mm' } },
          fact('lengthIn', 'equal', { fact: 'record', params: { x: 1 } }),
        ],
      }),
    ).toMatchInlineSnapshot(`
      [
        "conditions.all.0.params: unsupported: fact params are not supported: a fact here is a value of the configuration, not a function (read a part of the fact with "path" (e.g. "$.size.widthIn"), or declare a derived fact in product.json (docs/rules.md#derived-facts))",
        "conditions.all.1.value.params: unsupported: fact params are not supported: a fact here is a value of the configuration, not a function (read a part of the fact with "path" (e.g. "$.size.widthIn"), or declare a derived fact in product.json (docs/rules.md#derived-facts))",
      ]
    `)
  })

  it('refuses filters, slices, unions and paths that jsonpath-plus reads otherwise than they look', () => {
    expect(
      refused({
        all: [
          at('$[?(@.type)]', fact('basins', 'equal', 1)),
          at('$[0:1]', fact('basins', 'equal', 1)),
          at("$['odd key','nested']", fact('record', 'equal', 1)),
          at('[0].type', fact('basins', 'equal', 1)),
        ],
      }),
    ).toMatchInlineSnapshot(`
      [
        "conditions.all.0.path: invalid_path: "$[?(@.type)]": filters ([?…]), slices ([1:2]) and unions ([0,1]) are not supported; write $.a.b[0], $.list[*].key or $.list.length, or declare a derived fact",
        "conditions.all.1.path: invalid_path: "$[0:1]": filters ([?…]), slices ([1:2]) and unions ([0,1]) are not supported; write $.a.b[0], $.list[*].key or $.list.length, or declare a derived fact",
        "conditions.all.2.path: invalid_path: "$['odd key','nested']": filters ([?…]), slices ([1:2]) and unions ([0,1]) are not supported; write $.a.b[0], $.list[*].key or $.list.length, or declare a derived fact",
        "conditions.all.3.path: invalid_path: "[0].type": a path without "$" starts with a key; write "$[0].type"",
      ]
    `)
  })

  it('refuses a literal that is not the list an operator or decorator compares with, where it goes wrong', () => {
    expect(
      refused({
        all: [
          fact('text', 'in', 'SOLID'),
          fact('text', 'not:notIn', 5),
          fact('text', 'someValue:equal', 'SOLID'),
          fact('lengthIn', 'everyValue:greaterThan', 10),
          fact('flags', 'someFact:in', { a: 1 }),
          fact('text', 'someValue:in', [['SOLID'], 'X']),
          fact('lengthIn', 'swap:contains', 60),
          fact('lengthIn', 'swap:someFact:equal', 60),
        ],
      }),
    ).toMatchInlineSnapshot(`
      [
        "conditions.all.0.value: malformed_condition: operator "in" compares with a list, e.g. ["A", "B"], received "SOLID" (string) (give a list as "value")",
        "conditions.all.1.value: malformed_condition: operator "not:notIn" compares with a list, e.g. ["A", "B"], received 5 (number) (give a list as "value")",
        "conditions.all.2.value: malformed_condition: operator "someValue:equal" compares with a list, e.g. ["A", "B"], received "SOLID" (string) (give a list as "value")",
        "conditions.all.3.value: malformed_condition: operator "everyValue:greaterThan" compares with a list, e.g. ["A", "B"], received 10 (number) (give a list as "value")",
        "conditions.all.4.value: malformed_condition: operator "someFact:in" compares with a list, e.g. ["A", "B"], received {"a":1} (object) (give a list as "value")",
        "conditions.all.5.value.1: malformed_condition: operator "someValue:in" compares with a list of lists, e.g. [["A", "B"]]; value[1] is "X" (string), not a list (give a list of lists as "value")",
        "conditions.all.6.value: malformed_condition: operator "swap:contains" compares with a list, e.g. ["A", "B"], received 60 (number) (give a list as "value")",
        "conditions.all.7.value: malformed_condition: operator "swap:someFact:equal" compares with a list, e.g. ["A", "B"], received 60 (number) (give a list as "value")",
      ]
    `)
  })

  it('refuses them because json-rules-engine throws, reads a text as its substrings or never holds', async () => {
    const outcome = (operator: string, value: unknown) =>
      runReference({ name: operator, conditions: { all: [fact('text', operator, value)] }, facts })
        .then((fired) => fired)
        .catch(() => 'throws')
    expect(
      await Promise.all([
        outcome('in', 'XSOLIDX'),
        outcome('someValue:equal', 'SOLID'),
        outcome('not:notIn', 5),
        outcome('swap:contains', 'SOLID'),
      ]),
    ).toEqual([true, 'throws', 'throws', false])
  })

  it('accepts the lists those forms compare with, and a fact as the value', () => {
    expect(
      refused({
        all: [
          fact('text', 'someValue:in', [['SOLID'], []]),
          fact('lengthIn', 'swap:in', 60),
          fact('flags', 'someFact:contains', 1),
          fact('text', 'someValue:equal', { fact: 'text' }),
        ],
      }),
    ).toEqual([])
  })

  it('refuses an unknown or circular condition reference', () => {
    expect(refused({ all: [{ condition: 'lng' }] }, { long: { all: [] } })).toMatchInlineSnapshot(`
      [
        "conditions.all.0.condition: unknown_condition: unknown shared condition "lng" (did you mean "long"?)",
      ]
    `)
    expect(
      refused(
        { all: [{ condition: 'a' }] },
        { a: { all: [{ condition: 'b' }] }, b: { any: [{ condition: 'a' }] } },
      ),
    ).toMatchInlineSnapshot(`
      [
        "conditions.a: condition_cycle: shared condition "a" refers to itself: a → b → a",
      ]
    `)
  })
})
