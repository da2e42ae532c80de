// issue 18: for an item that is not in the BOM, explain() names the smallest change that would add it
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { ConfigurationChange } from '@torvan/configurator-core'
import { explain, explainAsync } from '@torvan/configurator-core'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { arbitraryConfiguration } from '../packages/configurator-core/test/arbitrary-configuration.js'
import { loadDemoT2, root } from './demo-t2.js'

const { catalog, configurator, ruleset } = await loadDemoT2()
const standard = JSON.parse(
  readFileSync(join(root, 'fixtures', 'configs', 't2-b2-standard.json'), 'utf8'),
) as Record<string, unknown>

/** the configuration with each change made */
function applyChanges(config: unknown, changes: readonly ConfigurationChange[]): unknown {
  const copy = structuredClone(config) as Record<string, unknown>
  for (const change of changes) {
    const segments = (change.path.match(/[^.[\]]+/g) ?? []).map((s) =>
      /^\d+$/.test(s) ? Number(s) : s,
    )
    let at: Record<string | number, unknown> = copy
    for (const [i, segment] of segments.slice(0, -1).entries()) {
      const next = segments[i + 1]
      at[segment] ??= typeof next === 'number' ? [] : {}
      if (at[segment] === null) at[segment] = {}
      at = at[segment] as Record<string | number, unknown>
    }
    const last = segments[segments.length - 1] as string | number
    if ('to' in change) at[last] = change.to
    else Reflect.deleteProperty(at, last)
  }
  return copy
}

describe('explain() names the smallest change that adds an item', () => {
  it('asks for a SOLID pegboard for a solid ready kit', () => {
    const explanation = explain(configurator, standard, 'T2-ADW-PB-6036-BLUE-SOLID-KIT')
    expect(explanation.verdict).toBe('not-added')
    expect(explanation.change).toMatchInlineSnapshot(`
      {
        "changes": [
          {
            "from": "PERFORATED",
            "path": "pegboard.type",
            "to": "SOLID",
          },
        ],
        "message": "set pegboard.type to "SOLID"",
      }
    `)
  })

  it('gives the nearest sink length for another body', () => {
    const explanation = explain(configurator, standard, 'T2-BODY-73-120-HA')
    expect(explanation.change?.changes).toEqual([{ path: 'sink.lengthIn', from: 60, to: 73 }])
  })

  it('gives a pegboard with the fields it needs, its defaults left out', () => {
    const explanation = explain(configurator, { ...standard, pegboard: null }, 'T2-OHL-MDRD-KIT')
    expect(explanation.change?.message).toBe(
      'set pegboard.type to "PERFORATED" and pegboard.color to "GREEN"',
    )
    const green = explain(
      configurator,
      { ...standard, pegboard: null },
      'T2-ADW-PB-6036-GREEN-SOLID-KIT',
    )
    expect(green.change?.changes.map((c) => [c.path, c.to])).toEqual([
      ['pegboard.type', 'SOLID'],
      ['pegboard.color', 'GREEN'],
    ])
  })

  it('adds an accessory rather than swapping one', () => {
    const explanation = explain(configurator, standard, 'T-OA-BINRAIL-24-KIT')
    expect(explanation.change?.changes).toEqual([
      { path: 'accessories[1].id', to: 'T-OA-BINRAIL-24-KIT' },
    ])
  })

  it('says when the search ran out of work, and skips it with a change budget of 0', () => {
    const b3 = JSON.parse(
      readFileSync(join(root, 'fixtures', 'configs', 't2-b3-every-option.json'), 'utf8'),
    ) as unknown
    // a short body needs the long-sink accessories gone too: more than two changes
    const explanation = explain(configurator, b3, { item: 'T2-BODY-48-60-HA', changeBudget: 20 })
    expect(explanation.change).toBeUndefined()
    expect(explanation.truncated?.reason).toBe('work_budget')
    const skipped = explain(configurator, standard, { item: 'T2-BODY-73-120-HA', changeBudget: 0 })
    expect(skipped.change).toBeUndefined()
    expect(skipped.truncated).toBeUndefined()
  })

  it('stops the search when the signal aborts while the async form pauses', async () => {
    const controller = new AbortController()
    // the rules are traced at once; the search pauses after its first check, and sees the abort
    const pending = explainAsync(configurator, standard, {
      item: 'T2-BODY-73-120-HA',
      signal: controller.signal,
      sliceMs: 0,
    })
    controller.abort()
    const explanation = await pending
    expect(explanation.verdict).toBe('not-added')
    expect(explanation.rules.length).toBeGreaterThan(0)
    expect(explanation.change).toBeUndefined()
    expect(explanation.truncated?.reason).toBe('aborted')
    expect(await explainAsync(configurator, standard, 'T2-BODY-73-120-HA')).toEqual(
      explain(configurator, standard, 'T2-BODY-73-120-HA'),
    )
  })

  it('leaves a change that is not needed out: an item in the BOM has none', () => {
    const line = configurator.configure(standard).lines[0]
    expect(explain(configurator, standard, line?.id ?? '').change).toBeUndefined()
  })

  // items the T2 rules add to some configuration
  const targets = [
    'T2-BODY-48-60-HA',
    'T2-BODY-61-72-HA',
    'T2-BODY-73-120-HA',
    'T2-SEISMIC-FEET',
    'T2-LEVELING-CASTOR-475',
    'T2-DL27-KIT',
    'T2-DL14-FH-KIT',
    'T2-LC1-KIT',
    'T2-CTRL-EDR1-ESK1',
    'T2-CTRL-ESK2',
    'T2-OHL-MDRD-KIT',
    'T2-ADW-PB-6036-BLUE-SOLID-KIT',
    'T2-OA-MS-1026',
    'T2-OA-BASIN-LIGHT-EDR-KIT',
    'T2-STD-MANUAL-SP-KIT',
    'T2-OA-DI-GOOSENECK-FAUCET-KIT',
    'T-OA-FOOTREST-RAIL-KIT',
  ].filter((id) => catalog.resolve(id) !== undefined)
  const accessoryIds = ['T-OA-BINRAIL-36-KIT', 'T-OA-FOOTREST-RAIL-KIT', 'T2-OA-SINK-STRAINER']
  const valid = arbitraryConfiguration(ruleset.options, {
    items: () => accessoryIds,
    lengths: { basins: [1, 3], faucets: [0, 1], sprayers: [0, 1], accessories: [0, 2] },
  })
    .map((c): Record<string, unknown> => ({
      ...c,
      model: `T2-B${String((c['basins'] as unknown[]).length)}`,
    }))
    .filter((c) => configurator.configure(c).ok)

  it('gives only changes that do put the item in a valid BOM', () => {
    fc.assert(
      fc.property(valid, fc.constantFrom(...targets), (config, id) => {
        const explanation = explain(configurator, config, { item: id, changeBudget: 200 })
        if (explanation.change === undefined) return
        expect(explanation.verdict).toBe('not-added')
        expect(explanation.change.changes.length).toBeGreaterThan(0)
        const result = configurator.configure(applyChanges(config, explanation.change.changes))
        expect(result.findings.filter((f) => f.severity === 'error')).toEqual([])
        expect(result.lines.map((line) => line.id)).toContain(id)
      }),
      { numRuns: 60 },
    )
  })
})
