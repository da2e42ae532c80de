import type { BomDocument, InspectionItem, QcTemplate, QcValue } from '@torvan/configurator-core'
import {
  formatPath,
  instantiateInspection,
  recordValue,
  scoreInspection,
} from '@torvan/configurator-core'
import { and, asc, desc, eq } from 'drizzle-orm'
import { z } from 'zod'
import { writeAudit } from '../audit.js'
import { emitEvent } from '../events/emit.js'
import { inspectionSubject } from '../events/payloads.js'
import type { Executor } from '../db/open.js'
import {
  boms,
  documents,
  inspectionItems,
  inspectionResult,
  inspections,
  inspectionStatus,
  orderItems,
  orders,
  qcTemplates,
  users,
} from '../db/schema.js'
import { lockOpenInspection } from '../documents/attach.js'
import { createDocument } from '../documents/store.js'
import { FileNameSchema, PHOTO_POLICY, readUpload } from '../files/upload.js'
import { ProblemError } from '../http/problem.js'
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

const IdParams = z.object({ id: z.coerce.number().int().positive() })

async function inspectionView(db: Executor, id: number): Promise<z.infer<typeof InspectionView>> {
  const [row] = await db
    .select({ inspection: inspections, template: qcTemplates, inspector: users.username })
    .from(inspections)
    .innerJoin(qcTemplates, eq(qcTemplates.id, inspections.templateId))
    .leftJoin(users, eq(users.id, inspections.inspectorId))
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
      const rows = await services.db
        .select()
        .from(qcTemplates)
        .orderBy(asc(qcTemplates.code), asc(qcTemplates.version))
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
    idempotent: true,
    params: IdParams,
    body: z.strictObject({
      template: z.string().min(1).describe('the template code, e.g. t2-final-qc'),
      version: z.string().min(1).optional().describe('the template version; the latest by default'),
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
        const [template] = await tx
          .select()
          .from(qcTemplates)
          .where(
            and(
              eq(qcTemplates.code, body.template),
              ...(body.version === undefined ? [] : [eq(qcTemplates.version, body.version)]),
            ),
          )
          .orderBy(desc(qcTemplates.version))
          .limit(1)
        if (template === undefined) {
          const known = await tx.select({ code: qcTemplates.code }).from(qcTemplates)
          throw new ProblemError(
            'notFound',
            `There is no QC template "${body.template}"${body.version === undefined ? '' : ` version ${body.version}`}; the templates are ${[...new Set(known.map((k) => k.code))].join(', ')}.`,
          )
        }
        const rows = instantiateInspection(
          template.definition as QcTemplate,
          (item.document as BomDocument).configuration,
        )
        const [inspection] = await tx
          .insert(inspections)
          .values({
            orderItemId: item.item.id,
            templateId: template.id,
            inspectorId: me.id,
            startedAt: services.now(),
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
    params: z.object({ id: z.coerce.number().int().positive(), key: z.string().min(1) }),
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
    idempotent: true,
    params: IdParams,
    body: z.strictObject({
      signature: z.string().trim().min(2).max(200).describe('the inspector’s name or initials'),
    }),
    response: { status: 200, description: 'The submitted inspection', schema: InspectionView },
    problems: [404, 409],
    handler: async ({ params, body, user, services, requestId }) => {
      const me = signedIn(user)
      await services.db.transaction(async (tx) => {
        await lockInspection(tx, params.id)
        const [row] = await tx
          .select({ threshold: qcTemplates.definition })
          .from(inspections)
          .innerJoin(qcTemplates, eq(qcTemplates.id, inspections.templateId))
          .where(eq(inspections.id, params.id))
        const threshold = (row?.threshold as QcTemplate | undefined)?.passThreshold ?? 100
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
        await tx
          .update(inspections)
          .set({
            status: 'SUBMITTED',
            result: score.result,
            signature: body.signature,
            inspectorId: me.id,
            submittedAt: services.now(),
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
