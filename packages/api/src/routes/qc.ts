import { z } from 'zod'
import { inspectionApproval, inspectionResult, inspectionStatus } from '../db/schema/index.js'
import { lockOpenInspection } from '../documents/attach.js'
import { createDocument } from '../documents/store.js'
import { FileNameSchema, PHOTO_POLICY } from '../files/upload.js'
import { readUpload } from '../http/read-upload.js'
import { defineRoute } from '../http/route.js'
import { RowId } from '../http/row-id.js'
import { decideInspection } from '../qc/approve.js'
import type { InspectionView } from '../qc/inspections.js'
import { inspectionView } from '../qc/inspections.js'
import { recordInspectionRow } from '../qc/record.js'
import { startInspection } from '../qc/start.js'
import { submitInspection } from '../qc/submit.js'
import { listQcTemplates } from '../qc/templates.js'

const QcValueSchema = z.union([
  z.boolean(),
  z.number(),
  z.string(),
  z.strictObject({ option: z.string(), text: z.string().optional() }),
])

const InspectionViewSchema = z.object({
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
}) satisfies z.ZodType<InspectionView>

const IdParams = z.object({ id: RowId })

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
    handler: async ({ services }) => ({
      body: { templates: await listQcTemplates(services.db) },
    }),
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
    response: { status: 201, description: 'The new inspection', schema: InspectionViewSchema },
    problems: [404, 409],
    handler: async ({ params, body, user, services, requestId }) => {
      const id = await startInspection(services, {
        start: { orderItemId: params.id, ...body },
        user: user,
        requestId,
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
    response: { status: 200, description: 'The inspection', schema: InspectionViewSchema },
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
    handler: async ({ params, body, user, services, requestId }) => ({
      body: await recordInspectionRow(services, {
        ...params,
        ...body,
        user: user,
        requestId,
      }),
    }),
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
    response: {
      status: 200,
      description: 'The submitted inspection',
      schema: InspectionViewSchema,
    },
    problems: [404, 409],
    handler: async ({ params, body, user, services, requestId }) => {
      await submitInspection(services, {
        id: params.id,
        signature: body.signature,
        user: user,
        requestId,
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
    response: {
      status: 200,
      description: 'The inspection as decided',
      schema: InspectionViewSchema,
    },
    problems: [404, 409],
    handler: async ({ params, body, user, services, requestId }) => {
      await decideInspection(services, {
        id: params.id,
        ...body,
        user: user,
        requestId,
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
    handler: async ({ params, query, user: me, services, requestId, c }) => {
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
