// the T2 rules: every case of rules/t2/tests as a test, and properties over random configurations
import type { RuleCase } from '@torvan/configurator-core'
import { formatIssue, runRuleCases } from '@torvan/configurator-core'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createConfigurationValidator } from '../packages/configurator-core/src/configuration/validate.js'
import { arbitraryConfiguration } from '../packages/configurator-core/test/arbitrary-configuration.js'
import { firedRules } from '../packages/configurator-core/test/fired-rules.js'
import { createReferenceEngine } from '../packages/configurator-core/test/reference-engine.js'
import { loadDemoT2, root } from './demo-t2.js'

const { catalog, loaded, ruleset, configurator } = await loadDemoT2()
const accessoryIds = catalog.items
  .filter((item) =>
    ['720.702', '720.703', '720.704', '720.705', '720.707'].includes(item.subcategoryCode ?? ''),
  )
  .map((item) => item.id)

describe.each(loaded.cases.map((file) => [file.file.slice(root.length + 1), file] as const))(
  '%s',
  (_name, file) => {
    const cases = (file.content as { cases: RuleCase[] }).cases
    it.each(cases.map((test, index) => [test.name, index] as const))('%s', (_test, index) => {
      const content = { ...(file.content as object), cases: [cases[index]] }
      const result = runRuleCases(configurator, { file: file.file, content })
      expect(result.issues.map(formatIssue)).toEqual([])
      expect(result.failed.flatMap((failure) => failure.problems)).toEqual([])
    })
  },
)

const validConfigurations = arbitraryConfiguration(ruleset.options, {
  items: () => accessoryIds,
  lengths: { basins: [1, 3], faucets: [0, 2], sprayers: [0, 2], accessories: [0, 4] },
}).map(repairFromSpec)

interface Counted {
  quantity: number
  placement?: string
}

/** keeps the first entries while their quantities add up to at most `limit` */
function upTo<T extends Counted>(entries: readonly T[], limit: number): T[] {
  let total = 0
  return entries.filter((entry) => (total += entry.quantity) <= limit)
}

/**
 * Moves a random configuration towards validity by the constraints of t2-sink.md, written here
 * independently of the rules (so that a rule which wrongly refuses a valid sink fails the "valid"
 * property below instead of being skipped): the model matches the basins, LC1 legs are height
 * adjustable, at most 2 sprayers, faucets within the model's limit less the DI gooseneck a DI basin
 * may add, and faucets placed at basins that exist.
 */
function repairFromSpec(configuration: Record<string, unknown>): Record<string, unknown> {
  const basins = configuration['basins'] as unknown[]
  const repaired: Record<string, unknown> = { ...configuration, model: `T2-B${basins.length}` }
  const legs = configuration['legs'] as { model?: string; height?: string } | undefined
  if (legs?.model === 'LC1') repaired['legs'] = { ...legs, height: 'ADJUSTABLE' }
  const sprayers = configuration['sprayers'] as Counted[] | undefined
  if (sprayers !== undefined) repaired['sprayers'] = upTo(sprayers, 2)
  const faucets = configuration['faucets'] as Counted[] | undefined
  const placed = (faucet: Counted) =>
    (faucet.placement?.match(/\d/g) ?? []).every((basin) => Number(basin) <= basins.length)
  if (faucets !== undefined) {
    repaired['faucets'] = upTo(faucets.filter(placed), (basins.length === 3 ? 3 : 2) - 1)
  }
  return repaired
}

/** every top-level option, for tests that replace one with junk */
const optionKeys = Object.keys(ruleset.options)

const count = (lines: readonly { id: string; quantity: string }[], test: (id: string) => boolean) =>
  lines.filter((line) => test(line.id)).reduce((sum, line) => sum + Number(line.quantity), 0)

describe('every valid T2 BOM', () => {
  it('is what most generated configurations give (else the properties below test little)', () => {
    const sample = fc.sample(validConfigurations, { numRuns: 500, seed: 12 })
    const valid = sample.filter((configuration) => configurator.configure(configuration).ok)
    expect(valid.length / sample.length).toBeGreaterThan(0.7)
  })

  it('holds exactly one body, leg kit, feet item, control box (matching the basins) and manual kit', () => {
    fc.assert(
      fc.property(validConfigurations, (configuration) => {
        const result = configurator.configure(configuration)
        // the few the spec repair leaves invalid (an accessory without its pegboard, say) are skipped
        fc.pre(result.ok)
        const { lines } = result
        expect(count(lines, (id) => id.startsWith('T2-BODY-'))).toBe(1)
        expect(count(lines, (id) => /^T2-(DL27|DL14|LC1)(-FH)?-KIT$/.test(id))).toBe(1)
        expect(
          count(lines, (id) => id === 'T2-LEVELING-CASTOR-475' || id === 'T2-SEISMIC-FEET'),
        ).toBe(1)
        expect(count(lines, (id) => id.startsWith('T2-STD-MANUAL-'))).toBe(1)
        const basins = configuration['basins'] as { type: string }[]
        const e = basins.filter((b) => b.type === 'E_DRAIN').length
        const s = basins.length - e
        const box = lines.filter((line) => line.id.startsWith('T2-CTRL-'))
        expect(box).toHaveLength(1)
        expect(box[0]?.id).toBe(
          `T2-CTRL-${[e > 0 ? `EDR${e}` : '', s > 0 ? `ESK${s}` : ''].filter(Boolean).join('-')}`,
        )
        expect(count(lines, (id) => id.startsWith('T2-BSN-'))).toBe(basins.length)
        for (const line of lines) expect(Number(line.quantity)).toBeGreaterThan(0)
      }),
      { numRuns: 300 },
    )
  })

  it('is byte-identical for configurations equal up to key order', () => {
    fc.assert(
      fc.property(validConfigurations, (configuration) => {
        const reversed = JSON.parse(
          JSON.stringify(configuration, (_key, value: unknown) =>
            value !== null && typeof value === 'object' && !Array.isArray(value)
              ? Object.fromEntries(Object.entries(value).reverse())
              : value,
          ),
        ) as unknown
        expect(JSON.stringify(configurator.configure(reversed))).toBe(
          JSON.stringify(configurator.configure(configuration)),
        )
      }),
      { numRuns: 200 },
    )
  })
})

