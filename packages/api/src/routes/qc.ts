import type {
  BomDocument,
  InspectionItem,
  QcKind,
  QcTemplate,
  QcValue,
} from '@torvan/configurator-core'
import {
  compareVersions,
  formatPath,
  instantiateInspection,
  recordValue,
  scoreInspection,
} from '@torvan/configurator-core'
import { and, asc, count, eq, inArray } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import { z } from 'zod'
import { RowId } from '../http/row-id.js'
import { writeAudit } from '../audit.js'
import { emitEvent } from '../events/emit.js'
import { inspectionSubject } from '../events/payloads.js'
import type { Executor } from '../db/open.js'
import {
  boms,
  documents,
  inspectionItems,
  inspectionApproval,
  inspectionResult,
  inspections,
  inspectionStatus,
  ncrs,
  orderItems,
  orders,
  productionTasks,
  qcTemplates,
  users,
} from '../db/schema.js'
import { lockOpenInspection } from '../documents/attach.js'
import { createDocument } from '../documents/store.js'
import { FileNameSchema, PHOTO_POLICY, readUpload } from '../files/upload.js'
import { ProblemError } from '../http/problem.js'
import { openNcr, verifyLinkedNcr } from '../ncrs/store.js'
import { OPEN_NCR_STATUSES } from '../ncrs/workflow.js'
import { defineRoute, signedIn } from '../http/route.js'

const QcValueSchema = z.union([
  z.boolean(),
  z.number(),
  z.string(),
  z.strictObject({ option: z.string(), text: z.string().optional() }),
])

const InspectionView = z.object({
  id: z.number(),
  orderItemId: z.number(),
  template: z.object({
    code: z.string(),
    version: z.string(),
    formCode: z.string(),
    name: z.string(),
    kind: z.string(),
  }),
  status: z.enum(inspectionStatus.enumValues),
  result: z.enum(inspectionResult.enumValues).nullable(),
  inspector: z.string().nullable(),
  signature: z.string().nullable(),
  startedAt: z.string(),
  submittedAt: z.string().nullable(),
  taskId: z.number().nullable(),
  verifiesNcrId: z.number().nullable(),
  passPercentage: z.string().nullable(),
  score: z.record(z.string(), z.number()).nullable(),
  requiresApproval: z.boolean(),
  approval: z
    .object({
      status: z.enum(inspectionApproval.enumValues),
      approver: z.string().nullable(),
      at: z.string().nullable(),
      note: z.string().nullable(),
    })
    .nullable(),
  items: z.array(
    z.object({
      key: z.string(),
      definition: z.record(z.string(), z.unknown()),
      value: z.unknown().nullable(),
      notApplicable: z.boolean(),
      passed: z.boolean().nullable(),
      notes: z.string().nullable(),
    }),
  ),
  photos: z.array(
    z.object({
      id: z.number(),
      row: z.string().nullable(),
      filename: z.string(),
      sha256: z.string(),
      url: z.string(),
    }),
  ),
})

const IdParams = z.object({ id: RowId })

const approver = alias(users, 'approver')

async function inspectionView(db: Executor, id: number): Promise<z.infer<typeof InspectionView>> {
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
    requiresApproval: (template.definition as QcTemplate).requiresApproval === true,
    approval:
      inspection.approval === null
        ? null
        : {
            status: inspection.approval,
            approver: row.approver,
            at: inspection.approvedAt?.toISOString() ?? null,
            note: inspection.approvalNote,
          },
    items: itemRows.map((item) => ({
      key: item.key,
      definition: item.definition as Record<string, unknown>,
      value: item.value ?? null,
      notApplicable: item.notApplicable,
      passed: item.passed,
      notes: item.notes,
    })),
    photos: photoRows.map((photo) => ({
      id: photo.id,
      row: photo.inspectionItemKey,
      filename: photo.filename,
      sha256: photo.sha256,
      url: `/documents/${photo.id}/file`,
    })),
  }
}

