import { buildCatalog, explode, formatIssue } from '@torvan/configurator-core'
import { describe, expect, it } from 'vitest'
import { convertCatalogFiles } from './catalog-files.js'

interface Files {
  categories: Record<string, unknown>
  assemblies: Record<string, unknown>
  parts: Record<string, unknown>
}

function files(): Files {
  return {
    categories: {
      metadata: { total_categories: 1 },
      categories: {
        '722': {
          name: 'BASINS',
          subcategories: { '722.713': { name: 'KITS', assembly_refs: ['T2-BSN-EDR-KIT'] } },
        },
      },
    },
    assemblies: {
      metadata: { total_assemblies: 2 },
      assemblies: {
        'T2-BSN-EDR-KIT': {
          name: 'EDRAIN BASIN KIT',
          type: 'KIT',
          category_code: '722',
          subcategory_code: '722.713',
          can_order: true,
          components: [
            { part_id: 'T2-DRAIN-VALVE', quantity: 1 },
            { part_id: 'PLATE', quantity: 2, notes: null },
          ],
        },
        'ASSY-PLATE': {
          name: 'PLATE ASSEMBLY',
          type: 'COMPLEX',
          subcategory_code: '722.713',
          components: [{ part_id: 'BOLT', quantity: 4 }],
        },
      },
    },
    parts: {
      metadata: { total_parts: 3 },
      parts: {
        'T2-DRAIN-VALVE': {
          name: 'DRAIN VALVE',
          manufacturer_part_number: null,
          type: 'COMPONENT',
        },
        PLATE: { name: 'VALVE PLATE', manufacturer_part_number: 'P-1', type: 'COMPONENT' },
        BOLT: { name: 'BOLT ¼″', manufacturer_part_number: null, type: 'COMPONENT' },
      },
    },
  }
}

function load(input: Files) {
  const converted = convertCatalogFiles(input)
  const built = buildCatalog(converted.data)
  return {
    ...built,
    issues: [...converted.issues, ...built.issues].map(formatIssue),
    counts: converted.counts,
  }
}

describe('convertCatalogFiles()', () => {
  it('gives a part the structure of its ASSY- twin, and resolves the twin to the part', () => {
    const { catalog, issues, counts } = load(files())
    expect(issues).toEqual([])
    expect(counts).toEqual({
      categories: 1,
      subcategories: 1,
      parts: 3,
      assemblies: 2,
      componentLines: 3,
      twins: 1,
    })
    expect(catalog.resolve('ASSY-PLATE')).toBe('PLATE')
    const kit = explode(catalog, 'T2-BSN-EDR-KIT', 3)
    expect(
      kit.children.map((line) => [
        line.id,
        line.quantity,
        line.children.map((c) => `${c.quantity} ${c.id}`),
      ]),
    ).toEqual([
      ['T2-DRAIN-VALVE', '3', []],
      ['PLATE', '6', ['24 BOLT']],
    ])
    expect(catalog.get('PLATE')?.subcategoryCode).toBe('722.713')
    expect(catalog.get('PLATE')?.attributes).toMatchObject({
      manufacturer_part_number: 'P-1',
      'twin.type': 'COMPLEX',
    })
  })

  it('names the file and JSON path of a dangling reference, a bad quantity and an unknown subcategory', () => {
    const input = files()
    const kit = (
      input.assemblies['assemblies'] as Record<
        string,
        { components: unknown[]; subcategory_code: string }
      >
    )['T2-BSN-EDR-KIT']
    if (kit === undefined) throw new Error('fixture')
    kit.components.push(
      { part_id: 'T2-DRAIN-VALVEX', quantity: 1 },
      { part_id: 'BOLT', quantity: 0 },
      { part_id: 'BOLT', quantity: '2' },
      'BOLT',
    )
    kit.subcategory_code = '722.999'
    expect(load(input).issues).toMatchInlineSnapshot(`
      [
        "assemblies.json: assemblies["T2-BSN-EDR-KIT"].components[5]: a component must be an object like { "part_id": "…", "quantity": 1 }",
        "assemblies.json: assemblies["T2-BSN-EDR-KIT"].components[2].part_id: "T2-DRAIN-VALVEX" is neither a part nor an assembly",
        "assemblies.json: assemblies["T2-BSN-EDR-KIT"].components[3].quantity: quantity must be a positive number: expected number > 0, received 0",
        "assemblies.json: assemblies["T2-BSN-EDR-KIT"].components[4].quantity: quantity must be a positive number: expected number, received "2"",
        "assemblies.json: assemblies["T2-BSN-EDR-KIT"].subcategory_code: "T2-BSN-EDR-KIT" is in subcategory "722.999", which the categories do not define",
      ]
    `)
  })

  it('reports a cycle with its path, through twins', () => {
    const input = files()
    const twin = (input.assemblies['assemblies'] as Record<string, { components: unknown[] }>)[
      'ASSY-PLATE'
    ]
    twin?.components.push({ part_id: 'T2-BSN-EDR-KIT', quantity: 1 })
    const { issues, ok } = load(input)
    expect(ok).toBe(false)
    expect(issues).toContain(
      'assemblies.json: assemblies["ASSY-PLATE"].components[1]: cycle: PLATE → T2-BSN-EDR-KIT → PLATE',
    )
  })

  it('warns about a metadata count that does not match, and keeps loading', () => {
    const input = files()
    input.parts['metadata'] = { total_parts: 2 }
    const { issues, ok } = load(input)
    expect(ok).toBe(true)
    expect(issues).toEqual([
      'parts.json: metadata.total_parts: the metadata says 2, but the file holds 3',
    ])
  })

  it('reports files of the wrong shape instead of throwing', () => {
    const result = convertCatalogFiles({
      categories: [],
      assemblies: { assemblies: 'none' },
      parts: null,
    })
    expect(result.issues.map(formatIssue)).toMatchInlineSnapshot(`
      [
        "categories.json: expected object, received an array",
        "parts.json: expected object, received null",
        "assemblies.json: assemblies: expected object, received "none"",
      ]
    `)
  })
})
