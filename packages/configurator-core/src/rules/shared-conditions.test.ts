// issue 18: rule files declare shared conditions; priority and params say what they do here
import { describe, expect, it } from 'vitest'
import { demoCatalog, demoProduct, demoRules } from '../../test/demo-product.js'
import { explain } from '../explain/explain.js'
import { formatIssue } from '../issues.js'
import { createConfigurator } from './configure.js'
import { compileRuleset } from './ruleset.js'

function compile(extra: { conditions?: unknown; rules: unknown[] }) {
  return compileRuleset(
    {
      product: { file: 'product.json', content: demoProduct },
      rules: [
        { file: 'main.json', content: demoRules },
        { file: 'extra.json', content: extra },
      ],
    },
    { catalog: demoCatalog },
  )
}

const short = { all: [{ fact: 'lengthIn', operator: 'lessThan', value: 61 }] }
const config = { lengthIn: 50, basins: [{ size: '20X20' }] }

describe('shared conditions', () => {
  it('are declared once in a rule file and referred to by name, in rules and explain()', () => {
    const { ruleset, issues } = compile({
      conditions: { short },
      rules: [
        {
          name: 'short-shelf',
          conditions: { all: [{ condition: 'short' }] },
          event: { type: 'add', params: { item: 'SHELF' } },
        },
      ],
    })
    expect(issues).toEqual([])
    if (ruleset === undefined) throw new Error('does not compile')
    const configurator = createConfigurator({ catalog: demoCatalog, ruleset })
    expect(configurator.configure(config).lines.map((l) => l.id)).toContain('SHELF')
    expect(
      configurator.configure({ ...config, lengthIn: 70 }).lines.map((l) => l.id),
    ).not.toContain('SHELF')
    const trace = explain(configurator, config, 'SHELF').rules.find((r) => r.rule === 'short-shelf')
    expect(trace?.conditions).toEqual({
      kind: 'all',
      holds: true,
      conditions: [
        {
          kind: 'all',
          holds: true,
          conditions: [
            {
              kind: 'fact',
              holds: true,
              fact: 'lengthIn',
              operator: 'lessThan',
              value: 61,
              actual: 50,
            },
          ],
        },
      ],
    })
  })

  it('are checked where they are declared, once however often they are used', () => {
    const { issues } = compile({
      conditions: { short: { all: [{ fact: 'lenghtIn', operator: 'lessThan', value: 61 }] } },
      rules: [1, 2].map((n) => ({
        name: `uses-${n}`,
        conditions: { all: [{ condition: 'short' }] },
        event: { type: 'add', params: { item: 'SHELF' } },
      })),
    })
    expect(issues.map(formatIssue)).toMatchInlineSnapshot(`
      [
        "extra.json: conditions.short.all[0].fact: unknown fact "lenghtIn" (did you mean "lengthIn"?)",
      ]
    `)
  })
})

describe('what json-rules-engine authors write that means something else here', () => {
  it('warns that a rule priority has no effect', () => {
    const { ok, issues } = compile({
      rules: [
        {
          name: 'first',
          priority: 10,
          conditions: short,
          event: { type: 'add', params: { item: 'SHELF' } },
        },
      ],
    })
    expect(ok).toBe(true)
    expect(issues.map(formatIssue)).toMatchInlineSnapshot(`
      [
        "extra.json: rules[0].priority: priority has no effect here: every rule runs, and lines and findings come in the order of ruleFiles and of the rules in each file (order the rules instead, and remove "priority")",
      ]
    `)
  })

  it('refuses fact params with what to write instead, not a bare unknown key', () => {
    const { issues } = compile({
      rules: [
        {
          name: 'with-params',
          conditions: {
            all: [{ fact: 'lengthIn', params: { unit: 'mm' }, operator: 'lessThan', value: 61 }],
          },
          event: { type: 'add', params: { item: 'SHELF' } },
        },
      ],
    })
    expect(issues.map(formatIssue)).toMatchInlineSnapshot(`
      [
        "extra.json: rules[0].conditions.all[0].params: fact params are not supported: a fact here is a value of the configuration, not a function (read a part of the fact with "path" (e.g. "$.size.widthIn"), or declare a derived fact in product.json (docs/rules.md#derived-facts))",
      ]
    `)
  })
})
