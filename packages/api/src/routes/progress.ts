import { z } from 'zod'
import { defineRoute } from '../http/route.js'
import { orderProgress } from '../orders/progress.js'

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
    handler: async ({ params, services }) => ({ body: await orderProgress(services, params.id) }),
  }),
]
