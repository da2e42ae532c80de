import Decimal from 'decimal.js'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ConfiguratorError } from '../errors.js'
import { compareText, formatIssue } from '../issues.js'
import type { ExplodedLine } from './explode.js'
import { explode, flatten, whereUsed } from './explode.js'
import type { Catalog } from './graph.js'
import { buildCatalog } from './graph.js'
import type { CatalogData, Component, Item } from './types.js'
import { ItemSchema } from './types.js'

interface ShapeLine {
  pick: number
  quantity: number
  notes: string | undefined
  byAlias: boolean
}

interface ShapeAssembly {
  layer: number
  alias: boolean
  components: ShapeLine[]
}

/** parts, then assemblies in layers; an assembly uses only parts and assemblies of lower layers */
interface Shape {
  parts: number
  assemblies: ShapeAssembly[]
}

const shapeLine: fc.Arbitrary<ShapeLine> = fc.record({
  pick: fc.nat(),
  quantity: fc.integer({ min: 1, max: 5 }),
  notes: fc.option(fc.constantFrom('black', 'M4', ''), { nil: undefined }),
  byAlias: fc.boolean(),
})

const shape: fc.Arbitrary<Shape> = fc.record({
  parts: fc.integer({ min: 1, max: 6 }),
  assemblies: fc.array(
    fc.record({
      layer: fc.integer({ min: 1, max: 4 }),
      alias: fc.boolean(),
      components: fc.array(shapeLine, { minLength: 1, maxLength: 4 }),
    }),
    { minLength: 1, maxLength: 10 },
  ),
})

const CATEGORIES = { categories: [{ code: '1', name: 'ALL' }] }
const SUBCATEGORIES = { subcategories: [{ code: '1.1', categoryCode: '1', name: 'KITS' }] }

/** the catalog data of a shape: `P<n>` parts, `A<layer>.<n>` assemblies, some with an `ASSY-` alias */
function catalogData({ parts, assemblies }: Shape): CatalogData {
  const items: Item[] = Array.from({ length: parts }, (_, n) => ({
    id: `P${n}`,
    name: `PART ${n}`,
    kind: 'part' as const,
  }))
  const layered = [...assemblies].sort((a, b) => a.layer - b.layer)
  const placed: { item: Item; layer: number }[] = []
  layered.forEach((assembly, n) => {
    const id = `A${assembly.layer}.${n}`
    const lower = placed.filter((p) => p.layer < assembly.layer).map((p) => p.item)
    const candidates = [...items, ...lower]
    const components = assembly.components.map((line, position): Component => {
      // the first line goes down a layer where it can, so that trees get deep
      const pool = position === 0 && lower.length > 0 ? lower : candidates
      const child = pool[line.pick % pool.length] as Item
      const alias = child.aliases?.[0]
      return {
        id: line.byAlias && alias !== undefined ? alias : child.id,
        quantity: line.quantity,
        ...(line.notes === undefined ? {} : { notes: line.notes }),
      }
    })
    const item: Item = {
      id,
      name: `ASSEMBLY ${id}`,
      kind: 'assembly',
      subcategoryCode: '1.1',
      components,
      ...(assembly.alias ? { aliases: [`ASSY-${id}`] } : {}),
    }
    placed.push({ item, layer: assembly.layer })
  })
  return {
    ...CATEGORIES,
    ...SUBCATEGORIES,
    items: [...items, ...placed.map((p) => p.item)],
  }
}

const acyclicCatalog = shape.map(catalogData)

function built(data: unknown): Catalog {
  return buildCatalog(data).catalog
}

function leaves(line: ExplodedLine): ExplodedLine[] {
  return line.children.length === 0 ? [line] : line.children.flatMap(leaves)
}

function everyLine(line: ExplodedLine): ExplodedLine[] {
  return [line, ...line.children.flatMap(everyLine)]
}

