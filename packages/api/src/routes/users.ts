import { asc, eq, sql } from 'drizzle-orm'
import { z } from 'zod'
import { RowId } from '../http/row-id.js'
import { writeAudit } from '../audit.js'
import { hashPassword } from '../auth/password.js'
import { clearAccountAttempts, isAccountLocked } from '../auth/sign-in-attempts.js'
import type { Executor } from '../db/open.js'
import { userRoles, users } from '../db/schema/index.js'
import { ProblemError } from '../http/problem.js'
import { defineRoute } from '../http/route.js'
import type { RoleCode } from '../permissions.js'
import { ROLES } from '../permissions.js'

const RoleCodeSchema = z.enum(Object.keys(ROLES) as [RoleCode, ...RoleCode[]])
/** a password's rules, for every route that sets one */
export const Password = z
  .string()
  .min(12, 'a password has at least 12 characters')
  .max(200, 'a password has at most 200 characters')

const User = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
  active: z.boolean(),
  locked: z.boolean(),
  lastLoginAt: z.string().nullable(),
  roles: z.array(RoleCodeSchema),
  createdAt: z.string(),
})
type UserView = z.infer<typeof User>

const IdParams = z.object({ id: RowId })

async function view(db: Executor, id: number, now: Date): Promise<UserView> {
  const [user] = await db.select().from(users).where(eq(users.id, id))
  if (user === undefined) throw new ProblemError('notFound', `There is no user ${id}.`)
  const roles = await db
    .select({ role: userRoles.roleCode })
    .from(userRoles)
    .where(eq(userRoles.userId, id))
    .orderBy(asc(userRoles.roleCode))
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    email: user.email,
    active: user.active,
    locked: await isAccountLocked(db, user.username, now),
    lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
    roles: roles.map((row) => row.role as RoleCode),
    createdAt: user.createdAt.toISOString(),
  }
}

/** PostgreSQL's unique violation on the e-mail address, as a 409 problem */
function emailTaken(error: unknown, email: string | null | undefined): never {
  const cause = (error as { cause?: { code?: string } }).cause ?? (error as { code?: string })
  if (email !== undefined && email !== null && cause.code === '23505') {
    throw new ProblemError('conflict', `The e-mail address "${email}" belongs to another user.`)
  }
  throw error
}

async function setRoles(db: Executor, userId: number, roles: readonly RoleCode[]): Promise<void> {
  await db.delete(userRoles).where(eq(userRoles.userId, userId))
  await db.insert(userRoles).values([...new Set(roles)].map((roleCode) => ({ userId, roleCode })))
}

