import { randomUUID } from 'node:crypto'
import { sql } from 'drizzle-orm'
import type { Executor } from '../db/open.js'
import { events } from '../db/schema/index.js'
import type { EventType } from './types.js'

/** One event to emit: its type, the order it is about (where there is one), who and what. */
export interface EventInput {
  type: EventType
  orderId?: number | null
  userId?: number | null
  /** enough to act on without a second call */
  payload: Record<string, unknown>
  requestId?: string | null
  at?: Date
}

/** the advisory lock event writers hold to commit: sequence order is then commit order */
const EVENT_ORDER_LOCK = 7172010

/**
 * Writes an event to the outbox. Call it with the transaction that makes the change, beside its
 * `writeAudit`, so that both are written or neither is; a change that rolls back leaves no event.
 *
 * Writers take one lock until they commit, so a reader that sees sequence number n has seen every
 * smaller one: the feed pages without gaps. Call it late in the transaction to hold the lock briefly.
 *
 * @example await emitEvent(tx, { type: 'order.moved', orderId, userId, payload: { from, to } })
 */
export async function emitEvent(executor: Executor, event: EventInput): Promise<string> {
  await executor.execute(sql`select pg_advisory_xact_lock(${EVENT_ORDER_LOCK})`)
  const id = `evt_${randomUUID().replaceAll('-', '')}`
  await executor.insert(events).values({
    id,
    type: event.type,
    orderId: event.orderId ?? null,
    userId: event.userId ?? null,
    payload: event.payload,
    requestId: event.requestId ?? null,
    ...(event.at === undefined ? {} : { at: event.at }),
  })
  return id
}
