import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { arbitraryConfiguration } from '../../test/arbitrary-configuration.js'
import { demoConfigurator } from '../../test/demo-product.js'
import { createReferenceEngine } from '../../test/reference-engine.js'
import { firedRules } from '../../test/fired-rules.js'

const configurator = demoConfigurator()
const { ruleset } = configurator
const reference = createReferenceEngine(ruleset)

describe('compiled rules', () => {
  it('treat a comparison that cannot be made as false instead of throwing', () => {
    const odd = { toString: null }
    expect(configurator.configure({ lengthIn: odd, basins: [odd], accessories: [odd] }).ok).toBe(
      false,
    )
    expect(
      firedRules(
        configurator,
        { lengthIn: odd, basins: [{ size: odd, light: odd }], accessories: [] },
        { ignoreValidation: true },
      ).fired,
    ).toEqual(['basin-kit@0'])
  })

  it('fire exactly the rules json-rules-engine fires, on random valid configurations', async () => {
    const configurations = arbitraryConfiguration(ruleset.options, {
      items: () => ['LIGHT', 'SHELF'],
      lengths: { basins: [0, 3], accessories: [0, 3] },
    })
    await fc.assert(
      fc.asyncProperty(configurations, async (configuration) => {
        const ours = firedRules(configurator, configuration)
        expect(ours.fired).toEqual(await reference(ours.facts))
      }),
      { numRuns: 300 },
    )
  })

  it('fire exactly the rules json-rules-engine fires, on random facts of any JSON shape', async () => {
    // json-rules-engine throws where a value has no primitive form ({ "toString": [] }); ours says false
    // (pinned above), so such values are left out of this comparison
    const primitiveForm = (value: unknown): boolean => {
      if (typeof value !== 'object' || value === null) return true
      if (Array.isArray(value)) return value.every(primitiveForm)
      const record = value as Record<string, unknown>
      if (Object.hasOwn(record, 'toString') || Object.hasOwn(record, 'valueOf')) return false
      return Object.values(record).every(primitiveForm)
    }
    const json = fc.jsonValue().filter(primitiveForm)
    const junk = fc.record({
      lengthIn: json,
      basins: fc.array(json, { maxLength: 3 }),
      accessories: fc.array(json, { maxLength: 3 }),
    })
    await fc.assert(
      fc.asyncProperty(junk, async (configuration) => {
        const ours = firedRules(configurator, configuration, { ignoreValidation: true })
        expect(ours.fired).toEqual(await reference(ours.facts))
      }),
      { numRuns: 300 },
    )
  })
})
