import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { compareVersions } from './version.js'

describe('compareVersions', () => {
  it('puts V10 after V9 and compares every digit run by its number', () => {
    expect(['V10', 'V9', 'V01', 'V2'].sort(compareVersions)).toEqual(['V01', 'V2', 'V9', 'V10'])
    expect(['1.10', '1.9', '1.2', '2'].sort(compareVersions)).toEqual(['1.2', '1.9', '1.10', '2'])
    expect(compareVersions('V1', 'V1.1')).toBeLessThan(0)
    expect(compareVersions('V99999999999999999999', 'V99999999999999999998')).toBeGreaterThan(0)
  })

  it('is a total order: antisymmetric, and zero only for the same text', () => {
    const version = fc.stringMatching(/^[VAB.]{0,2}\d{0,3}(\.\d{1,2})?$/)
    fc.assert(
      fc.property(version, version, (a, b) => {
        // + 0 and 0 - make -0 (of an equal pair) 0: toBe compares with Object.is
        expect(Math.sign(compareVersions(a, b)) + 0).toBe(0 - Math.sign(compareVersions(b, a)))
        expect(compareVersions(a, b) === 0).toBe(a === b)
      }),
    )
  })
})
