import type { Catalog } from '@torvan/configurator-core'
import { didYouMean, explode, flatten, rollUpCost, whereUsed } from '@torvan/configurator-core'
import type { SQL } from 'drizzle-orm'
import { and, asc, count, eq, sql } from 'drizzle-orm'
import { z } from 'zod'
import { DEFAULT_PRICE_LIST } from '../catalog/import.js'
import {
  categories,
  itemKind,
  items,
  priceLists,
  prices,
  subcategories,
} from '../db/schema/index.js'
import type { Statement } from '../db/raw.js'
import { prepareStatement, runStatement } from '../db/raw.js'
import { ProblemError } from '../http/problem.js'
import { defineRoute } from '../http/route.js'
import { requireCatalog } from '../http/require-model.js'

const ItemParams = z.object({
  id: z
    .string()
    .min(1)
    .describe('the item id, percent-encoded: 8-32%20PAN%20HEAD%20SCREWS%201%2F2%22'),
})

const Quantity = z
  .string()
  .regex(/^(?:\d+(?:\.\d+)?)$/, 'a quantity is a positive decimal number such as 2 or 1.5')
  .refine((value) => Number(value) > 0, 'a quantity is greater than 0')

const Flag = z
  .enum(['true', 'false', '1', '0'])
  .transform((value) => value === 'true' || value === '1')

const ItemSummary = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(itemKind.enumValues),
  subcategoryCode: z.string().nullable(),
  unitPrice: z.string().nullable().optional().describe('only for users with financials:read'),
})

function notFound(catalog: Catalog, id: string): ProblemError {
  const hint = didYouMean(id, catalog.ids())
  return new ProblemError(
    'notFound',
    `There is no item "${id}" in the catalog${hint === undefined ? '.' : `: ${hint}`}`,
  )
}

/** words to prefix-match, as a safe tsquery: letters and digits only */
function tsquery(text: string): string | undefined {
  const words = text.split(/[^\p{L}\p{N}]+/u).filter((word) => word.length > 0)
  if (words.length === 0) return undefined
  return words
    .slice(0, 10)
    .map((word) => `${word.toLowerCase()}:*`)
    .join(' & ')
}

/** The item search's two statements (page and count), rendered once per combination of filters. */
const itemSearches = new Map<string, { rows: Statement; total: Statement }>()

function itemSearch(shape: {
  words: boolean
  type: boolean
  subcategory: boolean
  category: boolean
}): { rows: Statement; total: Statement } {
  const key = JSON.stringify(shape)
  const known = itemSearches.get(key)
  if (known !== undefined) return known
  const words = sql.placeholder('words')
  const text = sql.placeholder('text')
  const filters: SQL[] = [sql`${items.retired} = false`]
  if (shape.words) {
    filters.push(sql`(${items.search} @@ to_tsquery('simple', ${words}) or ${items.id} = ${text})`)
  }
  if (shape.type) filters.push(sql`${items.kind} = ${sql.placeholder('type')}`)
  if (shape.subcategory)
    filters.push(sql`${items.subcategoryCode} = ${sql.placeholder('subcategory')}`)
  if (shape.category) {
    filters.push(
      sql`${items.subcategoryCode} in (select ${subcategories.code} from ${subcategories} where ${subcategories.categoryCode} = ${sql.placeholder('category')})`,
    )
  }
  const where = sql.join(filters, sql` and `)
  // exact id first, then by relevance and id
  const order = shape.words
    ? sql`${items.id} = ${text} desc, ts_rank(${items.search}, to_tsquery('simple', ${words})) desc, ${items.id} asc`
    : sql`${items.id} asc`
  const search = {
    rows: prepareStatement(sql`select ${items.id} as "id", ${items.name} as "name", ${items.kind} as "kind",
        ${items.subcategoryCode} as "subcategoryCode", ${prices.unitPrice} as "unitPrice"
      from ${items}
      left join ${priceLists} on ${priceLists.name} = ${DEFAULT_PRICE_LIST}
      left join ${prices} on ${prices.priceListId} = ${priceLists.id} and ${prices.itemId} = ${items.id}
      where ${where} order by ${order}
      limit ${sql.placeholder('limit')} offset ${sql.placeholder('offset')}`),
    total: prepareStatement(sql`select count(*) as "total" from ${items} where ${where}`),
  }
  itemSearches.set(key, search)
  return search
}

