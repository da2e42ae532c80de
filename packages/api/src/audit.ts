import type { Executor } from './db/open.js'
import { auditLog } from './db/schema/index.js'
import { currentClient } from './http/client-context.js'

/** One audit row: who did what to which entity, with its state before and after. */
export interface AuditEntry {
  action: string
  entity: string
  entityId?: string | number | null
  userId?: number | null
  /** the username as typed, where there is no user (a failed login) */
  actor?: string | null
  before?: unknown
  after?: unknown
  requestId?: string | null
}

/**
 * Writes an audit row. Call it with the transaction that makes the change, so that both are written or
 * neither is. The client's address and user agent come from the request being served.
 */
export async function writeAudit(executor: Executor, entry: AuditEntry): Promise<void> {
  const client = currentClient()
  await executor.insert(auditLog).values({
    action: entry.action,
    entity: entry.entity,
    entityId:
      entry.entityId === undefined || entry.entityId === null ? null : String(entry.entityId),
    userId: entry.userId ?? null,
    actor: entry.actor ?? null,
    before: entry.before ?? null,
    after: entry.after ?? null,
    requestId: entry.requestId ?? null,
    ip: client.ip,
    userAgent: client.userAgent,
  })
}
