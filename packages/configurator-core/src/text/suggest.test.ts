import { describe, expect, it } from 'vitest'
import { didYouMean, suggest } from './suggest.js'

describe('suggest()', () => {
  it('finds a candidate a typo away', () => {
    expect(suggest('pegbord', ['pegboard', 'basins'])).toEqual(['pegboard'])
    expect(suggest('T2-DRAIN-VALVEX', ['T2-DRAIN-VALVE', 'T2-BASKET'])).toEqual(['T2-DRAIN-VALVE'])
  })

  it('ignores case, and puts an exact match first', () => {
    expect(suggest('PEGBOARD', ['pegboards', 'pegboard'])).toEqual(['pegboard'])
    expect(suggest('lengthin', ['lengthIn'])).toEqual(['lengthIn'])
  })

  it('gives only the closest candidates, a tie in code-point order, at most max', () => {
    expect(suggest('basin', ['basins', 'basin2x', 'b'])).toEqual(['basins'])
    expect(suggest('cat', ['bat', 'rat', 'hat', 'mat'])).toEqual(['bat', 'hat', 'mat'])
    expect(suggest('cat', ['rat', 'bat'], 1)).toEqual(['bat'])
  })

  it('allows more edits for a longer input', () => {
    // the limit is max(2, length / 3): 3 edits for an 11-character input, 2 for a short one
    expect(suggest('T2BSNEDRKIT', ['T2-BSN-EDR-KIT'])).toEqual(['T2-BSN-EDR-KIT'])
    expect(suggest('abc', ['xyz'])).toEqual([])
    expect(suggest('abc', ['xbz'])).toEqual(['xbz'])
  })

  it('falls back to a candidate that contains an input of 4 or more characters', () => {
    expect(suggest('drain', ['T2-DRAIN-VALVE-ASSEMBLY', 'T2-BASKET'])).toEqual([
      'T2-DRAIN-VALVE-ASSEMBLY',
    ])
    expect(suggest('dra', ['T2-DRAIN-VALVE-ASSEMBLY'])).toEqual([])
  })

  it('gives nothing when nothing is close', () => {
    expect(suggest('faucet', ['basins', 'pegboard'])).toEqual([])
    expect(suggest('anything', [])).toEqual([])
  })

  it('reads any iterable of candidates', () => {
    expect(suggest('shelf', new Set(['SHELF', 'LIGHT']))).toEqual(['SHELF'])
  })
})

describe('didYouMean()', () => {
  it('words a hint for one or several candidates', () => {
    expect(didYouMean('pegbord', ['pegboard'])).toMatchInlineSnapshot(`"did you mean "pegboard"?"`)
    expect(didYouMean('cat', ['bat', 'hat'])).toMatchInlineSnapshot(
      `"did you mean "bat" or "hat"?"`,
    )
  })

  it('gives undefined when nothing is close', () => {
    expect(didYouMean('faucet', ['basins'])).toBeUndefined()
  })
})
