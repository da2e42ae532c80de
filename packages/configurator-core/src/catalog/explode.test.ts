import { describe, expect, it } from 'vitest'
import { ConfiguratorError } from '../errors.js'
import type { ExplodedLine } from './explode.js'
import { explode, flatten, whereUsed } from './explode.js'
import type { Catalog } from './graph.js'
import { buildCatalog } from './graph.js'

interface Line {
  id: string
  quantity: number | string
  notes?: string
}

/** a catalog from `{ id: components }`; ids with no entry are parts */
function catalogOf(structure: Record<string, Line[]>, aliases: Record<string, string[]> = {}) {
  const ids = new Set(Object.keys(structure))
  for (const lines of Object.values(structure)) for (const line of lines) ids.add(line.id)
  for (const alias of Object.values(aliases).flat()) ids.delete(alias)
  const result = buildCatalog({
    categories: [],
    subcategories: [],
    items: [...ids].map((id) => ({
      id,
      name: `${id} NAME`,
      kind: id in structure ? 'assembly' : 'part',
      ...(aliases[id] === undefined ? {} : { aliases: aliases[id] }),
      ...(structure[id] === undefined ? {} : { components: structure[id] }),
    })),
  })
  return result.catalog
}

/** the tree as `quantity id` lines, indented by level, with notes in brackets */
function outline(line: ExplodedLine): string[] {
  const notes = line.notes === undefined ? '' : ` [${line.notes}]`
  return [
    `${'  '.repeat(line.level)}${line.quantity} ${line.id}${notes}`,
    ...line.children.flatMap(outline),
  ]
}

function thrown(work: () => unknown): ConfiguratorError {
  try {
    work()
  } catch (error) {
    if (error instanceof ConfiguratorError) return error
    throw error
  }
  throw new Error('expected a ConfiguratorError, nothing was thrown')
}

// TOP ─2─ SUB ─3─ SUB2 ─4─ SCREW, and SCREW and WASHER elsewhere
const fixture = catalogOf({
  TOP: [
    { id: 'SUB', quantity: 2, notes: 'left side' },
    { id: 'SCREW', quantity: 1 },
  ],
  SUB: [
    { id: 'SUB2', quantity: 3 },
    { id: 'WASHER', quantity: 1 },
  ],
  SUB2: [{ id: 'SCREW', quantity: 4, notes: 'M4' }],
})

