// Building the catalog graph from normalized data: parse each section, link the components, then check
// the whole (cycles, unused parts, subcategories' references). Every problem is reported at once.
import type { Issue } from '../issues.js'
import { compareText } from '../issues.js'
import { zodIssues } from '../zod-issues.js'
import type { CatalogBuildResult, CatalogNode } from './catalog.js'
import { emptyParts, finish } from './catalog-graph.js'
import type { DraftNode } from './checks.js'
import { findCycles, findUnusedParts } from './checks.js'
import type { Located } from './located.js'
import { describeLocation, issueAt, locate, pathAt, sourceOf, zodIssuesAt } from './located.js'
import { parseCategories, parseSubcategories } from './sections.js'
import type { Component, Item, Subcategory } from './types.js'
import { CatalogDataSchema, ComponentSchema, ItemSchema } from './types.js'

export type { Catalog, CatalogBuildResult, CatalogNode } from './catalog.js'

/** An item that parsed, with its components still unchecked and where it is written. */
interface ParsedItem {
  item: Item
  rawComponents: unknown[]
  where: Located
}

/** The items that parsed, in data order, and every id and alias they claim. */
interface ParsedItems {
  items: ParsedItem[]
  /** id → position in `items` */
  index: Map<string, number>
  /** alias → id */
  aliases: Map<string, string>
}

/** The items sorted by id, as nodes to link, and each id's position among them. */
interface OrderedItems {
  order: ParsedItem[]
  position: Map<string, number>
  drafts: DraftNode[]
}

/** What linking the components found out about the graph. */
interface Linked {
  integralQuantities: boolean
  selfReferenced: Set<number>
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
  const categoryCodes = new Set(categories.map((c) => c.code))
  const subcategories = parseSubcategories(raw.subcategories, categoryCodes, issues)
  // items first, so that components can refer forward
  const parsed = parseItems(raw.items, issues)
  const ordered = orderById(parsed.items)
  const subcategoryCodes = new Set(subcategories.map((s) => s.code))
  const linked = linkComponents({ ordered, parsed }, subcategoryCodes, issues)
  const resolve = (id: string) => canonicalId(parsed, id)
  issues.push(...unknownSubcategoryRefs(subcategories, resolve))
  const cycles = findCycles(ordered.drafts)
  issues.push(...cycles)
  issues.push(
    ...findUnusedParts(
      ordered.drafts,
      { subcategories, selfReferenced: linked.selfReferenced, resolve },
      ordered.order.map((entry) => entry.where),
    ),
  )
  const nodes: CatalogNode[] = ordered.drafts.map(
    ({ item, children, quantities, notes, parents }, index) => ({
      item,
      index,
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
      index: ordered.position,
      aliases: parsed.aliases,
      integralQuantities: linked.integralQuantities,
      acyclic: cycles.length === 0,
    },
    issues,
  )
}

/** Parses each item; an id or alias claimed twice is an error at the second claim. */
function parseItems(values: readonly unknown[], issues: Issue[]): ParsedItems {
  const items: ParsedItem[] = []
  const index = new Map<string, number>()
  const aliases = new Map<string, string>()
  const claimedBy = new Map<string, Located>()
  values.forEach((value, position) => {
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
    index.set(item.id, items.length)
    items.push({ item, rawComponents: rawComponents ?? [], where })
  })
  return { items, index, aliases }
}

/** The id an id or alias stands for among the parsed items, or undefined when neither is known. */
function canonicalId(parsed: ParsedItems, id: string): string | undefined {
  return parsed.index.has(id) ? id : parsed.aliases.get(id)
}

/** A stable order, by id: the nodes' indexes. */
function orderById(items: readonly ParsedItem[]): OrderedItems {
  const order = [...items].sort((a, b) => compareText(a.item.id, b.item.id))
  const position = new Map<string, number>()
  order.forEach((entry, at) => position.set(entry.item.id, at))
  const drafts: DraftNode[] = order.map((entry) => ({
    item: entry.item,
    edges: [],
    children: [],
    quantities: [],
    notes: [],
    parents: [],
  }))
  return { order, position, drafts }
}

/** Checks every item's subcategory and components, and links each valid component as an edge. */
function linkComponents(
  items: { ordered: OrderedItems; parsed: ParsedItems },
  subcategoryCodes: ReadonlySet<string>,
  issues: Issue[],
): Linked {
  const { ordered, parsed } = items
  const linked: Linked = { integralQuantities: true, selfReferenced: new Set() }
  ordered.order.forEach((entry, parentIndex) => {
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
      const component = linkComponent(
        { ordered, parsed, linked, issues },
        { entry, parentIndex },
        { rawComponent, position },
      )
      if (component !== undefined) components.push(component)
    })
    const draft = ordered.drafts[parentIndex] as DraftNode
    if (components.length > 0) draft.item = { ...draft.item, components }
  })
  for (const draft of ordered.drafts) draft.parents.sort((a, b) => a - b)
  return linked
}