/** Users management, for administrators. */
export const userRoutes = [
  defineRoute({
    method: 'get',
    path: '/users',
    summary: 'Every user with their roles',
    tag: 'Users',
    access: 'users:manage',
    response: {
      status: 200,
      description: 'The users, by username',
      schema: z.object({ users: z.array(User) }),
    },
    handler: async ({ services }) => {
      const rows = await services.db
        .select({ id: users.id })
        .from(users)
        .orderBy(asc(users.username))
      const now = services.now()
      return {
        body: { users: await Promise.all(rows.map((row) => view(services.db, row.id, now))) },
      }
    },
  }),
  defineRoute({
    method: 'post',
    path: '/users',
    summary: 'Create a user with their roles',
    tag: 'Users',
    access: 'users:manage',
    example: () => ({
      username: 'jdoe',
      displayName: 'Jane Doe',
      email: 'jane.doe@example.com',
      password: 'a-long-passphrase-1',
      roles: ['SALES_MANAGER'],
    }),
    body: z.strictObject({
      username: z
        .string()
        .regex(
          /^[a-z0-9][a-z0-9._-]{1,49}$/,
          'a username is 2–50 lower-case letters, digits, ".", "_" or "-"',
        ),
      displayName: z.string().trim().min(1).max(200),
      email: z.email().optional(),
      password: Password,
      roles: z.array(RoleCodeSchema).min(1, 'a user needs at least one role'),
    }),
    response: { status: 201, description: 'The new user', schema: User },
    problems: [409],
    handler: async ({ body, user, services, requestId }) => {
      const actor = user
      const passwordHash = await hashPassword(body.password)
      const created = await services.db
        .transaction(async (tx) => {
          const [row] = await tx
            .insert(users)
            .values({
              username: body.username,
              displayName: body.displayName,
              email: body.email ?? null,
              passwordHash,
            })
            .onConflictDoNothing({ target: users.username })
            .returning({ id: users.id })
          if (row === undefined) {
            throw new ProblemError('conflict', `The username "${body.username}" is taken.`)
          }
          await setRoles(tx, row.id, body.roles)
          const after = await view(tx, row.id, services.now())
          await writeAudit(tx, {
            action: 'user.create',
            entity: 'user',
            entityId: row.id,
            userId: actor.id,
            after,
            requestId,
          })
          return after
        })
        .catch((error: unknown) => emailTaken(error, body.email))
      services.authCache.clear()
      return { status: 201, body: created, headers: { Location: `/users/${created.id}` } }
    },
  }),
  defineRoute({
    method: 'patch',
    path: '/users/{id}',
    summary: 'Change a user’s name, e-mail, roles, or deactivate them',
    tag: 'Users',
    access: 'users:manage',
    example: () => ({ displayName: 'Jane Doe', roles: ['SALES_MANAGER', 'CUSTOMER_SERVICE'] }),
    params: IdParams,
    body: z
      .strictObject({
        displayName: z.string().trim().min(1).max(200),
        email: z.email().nullable(),
        roles: z.array(RoleCodeSchema).min(1, 'a user needs at least one role'),
        active: z.boolean(),
      })
      .partial(),
    response: { status: 200, description: 'The user as changed', schema: User },
    problems: [404, 409],
    handler: async ({ params, body, user, services, requestId }) => {
      const actor = user
      if (
        params.id === actor.id &&
        (body.active === false || (body.roles !== undefined && !body.roles.includes('ADMIN')))
      ) {
        throw new ProblemError(
          'conflict',
          'You cannot deactivate yourself or take away your own Administrator role: ask another administrator.',
        )
      }
      const changed = await services.db
        .transaction(async (tx) => {
          const before = await view(tx, params.id, services.now())
          const { roles, ...fields } = body
          if (Object.keys(fields).length > 0) {
            await tx
              .update(users)
              .set({
                ...fields,
                updatedAt: services.now(),
                // a deactivated user's tokens stop working at once
                ...(fields.active === false
                  ? { tokenVersion: sql`${users.tokenVersion} + 1` }
                  : {}),
              })
              .where(eq(users.id, params.id))
          }
          if (roles !== undefined) await setRoles(tx, params.id, roles)
          const after = await view(tx, params.id, services.now())
          await writeAudit(tx, {
            action: 'user.update',
            entity: 'user',
            entityId: params.id,
            userId: actor.id,
            before,
            after,
            requestId,
          })
          return after
        })
        .catch((error: unknown) => emailTaken(error, body.email))
      services.authCache.clear()
      return { body: changed }
    },
  }),
  defineRoute({
    method: 'post',
    path: '/users/{id}/password',
    summary: 'Reset a user’s password (unlocks the account, signs them out everywhere)',
    tag: 'Users',
    access: 'users:manage',
    example: () => ({ password: 'a-long-passphrase-2' }),
    params: IdParams,
    body: z.strictObject({ password: Password }),
    response: { status: 204, description: 'The password is changed' },
    problems: [404],
    handler: async ({ params, body, user, services, requestId }) => {
      const actor = user
      const passwordHash = await hashPassword(body.password)
      await services.db.transaction(async (tx) => {
        const target = await view(tx, params.id, services.now())
        await clearAccountAttempts(tx, target.username)
        await tx
          .update(users)
          .set({
            passwordHash,
            tokenVersion: sql`${users.tokenVersion} + 1`,
            updatedAt: services.now(),
          })
          .where(eq(users.id, params.id))
        await writeAudit(tx, {
          action: 'user.password_reset',
          entity: 'user',
          entityId: params.id,
          userId: actor.id,
          requestId,
        })
      })
      services.authCache.clear()
      return { status: 204, body: null }
    },
  }),
]
