import type { Issue } from '../issues.js'
import { sortIssues } from '../issues.js'
import type { Catalog, CatalogBuildResult, CatalogNode } from './catalog.js'
import type { Category, Item, Subcategory } from './types.js'

/** What a {@link CatalogGraph} is made of: the checked sections, the nodes and the id lookups. */
export interface GraphParts {
  categories: Category[]
  subcategories: Subcategory[]
  nodes: CatalogNode[]
  index: Map<string, number>
  aliases: Map<string, string>
  integralQuantities: boolean
  acyclic: boolean
}

/** The built catalog: lookups by id and alias over the traversal nodes. */
class CatalogGraph implements Catalog {
  readonly categories: readonly Category[]
  readonly subcategories: readonly Subcategory[]
  readonly items: readonly Item[]
  readonly nodes: readonly CatalogNode[]
  readonly integralQuantities: boolean
  readonly acyclic: boolean
  readonly #index: ReadonlyMap<string, number>
  readonly #aliases: ReadonlyMap<string, string>
  readonly #bySubcategory: ReadonlyMap<string, readonly Item[]>

  constructor(parts: GraphParts) {
    this.categories = parts.categories
    this.subcategories = parts.subcategories
    this.nodes = parts.nodes
    this.items = parts.nodes.map((node) => node.item)
    this.integralQuantities = parts.integralQuantities
    this.acyclic = parts.acyclic
    this.#index = parts.index
    this.#aliases = parts.aliases
    const bySubcategory = new Map<string, Item[]>()
    for (const item of this.items) {
      const code = item.subcategoryCode
      if (code === undefined || code === null) continue
      const list = bySubcategory.get(code)
      if (list === undefined) bySubcategory.set(code, [item])
      else list.push(item)
    }
    this.#bySubcategory = bySubcategory
  }

  resolve(id: string): string | undefined {
    if (this.#index.has(id)) return id
    return this.#aliases.get(id)
  }

  node(id: string): CatalogNode | undefined {
    const canonical = this.resolve(id)
    if (canonical === undefined) return undefined
    const index = this.#index.get(canonical)
    return index === undefined ? undefined : this.nodes[index]
  }

  get(id: string): Item | undefined {
    return this.node(id)?.item
  }

  itemsIn(subcategoryCode: string): readonly Item[] {
    return this.#bySubcategory.get(subcategoryCode) ?? []
  }

  parentsOf(id: string): readonly string[] {
    const node = this.node(id)
    if (node === undefined) return []
    return node.parents.map((index) => (this.nodes[index] as CatalogNode).item.id)
  }

  *ids(): IterableIterator<string> {
    yield* this.#index.keys()
    yield* this.#aliases.keys()
  }
}

/** the parts of a catalog with nothing in it (the data's envelope was unusable) */
export function emptyParts(): GraphParts {
  return {
    categories: [],
    subcategories: [],
    nodes: [],
    index: new Map(),
    aliases: new Map(),
    integralQuantities: true,
    acyclic: true,
  }
}

/** The graph of `parts` and the issues found building it, sorted. */
export function finish(parts: GraphParts, issues: Issue[]): CatalogBuildResult {
  const sorted = sortIssues(issues)
  return {
    catalog: new CatalogGraph(parts),
    issues: sorted,
    ok: !sorted.some((i) => i.severity === 'error'),
  }
}
