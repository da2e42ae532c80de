// a large synthetic catalog for benchmarks: deterministic, from a seeded PRNG (never Math.random)
import type { CatalogData, Component, Item, Subcategory } from '@torvan/configurator-core'

/** mulberry32: small, fast and good enough to shape a catalog */
function prng(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export interface GenerateCatalogOptions {
  parts: number
  assemblies: number
  /** assembly levels: a part in the largest root sits this many levels below it */
  depth: number
  seed: number
  /** the exploded size of the largest root, in lines (default 5,000) */
  largestRootLines?: number
}

// most component lines are 1 of something
const QUANTITIES = [1, 1, 1, 1, 2, 2, 3, 4, 5] as const
const NOTES = ['black', 'stainless', 'left side', 'M4'] as const
const CATEGORIES = 10
const SUBCATEGORIES_PER_CATEGORY = 10

/**
 * Generates normalized catalog data: `parts` parts and `assemblies` assemblies in `depth` levels, each
 * assembly holding a few parts and assemblies of lower levels (always one from the level just below),
 * 5% of them with an `ASSY-` alias that components sometimes use. Every item is listed by a
 * subcategory, so the catalog builds with no issues. One top-level assembly, `largestRoot(data)`,
 * explodes to exactly `largestRootLines` lines; every other assembly to at most half as many.
 *
 * @example generateCatalog({ parts: 100_000, assemblies: 10_000, depth: 8, seed: 42 })
 */
export function generateCatalog(options: GenerateCatalogOptions): CatalogData {
  const { parts, assemblies, depth, seed } = options
  const target = options.largestRootLines ?? 5000
  if (assemblies < depth || parts < 1 || depth < 1)
    throw new Error('generateCatalog(): needs parts >= 1 and assemblies >= depth >= 1')
  const random = prng(seed)
  const below = (count: number) => Math.floor(random() * count)
  const choose = <T>(list: readonly T[]): T => list[below(list.length)] as T

  const subcategories: Subcategory[] = []
  for (let c = 0; c < CATEGORIES; c++)
    for (let s = 0; s < SUBCATEGORIES_PER_CATEGORY; s++)
      subcategories.push({
        code: `${700 + c}.${String(s).padStart(3, '0')}`,
        categoryCode: String(700 + c),
        name: `SUBCATEGORY ${c}.${s}`,
        itemRefs: [],
      })
  const file = (item: Item): Item => {
    const subcategory = choose(subcategories)
    subcategory.itemRefs?.push(item.id)
    return { ...item, subcategoryCode: subcategory.code }
  }

  const items: Item[] = []
  for (let n = 0; n < parts; n++)
    items.push(file({ id: `P-${String(n).padStart(6, '0')}`, name: `PART ${n}`, kind: 'part' }))
  const partAt = () => items[below(parts)] as Item

  // lines[i] is the exploded size of levels[l][i]; level 0 holds only parts
  const levels: { item: Item; lines: number }[][] = []
  const cap = Math.floor(target / 2)
  const lineTo = (child: { item: Item }): Component => {
    const alias = child.item.aliases?.[0]
    const line: Component = {
      id: alias !== undefined && random() < 0.5 ? alias : child.item.id,
      quantity: choose(QUANTITIES),
    }
    if (random() < 0.05) line.notes = choose(NOTES)
    return line
  }
  const assemblyOf = (id: string, children: { item: Item; lines: number }[]) => {
    const item: Item = file({
      id,
      name: `ASSEMBLY ${id}`,
      kind: 'assembly',
      components: children.map(lineTo),
      ...(random() < 0.05 ? { aliases: [`ASSY-${id}`] } : {}),
    })
    return { item, lines: children.reduce((sum, child) => sum + child.lines, 1) }
  }
  const part = () => ({ item: partAt(), lines: 1 })

  // the largest root takes one place at the top level
  const perLevel = Math.floor((assemblies - 1) / depth)
  for (let level = 0; level < depth; level++) {
    const count = level === depth - 1 ? assemblies - 1 - perLevel * (depth - 1) : perLevel
    const built: { item: Item; lines: number }[] = []
    for (let n = 0; n < count; n++) {
      const children = Array.from({ length: 1 + below(6) }, part)
      let lines = 1 + children.length
      if (level > 0) {
        // one assembly from the level just below keeps every level's depth, more from any lower level
        const previous = levels[level - 1] ?? []
        const wanted = 1 + (random() < 0.4 ? 1 : 0) + (random() < 0.2 ? 1 : 0)
        for (let k = 0; k < wanted; k++) {
          const from = k === 0 ? previous : (levels[below(level)] ?? [])
          let placed = false
          for (let attempt = 0; attempt < 8 && !placed; attempt++) {
            const candidate = choose(from)
            if (lines + candidate.lines > cap) continue
            children.splice(below(children.length + 1), 0, candidate)
            lines += candidate.lines
            placed = true
          }
          if (k === 0 && !placed) children.unshift(smallest(previous))
        }
      }
      built.push(assemblyOf(`A${level + 1}-${String(n).padStart(5, '0')}`, children))
    }
    levels.push(built)
  }

  // the largest root: the biggest sub-assemblies that still fit, then parts for the rest
  const children: { item: Item; lines: number }[] = []
  let remaining = target - 1
  if (depth > 1) {
    const first = smallest(levels[depth - 2] ?? [])
    children.push(first)
    remaining -= first.lines
  }
  const pool = levels.slice(Math.max(0, depth - 3), depth - 1).flat()
  for (let attempt = 0; attempt < 4 * pool.length && remaining > 0; attempt++) {
    const candidate = choose(pool)
    // big sub-assemblies while there is room, small ones at the end
    if (candidate.lines > remaining || candidate.lines < Math.min(50, remaining)) continue
    children.push(candidate)
    remaining -= candidate.lines
  }
  for (; remaining > 0; remaining--) children.push(part())
  const root = assemblyOf(`A${depth}-ROOT`, children)

  return {
    categories: Array.from({ length: CATEGORIES }, (_, c) => ({
      code: String(700 + c),
      name: `CATEGORY ${c}`,
    })),
    subcategories,
    items: [...items, ...levels.flat().map((entry) => entry.item), root.item],
  }
}

function smallest(level: readonly { item: Item; lines: number }[]): { item: Item; lines: number } {
  let best = level[0]
  for (const entry of level) if (best === undefined || entry.lines < best.lines) best = entry
  if (best === undefined) throw new Error('generateCatalog(): an empty level')
  return best
}

/**
 * The root (an item no other item holds) with the largest exploded tree, and its size in lines.
 *
 * @example largestRoot(generateCatalog({ parts: 1000, assemblies: 100, depth: 4, seed: 1 })) // { id, lines }
 */
export function largestRoot(data: CatalogData): { id: string; lines: number } {
  const byId = new Map<string, Item>()
  for (const item of data.items) {
    byId.set(item.id, item)
    for (const alias of item.aliases ?? []) byId.set(alias, item)
  }
  const held = new Set<string>()
  for (const item of data.items)
    for (const component of item.components ?? []) held.add(byId.get(component.id)?.id ?? '')
  const sizes = new Map<string, number>()
  const linesOf = (item: Item): number => {
    const known = sizes.get(item.id)
    if (known !== undefined) return known
    let lines = 1
    for (const component of item.components ?? []) {
      const child = byId.get(component.id)
      if (child !== undefined) lines += linesOf(child)
    }
    sizes.set(item.id, lines)
    return lines
  }
  let best = { id: '', lines: 0 }
  for (const item of data.items) {
    if (held.has(item.id)) continue
    const lines = linesOf(item)
    if (lines > best.lines) best = { id: item.id, lines }
  }
  return best
}