/** Browsing the catalog: categories, search, items, explosion and where-used. */
export const catalogRoutes = [
  defineRoute({
    method: 'get',
    path: '/categories',
    summary: 'The category tree: categories, their subcategories and how many items each has',
    tag: 'Catalog',
    access: 'catalog:read',
    response: {
      status: 200,
      description: 'Categories in catalog order',
      schema: z.object({
        categories: z.array(
          z.object({
            code: z.string(),
            name: z.string(),
            description: z.string().nullable(),
            subcategories: z.array(
              z.object({
                code: z.string(),
                name: z.string(),
                description: z.string().nullable(),
                items: z.number(),
              }),
            ),
          }),
        ),
      }),
    },
    handler: async ({ services }) => {
      const { db } = services
      const [categoryRows, subcategoryRows, counts] = await Promise.all([
        db.select().from(categories).orderBy(asc(categories.position)),
        db.select().from(subcategories).orderBy(asc(subcategories.position)),
        db
          .select({ code: items.subcategoryCode, items: count() })
          .from(items)
          .where(eq(items.retired, false))
          .groupBy(items.subcategoryCode),
      ])
      const itemCounts = new Map(counts.map((row) => [row.code, row.items]))
      return {
        body: {
          categories: categoryRows.map((category) => ({
            code: category.code,
            name: category.name,
            description: category.description,
            subcategories: subcategoryRows
              .filter((sub) => sub.categoryCode === category.code)
              .map((sub) => ({
                code: sub.code,
                name: sub.name,
                description: sub.description,
                items: itemCounts.get(sub.code) ?? 0,
              })),
          })),
        },
      }
    },
  }),
  defineRoute({
    method: 'get',
    path: '/items',
    summary: 'Search items by words of their id or name, filter by category and kind',
    tag: 'Catalog',
    access: 'catalog:read',
    query: z.strictObject({
      q: z.string().max(200).optional().describe('words that ids or names start with'),
      category: z.string().optional().describe('a category code, e.g. 718'),
      subcategory: z.string().optional().describe('a subcategory code, e.g. 719.016'),
      type: z.enum(itemKind.enumValues).optional(),
      page: z.coerce.number().int().min(1).max(10_000).default(1),
      pageSize: z.coerce.number().int().min(1).max(200).default(50),
    }),
    response: {
      status: 200,
      description: 'One page of matching items: exact id first, then by relevance and id',
      schema: z.object({
        items: z.array(ItemSummary),
        page: z.number(),
        pageSize: z.number(),
        total: z.number(),
      }),
    },
    handler: async ({ query, services }) => {
      const words = query.q === undefined ? undefined : tsquery(query.q)
      const search = itemSearch({
        words: words !== undefined,
        type: query.type !== undefined,
        subcategory: query.subcategory !== undefined,
        category: query.category !== undefined,
      })
      const values = {
        words,
        text: query.q?.trim() ?? '',
        type: query.type,
        subcategory: query.subcategory,
        category: query.category,
        limit: query.pageSize,
        offset: (query.page - 1) * query.pageSize,
      }
      const [rows, totals] = await Promise.all([
        runStatement<Record<string, unknown>>(services.db, search.rows, values),
        runStatement<{ total: number | string }>(services.db, search.total, values),
      ])
      return {
        body: {
          items: rows,
          page: query.page,
          pageSize: query.pageSize,
          total: Number(totals[0]?.total ?? 0),
        },
      }
    },
  }),
  defineRoute({
    method: 'get',
    path: '/items/{id}',
    summary: 'One item: its structure, the assemblies that use it directly, its price',
    tag: 'Catalog',
    access: 'catalog:read',
    params: ItemParams,
    response: {
      status: 200,
      description: 'The item',
      schema: ItemSummary.extend({
        aliases: z.array(z.string()),
        attributes: z.record(z.string(), z.unknown()),
        family: z.string().optional(),
        spec: z.record(z.string(), z.unknown()).optional(),
        components: z.array(
          z.object({
            id: z.string(),
            name: z.string(),
            quantity: z.number(),
            notes: z.string().optional(),
          }),
        ),
        usedIn: z.array(z.string()),
      }),
    },
    problems: [404],
    handler: async ({ params, services }) => {
      const model = requireCatalog(services)
      const { catalog, priceList } = model
      const item = catalog.get(params.id)
      if (item === undefined) {
        const [custom] = await services.db
          .select()
          .from(items)
          .where(and(eq(items.id, params.id), eq(items.kind, 'custom')))
        if (custom === undefined) throw notFound(catalog, params.id)
        return {
          body: {
            id: custom.id,
            name: custom.name,
            kind: 'custom',
            subcategoryCode: null,
            aliases: [],
            attributes: {},
            family: custom.family,
            spec: custom.spec,
            components: [],
            usedIn: [],
          },
        }
      }
      return {
        body: {
          id: item.id,
          name: item.name,
          kind: item.kind,
          subcategoryCode: item.subcategoryCode ?? null,
          aliases: item.aliases ?? [],
          attributes: item.attributes ?? {},
          components: (item.components ?? []).map((component) => ({
            id: catalog.resolve(component.id) ?? component.id,
            name: catalog.get(component.id)?.name ?? '',
            quantity: component.quantity,
            ...(component.notes == null ? {} : { notes: component.notes }),
          })),
          usedIn: catalog.parentsOf(item.id),
          unitPrice: priceList?.prices[item.id] ?? null,
        },
      }
    },
  }),
  defineRoute({
    method: 'get',
    path: '/items/{id}/explode',
    summary: 'The item exploded: its tree, or with flat=true its leaf parts with summed quantities',
    tag: 'Catalog',
    access: 'catalog:read',
    params: ItemParams,
    query: z.strictObject({
      quantity: Quantity.default('1'),
      flat: Flag.default(false),
    }),
    response: {
      status: 200,
      description:
        'The tree (`tree`) or the flat list (`flat`, with `cost` for users with financials:read)',
      schema: z.object({
        id: z.string(),
        quantity: z.string(),
        tree: z.unknown().optional(),
        flat: z
          .array(z.object({ id: z.string(), name: z.string(), quantity: z.string() }))
          .optional(),
        cost: z.unknown().optional(),
      }),
    },
    problems: [404],
    handler: ({ params, query, services }) => {
      const { catalog, priceList } = requireCatalog(services)
      const id = catalog.resolve(params.id)
      if (id === undefined) throw notFound(catalog, params.id)
      if (query.flat) {
        const flat = flatten(catalog, id, query.quantity)
        return Promise.resolve({
          body: {
            id,
            quantity: query.quantity,
            flat,
            ...(priceList === undefined ? {} : { cost: rollUpCost(flat, priceList) }),
          },
        })
      }
      return Promise.resolve({
        body: { id, quantity: query.quantity, tree: explode(catalog, id, query.quantity) },
      })
    },
  }),
  defineRoute({
    method: 'get',
    path: '/items/{id}/where-used',
    summary: 'Every assembly that contains the item, directly or through sub-assemblies',
    tag: 'Catalog',
    access: 'catalog:read',
    params: ItemParams,
    response: {
      status: 200,
      description: 'The assemblies, with the quantity of the item in each',
      schema: z.object({ id: z.string(), usedIn: z.array(z.unknown()) }),
    },
    problems: [404],
    handler: ({ params, services }) => {
      const { catalog } = requireCatalog(services)
      const id = catalog.resolve(params.id)
      if (id === undefined) throw notFound(catalog, params.id)
      return Promise.resolve({ body: { id, usedIn: whereUsed(catalog, id) } })
    },
  }),
]
