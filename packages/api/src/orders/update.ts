import { writeAudit } from '../audit.js'
import type { AuthUser } from '../auth/users.js'
import type { orderLanguage, orderPriority, orders, orderType } from '../db/schema/index.js'
import { emitEvent } from '../events/emit.js'
import { ProblemError } from '../http/problem.js'
import type { Services } from '../services.js'
import type { OrderView } from './store.js'
import {
  bumpOrder,
  checkAssignee,
  checkDates,
  checkVersion,
  lockOrder,
  orderSearchText,
  orderView,
} from './store.js'

/** What PATCH /orders/{id} may change; null clears a field, absent keeps it. */
export interface OrderChanges {
  poNumber?: string | null | undefined
  type?: (typeof orderType.enumValues)[number] | undefined
  priority?: (typeof orderPriority.enumValues)[number] | undefined
  orderDate?: string | undefined
  requestedDate?: string | null | undefined
  dueDate?: string | null | undefined
  promisedDate?: string | null | undefined
  deliveredDate?: string | null | undefined
  assigneeId?: number | null | undefined
  language?: (typeof orderLanguage.enumValues)[number] | undefined
  specialInstructions?: string | null | undefined
  notes?: string | null | undefined
  currency?: string | undefined
  discountPercent?: string | undefined
  taxRatePercent?: string | undefined
  shippingAmount?: string | undefined
}

/**
 * Changes an order at the version the caller read, audited with its event: a delivered or cancelled
 * order, a language with sinks configured or money terms after approval are 409 problems.
 */
export async function updateOrder(
  services: Services,
  input: { id: number; expected: number; changes: OrderChanges; user: AuthUser; requestId: string },
): Promise<OrderView> {
  const { changes, user, requestId } = input
  return services.db.transaction(async (tx) => {
    const order = await lockOrder(tx, input.id)
    checkVersion(order, input.expected)
    if (order.phase === 'DELIVERED' || order.phase === 'CANCELLED') {
      throw new ProblemError(
        'conflict',
        `Order ${order.number} is ${order.phase}: it cannot change any more.`,
      )
    }
    const before = await orderView(tx, order.id)
    const set: Partial<typeof orders.$inferInsert> = Object.fromEntries(
      Object.entries(changes).filter(([, value]) => value !== undefined),
    )
    checkDates({
      orderDate: set.orderDate ?? order.orderDate,
      requestedDate: set.requestedDate === undefined ? order.requestedDate : set.requestedDate,
      dueDate: set.dueDate === undefined ? order.dueDate : set.dueDate,
      promisedDate: set.promisedDate === undefined ? order.promisedDate : set.promisedDate,
      deliveredDate: set.deliveredDate === undefined ? order.deliveredDate : set.deliveredDate,
    })
    await checkAssignee(tx, changes.assigneeId)
    if (
      changes.language !== undefined &&
      changes.language !== order.language &&
      before.items.length > 0
    ) {
      throw new ProblemError(
        'conflict',
        `Order ${order.number} has sinks configured in ${order.language}: remove them, or change the language before adding sinks.`,
      )
    }
    const moneyChanged = ['currency', 'discountPercent', 'taxRatePercent', 'shippingAmount'].some(
      (key) => key in set,
    )
    if (moneyChanged && order.pricedAt !== null) {
      throw new ProblemError(
        'conflict',
        `Order ${order.number} was approved with its amounts stored; its money terms cannot change any more.`,
      )
    }
    if (changes.poNumber !== undefined) {
      set.searchText = orderSearchText([order.number, changes.poNumber, before.customer.name])
    }
    await bumpOrder(tx, order, { now: services.now(), set })
    const after = await orderView(tx, order.id)
    await writeAudit(tx, {
      action: 'order.update',
      entity: 'order',
      entityId: order.id,
      userId: user.id,
      before,
      after,
      requestId,
    })
    await emitEvent(tx, {
      type: 'order.updated',
      orderId: order.id,
      userId: user.id,
      payload: {
        order: after,
        changed: Object.keys(set).filter((key) => key !== 'searchText'),
      },
      requestId,
    })
    return after
  })
}
