// each error the rule compiler reports, pinned: the exact message and JSON path of one minimal input per branch
import { describe, expect, it } from 'vitest'
import { demoCatalog, demoProduct } from '../../test/demo-product.js'
import { formatIssue } from '../issues.js'
import { compileRuleset } from './ruleset.js'

const rule = (conditions: unknown, extra: Record<string, unknown> = {}) => ({
  rules: [
    {
      name: 'r',
      conditions,
      event: { type: 'add', params: { item: 'SHELF' } },
      ...extra,
    },
  ],
})
const leaf = (fields: Record<string, unknown>) => rule({ all: [fields] })
const inBasins = (fields: Record<string, unknown>) =>
  rule({ all: [fields] }, { forEach: { list: 'basins', as: 'basin' } })
const quantity = (value: unknown) => ({
  rules: [
    {
      name: 'r',
      conditions: { all: [] },
      event: { type: 'add', params: { item: 'SHELF', quantity: value } },
    },
  ],
})
const item = (template: string) => ({
  rules: [
    { name: 'r', conditions: { all: [] }, event: { type: 'add', params: { item: template } } },
  ],
})

/** one branch: a rule file (or the product's derived facts) and every issue, as `severity code formatIssue()` */
interface CompileErrorCase {
  branch: string
  rules?: unknown
  facts?: Record<string, unknown>
  says: string[]
}

