import { canonicalJson, sha256 } from '@torvan/configurator-core'
import { and, eq } from 'drizzle-orm'
import type { AuthUser } from '../auth/users.js'
import type { Database } from '../db/open.js'
import { idempotencyKeys } from '../db/schema.js'
import { ProblemError } from './problem.js'
import type { Reply } from './route.js'

/** status of a key whose first request is still running */
const IN_PROGRESS = 0

/** A stored answer to replay. */
export interface StoredReply {
  status: number
  body: unknown
  headers: Record<string, string>
}

/**
 * Runs a creating request at most once per `Idempotency-Key` and user: a retry gets the first successful
 * answer; the same key with a different request is a 422 problem; a key whose first request is still
 * running is a 409 problem; a first request that failed leaves no trace, so its retry runs again.
 */
export async function idempotent(
  db: Database,
  input: { key: string; user: AuthUser; method: string; path: string; body: unknown },
  run: () => Promise<Reply>,
): Promise<{ reply: Reply; replayed: boolean }> {
  if (input.key.length === 0 || input.key.length > 200) {
    throw new ProblemError('validation', 'An Idempotency-Key has 1 to 200 characters.', {
      extensions: {
        errors: [{ path: 'headers.idempotency-key', message: 'expected 1 to 200 characters' }],
      },
    })
  }
  const requestHash = sha256(
    canonicalJson({ method: input.method, path: input.path, body: input.body ?? null }),
  )
  const where = and(eq(idempotencyKeys.userId, input.user.id), eq(idempotencyKeys.key, input.key))
  const [claimed] = await db
    .insert(idempotencyKeys)
    .values({
      userId: input.user.id,
      key: input.key,
      method: input.method,
      path: input.path,
      requestHash,
      status: IN_PROGRESS,
      response: {},
    })
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key })
  if (claimed === undefined) {
    const [known] = await db.select().from(idempotencyKeys).where(where)
    if (known === undefined) {
      throw new ProblemError(
        'idempotencyInProgress',
        'The first request with this Idempotency-Key has just failed; retry.',
      )
    }
    if (known.requestHash !== requestHash) {
      throw new ProblemError(
        'idempotencyMismatch',
        `The Idempotency-Key "${input.key}" was used for a different request (${known.method} ${known.path} with another body); use a new key for a new request.`,
      )
    }
    if (known.status === IN_PROGRESS) {
      throw new ProblemError(
        'idempotencyInProgress',
        `The first request with the Idempotency-Key "${input.key}" is still running; retry in a moment.`,
        { headers: { 'Retry-After': '1' } },
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
  let reply: Reply
  try {
    reply = await run()
  } catch (error) {
    await db.delete(idempotencyKeys).where(where)
    throw error
  }
  const stored: StoredReply = {
    status: reply.status ?? 200,
    body: reply.body,
    headers: reply.headers ?? {},
  }
  await db.update(idempotencyKeys).set({ status: stored.status, response: stored }).where(where)
  return { reply, replayed: false }
}