/** Where a component is written: its own source, or its place inside its item's. */
function componentLocation(entry: ParsedItem, rawComponent: unknown, position: number): Located {
  const where = locate(sourceOf(rawComponent), [...entry.where.path, 'components', position])
  if (sourceOf(rawComponent) === undefined && entry.where.file !== undefined) {
    where.file = entry.where.file
    where.path = [...pathAt(entry.where, ['components']), position]
  }
  return where
}

/**
 * One component of an item: parsed, resolved and added as an edge; the parsed component (also when its
 * id is unknown, so the item keeps it), or undefined when it does not parse.
 */
function linkComponent(
  context: { ordered: OrderedItems; parsed: ParsedItems; linked: Linked; issues: Issue[] },
  parent: { entry: ParsedItem; parentIndex: number },
  written: { rawComponent: unknown; position: number },
): Component | undefined {
  const { ordered, parsed, linked, issues } = context
  const { entry, parentIndex } = parent
  const where = componentLocation(entry, written.rawComponent, written.position)
  const result = ComponentSchema.safeParse(written.rawComponent, { reportInput: true })
  if (!result.success) {
    issues.push(...zodIssuesAt(where, result.error.issues, asQuantityIssue))
    return undefined
  }
  const component = result.data
  const canonical = canonicalId(parsed, component.id)
  if (canonical === undefined) {
    issues.push(
      issueAt(where, ['id'], {
        code: 'dangling_reference',
        severity: 'error',
        message: `${JSON.stringify(component.id)} is neither a part nor an assembly`,
      }),
    )
    return component
  }
  const childIndex = ordered.position.get(canonical) as number
  if (childIndex === parentIndex && entry.rawComponents.length === 1) {
    // an item whose only component is itself is a leaf
    linked.selfReferenced.add(parentIndex)
    issues.push(
      issueAt(where, [], {
        code: 'self_reference',
        severity: 'warning',
        message: `${JSON.stringify(entry.item.id)} lists only itself as a component; it is treated as a leaf`,
      }),
    )
    return component
  }
  if (!Number.isInteger(component.quantity)) linked.integralQuantities = false
  const draft = ordered.drafts[parentIndex] as DraftNode
  draft.edges.push(where)
  draft.children.push(childIndex)
  draft.quantities.push(component.quantity)
  draft.notes.push(component.notes ?? null)
  const child = ordered.drafts[childIndex] as DraftNode
  // parents arrive in index order, so a repeat can only be the last one (includes() is quadratic)
  if (child.parents.at(-1) !== parentIndex) child.parents.push(parentIndex)
  return component
}

/** References in subcategories' item lists to ids the catalog does not have. */
function unknownSubcategoryRefs(
  subcategories: readonly Subcategory[],
  resolve: (id: string) => string | undefined,
): Issue[] {
  const issues: Issue[] = []
  for (const subcategory of subcategories) {
    subcategory.itemRefs?.forEach((ref, position) => {
      if (resolve(ref) !== undefined) return
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
  return issues
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
