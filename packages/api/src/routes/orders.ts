import { ConfigurationInput } from '../http/configuration-input.js'
import { sampleConfiguration } from '../http/examples.js'
import { rollUpCost } from '@torvan/configurator-core'
import { and, asc, desc, eq } from 'drizzle-orm'
import { z } from 'zod'
import { RowId } from '../http/row-id.js'
import { generateBom } from '../boms/generate.js'
import {
  orderItems,
  orderPhaseHistory,
  orderLanguage,
  orderPriority,
  orders,
  orderType,
  users,
} from '../db/schema/index.js'
import type { Executor } from '../db/open.js'
import type { Services } from '../services.js'
import { ProblemError } from '../http/problem.js'
import { defineRoute } from '../http/route.js'
import { PHASES } from '../orders/phases.js'
import { consolidatedBom, consolidatedBomCsv } from '../orders/consolidated-bom.js'
import { listOrders, searchOrders } from '../orders/search.js'
import { createOrder } from '../orders/create.js'
import { updateOrder } from '../orders/update.js'
import { changeOrderItems, checkDates, orderView } from '../orders/store.js'
import { transitionOrder } from '../orders/transition.js'
import { expectedVersion } from '../http/if-match.js'
import { requireCatalog, requireModel } from '../http/require-model.js'

const PRIORITIES = orderPriority.enumValues
const TYPES = orderType.enumValues
const LANGUAGES = orderLanguage.enumValues
/** a percentage with at most `decimals` places, as the column stores it (never rounded on the way) */
const percent = (decimals: number) =>
  z
    .string()
    .regex(
      new RegExp(`^\\d{1,3}(\\.\\d{1,${decimals}})?$`),
      `expected a percentage as a decimal string with at most ${decimals} decimals, such as "8.25"`,
    )
    .refine((value) => Number(value) <= 100, 'expected a percentage of at most 100')
const DiscountPercent = percent(2)
const TaxRatePercent = percent(3)
const Amount = z
  .string()
  .regex(/^\d{1,10}(\.\d{1,2})?$/, 'expected an amount as a decimal string, such as "150.00"')
const IsoDate = z.iso.date()
const Version = z
  .number()
  .int()
  .positive()
  .optional()
  .describe('the version you read (or send If-Match)')
const OrderParams = z.object({ id: RowId })
const ItemParams = z.object({
  id: RowId,
  itemId: RowId,
})
const BuildNumber = z.string().trim().min(1).max(50)

const OrderView = z.object({
  id: z.number(),
  number: z.string(),
  customer: z.object({ id: z.number(), name: z.string() }),
  poNumber: z.string().nullable(),
  type: z.enum(TYPES),
  priority: z.enum(PRIORITIES),
  phase: z.enum(PHASES),
  phaseSince: z.string(),
  version: z.number(),
  orderDate: z.string().nullable(),
  requestedDate: z.string().nullable(),
  dueDate: z.string().nullable(),
  promisedDate: z.string().nullable(),
  deliveredDate: z.string().nullable(),
  assignee: z.object({ id: z.number(), username: z.string() }).nullable(),
  language: z.enum(LANGUAGES),
  specialInstructions: z.string().nullable(),
  notes: z.string().nullable(),
  shipping: z.object({
    carrier: z.string().nullable(),
    trackingNumber: z.string().nullable(),
    shipDate: z.string().nullable(),
    deliveredDate: z.string().nullable(),
  }),
  money: z
    .object({
      currency: z.string(),
      discountPercent: z.string(),
      taxRatePercent: z.string(),
      shippingAmount: z.string(),
      subtotal: z.string().nullable(),
      discountAmount: z.string().nullable(),
      taxAmount: z.string().nullable(),
      total: z.string().nullable(),
      pricedAt: z.string().nullable(),
    })
    .optional()
    .describe('with financials:read only; the amounts are stored at approval'),
  createdAt: z.string(),
  updatedAt: z.string(),
  moves: z.array(z.enum(PHASES)),
  items: z.array(
    z.object({
      id: z.number(),
      buildNumber: z.string(),
      configurationId: z.number().nullable(),
      bomId: z.number().nullable(),
      bomRevision: z.number().nullable(),
      frozen: z.boolean(),
      unitPrice: z.string().nullable().optional(),
    }),
  ),
})

