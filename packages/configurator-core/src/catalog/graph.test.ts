import { describe, expect, it } from 'vitest'
import { formatIssue } from '../issues.js'
import { explode, flatten } from './explode.js'
import { buildCatalog } from './graph.js'
import type { CatalogData, Item } from './types.js'

/** a small basin kit: a part with an `ASSY-` twin, notes, a subcategory index */
function sink(): CatalogData {
  return {
    categories: [
      { code: '719', name: 'BASINS' },
      { code: '718', name: 'CONTROL BOX' },
    ],
    subcategories: [
      { code: '719.016', categoryCode: '719', name: 'KITS', itemRefs: ['T2-BSN-EDR-KIT'] },
      { code: '718.001', categoryCode: '718', name: 'BOXES' },
    ],
    items: [
      {
        id: 'T2-BSN-EDR-KIT',
        name: 'EDRAIN BASIN KIT',
        kind: 'assembly',
        subcategoryCode: '719.016',
        components: [
          { id: 'T2-DRAIN-VALVE', quantity: 1 },
          { id: 'ASSY-T2-BASKET', quantity: 2, notes: 'black' },
        ],
      },
      {
        id: 'T2-BASKET',
        name: 'BASKET',
        kind: 'part',
        aliases: ['ASSY-T2-BASKET'],
        components: [{ id: 'SCREW', quantity: 4 }],
      },
      { id: 'T2-DRAIN-VALVE', name: 'DRAIN VALVE', kind: 'part' },
      { id: 'SCREW', name: 'SCREW', kind: 'part' },
    ],
  }
}

/** a catalog of `items` with one category and subcategory, `1.1` */
function withItems(items: unknown[]): unknown {
  return {
    categories: [{ code: '1', name: 'ALL' }],
    subcategories: [{ code: '1.1', categoryCode: '1', name: 'ALL' }],
    items,
  }
}

function formatted(data: unknown): string[] {
  return buildCatalog(data).issues.map(formatIssue)
}

function assembly(id: string, components: unknown[]): Record<string, unknown> {
  return { id, name: id, kind: 'assembly', components }
}

function part(id: string): Item {
  return { id, name: id, kind: 'part' }
}

