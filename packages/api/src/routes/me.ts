import { eq, sql } from 'drizzle-orm'
import { z } from 'zod'
import { writeAudit } from '../audit.js'
import { hashPassword, verifyPassword } from '../auth/password.js'
import { users } from '../db/schema/index.js'
import { ProblemError } from '../http/problem.js'
import { defineRoute } from '../http/route.js'
import { Password } from './users.js'

/** What signed-in users do to their own account. */
export const meRoutes = [
  defineRoute({
    method: 'post',
    path: '/me/password',
    summary: 'Change your own password (with the current one); signs you out everywhere',
    description:
      'A wrong current password is a 403 problem and is audited. Tokens issued before the change stop working: sign in again with the new password.',
    tag: 'Auth',
    access: 'authenticated',
    example: () => ({ currentPassword: 'demo-password-0123', password: 'a-longer-new-passphrase' }),
    body: z.strictObject({ currentPassword: z.string().min(1).max(1000), password: Password }),
    response: { status: 204, description: 'The password is changed' },
    problems: [403],
    handler: async ({ body, user: me, services, requestId }) => {
      const [row] = await services.db
        .select({ passwordHash: users.passwordHash })
        .from(users)
        .where(eq(users.id, me.id))
      if (row === undefined) throw new ProblemError('unauthenticated', 'Sign in again.')
      if (!(await verifyPassword(body.currentPassword, row.passwordHash))) {
        await writeAudit(services.db, {
          action: 'user.password_change_failed',
          entity: 'user',
          entityId: me.id,
          userId: me.id,
          after: { reason: 'wrong current password' },
          requestId,
        })
        throw new ProblemError(
          'forbidden',
          'The current password is wrong; the password was not changed.',
        )
      }
      if (body.password === body.currentPassword) {
        throw new ProblemError(
          'validation',
          'body.password: the new password is the current one.',
          {
            extensions: { errors: [{ path: 'body.password', message: 'same as the current one' }] },
          },
        )
      }
      const passwordHash = await hashPassword(body.password)
      const now = services.now()
      await services.db.transaction(async (tx) => {
        await tx
          .update(users)
          .set({ passwordHash, tokenVersion: sql`${users.tokenVersion} + 1`, updatedAt: now })
          .where(eq(users.id, me.id))
        await writeAudit(tx, {
          action: 'user.password_change',
          entity: 'user',
          entityId: me.id,
          userId: me.id,
          requestId,
        })
      })
      services.authCache.clear()
      return { status: 204, body: null }
    },
  }),
]
