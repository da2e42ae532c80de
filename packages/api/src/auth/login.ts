import { eq } from 'drizzle-orm'
import { writeAudit } from '../audit.js'
import type { Database } from '../db/open.js'
import { users } from '../db/schema.js'
import { ProblemError } from '../http/problem.js'
import { issueToken } from './token.js'
import { DUMMY_HASH, verifyPassword } from './password.js'

/** failed attempts in a row that lock an account */
export const MAX_FAILED_LOGINS = 5
/** how long a lock lasts */
export const LOCK_MINUTES = 15

const WRONG = 'The username or password is wrong.'

/**
 * Checks a username and password and issues a token. Every failure is audited; the fifth failure in a
 * row locks the account for {@link LOCK_MINUTES} minutes.
 */
export async function login(
  db: Database,
  input: { username: string; password: string },
  context: { secret: string; now: Date; ttlSeconds: number; requestId: string },
): Promise<{ token: string; expiresAt: Date; userId: number }> {
  const { now, requestId } = context
  const [user] = await db.select().from(users).where(eq(users.username, input.username))
  const fail = async (reason: string, change: Partial<typeof users.$inferInsert> = {}) => {
    await db.transaction(async (tx) => {
      if (user !== undefined && Object.keys(change).length > 0) {
        await tx.update(users).set(change).where(eq(users.id, user.id))
      }
      await writeAudit(tx, {
        action: 'auth.login_failed',
        entity: 'user',
        entityId: user?.id ?? null,
        actor: input.username,
        after: { reason, ...change },
        requestId,
      })
    })
  }
  if (user === undefined) {
    await verifyPassword(input.password, DUMMY_HASH)
    await fail('unknown user')
    throw new ProblemError('unauthenticated', WRONG)
  }
  if (user.lockedUntil !== null && user.lockedUntil > now) {
    await fail('locked')
    const seconds = Math.ceil((user.lockedUntil.getTime() - now.getTime()) / 1000)
    throw new ProblemError(
      'locked',
      `The account "${user.username}" is locked after ${MAX_FAILED_LOGINS} failed sign-ins; try again in ${Math.ceil(seconds / 60)} minutes or ask an administrator to reset the password.`,
      {
        headers: { 'Retry-After': String(seconds) },
        extensions: { lockedUntil: user.lockedUntil },
      },
    )
  }
  const matches = await verifyPassword(input.password, user.passwordHash)
  if (!matches) {
    const failed = user.failedLogins + 1
    const lock = failed >= MAX_FAILED_LOGINS
    await fail('wrong password', {
      failedLogins: lock ? 0 : failed,
      ...(lock ? { lockedUntil: new Date(now.getTime() + LOCK_MINUTES * 60_000) } : {}),
    })
    throw new ProblemError('unauthenticated', WRONG)
  }
  if (!user.active) {
    await fail('deactivated')
    throw new ProblemError('unauthenticated', WRONG)
  }
  const issued = await issueToken(user.id, {
    secret: context.secret,
    now,
    ttlSeconds: context.ttlSeconds,
  })
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ failedLogins: 0, lockedUntil: null, lastLoginAt: now })
      .where(eq(users.id, user.id))
    await writeAudit(tx, {
      action: 'auth.login',
      entity: 'user',
      entityId: user.id,
      userId: user.id,
      requestId,
    })
  })
  return { ...issued, userId: user.id }
}
