import { and, desc, eq, inArray } from 'drizzle-orm'
import type { Executor } from '../db/open.js'
import {
  inspections,
  orderItems,
  orders,
  productionTasks,
  qcTemplates,
} from '../db/schema/index.js'
import { ProblemError } from '../http/problem.js'
import { openNcrsOf } from '../ncrs/store.js'
import type { Models, Services } from '../services.js'
import type { OrderRow } from './store.js'
import { blockedMoves } from './transition.js'

/** Sums hours (numeric strings) in hundredths, so 0.1 + 0.2 is 0.30 and not 0.30000000000000004. */
function hundredths(values: readonly (string | null)[]): string {
  const total = values.reduce((sum, value) => sum + Math.round(Number(value ?? 0) * 100), 0)
  return (total / 100).toFixed(2)
}

/**
 * How far an order is: tasks and hours per sink and in all, and what stops each next move (a 404
 * problem for an order that does not exist).
 */
export async function orderProgress(services: Services, id: number) {
  return services.db.transaction(async (tx) => {
    const [order] = await tx.select().from(orders).where(eq(orders.id, id))
    if (order === undefined) throw new ProblemError('notFound', `There is no order ${id}.`)
    const items = await tx
      .select({ id: orderItems.id, buildNumber: orderItems.buildNumber })
      .from(orderItems)
      .where(eq(orderItems.orderId, order.id))
      .orderBy(orderItems.id)
    const rows = await progressRows(tx, {
      order,
      ids: items.map((item) => item.id),
      models: services.models,
    })
    const sinks = items.map((item) => sinkProgress(item, { order, rows }))
    return {
      orderId: order.id,
      number: order.number,
      phase: order.phase,
      ...sum(rows.tasks),
      moves: rows.moves,
      sinks,
    }
  })
}

/** the order's tasks, final inspections and open NCRs, and its next moves with what blocks them */
async function progressRows(tx: Executor, at: { order: OrderRow; ids: number[]; models: Models }) {
  const { order, ids } = at
  const [tasks, finals, ncrs, moves] = await Promise.all([
    ids.length === 0
      ? []
      : tx
          .select({
            itemId: productionTasks.orderItemId,
            key: productionTasks.key,
            status: productionTasks.status,
            estimated: productionTasks.estimatedHours,
            actual: productionTasks.actualHours,
          })
          .from(productionTasks)
          .where(inArray(productionTasks.orderItemId, ids)),
    ids.length === 0
      ? []
      : tx
          .select({
            itemId: inspections.orderItemId,
            id: inspections.id,
            status: inspections.status,
            result: inspections.result,
            approval: inspections.approval,
          })
          .from(inspections)
          .innerJoin(qcTemplates, eq(qcTemplates.id, inspections.templateId))
          .where(and(inArray(inspections.orderItemId, ids), eq(qcTemplates.kind, 'FINAL_QC')))
          .orderBy(desc(inspections.id)),
    openNcrsOf(tx, ids),
    blockedMoves(tx, order, at.models),
  ])
  return { tasks, finals, ncrs, moves }
}

type ProgressRows = Awaited<ReturnType<typeof progressRows>>

/** tasks done, cancelled and in all, and their hours estimated and spent */
function sum(rows: ProgressRows['tasks']) {
  return {
    tasks: {
      done: rows.filter((t) => t.status === 'COMPLETED').length,
      cancelled: rows.filter((t) => t.status === 'CANCELLED').length,
      total: rows.length,
    },
    hours: {
      estimated: hundredths(rows.map((t) => t.estimated)),
      actual: hundredths(rows.map((t) => t.actual)),
    },
  }
}

/** one sink's progress, its final inspection and what on it stops the order's next move */
function sinkProgress(
  item: { id: number; buildNumber: string },
  at: { order: OrderRow; rows: ProgressRows },
) {
  const { order, rows } = at
  const own = rows.tasks.filter((t) => t.itemId === item.id)
  const final = rows.finals.find((f) => f.itemId === item.id)
  const blocking = [
    ...own
      .filter((t) => t.status !== 'COMPLETED' && t.status !== 'CANCELLED')
      .map((t) => `task ${t.key} is ${t.status}`),
    ...rows.ncrs
      .filter((n) => n.orderItemId === item.id)
      .map(
        (n) =>
          `NCR ${n.id} (${n.severity}) is ${n.status}${n.disposition === null ? ', without a disposition' : ''}`,
      ),
    ...(final === undefined || order.phase !== 'QUALITY_CONTROL'
      ? []
      : final.status !== 'SUBMITTED'
        ? [`final inspection ${final.id} is not submitted`]
        : final.approval === 'PENDING'
          ? [`final inspection ${final.id} awaits approval`]
          : final.result === 'FAIL' || final.approval === 'REJECTED'
            ? [
                `final inspection ${final.id} ${final.result === 'FAIL' ? 'failed' : 'was rejected'}`,
              ]
            : []),
    ...(final === undefined && order.phase === 'QUALITY_CONTROL'
      ? ['no final inspection yet']
      : []),
  ]
  return {
    orderItemId: item.id,
    buildNumber: item.buildNumber,
    ...sum(own),
    finalInspection:
      final === undefined
        ? null
        : { id: final.id, status: final.status, result: final.result, approval: final.approval },
    blocking,
  }
}