async function lockInspection(tx: Executor, id: number) {
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

/** The latest version of a template (by code, or by form code), or the version asked for; 404 names the known ones. */
async function pickTemplate(
  tx: Executor,
  input: { code: string | undefined; formCode: string | undefined; version: string | undefined },
) {
  const { code, formCode, version } = input
  if (code === undefined && formCode === undefined)
    throw new ProblemError(
      'validation',
      'body.template: name the template (or start from a task).',
      {
        extensions: { errors: [{ path: 'body.template', message: 'required without taskId' }] },
      },
    )
  const candidates = await tx
    .select()
    .from(qcTemplates)
    .where(
      and(
        ...(code === undefined ? [] : [eq(qcTemplates.code, code)]),
        ...(formCode === undefined ? [] : [eq(qcTemplates.formCode, formCode)]),
        ...(version === undefined ? [] : [eq(qcTemplates.version, version)]),
      ),
    )
  const [template] = candidates.sort((a, b) => compareVersions(b.version, a.version))
  if (template !== undefined) return template
  const known = await tx.select({ code: qcTemplates.code }).from(qcTemplates)
  const named = code === undefined ? `for the form ${formCode ?? ''}` : `"${code}"`
  throw new ProblemError(
    'notFound',
    `There is no QC template ${named}${version === undefined ? '' : ` version ${version}`}${code !== undefined && formCode !== undefined ? ` that the task's form ${formCode} uses` : ''}; the templates are ${[...new Set(known.map((k) => k.code))].join(', ')}.`,
  )
}

/** The production task an inspection fills in: on the same sink, naming a QC form. */
async function taskToFill(tx: Executor, taskId: number, orderItemId: number) {
  const [task] = await tx
    .select()
    .from(productionTasks)
    .where(and(eq(productionTasks.id, taskId), eq(productionTasks.orderItemId, orderItemId)))
  if (task === undefined)
    throw new ProblemError(
      'notFound',
      `Order item ${orderItemId} has no production task ${taskId}.`,
    )
  if (task.qcTemplate === null)
    throw new ProblemError('conflict', `Task ${task.key} fills in no QC form.`)
  if (task.status === 'COMPLETED' || task.status === 'CANCELLED')
    throw new ProblemError('conflict', `Task ${task.key} is ${task.status}.`)
  return task
}

/** A re-inspection verifies an open NCR of the same sink. */
async function checkVerifiedNcr(tx: Executor, ncrId: number, orderItemId: number): Promise<void> {
  const [ncr] = await tx
    .select({ status: ncrs.status, orderItemId: ncrs.orderItemId })
    .from(ncrs)
    .where(eq(ncrs.id, ncrId))
  if (ncr === undefined || ncr.orderItemId !== orderItemId)
    throw new ProblemError('notFound', `Order item ${orderItemId} has no NCR ${ncrId}.`)
  if (!OPEN_NCR_STATUSES.includes(ncr.status))
    throw new ProblemError('conflict', `NCR ${ncrId} is ${ncr.status}: there is nothing to verify.`)
}

/** Rows that ask for photos (and are not N/A) with fewer than they ask. */
async function rowsShortOfPhotos(
  tx: Executor,
  inspectionId: number,
  rows: readonly (typeof inspectionItems.$inferSelect)[],
): Promise<{ key: string; need: number; have: number }[]> {
  const needing = rows
    .map((r) => ({
      key: r.key,
      need: (r.definition as InspectionItem).photos ?? 0,
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

/** QC templates and inspections: instantiated for one sink, recorded row by row, scored and signed. */
export const qcRoutes = [
  defineRoute({
    method: 'get',
    path: '/qc/templates',
    summary: 'The QC templates, every version',
    tag: 'Quality control',
    access: 'qc:read',
    response: {
      status: 200,
      description: 'The templates with their definitions',
      schema: z.object({
        templates: z.array(
          z.object({
            id: z.number(),
            code: z.string(),
            version: z.string(),
            formCode: z.string(),
            name: z.string(),
            kind: z.string(),
            definition: z.unknown(),
          }),
        ),
      }),
    },
    handler: async ({ services }) => {
      const rows = (await services.db.select().from(qcTemplates)).sort(
        (a, b) => a.code.localeCompare(b.code, 'en') || compareVersions(a.version, b.version),
      )
      return {
        body: {
          templates: rows.map((row) => ({
            id: row.id,
            code: row.code,
            version: row.version,
            formCode: row.formCode,
            name: row.name,
            kind: row.kind,
            definition: row.definition,
          })),
        },
      }
    },
  }),
  defineRoute({
    method: 'post',
    path: '/order-items/{id}/inspections',
    summary: 'Start an inspection of one sink: only the rows that apply to its configuration',
    tag: 'Quality control',
    access: 'qc:inspect',
    example: () => ({}),
    idempotent: true,
    params: IdParams,
    body: z.strictObject({
      template: z
        .string()
        .min(1)
        .max(200)
        .optional()
        .describe('the template code, e.g. t2-final-qc (with taskId: the task’s form)'),
      version: z
        .string()
        .min(1)
        .max(50)
        .optional()
        .describe('the template version; the latest (V10 after V9) by default'),
      taskId: z
        .number()
        .int()
        .positive()
        .max(2_147_483_647)
        .optional()
        .describe('the production task this inspection fills in, e.g. the Pre-QC task'),
      verifiesNcrId: z
        .number()
        .int()
        .positive()
        .max(2_147_483_647)
        .optional()
        .describe('a re-inspection after rework: the NCR it verifies'),
    }),
    response: { status: 201, description: 'The new inspection', schema: InspectionView },
    problems: [404, 409],
    handler: async ({ params, body, user, services, requestId }) => {
      const me = signedIn(user)
      const id = await services.db.transaction(async (tx) => {
        const [item] = await tx
          .select({
            item: orderItems,
            phase: orders.phase,
            number: orders.number,
            document: boms.document,
          })
          .from(orderItems)
          .innerJoin(orders, eq(orders.id, orderItems.orderId))
          .leftJoin(boms, eq(boms.id, orderItems.bomId))
          .where(eq(orderItems.id, params.id))
        if (item === undefined)
          throw new ProblemError('notFound', `There is no order item ${params.id}.`)
        if (item.phase !== 'PRODUCTION' && item.phase !== 'QUALITY_CONTROL') {
          throw new ProblemError(
            'conflict',
            `Order ${item.number} is in ${item.phase}: sinks are inspected in PRODUCTION or QUALITY_CONTROL.`,
          )
        }
        if (item.document === null)
          throw new ProblemError(
            'conflict',
            `Build ${item.item.buildNumber} has no configuration to inspect against.`,
          )
        const task =
          body.taskId === undefined ? undefined : await taskToFill(tx, body.taskId, item.item.id)
        const template = await pickTemplate(tx, {
          code: body.template,
          formCode: task?.qcTemplate ?? undefined,
          version: body.version,
        })
        if (body.verifiesNcrId !== undefined)
          await checkVerifiedNcr(tx, body.verifiesNcrId, item.item.id)
        const rows = instantiateInspection(
          template.definition as QcTemplate,
          (item.document as BomDocument).configuration,
          task?.qcKind === null || task?.qcKind === undefined
            ? {}
            : { kind: task.qcKind as QcKind },
        )
        const [inspection] = await tx
          .insert(inspections)
          .values({
            orderItemId: item.item.id,
            templateId: template.id,
            inspectorId: me.id,
            startedAt: services.now(),
            taskId: task?.id ?? null,
            verifiesNcrId: body.verifiesNcrId ?? null,
          })
          .returning({ id: inspections.id })
        if (inspection === undefined) throw new Error('the inspection insert returned no row')
        if (rows.length > 0) {
          await tx.insert(inspectionItems).values(
            rows.map((row, position) => ({
              inspectionId: inspection.id,
              key: row.key,
              position,
              definition: row,
            })),
          )
        }
        await writeAudit(tx, {
          action: 'inspection.create',
          entity: 'inspection',
          entityId: inspection.id,
          userId: me.id,
          after: {
            orderItemId: item.item.id,
            template: template.code,
            version: template.version,
            rows: rows.length,
            taskId: task?.id ?? null,
            verifiesNcrId: body.verifiesNcrId ?? null,
          },
          requestId,
        })
        return inspection.id
      })
      const view = await inspectionView(services.db, id)
      return { status: 201, body: view, headers: { Location: `/inspections/${id}` } }
    },
  }),
  defineRoute({
    method: 'get',
    path: '/inspections/{id}',
    summary: 'One inspection with its rows, answers and photos',
    tag: 'Quality control',
    access: 'qc:read',
    params: IdParams,
    response: { status: 200, description: 'The inspection', schema: InspectionView },
    problems: [404],
    handler: async ({ params, services }) => ({
      body: await inspectionView(services.db, params.id),
    }),
  }),
  defineRoute({
    method: 'put',
    path: '/inspections/{id}/items/{key}',
    summary:
      'Record one row: a value (checked against its kind, expected value and tolerance), N/A where allowed, notes',
    tag: 'Quality control',
    access: 'qc:inspect',
    example: () => ({ value: true, notes: 'Checked with the gauge.' }),
    params: z.object({ id: RowId, key: z.string().min(1) }),
    body: z.strictObject({ value: QcValueSchema, notes: z.string().max(2000).optional() }),
    response: {
      status: 200,
      description: 'The row as recorded',
      schema: z.object({
        key: z.string(),
        value: z.unknown(),
        outcome: z.enum(['PASS', 'FAIL', 'NA']),
        deviation: z.number().optional(),
      }),
    },
    problems: [404, 409, 422],
    handler: async ({ params, body, user, services, requestId }) => {
      const me = signedIn(user)
      const record = await services.db.transaction(async (tx) => {
        await lockInspection(tx, params.id)
        const [row] = await tx
          .select()
          .from(inspectionItems)
          .where(
            and(eq(inspectionItems.inspectionId, params.id), eq(inspectionItems.key, params.key)),
          )
        if (row === undefined)
          throw new ProblemError('notFound', `Inspection ${params.id} has no row "${params.key}".`)
        const checked = recordValue(row.definition as InspectionItem, body.value as QcValue)
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
            notes: body.notes ?? row.notes,
            recordedBy: me.id,
            recordedAt: services.now(),
          })
          .where(
            and(eq(inspectionItems.inspectionId, params.id), eq(inspectionItems.key, params.key)),
          )
        await writeAudit(tx, {
          action: 'inspection.record',
          entity: 'inspection',
          entityId: params.id,
          userId: me.id,
          before: { key: row.key, value: row.value ?? null },
          after: { key: row.key, value: checked.record.value, outcome },
          requestId,
        })
        return checked.record
      })
      return { body: record }
    },
  }),
  defineRoute({
    method: 'post',
    path: '/inspections/{id}/submit',
    summary: 'Score, sign and lock an inspection: PASS, FAIL or CONDITIONAL_PASS',
    description:
      'A required row without an answer makes it incomplete: a 409 problem listing the rows.',
    tag: 'Quality control',
    access: 'qc:inspect',
    example: () => ({ signature: 'Q. Inspector' }),
    idempotent: true,
    params: IdParams,
    body: z.strictObject({
      signature: z.string().trim().min(2).max(200).describe('the inspector’s name or initials'),
    }),
    response: { status: 200, description: 'The submitted inspection', schema: InspectionView },
    problems: [404, 409],
    handler: async ({ params, body, user, services, requestId }) => {
      const me = signedIn(user)
      const now = services.now()
      await services.db.transaction(async (tx) => {
        const locked = await lockInspection(tx, params.id)
        const [row] = await tx
          .select({ definition: qcTemplates.definition })
          .from(inspections)
          .innerJoin(qcTemplates, eq(qcTemplates.id, inspections.templateId))
          .where(eq(inspections.id, params.id))
        const definition = row?.definition as QcTemplate | undefined
        const threshold = definition?.passThreshold ?? 100
        const requiresApproval = definition?.requiresApproval === true
        const rows = await tx
          .select()
          .from(inspectionItems)
          .where(eq(inspectionItems.inspectionId, params.id))
          .orderBy(asc(inspectionItems.position))
        const score = scoreInspection(
          rows.map((r) => r.definition as InspectionItem),
          rows
            .filter((r) => r.value !== null)
            .map((r) => ({ key: r.key, value: r.value as QcValue })),
          threshold,
        )
        if (score.result === 'INCOMPLETE') {
          throw new ProblemError(
            'conflict',
            `Inspection ${params.id} is incomplete: ${score.missing.length} required row${score.missing.length === 1 ? ' has' : 's have'} no answer (${score.missing.slice(0, 8).join(', ')}${score.missing.length > 8 ? ', …' : ''}).`,
            { extensions: { missing: score.missing } },
          )
        }
        const short = await rowsShortOfPhotos(tx, params.id, rows)
        if (short.length > 0) {
          throw new ProblemError(
            'conflict',
            `Inspection ${params.id} needs photos: ${short.map((r) => `${r.key} (${r.have} of ${r.need})`).join(', ')}. Add them with POST /inspections/${params.id}/photos?row=….`,
            { extensions: { photosMissing: short } },
          )
        }
        await tx
          .update(inspections)
          .set({
            status: 'SUBMITTED',
            result: score.result,
            signature: body.signature,
            inspectorId: me.id,
            submittedAt: now,
            passPercentage: score.passPercentage.toFixed(2),
            score: score.counts,
            approval: requiresApproval ? 'PENDING' : null,
          })
          .where(eq(inspections.id, params.id))
        await writeAudit(tx, {
          action: 'inspection.submit',
          entity: 'inspection',
          entityId: params.id,
          userId: me.id,
          after: {
            result: score.result,
            passPercentage: score.passPercentage,
            failed: score.failed,
            signature: body.signature,
          },
          requestId,
        })
        const subject = await inspectionSubject(tx, params.id)
        await emitEvent(tx, {
          type: 'inspection.submitted',
          orderId: subject.orderId,
          userId: me.id,
          payload: {
            inspectionId: params.id,
            ...subject,
            result: score.result,
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
                eq(documents.inspectionId, params.id),
                inArray(documents.inspectionItemKey, score.criticalFailures),
              ),
            )
          await openNcr(tx, {
            orderItemId: locked.orderItemId,
            inspectionId: params.id,
            taskId: locked.taskId,
            rows: score.criticalFailures,
            photoIds: photos.map((p) => p.id),
            severity: 'CRITICAL',
            description: `Critical failure in inspection ${params.id} (${subject.template}): ${score.criticalFailures.join(', ')}.`,
            userId: me.id,
            now,
            requestId,
            note: 'opened automatically: a critical row failed',
          })
        }
        if (!requiresApproval && score.result !== 'FAIL')
          await verifyLinkedNcr(tx, { inspectionId: params.id, userId: me.id, now, requestId })
      })
      return { body: await inspectionView(services.db, params.id) }
    },
  }),
  defineRoute({
    method: 'post',
    path: '/inspections/{id}/approval',
    summary: 'Approve or reject a submitted inspection: a second person, not its inspector',
    description:
      'Only for templates that ask for approval. The sink counts as passed only when approved; an approved re-inspection verifies the NCR it links to.',
    tag: 'Quality control',
    access: 'qc:approve',
    example: () => ({ decision: 'APPROVE', note: 'All rows pass.' }),
    idempotent: true,
    params: IdParams,
    body: z.strictObject({
      decision: z.enum(['APPROVE', 'REJECT']),
      note: z.string().trim().min(1).max(2000).optional(),
    }),
    response: { status: 200, description: 'The inspection as decided', schema: InspectionView },
    problems: [404, 409],
    handler: async ({ params, body, user, services, requestId }) => {
      const me = signedIn(user)
      const now = services.now()
      await services.db.transaction(async (tx) => {
        const [inspection] = await tx
          .select()
          .from(inspections)
          .where(eq(inspections.id, params.id))
          .for('update')
        if (inspection === undefined)
          throw new ProblemError('notFound', `There is no inspection ${params.id}.`)
        if (inspection.status !== 'SUBMITTED')
          throw new ProblemError('conflict', `Inspection ${params.id} is not submitted yet.`)
        if (inspection.approval === null)
          throw new ProblemError(
            'conflict',
            `Inspection ${params.id}'s form does not ask for approval.`,
          )
        if (inspection.approval !== 'PENDING')
          throw new ProblemError(
            'conflict',
            `Inspection ${params.id} was already ${inspection.approval.toLowerCase()}.`,
          )
        if (inspection.inspectorId === me.id)
          throw new ProblemError(
            'forbidden',
            `You submitted inspection ${params.id}: a second person approves it.`,
          )
        if (body.decision === 'REJECT' && body.note === undefined)
          throw new ProblemError('validation', 'body.note: a rejection says why.', {
            extensions: { errors: [{ path: 'body.note', message: 'required to reject' }] },
          })
        const approval = body.decision === 'APPROVE' ? 'APPROVED' : 'REJECTED'
        await tx
          .update(inspections)
          .set({ approval, approverId: me.id, approvedAt: now, approvalNote: body.note ?? null })
          .where(eq(inspections.id, params.id))
        await writeAudit(tx, {
          action: body.decision === 'APPROVE' ? 'inspection.approve' : 'inspection.reject',
          entity: 'inspection',
          entityId: params.id,
          userId: me.id,
          before: { approval: 'PENDING' },
          after: { approval, note: body.note ?? null },
          requestId,
        })
        const subject = await inspectionSubject(tx, params.id)
        await emitEvent(tx, {
          type: 'inspection.approved',
          orderId: subject.orderId,
          userId: me.id,
          payload: {
            inspectionId: params.id,
            ...subject,
            decision: approval,
            result: inspection.result,
            note: body.note ?? null,
          },
          requestId,
        })
        if (approval === 'APPROVED' && inspection.result !== 'FAIL')
          await verifyLinkedNcr(tx, { inspectionId: params.id, userId: me.id, now, requestId })
      })
      return { body: await inspectionView(services.db, params.id) }
    },
  }),
  defineRoute({
    method: 'post',
    path: '/inspections/{id}/photos',
    summary:
      'Attach a photo (JPEG, PNG or WebP, at most 10 MB) to an inspection or one of its rows (?row=); ?filename= names it',
    description:
      'The content must be what the Content-Type says. Only while the inspection is not signed; counts against the uploader’s quota.',
    tag: 'Quality control',
    access: 'documents:upload',
    alsoNeeds: ['qc:read'],
    idempotent: true,
    maxBodyBytes: PHOTO_POLICY.maxBytes,
    uploadTypes: PHOTO_POLICY.accepted,
    params: IdParams,
    query: z.strictObject({
      filename: FileNameSchema.default('photo'),
      row: z.string().min(1).max(200).optional().describe('the key of the row the photo shows'),
    }),
    response: {
      status: 201,
      description: 'The stored photo',
      schema: z.object({
        id: z.number(),
        row: z.string().nullable(),
        sha256: z.string(),
        size: z.number(),
        url: z.string(),
      }),
    },
    problems: [404, 409, 413, 415, 429],
    handler: async ({ params, query, user, services, requestId, c }) => {
      const me = signedIn(user)
      const upload = await readUpload(c, PHOTO_POLICY)
      const stored = await services.db.transaction(async (tx) => {
        await lockOpenInspection(tx, params.id, query.row)
        return createDocument(tx, {
          upload,
          filename: query.filename,
          user: me,
          now: services.now(),
          quota: services.uploadQuota,
          requestId,
          type: 'PHOTO',
          title: query.filename,
          attachment: {
            inspectionId: params.id,
            ...(query.row === undefined ? {} : { inspectionItemKey: query.row }),
          },
        })
      })
      return {
        status: 201,
        body: {
          id: stored,
          row: query.row ?? null,
          sha256: upload.sha256,
          size: upload.bytes.length,
          url: `/documents/${stored}/file`,
        },
        headers: { Location: `/documents/${stored}` },
      }
    },
  }),
]
