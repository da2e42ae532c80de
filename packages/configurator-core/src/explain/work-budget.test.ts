import { describe, expect, it } from 'vitest'
import { demoConfigurator } from '../../test/demo-product.js'
import { ConfiguratorError } from '../errors.js'
import { explain } from './explain.js'
import { options } from './options.js'
import { optionsAsync } from './options-async.js'

const configurator = demoConfigurator()
const config = { lengthIn: 50, basins: [{ size: '20X20' }, { size: '30X20' }] }
const complete = options(configurator, config)

describe('options() within a work budget', () => {
  it('answers in full within the default budget, and says nothing about truncation', () => {
    expect(complete.ok).toBe(true)
    expect(complete.truncated).toBeUndefined()
  })

  it('stops short when the budget runs out, keeps the domains done and lists the rest', () => {
    const result = options(configurator, config, { budget: 5 })
    expect(result.ok).toBe(true)
    expect(result.truncated?.reason).toBe('work_budget')
    expect(result.truncated?.message).toMatch(/^the answer needs more than 5 checks/)
    const done = result.options.map((d) => d.path)
    expect([...done, ...(result.truncated?.skipped ?? [])]).toEqual(
      complete.options.map((d) => d.path),
    )
    expect(result.options).toEqual(complete.options.slice(0, done.length))
  })

  it('stops when the signal has aborted', () => {
    // any AbortSignal, or anything with `aborted`
    const result = options(configurator, config, { signal: { aborted: true } })
    expect(result.truncated?.reason).toBe('aborted')
    expect(result.options).toEqual([])
    expect(result.truncated?.skipped).toEqual(complete.options.map((d) => d.path))
  })

  it('lists at most maxReasons reasons per ruled-out value and counts the others', () => {
    // two SHELF accessories on a short sink: every other value keeps both errors
    const shelves = { ...config, accessories: [{ id: 'SHELF' }, { id: 'SHELF' }] }
    const full = options(configurator, shelves)
    const capped = options(configurator, shelves, { maxReasons: 1 })
    const before = full.options.flatMap((d) => d.ruledOut).find((r) => r.reasons.length === 2)
    expect(before).toBeDefined()
    const after = capped.options
      .flatMap((d) => d.ruledOut)
      .find((r) => JSON.stringify(r.value) === JSON.stringify(before?.value))
    expect(after?.reasons).toEqual(before?.reasons.slice(0, 1))
    expect(after?.moreReasons).toBe(1)
    expect(full.options.flatMap((d) => d.ruledOut).some((r) => 'moreReasons' in r)).toBe(false)
  })

  it('refuses a budget that is not a whole number >= 1', () => {
    expect(() => options(configurator, config, { budget: 0 })).toThrow(ConfiguratorError)
    expect(() => options(configurator, config, { maxReasons: -1 })).toThrow(
      'options(): maxReasons must be a whole number >= 0, received -1',
    )
  })
})

describe('optionsAsync()', () => {
  it('gives the same answer as options()', async () => {
    expect(await optionsAsync(configurator, config, { sliceMs: 0 })).toEqual(complete)
  })

  it('stops when the signal aborts during a pause', async () => {
    const signal = { aborted: false }
    const running = optionsAsync(configurator, config, { signal, sliceMs: 0 })
    signal.aborted = true
    const result = await running
    expect(result.truncated?.reason).toBe('aborted')
    expect(result.options.length).toBeGreaterThan(0)
    expect(result.options.length).toBeLessThan(complete.options.length)
  })
})

describe('explain() within a trace budget', () => {
  const accessories = Array.from({ length: 30 }, () => ({ id: 'LIGHT' }))
  const many = { ...config, accessories }

  it('traces every rule within the default budget', () => {
    const explanation = explain(configurator, many, 'LIGHT')
    expect(explanation.truncated).toBeUndefined()
    expect(explanation.rules.length).toBeGreaterThan(30)
  })

  it('stops after the budget and says so; the verdict still holds', () => {
    const explanation = explain(configurator, many, { item: 'LIGHT', budget: 10 })
    expect(explanation.rules).toHaveLength(10)
    expect(explanation.verdict).toBe('added')
    expect(explanation.truncated).toEqual({
      reason: 'work_budget',
      message:
        'the explanation stops after 10 rule traces (its budget); later rules and list elements are not traced',
    })
  })

  it('stops when the signal has aborted', () => {
    const explanation = explain(configurator, many, { item: 'LIGHT', signal: { aborted: true } })
    expect(explanation.rules).toEqual([])
    expect(explanation.truncated?.reason).toBe('aborted')
  })
})