describe('explode()', () => {
  it('gives each child its parent quantity times the component quantity, at every level', () => {
    const tree = explode(fixture, 'TOP', 2)
    expect(outline(tree)).toEqual([
      '2 TOP',
      '  4 SUB [left side]',
      '    12 SUB2',
      '      48 SCREW [M4]',
      '    4 WASHER',
      '  2 SCREW',
    ])
    expect(tree).toMatchObject({ id: 'TOP', name: 'TOP NAME', level: 0 })
    expect(tree.notes).toBeUndefined()
  })

  it('explodes one of the item when no quantity is given', () => {
    expect(outline(explode(fixture, 'SUB2'))).toEqual(['1 SUB2', '  4 SCREW [M4]'])
  })

  it('gives a part a tree of one line', () => {
    expect(explode(fixture, 'SCREW', 5)).toEqual({
      id: 'SCREW',
      name: 'SCREW NAME',
      quantity: '5',
      level: 0,
      children: [],
    })
  })

  it('keeps the catalog’s component order, not id order', () => {
    const catalog = catalogOf({
      K: [
        { id: 'Z', quantity: 1 },
        { id: 'A', quantity: 1 },
        { id: 'M', quantity: 1 },
      ],
    })
    expect(explode(catalog, 'K').children.map((line) => line.id)).toEqual(['Z', 'A', 'M'])
  })

  it('resolves an alias to its item: exploding ASSY-X explodes X', () => {
    const catalog = catalogOf(
      { KIT: [{ id: 'ASSY-PLATE', quantity: 2 }], PLATE: [{ id: 'BOLT', quantity: 4 }] },
      { PLATE: ['ASSY-PLATE'] },
    )
    expect(outline(explode(catalog, 'ASSY-PLATE'))).toEqual(['1 PLATE', '  4 BOLT'])
    expect(outline(explode(catalog, 'KIT'))).toEqual(['1 KIT', '  2 PLATE', '    8 BOLT'])
  })

  it('multiplies decimal quantities exactly: 0.1 × 3 is 0.3', () => {
    const catalog = catalogOf({ K: [{ id: 'P', quantity: 0.1 }], L: [{ id: 'K', quantity: 0.1 }] })
    expect(explode(catalog, 'K', 3).children[0]?.quantity).toBe('0.3')
    expect(outline(explode(catalog, 'L', 0.1))).toEqual(['0.1 L', '  0.01 K', '    0.001 P'])
  })

  it('accepts a quantity written as a decimal string', () => {
    expect(outline(explode(fixture, 'SUB', '2.5'))).toEqual([
      '2.5 SUB',
      '  7.5 SUB2',
      '    30 SCREW [M4]',
      '  2.5 WASHER',
    ])
    expect(explode(fixture, 'SUB', '3').children[0]?.quantity).toBe('9')
    expect(explode(fixture, 'SUB', '1.0000000000000001').children[1]?.quantity).toBe(
      '1.0000000000000001',
    )
  })

  it('writes huge quantities as exact decimals, never as 1e+21', () => {
    const catalog = catalogOf({
      K: [{ id: 'P', quantity: 1e21 }],
      L1: [{ id: 'P', quantity: 1000003 }],
      L2: [{ id: 'L1', quantity: 1000003 }],
      L3: [{ id: 'L2', quantity: 1000003 }],
      L4: [{ id: 'L3', quantity: 1000003 }],
    })
    expect(explode(catalog, 'K', 3).children[0]?.quantity).toBe('3000000000000000000000')
    expect(explode(catalog, 'L1', '1e21').quantity).toBe('1000000000000000000000')
    // past 2^53 plain numbers round: 1000003⁴ ends in …081
    expect(
      explode(catalog, 'L4').children[0]?.children[0]?.children[0]?.children[0]?.quantity,
    ).toBe((1000003n ** 4n).toString())
    expect(explode(catalog, 'L1', Number.MAX_SAFE_INTEGER).children[0]?.quantity).toBe(
      (BigInt(Number.MAX_SAFE_INTEGER) * 1000003n).toString(),
    )
  })

  it('throws unknown_item for an id the catalog does not hold', () => {
    const error = thrown(() => explode(fixture, 'T2-BODY-48-60-HA'))
    expect(error).toBeInstanceOf(Error)
    expect(error.name).toBe('ConfiguratorError')
    expect(error.code).toBe('unknown_item')
    expect(error.message).toMatchInlineSnapshot(
      `"explode(): item "T2-BODY-48-60-HA" is not in the catalog; was it loaded with loadCatalog()?"`,
    )
  })

  it('throws invalid_argument for a quantity that is not a positive number', () => {
    for (const quantity of [0, -1, Number.NaN, Number.POSITIVE_INFINITY, '', 'two', '-2.5']) {
      expect(thrown(() => explode(fixture, 'TOP', quantity)).code).toBe('invalid_argument')
    }
    expect(
      [-1, Number.NaN, 'two'].map(
        (quantity) => thrown(() => explode(fixture, 'TOP', quantity)).message,
      ),
    ).toMatchInlineSnapshot(`
      [
        "explode(): quantity must be a positive number, received -1",
        "explode(): quantity must be a positive number, received NaN",
        "explode(): quantity must be a positive number, received "two"",
      ]
    `)
  })
})

describe('flatten()', () => {
  it('sums a part over every place it appears, sorted by id, leaving out assemblies', () => {
    expect(flatten(fixture, 'TOP', 2)).toEqual([
      { id: 'SCREW', name: 'SCREW NAME', quantity: '50' },
      { id: 'WASHER', name: 'WASHER NAME', quantity: '4' },
    ])
  })

  it('sums over several roots', () => {
    expect(
      flatten(fixture, [
        { id: 'TOP', quantity: 1 },
        { id: 'SUB', quantity: '0.5' },
        { id: 'WASHER', quantity: 3 },
      ]),
    ).toEqual([
      { id: 'SCREW', name: 'SCREW NAME', quantity: '31' },
      { id: 'WASHER', name: 'WASHER NAME', quantity: '5.5' },
    ])
    expect(flatten(fixture, [])).toEqual([])
  })

  it('gives a part itself', () => {
    expect(flatten(fixture, 'WASHER', 7)).toEqual([
      { id: 'WASHER', name: 'WASHER NAME', quantity: '7' },
    ])
  })

  it('sums past 2^53 exactly', () => {
    const catalog = catalogOf({ K: [{ id: 'P', quantity: Number.MAX_SAFE_INTEGER }] })
    expect(
      flatten(catalog, [
        { id: 'K', quantity: 1 },
        { id: 'K', quantity: 1 },
      ]),
    ).toEqual([
      { id: 'P', name: 'P NAME', quantity: (BigInt(Number.MAX_SAFE_INTEGER) * 2n).toString() },
    ])
  })

  it('names itself in its errors', () => {
    expect(thrown(() => flatten(fixture, 'NOPE')).message).toMatchInlineSnapshot(
      `"flatten(): item "NOPE" is not in the catalog; was it loaded with loadCatalog()?"`,
    )
    expect(
      thrown(() => flatten(fixture, [{ id: 'TOP', quantity: -3 }])).message,
    ).toMatchInlineSnapshot(`"flatten(): quantity must be a positive number, received -3"`)
  })
})

