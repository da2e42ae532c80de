import type { Issue, PathSegment } from '../issues.js'
import { compareText, sortIssues } from '../issues.js'
import { zodIssues } from '../zod-issues.js'
import type { Category, Component, Item, SourceRef, Subcategory } from './types.js'
import {
  CatalogDataSchema,
  CategorySchema,
  ComponentSchema,
  ItemSchema,
  SubcategorySchema,
} from './types.js'

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

interface Located {
  file?: string
  path: PathSegment[]
  fields?: Record<string, PathSegment[]>
}

function locate(source: SourceRef | undefined, fallback: PathSegment[]): Located {
  if (source === undefined) return { path: fallback }
  return {
    file: source.file,
    path: [...source.path],
    ...(source.fields === undefined ? {} : { fields: source.fields }),
  }
}

/** A path below `where`, with our field names spelled as the source spells them. */
function pathAt(where: Located, relative: readonly PathSegment[]): PathSegment[] {
  const [first, ...rest] = relative
  if (typeof first !== 'string') return [...where.path, ...relative]
  // own array entries only: the source comes from unchecked data (`toString`, `{ id: 5 }`)
  const spelled =
    where.fields !== undefined && Object.hasOwn(where.fields, first)
      ? where.fields[first]
      : undefined
  return [...where.path, ...(Array.isArray(spelled) ? spelled : [first]), ...rest]
}

function issueAt(
  where: Located,
  relative: PathSegment[],
  fields: Omit<Issue, 'path' | 'file'>,
): Issue {
  return {
    ...fields,
    ...(where.file === undefined ? {} : { file: where.file }),
    path: pathAt(where, relative),
  }
}

function zodIssuesAt(
  where: Located,
  issues: Parameters<typeof zodIssues>[0],
  refine: (issue: Issue) => Issue = (issue) => issue,
): Issue[] {
  // refine sees our field names, before they are spelled as the source spells them
  return zodIssues(issues, where.file === undefined ? {} : { file: where.file }).map((issue) => {
    const refined = refine(issue)
    return { ...refined, path: pathAt(where, refined.path) }
  })
}

function sourceOf(value: unknown): SourceRef | undefined {
  if (typeof value !== 'object' || value === null || !('source' in value)) return undefined
  const source = value.source
  if (typeof source !== 'object' || source === null) return undefined
  const { file, path, fields } = source as { file?: unknown; path?: unknown; fields?: unknown }
  // unchecked data: a path of anything but strings and numbers is not a place we can name
  if (typeof file !== 'string' || !isPath(path)) return undefined
  if (typeof fields !== 'object' || fields === null) return { file, path }
  const spelled = Object.entries(fields).filter((entry): entry is [string, PathSegment[]] =>
    isPath(entry[1]),
  )
  return { file, path, fields: Object.fromEntries(spelled) }
}

