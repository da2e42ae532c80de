// Catalog. The document splits parts and assemblies into two tables; one `items` table keeps the
// catalog's opaque ids as the key everywhere (components, BOM lines, prices) and holds custom parts too.
import { sql } from 'drizzle-orm'
import {
  boolean,
  index,
  integer,
  jsonb,
  numeric,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from 'drizzle-orm/pg-core'
import { tsvector, createdAt } from './columns.js'

export const categories = pgTable('categories', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  description: text('description'),
  position: integer('position').notNull(),
})

export const subcategories = pgTable(
  'subcategories',
  {
    code: text('code').primaryKey(),
    categoryCode: text('category_code')
      .notNull()
      .references(() => categories.code),
    name: text('name').notNull(),
    description: text('description'),
    position: integer('position').notNull(),
  },
  (t) => [index('subcategories_category_idx').on(t.categoryCode)],
)

export const itemKind = pgEnum('item_kind', ['part', 'assembly', 'custom'])

export const items = pgTable(
  'items',
  {
    /** the catalog's id, exactly as written: never trimmed or re-cased */
    id: text('id').primaryKey(),
    kind: itemKind('kind').notNull(),
    name: text('name').notNull(),
    /** not a foreign key: the customer's files name subcategories their index lacks (a load warning) */
    subcategoryCode: text('subcategory_code'),
    aliases: text('aliases')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    attributes: jsonb('attributes').$type<Record<string, string | number | boolean | null>>(),
    /** custom parts: the 700-series family and the specification they were made from */
    family: text('family'),
    spec: jsonb('spec').$type<Record<string, string | number>>(),
    /** true once a later catalog import no longer has it: kept for the BOMs that name it */
    retired: boolean('retired').notNull().default(false),
    search: tsvector('search')
      .notNull()
      .generatedAlwaysAs(
        sql`to_tsvector('simple', translate("id", '-_./', '    ') || ' ' || "id" || ' ' || "name")`,
      ),
    createdAt: createdAt(),
  },
  (t) => [
    index('items_search_idx').using('gin', t.search),
    index('items_subcategory_idx').on(t.subcategoryCode),
    index('items_kind_idx').on(t.kind),
  ],
)

export const components = pgTable(
  'components',
  {
    parentId: text('parent_id')
      .notNull()
      .references(() => items.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    childId: text('child_id')
      .notNull()
      .references(() => items.id),
    quantity: numeric('quantity').notNull(),
    notes: text('notes'),
  },
  (t) => [
    primaryKey({ columns: [t.parentId, t.position] }),
    index('components_child_idx').on(t.childId),
  ],
)

/** One row per catalog import: what was imported, so that importing it again changes nothing. */
export const catalogImports = pgTable('catalog_imports', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  hash: text('hash').notNull().unique(),
  source: text('source').notNull(),
  counts: jsonb('counts').$type<Record<string, number>>().notNull(),
  importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow(),
})

/**
 * Price lists: `default` holds the catalog's unit costs (prices.json), `list` the selling prices
 * (list-prices.json). Costs and selling prices never share a list.
 */
export const priceLists = pgTable('price_lists', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  name: text('name').notNull().unique(),
  currency: text('currency').notNull(),
  /** selling prices: how custom parts are priced (a base item's price plus a markup), per family */
  customParts:
    jsonb('custom_parts').$type<{ family: string; base: string; markupPercent: string }[]>(),
  createdAt: createdAt(),
})

export const prices = pgTable(
  'prices',
  {
    priceListId: integer('price_list_id')
      .notNull()
      .references(() => priceLists.id, { onDelete: 'cascade' }),
    itemId: text('item_id')
      .notNull()
      .references(() => items.id),
    unitPrice: numeric('unit_price').notNull(),
  },
  (t) => [primaryKey({ columns: [t.priceListId, t.itemId] })],
)