describe('invalid and junk T2 configurations', () => {
  it('give findings with paths, never an exception', () => {
    const mutated = fc
      .tuple(
        validConfigurations,
        fc.array(fc.tuple(fc.constantFrom(...optionKeys), fc.jsonValue()), {
          minLength: 1,
          maxLength: 3,
        }),
      )
      .map(([configuration, changes]) => ({ ...configuration, ...Object.fromEntries(changes) }))
    fc.assert(
      fc.property(fc.oneof(mutated, fc.jsonValue()), (configuration) => {
        const result = configurator.configure(configuration)
        if (result.ok) return
        expect(result.lines).toEqual([])
        expect(result.findings.some((finding) => finding.severity === 'error')).toBe(true)
        for (const finding of result.findings) expect(finding.message.length).toBeGreaterThan(10)
      }),
      { numRuns: 300 },
    )
  })
})

describe('the compiled T2 rules', () => {
  const reference = createReferenceEngine(ruleset)
  it('fire exactly the rules json-rules-engine fires on the same facts', async () => {
    await fc.assert(
      fc.asyncProperty(validConfigurations, async (configuration) => {
        const ours = firedRules(configurator, configuration)
        expect(ours.fired).toEqual(await reference(ours.facts))
      }),
      { numRuns: 150 },
    )
  })
})

describe('the fast validity check', () => {
  const validator = createConfigurationValidator(ruleset.options, (option) => ({
    allowed: new Set([
      ...(option.subcategories ?? []).flatMap((code) =>
        catalog.itemsIn(code).map((item) => item.id),
      ),
      ...(option.include ?? []),
    ]),
    find: (id) => (catalog.get(id) === undefined ? undefined : { subcategoryCode: null }),
  }))
  it('accepts exactly what the zod schema accepts', () => {
    const tweaks = fc.array(
      fc.tuple(
        fc.constantFrom(...optionKeys, 'extra'),
        fc.oneof(
          fc.jsonValue(),
          fc.constant(undefined),
          fc.constant(null),
          fc.double(),
          fc.integer({ min: 2 ** 53 - 2, max: 2 ** 53 + 2 }),
        ),
      ),
      { maxLength: 2 },
    )
    fc.assert(
      fc.property(validConfigurations, tweaks, (configuration, changes) => {
        const changed: Record<string, unknown> = {
          ...configuration,
          ...Object.fromEntries(changes),
        }
        expect(validator.quickAccepts(changed)).toBe(validator.schemaAccepts(changed))
      }),
      { numRuns: 500 },
    )
  })

  it('agrees with the zod schema when any nested value is replaced', () => {
    const junk = fc.oneof(
      fc.jsonValue(),
      fc.constant(undefined),
      fc.double(),
      fc.integer({ min: 2 ** 53 - 2, max: 2 ** 53 + 2 }),
      fc.constantFrom(0, -1, 10.001, '', 'SAME_AS_SINK', '30X20X10'),
    )
    fc.assert(
      fc.property(validConfigurations, fc.nat(), junk, (configuration, pick, replacement) => {
        const paths: (string | number)[][] = []
        const walk = (value: unknown, path: (string | number)[]): void => {
          paths.push(path)
          if (Array.isArray(value))
            value.forEach((item, i) => {
              walk(item, [...path, i])
            })
          else if (value !== null && typeof value === 'object')
            for (const [key, item] of Object.entries(value)) walk(item, [...path, key])
        }
        walk(configuration, [])
        const path = paths[pick % paths.length] ?? []
        const copy = JSON.parse(JSON.stringify(configuration)) as Record<string, unknown>
        let target: Record<string | number, unknown> = copy
        for (const segment of path.slice(0, -1))
          target = target[segment] as Record<string | number, unknown>
        const last = path[path.length - 1]
        if (last !== undefined) target[last] = replacement
        expect(validator.quickAccepts(copy)).toBe(validator.schemaAccepts(copy))
      }),
      { numRuns: 1000 },
    )
  })
})
