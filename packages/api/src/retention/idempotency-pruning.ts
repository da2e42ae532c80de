import { sql } from 'drizzle-orm'
import type { Database } from '../db/open.js'
import { pruneIdempotencyKeys } from '../http/idempotency.js'

/** the advisory lock that lets one instance at a time prune; the others skip that round */
const PRUNE_LOCK = 7172005

/** How often a running service prunes expired idempotency keys, by default. */
const IDEMPOTENCY_PRUNE_INTERVAL_MS = 60 * 60 * 1000

/**
 * Prunes the expired idempotency keys once, if no other instance is doing it right now (a
 * transaction-scoped advisory lock, tried without waiting). Returns how many were deleted, or
 * undefined when another instance held the lock.
 *
 * @example await pruneIdempotencyKeysOnce(db, new Date()) // 12
 */
export async function pruneIdempotencyKeysOnce(
  db: Database,
  now: Date,
): Promise<number | undefined> {
  return db.transaction(async (tx) => {
    const result = await tx.execute(sql`select pg_try_advisory_xact_lock(${PRUNE_LOCK}) as locked`)
    const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as {
      locked: boolean
    }[]
    if (rows[0]?.locked !== true) return undefined
    return pruneIdempotencyKeys(tx, now)
  })
}

/**
 * Prunes expired idempotency keys every `everyMs` (hourly by default) while the service runs; safe
 * with several instances, as only one prunes at a time. A failed round is logged and retried on the
 * next. Returns the function that stops it (and waits for a round under way).
 *
 * @example const stop = scheduleIdempotencyPruning(db, { now: () => new Date(), log: console.error })
 */
export function scheduleIdempotencyPruning(
  db: Database,
  options: { now: () => Date; log: (line: string) => void; everyMs?: number },
): () => Promise<void> {
  let running: Promise<unknown> | undefined
  const round = () => {
    if (running !== undefined) return
    running = pruneIdempotencyKeysOnce(db, options.now())
      .then((deleted) => {
        if (deleted !== undefined && deleted > 0)
          options.log(`pruned ${deleted} expired idempotency keys`)
      })
      .catch((error: unknown) => {
        options.log(`pruning idempotency keys failed (retried next round): ${String(error)}`)
      })
      .finally(() => {
        running = undefined
      })
  }
  const timer = setInterval(round, options.everyMs ?? IDEMPOTENCY_PRUNE_INTERVAL_MS)
  timer.unref()
  return async () => {
    clearInterval(timer)
    await running
  }
}
