import type { QcValue } from '@torvan/configurator-core'
import { formatPath, recordValue } from '@torvan/configurator-core'
import { and, eq } from 'drizzle-orm'
import { writeAudit } from '../audit.js'
import type { AuthUser } from '../auth/users.js'
import { inspectionItems } from '../db/schema/index.js'
import { ProblemError } from '../http/problem.js'
import type { Services } from '../services.js'
import { lockInspection } from './inspections.js'

/**
 * Records one row of an open inspection: the value checked against the row's kind, expected value and
 * tolerance (a 422 problem at `body.value` when it does not fit), N/A where allowed, notes; audited.
 */
export async function recordInspectionRow(
  services: Services,
  input: {
    id: number
    key: string
    value: unknown
    notes?: string | undefined
    user: AuthUser
    requestId: string
  },
) {
  const { id, key, value, notes, user: me, requestId } = input
  return services.db.transaction(async (tx) => {
    await lockInspection(tx, id)
    const [row] = await tx
      .select()
      .from(inspectionItems)
      .where(and(eq(inspectionItems.inspectionId, id), eq(inspectionItems.key, key)))
    if (row === undefined)
      throw new ProblemError('notFound', `Inspection ${id} has no row "${key}".`)
    const checked = recordValue(row.definition, value as QcValue)
    if (!checked.ok) {
      const path = formatPath(['body', 'value', ...checked.issue.path])
      throw new ProblemError('invalidConfiguration', `${path}: ${checked.issue.message}`, {
        extensions: {
          errors: [{ path, message: checked.issue.message, code: checked.issue.code }],
        },
      })
    }
    const { outcome } = checked.record
    await tx
      .update(inspectionItems)
      .set({
        value: checked.record.value,
        notApplicable: outcome === 'NA',
        passed: outcome === 'NA' ? null : outcome === 'PASS',
        notes: notes ?? row.notes,
        recordedBy: me.id,
        recordedAt: services.now(),
      })
      .where(and(eq(inspectionItems.inspectionId, id), eq(inspectionItems.key, key)))
    await writeAudit(tx, {
      action: 'inspection.record',
      entity: 'inspection',
      entityId: id,
      userId: me.id,
      before: { key: row.key, value: row.value ?? null },
      after: { key: row.key, value: checked.record.value, outcome },
      requestId,
    })
    return checked.record
  })
}
