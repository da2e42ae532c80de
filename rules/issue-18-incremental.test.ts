// issue 18: options() re-checks a candidate with only the rules that read what changed; a rule that reads
// the accessories through a derived fact runs only when that fact changes. Pinned against configure().
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Finding } from '@torvan/configurator-core'
import { describe, expect, it } from 'vitest'
import { createIncrementalCheck } from '../packages/configurator-core/src/explain/incremental.js'
import { loadDemoT2, root } from './demo-t2.js'

const { configurator, catalog } = await loadDemoT2()
const sample = (name: string) =>
  JSON.parse(readFileSync(join(root, 'fixtures', 'configs', `${name}.json`), 'utf8')) as Record<
    string,
    unknown
  >

const errorsOf = (findings: readonly Finding[]) =>
  findings
    .filter((f) => f.severity === 'error')
    .map((f) => `${f.rule} ${f.path}: ${f.message}`)
    .sort()

describe('the incremental check of options()', () => {
  it.each(['t2-b3-every-option', 't2-b2-standard'])(
    'gives the errors configure() gives for every accessory id at every accessory of %s',
    (name) => {
      const config = sample(name)
      const baseline = configurator.configure(config)
      expect(baseline.ok).toBe(true)
      const check = createIncrementalCheck(configurator, baseline.configuration)
      const accessories = baseline.configuration['accessories'] as Record<string, unknown>[]
      const ids = catalog.items.map((item) => item.id).filter((id) => id.startsWith('T-OA-'))
      let compared = 0
      let failing = 0
      for (const [index, accessory] of accessories.entries())
        for (const id of ids) {
          const quick = check.errorsWith(['accessories', index, 'id'], id)
          // undefined: a line could not be made, so options() configures in full
          if (quick === undefined) continue
          const changed = accessories.map((a, i) => (i === index ? { ...accessory, id } : a))
          const full = configurator.configure({ ...config, accessories: changed })
          expect(errorsOf(quick), `${id} at accessories[${index}]`).toEqual(errorsOf(full.findings))
          compared++
          if (quick.length > 0) failing++
        }
      // the comparison covers valid and invalid candidates alike
      expect(compared).toBeGreaterThanOrEqual((accessories.length * ids.length) / 2)
      expect(failing).toBeGreaterThan(0)
      expect(failing).toBeLessThan(compared)
    },
  )

  it.each(['t2-b3-every-option', 't2-b2-standard', 't2-b1-minimal'])(
    'gives the errors configure() gives for every accessory id appended to %s',
    (name) => {
      const config = sample(name)
      const baseline = configurator.configure(config)
      const check = createIncrementalCheck(configurator, baseline.configuration)
      const accessories = baseline.configuration['accessories'] as Record<string, unknown>[]
      const ids = catalog.items.map((item) => item.id).filter((id) => id.startsWith('T-OA-'))
      let compared = 0
      let failing = 0
      for (const id of ids) {
        const element = { id, quantity: 1 }
        const quick = check.errorsWithAdded(['accessories'], { element, key: 'id' })
        if (quick === undefined) continue
        const full = configurator.configure({ ...config, accessories: [...accessories, element] })
        expect(errorsOf(quick), `${id} appended`).toEqual(errorsOf(full.findings))
        compared++
        if (quick.length > 0) failing++
      }
      expect(compared).toBeGreaterThanOrEqual(ids.length / 2)
      expect(failing).toBeGreaterThan(0)
      expect(failing).toBeLessThan(compared)
    },
  )

  it('gives the errors configure() gives for every faucet and sprayer type appended to t2-b3-every-option', () => {
    const config = sample('t2-b3-every-option')
    const baseline = configurator.configure(config)
    const check = createIncrementalCheck(configurator, baseline.configuration)
    for (const [list, types] of [
      ['faucets', ['WRIST_BLADE', 'PRE_RINSE', 'DI_GOOSENECK']],
      [
        'sprayers',
        ['DI_WATER_GUN_TURRET', 'DI_WATER_GUN_ROSETTE', 'AIR_GUN_TURRET', 'AIR_GUN_ROSETTE'],
      ],
    ] as const) {
      const elements = baseline.configuration[list] as Record<string, unknown>[]
      for (const type of types) {
        const element = { type, quantity: 1 }
        const quick = check.errorsWithAdded([list], { element, key: 'type' })
        const full = configurator.configure({ ...config, [list]: [...elements, element] })
        expect(quick && errorsOf(quick), `${type} appended to ${list}`).toEqual(
          errorsOf(full.findings),
        )
      }
    }
  })
})
