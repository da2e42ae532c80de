import { describe, expect, it } from 'vitest'
import type { InspectionItem } from './instantiate.js'
import { NA } from './record.js'
import { scoreInspection } from './score.js'

function row(key: string, patch: Partial<InspectionItem> = {}): InspectionItem {
  return {
    key,
    itemId: key,
    sectionId: 's',
    sectionTitle: 'S',
    inspectionKind: 'FINAL_QC',
    sequence: 1,
    kind: 'CHECK',
    label: key,
    naAllowed: false,
    required: true,
    critical: true,
    ...patch,
  }
}

const rows = [
  row('a'),
  row('b', { kind: 'CHECK_NA', naAllowed: true }),
  row('c', { critical: false }),
  row('d', { kind: 'NUM', expected: 40, tolerance: 2 }),
  row('e', { kind: 'TEXT', required: false }),
  row('p', { kind: 'PROC', required: false }),
]

describe('scoreInspection', () => {
  it('passes when every required row is answered and nothing failed', () => {
    const score = scoreInspection(
      rows,
      [
        { key: 'a', value: true },
        { key: 'b', value: NA },
        { key: 'c', value: true },
        { key: 'd', value: 41 },
      ],
      100,
    )
    expect(score).toEqual({
      result: 'PASS',
      passPercentage: 100,
      failed: [],
      criticalFailures: [],
      missing: [],
      issues: [],
      unknown: [],
      counts: { rows: 6, passed: 3, failed: 0, na: 1, unanswered: 1 },
    })
  })

  it('fails on a critical failure, even with rows unanswered', () => {
    const score = scoreInspection(rows, [{ key: 'd', value: 45 }], 0)
    expect(score.result).toBe('FAIL')
    expect(score.criticalFailures).toEqual(['d'])
    expect(score.missing).toEqual(['a', 'b', 'c'])
  })

  it('is incomplete while a required row is unanswered, or answered with a bad value', () => {
    const score = scoreInspection(
      rows,
      [
        { key: 'a', value: true },
        { key: 'b', value: 'yes' },
        { key: 'c', value: true },
        { key: 'd', value: 40 },
      ],
      100,
    )
    expect(score.result).toBe('INCOMPLETE')
    expect(score.missing).toEqual(['b'])
    expect(score.issues.map((issue) => issue.code)).toEqual(['invalid_type'])
  })

  it('gives a conditional pass for non-critical failures at or above the threshold, else fails', () => {
    const answers = [
      { key: 'a', value: true },
      { key: 'b', value: true },
      { key: 'c', value: false },
      { key: 'd', value: 40 },
    ]
    const conditional = scoreInspection(rows, answers, 75)
    expect(conditional).toMatchObject({
      result: 'CONDITIONAL_PASS',
      passPercentage: 75,
      failed: ['c'],
      criticalFailures: [],
    })
    expect(scoreInspection(rows, answers, 75.01).result).toBe('FAIL')
  })

  it('counts the last answer to a key, and lists keys that are not rows', () => {
    const score = scoreInspection(
      [row('a')],
      [
        { key: 'a', value: false },
        { key: 'a', value: true },
        { key: 'zz', value: true },
      ],
      100,
    )
    expect(score.result).toBe('PASS')
    expect(score.unknown).toEqual(['zz'])
  })

  it('recomputes outcomes from the values, with 2-decimal percentages', () => {
    const three = [row('a', { critical: false }), row('b'), row('c')]
    const score = scoreInspection(
      three,
      [
        { key: 'a', value: false },
        { key: 'b', value: true },
        { key: 'c', value: true },
      ],
      50,
    )
    expect(score.passPercentage).toBe(66.67)
    expect(score.result).toBe('CONDITIONAL_PASS')
  })

  it('throws on a threshold that is not a percentage', () => {
    expect(() => scoreInspection(rows, [], 101)).toThrowErrorMatchingInlineSnapshot(
      `[ConfiguratorError: scoreInspection(): threshold is a percentage from 0 to 100, received 101]`,
    )
    expect(() => scoreInspection(rows, [], Number.NaN)).toThrow(/threshold/)
  })
})
