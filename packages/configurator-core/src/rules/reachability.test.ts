// the static reachability checks: conditions that never hold, rules that never fire, exclusive items
import { describe, expect, it } from 'vitest'
import { demoCatalog, demoProduct, demoRules } from '../../test/demo-product.js'
import { compileRuleset } from '../index.js'
import { formatIssue } from '../issues.js'

const leaf = (fact: string, operator: string, value: unknown) => {
  const [name, ...path] = fact.split('.')
  return {
    fact: name,
    ...(path.length === 0 ? {} : { path: `$.${path.join('.')}` }),
    operator,
    value,
  }
}
const add = (item: string) => ({ type: 'add', params: { item } })

function issuesOf(rules: unknown[], product: object = demoProduct): string[] {
  const result = compileRuleset(
    {
      product: { file: 'product.json', content: product },
      rules: [{ file: 'r.json', content: { rules } }],
    },
    { catalog: demoCatalog },
  )
  return result.issues.map(formatIssue)
}

describe('conditions that never hold', () => {
  it('finds a contradiction inside an any branch only when every branch contradicts itself', () => {
    const never = {
      all: [leaf('lengthIn', 'lessThan', 50), leaf('lengthIn', 'greaterThan', 60)],
    }
    const possible = { all: [leaf('lengthIn', 'lessThan', 50)] }
    expect(
      issuesOf([{ name: 'one', conditions: { any: [never, possible] }, event: add('LIGHT') }]),
    ).toEqual([])
    expect(issuesOf([{ name: 'both', conditions: { any: [never, never] }, event: add('LIGHT') }]))
      .toMatchInlineSnapshot(`
      [
        "r.json: rules[0].conditions: rule "both" can never fire: no branch of conditions.any can hold (lengthIn cannot be lessThan 50 (conditions.any[0].all[0]) and greaterThan 60 (conditions.any[0].all[1]) at once; lengthIn cannot be lessThan 50 (conditions.any[1].all[0]) and greaterThan 60 (conditions.any[1].all[1]) at once) (fix the conditions, or remove the rule)",
      ]
    `)
  })

  it('reads not, notIn and shared conditions', () => {
    const rules = [
      {
        name: 'negated',
        conditions: {
          all: [{ not: leaf('lengthIn', 'lessThan', 100) }, leaf('lengthIn', 'lessThan', 90)],
        },
        event: add('LIGHT'),
      },
    ]
    expect(issuesOf(rules)).toMatchInlineSnapshot(`
      [
        "r.json: rules[0].conditions: rule "negated" can never fire: lengthIn cannot be not lessThan 100 (conditions.all[0].not) and lessThan 90 (conditions.all[1]) at once (fix the conditions, or remove the rule)",
      ]
    `)
    const shared = {
      conditions: { short: { all: [leaf('lengthIn', 'lessThan', 60)] } },
      rules: [
        {
          name: 'short-and-long',
          conditions: {
            all: [{ condition: 'short' }, leaf('lengthIn', 'greaterThanInclusive', 60)],
          },
          event: add('LIGHT'),
        },
      ],
    }
    const result = compileRuleset(
      {
        product: { file: 'product.json', content: demoProduct },
        rules: [{ file: 'r.json', content: shared }],
      },
      { catalog: demoCatalog },
    )
    expect(result.issues.map(formatIssue)).toMatchInlineSnapshot(`
      [
        "r.json: rules[0].conditions: rule "short-and-long" can never fire: lengthIn cannot be lessThan 60 (conditions.short.all[0]) and greaterThanInclusive 60 (conditions.all[1]) at once (fix the conditions, or remove the rule)",
      ]
    `)
  })

  it('reads the elements of a forEach and an enum with every value excluded', () => {
    const rules = [
      {
        name: 'no-size',
        forEach: { list: 'basins', as: 'basin' },
        conditions: {
          all: [leaf('basin.size', 'notEqual', '20X20'), leaf('basin.size', 'equal', '20X20')],
        },
        event: add('LIGHT'),
      },
    ]
    expect(issuesOf(rules)).toMatchInlineSnapshot(`
      [
        "r.json: rules[0].conditions: rule "no-size" can never fire: basin.size cannot be notEqual "20X20" (conditions.all[0]) and equal "20X20" (conditions.all[1]) at once (fix the conditions, or remove the rule)",
      ]
    `)
  })

  it('leaves the demo rules alone', () => {
    expect(issuesOf(demoRules.rules)).toEqual([])
  })
})

describe('exclusive items', () => {
  it('proves an overlap with a value under which both rules fire', () => {
    const product = { ...demoProduct, exclusive: { body: { items: ['BODY-S', 'BODY-L'] } } }
    const rules = demoRules.rules.map((rule) =>
      rule.name === 'body-short'
        ? { ...rule, conditions: { all: [leaf('lengthIn', 'lessThanInclusive', 61)] } }
        : rule,
    )
    expect(issuesOf(demoRules.rules, product)).toEqual([])
    expect(issuesOf(rules, product)).toMatchInlineSnapshot(`
      [
        "r.json: rules[1].event.params.item: rules "body-short" (rules[0]) and "body-long" can both fire, e.g. when lengthIn is 61, and each adds a "body" item (BODY-S, BODY-L): a configuration holds at most one (make their conditions exclude each other)",
      ]
    `)
  })

  it('says nothing when a condition reads a derived fact it cannot set', () => {
    const product = { ...demoProduct, exclusive: { body: { items: ['BODY-S', 'BODY-L'] } } }
    const rules = [
      { name: 'a', conditions: { all: [leaf('lights', 'greaterThan', 0)] }, event: add('BODY-S') },
      { name: 'b', conditions: { all: [leaf('lights', 'greaterThan', 1)] }, event: add('BODY-L') },
    ]
    expect(issuesOf(rules, product)).toEqual([])
  })
})
