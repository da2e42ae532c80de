// options() and explain() on the T2 rules: every error rule shows up as a reason for a ruled-out value
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import type { OptionDomain } from '@torvan/configurator-core'
import { explain, mergePatch, options } from '@torvan/configurator-core'
import { describe, expect, it } from 'vitest'
import { loadDemoT2, root } from './demo-t2.js'

const { ruleset, configurator } = await loadDemoT2()
const standard = JSON.parse(
  readFileSync(join(root, 'fixtures', 'configs', 't2-b2-standard.json'), 'utf8'),
) as Record<string, unknown>

const basin = (type: string) => ({ type, size: '30X20X10' })

/** rule → a configuration (the standard one patched), an option and a value that the rule rules out */
const CASES: Record<string, { patch?: unknown; config?: unknown; path: string; value: unknown }> = {
  'accessory-is-a-faucet': { path: 'accessories', value: 'T2-OA-STD-FAUCET-WB-KIT' },
  'accessory-is-a-sprayer': { path: 'accessories', value: 'T2-OA-WATERGUN-TURRET-KIT' },
  'accessory-is-a-basin-light': { path: 'accessories', value: 'T2-OA-BASIN-LIGHT-EDR-KIT' },
  'accessory-is-a-p-trap': { path: 'accessories', value: 'T2-OA-MS-1026' },
  'accessory-bolt-on-shelf-needs-solid-pegboard': {
    path: 'accessories',
    value: 'T-OA-SSSHELF-1812-BOLT-ON-KIT',
  },
  'accessory-needs-pegboard': {
    config: { ...standard, pegboard: null },
    path: 'accessories',
    value: 'T-OA-1BRUSH-ORG-PB-KIT',
  },
  'accessory-instrosink-only': { path: 'accessories', value: 'T2-OHL-INSTRO-KIT' },
  'accessory-custom-shelf-sml-length': {
    patch: { sink: { lengthIn: 90 } },
    path: 'accessories',
    value: 'T2-OA-CUST-SHELF-HA-SML',
  },
  'accessory-rail-shelf-adder-sml-length': {
    patch: { sink: { lengthIn: 90 } },
    path: 'accessories',
    value: 'T-OA-RAIL-SHELF-ADDER-SML',
  },
  'accessory-custom-shelf-lrg-length': { path: 'accessories', value: 'T2-OA-CUST-SHELF-HA-LRG' },
  'accessory-rail-shelf-adder-lrg-length': {
    path: 'accessories',
    value: 'T-OA-RAIL-SHELF-ADDER-LRG',
  },
  'accessory-pull-out-shelf-needs-custom-shelf': {
    path: 'accessories',
    value: 'T2-OA-PO-SHLF-1212',
  },
  'basins-count-matches-model': { path: 'model', value: 'T2-B3' },
  'legs-lc1-fixed': { patch: { legs: { height: 'FIXED' } }, path: 'legs.model', value: 'LC1' },
  'faucet-limit': { path: 'faucets[0].quantity', value: 3 },
  'faucet-limit-with-added-gooseneck': {
    patch: { basins: [basin('E_SINK_DI'), basin('E_DRAIN')] },
    path: 'faucets[0].quantity',
    value: 2,
  },
  'faucet-placement-basin-1': {
    patch: { model: 'T2-B1', basins: [] },
    path: 'faucets[0].placement',
    value: 'CENTER_OF_BASIN_1',
  },
  'faucet-placement-basin-2': {
    patch: { model: 'T2-B1', basins: [basin('E_SINK')] },
    path: 'faucets[0].placement',
    value: 'CENTER_OF_BASIN_2',
  },
  'faucet-placement-basin-3': { path: 'faucets[0].placement', value: 'BETWEEN_BASINS_2_3' },
  'sprayer-limit': { path: 'sprayers[0].quantity', value: 3 },
}

const errorRules = ruleset.rules
  .filter((rule) => rule.events.some((event) => event.type === 'error'))
  .map((rule) => rule.name)

function domainAt(domains: readonly OptionDomain[], path: string): OptionDomain {
  const domain = domains.find((d) => d.path === path)
  if (domain === undefined) throw new Error(`options() gave no option ${path}`)
  return domain
}

/** the reasons options() gives for ruling the value out, or undefined when it is allowed */
function reasonsFor(domain: OptionDomain, value: unknown) {
  if (typeof value === 'number' && domain.intervals !== undefined) {
    return domain.intervals.ruledOut.find(
      ({ interval }) =>
        (interval.from === null || value > interval.from || value === interval.from) &&
        (interval.to === null || value < interval.to || value === interval.to),
    )?.reasons
  }
  return domain.ruledOut.find((r) => JSON.stringify(r.value) === JSON.stringify(value))?.reasons
}

