import type { SQL } from 'drizzle-orm'
import { and, asc, eq, gt, inArray } from 'drizzle-orm'
import type { Executor } from '../db/open.js'
import { events, users } from '../db/schema/index.js'
import { withoutFinancials } from '../http/redact.js'

/** An event as the feed and the webhooks send it. */
export interface EventView {
  id: string
  /** the event's place in the feed: a later event has a larger one */
  sequence: number
  type: string
  /** ISO 8601 */
  timestamp: string
  actor: { id: number; username: string } | null
  orderId: number | null
  data: Record<string, unknown>
}

/** Which events to read: after a sequence number, of some types, of one order. */
export interface EventQuery {
  after: number
  types?: readonly string[] | undefined
  orderId?: number | undefined
  limit: number
}

/** The row of an event, as read for the feed and for deliveries. */
export type EventRow = typeof events.$inferSelect & { username: string | null }

/** The API's view of an event row; prices and costs only when `financial`. */
export function eventView(row: EventRow, financial: boolean): EventView {
  return {
    id: row.id,
    sequence: row.seq,
    type: row.type,
    timestamp: row.at.toISOString(),
    actor:
      row.userId === null || row.username === null
        ? null
        : { id: row.userId, username: row.username },
    orderId: row.orderId,
    data: financial ? row.payload : (withoutFinancials(row.payload) as Record<string, unknown>),
  }
}

/** Reads events in sequence order. */
export async function readEvents(db: Executor, query: EventQuery): Promise<EventRow[]> {
  const where: SQL[] = [gt(events.seq, query.after)]
  if (query.types !== undefined && query.types.length > 0)
    where.push(inArray(events.type, [...query.types]))
  if (query.orderId !== undefined) where.push(eq(events.orderId, query.orderId))
  const rows = await db
    .select({ event: events, username: users.username })
    .from(events)
    .leftJoin(users, eq(users.id, events.userId))
    .where(and(...where))
    .orderBy(asc(events.seq))
    .limit(query.limit)
  return rows.map((row) => ({ ...row.event, username: row.username }))
}
