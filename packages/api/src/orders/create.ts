import { eq } from 'drizzle-orm'
import { writeAudit } from '../audit.js'
import type { AuthUser } from '../auth/users.js'
import type { Executor } from '../db/open.js'
import type { orderLanguage, orderPriority, orderType } from '../db/schema/index.js'
import { customers, orderPhaseHistory, orders } from '../db/schema/index.js'
import { emitEvent } from '../events/emit.js'
import { ProblemError } from '../http/problem.js'
import type { Services } from '../services.js'
import type { OrderView } from './store.js'
import { checkAssignee, nextOrderNumber, orderSearchText, orderView } from './store.js'

/** What a new order says: its customer, dates, people and terms (the body of POST /orders). */
export interface NewOrder {
  customerId: number
  poNumber?: string | undefined
  type: (typeof orderType.enumValues)[number]
  priority: (typeof orderPriority.enumValues)[number]
  requestedDate?: string | undefined
  dueDate?: string | undefined
  promisedDate?: string | undefined
  assigneeId?: number | undefined
  language: (typeof orderLanguage.enumValues)[number]
  specialInstructions?: string | undefined
  notes?: string | undefined
  currency?: string | undefined
  discountPercent?: string | undefined
  taxRatePercent?: string | undefined
  shippingAmount?: string | undefined
}

/**
 * Creates an order in DRAFT with the next order number, its first phase-history row, its audit row and
 * its `order.created` event, in one transaction; a problem for an unknown or blocked customer or an
 * inactive assignee.
 */
export async function createOrder(
  services: Services,
  input: { order: NewOrder; orderDate: string; now: Date; user: AuthUser; requestId: string },
): Promise<OrderView> {
  const { order, orderDate, now, user, requestId } = input
  return services.db.transaction(async (tx) => {
    await checkAssignee(tx, order.assigneeId)
    const customer = await orderCustomer(tx, order.customerId)
    const number = await nextOrderNumber(tx, now)
    const [row] = await tx
      .insert(orders)
      .values({
        number,
        customerId: order.customerId,
        poNumber: order.poNumber ?? null,
        type: order.type,
        priority: order.priority,
        orderDate,
        requestedDate: order.requestedDate ?? null,
        dueDate: order.dueDate ?? null,
        promisedDate: order.promisedDate ?? null,
        assigneeId: order.assigneeId ?? null,
        language: order.language,
        specialInstructions: order.specialInstructions ?? null,
        notes: order.notes ?? null,
        ...(order.currency === undefined ? {} : { currency: order.currency }),
        ...(order.discountPercent === undefined ? {} : { discountPercent: order.discountPercent }),
        ...(order.taxRatePercent === undefined ? {} : { taxRatePercent: order.taxRatePercent }),
        ...(order.shippingAmount === undefined ? {} : { shippingAmount: order.shippingAmount }),
        searchText: orderSearchText([number, order.poNumber, customer.name]),
        createdBy: user.id,
        createdAt: now,
        updatedAt: now,
        phaseSince: now,
      })
      .returning({ id: orders.id })
    if (row === undefined) throw new Error('the order insert returned no row')
    await tx.insert(orderPhaseHistory).values({
      orderId: row.id,
      fromPhase: null,
      toPhase: 'DRAFT',
      userId: user.id,
      reason: 'created',
      at: now,
    })
    const created = await orderView(tx, row.id)
    await writeAudit(tx, {
      action: 'order.create',
      entity: 'order',
      entityId: row.id,
      userId: user.id,
      after: created,
      requestId,
    })
    await emitEvent(tx, {
      type: 'order.created',
      orderId: row.id,
      userId: user.id,
      payload: { order: created },
      requestId,
      at: now,
    })
    return created
  })
}

/** a new order's customer, share-locked: one blocked at this moment waits for the order or refuses it */
async function orderCustomer(
  tx: Executor,
  customerId: number,
): Promise<{ id: number; name: string; code: string | null }> {
  const [customer] = await tx
    .select({
      id: customers.id,
      name: customers.name,
      code: customers.code,
      status: customers.status,
    })
    .from(customers)
    .where(eq(customers.id, customerId))
    .for('share')
  if (customer === undefined) {
    throw new ProblemError(
      'notFound',
      `There is no customer ${customerId}: create it first (POST /customers).`,
    )
  }
  if (customer.status === 'BLOCKED') {
    throw new ProblemError(
      'conflict',
      `Customer ${customer.code ?? customer.id} (${customer.name}) is blocked and cannot get a new order; ask whoever manages customers to unblock them.`,
      { extensions: { customerStatus: customer.status } },
    )
  }
  return customer
}