describe('buildCatalog()', () => {
  it('builds a valid catalog with no issues, items sorted by id', () => {
    const { catalog, issues, ok } = buildCatalog(sink())
    expect(issues).toEqual([])
    expect(ok).toBe(true)
    expect(catalog.items.map((item) => item.id)).toEqual([
      'SCREW',
      'T2-BASKET',
      'T2-BSN-EDR-KIT',
      'T2-DRAIN-VALVE',
    ])
    expect(catalog.nodes.map((node) => node.index)).toEqual([0, 1, 2, 3])
    expect(catalog.categories.map((c) => c.code)).toEqual(['718', '719'])
    expect(catalog.subcategories.map((s) => s.code)).toEqual(['718.001', '719.016'])
    expect(catalog.acyclic).toBe(true)
    expect(catalog.integralQuantities).toBe(true)
  })

  it('resolves an alias to its item: ASSY-X is X', () => {
    const { catalog } = buildCatalog(sink())
    expect(catalog.resolve('ASSY-T2-BASKET')).toBe('T2-BASKET')
    expect(catalog.resolve('T2-BASKET')).toBe('T2-BASKET')
    expect(catalog.resolve('T2-BASKETS')).toBeUndefined()
    expect(catalog.get('ASSY-T2-BASKET')?.name).toBe('BASKET')
    expect(catalog.node('ASSY-T2-BASKET')).toBe(catalog.node('T2-BASKET'))
    expect(catalog.get('NOPE')).toBeUndefined()
    expect(catalog.node('NOPE')).toBeUndefined()
    expect([...catalog.ids()].sort()).toEqual([
      'ASSY-T2-BASKET',
      'SCREW',
      'T2-BASKET',
      'T2-BSN-EDR-KIT',
      'T2-DRAIN-VALVE',
    ])
  })

  it('links a component given by alias to the canonical item', () => {
    const { catalog } = buildCatalog(sink())
    const kit = catalog.node('T2-BSN-EDR-KIT')
    expect(kit?.children.map((index) => catalog.nodes[index]?.item.id)).toEqual([
      'T2-DRAIN-VALVE',
      'T2-BASKET',
    ])
    expect(kit?.quantities).toEqual([1, 2])
    expect(kit?.notes).toEqual([null, 'black'])
    expect(catalog.parentsOf('ASSY-T2-BASKET')).toEqual(['T2-BSN-EDR-KIT'])
    expect(catalog.parentsOf('SCREW')).toEqual(['T2-BASKET'])
    expect(catalog.parentsOf('T2-BSN-EDR-KIT')).toEqual([])
    expect(catalog.parentsOf('NOPE')).toEqual([])
  })

  it('lists the parents of an item once each, sorted by id', () => {
    const { catalog } = buildCatalog(
      withItems([
        assembly('Z', [{ id: 'P', quantity: 1 }]),
        assembly('B', [
          { id: 'P', quantity: 1 },
          { id: 'P', quantity: 2 },
        ]),
        assembly('M', [{ id: 'P', quantity: 1 }]),
        part('P'),
      ]),
    )
    expect(catalog.parentsOf('P')).toEqual(['B', 'M', 'Z'])
  })

  it('finds the items whose own subcategory is a code, sorted by id', () => {
    const data = sink()
    data.items.push({ id: 'A-BOX', name: 'BOX', kind: 'part', subcategoryCode: '719.016' })
    const { catalog } = buildCatalog(data)
    expect(catalog.itemsIn('719.016').map((item) => item.id)).toEqual(['A-BOX', 'T2-BSN-EDR-KIT'])
    expect(catalog.itemsIn('718.001')).toEqual([])
    expect(catalog.itemsIn('nope')).toEqual([])
  })

  it('reports data that is not a catalog at all', () => {
    expect(formatted(null)).toMatchInlineSnapshot(`
      [
        "expected object, received null",
      ]
    `)
    expect(formatted({ categories: [], items: {}, parts: [] })).toMatchInlineSnapshot(`
      [
        "items: expected array, received an object",
        "parts: unknown key "parts"",
        "subcategories: required: expected array",
      ]
    `)
    expect(buildCatalog([]).ok).toBe(false)
    expect(buildCatalog('catalog').catalog.items).toEqual([])
  })

  it('reports every malformed entry at once, with its path', () => {
    expect(
      formatted({
        categories: [{ code: '', name: 'EMPTY' }, 'BASINS', { code: '1', name: 'ALL' }],
        subcategories: [{ code: '1.1', name: 'NO CATEGORY' }],
        items: [
          { id: 'A', kind: 'assembly' },
          { id: 'B', name: 'B', kind: 'assmebly' },
          { id: 'C', name: 'C', kind: 'part', colour: 'red' },
          { id: 'D', name: 'D', kind: 'part', components: {} },
          42,
        ],
      }),
    ).toMatchInlineSnapshot(`
      [
        "categories[0].code: expected text of at least 1 characters, received """,
        "categories[1]: expected object, received "BASINS"",
        "items[0].name: required: expected string",
        "items[1].kind: expected one of "part" | "assembly", received "assmebly" (did you mean "assembly"?)",
        "items[2].colour: unknown key "colour"",
        "items[3].components: expected array, received an object",
        "items[4]: expected object, received 42",
        "subcategories[0].categoryCode: required: expected string",
      ]
    `)
  })

  it('reports a duplicate id, a duplicate alias and an alias that is another item’s id', () => {
    const { catalog, issues, ok } = buildCatalog(
      withItems([
        part('P'),
        { ...part('P'), name: 'SECOND P' },
        { ...part('Q'), aliases: ['ASSY-P'] },
        { ...part('R'), aliases: ['ASSY-P', 'P'] },
        assembly('K', [
          { id: 'P', quantity: 1 },
          { id: 'Q', quantity: 1 },
          { id: 'R', quantity: 1 },
        ]),
      ]),
    )
    expect(ok).toBe(false)
    expect(issues.every((issue) => issue.code === 'duplicate_id')).toBe(true)
    expect(issues.map(formatIssue)).toMatchInlineSnapshot(`
      [
        "items[1]: id "P" is already used at items/0",
        "items[3].aliases: id "ASSY-P" is already used at items/2",
        "items[3].aliases: id "P" is already used at items/0",
      ]
    `)
    // the first definition wins
    expect(catalog.get('P')?.name).toBe('P')
    expect(catalog.resolve('ASSY-P')).toBe('Q')
  })

  it('reports a category or subcategory defined twice', () => {
    expect(
      formatted({
        categories: [
          { code: '1', name: 'ALL' },
          { code: '1', name: 'AGAIN' },
        ],
        subcategories: [
          { code: '1.1', categoryCode: '1', name: 'ALL' },
          { code: '1.1', categoryCode: '1', name: 'AGAIN' },
        ],
        items: [],
      }),
    ).toMatchInlineSnapshot(`
      [
        "categories[1]: category 1 is defined twice",
        "subcategories[1]: subcategory 1.1 is defined twice",
      ]
    `)
  })

  it('reports a component and a subcategory entry that name no item', () => {
    const data = withItems([
      assembly('K', [
        { id: 'P', quantity: 1 },
        { id: 'T2-DRAIN-VALVEX', quantity: 1 },
      ]),
      part('P'),
    ]) as CatalogData
    data.subcategories[0] = {
      code: '1.1',
      categoryCode: '1',
      name: 'ALL',
      itemRefs: ['K', 'T2-KITX'],
    }
    const { catalog, issues } = buildCatalog(data)
    expect(issues.map(formatIssue)).toMatchInlineSnapshot(`
      [
        "items[0].components[1].id: "T2-DRAIN-VALVEX" is neither a part nor an assembly",
        "subcategories["1.1"].itemRefs[1]: subcategory 1.1 lists "T2-KITX", which is neither a part nor an assembly",
      ]
    `)
    expect(issues.every((issue) => issue.code === 'dangling_reference')).toBe(true)
    // the bad edge is left out, the rest of the graph is usable
    expect(catalog.node('K')?.children).toHaveLength(1)
    expect(flatten(catalog, 'K')).toEqual([{ id: 'P', name: 'P', quantity: '1' }])
  })

  it('reports a subcategory of an unknown category and an item of an unknown subcategory', () => {
    const data = withItems([{ ...part('P'), subcategoryCode: '1.2' }]) as CatalogData
    data.subcategories.push({ code: '2.1', categoryCode: '2', name: 'ORPHAN', itemRefs: ['P'] })
    const { issues } = buildCatalog(data)
    expect(issues.map((issue) => issue.code)).toEqual(['unknown_subcategory', 'unknown_category'])
    expect(issues.map(formatIssue)).toMatchInlineSnapshot(`
      [
        "items[0].subcategoryCode: "P" is in subcategory "1.2", which the categories do not define",
        "subcategories[1].categoryCode: subcategory 2.1 belongs to category "2", which is not defined",
      ]
    `)
  })

  it('reports a quantity that is not a positive number', () => {
    const { catalog, issues } = buildCatalog(
      withItems([
        assembly('K', [
          { id: 'P', quantity: 0 },
          { id: 'P', quantity: -2 },
          { id: 'P', quantity: '2' },
          { id: 'P' },
          { id: 'P', quantity: Number.NaN },
          { id: 'P', quantity: Number.POSITIVE_INFINITY },
          { id: 'P', quantity: 3 },
        ]),
        part('P'),
      ]),
    )
    expect(issues.every((issue) => issue.code === 'invalid_quantity')).toBe(true)
    expect(issues.map(formatIssue)).toMatchInlineSnapshot(`
      [
        "items[0].components[0].quantity: quantity must be a positive number: expected number > 0, received 0",
        "items[0].components[1].quantity: quantity must be a positive number: expected number > 0, received -2",
        "items[0].components[2].quantity: quantity must be a positive number: expected number, received "2"",
        "items[0].components[3].quantity: quantity must be a positive number: required: expected number",
        "items[0].components[4].quantity: quantity must be a positive number: expected number, received NaN",
        "items[0].components[5].quantity: quantity must be a positive number: expected number, received Infinity",
      ]
    `)
    expect(catalog.node('K')?.quantities).toEqual([3])
  })

  it('accepts decimal quantities, and says that plain numbers no longer multiply exactly', () => {
    const { catalog, ok } = buildCatalog(
      withItems([assembly('K', [{ id: 'P', quantity: 0.1 }]), part('P')]),
    )
    expect(ok).toBe(true)
    expect(catalog.integralQuantities).toBe(false)
  })

  it('reports a cycle with its path, starting from its smallest id', () => {
    const { catalog, issues, ok } = buildCatalog(
      withItems([
        assembly('C', [{ id: 'A', quantity: 1 }]),
        assembly('B', [{ id: 'C', quantity: 1 }]),
        assembly('A', [
          { id: 'P', quantity: 1 },
          { id: 'B', quantity: 2 },
        ]),
        part('P'),
      ]),
    )
    expect(ok).toBe(false)
    expect(catalog.acyclic).toBe(false)
    expect(issues.map(formatIssue)).toMatchInlineSnapshot(`
      [
        "items[2].components[1]: cycle: A → B → C → A",
      ]
    `)
  })

  it('reports each of several cycles once, including an item that lists itself among others', () => {
    const { issues } = buildCatalog(
      withItems([
        assembly('A', [{ id: 'B', quantity: 1 }]),
        assembly('B', [{ id: 'A', quantity: 1 }]),
        assembly('S', [
          { id: 'P', quantity: 1 },
          { id: 'S', quantity: 1 },
        ]),
        assembly('X', [{ id: 'ASSY-Y', quantity: 1 }]),
        { ...assembly('Y', [{ id: 'X', quantity: 1 }]), aliases: ['ASSY-Y'] },
        assembly('TOP', [
          { id: 'A', quantity: 1 },
          { id: 'X', quantity: 1 },
        ]),
        part('P'),
      ]),
    )
    expect(issues.map(formatIssue)).toMatchInlineSnapshot(`
      [
        "items[0].components[0]: cycle: A → B → A",
        "items[2].components[1]: cycle: S → S",
        "items[3].components[0]: cycle: X → Y → X",
      ]
    `)
  })

  it('treats an item whose only component is itself as a leaf, with a warning', () => {
    const { catalog, issues, ok } = buildCatalog(
      withItems([
        assembly('K', [{ id: 'P', quantity: 2 }]),
        { ...part('P'), components: [{ id: 'P', quantity: 1 }] },
      ]),
    )
    expect(ok).toBe(true)
    expect(catalog.acyclic).toBe(true)
    expect(issues.map(formatIssue)).toMatchInlineSnapshot(`
      [
        "items[1].components[0]: "P" lists only itself as a component; it is treated as a leaf",
      ]
    `)
    expect(issues[0]?.severity).toBe('warning')
    expect(explode(catalog, 'P')).toEqual({
      id: 'P',
      name: 'P',
      quantity: '1',
      level: 0,
      children: [],
    })
    expect(flatten(catalog, 'K')).toEqual([{ id: 'P', name: 'P', quantity: '2' }])
  })

  it('warns about a part no assembly uses, unless a subcategory lists it, by id or alias', () => {
    const data = withItems([
      assembly('K', [{ id: 'USED', quantity: 1 }]),
      part('USED'),
      part('UNUSED'),
      part('LISTED'),
      { ...part('TWIN'), aliases: ['ASSY-TWIN'] },
      assembly('LONE-ASSEMBLY', []),
    ]) as CatalogData
    data.subcategories[0] = {
      code: '1.1',
      categoryCode: '1',
      name: 'ALL',
      itemRefs: ['LISTED', 'ASSY-TWIN'],
    }
    const { issues, ok } = buildCatalog(data)
    expect(ok).toBe(true)
    expect(issues.map((issue) => issue.severity)).toEqual(['warning'])
    expect(issues.map(formatIssue)).toMatchInlineSnapshot(`
      [
        "items[2]: part "UNUSED" is used by no assembly",
      ]
    `)
  })

  it('names the source file and path of each problem, in the source’s own field names', () => {
    const assemblies = 'assemblies.json'
    const { issues } = buildCatalog({
      categories: [
        { code: '1', name: 'ALL', source: { file: 'categories.json', path: ['categories', '1'] } },
      ],
      subcategories: [
        {
          code: '1.1',
          categoryCode: '9',
          name: 'KITS',
          itemRefs: ['NOPE'],
          source: {
            file: 'categories.json',
            path: ['categories', '1', 'subcategories', '1.1'],
            fields: { itemRefs: ['assembly_refs'], categoryCode: [] },
          },
        },
      ],
      items: [
        {
          id: 'T2-BSN-EDR-KIT',
          name: 'KIT',
          kind: 'assembly',
          subcategoryCode: '1.9',
          source: {
            file: assemblies,
            path: ['assemblies', 'T2-BSN-EDR-KIT'],
            fields: { subcategoryCode: ['subcategory_code'] },
          },
          components: [
            { id: 'T2-DRAIN-VALVE', quantity: 1 },
            {
              id: 'T2-DRAIN-VALVEX',
              quantity: 1,
              source: {
                file: assemblies,
                path: ['assemblies', 'T2-BSN-EDR-KIT', 'components', 1],
                fields: { id: ['part_id'] },
              },
            },
            {
              id: 'T2-DRAIN-VALVE',
              quantity: -1,
              source: {
                file: assemblies,
                path: ['assemblies', 'T2-BSN-EDR-KIT', 'components', 2],
                fields: { quantity: ['qty'] },
              },
            },
            { id: 'T2-DRAIN-VALVE', quantity: 0 },
          ],
        },
        {
          id: 'T2-DRAIN-VALVE',
          name: 'VALVE',
          kind: 'part',
          source: { file: 'parts.json', path: ['parts', 'T2-DRAIN-VALVE'] },
        },
        {
          id: 'T2-DRAIN-VALVE',
          name: 'VALVE AGAIN',
          kind: 'part',
          source: { file: 'parts.json', path: ['parts', 'T2-DRAIN-VALVE (2)'] },
        },
        {
          id: 'ORPHAN',
          name: 'ORPHAN',
          kind: 'part',
          source: { file: 'parts.json', path: ['parts', 'ORPHAN'] },
        },
      ],
    })
    expect(issues.map(formatIssue)).toMatchInlineSnapshot(`
      [
        "assemblies.json: assemblies["T2-BSN-EDR-KIT"].components[1].part_id: "T2-DRAIN-VALVEX" is neither a part nor an assembly",
        "assemblies.json: assemblies["T2-BSN-EDR-KIT"].components[2].qty: quantity must be a positive number: expected number > 0, received -1",
        "assemblies.json: assemblies["T2-BSN-EDR-KIT"].components[3].quantity: quantity must be a positive number: expected number > 0, received 0",
        "assemblies.json: assemblies["T2-BSN-EDR-KIT"].subcategory_code: "T2-BSN-EDR-KIT" is in subcategory "1.9", which the categories do not define",
        "categories.json: categories["1"].subcategories["1.1"]: subcategory 1.1 belongs to category "9", which is not defined",
        "categories.json: categories["1"].subcategories["1.1"].assembly_refs[0]: subcategory 1.1 lists "NOPE", which is neither a part nor an assembly",
        "parts.json: parts.ORPHAN: part "ORPHAN" is used by no assembly",
        "parts.json: parts["T2-DRAIN-VALVE (2)"]: id "T2-DRAIN-VALVE" is already used in parts.json at parts/T2-DRAIN-VALVE",
      ]
    `)
    expect(issues.find((issue) => issue.path.at(-1) === 'qty')?.code).toBe('invalid_quantity')
  })

  it('returns issues rather than throwing on a source whose field names are not arrays', () => {
    const source = (fields: unknown) => ({ file: 'f.json', path: ['x'], fields })
    expect(
      formatted(
        withItems([
          { ...part('A'), toString: 1, source: source({}) },
          { ...part('B'), colour: 'red', source: source({ colour: 5 }) },
        ]),
      ),
    ).toMatchInlineSnapshot(`
      [
        "f.json: x.colour: unknown key "colour"",
        "f.json: x.source.fields.colour: expected array, received 5",
        "f.json: x.toString: unknown key "toString"",
      ]
    `)
  })

  it('builds the same catalog from the same data in any order', () => {
    const located = (data: CatalogData): CatalogData => ({
      ...data,
      items: data.items.map((item) => ({
        ...item,
        source: { file: 'items.json', path: [item.id] },
      })),
    })
    const data = sink()
    data.items.push(part('UNUSED'), assembly('K', [{ id: 'NOPE', quantity: 1 }]) as Item)
    // issues then sit at paths of the source, not at positions in the input
    const input = located(data)
    const reversed: CatalogData = {
      categories: [...input.categories].reverse(),
      subcategories: [...input.subcategories].reverse(),
      items: [...input.items].reverse(),
    }
    const first = buildCatalog(input)
    const second = buildCatalog(reversed)
    expect(first.issues).toHaveLength(2)
    expect(JSON.stringify(second)).toBe(JSON.stringify(first))
    expect(JSON.stringify(explode(second.catalog, 'T2-BSN-EDR-KIT'))).toBe(
      JSON.stringify(explode(first.catalog, 'T2-BSN-EDR-KIT')),
    )
  })
})

describe('unchecked source references', () => {
  it('ignores a source path that holds anything but strings and numbers', () => {
    // found by fast-check: an object with a broken toString inside a source path made buildCatalog throw
    const data = {
      categories: [],
      subcategories: [],
      items: [{ source: { file: '', path: [[{ toString: '' }]] } }],
    }
    const built = buildCatalog(data)
    expect(built.ok).toBe(false)
    expect(built.issues.map((issue) => issue.path[0])).toContain('items')
  })
})
