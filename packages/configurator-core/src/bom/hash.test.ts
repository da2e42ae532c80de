import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { canonicalJson, sha256 } from './hash.js'

describe('sha256()', () => {
  it('gives the published test vectors', () => {
    expect(sha256('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855')
    expect(sha256('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad')
    expect(sha256('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    )
    expect(sha256('a'.repeat(1000))).toBe(
      '41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3',
    )
    expect(sha256('8-32 PAN HEAD SCREWS 1/2" ¼″')).toHaveLength(64)
  })
})

describe('canonicalJson()', () => {
  it('is the same text for values equal up to key order', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const shuffled = JSON.parse(
          JSON.stringify(value, (_key, v: unknown) =>
            v !== null && typeof v === 'object' && !Array.isArray(v)
              ? Object.fromEntries(Object.entries(v).reverse())
              : v,
          ),
        ) as unknown
        expect(canonicalJson(shuffled)).toBe(canonicalJson(value))
        // it reads back as the same value (compared as text: JSON has no -0)
        expect(canonicalJson(JSON.parse(canonicalJson(value)))).toBe(canonicalJson(value))
      }),
    )
  })
})

describe('sha256() of text beyond ASCII', () => {
  it('hashes the UTF-8 bytes, as every other SHA-256 does', () => {
    // echo -n '¼″ é 😀' | sha256sum
    expect(sha256('¼″ é 😀')).toBe(
      '8dd5b360b6ce46f93921b3f907082cf2f3a0e0d2d07796539db065291bded0f1',
    )
  })
})
