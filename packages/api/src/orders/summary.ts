import type { SQL } from 'drizzle-orm'
import {
  and,
  asc,
  count,
  desc,
  eq,
  gte,
  ilike,
  inArray,
  lt,
  lte,
  notInArray,
  sql,
} from 'drizzle-orm'
import type { Executor } from '../db/open.js'
import { customers, ncrs, orderItems, orders, productionTasks } from '../db/schema/index.js'
import type { Phase } from './phases.js'
import { storedAmount } from './pricing.js'

/** The phases in which an order has left the shop: it is never late any more. */
const SHIPPED_PHASES: readonly Phase[] = ['SHIPPING', 'DELIVERED', 'CANCELLED']

/** The NCR statuses that still hold an order up. */
const OPEN_NCR_STATUSES = ['OPEN', 'IN_PROGRESS', 'RESOLVED'] as const

/**
 * What the summary sorts by, each with the id as tie-break in the same direction, so that one index
 * on `(key, id)` serves both directions. Counts and percentages are computed for the page only, so
 * they are not sort keys.
 */
export const SUMMARY_SORTS = {
  created: [asc(orders.createdAt), asc(orders.id)],
  '-created': [desc(orders.createdAt), desc(orders.id)],
  number: [asc(orders.number), asc(orders.id)],
  '-number': [desc(orders.number), desc(orders.id)],
  due: [sql`${orders.dueDate} asc nulls last`, asc(orders.id)],
  '-due': [sql`${orders.dueDate} desc nulls last`, desc(orders.id)],
  priority: [asc(orders.priority), asc(orders.id)],
  '-priority': [desc(orders.priority), desc(orders.id)],
  phase: [asc(orders.phase), asc(orders.id)],
  '-phase': [desc(orders.phase), desc(orders.id)],
  // the longest in its phase first
  '-daysInPhase': [asc(orders.phaseSince), asc(orders.id)],
  daysInPhase: [desc(orders.phaseSince), desc(orders.id)],
  total: [sql`${orders.total} asc nulls last`, asc(orders.id)],
  '-total': [sql`${orders.total} desc nulls last`, desc(orders.id)],
} as const satisfies Record<string, SQL[]>

/** A sort key of the summary. */
export type SummarySort = keyof typeof SUMMARY_SORTS

/** The sort keys that need financials:read. */
export const FINANCIAL_SORTS: ReadonlySet<SummarySort> = new Set(['total', '-total'])

/** What the summary can be filtered by. */
export interface SummaryFilter {
  q?: string | undefined
  phase?: Phase | undefined
  priority?: string | undefined
  customerId?: number | undefined
  dueFrom?: string | undefined
  dueTo?: string | undefined
  /** due before today and not shipped (nor delivered, nor cancelled) */
  late?: boolean | undefined
  /** with at least one NCR that is not verified or rejected */
  openNcrs?: boolean | undefined
}

/** One order of the summary (seed-data-architecture §8.4.1). */
export interface OrderSummary {
  id: number
  number: string
  customer: { id: number; code: string | null; name: string }
  poNumber: string | null
  type: string
  phase: Phase
  priority: string
  orderDate: string | null
  requestedDate: string | null
  dueDate: string | null
  promisedDate: string | null
  shipDate: string | null
  deliveredDate: string | null
  phaseSince: string
  /** whole days since the order entered its phase */
  daysInPhase: number
  late: boolean
  sinks: number
  tasks: { completed: number; total: number }
  /** completed tasks of those not cancelled, in percent with 2 decimals; null before production */
  completionPercent: number | null
  openNcrs: number
  /** the amount stored at approval (null before); with financials:read only */
  money?: { currency: string; total: string | null }
}

const DAY_MS = 86_400_000

function notShipped(): SQL {
  return notInArray(orders.phase, [...SHIPPED_PHASES])
}

function where(filter: SummaryFilter, today: string): SQL | undefined {
  const filters: SQL[] = []
  if (filter.phase !== undefined) filters.push(eq(orders.phase, filter.phase))
  if (filter.priority !== undefined)
    filters.push(sql`${orders.priority} = ${filter.priority}::order_priority`)
  if (filter.customerId !== undefined) filters.push(eq(orders.customerId, filter.customerId))
  if (filter.dueFrom !== undefined) filters.push(gte(orders.dueDate, filter.dueFrom))
  if (filter.dueTo !== undefined) filters.push(lte(orders.dueDate, filter.dueTo))
  if (filter.late === true) {
    filters.push(lt(orders.dueDate, today), notShipped())
  } else if (filter.late === false) {
    filters.push(
      sql`not (${orders.dueDate} is not null and ${orders.dueDate} < ${today} and ${notShipped()})`,
    )
  }
  if (filter.openNcrs !== undefined) {
    const open = sql`exists (select 1 from ${ncrs} join ${orderItems} on ${orderItems.id} = ${ncrs.orderItemId}
      where ${orderItems.orderId} = ${orders.id} and ${inArray(ncrs.status, [...OPEN_NCR_STATUSES])})`
    filters.push(filter.openNcrs ? open : sql`not ${open}`)
  }
  if (filter.q !== undefined && filter.q.trim() !== '') {
    filters.push(ilike(orders.searchText, `%${filter.q.trim().replace(/[\\%_]/g, '\\$&')}%`))
  }
  return filters.length === 0 ? undefined : and(...filters)
}

/** per order id: a count from a grouped query */
function byOrder(rows: readonly { orderId: number; n: number }[]): Map<number, number> {
  return new Map(rows.map((row) => [row.orderId, row.n]))
}

