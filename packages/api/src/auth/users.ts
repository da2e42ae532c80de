import { sql } from 'drizzle-orm'
import { LRUCache } from 'lru-cache'
import type { Executor } from '../db/open.js'
import type { Permission, RoleCode } from '../permissions.js'

/** The signed-in user a request acts as. */
export interface AuthUser {
  id: number
  username: string
  displayName: string
  roles: RoleCode[]
  permissions: ReadonlySet<Permission>
}

/** A user as authentication needs them: who, whether active, and which of their tokens count. */
export type StoredAuthUser = AuthUser & { active: boolean; tokenVersion: number }

interface Row extends Record<string, unknown> {
  id: number
  username: string
  display_name: string
  active: boolean
  token_version: number
  roles: string[] | null
  permissions: string[] | null
}

/** A user's roles and the permissions they grant, read from the role → permission matrix in one query. */
async function readAuthUser(db: Executor, userId: number): Promise<StoredAuthUser | undefined> {
  const result = await db.execute<Row>(sql`
    select u.id, u.username, u.display_name, u.active, u.token_version,
      (select array_agg(ur.role_code order by ur.role_code) from user_roles ur where ur.user_id = u.id) as roles,
      (select array_agg(distinct rp.permission_code) from user_roles ur
         join role_permissions rp on rp.role_code = ur.role_code where ur.user_id = u.id) as permissions
    from users u where u.id = ${userId}`)
  const rows = (Array.isArray(result) ? result : (result as { rows: Row[] }).rows) as Row[]
  const user = rows[0]
  if (user === undefined) return undefined
  return {
    id: user.id,
    username: user.username,
    displayName: user.display_name,
    roles: (user.roles ?? []) as RoleCode[],
    permissions: new Set((user.permissions ?? []) as Permission[]),
    active: user.active,
    tokenVersion: user.token_version,
  }
}

/**
 * Users as authentication read them, kept for a few seconds: every request of a signed-in user needs
 * them. A change of a user, their roles or the matrix through this service clears the cache at once;
 * another instance of the service sees it within the time to live.
 */
export function createAuthCache(ttlMs = 5000): {
  read: (db: Executor, userId: number) => Promise<StoredAuthUser | undefined>
  clear: () => void
} {
  const cache = new LRUCache<number, StoredAuthUser>({ max: 10_000, ttl: ttlMs })
  return {
    read: async (db, userId) => {
      const known = cache.get(userId)
      if (known !== undefined) return known
      const user = await readAuthUser(db, userId)
      if (user !== undefined) cache.set(userId, user)
      return user
    },
    clear: () => {
      cache.clear()
    },
  }
}
