import type { Catalog } from '@torvan/configurator-core'
import { didYouMean, explode, flatten, rollUpCost, whereUsed } from '@torvan/configurator-core'
import type { SQL } from 'drizzle-orm'
import { and, asc, count, desc, eq, inArray, sql } from 'drizzle-orm'
import { z } from 'zod'
import { DEFAULT_PRICE_LIST } from '../catalog/import.js'
import { categories, itemKind, items, priceLists, prices, subcategories } from '../db/schema.js'
import { ProblemError } from '../http/problem.js'
import { defineRoute } from '../http/route.js'
import { requireModel } from './model.js'

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
      const { db } = services
      const filters: SQL[] = [eq(items.retired, false)]
      const words = query.q === undefined ? undefined : tsquery(query.q)
      const text = query.q?.trim() ?? ''
      if (words !== undefined) {
        filters.push(
          sql`(${items.search} @@ to_tsquery('simple', ${words}) or ${items.id} = ${text})`,
        )
      }
      if (query.type !== undefined) filters.push(eq(items.kind, query.type))
      if (query.subcategory !== undefined)
        filters.push(eq(items.subcategoryCode, query.subcategory))
      if (query.category !== undefined) {
        filters.push(
          inArray(
            items.subcategoryCode,
            db
              .select({ code: subcategories.code })
              .from(subcategories)
              .where(eq(subcategories.categoryCode, query.category)),
          ),
        )
      }
      const where = and(...filters)
      const order =
        words === undefined
          ? [asc(items.id)]
          : [
              desc(sql`${items.id} = ${text}`),
              desc(sql`ts_rank(${items.search}, to_tsquery('simple', ${words}))`),
              asc(items.id),
            ]
      const [rows, totals] = await Promise.all([
        db
          .select({
            id: items.id,
            name: items.name,
            kind: items.kind,
            subcategoryCode: items.subcategoryCode,
            unitPrice: prices.unitPrice,
          })
          .from(items)
          .leftJoin(priceLists, eq(priceLists.name, DEFAULT_PRICE_LIST))
          .leftJoin(prices, and(eq(prices.priceListId, priceLists.id), eq(prices.itemId, items.id)))
          .where(where)
          .orderBy(...order)
          .limit(query.pageSize)
          .offset((query.page - 1) * query.pageSize),
        db.select({ total: count() }).from(items).where(where),
      ])
      return {
        body: {
          items: rows,
          page: query.page,
          pageSize: query.pageSize,
          total: totals[0]?.total ?? 0,
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
      const model = requireModel(services)
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
      const { catalog, priceList } = requireModel(services)
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
      const { catalog } = requireModel(services)
      const id = catalog.resolve(params.id)
      if (id === undefined) throw notFound(catalog, params.id)
      return Promise.resolve({ body: { id, usedIn: whereUsed(catalog, id) } })
    },
  }),
]
