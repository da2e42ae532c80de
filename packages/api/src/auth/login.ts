import { eq } from 'drizzle-orm'
import { writeAudit } from '../audit.js'
import type { Database } from '../db/open.js'
import { users } from '../db/schema/index.js'
import { ProblemError } from '../http/problem.js'
import type { SignInFailure } from '../ops/metrics.js'
import { issueToken } from './token.js'
import { DUMMY_HASH, verifyPassword } from './password.js'
import type { AttemptKey } from './sign-in-attempts.js'
import {
  LOCK_MINUTES,
  MAX_FAILED_LOGINS,
  recordFailure,
  recordSuccess,
  reserveAttempt,
} from './sign-in-attempts.js'

export { LOCK_MINUTES, MAX_FAILED_LOGINS } from './sign-in-attempts.js'

const WRONG = 'The username or password is wrong.'

function lockedProblem(lockedUntil: Date, now: Date): ProblemError {
  const seconds = Math.max(1, Math.ceil((lockedUntil.getTime() - now.getTime()) / 1000))
  // the same words whether or not the account exists, and whether the name or the address is locked
  return new ProblemError(
    'locked',
    `Too many failed sign-ins for this username or from this address (${MAX_FAILED_LOGINS} in a row lock a username for ${LOCK_MINUTES} minutes); try again in ${Math.ceil(seconds / 60)} minutes, or ask an administrator to reset the password.`,
    { headers: { 'Retry-After': String(seconds) } },
  )
}

/**
 * Checks a username and password and issues a token. Each attempt is counted in the database before the
 * password is checked, per username (existing or not) and per client address, so parallel guesses
 * cannot outrun the lock; unknown usernames and wrong passwords get the same answer. Every failure is
 * audited.
 */
export async function login(
  db: Database,
  input: { username: string; password: string },
  context: {
    secret: string
    now: Date
    ttlSeconds: number
    requestId: string
    clientAddress: string
    /** counts failures for the metrics */
    onFailure?: (reason: SignInFailure) => void
  },
): Promise<{ token: string; expiresAt: Date; userId: number }> {
  const { now, requestId } = context
  const account = input.username.toLowerCase()
  // in-process calls (app.request() without a socket) have no address to count
  const keys: AttemptKey[] = [{ scope: 'account', key: account }]
  if (context.clientAddress !== 'unknown') {
    keys.push({ scope: 'address', key: context.clientAddress })
  }
  const [user] = await db.select().from(users).where(eq(users.username, input.username))
  const audit = (reason: string) =>
    writeAudit(db, {
      action: 'auth.login_failed',
      entity: 'user',
      entityId: user?.id ?? null,
      actor: input.username,
      after: { reason, address: context.clientAddress },
      requestId,
    })
  for (const attempt of keys) {
    const reservation = await reserveAttempt(db, attempt, now)
    if (!reservation.allowed) {
      await audit(`${attempt.scope} locked`)
      context.onFailure?.('refused_locked')
      throw lockedProblem(reservation.lockedUntil, now)
    }
  }
  const matches = await verifyPassword(input.password, user?.passwordHash ?? DUMMY_HASH)
  if (user === undefined || !matches || !user.active) {
    context.onFailure?.('wrong_credentials')
    for (const attempt of keys) {
      if (await recordFailure(db, attempt, now)) context.onFailure?.('lockout')
    }
    await audit(user === undefined ? 'unknown user' : matches ? 'deactivated' : 'wrong password')
    throw new ProblemError('unauthenticated', WRONG)
  }
  const issued = await issueToken(user.id, {
    secret: context.secret,
    now,
    ttlSeconds: context.ttlSeconds,
    version: user.tokenVersion,
  })
  await db.transaction(async (tx) => {
    await recordSuccess(tx, { account, address: context.clientAddress })
    await tx.update(users).set({ lastLoginAt: now }).where(eq(users.id, user.id))
    await writeAudit(tx, {
      action: 'auth.login',
      entity: 'user',
      entityId: user.id,
      userId: user.id,
      after: { address: context.clientAddress },
      requestId,
    })
  })
  return { ...issued, userId: user.id }
}
