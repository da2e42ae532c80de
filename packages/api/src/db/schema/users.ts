// Users, roles and permissions. Roles and permissions are keyed by their codes (the document's
// surrogate ids add a join to every check); the role → permission matrix is data in role_permissions.
import { sql } from 'drizzle-orm'
import {
  boolean,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core'
import { createdAt, updatedAt } from './columns.js'

export const roles = pgTable('roles', {
  code: text('code').primaryKey(),
  name: text('name').notNull().unique(),
  description: text('description').notNull(),
})

export const permissions = pgTable('permissions', {
  code: text('code').primaryKey(),
  resource: text('resource').notNull(),
  action: text('action').notNull(),
  description: text('description').notNull(),
})

export const rolePermissions = pgTable(
  'role_permissions',
  {
    roleCode: text('role_code')
      .notNull()
      .references(() => roles.code, { onDelete: 'cascade' }),
    permissionCode: text('permission_code')
      .notNull()
      .references(() => permissions.code, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.roleCode, t.permissionCode] })],
)

export const users = pgTable(
  'users',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    username: text('username').notNull().unique(),
    displayName: text('display_name').notNull(),
    email: text('email'),
    /** scrypt, with its parameters and salt: `scrypt$N$r$p$salt$hash` */
    passwordHash: text('password_hash').notNull(),
    active: boolean('active').notNull().default(true),
    /**
     * a token carries the version it was issued under; a password reset or a deactivation increments
     * it, which revokes every earlier token exactly (a time would be ambiguous within its resolution)
     */
    tokenVersion: integer('token_version').notNull().default(0),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  // e-mail addresses are unique where set, whatever their case
  (t) => [uniqueIndex('users_email_idx').on(sql`lower(${t.email})`)],
)

export const userRoles = pgTable(
  'user_roles',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    roleCode: text('role_code')
      .notNull()
      .references(() => roles.code),
    assignedAt: timestamp('assigned_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.roleCode] })],
)
