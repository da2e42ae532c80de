import { eq, inArray } from 'drizzle-orm'
import type { Executor } from '../db/open.js'
import { rolePermissions, userRoles, users } from '../db/schema.js'
import type { Permission, RoleCode } from '../permissions.js'

/** The signed-in user a request acts as. */
export interface AuthUser {
  id: number
  username: string
  displayName: string
  roles: RoleCode[]
  permissions: ReadonlySet<Permission>
}

/** A user's roles and the permissions they grant, read from the role → permission matrix. */
export async function readAuthUser(
  db: Executor,
  userId: number,
): Promise<(AuthUser & { active: boolean; tokensValidAfter: Date }) | undefined> {
  const [user] = await db.select().from(users).where(eq(users.id, userId))
  if (user === undefined) return undefined
  const roleRows = await db
    .select({ role: userRoles.roleCode })
    .from(userRoles)
    .where(eq(userRoles.userId, userId))
  const roles = roleRows.map((row) => row.role as RoleCode).sort()
  const permissionRows =
    roles.length === 0
      ? []
      : await db
          .select({ permission: rolePermissions.permissionCode })
          .from(rolePermissions)
          .where(inArray(rolePermissions.roleCode, roles))
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    roles,
    permissions: new Set(permissionRows.map((row) => row.permission as Permission)),
    active: user.active,
    tokensValidAfter: user.tokensValidAfter,
  }
}
