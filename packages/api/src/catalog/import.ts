import type { Catalog, PriceList, SellingPriceList } from '@torvan/configurator-core'
import { canonicalJson, hashCatalog, sha256 } from '@torvan/configurator-core'
import { eq, sql } from 'drizzle-orm'
import type { Database, Executor } from '../db/open.js'
import {
  catalogImports,
  categories,
  components,
  items,
  priceLists,
  prices,
  subcategories,
} from '../db/schema/index.js'
import { writeAudit } from '../audit.js'
import { emitEvent } from '../events/emit.js'

/** How far an import has got, for a progress bar. */
export interface ImportProgress {
  done: number
  total: number
}

/** What an import did: `imported` is false when this exact catalog and price list were imported before. */
export interface ImportResult {
  imported: boolean
  /** the import's key: the catalog with its categories and price lists */
  hash: string
  /** the catalog's hash (`hashCatalog`), as `/health` and every BOM of it report it */
  catalogHash: string
  counts: Record<string, number>
}

/** rows per INSERT */
const BATCH = 5000

/** the name of the price list of unit costs an import brings */
export const DEFAULT_PRICE_LIST = 'default'

/** the name of the price list of selling prices an import brings */
export const SELLING_PRICE_LIST = 'list'

/** what makes two imports the same: the catalog's hash, its categories and its price lists */
function importHash(
  catalog: Catalog,
  priceList: PriceList | undefined,
  sellingPrices: SellingPriceList | undefined,
): string {
  return sha256(
    canonicalJson({
      catalog: hashCatalog(catalog),
      categories: catalog.categories.map((c) => [c.code, c.name, c.description ?? null]),
      subcategories: catalog.subcategories.map((s) => [s.code, s.categoryCode, s.name]),
      prices: priceList ?? null,
      // left out when absent, so that imports made before selling prices keep their hash
      ...(sellingPrices === undefined
        ? {}
        : { sellingPrices: { ...sellingPrices, description: null, $schema: null } }),
    }),
  )
}

async function insertBatches<T>(
  rows: readonly T[],
  insert: (batch: T[]) => Promise<unknown>,
  advance: (count: number) => void,
): Promise<void> {
  for (let start = 0; start < rows.length; start += BATCH) {
    const batch = rows.slice(start, start + BATCH)
    await insert(batch)
    advance(batch.length)
  }
}

/**
 * Imports a loaded catalog (and its price list) in one transaction: categories, items and structure are
 * upserted in batches, items the catalog no longer has are retired. Importing the same catalog twice
 * changes nothing the second time.
 *
 * @example await importCatalog(db, { catalog, source: 'fixtures/catalog' })
 */
export async function importCatalog(
  db: Database,
  input: ImportInput,
  options: { onProgress?: (progress: ImportProgress) => void; requestId?: string } = {},
): Promise<ImportResult> {
  const { catalog, priceList, sellingPrices } = input
  const hash = importHash(catalog, priceList, sellingPrices)
  const catalogHash = hashCatalog(catalog)
  const rows = importRows(input)
  const { counts, priceRows, sellingRows } = rows
  const total = counts.categories + counts.subcategories + counts.items + counts.components
  let done = 0
  const advance = (count: number) => {
    done += count
    options.onProgress?.({ done, total: total + counts.prices + sellingRows.length })
  }

  return db.transaction(async (tx) => {
    // one import at a time: a second one waits here, then finds the first's hash
    await tx.execute(sql`select pg_advisory_xact_lock(7172001)`)
    const known = await tx
      .select({ id: catalogImports.id })
      .from(catalogImports)
      .where(eq(catalogImports.hash, hash))
    if (known.length > 0) return { imported: false, hash, catalogHash, counts }
    await upsertCategories(tx, catalog, advance)
    await upsertItems(tx, { catalog, componentRows: rows.componentRows }, advance)
    if (priceList !== undefined) {
      await importPrices(
        tx,
        { name: DEFAULT_PRICE_LIST, currency: priceList.currency, rows: priceRows },
        advance,
      )
    }
    if (sellingPrices !== undefined) {
      const { currency, customParts } = sellingPrices
      await importPrices(
        tx,
        { name: SELLING_PRICE_LIST, currency, customParts, rows: sellingRows },
        advance,
      )
    }
    // the bulk insert went to the item search index's pending list, which every search would read
    // until a vacuum merged it: merged here, once, so that searches read only the index itself (through
    // the owner's function of migration 0014, since the service's role may own no index)
    await tx.execute(sql`select merge_items_search_pending_list()`)
    await tx.insert(catalogImports).values({ hash, source: input.source, counts })
    await writeAudit(tx, {
      action: 'catalog.import',
      entity: 'catalog',
      entityId: hash,
      after: { source: input.source, counts },
      requestId: options.requestId ?? null,
    })
    await emitEvent(tx, {
      type: 'catalog.imported',
      payload: { hash, source: input.source, counts },
      requestId: options.requestId ?? null,
    })
    return { imported: true, hash, catalogHash, counts }
  })
}

interface ImportInput {
  catalog: Catalog
  source: string
  priceList?: PriceList | undefined
  sellingPrices?: SellingPriceList | undefined
}

