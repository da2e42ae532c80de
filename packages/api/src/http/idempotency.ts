import { canonicalJson, sha256 } from '@torvan/configurator-core'
import type { SQL } from 'drizzle-orm'
import { and, eq, lte, sql } from 'drizzle-orm'
import type { AuthUser } from '../auth/users.js'
import type { Database, Executor } from '../db/open.js'
import { idempotencyKeys } from '../db/schema/index.js'
import { ProblemError } from './problem.js'
import type { Reply } from './route.js'

/** how long a key answers replays */
export const IDEMPOTENCY_KEY_TTL_MS = 24 * 60 * 60 * 1000
/** how long a retry waits for a first request with the same key that is still running */
const WAIT_FOR_FIRST = '10s'
/** keys deleted per statement when pruning, so that a prune never holds many rows locked */
const PRUNE_BATCH = 1000

/** A stored answer to replay. */
interface StoredReply {
  status: number
  body: unknown
  headers: Record<string, string>
}

function isLockTimeout(error: unknown): boolean {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    if ((e as { code?: unknown }).code === '55P03') return true
  }
  return false
}

/**
 * Runs a creating request at most once per `Idempotency-Key` and user. The key is claimed, the request
 * runs and its answer is stored in one transaction (`run` receives it and must do its writes there): a
 * request that fails or whose process dies leaves no key behind, so its retry runs again, and one that
 * committed has its answer committed with it, so its retry replays it. A retry that arrives while the
 * first request runs waits for it (up to 10 s, then a 409 problem); the same key with a different
 * request is a 422 problem. Keys answer for {@link IDEMPOTENCY_KEY_TTL_MS}, then count as new.
 */
export async function idempotent(
  db: Database,
  input: { key: string; user: AuthUser; method: string; path: string; body: unknown; now: Date },
  run: (tx: Database) => Promise<Reply>,
): Promise<{ reply: Reply; replayed: boolean }> {
  checkKey(input.key)
  const requestHash = sha256(
    canonicalJson({ method: input.method, path: input.path, body: input.body ?? null }),
  )
  const where = and(eq(idempotencyKeys.userId, input.user.id), eq(idempotencyKeys.key, input.key))
  const expiresAt = new Date(input.now.getTime() + IDEMPOTENCY_KEY_TTL_MS)
  try {
    return await db.transaction(async (tx) => {
      // a first request with this key still running holds the row: wait for it, not forever
      await tx.execute(sql.raw(`set local lock_timeout = '${WAIT_FOR_FIRST}'`))
      const claim = {
        userId: input.user.id,
        key: input.key,
        method: input.method,
        path: input.path,
        requestHash,
        status: 0,
        response: {},
        createdAt: input.now,
        expiresAt,
      }
      const [claimed] = await tx
        .insert(idempotencyKeys)
        .values(claim)
        .onConflictDoUpdate({
          target: [idempotencyKeys.userId, idempotencyKeys.key],
          set: claim,
          // an expired key counts as new
          setWhere: lte(idempotencyKeys.expiresAt, input.now),
        })
        .returning({ key: idempotencyKeys.key })
      if (claimed === undefined) return replayOf(tx, { where, requestHash, key: input.key })
      const reply = await run(tx)
      const stored: StoredReply = {
        status: reply.status ?? 200,
        body: reply.body,
        headers: reply.headers ?? {},
      }
      await tx.update(idempotencyKeys).set({ status: stored.status, response: stored }).where(where)
      return { reply, replayed: false }
    })
  } catch (error) {
    if (isLockTimeout(error)) {
      throw new ProblemError(
        'idempotencyInProgress',
        `The first request with the Idempotency-Key "${input.key}" is still running; retry in a moment.`,
        { headers: { 'Retry-After': '1' } },
      )
    }
    throw error
  }
}

/**
 * Deletes the idempotency keys that expired before `now`, a batch at a time, and returns how many.
 *
 * @example await pruneIdempotencyKeys(db, new Date())
 */
export async function pruneIdempotencyKeys(db: Executor, now: Date): Promise<number> {
  let deleted = 0
  for (;;) {
    const rows = await db
      .delete(idempotencyKeys)
      .where(
        sql`(${idempotencyKeys.userId}, ${idempotencyKeys.key}) in (select user_id, key from idempotency_keys where expires_at <= ${now.toISOString()}::timestamptz limit ${PRUNE_BATCH})`,
      )
      .returning({ key: idempotencyKeys.key })
    deleted += rows.length
    if (rows.length < PRUNE_BATCH) return deleted
  }
}

/** an Idempotency-Key has 1 to 200 printable ASCII characters, or the request is a 400 problem */
function checkKey(key: string): void {
  if (key.length === 0 || key.length > 200 || !/^[\x21-\x7e]+$/.test(key)) {
    throw new ProblemError(
      'validation',
      'An Idempotency-Key has 1 to 200 printable ASCII characters.',
      {
        extensions: {
          errors: [
            {
              path: 'headers.idempotency-key',
              message: 'expected 1 to 200 printable ASCII characters',
            },
          ],
        },
      },
    )
  }
}

/** the stored answer of the key's first request, to replay; a 422 problem for a different request */
async function replayOf(
  tx: Database,
  at: { where: SQL | undefined; requestHash: string; key: string },
): Promise<{ reply: Reply; replayed: boolean }> {
  const [known] = await tx.select().from(idempotencyKeys).where(at.where)
  if (known === undefined) throw new Error('an idempotency key vanished while locked')
  if (known.requestHash !== at.requestHash) {
    throw new ProblemError(
      'idempotencyMismatch',
      `The Idempotency-Key "${at.key}" was used for a different request (${known.method} ${known.path} with another body); use a new key for a new request.`,
    )
  }
  const stored = known.response as StoredReply
  return {
    reply: {
      status: stored.status as NonNullable<Reply['status']>,
      body: stored.body,
      headers: stored.headers,
    },
    replayed: true,
  }
}
