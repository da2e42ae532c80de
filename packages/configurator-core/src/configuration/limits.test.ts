import { describe, expect, it } from 'vitest'
import { demoCatalog, demoConfigurator, demoProduct, demoRules } from '../../test/demo-product.js'
import { compileRuleset } from '../rules/ruleset.js'
import { createConfigurator } from '../rules/configure.js'
import { DEFAULT_LIMITS, modelDepth, tooDeepAt } from './limits.js'

const configurator = demoConfigurator()
const valid = { lengthIn: 50, basins: [{ size: '20X20' }] }

/** a value nested `levels` deep: [[[…1…]]] or {a:{a:…}} */
function nested(levels: number, kind: 'array' | 'object'): unknown {
  let value: unknown = 1
  for (let i = 0; i < levels; i++) value = kind === 'array' ? [value] : { a: value }
  return value
}

function configuratorWith(limits: unknown, options: unknown = demoProduct.options) {
  return compileRuleset(
    {
      product: { file: 'product.json', content: { ...demoProduct, options, limits } },
      rules: [{ file: 'main.json', content: demoRules }],
    },
    { catalog: demoCatalog },
  )
}

describe('tooDeepAt()', () => {
  it('finds the first container below the limit, with its path', () => {
    expect(tooDeepAt({ a: [[1]] }, 3)).toBeUndefined()
    expect(tooDeepAt({ a: [[1]] }, 2)).toEqual(['a', 0])
    expect(tooDeepAt({ b: 1, a: { c: {} } }, 2)).toEqual(['a', 'c'])
    expect(tooDeepAt('text', 1)).toBeUndefined()
  })

  it('walks a million levels without using the stack', () => {
    expect(tooDeepAt(nested(1_000_000, 'array'), 32)?.length).toBe(32)
    expect(tooDeepAt(nested(1_000_000, 'object'), 32)?.length).toBe(32)
  })

  it('knows how deep the demo model nests: configuration, basins, a basin, its custom size', () => {
    expect(modelDepth(demoProduct.options as never)).toBe(4)
  })
})

describe('the nesting limit', () => {
  it.each(['array', 'object'] as const)(
    'refuses %s values nested 5,000 and 100,000 levels deep with one finding, wherever they are',
    (kind) => {
      for (const levels of [5_000, 100_000]) {
        for (const config of [
          { ...valid, extra: nested(levels, kind) },
          { ...valid, lengthIn: nested(levels, kind) },
          { ...valid, basins: [{ size: nested(levels, kind) }] },
          { ...valid, accessories: [{ id: nested(levels, kind) }] },
        ]) {
          const result = configurator.configure(config)
          expect(result.ok).toBe(false)
          expect(result.lines).toEqual([])
          expect(result.findings).toHaveLength(1)
          expect(result.findings[0]?.code).toBe('too_deep')
        }
      }
    },
  )

  it('says where and what is allowed', () => {
    const result = configurator.configure({ ...valid, extra: nested(40, 'object') })
    expect(result.findings).toMatchInlineSnapshot(`
      [
        {
          "code": "too_deep",
          "hint": "the configuration is checked no further; the limit is the product model's limits.maxDepth",
          "message": "expected at most 32 levels of nested objects and lists, received more",
          "path": "extra.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a",
          "rule": "product-model",
          "severity": "error",
        },
      ]
    `)
  })

  it('takes the product model’s limits.maxDepth, and refuses one below the model’s own depth', () => {
    const compiled = configuratorWith({ maxDepth: 5 })
    expect(compiled.ruleset?.limits).toEqual({ maxDepth: 5, maxListItems: 100 })
    const own = createConfigurator({ catalog: demoCatalog, ruleset: compiled.ruleset as never })
    // the configuration, extra and three objects below: five levels
    const five = { a: { b: { c: {} } } }
    expect(own.configure({ ...valid, extra: five }).findings[0]?.code).toBe('unknown_key')
    expect(own.configure({ ...valid, extra: { x: five } }).findings[0]?.code).toBe('too_deep')
    const low = configuratorWith({ maxDepth: 3 })
    expect(low.ok).toBe(false)
    expect(low.issues).toMatchInlineSnapshot(`
      [
        {
          "code": "limit_too_low",
          "file": "product.json",
          "hint": "set it to 4 or more, or leave it out (default 32)",
          "message": "limits.maxDepth is 3, but the options nest 4 levels deep: every configuration would be refused",
          "path": [
            "limits",
            "maxDepth",
          ],
          "severity": "error",
        },
      ]
    `)
  })
})

describe('the list limit', () => {
  it('refuses a list longer than the default limit, naming the limit and where it comes from', () => {
    const accessories = Array.from({ length: DEFAULT_LIMITS.maxListItems + 1 }, () => ({
      id: 'LIGHT',
    }))
    const result = configurator.configure({ ...valid, accessories })
    expect(result.ok).toBe(false)
    expect(result.findings).toMatchInlineSnapshot(`
      [
        {
          "code": "too_big",
          "hint": "a list holds at most 100 entries (the product model's limits.maxListItems)",
          "message": "expected at most 100 entries, received 101",
          "path": "accessories",
          "rule": "product-model",
          "severity": "error",
        },
      ]
    `)
    expect(configurator.configure({ ...valid, accessories: accessories.slice(1) }).ok).toBe(true)
  })

  it('takes a list’s own maxItems, else the product model’s limits.maxListItems', () => {
    const options = {
      ...demoProduct.options,
      basins: { ...demoProduct.options.basins, maxItems: 2 },
    }
    const compiled = configuratorWith({ maxListItems: 3 }, options)
    const own = createConfigurator({ catalog: demoCatalog, ruleset: compiled.ruleset as never })
    const basins = [{ size: '20X20' }, { size: '20X20' }, { size: '20X20' }]
    expect(own.configure({ ...valid, basins }).findings.map((f) => f.message)).toEqual([
      'expected at most 2 entries, received 3',
    ])
    const accessories = [{ id: 'LIGHT' }, { id: 'LIGHT' }, { id: 'LIGHT' }, { id: 'LIGHT' }]
    expect(own.configure({ ...valid, accessories }).findings.map((f) => f.path)).toEqual([
      'accessories',
    ])
    expect(own.configure({ ...valid, accessories: accessories.slice(1) }).ok).toBe(true)
  })
})
