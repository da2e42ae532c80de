import { canonicalJson } from '@torvan/configurator-core'
import type { SQL } from 'drizzle-orm'
import { and, desc, eq, gte, lt, lte, or, sql } from 'drizzle-orm'
import { z } from 'zod'
import { RowId } from '../http/row-id.js'
import type { Executor } from '../db/open.js'
import { auditLog, users } from '../db/schema/index.js'
import { ProblemError } from '../http/problem.js'
import type { Access } from '../http/route.js'
import { defineRoute } from '../http/route.js'

const AuditRow = z.object({
  id: z.number(),
  at: z.string(),
  user: z.object({ id: z.number(), username: z.string() }).nullable(),
  actor: z.string().nullable().describe('the username as typed, where there is no user'),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  changed: z.array(z.string()).describe('the top-level fields whose values differ'),
  requestId: z.string().nullable(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
})
type AuditRowView = z.infer<typeof AuditRow>

const Page = z.object({
  entries: z.array(AuditRow),
  nextCursor: z.string().nullable().describe('pass as cursor for the next (older) page'),
})

const Limit = z.coerce.number().int().min(1).max(200).default(50)
const Cursor = z
  .string()
  .regex(/^[1-9]\d{0,15}$/, 'expected the nextCursor of a previous page')
  .optional()

/** The top-level fields whose values differ between two states (every field of a creation). */
function changedFields(before: unknown, after: unknown): string[] {
  const fields = (value: unknown) =>
    value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {}
  const a = fields(before)
  const b = fields(after)
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()
  return keys.filter((key) => canonicalJson(a[key] ?? null) !== canonicalJson(b[key] ?? null))
}

async function readPage(
  db: Executor,
  filters: (SQL | undefined)[],
  page: { cursor?: string | undefined; limit: number },
): Promise<z.infer<typeof Page>> {
  const rows = await db
    .select({ entry: auditLog, username: users.username })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.userId))
    .where(
      and(...filters, page.cursor === undefined ? undefined : lt(auditLog.id, Number(page.cursor))),
    )
    .orderBy(desc(auditLog.id))
    .limit(page.limit + 1)
  const shown = rows.slice(0, page.limit)
  const last = shown.at(-1)
  return {
    entries: shown.map(({ entry, username }): AuditRowView => ({
      id: entry.id,
      at: entry.at.toISOString(),
      user: entry.userId === null || username === null ? null : { id: entry.userId, username },
      actor: entry.actor,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId,
      before: entry.before,
      after: entry.after,
      changed: changedFields(entry.before, entry.after),
      requestId: entry.requestId,
      ip: entry.ip,
      userAgent: entry.userAgent,
    })),
    nextCursor: rows.length > page.limit && last !== undefined ? String(last.entry.id) : null,
  }
}

/** the audit rows of one entity: its own, and for an order those of its items */
function entityFilter(entity: string, id: number): SQL | undefined {
  const own = and(eq(auditLog.entity, entity), eq(auditLog.entityId, String(id)))
  if (entity !== 'order') return own
  return or(
    own,
    and(
      eq(auditLog.entity, 'order_item'),
      or(
        sql`${auditLog.after}->>'orderId' = ${String(id)}`,
        sql`${auditLog.before}->>'orderId' = ${String(id)}`,
      ),
    ),
  )
}

function historyRoute(input: { path: string; entity: string; what: string; access: Access }) {
  return defineRoute({
    method: 'get',
    path: input.path,
    summary: `The audit trail of one ${input.what}, newest first`,
    tag: 'Audit',
    access: input.access,
    params: z.object({ id: RowId }),
    query: z.strictObject({ cursor: Cursor, limit: Limit }),
    response: { status: 200, description: 'One page of audit rows', schema: Page },
    problems: [404],
    handler: async ({ params, query, services }) => {
      const page = await readPage(services.db, [entityFilter(input.entity, params.id)], query)
      if (page.entries.length === 0 && query.cursor === undefined) {
        throw new ProblemError(
          'notFound',
          `There is no ${input.what} ${params.id}, or nothing was ever recorded about it.`,
        )
      }
      return { body: page }
    },
  })
}

/** The audit trail: every change of state, who made it, from where, and what changed. */
export const auditRoutes = [
  defineRoute({
    method: 'get',
    path: '/audit',
    summary: 'Search the audit log, newest first, paged by cursor',
    description:
      'Each row has the state before and after, the fields that changed, the user, the request id and the client’s address and user agent. `from` and `to` are ISO dates or date-times (a date `to` includes its whole day).',
    tag: 'Audit',
    access: 'audit:read',
    query: z.strictObject({
      entity: z.string().max(100).optional(),
      entityId: z.string().max(100).optional(),
      userId: RowId.optional(),
      action: z.string().max(100).optional(),
      from: z.union([z.iso.date(), z.iso.datetime({ offset: true })]).optional(),
      to: z.union([z.iso.date(), z.iso.datetime({ offset: true })]).optional(),
      cursor: Cursor,
      limit: Limit,
    }),
    response: { status: 200, description: 'One page of audit rows', schema: Page },
    handler: async ({ query, services }) => {
      const dayEnd = (value: string) =>
        value.length === 10 ? new Date(`${value}T23:59:59.999Z`) : new Date(value)
      const filters = [
        query.entity === undefined ? undefined : eq(auditLog.entity, query.entity),
        query.entityId === undefined ? undefined : eq(auditLog.entityId, query.entityId),
        query.userId === undefined ? undefined : eq(auditLog.userId, query.userId),
        query.action === undefined ? undefined : eq(auditLog.action, query.action),
        query.from === undefined ? undefined : gte(auditLog.at, new Date(query.from)),
        query.to === undefined ? undefined : lte(auditLog.at, dayEnd(query.to)),
      ]
      return { body: await readPage(services.db, filters, query) }
    },
  }),
  historyRoute({
    path: '/orders/{id}/audit',
    entity: 'order',
    what: 'order',
    access: 'orders:read',
  }),
  historyRoute({
    path: '/customers/{id}/audit',
    entity: 'customer',
    what: 'customer',
    access: 'customers:read',
  }),
  historyRoute({ path: '/users/{id}/audit', entity: 'user', what: 'user', access: 'users:manage' }),
  historyRoute({ path: '/boms/{id}/audit', entity: 'bom', what: 'BOM', access: 'boms:read' }),
]
