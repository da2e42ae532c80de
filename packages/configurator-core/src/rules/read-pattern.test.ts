import { describe, expect, it } from 'vitest'
import { bindElement } from './element-binding.js'
import { ANY_INDEX, CURRENT_INDEX, SHALLOW, readTouches, readsTouchAny } from './read-pattern.js'

describe('readTouches', () => {
  it('touches a path below or above the pattern, not beside it', () => {
    expect(readTouches(['sink'], ['sink', 'lengthIn'])).toBe(true)
    expect(readTouches(['sink', 'lengthIn'], ['sink'])).toBe(true)
    expect(readTouches(['sink', 'lengthIn'], ['sink', 'widthIn'])).toBe(false)
    expect(readTouches(['sink'], [])).toBe(true)
  })

  it('reads a shallow pattern from above only: a list read, not its contents', () => {
    const pattern = ['basins', SHALLOW]
    expect(readTouches(pattern, ['basins'])).toBe(true)
    expect(readTouches(pattern, [])).toBe(true)
    expect(readTouches(pattern, ['basins', 0])).toBe(false)
  })

  it('matches ANY_INDEX with every index and every key (`[*]` and `.*`)', () => {
    expect(readTouches(['basins', ANY_INDEX, 'type'], ['basins', 3, 'type'])).toBe(true)
    expect(readTouches(['sink', ANY_INDEX], ['sink', 'lengthIn'])).toBe(true)
    expect(readTouches(['basins', ANY_INDEX, 'type'], ['basins', 3, 'drain'])).toBe(false)
  })

  it('matches CURRENT_INDEX with the element given, and with any element when none is', () => {
    const pattern = ['basins', CURRENT_INDEX, 'type']
    expect(readTouches(pattern, ['basins', 1, 'type'], 1)).toBe(true)
    expect(readTouches(pattern, ['basins', 1, 'type'], 0)).toBe(false)
    expect(readTouches(pattern, ['basins', 1, 'type'])).toBe(true)
    expect(readTouches(pattern, ['basins', 0, 'type'])).toBe(true)
    // an element is a list index, never a key
    expect(readTouches(pattern, ['basins', 'type'])).toBe(false)
    // a change of the whole list reaches every element
    expect(readTouches(pattern, ['basins'], 0)).toBe(true)
  })

  it('matches nothing with a SHALLOW that does not end the pattern', () => {
    expect(readTouches(['list', SHALLOW, ANY_INDEX], ['list', 0, 0])).toBe(false)
    expect(readTouches(['list', SHALLOW, ANY_INDEX], ['list'])).toBe(true)
  })
})

describe('readsTouchAny', () => {
  it('asks every pattern against every path with the same element', () => {
    const reads = [['finish'], ['basins', CURRENT_INDEX, 'type']]
    expect(readsTouchAny(reads, [['basins', 2, 'type']], 2)).toBe(true)
    expect(readsTouchAny(reads, [['basins', 2, 'type']], 1)).toBe(false)
    expect(readsTouchAny(reads, [['pegboard'], ['finish', 'code']], 1)).toBe(true)
    expect(readsTouchAny(reads, [])).toBe(false)
  })
})

describe('bindElement', () => {
  it('binds the element, its index and its number', () => {
    const values: unknown[] = ['before', undefined, undefined, undefined]
    bindElement(values, [1, 2, 3], { list: ['a', 'b', 'c'], index: 2 })
    expect(values).toEqual(['before', 'c', 2, 3])
  })
})
