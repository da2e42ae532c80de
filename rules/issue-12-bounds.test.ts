// issue 12: the probe's bodies (200, 400, 1,000 accessories; values nested 5,000 levels) get a refusal
// or a bounded answer, never unbounded work
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { explain, options } from '@torvan/configurator-core'
import { describe, expect, it } from 'vitest'
import { loadDemoT2, root } from './demo-t2.js'

const { configurator } = await loadDemoT2()
const standard = JSON.parse(
  readFileSync(join(root, 'fixtures', 'configs', 't2-b2-standard.json'), 'utf8'),
) as Record<string, unknown>

const VALID = ['T-OA-BINRAIL-36-KIT', 'T2-OA-SINK-STRAINER', 'T2-EYEWASH-FAUCET-MNT']
// a P-trap and an InstroSink kit: every completion keeps their errors, the worst case for options()
const WRONG = ['T2-OA-MS-1026', 'T2-OHL-INSTRO-KIT', 'T2-OA-SINK-STRAINER']

function withAccessories(count: number, ids: readonly string[]): Record<string, unknown> {
  const accessories = Array.from({ length: count }, (_, i) => ({ id: ids[i % ids.length] }))
  return { ...standard, accessories }
}

describe('issue 12: bounded work for options() and explain()', () => {
  it.each([200, 400, 1_000])('refuses %i accessories at once, naming the limit', (count) => {
    const result = options(configurator, withAccessories(count, VALID))
    expect(result.ok).toBe(false)
    expect(result.options).toEqual([])
    expect(result.problems).toEqual([
      {
        severity: 'error',
        path: 'accessories',
        message: `expected at most 100 entries, received ${count}`,
        rule: 'product-model',
        code: 'too_big',
        hint: "a list holds at most 100 entries (the product model's limits.maxListItems)",
      },
    ])
    expect(configurator.configure(withAccessories(count, VALID)).ok).toBe(false)
  })

  it('answers 100 valid accessories in full', () => {
    const result = options(configurator, withAccessories(100, VALID))
    expect(result.ok).toBe(true)
    expect(result.truncated).toBeUndefined()
    expect(result.options.filter((d) => d.path.startsWith('accessories['))).toHaveLength(200)
  })

  it('bounds the answer for 100 wrong accessories and says it stopped short', () => {
    const result = options(configurator, withAccessories(100, WRONG))
    expect(result.truncated?.reason).toBe('work_budget')
    expect(result.options.length + (result.truncated?.skipped.length ?? 0)).toBe(231)
    // without the budget this answer was 13 MB
    expect(JSON.stringify(result).length).toBeLessThan(2_000_000)
    for (const domain of result.options)
      for (const value of domain.ruledOut) expect(value.reasons.length).toBeLessThanOrEqual(10)
  })

  it('bounds explain() for 100 accessories and 50 items', () => {
    const config = withAccessories(100, VALID)
    const explanations = Array.from({ length: 50 }, () =>
      explain(configurator, config, VALID[0] ?? ''),
    )
    for (const explanation of explanations)
      expect(explanation.rules.length).toBeLessThanOrEqual(1_000)
    expect(JSON.stringify(explanations).length).toBeLessThan(5_000_000)
  })

  it('stops options() and explain() when an AbortSignal has aborted', () => {
    const controller = new AbortController()
    controller.abort()
    const { signal } = controller
    expect(options(configurator, standard, { signal }).truncated?.reason).toBe('aborted')
    const explanation = explain(configurator, standard, { item: 'T2-OA-SINK-STRAINER', signal })
    expect(explanation.truncated?.reason).toBe('aborted')
  })

  it('refuses a configuration nested 5,000 levels deep in options() and explain()', () => {
    let deep: unknown = 1
    for (let i = 0; i < 5_000; i++) deep = [deep]
    const config = { ...standard, sink: { ...(standard['sink'] as object), lengthIn: deep } }
    const result = options(configurator, config)
    expect(result.ok).toBe(false)
    expect(result.problems.map((p) => p.code)).toEqual(['too_deep'])
    const explanation = explain(configurator, config, 'T2-OA-SINK-STRAINER')
    expect(explanation.verdict).toBe('invalid-configuration')
    expect(explanation.errors.map((e) => e.code)).toEqual(['too_deep'])
  })
})