function isPath(value: unknown): value is PathSegment[] {
  return (
    Array.isArray(value) &&
    value.every((segment) => typeof segment === 'string' || typeof segment === 'number')
  )
}

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

  constructor(parts: {
    categories: Category[]
    subcategories: Subcategory[]
    nodes: CatalogNode[]
    index: Map<string, number>
    aliases: Map<string, string>
    integralQuantities: boolean
    acyclic: boolean
  }) {
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

interface DraftNode {
  item: Item
  /** where each child edge is written, for issues about it */
  edges: Located[]
  children: number[]
  quantities: number[]
  notes: (string | null)[]
  parents: number[]
}

/**
 * Validates normalized catalog data and builds the graph, reporting every problem at once:
 * malformed entries, duplicate ids, dangling references, unknown (sub)categories, non-positive or
 * non-numeric quantities and cycles (with their path). The graph is always returned; bad edges are left out.
 *
 * @example
 * const { catalog, issues, ok } = buildCatalog(data)
 * if (!ok) console.error(issues.map(formatIssue).join('\n'))
 */
export function buildCatalog(data: unknown): CatalogBuildResult {
  const issues: Issue[] = []
  const envelope = CatalogDataSchema.safeParse(data, { reportInput: true })
  if (!envelope.success) {
    issues.push(...zodIssues(envelope.error.issues))
    return finish(emptyParts(), issues)
  }
  const raw = envelope.data

  const categories = parseCategories(raw.categories, issues)
  const subcategories = parseSubcategories(
    raw.subcategories,
    new Set(categories.map((c) => c.code)),
    issues,
  )
  const subcategoryCodes = new Set(subcategories.map((s) => s.code))

  // items first, so that components can refer forward
  const parsedItems: { item: Item; rawComponents: unknown[]; where: Located }[] = []
  const index = new Map<string, number>()
  const aliases = new Map<string, string>()
  const claimedBy = new Map<string, Located>()
  raw.items.forEach((value, position) => {
    const where = locate(sourceOf(value), ['items', position])
    const parsed = ItemSchema.safeParse(value, { reportInput: true })
    if (!parsed.success) {
      issues.push(...zodIssuesAt(where, parsed.error.issues))
      return
    }
    const { components: rawComponents, ...item } = parsed.data
    for (const id of [item.id, ...(item.aliases ?? [])]) {
      const first = claimedBy.get(id)
      if (first !== undefined) {
        issues.push(
          issueAt(where, id === item.id ? [] : ['aliases'], {
            code: 'duplicate_id',
            severity: 'error',
            message: `id ${JSON.stringify(id)} is already used${first.file === undefined ? '' : ` in ${first.file}`} at ${describeLocation(first)}`,
          }),
        )
        continue
      }
      claimedBy.set(id, where)
      if (id !== item.id) aliases.set(id, item.id)
    }
    if (index.has(item.id)) return
    index.set(item.id, parsedItems.length)
    parsedItems.push({ item, rawComponents: rawComponents ?? [], where })
  })

  // stable order: by id
  const order = parsedItems
    .map((entry, position) => ({ entry, position }))
    .sort((a, b) => compareText(a.entry.item.id, b.entry.item.id))
  const finalIndex = new Map<string, number>()
  order.forEach(({ entry }, position) => finalIndex.set(entry.item.id, position))
  const drafts: DraftNode[] = order.map(({ entry }) => ({
    item: entry.item,
    edges: [],
    children: [],
    quantities: [],
    notes: [],
    parents: [],
  }))

  let integralQuantities = true
  const selfReferenced = new Set<number>()
  order.forEach(({ entry }, parentIndex) => {
    const draft = drafts[parentIndex] as DraftNode
    const code = entry.item.subcategoryCode
    if (code !== undefined && code !== null && !subcategoryCodes.has(code)) {
      issues.push(
        issueAt(entry.where, ['subcategoryCode'], {
          code: 'unknown_subcategory',
          severity: 'error',
          message: `${JSON.stringify(entry.item.id)} is in subcategory ${JSON.stringify(code)}, which the categories do not define`,
        }),
      )
    }
    const components: Component[] = []
    entry.rawComponents.forEach((rawComponent, position) => {
      const componentWhere = locate(sourceOf(rawComponent), [
        ...entry.where.path,
        'components',
        position,
      ])
      if (sourceOf(rawComponent) === undefined && entry.where.file !== undefined) {
        // no own source: the component sits inside its item's
        componentWhere.file = entry.where.file
        componentWhere.path = [...pathAt(entry.where, ['components']), position]
      }
      const parsed = ComponentSchema.safeParse(rawComponent, { reportInput: true })
      if (!parsed.success) {
        issues.push(...zodIssuesAt(componentWhere, parsed.error.issues, asQuantityIssue))
        return
      }
      const component = parsed.data
      components.push(component)
      const canonical = index.has(component.id) ? component.id : aliases.get(component.id)
      if (canonical === undefined) {
        issues.push(
          issueAt(componentWhere, ['id'], {
            code: 'dangling_reference',
            severity: 'error',
            message: `${JSON.stringify(component.id)} is neither a part nor an assembly`,
          }),
        )
        return
      }
      const childIndex = finalIndex.get(canonical) as number
      if (childIndex === parentIndex && entry.rawComponents.length === 1) {
        // an item whose only component is itself is a leaf
        selfReferenced.add(parentIndex)
        issues.push(
          issueAt(componentWhere, [], {
            code: 'self_reference',
            severity: 'warning',
            message: `${JSON.stringify(entry.item.id)} lists only itself as a component; it is treated as a leaf`,
          }),
        )
        return
      }
      if (!Number.isInteger(component.quantity)) integralQuantities = false
      draft.edges.push(componentWhere)
      draft.children.push(childIndex)
      draft.quantities.push(component.quantity)
      draft.notes.push(component.notes ?? null)
      const child = drafts[childIndex] as DraftNode
      // parents arrive in index order, so a repeat can only be the last one (includes() is quadratic)
      if (child.parents.at(-1) !== parentIndex) child.parents.push(parentIndex)
    })
    if (components.length > 0) draft.item = { ...draft.item, components }
  })

  for (const draft of drafts) draft.parents.sort((a, b) => a - b)

  for (const subcategory of subcategories) {
    subcategory.itemRefs?.forEach((ref, position) => {
      if (index.has(ref) || aliases.has(ref)) return
      issues.push(
        issueAt(
          locate(subcategory.source, ['subcategories', subcategory.code]),
          ['itemRefs', position],
          {
            code: 'dangling_reference',
            severity: 'error',
            message: `subcategory ${subcategory.code} lists ${JSON.stringify(ref)}, which is neither a part nor an assembly`,
          },
        ),
      )
    })
  }

  const cycles = findCycles(drafts)
  issues.push(...cycles)
  issues.push(
    ...findUnusedParts(
      drafts,
      { subcategories, selfReferenced, resolve: (id) => (index.has(id) ? id : aliases.get(id)) },
      order.map(({ entry }) => entry.where),
    ),
  )

  const nodes: CatalogNode[] = drafts.map(
    ({ item, children, quantities, notes, parents }, position) => ({
      item,
      index: position,
      children,
      quantities,
      notes,
      parents,
    }),
  )
  return finish(
    {
      categories: [...categories].sort((a, b) => compareText(a.code, b.code)),
      subcategories: [...subcategories].sort((a, b) => compareText(a.code, b.code)),
      nodes,
      index: finalIndex,
      aliases,
      integralQuantities,
      acyclic: cycles.length === 0,
    },
    issues,
  )
}

function describeLocation(where: Located): string {
  return where.path.length === 0 ? 'the top' : where.path.map(String).join('/')
}

function asQuantityIssue(issue: Issue): Issue {
  const last = issue.path[issue.path.length - 1]
  if (last !== 'quantity') return issue
  return {
    ...issue,
    code: 'invalid_quantity',
    message: `quantity must be a positive number: ${issue.message}`,
  }
}

function emptyParts(): ConstructorParameters<typeof CatalogGraph>[0] {
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

function finish(
  parts: ConstructorParameters<typeof CatalogGraph>[0],
  issues: Issue[],
): CatalogBuildResult {
  const sorted = sortIssues(issues)
  return {
    catalog: new CatalogGraph(parts),
    issues: sorted,
    ok: !sorted.some((i) => i.severity === 'error'),
  }
}

function parseCategories(values: unknown[], issues: Issue[]): Category[] {
  const seen = new Set<string>()
  const out: Category[] = []
  values.forEach((value, position) => {
    const where = locate(sourceOf(value), ['categories', position])
    const parsed = CategorySchema.safeParse(value, { reportInput: true })
    if (!parsed.success) {
      issues.push(...zodIssuesAt(where, parsed.error.issues))
      return
    }
    if (seen.has(parsed.data.code)) {
      issues.push(
        issueAt(where, [], {
          code: 'duplicate_id',
          severity: 'error',
          message: `category ${parsed.data.code} is defined twice`,
        }),
      )
      return
    }
    seen.add(parsed.data.code)
    out.push(parsed.data)
  })
  return out
}

function parseSubcategories(
  values: unknown[],
  categoryCodes: Set<string>,
  issues: Issue[],
): Subcategory[] {
  const seen = new Set<string>()
  const out: Subcategory[] = []
  values.forEach((value, position) => {
    const where = locate(sourceOf(value), ['subcategories', position])
    const parsed = SubcategorySchema.safeParse(value, { reportInput: true })
    if (!parsed.success) {
      issues.push(...zodIssuesAt(where, parsed.error.issues))
      return
    }
    const subcategory = parsed.data
    if (seen.has(subcategory.code)) {
      issues.push(
        issueAt(where, [], {
          code: 'duplicate_id',
          severity: 'error',
          message: `subcategory ${subcategory.code} is defined twice`,
        }),
      )
      return
    }
    if (!categoryCodes.has(subcategory.categoryCode)) {
      issues.push(
        issueAt(where, ['categoryCode'], {
          code: 'unknown_category',
          severity: 'error',
          message: `subcategory ${subcategory.code} belongs to category ${JSON.stringify(subcategory.categoryCode)}, which is not defined`,
        }),
      )
    }
    seen.add(subcategory.code)
    out.push(subcategory)
  })
  return out
}

/** Every cycle, reported once with its path (`A → B → C → A`), found by an iterative depth-first search. */
function findCycles(nodes: readonly DraftNode[]): Issue[] {
  const WHITE = 0
  const GREY = 1
  const BLACK = 2
  const colour = new Uint8Array(nodes.length)
  const issues: Issue[] = []
  const reported = new Set<string>()
  for (let root = 0; root < nodes.length; root++) {
    if (colour[root] !== WHITE) continue
    const stack: number[] = [root]
    const next: number[] = [0]
    colour[root] = GREY
    while (stack.length > 0) {
      const top = stack.length - 1
      const current = stack[top] as number
      const node = nodes[current] as DraftNode
      const position = next[top] as number
      if (position >= node.children.length) {
        colour[current] = BLACK
        stack.pop()
        next.pop()
        continue
      }
      next[top] = position + 1
      const child = node.children[position] as number
      if (colour[child] === WHITE) {
        colour[child] = GREY
        stack.push(child)
        next.push(0)
      } else if (colour[child] === GREY) {
        const loop = stack.slice(stack.indexOf(child))
        // rotate so that the smallest index leads: one report per cycle
        let smallest = 0
        loop.forEach((value, i) => {
          if (value < (loop[smallest] as number)) smallest = i
        })
        const rotated = [...loop.slice(smallest), ...loop.slice(0, smallest)]
        const key = rotated.join(',')
        if (reported.has(key)) continue
        reported.add(key)
        const ids = rotated.map((i) => (nodes[i] as DraftNode).item.id)
        const first = nodes[rotated[0] as number] as DraftNode
        const edge = first.edges[
          first.children.indexOf(rotated[1 % rotated.length] as number)
        ] as Located
        issues.push(
          issueAt(edge, [], {
            code: 'cycle',
            severity: 'error',
            message: `cycle: ${[...ids, ids[0]].join(' → ')}`,
          }),
        )
      }
    }
  }
  return issues
}

function findUnusedParts(
  nodes: readonly DraftNode[],
  known: {
    subcategories: readonly Subcategory[]
    selfReferenced: ReadonlySet<number>
    resolve: (id: string) => string | undefined
  },
  where: readonly Located[],
): Issue[] {
  const { subcategories, selfReferenced, resolve } = known
  const referenced = new Set<string>()
  for (const subcategory of subcategories)
    for (const ref of subcategory.itemRefs ?? []) {
      // a subcategory may list an item by its alias (`ASSY-X` for `X`)
      const id = resolve(ref)
      if (id !== undefined) referenced.add(id)
    }
  const issues: Issue[] = []
  nodes.forEach((node, position) => {
    if (
      node.item.kind !== 'part' ||
      node.parents.length > 0 ||
      referenced.has(node.item.id) ||
      selfReferenced.has(position)
    )
      return
    issues.push(
      issueAt(where[position] as Located, [], {
        code: 'unused_part',
        severity: 'warning',
        message: `part ${JSON.stringify(node.item.id)} is used by no assembly`,
      }),
    )
  })
  return issues
}