const rootQuantity = fc.oneof(fc.integer({ min: 1, max: 5 }), fc.constantFrom('2.5', '0.1', '7'))

describe('buildCatalog() on random acyclic catalogs', () => {
  it('gives every leaf a flattened total equal to its sum over the exploded tree', () => {
    fc.assert(
      fc.property(acyclicCatalog, rootQuantity, (data, quantity) => {
        const { catalog, ok } = buildCatalog(data)
        expect(ok).toBe(true)
        expect(catalog.acyclic).toBe(true)
        for (const { id } of catalog.items) {
          const tree = explode(catalog, id, quantity)
          const sums = new Map<string, Decimal>()
          for (const leaf of leaves(tree))
            sums.set(leaf.id, (sums.get(leaf.id) ?? new Decimal(0)).plus(leaf.quantity))
          const expected = [...sums.entries()]
            .sort(([a], [b]) => compareText(a, b))
            .map(([leafId, sum]) => [leafId, sum.toFixed()])
          const flat = flatten(catalog, id, quantity)
          expect(flat.map((line) => [line.id, line.quantity])).toEqual(expected)
          for (const line of everyLine(tree)) expect(new Decimal(line.quantity).gt(0)).toBe(true)
        }
      }),
    )
  })

  it('finds every planted cycle, each once, and still explodes the items off the cycles', () => {
    const cycles = fc.array(
      fc.record({
        names: fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'), {
          minLength: 1,
          maxLength: 4,
        }),
        quantity: fc.integer({ min: 1, max: 5 }),
        exits: fc.array(fc.nat(), { maxLength: 2 }),
        entered: fc.boolean(),
      }),
      { minLength: 1, maxLength: 3 },
    )
    fc.assert(
      fc.property(acyclicCatalog, cycles, (data, planted) => {
        const dag = data.items
        const items: Item[] = [...dag]
        const expected: string[] = []
        const onCycles: string[] = []
        planted.forEach((cycle, c) => {
          const ids = cycle.names.map((name) => `C${c}${name}`)
          ids.forEach((id, i) => {
            const next = ids[(i + 1) % ids.length] as string
            // an item that lists only itself is a leaf, so a cycle of one gets a way out
            const exits = ids.length === 1 && cycle.exits.length === 0 ? [0] : cycle.exits
            items.push({
              id,
              name: id,
              kind: 'assembly',
              components: [
                { id: next, quantity: cycle.quantity },
                ...exits.map((pick) => ({ id: (dag[pick % dag.length] as Item).id, quantity: 1 })),
              ],
            })
          })
          if (cycle.entered)
            items.push({
              id: `U${c}`,
              name: 'ENTRY',
              kind: 'assembly',
              components: [{ id: ids[0] as string, quantity: 1 }],
            })
          const start = ids.indexOf([...ids].sort(compareText)[0] as string)
          const path = [...ids.slice(start), ...ids.slice(0, start)]
          expected.push(`cycle: ${[...path, path[0]].join(' → ')}`)
          onCycles.push(...ids)
        })
        const { catalog, issues, ok } = buildCatalog({ ...data, items })
        expect(ok).toBe(false)
        expect(catalog.acyclic).toBe(false)
        const found = issues.filter((issue) => issue.code === 'cycle').map((issue) => issue.message)
        expect([...found].sort()).toEqual([...expected].sort())
        for (const id of onCycles) {
          expect(() => explode(catalog, id)).toThrow(ConfiguratorError)
          expect(() => explode(catalog, id)).toThrow(expect.objectContaining({ code: 'cycle' }))
          expect(() => flatten(catalog, id)).toThrow(expect.objectContaining({ code: 'cycle' }))
        }
        const clean = built(data)
        for (const { id } of dag) {
          expect(explode(catalog, id)).toEqual(explode(clean, id))
          expect(flatten(catalog, id)).toEqual(flatten(clean, id))
        }
      }),
    )
  })

  it('explodes, flattens and traces a catalog the same whatever the order of its entries', () => {
    const shuffled = acyclicCatalog.chain((data) =>
      fc.tuple(
        fc.constant(data),
        fc.shuffledSubarray(data.items, {
          minLength: data.items.length,
          maxLength: data.items.length,
        }),
      ),
    )
    fc.assert(
      fc.property(shuffled, ([data, items]) => {
        const first = buildCatalog(data)
        const second = buildCatalog({ ...data, items })
        expect(JSON.stringify(second.catalog)).toBe(JSON.stringify(first.catalog))
        // issue paths point at positions in the input; what they say does not depend on order
        const said = (issues: typeof first.issues) =>
          issues.map((issue) => `${issue.code}: ${issue.message}`).sort()
        expect(said(second.issues)).toEqual(said(first.issues))
        for (const { id } of first.catalog.items) {
          expect(JSON.stringify(explode(second.catalog, id, 3))).toBe(
            JSON.stringify(explode(first.catalog, id, 3)),
          )
          expect(JSON.stringify(flatten(second.catalog, id, '2.5'))).toBe(
            JSON.stringify(flatten(first.catalog, id, '2.5')),
          )
          expect(JSON.stringify(whereUsed(second.catalog, id))).toBe(
            JSON.stringify(whereUsed(first.catalog, id)),
          )
        }
      }),
    )
  })
})

