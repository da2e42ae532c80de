import type { InspectionScore } from '@torvan/configurator-core'
import { scoreInspection } from '@torvan/configurator-core'
import { and, asc, count, eq, inArray } from 'drizzle-orm'
import { writeAudit } from '../audit.js'
import type { AuthUser } from '../auth/users.js'
import type { Executor } from '../db/open.js'
import { documents, inspectionItems, inspections, qcTemplates } from '../db/schema/index.js'
import { emitEvent } from '../events/emit.js'
import { inspectionSubject } from '../events/payloads.js'
import { ProblemError } from '../http/problem.js'
import { openNcr, verifyLinkedNcr } from '../ncrs/store.js'
import type { Services } from '../services.js'
import { lockInspection } from './inspections.js'

/** Rows that ask for photos (and are not N/A) with fewer than they ask. */
async function rowsShortOfPhotos(
  tx: Executor,
  inspectionId: number,
  rows: readonly (typeof inspectionItems.$inferSelect)[],
): Promise<{ key: string; need: number; have: number }[]> {
  const needing = rows
    .map((r) => ({
      key: r.key,
      need: r.definition.photos ?? 0,
      na: r.notApplicable,
    }))
    .filter((r) => r.need > 0 && !r.na)
  if (needing.length === 0) return []
  const counts = await tx
    .select({ key: documents.inspectionItemKey, n: count() })
    .from(documents)
    .where(and(eq(documents.inspectionId, inspectionId), eq(documents.type, 'PHOTO')))
    .groupBy(documents.inspectionItemKey)
  const have = new Map(counts.map((c) => [c.key, c.n]))
  return needing
    .map((r) => ({ key: r.key, need: r.need, have: have.get(r.key) ?? 0 }))
    .filter((r) => r.have < r.need)
}

/**
 * Scores, signs and locks an inspection (PASS, FAIL or CONDITIONAL_PASS), audited with its event: a
 * required row without an answer or a row short of photos is a 409 problem; a critical failure opens an
 * NCR, and a pass without approval to wait for verifies the NCR the inspection re-checks.
 */
export async function submitInspection(
  services: Services,
  input: { id: number; signature: string; user: AuthUser; requestId: string },
): Promise<void> {
  const { id, signature, user: me, requestId } = input
  const now = services.now()
  await services.db.transaction(async (tx) => {
    const locked = await lockInspection(tx, id)
    const { score, result, requiresApproval } = await scoredInspection(tx, id)
    await tx
      .update(inspections)
      .set({
        status: 'SUBMITTED',
        result,
        signature,
        inspectorId: me.id,
        submittedAt: now,
        passPercentage: score.passPercentage.toFixed(2),
        score: score.counts,
        approval: requiresApproval ? 'PENDING' : null,
      })
      .where(eq(inspections.id, id))
    await writeAudit(tx, {
      action: 'inspection.submit',
      entity: 'inspection',
      entityId: id,
      userId: me.id,
      after: {
        result,
        passPercentage: score.passPercentage,
        failed: score.failed,
        signature,
      },
      requestId,
    })
    const subject = await inspectionSubject(tx, id)
    await emitEvent(tx, {
      type: 'inspection.submitted',
      orderId: subject.orderId,
      userId: me.id,
      payload: {
        inspectionId: id,
        ...subject,
        result,
        passPercentage: score.passPercentage,
        failed: score.failed,
      },
      requestId,
    })
    if (score.criticalFailures.length > 0) {
      const photos = await tx
        .select({ id: documents.id })
        .from(documents)
        .where(
          and(
            eq(documents.inspectionId, id),
            inArray(documents.inspectionItemKey, score.criticalFailures),
          ),
        )
      await openNcr(tx, {
        orderItemId: locked.orderItemId,
        inspectionId: id,
        taskId: locked.taskId,
        rows: score.criticalFailures,
        photoIds: photos.map((p) => p.id),
        severity: 'CRITICAL',
        description: `Critical failure in inspection ${id} (${subject.template}): ${score.criticalFailures.join(', ')}.`,
        userId: me.id,
        now,
        requestId,
        note: 'opened automatically: a critical row failed',
      })
    }
    if (!requiresApproval && result !== 'FAIL')
      await verifyLinkedNcr(tx, { inspectionId: id, userId: me.id, now, requestId })
  })
}

/**
 * the inspection's score against its template's threshold, and whether it waits for approval; a 409
 * problem when a required row has no answer or a row is short of photos
 */
async function scoredInspection(
  tx: Executor,
  id: number,
): Promise<{
  score: InspectionScore
  result: Exclude<InspectionScore['result'], 'INCOMPLETE'>
  requiresApproval: boolean
}> {
  const [row] = await tx
    .select({ definition: qcTemplates.definition })
    .from(inspections)
    .innerJoin(qcTemplates, eq(qcTemplates.id, inspections.templateId))
    .where(eq(inspections.id, id))
  const definition = row?.definition
  const threshold = definition?.passThreshold ?? 100
  const requiresApproval = definition?.requiresApproval === true
  const rows = await tx
    .select()
    .from(inspectionItems)
    .where(eq(inspectionItems.inspectionId, id))
    .orderBy(asc(inspectionItems.position))
  const score = scoreInspection(
    rows.map((r) => r.definition),
    rows.flatMap((r) => (r.value === null ? [] : [{ key: r.key, value: r.value }])),
    threshold,
  )
  if (score.result === 'INCOMPLETE') {
    throw new ProblemError(
      'conflict',
      `Inspection ${id} is incomplete: ${score.missing.length} required row${score.missing.length === 1 ? ' has' : 's have'} no answer (${score.missing.slice(0, 8).join(', ')}${score.missing.length > 8 ? ', …' : ''}).`,
      { extensions: { missing: score.missing } },
    )
  }
  const short = await rowsShortOfPhotos(tx, id, rows)
  if (short.length > 0) {
    throw new ProblemError(
      'conflict',
      `Inspection ${id} needs photos: ${short.map((r) => `${r.key} (${r.have} of ${r.need})`).join(', ')}. Add them with POST /inspections/${id}/photos?row=….`,
      { extensions: { photosMissing: short } },
    )
  }
  return { score, result: score.result, requiresApproval }
}