const SORTS = {
  created: asc(orders.createdAt),
  '-created': desc(orders.createdAt),
  number: asc(orders.number),
  '-number': desc(orders.number),
  due: asc(orders.dueDate),
  '-due': desc(orders.dueDate),
  priority: asc(orders.priority),
  '-priority': desc(orders.priority),
} as const

function etag(version: number): Record<string, string> {
  return { ETag: `"${version}"` }
}

/**
 * the configuration with the item's build number and, for a product with a `language` option, the
 * order's language; a different one in the configuration is an error
 */
function withBuildNumber(
  configuration: Record<string, unknown>,
  item: { buildNumber: string; language: string | undefined },
): Record<string, unknown> {
  const { buildNumber, language } = item
  const ownLanguage = configuration['language']
  if (language !== undefined && ownLanguage !== undefined && ownLanguage !== language) {
    throw new ProblemError(
      'invalidConfiguration',
      `body.configuration.language: the configuration says ${JSON.stringify(ownLanguage)} but the order's language is ${language}; leave it out (the order's language is copied into each sink) or change the order's.`,
      {
        extensions: {
          errors: [
            { path: 'body.configuration.language', message: "differs from the order's language" },
          ],
        },
      },
    )
  }
  const own = configuration['buildNumber']
  if (own !== undefined && own !== buildNumber) {
    throw new ProblemError(
      'invalidConfiguration',
      `body.configuration.buildNumber: the configuration says ${JSON.stringify(own)} but the item is build ${JSON.stringify(buildNumber)}; leave it out or make them equal.`,
      {
        extensions: {
          errors: [
            { path: 'body.configuration.buildNumber', message: 'differs from body.buildNumber' },
          ],
        },
      },
    )
  }
  return { ...configuration, buildNumber, ...(language === undefined ? {} : { language }) }
}

/** the order's language, for a configuration whose product takes one (each sink's manuals) */
async function languageFor(
  services: Services,
  input: { orderId: number; configuration: Record<string, unknown> },
): Promise<string | undefined> {
  const language = await orderLanguageOf(services.db, input.orderId)
  const { ruleset } = requireModel(services, input.configuration)
  return 'language' in ruleset.options ? language : undefined
}

/** the language of an order, read before its items' configurations are completed */
async function orderLanguageOf(db: Executor, id: number): Promise<string> {
  const [row] = await db.select({ language: orders.language }).from(orders).where(eq(orders.id, id))
  if (row === undefined) throw new ProblemError('notFound', `There is no order ${id}.`)
  return row.language
}

