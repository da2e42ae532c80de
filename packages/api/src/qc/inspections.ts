import { and, asc, eq } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import type { Executor } from '../db/open.js'
import type { inspectionApproval, inspectionResult, inspectionStatus } from '../db/schema/index.js'
import { documents, inspectionItems, inspections, qcTemplates, users } from '../db/schema/index.js'
import { ProblemError } from '../http/problem.js'

type InspectionStatus = (typeof inspectionStatus.enumValues)[number]
type InspectionResult = (typeof inspectionResult.enumValues)[number]
type InspectionApproval = (typeof inspectionApproval.enumValues)[number]

/** An inspection as the API returns it. */
export interface InspectionView {
  id: number
  orderItemId: number
  template: { code: string; version: string; formCode: string; name: string; kind: string }
  status: InspectionStatus
  result: InspectionResult | null
  inspector: string | null
  signature: string | null
  startedAt: string
  submittedAt: string | null
  taskId: number | null
  verifiesNcrId: number | null
  passPercentage: string | null
  score: Record<string, number> | null
  requiresApproval: boolean
  approval: {
    status: InspectionApproval
    approver: string | null
    at: string | null
    note: string | null
  } | null
  items: {
    key: string
    definition: Record<string, unknown>
    value: unknown
    notApplicable: boolean
    passed: boolean | null
    notes: string | null
  }[]
  photos: { id: number; row: string | null; filename: string; sha256: string; url: string }[]
}

const approver = alias(users, 'approver')

/** An inspection with its template, rows and photos; 404 when there is none. */
export async function inspectionView(db: Executor, id: number): Promise<InspectionView> {
  const [row] = await db
    .select({
      inspection: inspections,
      template: qcTemplates,
      inspector: users.username,
      approver: approver.username,
    })
    .from(inspections)
    .innerJoin(qcTemplates, eq(qcTemplates.id, inspections.templateId))
    .leftJoin(users, eq(users.id, inspections.inspectorId))
    .leftJoin(approver, eq(approver.id, inspections.approverId))
    .where(eq(inspections.id, id))
  if (row === undefined) throw new ProblemError('notFound', `There is no inspection ${id}.`)
  const [itemRows, photoRows] = await Promise.all([
    db
      .select()
      .from(inspectionItems)
      .where(eq(inspectionItems.inspectionId, id))
      .orderBy(asc(inspectionItems.position)),
    db
      .select()
      .from(documents)
      .where(and(eq(documents.inspectionId, id), eq(documents.type, 'PHOTO')))
      .orderBy(asc(documents.id)),
  ])
  const { inspection, template } = row
  return {
    id: inspection.id,
    orderItemId: inspection.orderItemId,
    template: {
      code: template.code,
      version: template.version,
      formCode: template.formCode,
      name: template.name,
      kind: template.kind,
    },
    status: inspection.status,
    result: inspection.result,
    inspector: row.inspector,
    signature: inspection.signature,
    startedAt: inspection.startedAt.toISOString(),
    submittedAt: inspection.submittedAt?.toISOString() ?? null,
    taskId: inspection.taskId,
    verifiesNcrId: inspection.verifiesNcrId,
    passPercentage: inspection.passPercentage,
    score: inspection.score ?? null,
    requiresApproval: template.definition.requiresApproval === true,
    approval:
      inspection.approval === null
        ? null
        : {
            status: inspection.approval,
            approver: row.approver,
            at: inspection.approvedAt?.toISOString() ?? null,
            note: inspection.approvalNote,
          },
    items: itemRows.map(itemView),
    photos: photoRows.map(photoView),
  }
}

/** a row of an inspection as its view shows it */
function itemView(item: typeof inspectionItems.$inferSelect): InspectionView['items'][number] {
  return {
    key: item.key,
    definition: { ...item.definition },
    value: item.value ?? null,
    notApplicable: item.notApplicable,
    passed: item.passed,
    notes: item.notes,
  }
}

/** a photo of an inspection, with where to download it */
function photoView(photo: typeof documents.$inferSelect): InspectionView['photos'][number] {
  return {
    id: photo.id,
    row: photo.inspectionItemKey,
    filename: photo.filename,
    sha256: photo.sha256,
    url: `/documents/${photo.id}/file`,
  }
}

/** Locks an inspection for a change: 404 when there is none, 409 once it is submitted and signed. */
export async function lockInspection(tx: Executor, id: number) {
  const [row] = await tx.select().from(inspections).where(eq(inspections.id, id)).for('update')
  if (row === undefined) throw new ProblemError('notFound', `There is no inspection ${id}.`)
  if (row.status === 'SUBMITTED') {
    throw new ProblemError(
      'conflict',
      `Inspection ${id} was submitted and signed: it is locked. Start a new inspection to record again.`,
    )
  }
  return row
}