interface ComponentRow {
  parentId: string
  position: number
  childId: string
  quantity: string
  notes: string | null
}

/** the rows an import writes besides the categories and items, and the counts it reports */
function importRows(input: ImportInput) {
  const { catalog, priceList, sellingPrices } = input
  const componentRows = catalog.items.flatMap((item) =>
    (item.components ?? []).map((component, position) => ({
      parentId: item.id,
      position,
      childId: catalog.resolve(component.id) ?? component.id,
      quantity: String(component.quantity),
      notes: component.notes ?? null,
    })),
  )
  const priceRows = Object.entries(priceList?.prices ?? {}).filter(
    ([id]) => catalog.get(id) !== undefined,
  )
  const sellingRows = Object.entries(sellingPrices?.prices ?? {}).filter(
    ([id]) => catalog.get(id) !== undefined,
  )
  const counts = {
    categories: catalog.categories.length,
    subcategories: catalog.subcategories.length,
    items: catalog.items.length,
    components: componentRows.length,
    prices: priceRows.length,
    ...(sellingPrices === undefined ? {} : { sellingPrices: sellingRows.length }),
  }
  return { componentRows, priceRows, sellingRows, counts }
}

/** the categories and subcategories, inserted or updated in place */
async function upsertCategories(
  tx: Executor,
  catalog: Catalog,
  advance: (count: number) => void,
): Promise<void> {
  await insertBatches(
    catalog.categories.map((c, position) => ({
      code: c.code,
      name: c.name,
      description: c.description ?? null,
      position,
    })),
    (batch) =>
      tx
        .insert(categories)
        .values(batch)
        .onConflictDoUpdate({
          target: categories.code,
          set: {
            name: sql`excluded.name`,
            description: sql`excluded.description`,
            position: sql`excluded.position`,
          },
        }),
    advance,
  )
  await insertBatches(
    catalog.subcategories.map((s, position) => ({
      code: s.code,
      categoryCode: s.categoryCode,
      name: s.name,
      description: s.description ?? null,
      position,
    })),
    (batch) =>
      tx
        .insert(subcategories)
        .values(batch)
        .onConflictDoUpdate({
          target: subcategories.code,
          set: {
            categoryCode: sql`excluded.category_code`,
            name: sql`excluded.name`,
            description: sql`excluded.description`,
            position: sql`excluded.position`,
          },
        }),
    advance,
  )
}

/** every item upserted (the others retired, but custom parts) and the structure written anew */
async function upsertItems(
  tx: Executor,
  input: { catalog: Catalog; componentRows: readonly ComponentRow[] },
  advance: (count: number) => void,
): Promise<void> {
  await tx
    .update(items)
    .set({ retired: true })
    .where(sql`${items.kind} <> 'custom'`)
  // items and structure go as one JSON parameter per batch, unpacked by the server: binding
  // thousands of parameters per statement cost four times the insert itself
  await insertBatches(
    input.catalog.items.map((item) => ({
      id: item.id,
      kind: item.kind,
      name: item.name,
      subcategory_code: item.subcategoryCode ?? null,
      aliases: item.aliases ?? [],
      attributes: item.attributes ?? null,
    })),
    (batch) =>
      tx.execute(sql`
        insert into ${items} (id, kind, name, subcategory_code, aliases, attributes, retired)
        select id, kind, name, subcategory_code, aliases, attributes, false
        from jsonb_to_recordset(${JSON.stringify(batch)}::jsonb)
          as r(id text, kind item_kind, name text, subcategory_code text, aliases text[], attributes jsonb)
        on conflict (id) do update set
          kind = excluded.kind, name = excluded.name, subcategory_code = excluded.subcategory_code,
          aliases = excluded.aliases, attributes = excluded.attributes, retired = false`),
    advance,
  )
  await tx.delete(components)
  await insertBatches(
    input.componentRows,
    (batch) =>
      tx.execute(sql`
        insert into ${components} (parent_id, position, child_id, quantity, notes)
        select "parentId", position, "childId", quantity, notes
        from jsonb_to_recordset(${JSON.stringify(batch)}::jsonb)
          as r("parentId" text, position integer, "childId" text, quantity numeric, notes text)`),
    advance,
  )
}

async function importPrices(
  tx: Executor,
  input: {
    name: string
    currency: string
    customParts?: SellingPriceList['customParts']
    rows: readonly [string, string][]
  },
  advance: (count: number) => void,
): Promise<void> {
  const { name, currency, rows } = input
  const customParts = input.customParts ?? null
  const [list] = await tx
    .insert(priceLists)
    .values({ name, currency, customParts })
    .onConflictDoUpdate({ target: priceLists.name, set: { currency, customParts } })
    .returning({ id: priceLists.id })
  if (list === undefined) throw new Error('the price list insert returned no row')
  await tx.delete(prices).where(eq(prices.priceListId, list.id))
  await insertBatches(
    rows.map(([itemId, unitPrice]) => ({ priceListId: list.id, itemId, unitPrice })),
    (batch) => tx.insert(prices).values(batch),
    advance,
  )
}
