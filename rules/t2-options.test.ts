// options() and explain() on the T2 rules: every error rule shows up as a reason for a ruled-out value
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import type { CasesFile, OptionDomain } from '@torvan/configurator-core'
import { explain, mergePatch, options } from '@torvan/configurator-core'
import { describe, expect, it } from 'vitest'
import { loadDemoT2, root } from './demo-t2.js'

const { ruleset, configurator, loaded } = await loadDemoT2()
const standard = JSON.parse(
  readFileSync(join(root, 'fixtures', 'configs', 't2-b2-standard.json'), 'utf8'),
) as Record<string, unknown>

/**
 * each error rule → the configurations of the rule cases that expect its error: derived from
 * rules/t2/tests, so that a new rule in JSON needs a case there and no TypeScript here
 */
function casesExpecting(rule: string): unknown[] {
  const out: unknown[] = []
  for (const file of loaded.cases) {
    const content = file.content as CasesFile
    for (const test of content.cases) {
      const expected = test.expect.findings ?? []
      if (!expected.some((f) => f.severity === 'error' && f.rule === rule)) continue
      out.push(test.config ?? mergePatch(content.base ?? {}, test.patch ?? {}))
    }
  }
  return out
}

const errorRules = ruleset.rules
  .filter((rule) => rule.events.some((event) => event.type === 'error'))
  .map((rule) => rule.name)

/** the rules options() gives as reasons for some ruled-out value or interval of the configuration */
function reasonRules(partial: unknown): Set<string> | undefined {
  const result = options(configurator, partial)
  // a malformed configuration (a case about the product model) has no domains to read
  if (result.problems.length > 0) return undefined
  const rules = new Set<string>()
  for (const domain of result.options) {
    for (const ruledOut of domain.ruledOut)
      for (const reason of ruledOut.reasons) rules.add(reason.rule)
    for (const ruledOut of domain.intervals?.ruledOut ?? [])
      for (const reason of ruledOut.reasons) rules.add(reason.rule)
  }
  return rules
}

function domainAt(domains: readonly OptionDomain[], path: string): OptionDomain {
  const domain = domains.find((d) => d.path === path)
  if (domain === undefined) throw new Error(`options() gave no option ${path}`)
  return domain
}

describe('options() on the T2 rules', () => {
  it.each(errorRules)(
    'rules a value out with the reason %s on a case that expects its error',
    (rule) => {
      const configurations = casesExpecting(rule)
      if (configurations.length === 0)
        throw new Error(`no case in rules/t2/tests expects an error from ${rule}: write one`)
      const explained = configurations.some((partial) => reasonRules(partial)?.has(rule) === true)
      expect(explained, `options() gives ${rule} as the reason for no ruled-out value`).toBe(true)
    },
  )

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

  it.each([
    [
      'a model and a bolt-on shelf',
      { model: 'T2-B2', accessories: [{ id: 'T-OA-SSSHELF-1812-BOLT-ON-KIT' }] },
    ],
    [
      'a pegboard size and no pegboard kind',
      { model: 'T2-B3', pegboard: { size: { widthIn: 30 } } },
    ],
  ])(
    'gives the same answer for %s (completions found once and reused) as configuring every candidate',
    (_, partial) => {
      const full = options(configurator, partial, { incremental: false, budget: 1_000_000 })
      expect(full.truncated).toBeUndefined()
      expect(full.ok).toBe(true)
      expect(JSON.stringify(options(configurator, partial))).toBe(JSON.stringify(full))
    },
  )

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