const cases: CompileErrorCase[] = [
  {
    branch: 'a condition with no kind',
    rules: rule({}),
    says: [
      'error malformed_condition extra.json: rules[0].conditions: a condition needs one of "all", "any", "not" or "fact"',
    ],
  },
  {
    branch: 'a condition with two kinds',
    rules: rule({ all: [], any: [] }),
    says: [
      'error malformed_condition extra.json: rules[0].conditions: a condition has one of "all", "any", "not" or "fact", not "all" and "any"',
    ],
  },
  {
    branch: 'a condition reference with more than a name',
    rules: {
      conditions: { short: { all: [] } },
      ...leaf({ condition: 'short', operator: 'equal' }),
    },
    says: [
      'error malformed_condition extra.json: rules[0].conditions.all[0].operator: a condition reference holds only "condition" (and "name"), not "operator"',
    ],
  },
  {
    branch: 'a reference in a file that declares no shared condition',
    rules: leaf({ condition: 'short' }),
    says: [
      'error unknown_condition extra.json: rules[0].conditions.all[0].condition: unknown shared condition "short"; this file declares none (declare it under "conditions")',
    ],
  },
  {
    branch: 'a reference to an unknown shared condition',
    rules: { conditions: { short: { all: [] } }, ...leaf({ condition: 'shrot' }) },
    says: [
      'error unknown_condition extra.json: rules[0].conditions.all[0].condition: unknown shared condition "shrot" (did you mean "short"?)',
    ],
  },
  {
    branch: 'shared conditions that refer to each other',
    rules: {
      conditions: { a: { all: [{ condition: 'b' }] }, b: { not: { condition: 'a' } } },
      ...leaf({ condition: 'a' }),
    },
    says: [
      'error condition_cycle extra.json: conditions.a: shared condition "a" refers to itself: a → b → a',
    ],
  },
  {
    branch: 'fact params',
    rules: leaf({ fact: 'lengthIn', operator: 'equal', value: 50, params: {} }),
    says: [
      'error unsupported extra.json: rules[0].conditions.all[0].params: fact params are not supported: a fact here is a value of the configuration, not a function (read a part of the fact with "path" (e.g. "$.size.widthIn"), or declare a derived fact in product.json (docs/rules.md#derived-facts))',
    ],
  },
  {
    branch: 'no operator',
    rules: leaf({ fact: 'lengthIn', value: 50 }),
    says: [
      'error malformed_condition extra.json: rules[0].conditions.all[0].operator: "operator" is missing; use one of equal, notEqual, in, notIn, contains, doesNotContain, lessThan, lessThanInclusive, greaterThan, greaterThanInclusive',
    ],
  },
  {
    branch: 'an unknown operator',
    rules: leaf({ fact: 'lengthIn', operator: 'lessThen', value: 50 }),
    says: [
      'error unknown_operator extra.json: rules[0].conditions.all[0].operator: unknown operator "lessThen" (did you mean "lessThan"?)',
    ],
  },
  {
    branch: 'an unknown decorator',
    rules: leaf({ fact: 'lengthIn', operator: 'nto:equal', value: 50 }),
    says: [
      'error unknown_operator extra.json: rules[0].conditions.all[0].operator: unknown decorator "nto" (did you mean "not"?)',
    ],
  },
  {
    branch: 'no value',
    rules: leaf({ fact: 'lengthIn', operator: 'equal' }),
    says: [
      'error malformed_condition extra.json: rules[0].conditions.all[0]: the condition has no "value" to compare with',
    ],
  },
  {
    branch: 'a value reading a fact by a name that is no text',
    rules: leaf({ fact: 'lengthIn', operator: 'equal', value: { fact: 1 } }),
    says: [
      'error malformed_condition extra.json: rules[0].conditions.all[0].value.fact: "fact" is the name of a fact',
    ],
  },
  {
    branch: 'a value the operator does not take',
    rules: leaf({ fact: 'lengthIn', operator: 'in', value: 50 }),
    says: [
      'error malformed_condition extra.json: rules[0].conditions.all[0].value: operator "in" compares with a list, e.g. ["A", "B"], received 50 (number) (give a list as "value")',
    ],
  },
  {
    branch: 'a value of the wrong type for the fact',
    rules: leaf({ fact: 'lengthIn', operator: 'equal', value: 'long' }),
    says: [
      'error invalid_type extra.json: rules[0].conditions.all[0].value: expected a number for lengthIn (a number from 48 to 120), received "long"',
    ],
  },
  {
    branch: 'a value an enum option never takes',
    rules: inBasins({ fact: 'basin', path: '$.size', operator: 'equal', value: '20X21' }),
    says: [
      'error unknown_value extra.json: rules[0].conditions.all[0].value: "20X21" is not a value this option can take ("20X20", "30X20") (did you mean "20X20"?)',
    ],
  },
  {
    branch: 'an unknown fact',
    rules: leaf({ fact: 'lenghtIn', operator: 'equal', value: 50 }),
    says: [
      'error unknown_fact extra.json: rules[0].conditions.all[0].fact: unknown fact "lenghtIn" (did you mean "lengthIn"?)',
    ],
  },
  {
    branch: 'a path that does not parse',
    rules: leaf({ fact: 'basins', path: '$[', operator: 'equal', value: 50 }),
    says: [
      'error invalid_path extra.json: rules[0].conditions.all[0].path: "$[": cannot read the path from "[" on; write keys as .key or ["key"] and indexes as [0]',
    ],
  },
  {
    branch: 'a path to a key the fact lacks',
    rules: inBasins({ fact: 'basin', path: '$.sise', operator: 'equal', value: 'x' }),
    says: [
      'error unknown_path extra.json: rules[0].conditions.all[0].path: fact "basin" has no "sise" at $ (it has "size", "light") (did you mean "size"?)',
    ],
  },
  {
    branch: 'a forEach over a fact that is no list',
    rules: rule({ all: [] }, { forEach: { list: 'lengthIn', as: 'x' } }),
    says: ['error not_a_list extra.json: rules[0].forEach.list: "lengthIn" is not a list'],
  },
  {
    branch: 'a forEach element named like a fact',
    rules: rule({ all: [] }, { forEach: { list: 'basins', as: 'lengthIn' } }),
    says: [
      'error shadowed_fact extra.json: rules[0].forEach.as: "lengthIn" is already a fact; choose another name for the element',
    ],
  },
  {
    branch: 'an expression object with no operator',
    rules: quantity({}),
    says: [
      'error malformed_expression extra.json: rules[0].event.params.quantity: an expression object needs one operator such as "fact", "count", "sum", "cases" or "lookup"',
    ],
  },
  {
    branch: 'an expression object with two operators',
    rules: quantity({ fact: 'lengthIn', literal: 1 }),
    says: [
      'error malformed_expression extra.json: rules[0].event.params.quantity: an expression object has one operator, not "fact" and "literal"',
    ],
  },
  {
    branch: 'a lookup table key the key never takes',
    facts: {
      kind: {
        value: {
          lookup: { key: { cases: [{ when: { all: [] }, then: 'A' }] }, table: { A: 1, B: 2 } },
        },
      },
    },
    says: [
      'error unknown_value product.json: facts.kind.value.lookup.table.B: the key can never be "B" (it is one of "A") (did you mean "A"?)',
    ],
  },
  {
    branch: 'a lone "}" in a template',
    rules: item('SHELF}'),
    says: [
      'error malformed_template extra.json: rules[0].event.params.item: a lone "}" in "SHELF}"; write "}}" for a brace',
    ],
  },
  {
    branch: 'a "{" never closed in a template',
    rules: item('SHELF{lengthIn'),
    says: [
      'error malformed_template extra.json: rules[0].event.params.item: "{" is never closed in "SHELF{lengthIn"',
    ],
  },
  {
    branch: 'a placeholder that names no fact',
    rules: item('SHELF{1x}'),
    says: [
      'error malformed_template extra.json: rules[0].event.params.item: {1x} does not name a fact',
    ],
  },
  // the ruleset around the compiler
  {
    branch: 'a derived fact that depends on itself',
    facts: { a: { value: { fact: 'b' } }, b: { value: { add: [{ fact: 'a' }, 1] } } },
    says: [
      'error fact_cycle product.json: facts.a.value: fact "a" depends on itself: a → b → a',
      'error unknown_fact product.json: facts.b.value.add[0].fact: unknown fact "a"',
    ],
  },
  {
    branch: 'a derived fact named like an option',
    facts: { lengthIn: { value: 1 } },
    says: [
      'error shadowed_fact product.json: facts.lengthIn: fact "lengthIn" has the name of an option; choose another name',
    ],
  },
  {
    branch: 'two rules of one name',
    rules: { rules: [rule({ all: [] }).rules[0], rule({ all: [] }).rules[0]] },
    says: [
      'error duplicate_rule extra.json: rules[1].name: rule name "r" is already used in extra.json',
    ],
  },
  {
    branch: 'a rule with no event',
    rules: { rules: [{ name: 'r', conditions: { all: [] } }] },
    says: [
      'error missing_event extra.json: rules[0]: a rule needs an "event" (or a list of "events") that says what happens',
    ],
  },
  {
    branch: 'a rule with a priority',
    rules: rule({ all: [] }, { priority: 2 }),
    says: [
      'warning priority_ignored extra.json: rules[0].priority: priority has no effect here: every rule runs, and lines and findings come in the order of ruleFiles and of the rules in each file (order the rules instead, and remove "priority")',
    ],
  },
  {
    branch: 'a quantity that is no positive number',
    rules: quantity(0),
    says: [
      'error invalid_quantity extra.json: rules[0].event.params.quantity: a quantity must be a positive number, received 0',
    ],
  },
  {
    branch: 'an unknown custom-part template',
    rules: {
      rules: [
        {
          name: 'r',
          conditions: { all: [] },
          event: { type: 'customPart', params: { template: 'basn', spec: {} } },
        },
      ],
    },
    says: [
      'error unknown_template extra.json: rules[0].event.params.template: no custom-part template "basn" in product.json (did you mean "basin"?)',
    ],
  },
  {
    branch: 'a custom part without a spec field',
    rules: {
      rules: [
        {
          name: 'r',
          conditions: { all: [] },
          event: { type: 'customPart', params: { template: 'basin', spec: { widthIn: 20 } } },
        },
      ],
    },
    says: [
      'error missing_field extra.json: rules[0].event.params.spec: template "basin" needs spec field "lengthIn"',
    ],
  },

  // what zod refuses before the compiler sees it: the compiler has no branch for these
  {
    branch: 'zod: "all" that is no list',
    rules: rule({ all: 5 }),
    says: ['error invalid_type extra.json: rules[0].conditions.all: expected array, received 5'],
  },
  {
    branch: 'zod: a condition that is no object',
    rules: rule({ all: [5] }),
    says: [
      'error invalid_type extra.json: rules[0].conditions.all[0]: expected object, received 5',
    ],
  },
  {
    branch: 'zod: a fact name that is no text',
    rules: leaf({ fact: 1, operator: 'equal', value: 1 }),
    says: [
      'error invalid_type extra.json: rules[0].conditions.all[0].fact: expected string, received 1',
    ],
  },
  {
    branch: 'zod: a path that is no text',
    rules: leaf({ fact: 'lengthIn', path: 1, operator: 'equal', value: 1 }),
    says: [
      'error invalid_type extra.json: rules[0].conditions.all[0].path: expected string, received 1',
    ],
  },
  {
    branch: 'zod: a reference by a name that is no text',
    rules: leaf({ condition: 1 }),
    says: [
      'error invalid_type extra.json: rules[0].conditions.all[0].condition: expected string, received 1',
    ],
  },
  {
    branch: 'zod: a forEach without "as"',
    rules: rule({ all: [] }, { forEach: { list: 'basins' } }),
    says: ['error required extra.json: rules[0].forEach.as: required: expected string'],
  },
  {
    branch: 'zod: a forEach list that is neither a name nor { fact }',
    rules: rule({ all: [] }, { forEach: { list: {}, as: 'b' } }),
    says: [
      'error invalid_union extra.json: rules[0].forEach.list: an object matches none of the forms this field takes',
    ],
  },
  {
    branch: 'zod: an expression that is no JSON value',
    facts: { a: {} },
    says: [
      'error invalid_type product.json: facts.a.value: expected number or string or boolean or null or array or object, received nothing',
    ],
  },
  {
    branch: 'zod: an expression fact that is no text',
    rules: quantity({ fact: 1 }),
    says: [
      'error invalid_union extra.json: rules[0].event.params.quantity: an object matches none of the forms this field takes',
    ],
  },
  {
    branch: 'zod: a format that is no text',
    rules: quantity({ format: 1 }),
    says: [
      'error invalid_union extra.json: rules[0].event.params.quantity: an object matches none of the forms this field takes',
    ],
  },
  {
    branch: 'zod: an unknown expression',
    rules: quantity({ frobnicate: 1 }),
    says: [
      'error unknown_key extra.json: rules[0].event.params.quantity.frobnicate: unknown key "frobnicate"',
    ],
  },
  {
    branch: 'zod: a sum without a value',
    rules: quantity({ sum: { list: 'basins', as: 'b' } }),
    says: [
      'error invalid_union extra.json: rules[0].event.params.quantity: an object matches none of the forms this field takes',
    ],
  },
  {
    branch: 'zod: cases that are no list',
    rules: quantity({ cases: 5 }),
    says: [
      'error invalid_union extra.json: rules[0].event.params.quantity: an object matches none of the forms this field takes',
    ],
  },
  {
    branch: 'zod: a case that is no object',
    rules: quantity({ cases: [5] }),
    says: [
      'error invalid_union extra.json: rules[0].event.params.quantity: an object matches none of the forms this field takes',
    ],
  },
  {
    branch: 'zod: a lookup without a table',
    rules: quantity({ lookup: { key: 1 } }),
    says: [
      'error invalid_union extra.json: rules[0].event.params.quantity: an object matches none of the forms this field takes',
    ],
  },
  {
    branch: 'zod: a subtraction of one value',
    rules: quantity({ subtract: [1] }),
    says: [
      'error too_small extra.json: rules[0].event.params.quantity.subtract: expected at least 2 entries, received 1',
    ],
  },
  {
    branch: 'zod: an addition of nothing',
    rules: quantity({ add: [] }),
    says: [
      'error too_small extra.json: rules[0].event.params.quantity.add: expected at least 1 entry, received 0',
    ],
  },
]

function issuesOf(input: Pick<CompileErrorCase, 'rules' | 'facts'>): string[] {
  const product = input.facts === undefined ? demoProduct : { ...demoProduct, facts: input.facts }
  const { issues } = compileRuleset(
    {
      product: { file: 'product.json', content: product },
      rules: [{ file: 'extra.json', content: input.rules ?? { rules: [] } }],
    },
    { catalog: demoCatalog },
  )
  return issues.map((issue) => `${issue.severity} ${issue.code} ${formatIssue(issue)}`)
}

describe('the rule compiler', () => {
  it('compiles the demo product and its rules without an issue', () => {
    expect(issuesOf({})).toEqual([])
  })

  it.each(cases)('reports $branch', (testCase) => {
    expect(issuesOf(testCase)).toEqual(testCase.says)
  })
})