/** Orders: creating, searching, items with their BOMs, the consolidated BOM and the phase moves. */
export const orderRoutes = [
  defineRoute({
    method: 'get',
    path: '/orders',
    summary: 'Search orders: filters, text over number, PO and customer, sorting and pages',
    tag: 'Orders',
    access: 'orders:read',
    query: z.strictObject({
      q: z
        .string()
        .max(200)
        .optional()
        .describe('part of an order number, PO number or customer name'),
      phase: z.enum(PHASES).optional(),
      customerId: RowId.optional(),
      priority: z.enum(PRIORITIES).optional(),
      createdFrom: IsoDate.optional(),
      createdTo: IsoDate.optional(),
      dueFrom: IsoDate.optional(),
      dueTo: IsoDate.optional(),
      sort: z.enum(Object.keys(SORTS) as [keyof typeof SORTS]).default('-created'),
      page: z.coerce.number().int().min(1).max(100_000).default(1),
      pageSize: z.coerce.number().int().min(1).max(200).default(50),
    }),
    response: {
      status: 200,
      description: 'One page of orders',
      schema: z.object({
        orders: z.array(
          z.object({
            id: z.number(),
            number: z.string(),
            customer: z.string(),
            poNumber: z.string().nullable(),
            priority: z.string(),
            phase: z.string(),
            dueDate: z.string().nullable(),
            createdAt: z.string(),
            version: z.number(),
          }),
        ),
        page: z.number(),
        pageSize: z.number(),
        total: z.number(),
      }),
    },
    handler: async ({ query, services }) => {
      const filter = {
        phase: query.phase,
        customerId: query.customerId,
        priority: query.priority,
        createdFrom: query.createdFrom === undefined ? undefined : `${query.createdFrom}T00:00:00Z`,
        createdTo: query.createdTo === undefined ? undefined : `${query.createdTo}T23:59:59.999Z`,
        dueFrom: query.dueFrom,
        dueTo: query.dueTo,
        sort: { key: query.sort, order: SORTS[query.sort] },
        limit: query.pageSize,
        offset: (query.page - 1) * query.pageSize,
      }
      const q = query.q?.trim() ?? ''
      // with text, one statement: the matching set once, counted and paged (orders/search.ts)
      const found =
        q === ''
          ? await listOrders(services.db, filter)
          : await searchOrders(services.db, { ...filter, q })
      return {
        body: {
          orders: found.orders,
          page: query.page,
          pageSize: query.pageSize,
          total: found.total,
        },
      }
    },
  }),
  defineRoute({
    method: 'post',
    path: '/orders',
    summary: 'Create an order in DRAFT, with a generated order number',
    tag: 'Orders',
    access: 'orders:create',
    example: () => ({
      customerId: 1,
      poNumber: 'PO-2041',
      priority: 'NORMAL',
      requestedDate: '2027-03-01',
    }),
    idempotent: true,
    body: z.strictObject({
      customerId: z.number().int().positive(),
      poNumber: z.string().trim().min(1).max(100).optional(),
      type: z.enum(TYPES).default('STANDARD'),
      priority: z.enum(PRIORITIES).default('NORMAL'),
      orderDate: IsoDate.optional().describe('default: today (UTC)'),
      requestedDate: IsoDate.optional(),
      dueDate: IsoDate.optional(),
      promisedDate: IsoDate.optional(),
      assigneeId: z.number().int().positive().optional(),
      language: z.enum(LANGUAGES).default('EN'),
      specialInstructions: z.string().max(5000).optional(),
      notes: z.string().max(5000).optional(),
      currency: z
        .string()
        .regex(/^[A-Z]{3}$/, 'expected a three-letter currency code such as "USD"')
        .optional(),
      discountPercent: DiscountPercent.optional(),
      taxRatePercent: TaxRatePercent.optional(),
      shippingAmount: Amount.optional(),
    }),
    response: { status: 201, description: 'The new order', schema: OrderView },
    problems: [404, 409],
    handler: async ({ body, user, services, requestId }) => {
      const now = services.now()
      const orderDate = body.orderDate ?? now.toISOString().slice(0, 10)
      checkDates({
        orderDate,
        requestedDate: body.requestedDate ?? null,
        dueDate: body.dueDate ?? null,
        promisedDate: body.promisedDate ?? null,
        deliveredDate: null,
      })
      const view = await createOrder(services, { order: body, orderDate, now, user, requestId })
      return {
        status: 201,
        body: view,
        headers: { Location: `/orders/${view.id}`, ...etag(view.version) },
      }
    },
  }),
  defineRoute({
    method: 'get',
    path: '/orders/{id}',
    summary: 'One order with its items; the ETag is its version',
    tag: 'Orders',
    access: 'orders:read',
    params: OrderParams,
    response: { status: 200, description: 'The order', schema: OrderView },
    problems: [404],
    handler: async ({ params, services }) => {
      const view = await orderView(services.db, params.id)
      return { body: view, headers: etag(view.version) }
    },
  }),
  defineRoute({
    method: 'patch',
    path: '/orders/{id}',
    summary:
      'Change an order’s PO number, type, priority, dates, responsible user, language, instructions, notes or money terms (needs its version)',
    description:
      'The language can change only while the order has no sinks (each sink’s configuration carries it). The money terms can change until approval stores the amounts.',
    tag: 'Orders',
    access: 'orders:update',
    example: () => ({ version: 1, priority: 'HIGH', notes: 'Deliver to the loading dock.' }),
    versioned: true,
    params: OrderParams,
    body: z.strictObject({
      version: Version,
      poNumber: z.string().trim().min(1).max(100).nullable().optional(),
      type: z.enum(TYPES).optional(),
      priority: z.enum(PRIORITIES).optional(),
      orderDate: IsoDate.optional(),
      requestedDate: IsoDate.nullable().optional(),
      dueDate: IsoDate.nullable().optional(),
      promisedDate: IsoDate.nullable().optional(),
      deliveredDate: IsoDate.nullable().optional(),
      assigneeId: z.number().int().positive().nullable().optional(),
      language: z.enum(LANGUAGES).optional(),
      specialInstructions: z.string().max(5000).nullable().optional(),
      notes: z.string().max(5000).nullable().optional(),
      currency: z
        .string()
        .regex(/^[A-Z]{3}$/, 'expected a three-letter currency code such as "USD"')
        .optional(),
      discountPercent: DiscountPercent.optional(),
      taxRatePercent: TaxRatePercent.optional(),
      shippingAmount: Amount.optional(),
    }),
    response: { status: 200, description: 'The order as changed', schema: OrderView },
    problems: [404, 409, 412, 428],
    handler: async ({ params, body, user, services, requestId, c }) => {
      const { version, ...changes } = body
      const expected = expectedVersion(c, version)
      const view = await updateOrder(services, {
        id: params.id,
        expected,
        changes,
        user,
        requestId,
      })
      return { body: view, headers: etag(view.version) }
    },
  }),
  defineRoute({
    method: 'post',
    path: '/orders/{id}/items',
    summary: 'Add a sink to an order: its build number and configuration; its BOM is generated',
    tag: 'Orders',
    access: 'orders:update',
    example: () => ({
      version: 1,
      buildNumber: '34567',
      configuration: sampleConfiguration('t2-b2-standard'),
    }),
    versioned: true,
    idempotent: true,
    params: OrderParams,
    body: z.strictObject({
      version: Version,
      buildNumber: BuildNumber,
      configuration: ConfigurationInput,
    }),
    response: { status: 201, description: 'The order with the new item', schema: OrderView },
    problems: [404, 409, 412, 422, 428],
    handler: async ({ params, body, user, services, requestId, c }) => {
      const actor = user
      const expected = expectedVersion(c, body.version)
      const language = await languageFor(services, {
        orderId: params.id,
        configuration: body.configuration,
      })
      const { view: bom } = await generateBom(services, {
        configuration: withBuildNumber(body.configuration, {
          buildNumber: body.buildNumber,
          language,
        }),
        user: actor,
        requestId,
      })
      const view = await changeOrderItems(
        services,
        { orderId: params.id, version: expected, userId: actor.id, requestId },
        async (tx, order) => {
          const [item] = await tx
            .insert(orderItems)
            .values({
              orderId: order.id,
              buildNumber: body.buildNumber,
              configurationId: bom.configurationId,
              bomId: bom.id,
            })
            .onConflictDoNothing()
            .returning({ id: orderItems.id })
          if (item === undefined) {
            throw new ProblemError(
              'conflict',
              `Order ${order.number} already has a build ${body.buildNumber}: build numbers are unique within an order.`,
            )
          }
          return {
            action: 'order.item.create',
            entity: 'order_item',
            entityId: item.id,
            after: { orderId: order.id, buildNumber: body.buildNumber, bomId: bom.id },
          }
        },
      )
      return { status: 201, body: view, headers: etag(view.version) }
    },
  }),
  defineRoute({
    method: 'put',
    path: '/orders/{id}/items/{itemId}',
    summary: 'Change a sink’s configuration; its BOM becomes the next revision',
    tag: 'Orders',
    access: 'orders:update',
    example: () => ({ version: 2, configuration: sampleConfiguration('t2-b2-standard') }),
    versioned: true,
    params: ItemParams,
    body: z.strictObject({ version: Version, configuration: ConfigurationInput }),
    response: { status: 200, description: 'The order as changed', schema: OrderView },
    problems: [404, 409, 412, 422, 428],
    handler: async ({ params, body, user, services, requestId, c }) => {
      const actor = user
      const expected = expectedVersion(c, body.version)
      const [existing] = await services.db
        .select()
        .from(orderItems)
        .where(and(eq(orderItems.id, params.itemId), eq(orderItems.orderId, params.id)))
      if (existing === undefined)
        throw new ProblemError('notFound', `Order ${params.id} has no item ${params.itemId}.`)
      const { view: bom } = await generateBom(services, {
        configuration: withBuildNumber(body.configuration, {
          buildNumber: existing.buildNumber,
          language: await languageFor(services, {
            orderId: params.id,
            configuration: body.configuration,
          }),
        }),
        user: actor,
        requestId,
        // the new BOM is the next revision of this item's BOM, not of the new configuration's
        previousBomId: existing.bomId,
      })
      const view = await changeOrderItems(
        services,
        { orderId: params.id, version: expected, userId: actor.id, requestId },
        async (tx) => {
          await tx
            .update(orderItems)
            .set({ configurationId: bom.configurationId, bomId: bom.id })
            .where(eq(orderItems.id, existing.id))
          return {
            action: 'order.item.update',
            entity: 'order_item',
            entityId: existing.id,
            before: {
              orderId: existing.orderId,
              bomId: existing.bomId,
              configurationId: existing.configurationId,
            },
            after: {
              orderId: existing.orderId,
              buildNumber: existing.buildNumber,
              bomId: bom.id,
              configurationId: bom.configurationId,
            },
          }
        },
      )
      return { body: view, headers: etag(view.version) }
    },
  }),
  defineRoute({
    method: 'delete',
    path: '/orders/{id}/items/{itemId}',
    summary: 'Remove a sink from an order (before approval)',
    tag: 'Orders',
    access: 'orders:update',
    versioned: true,
    params: ItemParams,
    response: { status: 200, description: 'The order without the item', schema: OrderView },
    problems: [404, 409, 412, 428],
    handler: async ({ params, user, services, requestId, c }) => {
      const actor = user
      const view = await changeOrderItems(
        services,
        { orderId: params.id, version: expectedVersion(c, undefined), userId: actor.id, requestId },
        async (tx, order) => {
          const [removed] = await tx
            .delete(orderItems)
            .where(and(eq(orderItems.id, params.itemId), eq(orderItems.orderId, order.id)))
            .returning()
          if (removed === undefined) {
            throw new ProblemError(
              'notFound',
              `Order ${order.number} has no item ${params.itemId}.`,
            )
          }
          return {
            action: 'order.item.delete',
            entity: 'order_item',
            entityId: removed.id,
            before: { orderId: order.id, buildNumber: removed.buildNumber, bomId: removed.bomId },
          }
        },
      )
      return { body: view, headers: etag(view.version) }
    },
  }),
  defineRoute({
    method: 'get',
    path: '/orders/{id}/bom',
    summary:
      'The order’s consolidated BOM: every sink’s lines summed, with build numbers (CSV with Accept: text/csv)',
    tag: 'Orders',
    access: 'boms:read',
    params: OrderParams,
    response: {
      status: 200,
      description: 'The consolidated BOM (with costs for users with financials:read)',
      schema: z.object({
        order: z.string(),
        builds: z.array(z.string()),
        lines: z.array(z.unknown()),
        flat: z.array(z.unknown()),
        cost: z.unknown().optional(),
      }),
      mediaTypes: ['application/json', 'text/csv'],
    },
    problems: [404],
    handler: async ({ params, user, services, c }) => {
      const model = requireCatalog(services)
      const order = await orderView(services.db, params.id)
      const bom = await consolidatedBom(services.db, order.id)
      if (/\btext\/csv\b/.test(c.req.header('Accept') ?? '')) {
        const financial = user.permissions.has('financials:read')
        return c.body(consolidatedBomCsv(bom, model.priceList, financial), 200, {
          'Content-Type': 'text/csv; charset=utf-8',
          'Content-Disposition': `attachment; filename="${order.number}-bom.csv"`,
        })
      }
      const { consolidated } = bom
      return {
        body: {
          order: order.number,
          ...consolidated,
          ...(model.priceList === undefined
            ? {}
            : { cost: rollUpCost(consolidated.flat, model.priceList) }),
        },
      }
    },
  }),
  defineRoute({
    method: 'post',
    path: '/orders/{id}/transitions',
    summary: 'Move an order to another phase',
    description:
      'A refused move is a 409 problem naming the failed guard and the moves allowed from here; a stale version is a 412 problem. Approval freezes each item’s BOM; entering PRODUCTION creates the production tasks. The move to SHIPPING needs carrier, trackingNumber and shipDate; the move to DELIVERED needs deliveredDate (a 400 problem names what is missing).',
    tag: 'Orders',
    access: 'orders:transition',
    example: () => ({ to: 'CONFIGURATION', version: 1 }),
    versioned: true,
    idempotent: true,
    params: OrderParams,
    body: z.strictObject({
      to: z.enum(PHASES),
      reason: z.string().trim().max(2000).optional(),
      version: Version,
      carrier: z.string().trim().min(1).max(100).optional().describe('moving to SHIPPING'),
      trackingNumber: z.string().trim().min(1).max(100).optional().describe('moving to SHIPPING'),
      shipDate: IsoDate.optional().describe('moving to SHIPPING'),
      deliveredDate: IsoDate.optional().describe('moving to DELIVERED'),
    }),
    response: { status: 200, description: 'The order in its new phase', schema: OrderView },
    problems: [404, 409, 412, 428],
    handler: async ({ params, body, user, services, requestId, c }) => {
      const { to, reason, version, ...shipping } = body
      await transitionOrder(services, {
        orderId: params.id,
        to,
        reason,
        shipping,
        version: expectedVersion(c, version),
        user: user,
        requestId,
      })
      const view = await orderView(services.db, params.id)
      return { body: view, headers: etag(view.version) }
    },
  }),
  defineRoute({
    method: 'get',
    path: '/orders/{id}/history',
    summary:
      'The order’s phase history: from, to, who, why, when, and hours spent in the phase left',
    tag: 'Orders',
    access: 'orders:read',
    params: OrderParams,
    response: {
      status: 200,
      description: 'The moves, oldest first',
      schema: z.object({
        history: z.array(
          z.object({
            from: z.enum(PHASES).nullable(),
            to: z.enum(PHASES),
            user: z.string().nullable(),
            reason: z.string().nullable(),
            hoursInPhase: z.string().nullable(),
            at: z.string(),
          }),
        ),
      }),
    },
    problems: [404],
    handler: async ({ params, services }) => {
      await orderView(services.db, params.id)
      const rows = await services.db
        .select({
          from: orderPhaseHistory.fromPhase,
          to: orderPhaseHistory.toPhase,
          user: users.username,
          reason: orderPhaseHistory.reason,
          hoursInPhase: orderPhaseHistory.hoursInPhase,
          at: orderPhaseHistory.at,
        })
        .from(orderPhaseHistory)
        .leftJoin(users, eq(users.id, orderPhaseHistory.userId))
        .where(eq(orderPhaseHistory.orderId, params.id))
        .orderBy(asc(orderPhaseHistory.at), asc(orderPhaseHistory.id))
      return { body: { history: rows.map((row) => ({ ...row, at: row.at.toISOString() })) } }
    },
  }),
]
