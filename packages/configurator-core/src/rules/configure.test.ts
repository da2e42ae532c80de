import { describe, expect, it } from 'vitest'
import {
  demoCatalog as catalog,
  demoProduct as product,
  demoRules as rules,
} from '../../test/demo-product.js'
import { formatIssue } from '../issues.js'
import { createConfigurator } from './configure.js'
import type { RulesetSource } from './ruleset.js'
import { compileRuleset } from './ruleset.js'

function compile(overrides: { product?: unknown; rules?: unknown } = {}) {
  const source: RulesetSource = {
    product: { file: 'rules/demo/product.json', content: overrides.product ?? product },
    rules: [{ file: 'rules/demo/main.json', content: overrides.rules ?? rules }],
  }
  return compileRuleset(source, { catalog })
}

function configurator() {
  const { ruleset, issues } = compile()
  expect(issues.map(formatIssue)).toEqual([])
  if (ruleset === undefined) throw new Error('no ruleset')
  return createConfigurator({ catalog, ruleset })
}

describe('configure()', () => {
  it('adds the lines whose rules hold and merges identical lines from several elements', () => {
    const result = configurator().configure({
      lengthIn: 60,
      basins: [{ size: '20X20', light: true }, { size: '20X20' }, { size: '30X20', light: true }],
    })
    expect(result.ok).toBe(true)
    expect(result.lines.map((l) => [l.id, l.quantity, l.elements.join(' ')])).toEqual([
      ['BODY-S', '1', ''],
      ['BASIN-KIT', '3', 'basins[0] basins[1] basins[2]'],
      ['BASIN20X20', '2', 'basins[0] basins[1]'],
      ['BASIN30X20', '1', 'basins[2]'],
      ['LIGHT', '2', ''],
    ])
    expect(result.findings).toEqual([
      { severity: 'notice', path: 'basins', message: '2 basin light(s) added', rule: 'lights' },
    ])
    expect(result.configuration['accessories']).toEqual([])
  })

  it('creates a custom part whose id comes from its canonical dimensions', () => {
    const result = configurator().configure({
      lengthIn: 70,
      basins: [
        { size: { widthIn: 28.5, lengthIn: 20.0 } },
        { size: { widthIn: 28.5, lengthIn: 20 } },
      ],
    })
    const custom = result.lines.find((l) => l.custom)
    expect(custom).toEqual({
      id: 'BASIN-28.5x20',
      name: 'CUSTOM BASIN 28.5 X 20',
      number: '720.1',
      quantity: '2',
      custom: true,
      family: '720.1',
      spec: { widthIn: 28.5, lengthIn: 20 },
      rules: ['basin-custom'],
      elements: ['basins[0]', 'basins[1]'],
    })
  })

  it('reports every finding at once and gives no lines when there is an error', () => {
    const result = configurator().configure({
      lengthIn: 40.123,
      basins: [{ size: '25X20', colour: 'red' }],
      accessories: [{ id: 'SHELF' }, { id: 'LIGTH', quantity: 0 }],
    })
    expect(result.ok).toBe(false)
    expect(result.lines).toEqual([])
    expect(
      result.findings.map(
        (f) =>
          `${f.severity} ${f.path}: ${f.message}${f.hint === undefined ? '' : ` (${f.hint})`} [${f.rule}]`,
      ),
    ).toMatchInlineSnapshot(`
      [
        "error accessories[1].id: unknown item "LIGTH"; did you mean "LIGHT"? [product-model]",
        "error accessories[1].quantity: expected number >= 1, received 0 [product-model]",
        "error basins[0].colour: unknown key "colour" [product-model]",
        "error basins[0].size: expected one of "20X20" | "30X20", received "25X20" (did you mean "20X20"?) [product-model]",
        "error lengthIn: expected number >= 48, received 40.123 (sinks are 48–120 in) [product-model]",
        "error lengthIn: expected at most 2 decimals, received 40.123 [product-model]",
      ]
    `)
  })

  it('does not run the rules that read an invalid field, and runs every other rule', () => {
    const result = configurator().configure({
      lengthIn: 70,
      basins: [{ size: '20X20' }, { size: 7 }],
      accessories: [{ id: 'SHELF' }],
    })
    const rulesThatSpoke = result.findings.map((f) => `${f.rule} ${f.path}`)
    // the shelf rule still runs: it reads lengthIn and the accessory, both valid
    expect(rulesThatSpoke).toContain('shelf-long-only accessories[0].id')
    expect(rulesThatSpoke).toContain('product-model basins[1].size')
    expect(result.findings).toHaveLength(2)
  })

  it('gives a clear finding, never an exception, for junk', () => {
    const configure = configurator().configure
    for (const junk of [null, 42, 'config', [], { lengthIn: '60' }, { basins: 'three' }]) {
      const result = configure(junk)
      expect(result.ok).toBe(false)
      expect(result.findings.length).toBeGreaterThan(0)
    }
    expect(configure(null).findings[0]?.message).toBe(
      'a configuration is a JSON object, received null',
    )
  })

  it('gives byte-identical output for the same configuration', () => {
    const config = {
      lengthIn: 90,
      basins: [{ size: '30X20', light: true }],
      accessories: [{ id: 'SHELF', quantity: 2 }],
    }
    const configure = configurator().configure
    expect(JSON.stringify(configure(config))).toBe(
      JSON.stringify(configure(JSON.parse(JSON.stringify(config)) as unknown)),
    )
  })
})

