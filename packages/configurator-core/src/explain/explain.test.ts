import { describe, expect, it } from 'vitest'
import { demoConfigurator } from '../../test/demo-product.js'
import { ConfiguratorError } from '../errors.js'
import { explain } from './explain.js'

const configurator = demoConfigurator()
const config = {
  lengthIn: 50,
  basins: [{ size: '20X20' }, { size: { widthIn: 25, lengthIn: 20 } }],
}

describe('explain()', () => {
  it('names the rule that added a line, its condition and the fact value that made it hold', () => {
    const explanation = explain(configurator, config, 'BODY-S')
    expect(explanation.verdict).toBe('added')
    expect(explanation.inBom).toBe(true)
    expect(explanation.line?.quantity).toBe('1')
    expect(explanation.rules).toEqual([
      {
        rule: 'body-short',
        file: 'main.json',
        fired: true,
        gives: 'BODY-S',
        adds: true,
        conditions: {
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
      },
    ])
  })

  it('says which condition failed for an item the rules could add but did not', () => {
    const explanation = explain(configurator, config, 'BODY-L')
    expect(explanation.verdict).toBe('not-added')
    expect(explanation.inBom).toBe(false)
    expect(explanation.rules.map((r) => [r.rule, r.fired, r.conditions.conditions?.[0]])).toEqual([
      [
        'body-long',
        false,
        {
          kind: 'fact',
          holds: false,
          fact: 'lengthIn',
          operator: 'greaterThanInclusive',
          value: 61,
          actual: 50,
        },
      ],
    ])
  })

  it('traces a per-element rule once per element, with the id its template gave there', () => {
    const explanation = explain(configurator, config, { item: 'BASIN30X20', all: true })
    expect(explanation.verdict).toBe('not-added')
    expect(explanation.rules.map((r) => [r.rule, r.element, r.fired, r.gives])).toEqual([
      ['basin-size', 'basins[0]', true, 'BASIN20X20'],
      ['basin-size', 'basins[1]', false, 'BASIN{"widthIn":25,"lengthIn":20}'],
    ])
  })

  it('leaves out the rules that fired for another id, unless asked for all', () => {
    const explanation = explain(configurator, config, 'BASIN30X20')
    expect(explanation.rules.map((r) => [r.rule, r.element, r.fired])).toEqual([
      ['basin-size', 'basins[1]', false],
    ])
  })

  it('explains a custom part made from a template', () => {
    const explanation = explain(configurator, config, 'BASIN-25x20')
    expect(explanation.verdict).toBe('added')
    expect(explanation.line?.custom).toBe(true)
    const adding = explanation.rules.filter((r) => r.adds)
    expect(adding.map((r) => [r.rule, r.element, r.gives])).toEqual([
      ['basin-custom', 'basins[1]', 'BASIN-25x20'],
    ])
  })

  it('says so when no rule can add a catalog item', () => {
    const explanation = explain(configurator, config, 'SCREW')
    expect(explanation).toMatchObject({ verdict: 'no-rule', inBom: false, rules: [] })
  })

  it('names the errors that stop the BOM', () => {
    const explanation = explain(
      configurator,
      { lengthIn: 50, basins: [], accessories: [{ id: 'SHELF' }] },
      'SHELF',
    )
    expect(explanation.verdict).toBe('invalid-configuration')
    expect(explanation.errors.map((e) => [e.rule, e.path])).toEqual([
      ['shelf-long-only', 'accessories[0].id'],
    ])
    expect(explanation.rules.map((r) => [r.rule, r.fired])).toEqual([['accessory', true]])
  })

  it('refuses an id that is neither in the catalog nor made by a rule, suggesting the closest', () => {
    expect(() => explain(configurator, config, 'BODY-Q')).toThrowErrorMatchingInlineSnapshot(
      `[ConfiguratorError: explain(): item "BODY-Q" is neither in the catalog nor a custom part id; did you mean "BODY-L" or "BODY-S"?]`,
    )
    expect(() => explain(configurator, config, '')).toThrow(ConfiguratorError)
  })
})