describe('whereUsed()', () => {
  it('lists every assembly that holds the item, directly or not, with its path and quantity', () => {
    expect(
      whereUsed(fixture, 'SCREW').map(
        (line) => `${line.path.join(' > ')}: ${line.quantity}${line.direct ? ' (direct)' : ''}`,
      ),
    ).toEqual([
      'SUB > SUB2 > SCREW: 12',
      'SUB2 > SCREW: 4 (direct)',
      'TOP > SCREW: 1 (direct)',
      'TOP > SUB > SUB2 > SCREW: 24',
    ])
    expect(whereUsed(fixture, 'SUB2')[0]).toEqual({
      id: 'SUB',
      name: 'SUB NAME',
      quantity: '3',
      path: ['SUB', 'SUB2'],
      direct: true,
    })
  })

  it('gives nothing for an item no assembly holds', () => {
    expect(whereUsed(fixture, 'TOP')).toEqual([])
  })

  it('resolves an alias, and multiplies decimals exactly', () => {
    const catalog = catalogOf(
      { KIT: [{ id: 'ASSY-PLATE', quantity: 0.1 }], PLATE: [{ id: 'BOLT', quantity: 3 }] },
      { PLATE: ['ASSY-PLATE'] },
    )
    expect(whereUsed(catalog, 'ASSY-PLATE').map((line) => line.quantity)).toEqual(['0.1'])
    expect(whereUsed(catalog, 'BOLT').map((line) => [line.path, line.quantity])).toEqual([
      [['KIT', 'PLATE', 'BOLT'], '0.3'],
      [['PLATE', 'BOLT'], '3'],
    ])
  })

  it('throws unknown_item for an id the catalog does not hold', () => {
    expect(thrown(() => whereUsed(fixture, 'NOPE')).message).toMatchInlineSnapshot(
      `"whereUsed(): item "NOPE" is not in the catalog; was it loaded with loadCatalog()?"`,
    )
  })
})

describe('a catalog with a cycle', () => {
  // A → B → A, TOP holds the cycle, K → P stands apart
  const cyclic: Catalog = catalogOf({
    A: [
      { id: 'B', quantity: 1 },
      { id: 'P', quantity: 1 },
    ],
    B: [{ id: 'A', quantity: 2 }],
    TOP: [{ id: 'A', quantity: 1 }],
    K: [{ id: 'P', quantity: 3 }],
  })

  it('is built, and knows it has a cycle', () => {
    expect(cyclic.acyclic).toBe(false)
  })

  it('throws cycle from explode() of an item on the cycle, or above it, rather than hanging', () => {
    const error = thrown(() => explode(cyclic, 'A'))
    expect(error.code).toBe('cycle')
    expect(error.message).toMatchInlineSnapshot(
      `"explode(): "A" contains itself; the catalog has a cycle"`,
    )
    expect(thrown(() => explode(cyclic, 'TOP')).code).toBe('cycle')
    expect(thrown(() => flatten(cyclic, 'B')).message).toMatchInlineSnapshot(
      `"flatten(): "B" contains itself; the catalog has a cycle"`,
    )
    expect(thrown(() => whereUsed(cyclic, 'A')).code).toBe('cycle')
  })

  it('explodes, flattens and traces an unrelated item as usual', () => {
    expect(outline(explode(cyclic, 'K', 2))).toEqual(['2 K', '  6 P'])
    expect(flatten(cyclic, 'K')).toEqual([{ id: 'P', name: 'P NAME', quantity: '3' }])
    expect(whereUsed(cyclic, 'TOP')).toEqual([])
  })
})
