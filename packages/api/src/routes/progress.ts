import { and, desc, eq, inArray } from 'drizzle-orm'
import { z } from 'zod'
import {
  inspections,
  orderItems,
  orders,
  productionTasks,
  qcTemplates,
} from '../db/schema/index.js'
import { ProblemError } from '../http/problem.js'
import { defineRoute } from '../http/route.js'
import { openNcrsOf } from '../ncrs/store.js'
import { blockedMoves } from '../orders/transition.js'

const Hours = z.object({ estimated: z.string(), actual: z.string() })
const Tasks = z.object({ done: z.number(), cancelled: z.number(), total: z.number() })

const Progress = z.object({
  orderId: z.number(),
  number: z.string(),
  phase: z.string(),
  tasks: Tasks,
  hours: Hours,
  moves: z.array(
    z.object({
      to: z.string(),
      permission: z.string(),
      blockedBy: z.array(z.object({ guard: z.string(), detail: z.string() })),
    }),
  ),
  sinks: z.array(
    z.object({
      orderItemId: z.number(),
      buildNumber: z.string(),
      tasks: Tasks,
      hours: Hours,
      finalInspection: z
        .object({
          id: z.number(),
          status: z.string(),
          result: z.string().nullable(),
          approval: z.string().nullable(),
        })
        .nullable(),
      blocking: z.array(z.string()).describe('what on this sink stops the order’s next move'),
    }),
  ),
})

/** Sums hours (numeric strings) in hundredths, so 0.1 + 0.2 is 0.30 and not 0.30000000000000004. */
function hundredths(values: readonly (string | null)[]): string {
  const total = values.reduce((sum, value) => sum + Math.round(Number(value ?? 0) * 100), 0)
  return (total / 100).toFixed(2)
}

/** How far an order is: tasks and hours per sink and in all, and what stops each next move. */
export const progressRoutes = [
  defineRoute({
    method: 'get',
    path: '/orders/{id}/progress',
    summary:
      'An order’s progress: tasks done / total and hours per sink, and what blocks the next move',
    tag: 'Orders',
    access: 'orders:read',
    params: z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) }),
    response: { status: 200, description: 'The progress', schema: Progress },
    problems: [404],
    handler: async ({ params, services }) => {
      const body = await services.db.transaction(async (tx) => {
        const [order] = await tx.select().from(orders).where(eq(orders.id, params.id))
        if (order === undefined)
          throw new ProblemError('notFound', `There is no order ${params.id}.`)
        const items = await tx
          .select({ id: orderItems.id, buildNumber: orderItems.buildNumber })
          .from(orderItems)
          .where(eq(orderItems.orderId, order.id))
          .orderBy(orderItems.id)
        const ids = items.map((item) => item.id)
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
          blockedMoves(tx, order, services.models),
        ])
        const sum = (rows: typeof tasks) => ({
          tasks: {
            done: rows.filter((t) => t.status === 'COMPLETED').length,
            cancelled: rows.filter((t) => t.status === 'CANCELLED').length,
            total: rows.length,
          },
          hours: {
            estimated: hundredths(rows.map((t) => t.estimated)),
            actual: hundredths(rows.map((t) => t.actual)),
          },
        })
        const sinks = items.map((item) => {
          const own = tasks.filter((t) => t.itemId === item.id)
          const final = finals.find((f) => f.itemId === item.id)
          const blocking = [
            ...own
              .filter((t) => t.status !== 'COMPLETED' && t.status !== 'CANCELLED')
              .map((t) => `task ${t.key} is ${t.status}`),
            ...ncrs
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
                : {
                    id: final.id,
                    status: final.status,
                    result: final.result,
                    approval: final.approval,
                  },
            blocking,
          }
        })
        return {
          orderId: order.id,
          number: order.number,
          phase: order.phase,
          ...sum(tasks),
          moves,
          sinks,
        }
      })
      return { body }
    },
  }),
]
