// issue 18: a partial configuration with two sprayers of unset quantity ran out of options()' work
// budget: adding a third sprayer breaks the limit of 2 whatever the quantities, but the search tried
// every quantity of each of the three (24 × 24 × 24 completions per sprayer type)
import { options } from '@torvan/configurator-core'
import { describe, expect, it } from 'vitest'
import { conditionDirectionOf } from '../packages/configurator-core/src/explain/monotone.js'
import { loadDemoT2 } from './demo-t2.js'

const { configurator, ruleset } = await loadDemoT2()
const twoSprayers = {
  product: 'T2',
  sink: { lengthIn: 48 },
  sprayers: [{ type: 'AIR_GUN_TURRET' }, { type: 'DI_WATER_GUN_ROSETTE' }],
}
const rule = (name: string) => {
  const found = ruleset.rules.find((r) => r.name === name)
  if (found === undefined) throw new Error(`no rule ${name}`)
  return found
}

describe('options() for a 48-inch sink with two sprayers (issue 18)', () => {
  it('answers in full within a tenth of the default budget', () => {
    const result = options(configurator, twoSprayers, { budget: 3_000 })
    expect(result.truncated).toBeUndefined()
    expect(result.ok).toBe(true)
  })

  it('rules out every third sprayer type, and a quantity above 1 for either sprayer', () => {
    const { options: domains } = options(configurator, twoSprayers)
    const added = domains.find((o) => o.path === 'sprayers')
    expect(added?.allowed).toEqual([])
    expect(added?.ruledOut.map((r) => r.value)).toEqual([
      'DI_WATER_GUN_TURRET',
      'DI_WATER_GUN_ROSETTE',
      'AIR_GUN_TURRET',
      'AIR_GUN_ROSETTE',
    ])
    // the reason is the limit every completion breaks, not an error of the one completion tried
    for (const ruledOut of added?.ruledOut ?? [])
      expect(ruledOut.reasons).toEqual([
        {
          rule: 'sprayer-limit',
          path: 'sprayers',
          message: 'A T2 sink takes at most 2 sprayers, but 3 are chosen: remove 1',
        },
      ])
    for (const path of ['sprayers[0].quantity', 'sprayers[1].quantity'])
      expect(domains.find((o) => o.path === path)?.intervals?.allowed).toEqual([
        { from: 1, to: 1, fromInclusive: true, toInclusive: true },
      ])
  })
})

describe('which way a rule moves with a number', () => {
  it('sees the sprayer limit hold more as any sprayer quantity grows', () => {
    expect(conditionDirectionOf(ruleset, rule('sprayer-limit'), ['sprayers', 2, 'quantity'])).toBe(
      'up',
    )
  })

  it('sees the faucet limit grow with a faucet quantity through the faucets chosen', () => {
    expect(conditionDirectionOf(ruleset, rule('faucet-limit'), ['faucets', 0, 'quantity'])).toBe(
      'up',
    )
  })

  it('sees a rule that reads another value as not moving with the number', () => {
    expect(conditionDirectionOf(ruleset, rule('sprayer-limit'), ['sink', 'lengthIn'])).toBe('const')
  })

  it('sees a length range move both ways, and a length limit one way', () => {
    expect(conditionDirectionOf(ruleset, rule('body-61-72'), ['sink', 'lengthIn'])).toBe('unknown')
    expect(conditionDirectionOf(ruleset, rule('body-48-60'), ['sink', 'lengthIn'])).toBe('down')
  })

  it('does not guess for a rule read element by element', () => {
    expect(
      conditionDirectionOf(ruleset, rule('faucet-pre-rinse'), ['faucets', 0, 'quantity']),
    ).toBe('unknown')
  })
})
