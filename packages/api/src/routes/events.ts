import { z } from 'zod'
import { defineRoute } from '../http/route.js'
import { eventView, readEvents } from '../events/read.js'
import { EVENT_TYPE_NAMES } from '../events/types.js'

/** the most event types one feed request may filter by */
const MAX_TYPES = 20

const EventTypes = z
  .string()
  .max(1000)
  .transform((value) => value.split(',').map((part) => part.trim()))
  .pipe(z.array(z.enum(EVENT_TYPE_NAMES)).min(1).max(MAX_TYPES))

const Event = z.object({
  id: z.string(),
  sequence: z.number(),
  type: z.enum(EVENT_TYPE_NAMES),
  timestamp: z.string(),
  actor: z.object({ id: z.number(), username: z.string() }).nullable(),
  orderId: z.number().nullable(),
  data: z.record(z.string(), z.unknown()),
})

/** The pull feed of domain events, for integrators that cannot receive webhooks. */
export const eventRoutes = [
  defineRoute({
    method: 'get',
    path: '/events',
    summary: 'Domain events in sequence order: page with `after` (the `next` of the previous page)',
    description:
      'Every change another system cares about, written in the same transaction as the change. A page holds the events after the cursor; `next` is the cursor of the following page, which is empty until later events exist (poll it). Pages never skip or repeat an event, also under concurrent writes. Prices and costs only for users with financials:read.',
    tag: 'Integration',
    access: 'events:read',
    query: z.strictObject({
      after: z.coerce
        .number()
        .int()
        .min(0)
        .max(Number.MAX_SAFE_INTEGER)
        .default(0)
        .describe('the sequence number of the last event you have; 0 from the start'),
      type: EventTypes.optional().describe('event types, comma-separated, e.g. order.moved'),
      orderId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
      limit: z.coerce.number().int().min(1).max(500).default(100),
    }),
    response: {
      status: 200,
      description: 'One page of events, oldest first',
      schema: z.object({ events: z.array(Event), next: z.number(), hasMore: z.boolean() }),
    },
    handler: async ({ query, user, services }) => {
      const financial = user.permissions.has('financials:read')
      const rows = await readEvents(services.db, {
        after: query.after,
        types: query.type,
        orderId: query.orderId,
        limit: query.limit + 1,
      })
      const page = rows.slice(0, query.limit)
      return {
        body: {
          events: page.map((row) => eventView(row, financial)),
          next: page.at(-1)?.seq ?? query.after,
          hasMore: rows.length > query.limit,
        },
      }
    },
  }),
]
