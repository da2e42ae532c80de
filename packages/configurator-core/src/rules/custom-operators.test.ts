// custom operators and decorators registered by a developer: declared, checked, compiled, traced
import { describe, expect, it } from 'vitest'
import { demoCatalog, demoProduct } from '../../test/demo-product.js'
import type { CustomOperators, Ruleset, RulesetCompileResult, RulesetSource } from '../index.js'
import {
  ConfiguratorError,
  compileRuleset,
  createConfigurator,
  explain,
  formatIssue,
} from '../index.js'
import { hashRuleset } from '../bom/document.js'

// a length within [from, to], and a decorator that rounds the fact before comparing
const custom: CustomOperators = {
  operators: {
    within: {
      fact: 'number',
      value: 'list',
      compare: (length: number, [from, to]: number[]) =>
        from !== undefined && to !== undefined && from <= length && length <= to,
      description: 'the fact lies in [from, to]',
    },
  },
  decorators: {
    rounded: {
      fact: 'number',
      apply: (fact: number, value: unknown, next) => next(Math.round(fact), value),
    },
  },
}

function source(conditions: unknown[]): RulesetSource {
  return {
    product: { file: 'product.json', content: demoProduct },
    rules: [
      {
        file: 'rules.json',
        content: {
          rules: conditions.map((condition, i) => ({
            name: `rule-${String(i)}`,
            conditions: { all: [condition] },
            event: { type: 'add', params: { item: 'SHELF' } },
          })),
        },
      },
    ],
  }
}

const config = (lengthIn: number) => ({ lengthIn, basins: [{ size: '20X20' }] })

/** the compiled ruleset, or a failure that shows the issues */
function must(result: RulesetCompileResult): Ruleset {
  if (result.ruleset === undefined) throw new Error(result.issues.map(formatIssue).join('\n'))
  return result.ruleset
}