/**
 * One page of the order summary: the orders are filtered, sorted and paged on indexed columns of
 * `orders`, then the page's sinks, tasks and open NCRs are counted in three grouped queries.
 */
export async function summariseOrders(
  db: Executor,
  input: {
    filter: SummaryFilter
    sort: SummarySort
    page: number
    pageSize: number
    now: Date
    financial: boolean
  },
): Promise<{ orders: OrderSummary[]; total: number }> {
  const today = input.now.toISOString().slice(0, 10)
  const condition = where(input.filter, today)
  const [rows, totals] = await Promise.all([
    summaryRows(db, { condition, sort: input.sort, page: input.page, pageSize: input.pageSize }),
    db.select({ total: count() }).from(orders).where(condition),
  ])
  const ids = rows.map((row) => row.order.id)
  if (ids.length === 0) return { orders: [], total: totals[0]?.total ?? 0 }
  const counts = await pageCounts(db, ids)
  const at = { counts, today, now: input.now.getTime(), financial: input.financial }
  return {
    total: totals[0]?.total ?? 0,
    orders: rows.map((row) => orderSummary(row, at)),
  }
}

/** the page's orders with their customers, filtered, sorted and paged */
function summaryRows(
  db: Executor,
  page: { condition: SQL | undefined; sort: SummarySort; page: number; pageSize: number },
) {
  return db
    .select({
      order: {
        id: orders.id,
        number: orders.number,
        poNumber: orders.poNumber,
        type: orders.type,
        phase: orders.phase,
        priority: orders.priority,
        orderDate: orders.orderDate,
        requestedDate: orders.requestedDate,
        dueDate: orders.dueDate,
        promisedDate: orders.promisedDate,
        shipDate: orders.shipDate,
        deliveredDate: orders.deliveredDate,
        phaseSince: orders.phaseSince,
        currency: orders.currency,
        total: orders.total,
      },
      customer: { id: customers.id, code: customers.code, name: customers.name },
    })
    .from(orders)
    .innerJoin(customers, eq(customers.id, orders.customerId))
    .where(page.condition)
    .orderBy(...SUMMARY_SORTS[page.sort])
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize)
}

type SummaryRow = Awaited<ReturnType<typeof summaryRows>>[number]

interface PageCounts {
  sinks: Map<number, number>
  tasks: Map<number, { completed: number; total: number }>
  openNcrs: Map<number, number>
}

/** the page's sinks, tasks (done of not cancelled) and open NCRs, per order, in three grouped queries */
async function pageCounts(db: Executor, ids: number[]): Promise<PageCounts> {
  const [sinkRows, taskRows, ncrRows] = await Promise.all([
    db
      .select({ orderId: orderItems.orderId, n: count() })
      .from(orderItems)
      .where(inArray(orderItems.orderId, ids))
      .groupBy(orderItems.orderId),
    db
      .select({
        orderId: orderItems.orderId,
        total: sql<string>`count(*) filter (where ${productionTasks.status} <> 'CANCELLED')`,
        completed: sql<string>`count(*) filter (where ${productionTasks.status} = 'COMPLETED')`,
      })
      .from(productionTasks)
      .innerJoin(orderItems, eq(orderItems.id, productionTasks.orderItemId))
      .where(inArray(orderItems.orderId, ids))
      .groupBy(orderItems.orderId),
    db
      .select({ orderId: orderItems.orderId, n: count() })
      .from(ncrs)
      .innerJoin(orderItems, eq(orderItems.id, ncrs.orderItemId))
      .where(and(inArray(orderItems.orderId, ids), inArray(ncrs.status, [...OPEN_NCR_STATUSES])))
      .groupBy(orderItems.orderId),
  ])
  return {
    sinks: byOrder(sinkRows),
    openNcrs: byOrder(ncrRows),
    tasks: new Map(
      taskRows.map((row) => [
        row.orderId,
        { completed: Number(row.completed), total: Number(row.total) },
      ]),
    ),
  }
}

/** one order of the page as the summary shows it; its money only for users who may see prices */
function orderSummary(
  { order, customer }: SummaryRow,
  at: { counts: PageCounts; today: string; now: number; financial: boolean },
): OrderSummary {
  const { counts, today, now } = at
  const work = counts.tasks.get(order.id) ?? { completed: 0, total: 0 }
  const summary: OrderSummary = {
    id: order.id,
    number: order.number,
    customer,
    poNumber: order.poNumber,
    type: order.type,
    phase: order.phase,
    priority: order.priority,
    orderDate: order.orderDate,
    requestedDate: order.requestedDate,
    dueDate: order.dueDate,
    promisedDate: order.promisedDate,
    shipDate: order.shipDate,
    deliveredDate: order.deliveredDate,
    phaseSince: order.phaseSince.toISOString(),
    daysInPhase: Math.max(0, Math.floor((now - order.phaseSince.getTime()) / DAY_MS)),
    late: order.dueDate !== null && order.dueDate < today && !SHIPPED_PHASES.includes(order.phase),
    sinks: counts.sinks.get(order.id) ?? 0,
    tasks: work,
    completionPercent:
      work.total === 0 ? null : Math.round((work.completed / work.total) * 10_000) / 100,
    openNcrs: counts.openNcrs.get(order.id) ?? 0,
  }
  if (at.financial)
    summary.money = {
      currency: order.currency,
      total: order.total === null ? null : storedAmount(order.total),
    }
  return summary
}