describe('compileRuleset()', () => {
  it('names the file, the JSON path and the closest fact for an unknown fact', () => {
    const bad = JSON.parse(JSON.stringify(rules)) as typeof rules
    ;(bad.rules[0] as { conditions: { all: { fact: string }[] } }).conditions.all[0] = {
      fact: 'lenghtIn',
      operator: 'lessThan',
      value: 61,
    } as never
    expect(compile({ rules: bad }).issues.map(formatIssue)).toMatchInlineSnapshot(`
      [
        "rules/demo/main.json: rules[0].conditions.all[0].fact: unknown fact "lenghtIn" (did you mean "lengthIn"?)",
      ]
    `)
  })

  it('reports unknown paths, operators, enum values, items, templates and duplicate names at once', () => {
    const bad = {
      rules: [
        {
          name: 'a',
          conditions: {
            all: [{ fact: 'basins', path: '$[0].sise', operator: 'equal', value: '20X20' }],
          },
          event: { type: 'add', params: { item: 'BODY-S' } },
        },
        {
          name: 'a',
          conditions: { all: [{ fact: 'lengthIn', operator: 'lessThen', value: 61 }] },
          event: { type: 'add', params: { item: 'BODY-XL' } },
        },
        {
          name: 'b',
          forEach: { list: 'basins', as: 'basin' },
          conditions: {
            all: [{ fact: 'basin', path: '$.size', operator: 'equal', value: '20X21' }],
          },
          event: { type: 'add', params: { item: 'BASIN{basin.size}-KIT' } },
        },
        {
          name: 'c',
          conditions: { any: [] },
          event: { type: 'customPart', params: { template: 'basn', spec: {} } },
        },
        {
          name: 'd',
          conditions: { all: [] },
          event: { type: 'warn', params: { path: '', message: 'x' } },
        },
      ],
    }
    expect(compile({ rules: bad }).issues.map(formatIssue)).toMatchInlineSnapshot(`
      [
        "rules/demo/main.json: rules[0].conditions.all[0].path: fact "basins" has no "sise" at $[0] (it has "size", "light") (did you mean "size"?)",
        "rules/demo/main.json: rules[1].conditions.all[0].operator: unknown operator "lessThen" (did you mean "lessThan"?)",
        "rules/demo/main.json: rules[1].event.params.item: item "BODY-XL" is not in the catalog (did you mean "BODY-L"?)",
        "rules/demo/main.json: rules[1].name: rule name "a" is already used in rules/demo/main.json",
        "rules/demo/main.json: rules[2].conditions.all[0].value: "20X21" is not a value this option can take ("20X20", "30X20") (did you mean "20X20"?)",
        "rules/demo/main.json: rules[2].event.params.item: this template can give ids that are not in the catalog: "BASIN20X20-KIT", "BASIN30X20-KIT"",
        "rules/demo/main.json: rules[3].event.params.template: no custom-part template "basn" in product.json (did you mean "basin"?)",
        "rules/demo/main.json: rules[4].event.type: expected one of "add" | "customPart" | "error" | "warning" | "notice", received "warn" (did you mean "warning"?)",
      ]
    `)
  })

  it('finds a derived fact that depends on itself', () => {
    const looping = {
      ...product,
      facts: { a: { value: { add: [{ fact: 'b' }, 1] } }, b: { value: { fact: 'a' } } },
    }
    const messages = compile({ product: looping, rules: { rules: [] } }).issues.map(formatIssue)
    expect(messages).toContain(
      'rules/demo/product.json: facts.a.value: fact "a" depends on itself: a → b → a',
    )
  })
})

describe('custom parts', () => {
  it('refuse a generated id that is already a catalog item', () => {
    const colliding = {
      ...product,
      customParts: { basin: { ...product.customParts.basin, id: 'BASIN{widthIn}X{lengthIn}' } },
    }
    const { ruleset } = compile({ product: colliding })
    if (ruleset === undefined) throw new Error('no ruleset')
    const result = createConfigurator({ catalog, ruleset }).configure({
      lengthIn: 60,
      basins: [{ size: { widthIn: 20, lengthIn: 20 } }],
    })
    expect(result.ok).toBe(false)
    expect(result.findings).toEqual([
      {
        severity: 'error',
        path: 'basins[0]',
        message:
          'the custom part id "BASIN20X20" is already a catalog item; the template "basin" must give ids of its own',
        rule: 'basin-custom',
        code: 'custom_part_collision',
      },
    ])
  })
})
