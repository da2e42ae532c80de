import { z } from 'zod'
import { orderPriority } from '../db/schema/index.js'
import { ProblemError } from '../http/problem.js'
import { defineRoute } from '../http/route.js'
import { RowId } from '../http/row-id.js'
import { PHASES } from '../orders/phases.js'
import type { SummarySort } from '../orders/summary.js'
import { FINANCIAL_SORTS, SUMMARY_SORTS, summariseOrders } from '../orders/summary.js'

const Flag = z.enum(['true', 'false']).transform((value) => value === 'true')
const IsoDate = z.iso.date()
const SORT_KEYS = Object.keys(SUMMARY_SORTS) as [SummarySort, ...SummarySort[]]

const SummaryRow = z.object({
  id: z.number(),
  number: z.string(),
  customer: z.object({ id: z.number(), code: z.string().nullable(), name: z.string() }),
  poNumber: z.string().nullable(),
  type: z.string(),
  phase: z.enum(PHASES),
  priority: z.string(),
  orderDate: z.string().nullable(),
  requestedDate: z.string().nullable(),
  dueDate: z.string().nullable(),
  promisedDate: z.string().nullable(),
  shipDate: z.string().nullable(),
  deliveredDate: z.string().nullable(),
  phaseSince: z.string(),
  daysInPhase: z.number(),
  late: z.boolean(),
  sinks: z.number(),
  tasks: z.object({ completed: z.number(), total: z.number() }),
  completionPercent: z.number().nullable(),
  openNcrs: z.number(),
  money: z
    .object({ currency: z.string(), total: z.string().nullable() })
    .optional()
    .describe('with financials:read only: the total stored at approval'),
})

/** The order summary (seed-data-architecture §8.4.1): one row per order with its progress. */
export const orderSummaryRoutes = [
  defineRoute({
    method: 'get',
    path: '/orders/summary',
    summary:
      'The order summary: per order its customer, phase, priority, dates, sinks, days in phase, task completion, open NCRs and (permitted) total',
    description:
      'Filtered, sorted and paged on indexed columns of the orders; the counts are computed for the page. `late=true`: due before today (UTC) and not shipped, delivered or cancelled. Sorting by total needs financials:read.',
    tag: 'Orders',
    access: 'orders:read',
    query: z.strictObject({
      q: z
        .string()
        .max(200)
        .optional()
        .describe('part of an order number, PO number or customer name'),
      phase: z.enum(PHASES).optional(),
      priority: z.enum(orderPriority.enumValues).optional(),
      customerId: RowId.optional(),
      dueFrom: IsoDate.optional(),
      dueTo: IsoDate.optional(),
      late: Flag.optional(),
      openNcrs: Flag.optional().describe('true: orders with an NCR not yet verified or rejected'),
      sort: z.enum(SORT_KEYS).default('-created'),
      page: z.coerce.number().int().min(1).max(100_000).default(1),
      pageSize: z.coerce.number().int().min(1).max(200).default(50),
    }),
    response: {
      status: 200,
      description: 'One page of the summary',
      schema: z.object({
        orders: z.array(SummaryRow),
        page: z.number(),
        pageSize: z.number(),
        total: z.number(),
      }),
    },
    handler: async ({ query, user, services }) => {
      const financial = user.permissions.has('financials:read')
      const { sort, page, pageSize, ...filter } = query
      if (!financial && FINANCIAL_SORTS.has(sort)) {
        throw new ProblemError(
          'validation',
          `query.sort: sorting by ${sort} needs the permission "financials:read"; sort by another key (${SORT_KEYS.filter((key) => !FINANCIAL_SORTS.has(key)).join(', ')}).`,
          { extensions: { errors: [{ path: 'query.sort', message: 'needs financials:read' }] } },
        )
      }
      if (
        filter.dueFrom !== undefined &&
        filter.dueTo !== undefined &&
        filter.dueTo < filter.dueFrom
      ) {
        throw new ProblemError(
          'validation',
          `query.dueTo: ${filter.dueTo} is before query.dueFrom ${filter.dueFrom}; swap them.`,
          { extensions: { errors: [{ path: 'query.dueTo', message: 'before query.dueFrom' }] } },
        )
      }
      const result = await summariseOrders(services.db, {
        filter,
        sort,
        page,
        pageSize,
        now: services.now(),
        financial,
      })
      return { body: { ...result, page, pageSize } }
    },
  }),
]