/** a mutation of valid catalog data that always makes it invalid, and the issue code it must raise */
type Mutation = (data: CatalogData) => string | undefined

// wrong for a text, an enum and a list alike
const wrongType = fc.oneof(
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.dictionary(fc.string(), fc.jsonValue(), { maxKeys: 2 }),
)

const badQuantity = fc.oneof(
  fc.integer({ max: 0 }),
  fc.double({ max: 0, noNaN: true }),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, '2', '-1', null, true),
)

function assemblies(data: CatalogData): Item[] {
  // an earlier mutation may have broken an item's components
  return data.items.filter((item) => Array.isArray(item.components) && item.components.length > 0)
}

/** a deep copy to mutate: fast-check reuses generated values while shrinking */
function copyOf(data: CatalogData): CatalogData {
  return JSON.parse(JSON.stringify(data)) as CatalogData
}

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc
    .record({
      pick: fc.nat(),
      field: fc.constantFrom('id', 'name', 'kind', 'components'),
      value: wrongType,
    })
    .map(({ pick, field, value }) => (data: CatalogData) => {
      const item = data.items[pick % data.items.length] as Record<string, unknown>
      item[field] = value
      return undefined
    }),
  fc
    .record({ pick: fc.nat(), line: fc.nat(), value: badQuantity })
    .map(({ pick, line, value }) => (data: CatalogData) => {
      const list = assemblies(data)
      if (list.length === 0) return undefined
      const item = list[pick % list.length] as Item
      const components = item.components as Record<string, unknown>[]
      const component = components[line % components.length] as Record<string, unknown>
      component['quantity'] = value
      return 'invalid_quantity'
    }),
  fc
    .record({ pick: fc.nat(), line: fc.nat(), id: fc.string() })
    .map(({ pick, line, id }) => (data: CatalogData) => {
      const list = assemblies(data)
      if (list.length === 0) return undefined
      const components = (list[pick % list.length] as Item).components as Component[]
      ;(components[line % components.length] as Component).id = `NOPE-${id}`
      return 'dangling_reference'
    }),
  fc.nat().map((pick) => (data: CatalogData) => {
    const item = data.items[pick % data.items.length] as Item
    data.items.push({ ...item, name: 'TWIN' })
    return 'duplicate_id'
  }),
  fc.nat().map((pick) => (data: CatalogData) => {
    delete (data.items[pick % data.items.length] as Partial<Item>).name
    return 'required'
  }),
  fc
    .record({ pick: fc.nat(), key: fc.string(), fields: fc.jsonValue() })
    .filter(({ key }) => !Object.hasOwn(ItemSchema.shape, key) && key !== '__proto__')
    .map(({ pick, key, fields }) => (data: CatalogData) => {
      const item = data.items[pick % data.items.length] as Record<string, unknown>
      item[key] = 1
      item['source'] = { file: 'f.json', path: ['x'], fields }
      return undefined
    }),
)

