import { and, asc, eq, inArray, sql } from 'drizzle-orm'
import type { AuditEntry } from '../audit.js'
import { writeAudit } from '../audit.js'
import type { Executor } from '../db/open.js'
import { boms, customers, orderItems, orders, users } from '../db/schema/index.js'
import { emitEvent } from '../events/emit.js'
import type { EventType } from '../events/types.js'
import { ProblemError } from '../http/problem.js'
import type { Services } from '../services.js'
import type { Phase } from './phases.js'
import { EDITABLE_PHASES, movesFrom } from './phases.js'

/** An order as the API returns it, with its items and their current BOMs. */
export interface OrderView {
  id: number
  number: string
  customer: { id: number; name: string }
  poNumber: string | null
  type: string
  priority: string
  phase: Phase
  phaseSince: string
  version: number
  orderDate: string | null
  requestedDate: string | null
  dueDate: string | null
  promisedDate: string | null
  deliveredDate: string | null
  /** the user responsible for the order */
  assignee: { id: number; username: string } | null
  language: string
  specialInstructions: string | null
  notes: string | null
  /** captured by the moves to SHIPPING and DELIVERED */
  shipping: {
    carrier: string | null
    trackingNumber: string | null
    shipDate: string | null
    deliveredDate: string | null
  }
  /** the money terms, and the amounts stored at approval (null before); only with financials:read */
  money: OrderMoney
  createdAt: string
  updatedAt: string
  /** the phases this order can move to next */
  moves: Phase[]
  items: {
    id: number
    buildNumber: string
    configurationId: number | null
    bomId: number | null
    bomRevision: number | null
    frozen: boolean
    /** stored at approval */
    unitPrice: string | null
  }[]
}

/** An order's money: its terms, and the amounts stored when it was approved. */
interface OrderMoney {
  currency: string
  discountPercent: string
  taxRatePercent: string
  shippingAmount: string
  subtotal: string | null
  discountAmount: string | null
  taxAmount: string | null
  total: string | null
  pricedAt: string | null
}

/** The money columns of an order row, as the API shows them. */
function moneyOf(order: OrderRow): OrderMoney {
  return {
    currency: order.currency,
    discountPercent: order.discountPercent,
    taxRatePercent: order.taxRatePercent,
    shippingAmount: order.shippingAmount,
    subtotal: order.subtotal,
    discountAmount: order.discountAmount,
    taxAmount: order.taxAmount,
    total: order.total,
    pricedAt: order.pricedAt?.toISOString() ?? null,
  }
}

export type OrderRow = typeof orders.$inferSelect

/** The order, locked for update inside a transaction; a 404 problem when there is none. */
export async function lockOrder(tx: Executor, id: number): Promise<OrderRow> {
  const [row] = await tx.select().from(orders).where(eq(orders.id, id)).for('update')
  if (row === undefined) throw new ProblemError('notFound', `There is no order ${id}.`)
  return row
}

/** The API's view of an order. */
export async function orderView(db: Executor, id: number): Promise<OrderView> {
  const [row] = await db
    .select({
      order: orders,
      customer: { id: customers.id, name: customers.name },
      assignee: users.username,
    })
    .from(orders)
    .innerJoin(customers, eq(customers.id, orders.customerId))
    .leftJoin(users, eq(users.id, orders.assigneeId))
    .where(eq(orders.id, id))
  if (row === undefined) throw new ProblemError('notFound', `There is no order ${id}.`)
  const itemRows = await db
    .select({
      id: orderItems.id,
      buildNumber: orderItems.buildNumber,
      configurationId: orderItems.configurationId,
      bomId: orderItems.bomId,
      bomRevision: boms.revision,
      frozenAt: boms.frozenAt,
      unitPrice: orderItems.unitPrice,
    })
    .from(orderItems)
    .leftJoin(boms, eq(boms.id, orderItems.bomId))
    .where(eq(orderItems.orderId, id))
    .orderBy(asc(orderItems.id))
  const { order } = row
  return {
    id: order.id,
    number: order.number,
    customer: row.customer,
    poNumber: order.poNumber,
    type: order.type,
    priority: order.priority,
    phase: order.phase,
    phaseSince: order.phaseSince.toISOString(),
    version: order.version,
    orderDate: order.orderDate,
    requestedDate: order.requestedDate,
    dueDate: order.dueDate,
    promisedDate: order.promisedDate,
    deliveredDate: order.deliveredDate,
    assignee:
      order.assigneeId === null || row.assignee === null
        ? null
        : { id: order.assigneeId, username: row.assignee },
    language: order.language,
    specialInstructions: order.specialInstructions,
    notes: order.notes,
    shipping: {
      carrier: order.carrier,
      trackingNumber: order.trackingNumber,
      shipDate: order.shipDate,
      deliveredDate: order.deliveredDate,
    },
    money: moneyOf(order),
    createdAt: order.createdAt.toISOString(),
    updatedAt: order.updatedAt.toISOString(),
    moves: movesFrom(order.phase),
    items: itemRows.map(({ frozenAt, ...item }) => ({ ...item, frozen: frozenAt !== null })),
  }
}

/** `ORD-2026-0001`: the next number of the year. Call inside the creating transaction. */
export async function nextOrderNumber(tx: Executor, now: Date): Promise<string> {
  const prefix = `ORD-${now.getUTCFullYear()}-`
  await tx.execute(sql`select pg_advisory_xact_lock(7172003)`)
  const [row] = await tx
    .select({ last: sql<string | null>`max(${orders.number})` })
    .from(orders)
    .where(sql`${orders.number} like ${`${prefix}%`}`)
  const last =
    row?.last === null || row?.last === undefined ? 0 : Number(row.last.slice(prefix.length))
  return `${prefix}${String(last + 1).padStart(4, '0')}`
}

