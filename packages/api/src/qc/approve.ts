import { eq } from 'drizzle-orm'
import { writeAudit } from '../audit.js'
import type { AuthUser } from '../auth/users.js'
import type { Executor } from '../db/open.js'
import { inspections } from '../db/schema/index.js'
import { emitEvent } from '../events/emit.js'
import { inspectionSubject } from '../events/payloads.js'
import { ProblemError } from '../http/problem.js'
import { verifyLinkedNcr } from '../ncrs/store.js'
import type { Services } from '../services.js'

/**
 * Approves or rejects a submitted inspection whose form asks for it: a second person, not its
 * inspector; a rejection says why. Audited with its event; an approved pass verifies the NCR the
 * inspection re-checks.
 */
export async function decideInspection(
  services: Services,
  input: {
    id: number
    decision: 'APPROVE' | 'REJECT'
    note?: string | undefined
    user: AuthUser
    requestId: string
  },
): Promise<void> {
  const { id, decision, note, user: me, requestId } = input
  const now = services.now()
  await services.db.transaction(async (tx) => {
    const inspection = await pendingInspection(tx, { id, decision, note, me })
    const approval = decision === 'APPROVE' ? 'APPROVED' : 'REJECTED'
    await tx
      .update(inspections)
      .set({ approval, approverId: me.id, approvedAt: now, approvalNote: note ?? null })
      .where(eq(inspections.id, id))
    await writeAudit(tx, {
      action: decision === 'APPROVE' ? 'inspection.approve' : 'inspection.reject',
      entity: 'inspection',
      entityId: id,
      userId: me.id,
      before: { approval: 'PENDING' },
      after: { approval, note: note ?? null },
      requestId,
    })
    const subject = await inspectionSubject(tx, id)
    await emitEvent(tx, {
      type: 'inspection.approved',
      orderId: subject.orderId,
      userId: me.id,
      payload: {
        inspectionId: id,
        ...subject,
        decision: approval,
        result: inspection.result,
        note: note ?? null,
      },
      requestId,
    })
    if (approval === 'APPROVED' && inspection.result !== 'FAIL')
      await verifyLinkedNcr(tx, { inspectionId: id, userId: me.id, now, requestId })
  })
}

/** the inspection, locked, submitted and waiting for a second person's decision, or a problem */
async function pendingInspection(
  tx: Executor,
  at: { id: number; decision: 'APPROVE' | 'REJECT'; note: string | undefined; me: AuthUser },
) {
  const { id, decision, note, me } = at
  const [inspection] = await tx
    .select()
    .from(inspections)
    .where(eq(inspections.id, id))
    .for('update')
  if (inspection === undefined) throw new ProblemError('notFound', `There is no inspection ${id}.`)
  if (inspection.status !== 'SUBMITTED')
    throw new ProblemError('conflict', `Inspection ${id} is not submitted yet.`)
  if (inspection.approval === null)
    throw new ProblemError('conflict', `Inspection ${id}'s form does not ask for approval.`)
  if (inspection.approval !== 'PENDING')
    throw new ProblemError(
      'conflict',
      `Inspection ${id} was already ${inspection.approval.toLowerCase()}.`,
    )
  if (inspection.inspectorId === me.id)
    throw new ProblemError(
      'forbidden',
      `You submitted inspection ${id}: a second person approves it.`,
    )
  if (decision === 'REJECT' && note === undefined)
    throw new ProblemError('validation', 'body.note: a rejection says why.', {
      extensions: { errors: [{ path: 'body.note', message: 'required to reject' }] },
    })
  return inspection
}