/** entries that look nearly like catalog entries, with junk in any field */
const nearItem = fc.record(
  {
    id: fc.oneof(fc.constantFrom('P0', 'A', 'ASSY-A'), fc.jsonValue()),
    name: fc.oneof(fc.string(), fc.jsonValue()),
    kind: fc.oneof(fc.constantFrom('part', 'assembly'), fc.jsonValue()),
    subcategoryCode: fc.oneof(fc.constantFrom('1.1', '9'), fc.jsonValue()),
    aliases: fc.oneof(fc.constant(['ASSY-A']), fc.jsonValue()),
    components: fc.oneof(
      fc.array(
        fc.record(
          {
            id: fc.oneof(fc.constantFrom('P0', 'A', 'ASSY-A'), fc.jsonValue()),
            quantity: fc.oneof(fc.integer({ min: -2, max: 3 }), badQuantity, fc.jsonValue()),
            notes: fc.jsonValue(),
            source: fc.jsonValue(),
          },
          { requiredKeys: [] },
        ),
        { maxLength: 3 },
      ),
      fc.jsonValue(),
    ),
    source: fc.oneof(
      fc.record(
        { file: fc.jsonValue(), path: fc.array(fc.jsonValue()), fields: fc.jsonValue() },
        { requiredKeys: [] },
      ),
      fc.jsonValue(),
    ),
  },
  { requiredKeys: [] },
)

describe('buildCatalog() on bad data', () => {
  function expectIssuesNotThrow(data: unknown) {
    const result = buildCatalog(data)
    expect(result.ok).toBe(!result.issues.some((issue) => issue.severity === 'error'))
    for (const issue of result.issues) expect(typeof formatIssue(issue)).toBe('string')
    return result
  }

  it('reports arbitrary JSON as issues, never throwing', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(expectIssuesNotThrow(value).ok).toBe(false)
      }),
    )
  })

  it('reports near-catalogs with junk in any field as issues, never throwing', () => {
    const nearCatalog = fc.record({
      categories: fc.array(fc.oneof(fc.constant({ code: '1', name: 'ALL' }), fc.jsonValue()), {
        maxLength: 2,
      }),
      subcategories: fc.array(
        fc.oneof(
          fc.constant({ code: '1.1', categoryCode: '1', name: 'KITS', itemRefs: ['A', 'X'] }),
          fc.jsonValue(),
        ),
        { maxLength: 2 },
      ),
      items: fc.array(nearItem, { maxLength: 5 }),
    })
    fc.assert(
      fc.property(nearCatalog, (data) => {
        expectIssuesNotThrow(data)
      }),
      { numRuns: 300 },
    )
  })

  it('reports a mutation of a valid catalog with its issue code, never throwing', () => {
    fc.assert(
      fc.property(acyclicCatalog, mutation, (data, mutate) => {
        const mutated = copyOf(data)
        const code = mutate(mutated)
        const { ok, issues } = expectIssuesNotThrow(mutated)
        expect(ok).toBe(false)
        if (code !== undefined) expect(issues.map((issue) => issue.code)).toContain(code)
      }),
    )
  })

  it('reports several mutations of a valid catalog, never throwing', () => {
    fc.assert(
      fc.property(
        acyclicCatalog,
        fc.array(mutation, { minLength: 2, maxLength: 4 }),
        (data, mutations) => {
          // one mutation may hide another (a dropped item's components go unchecked), so only ok is known
          const mutated = copyOf(data)
          for (const mutate of mutations) mutate(mutated)
          expect(expectIssuesNotThrow(mutated).ok).toBe(false)
        },
      ),
    )
  })
})