/** Refuses a write based on a stale read: a 412 problem with the current version. */
export function checkVersion(order: OrderRow, expected: number): void {
  if (order.version !== expected) {
    throw new ProblemError(
      'preconditionFailed',
      `Order ${order.number} has changed since you read it (you have version ${expected}, it is at ${order.version}): read it again and redo the change.`,
      { extensions: { currentVersion: order.version } },
    )
  }
}

/** Refuses a change of items or configurations once an order is past configuration. */
function checkEditable(order: OrderRow): void {
  if (!EDITABLE_PHASES.has(order.phase)) {
    throw new ProblemError(
      'conflict',
      `Order ${order.number} is in ${order.phase}: its items and configurations can change only in DRAFT or CONFIGURATION.`,
      { extensions: { phase: order.phase } },
    )
  }
}

/** Moves an order to its next version (and other changed fields) after a checked write. */
export async function bumpOrder(
  tx: Executor,
  order: OrderRow,
  input: { now: Date; set?: Partial<typeof orders.$inferInsert> },
): Promise<void> {
  await tx
    .update(orders)
    .set({ ...input.set, version: order.version + 1, updatedAt: input.now })
    .where(and(eq(orders.id, order.id), eq(orders.version, order.version)))
}

/** The items of orders, for consolidated BOMs and guards. */
export async function itemsOf(tx: Executor, orderIds: readonly number[]) {
  if (orderIds.length === 0) return []
  return tx
    .select({
      id: orderItems.id,
      orderId: orderItems.orderId,
      buildNumber: orderItems.buildNumber,
      bomId: orderItems.bomId,
      rulesetId: boms.rulesetId,
      catalogHash: boms.catalogHash,
      document: boms.document,
    })
    .from(orderItems)
    .leftJoin(boms, eq(boms.id, orderItems.bomId))
    .where(inArray(orderItems.orderId, [...orderIds]))
    .orderBy(asc(orderItems.id))
}

/** the event each kind of item change emits, by its audit action */
const ITEM_EVENTS: Partial<Record<string, EventType>> = {
  'order.item.create': 'order.item_added',
  'order.item.update': 'order.item_replaced',
  'order.item.delete': 'order.item_removed',
}

/**
 * Changes an order's items in one transaction: locks the order, checks the version it was read at and
 * that it is still editable, makes the change, moves the order to its next version and writes the
 * audit row the change describes. Returns the order as changed.
 */
export async function changeOrderItems(
  services: Services,
  input: { orderId: number; version: number; userId: number; requestId: string },
  change: (tx: Executor, order: OrderRow) => Promise<Omit<AuditEntry, 'userId' | 'requestId'>>,
): Promise<OrderView> {
  return services.db.transaction(async (tx) => {
    const order = await lockOrder(tx, input.orderId)
    checkVersion(order, input.version)
    checkEditable(order)
    const audit = await change(tx, order)
    await bumpOrder(tx, order, { now: services.now() })
    await writeAudit(tx, { ...audit, userId: input.userId, requestId: input.requestId })
    await emitEvent(tx, {
      type: ITEM_EVENTS[audit.action] ?? 'order.updated',
      orderId: order.id,
      userId: input.userId,
      payload: {
        orderNumber: order.number,
        version: order.version + 1,
        itemId: audit.entityId,
        before: audit.before ?? null,
        after: audit.after ?? null,
      },
      requestId: input.requestId,
    })
    return orderView(tx, order.id)
  })
}

/** what the order search matches: number, PO number and customer name */
export function orderSearchText(parts: readonly (string | null | undefined)[]): string {
  return parts.filter((part) => part !== null && part !== undefined && part !== '').join(' ')
}

/** the user an order is assigned to must exist and be active */
export async function checkAssignee(db: Executor, id: number | null | undefined): Promise<void> {
  if (id === null || id === undefined) return
  const [row] = await db.select({ active: users.active }).from(users).where(eq(users.id, id))
  if (row?.active !== true) {
    throw new ProblemError(
      'validation',
      `body.assigneeId: there is no active user ${id} to make responsible for the order.`,
      { extensions: { errors: [{ path: 'body.assigneeId', message: 'no such active user' }] } },
    )
  }
}

/** an order's dates in order: due ≥ requested ≥ order date, promised and delivered ≥ order date */
export function checkDates(dates: {
  orderDate: string | null
  requestedDate: string | null
  dueDate: string | null
  promisedDate: string | null
  deliveredDate: string | null
}): void {
  const errors: { path: string; message: string }[] = []
  const after = (field: keyof typeof dates, than: keyof typeof dates, label: string) => {
    const value = dates[field]
    const bound = dates[than]
    if (value !== null && bound !== null && value < bound) {
      errors.push({ path: `body.${field}`, message: `${value} is before ${label} ${bound}` })
    }
  }
  after('requestedDate', 'orderDate', 'the order date')
  after('dueDate', 'requestedDate', 'the requested date')
  after('dueDate', 'orderDate', 'the order date')
  after('promisedDate', 'orderDate', 'the order date')
  after('deliveredDate', 'orderDate', 'the order date')
  const first = errors[0]
  if (first === undefined) return
  throw new ProblemError(
    'validation',
    errors.length === 1
      ? `${first.path}: ${first.message}; an order's dates run due ≥ requested ≥ order date.`
      : `${errors.length} dates are out of order (due ≥ requested ≥ order date); see errors.`,
    { extensions: { errors } },
  )
}
