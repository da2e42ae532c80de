import { and, eq, sql } from 'drizzle-orm'
import type { Executor } from '../db/open.js'
import { signInAttempts } from '../db/schema/index.js'

/** failed sign-ins in a row that lock an account name */
export const MAX_FAILED_LOGINS = 5
/** failed sign-ins from one client address, within {@link LOCK_MINUTES}, that lock the address */
const MAX_FAILED_LOGINS_PER_ADDRESS = 20
/** how long a lock lasts, and the window an address's failures are counted in */
export const LOCK_MINUTES = 15

/** What counts sign-ins: the account name as typed (lower case) and the client's address. */
type AttemptScope = 'account' | 'address'

/** One counter: an account name or a client address. */
export interface AttemptKey {
  scope: AttemptScope
  key: string
}

const LIMITS: Record<AttemptScope, number> = {
  account: MAX_FAILED_LOGINS,
  address: MAX_FAILED_LOGINS_PER_ADDRESS,
}

/** An attempt counted before the password is checked: allowed, or refused until `lockedUntil`. */
export type Reservation = { allowed: true } | { allowed: false; lockedUntil: Date }

/**
 * Counts one sign-in attempt for a scope, atomically (one upsert), before the password is checked: of
 * parallel attempts only the first {@link MAX_FAILED_LOGINS} (per account) get a password check, the
 * rest are refused, and the attempt over the limit locks the key for {@link LOCK_MINUTES} minutes. A lock
 * or window that has run out starts the count again.
 */
export async function reserveAttempt(
  db: Executor,
  { scope, key }: AttemptKey,
  now: Date,
): Promise<Reservation> {
  // dates inside raw SQL travel as ISO text: postgres.js does not serialise a Date there
  const at = sql`${now.toISOString()}::timestamptz`
  const windowStart = sql`${new Date(now.getTime() - LOCK_MINUTES * 60_000).toISOString()}::timestamptz`
  const lockUntil = sql`${new Date(now.getTime() + LOCK_MINUTES * 60_000).toISOString()}::timestamptz`
  const limit = LIMITS[scope]
  const t = signInAttempts
  // a lock that ran out, or (for addresses) a window that did, starts over
  const lockOver = sql`(${t.lockedUntil} is not null and ${t.lockedUntil} <= ${at})`
  const expired =
    scope === 'address'
      ? sql`(${lockOver} or (${t.lockedUntil} is null and ${t.windowStartedAt} <= ${windowStart}))`
      : lockOver
  const [row] = await db
    .insert(t)
    .values({ scope, key, attempts: 1, windowStartedAt: now, lockedUntil: null })
    .onConflictDoUpdate({
      target: [t.scope, t.key],
      set: {
        attempts: sql`case when ${expired} then 1 when ${t.lockedUntil} is not null then ${t.attempts} else ${t.attempts} + 1 end`,
        windowStartedAt: sql`case when ${expired} then ${at} else ${t.windowStartedAt} end`,
        lockedUntil: sql`case when ${expired} then null::timestamptz when ${t.lockedUntil} is not null then ${t.lockedUntil} when ${t.attempts} + 1 > ${limit}::integer then ${lockUntil} else null::timestamptz end`,
      },
    })
    .returning({ attempts: t.attempts, lockedUntil: t.lockedUntil })
  if (row === undefined) throw new Error('the sign-in attempt upsert returned no row')
  if (row.lockedUntil !== null && row.lockedUntil > now) {
    return { allowed: false, lockedUntil: row.lockedUntil }
  }
  return { allowed: true }
}

/**
 * Settles a reserved attempt whose password was wrong: the failure that reaches the limit locks the key
 * at once, so that the next attempt is refused without a password check. True when this one locked it.
 */
export async function recordFailure(
  db: Executor,
  { scope, key }: AttemptKey,
  now: Date,
): Promise<boolean> {
  const t = signInAttempts
  const locked = await db
    .update(t)
    .set({ lockedUntil: new Date(now.getTime() + LOCK_MINUTES * 60_000) })
    .where(
      and(
        eq(t.scope, scope),
        eq(t.key, key),
        sql`${t.lockedUntil} is null and ${t.attempts} >= ${LIMITS[scope]}::integer`,
      ),
    )
    .returning({ key: t.key })
  return locked.length > 0
}

/**
 * Settles a reserved attempt whose password was right: an account's count starts again; an address
 * only gets this attempt back (a valid account must not wipe the failures of guesses at others).
 */
export async function recordSuccess(
  db: Executor,
  input: { account: string; address: string },
): Promise<void> {
  const t = signInAttempts
  await db.delete(t).where(and(eq(t.scope, 'account'), eq(t.key, input.account)))
  await db
    .update(t)
    .set({ attempts: sql`greatest(${t.attempts} - 1, 0)` })
    .where(and(eq(t.scope, 'address'), eq(t.key, input.address), sql`${t.lockedUntil} is null`))
}

/** Lifts an account name's lock (an administrator reset its password). */
export async function clearAccountAttempts(db: Executor, account: string): Promise<void> {
  const t = signInAttempts
  await db.delete(t).where(and(eq(t.scope, 'account'), eq(t.key, account.toLowerCase())))
}

/** Whether an account name is locked now, for the user list. */
export async function isAccountLocked(db: Executor, account: string, now: Date): Promise<boolean> {
  const t = signInAttempts
  const rows = await db
    .select({ key: t.key })
    .from(t)
    .where(
      and(
        eq(t.scope, 'account'),
        eq(t.key, account.toLowerCase()),
        sql`${t.lockedUntil} > ${now.toISOString()}::timestamptz`,
      ),
    )
  return rows.length > 0
}
