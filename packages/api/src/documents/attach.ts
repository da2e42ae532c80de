import { and, eq } from 'drizzle-orm'
import type { AuthUser } from '../auth/users.js'
import type { Executor } from '../db/open.js'
import {
  inspectionItems,
  inspections,
  items,
  orderItems,
  orders,
  productionTasks,
} from '../db/schema/index.js'
import { ProblemError } from '../http/problem.js'
import type { Permission } from '../permissions.js'
import type { Attachment } from './store.js'

function need(user: AuthUser, permission: Permission, what: string): void {
  if (user.permissions.has(permission)) return
  throw new ProblemError(
    'forbidden',
    `Attaching a file to ${what} needs the permission "${permission}", which your roles do not grant.`,
    { extensions: { permission } },
  )
}

/**
 * Locks an inspection that may still take photos and documents: it exists, and it is not signed
 * (a submitted inspection is a record: nothing is added to it).
 */
export async function lockOpenInspection(tx: Executor, id: number, row?: string): Promise<void> {
  const [inspection] = await tx
    .select({ status: inspections.status })
    .from(inspections)
    .where(eq(inspections.id, id))
    .for('update')
  if (inspection === undefined) throw new ProblemError('notFound', `There is no inspection ${id}.`)
  if (inspection.status !== 'IN_PROGRESS')
    throw new ProblemError(
      'conflict',
      `Inspection ${id} was submitted and signed: nothing can be added to it. Start a new inspection to record again.`,
    )
  if (row === undefined) return
  const [item] = await tx
    .select({ key: inspectionItems.key })
    .from(inspectionItems)
    .where(and(eq(inspectionItems.inspectionId, id), eq(inspectionItems.key, row)))
  if (item === undefined)
    throw new ProblemError('notFound', `Inspection ${id} has no row "${row}".`)
}

/**
 * Checks that what a document is attached to exists and that the user may read it (and, for an
 * inspection, that it is not signed); throws the 404, 403 or 409 problem otherwise.
 */
export async function checkAttachment(
  tx: Executor,
  user: AuthUser,
  attachment: Attachment,
): Promise<void> {
  if (attachment.inspectionId !== undefined) {
    need(user, 'qc:read', 'an inspection')
    await lockOpenInspection(tx, attachment.inspectionId, attachment.inspectionItemKey)
    return
  }
  if (attachment.taskId !== undefined) {
    need(user, 'tasks:read', 'a production task')
    const [task] = await tx
      .select({ assigneeId: productionTasks.assigneeId })
      .from(productionTasks)
      .where(eq(productionTasks.id, attachment.taskId))
    // an assembler's view of tasks is their own
    const visible =
      task !== undefined && (user.permissions.has('tasks:manage') || task.assigneeId === user.id)
    if (!visible)
      throw new ProblemError('notFound', `There is no production task ${attachment.taskId}.`)
    return
  }
  if (attachment.orderItemId !== undefined) {
    need(user, 'orders:read', 'an order item')
    const [item] = await tx
      .select({ id: orderItems.id })
      .from(orderItems)
      .where(eq(orderItems.id, attachment.orderItemId))
    if (item === undefined)
      throw new ProblemError('notFound', `There is no order item ${attachment.orderItemId}.`)
    return
  }
  if (attachment.orderId !== undefined) {
    need(user, 'orders:read', 'an order')
    const [order] = await tx
      .select({ id: orders.id })
      .from(orders)
      .where(eq(orders.id, attachment.orderId))
    if (order === undefined)
      throw new ProblemError('notFound', `There is no order ${attachment.orderId}.`)
    return
  }
  if (attachment.catalogItemId !== undefined) {
    need(user, 'catalog:read', 'a catalog item')
    const [item] = await tx
      .select({ id: items.id })
      .from(items)
      .where(eq(items.id, attachment.catalogItemId))
    if (item === undefined)
      throw new ProblemError('notFound', `There is no catalog item "${attachment.catalogItemId}".`)
    return
  }
  throw new ProblemError('validation', 'A document is attached to something; name it.')
}