describe('options() on the T2 rules', () => {
  it('has a case for every error rule', () => {
    expect(Object.keys(CASES).sort()).toEqual([...errorRules].sort())
  })

  it.each(errorRules)('rules a value out with the reason %s', (rule) => {
    const test = CASES[rule]
    if (test === undefined) throw new Error(`no case for ${rule}`)
    // a merge patch cannot set null (it removes the key), so some cases give the configuration
    const partial =
      test.config ?? (test.patch === undefined ? standard : mergePatch(standard, test.patch))
    const result = options(configurator, partial)
    expect(result.problems).toEqual([])
    const reasons = reasonsFor(domainAt(result.options, test.path), test.value)
    expect(reasons?.map((r) => r.rule)).toContain(rule)
    for (const reason of reasons ?? []) expect(reason.message.length).toBeGreaterThan(10)
  })

  it('keeps a chosen pegboard size only for the sink lengths whose ready kit exists', () => {
    const result = options(configurator, { ...standard, sink: { widthIn: 30 } })
    const length = domainAt(result.options, 'sink.lengthIn')
    expect(length.set).toBe(false)
    expect(length.intervals?.allowed).toEqual([
      { from: 48, fromInclusive: true, to: 120, toInclusive: true },
    ])
  })

  it('leaves every value open for an empty configuration, except list lengths that no model has', () => {
    const result = options(configurator, {})
    expect(result.ok).toBe(true)
    expect(domainAt(result.options, 'model').allowed).toEqual(['T2-B1', 'T2-B2', 'T2-B3'])
    const basins = domainAt(result.options, 'basins')
    expect(basins.allowed).toEqual([1, 2, 3])
    expect(basins.ruledOut.map((r) => r.value)).toEqual([0])
    expect(domainAt(result.options, 'buildNumber')).toMatchObject({ kind: 'text', set: false })
  })

  it('narrows the pegboard to SOLID when a bolt-on shelf is chosen', () => {
    const result = options(configurator, {
      accessories: [{ id: 'T-OA-SSSHELF-1812-BOLT-ON-KIT' }],
    })
    expect(domainAt(result.options, 'pegboard').allowed).toEqual([{}])
    const type = domainAt(result.options, 'pegboard.type')
    expect(type.allowed).toEqual(['SOLID'])
    expect(type.ruledOut.map((r) => [r.value, r.reasons.map((x) => x.rule)])).toEqual([
      ['PERFORATED', ['accessory-bolt-on-shelf-needs-solid-pegboard']],
    ])
  })

  it('reports a malformed configuration with the paths of what is wrong', () => {
    const result = options(configurator, {
      sink: { lengthIn: '60' },
      colour: 'RED',
      basins: [{ type: 'E_SINKK' }],
    })
    expect(result.ok).toBe(false)
    expect(result.options).toEqual([])
    expect(result.problems.map((p) => `${p.path}: ${p.message}`)).toMatchInlineSnapshot(`
      [
        "basins[0].type: expected one of "E_SINK" | "E_SINK_DI" | "E_DRAIN", received "E_SINKK"",
        "colour: unknown key "colour"",
        "sink.lengthIn: expected number, received "60"",
      ]
    `)
    expect(options(configurator, [1, 2]).problems.map((p) => p.path)).toEqual([''])
  })

  it.each(
    readdirSync(join(root, 'fixtures', 'configs'))
      .filter((name) => name.endsWith('.json') && !name.includes('invalid'))
      .sort(),
  )('gives the same answer for %s with and without the incremental check', (name) => {
    const config = JSON.parse(
      readFileSync(join(root, 'fixtures', 'configs', name), 'utf8'),
    ) as Record<string, unknown>
    for (const partial of [config, { ...config, language: undefined, pegboard: undefined }]) {
      // configuring every candidate in full takes more work than the default budget allows
      const full = options(configurator, partial, { incremental: false, budget: 1_000_000 })
      expect(full.truncated).toBeUndefined()
      expect(JSON.stringify(options(configurator, partial))).toBe(JSON.stringify(full))
    }
  })

  it('gives byte-identical JSON for the same input', () => {
    const partial = { model: 'T2-B2', pegboard: { type: 'SOLID', color: 'RED' } }
    const first = JSON.stringify(options(configurator, partial))
    expect(JSON.stringify(options(configurator, structuredClone(partial)))).toBe(first)
  })
})

describe('explain() on the T2 rules', () => {
  it('names the length that chose the body', () => {
    const explanation = explain(configurator, standard, 'T2-BODY-48-60-HA')
    expect(explanation.verdict).toBe('added')
    const rule = explanation.rules.find((r) => r.adds)
    expect(rule?.conditions.conditions?.map((c) => [c.operator, c.value, c.actual])).toEqual([
      ['lessThan', 61, 60],
    ])
  })
})