describe('custom operators', () => {
  it('run compiled in the rules like the built-in ones', () => {
    const compiled = compileRuleset(
      source([{ fact: 'lengthIn', operator: 'within', value: [60, 72] }]),
      { catalog: demoCatalog, ...custom },
    )
    expect(compiled.issues.map(formatIssue)).toEqual([])
    const configurator = createConfigurator({ catalog: demoCatalog, ruleset: must(compiled) })
    const shelf = (lengthIn: number) =>
      configurator.configure(config(lengthIn)).lines.some((line) => line.id === 'SHELF')
    expect([shelf(59.5), shelf(60), shelf(66), shelf(72), shelf(72.5)]).toEqual([
      false,
      true,
      true,
      true,
      false,
    ])
  })

  it('take custom and built-in decorators', () => {
    const compiled = compileRuleset(
      source([
        { fact: 'lengthIn', operator: 'rounded:within', value: [60, 72] },
        { fact: 'lengthIn', operator: 'not:within', value: [60, 72] },
        { fact: 'lengthIn', operator: 'rounded:equal', value: 73 },
      ]),
      { catalog: demoCatalog, ...custom },
    )
    expect(compiled.issues).toEqual([])
    const configurator = createConfigurator({ catalog: demoCatalog, ruleset: must(compiled) })
    const fired = (lengthIn: number) =>
      configurator.configure(config(lengthIn)).lines.find((line) => line.id === 'SHELF')?.rules
    expect(fired(66)).toEqual(['rule-0'])
    expect(fired(72.4)).toEqual(['rule-0', 'rule-1'])
    expect(fired(72.6)).toEqual(['rule-1', 'rule-2'])
  })

  it('are findings of rules check when the fact or the value has another type', () => {
    const { issues } = compileRuleset(
      source([
        { fact: 'basins', operator: 'within', value: [60, 72] },
        { fact: 'lengthIn', operator: 'within', value: 60 },
        { fact: 'lengthIn', operator: 'within', value: { fact: 'lengthIn' } },
      ]),
      { catalog: demoCatalog, ...custom },
    )
    expect(issues.map(formatIssue)).toMatchInlineSnapshot(`
      [
        "rules.json: rules[0].conditions.all[0].fact: operator "within" compares a number, but fact "basins" is list (compare a fact that is a number, or use another operator)",
        "rules.json: rules[1].conditions.all[0].value: operator "within" compares with a list, received 60 (number) (give a list as "value")",
        "rules.json: rules[2].conditions.all[0].value: operator "within" compares with a list, but the value's fact is number (compare with a fact that is a list)",
      ]
    `)
    expect(issues.every((issue) => issue.code === 'operand_type')).toBe(true)
  })

  it('are findings of rules check, with file and path, when a decorator gives them another value', () => {
    const { issues } = compileRuleset(
      source([
        { fact: 'lengthIn', operator: 'not:within', value: 60 },
        { fact: 'lengthIn', operator: 'someValue:within', value: [[60, 72], 80] },
        { fact: 'lengthIn', operator: 'someValue:equal', value: 60 },
        { fact: 'lengthIn', operator: 'someValue:within', value: [[60, 72]] },
        { fact: 'lengthIn', operator: 'rounded:within', value: [60, 72] },
      ]),
      { catalog: demoCatalog, ...custom },
    )
    expect(issues.map(formatIssue)).toMatchInlineSnapshot(`
      [
        "rules.json: rules[0].conditions.all[0].value: operator "not:within" compares with a list, received 60 (number) (give a list as "value")",
        "rules.json: rules[1].conditions.all[0].value[1]: operator "someValue:within" compares with a list of lists; value[1] is 80 (number), not a list (give a list of lists as "value")",
        "rules.json: rules[2].conditions.all[0].value: operator "someValue:equal" compares with a list, e.g. ["A", "B"], received 60 (number) (give a list as "value")",
      ]
    `)
    expect(issues.map((issue) => issue.code)).toEqual([
      'operand_type',
      'operand_type',
      'malformed_condition',
    ])
  })

  it('suggest a declared operator for a misspelt one, and are unknown without the declaration', () => {
    const misspelt = compileRuleset(
      source([{ fact: 'lengthIn', operator: 'withn', value: [60, 72] }]),
      custom,
    )
    expect(misspelt.issues.map((issue) => [issue.code, issue.hint])).toEqual([
      ['unknown_operator', 'did you mean "within"?'],
    ])
    const undeclared = compileRuleset(
      source([{ fact: 'lengthIn', operator: 'within', value: [60, 72] }]),
    )
    expect(undeclared.issues.map((issue) => issue.message)).toEqual(['unknown operator "within"'])
  })

  it('make a condition false for a fact of another type at run time', () => {
    // the product model lets lengthIn be a number only; an option of any type shows the guard
    const product = {
      ...demoProduct,
      options: { ...demoProduct.options, note: { type: 'string' } },
    }
    const compiled = compileRuleset(
      {
        product: { file: 'product.json', content: product },
        rules: [
          {
            file: 'rules.json',
            content: {
              rules: [
                {
                  name: 'length-as-text',
                  conditions: { all: [{ fact: 'lengthIn', operator: 'within', value: [0, 200] }] },
                  event: { type: 'add', params: { item: 'SHELF' } },
                },
              ],
            },
          },
        ],
      },
      { catalog: demoCatalog, ...custom },
    )
    const configurator = createConfigurator({ catalog: demoCatalog, ruleset: must(compiled) })
    // an invalid length does not reach the operator
    const result = configurator.configure({ ...config(60), lengthIn: '60' })
    expect(result.ok).toBe(false)
    expect(configurator.configure(config(60)).lines.map((line) => line.id)).toContain('SHELF')
  })

  it('are traced by explain() with the values they compared', () => {
    const compiled = compileRuleset(
      source([{ fact: 'lengthIn', operator: 'within', value: [60, 72] }]),
      { catalog: demoCatalog, ...custom },
    )
    const configurator = createConfigurator({ catalog: demoCatalog, ruleset: must(compiled) })
    const explanation = explain(configurator, config(66), 'SHELF')
    expect(explanation.verdict).toBe('added')
    expect(explanation.rules[0]?.conditions.conditions?.[0]).toMatchObject({
      fact: 'lengthIn',
      operator: 'within',
      value: [60, 72],
      actual: 66,
      holds: true,
    })
  })

  it('count in the ruleset hash, so that a BOM made with other operators is another BOM', () => {
    const rules = source([{ fact: 'lengthIn', operator: 'equal', value: 60 }])
    const plain = must(compileRuleset(rules))
    const withOperators = must(compileRuleset(rules, custom))
    const changed = must(
      compileRuleset(rules, {
        operators: { within: { fact: 'number', value: 'list', compare: () => true } },
      }),
    )
    expect(new Set([plain, withOperators, changed].map(hashRuleset)).size).toBe(3)
  })

  it('refuse a declaration that cannot work, at start-up, naming the fix', () => {
    const wrong = (operators: CustomOperators) => () => compileRuleset(source([]), operators)
    const compare = () => true
    expect(wrong({ operators: { equal: { fact: 'any', value: 'any', compare } } })).toThrow(
      'compileRuleset(): operator "equal" is built in; choose another name',
    )
    expect(wrong({ operators: { 'a:b': { fact: 'any', value: 'any', compare } } })).toThrow(
      'compileRuleset(): operator name "a:b" must be a word of letters, digits and _ (no ":")',
    )
    expect(
      wrong({ operators: { within: { fact: 'numbr' as 'number', value: 'any', compare } } }),
    ).toThrow(
      'compileRuleset(): operator "within": fact must be one of "number", "string", "boolean", "list", "object", "any", received "numbr"',
    )
    expect(wrong({ decorators: { rounded: { apply: 1 as never } } })).toThrow(ConfiguratorError)
    // from plain JavaScript: anything at all
    expect(wrong({ operators: 'within' as never })).toThrowErrorMatchingInlineSnapshot(
      `[ConfiguratorError: compileRuleset(): operators must be an object of name → { fact, value, compare }, received "within"]`,
    )
    expect(wrong({ operators: [compare] as never })).toThrowErrorMatchingInlineSnapshot(
      `[ConfiguratorError: compileRuleset(): operators must be an object of name → { fact, value, compare }, received a list]`,
    )
    expect(wrong({ operators: { within: compare as never } })).toThrowErrorMatchingInlineSnapshot(
      `[ConfiguratorError: compileRuleset(): operator "within" must be { fact, value, compare }, received a function]`,
    )
    expect(wrong({ decorators: { rounded: null as never } })).toThrowErrorMatchingInlineSnapshot(
      `[ConfiguratorError: compileRuleset(): decorator "rounded" must be { fact?, apply }, received null]`,
    )
  })

  it('are refused by createConfigurator() from plain JavaScript, naming where they go', () => {
    const ruleset = must(compileRuleset(source([]), { catalog: demoCatalog }))
    const create = (input: unknown) => () => createConfigurator(input as never)
    expect(
      create({ catalog: demoCatalog, ruleset, operators: custom.operators }),
    ).toThrowErrorMatchingInlineSnapshot(
      `[ConfiguratorError: createConfigurator(): operators belong to the rules, not the configurator: give them to compileRuleset(source, { operators }) or loadRules(dir, { operators }), whose ruleset then runs them]`,
    )
    expect(create({ catalog: demoCatalog, ruleset, decorators: {} })).toThrow(
      /^createConfigurator\(\): decorators belong to the rules/,
    )
    expect(create({ catalog: demoCatalog, rulset: ruleset })).toThrowErrorMatchingInlineSnapshot(
      `[ConfiguratorError: createConfigurator(): unknown option "rulset" (did you mean "ruleset"?); it takes { catalog, ruleset }]`,
    )
    expect(
      create({ catalog: demoCatalog, ruleset: compileRuleset(source([])) }),
    ).toThrowErrorMatchingInlineSnapshot(
      `[ConfiguratorError: createConfigurator(): ruleset is the result of compileRuleset() or loadRules(); give its .ruleset (undefined while it has errors: check its issues first)]`,
    )
    expect(create({ catalog: demoCatalog, ruleset: {} })).toThrowErrorMatchingInlineSnapshot(
      `[ConfiguratorError: createConfigurator(): ruleset must be the ruleset compileRuleset() or loadRules() gives, received an object with no compiled rules]`,
    )
    expect(create({ catalog: {}, ruleset })).toThrowErrorMatchingInlineSnapshot(
      `[ConfiguratorError: createConfigurator(): catalog must be a catalog built with buildCatalog() or loadCatalog(), received an object]`,
    )
    expect(create(undefined)).toThrowErrorMatchingInlineSnapshot(
      `[ConfiguratorError: createConfigurator(): expected { catalog, ruleset }, received nothing]`,
    )
    expect(create({ catalog: demoCatalog, ruleset })).not.toThrow()
  })
})
