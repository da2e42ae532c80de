// the T2 rules: every case of rules/t2/tests as a test, and properties over random configurations
import { join } from 'node:path'
import { loadCatalog, loadRules } from '@torvan/catalog-loader'
import type { Configurator, RuleCase } from '@torvan/configurator-core'
import { createConfigurator, formatIssue, runRuleCases } from '@torvan/configurator-core'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { arbitraryConfiguration } from '../packages/configurator-core/test/arbitrary-configuration.js'
import { firedRules } from '../packages/configurator-core/test/fired-rules.js'
import { createReferenceEngine } from '../packages/configurator-core/test/reference-engine.js'

const root = join(import.meta.dirname, '..')
const { catalog } = await loadCatalog(join(root, 'fixtures', 'catalog'))
if (catalog === undefined) throw new Error('the demo catalog does not load')
const loaded = await loadRules(join(import.meta.dirname, 't2'), { catalog })
if (loaded.ruleset === undefined)
  throw new Error(`the T2 rules do not compile:\n${loaded.issues.map(formatIssue).join('\n')}`)
const configurator: Configurator = createConfigurator({ catalog, ruleset: loaded.ruleset })
const accessoryIds = catalog.items
  .filter((item) =>
    ['720.702', '720.703', '720.704', '720.705'].includes(item.subcategoryCode ?? ''),
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

const validConfigurations = arbitraryConfiguration(loaded.ruleset.options, {
  items: () => accessoryIds,
  lengths: { basins: [1, 3], faucets: [0, 2], sprayers: [0, 2], accessories: [0, 4] },
}).map((configuration) => {
  // the model must match the basins for a configuration to be valid
  const basins = configuration['basins'] as unknown[]
  return { ...configuration, model: `T2-B${basins.length}` }
})

const count = (lines: readonly { id: string; quantity: string }[], test: (id: string) => boolean) =>
  lines.filter((line) => test(line.id)).reduce((sum, line) => sum + Number(line.quantity), 0)

describe('every valid T2 BOM', () => {
  it('holds exactly one body, leg kit, feet item, control box (matching the basins) and manual kit', () => {
    fc.assert(
      fc.property(validConfigurations, (configuration) => {
        const result = configurator.configure(configuration)
        if (!result.ok) return
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
        fc.array(
          fc.tuple(
            fc.constantFrom(
              'sink',
              'legs',
              'basins',
              'faucets',
              'pegboard',
              'accessories',
              'model',
              'feet',
              'language',
            ),
            fc.jsonValue(),
          ),
          { minLength: 1, maxLength: 3 },
        ),
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
  const reference = createReferenceEngine(loaded.ruleset)
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
