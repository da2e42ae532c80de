/**
 * Database failures that say nothing about the request, which may succeed when sent again: PostgreSQL
 * aborted its transaction to break a deadlock or a serialization conflict with another one (nothing
 * of it was saved), or the connection was lost (the pool reconnects; a commit in flight may or may
 * not have happened, which an `Idempotency-Key` makes safe to retry).
 */
const CONFLICT = 'it collided with another request; nothing of it was saved'
const LOST =
  'the database connection was lost; send creating requests again with the same Idempotency-Key'
const TRANSIENT = new Map<string, string>([
  ['40P01', CONFLICT],
  ['40001', CONFLICT],
  ['57P01', LOST],
  ['CONNECTION_CLOSED', LOST],
  ['CONNECTION_ENDED', LOST],
  ['CONNECTION_DESTROYED', LOST],
  ['ECONNRESET', LOST],
])

/** Why the database gave up on a request that may be sent again, or undefined for other errors. */
export function transientFailure(error: unknown): string | undefined {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    const code = (e as { code?: unknown }).code
    if (typeof code === 'string') {
      const reason = TRANSIENT.get(code)
      if (reason !== undefined) return reason
    }
  }
  return undefined
}
