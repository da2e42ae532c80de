import type { Issue } from '../issues.js'
import type { Category, Item, Subcategory } from './types.js'

/** The structure of one item, ready for fast traversal: child indexes and quantities side by side. */
export interface CatalogNode {
  readonly item: Item
  readonly index: number
  readonly children: readonly number[]
  readonly quantities: readonly number[]
  readonly notes: readonly (string | null)[]
  readonly parents: readonly number[]
}

/**
 * The catalog as an in-memory graph, built once by {@link buildCatalog}; every lookup resolves aliases.
 */
export interface Catalog {
  readonly categories: readonly Category[]
  readonly subcategories: readonly Subcategory[]
  /** every item, sorted by id */
  readonly items: readonly Item[]
  /** the traversal nodes, in the order of `items` */
  readonly nodes: readonly CatalogNode[]
  /** true when every component quantity is a whole number, so plain numbers multiply exactly */
  readonly integralQuantities: boolean
  /** false when the catalog has a cycle; traversals then guard against following it forever */
  readonly acyclic: boolean
  /** the item's canonical id (`ASSY-X` → `X`), or undefined when unknown */
  resolve(id: string): string | undefined
  get(id: string): Item | undefined
  node(id: string): CatalogNode | undefined
  /** the items whose own subcategory is `code`, sorted by id */
  itemsIn(subcategoryCode: string): readonly Item[]
  /** ids of the assemblies that list the item directly, sorted */
  parentsOf(id: string): readonly string[]
  /** every id and alias, for did-you-mean suggestions */
  ids(): IterableIterator<string>
}

/** The result of {@link buildCatalog}: a usable graph plus every problem found, sorted. */
export interface CatalogBuildResult {
  catalog: Catalog
  issues: Issue[]
  /** true when no issue is an error */
  ok: boolean
}
