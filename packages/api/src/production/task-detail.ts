import { and, asc, desc, eq, inArray, isNull, or } from 'drizzle-orm'
import type { AuthUser } from '../auth/users.js'
import type { Executor } from '../db/open.js'
import {
  documents,
  documentType,
  inspections,
  orderItems,
  taskNotes,
  users,
} from '../db/schema/index.js'
import type { productionTasks } from '../db/schema/index.js'
import { documentViews } from '../documents/store.js'
import { ProblemError } from '../http/problem.js'

type TaskRow = typeof productionTasks.$inferSelect
type DocumentType = (typeof documentType.enumValues)[number]

/**
 * What a task shows beyond its own fields: its documents and those of its sink and order of the types
 * the task template names (the approved drawing on the assembly tasks), its notes and its inspections.
 */
export async function taskDetail(db: Executor, task: TaskRow, user: AuthUser) {
  const [item] = await db
    .select({ orderId: orderItems.orderId })
    .from(orderItems)
    .where(eq(orderItems.id, task.orderItemId))
  const types = task.documentTypes.filter((type): type is DocumentType =>
    (documentType.enumValues as readonly string[]).includes(type),
  )
  const shown = await db
    .select({ id: documents.id })
    .from(documents)
    .where(
      or(
        eq(documents.taskId, task.id),
        ...(types.length === 0
          ? []
          : [
              and(
                inArray(documents.type, types),
                isNull(documents.inspectionId),
                or(
                  eq(documents.orderItemId, task.orderItemId),
                  eq(documents.orderId, item?.orderId ?? 0),
                ),
              ),
            ]),
      ),
    )
    .orderBy(asc(documents.id))
    .limit(100)
  const [views, notes, linked] = await Promise.all([
    documentViews(
      db,
      shown.map((d) => d.id),
      user,
    ),
    db
      .select({ note: taskNotes, user: users.username })
      .from(taskNotes)
      .leftJoin(users, eq(users.id, taskNotes.userId))
      .where(eq(taskNotes.taskId, task.id))
      .orderBy(asc(taskNotes.at), asc(taskNotes.id))
      .limit(500),
    db
      .select({
        id: inspections.id,
        status: inspections.status,
        result: inspections.result,
        approval: inspections.approval,
      })
      .from(inspections)
      .where(eq(inspections.taskId, task.id))
      .orderBy(asc(inspections.id)),
  ])
  return {
    documents: views as unknown as Record<string, unknown>[],
    notes: notes.map(({ note, user: author }) => ({
      id: note.id,
      kind: note.kind,
      text: note.text,
      ncrId: note.ncrId,
      user: author,
      at: note.at.toISOString(),
    })),
    inspections: linked,
  }
}

/**
 * A task that is an inspection of its own (its template names the form and the part it fills in,
 * `qcKind`: the Pre-QC) completes only with that inspection submitted, passed and, where the form asks,
 * approved; throws the 409 problem saying what is missing. Tasks that only name the form they help fill
 * in (the tests of CLT) are not held.
 */
export async function checkTaskInspection(tx: Executor, task: TaskRow): Promise<void> {
  if (task.qcTemplate === null || task.qcKind === null) return
  const [latest] = await tx
    .select({
      id: inspections.id,
      status: inspections.status,
      result: inspections.result,
      approval: inspections.approval,
    })
    .from(inspections)
    .where(and(eq(inspections.taskId, task.id), eq(inspections.status, 'SUBMITTED')))
    .orderBy(desc(inspections.submittedAt), desc(inspections.id))
    .limit(1)
  const problem =
    latest === undefined
      ? `it fills in the form ${task.qcTemplate}, and no inspection of it is submitted: start one with POST /order-items/${task.orderItemId}/inspections {"taskId": ${task.id}}`
      : latest.result === 'FAIL'
        ? `its inspection ${latest.id} failed: handle its NCR and inspect again`
        : latest.approval === 'PENDING'
          ? `its inspection ${latest.id} awaits approval`
          : latest.approval === 'REJECTED'
            ? `its inspection ${latest.id} was rejected: inspect again`
            : undefined
  if (problem === undefined) return
  throw new ProblemError('conflict', `Task ${task.key} cannot be completed: ${problem}.`, {
    extensions: { guard: 'inspectionSubmitted', inspectionId: latest?.id ?? null },
  })
}
