import type {
  Catalog,
  CatalogData,
  Item,
  PriceList,
  SellingPriceList,
} from '@torvan/configurator-core'
import { buildCatalog, formatIssue } from '@torvan/configurator-core'
import { and, asc, eq, ne } from 'drizzle-orm'
import type { Database, Executor } from '../db/open.js'
import {
  categories,
  components,
  items,
  priceLists,
  prices,
  subcategories,
} from '../db/schema/index.js'
import { DEFAULT_PRICE_LIST, SELLING_PRICE_LIST } from './import.js'

/**
 * Builds the catalog graph from the database: the current (not retired) parts and assemblies.
 * Returns undefined when nothing has been imported yet.
 */
export async function readCatalog(db: Database): Promise<Catalog | undefined> {
  const [categoryRows, subcategoryRows, itemRows, componentRows] = await Promise.all([
    db.select().from(categories).orderBy(asc(categories.position)),
    db.select().from(subcategories).orderBy(asc(subcategories.position)),
    db
      .select()
      .from(items)
      // custom parts are BOM lines, not catalog structure
      .where(and(eq(items.retired, false), ne(items.kind, 'custom')))
      .orderBy(asc(items.id)),
    db.select().from(components).orderBy(asc(components.parentId), asc(components.position)),
  ])
  if (itemRows.length === 0) return undefined
  const structure = new Map<string, NonNullable<Item['components']>>()
  for (const row of componentRows) {
    let list = structure.get(row.parentId)
    if (list === undefined) structure.set(row.parentId, (list = []))
    list.push({
      id: row.childId,
      quantity: Number(row.quantity),
      ...(row.notes === null ? {} : { notes: row.notes }),
    })
  }
  const data: CatalogData = {
    categories: categoryRows.map((c) => ({
      code: c.code,
      name: c.name,
      ...(c.description === null ? {} : { description: c.description }),
    })),
    subcategories: subcategoryRows.map((s) => ({
      code: s.code,
      categoryCode: s.categoryCode,
      name: s.name,
      ...(s.description === null ? {} : { description: s.description }),
    })),
    items: itemRows.map((row) => {
      const item: Item = {
        id: row.id,
        name: row.name,
        kind: row.kind === 'assembly' ? 'assembly' : 'part',
        subcategoryCode: row.subcategoryCode,
      }
      if (row.aliases.length > 0) item.aliases = row.aliases
      if (row.attributes !== null) item.attributes = row.attributes
      const list = structure.get(row.id)
      if (list !== undefined) item.components = list
      return item
    }),
  }
  const built = buildCatalog(data)
  if (!built.ok) {
    const first = built.issues.find((issue) => issue.severity === 'error')
    throw new Error(
      `the catalog in the database does not build: ${first === undefined ? '' : formatIssue(first)}`,
    )
  }
  return built.catalog
}

/** A stored price list by name with its prices by item id, or undefined when none was imported. */
async function readStoredList(db: Executor, name: string) {
  const [list] = await db.select().from(priceLists).where(eq(priceLists.name, name))
  if (list === undefined) return undefined
  const rows = await db
    .select({ itemId: prices.itemId, unitPrice: prices.unitPrice })
    .from(prices)
    .where(eq(prices.priceListId, list.id))
    .orderBy(asc(prices.itemId))
  return { list, prices: Object.fromEntries(rows.map((row) => [row.itemId, row.unitPrice])) }
}

/** The imported price list, or undefined when the catalog came without one. */
export async function readPriceList(db: Database): Promise<PriceList | undefined> {
  const stored = await readStoredList(db, DEFAULT_PRICE_LIST)
  return stored && { currency: stored.list.currency, prices: stored.prices }
}

/**
 * The selling price list (list prices and the custom-part markups), read from the database on each
 * call so that a price change is seen at once; undefined when no catalog brought one.
 */
export async function readSellingPriceList(db: Executor): Promise<SellingPriceList | undefined> {
  const stored = await readStoredList(db, SELLING_PRICE_LIST)
  return (
    stored && {
      currency: stored.list.currency,
      prices: stored.prices,
      customParts: stored.list.customParts ?? [],
    }
  )
}
