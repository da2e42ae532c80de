import type { SQL } from 'drizzle-orm'
import { and, arrayContains, desc, eq } from 'drizzle-orm'
import type { Context } from 'hono'
import { z } from 'zod'
import { writeAudit } from '../audit.js'
import type { Executor } from '../db/open.js'
import { blobs, documents, documentStatus, documentVersions } from '../db/schema/index.js'
import type { Attachment, DocumentView } from '../documents/store.js'
import {
  ACCESS_LEVELS,
  addDocumentVersion,
  createDocument,
  DOCUMENT_TYPES,
  documentView,
  documentViews,
  lockDocument,
  readableBy,
  readableLevels,
} from '../documents/store.js'
import { checkAttachment } from '../documents/attach.js'
import { contentDisposition } from '../files/content-disposition.js'
import { DOCUMENT_POLICY, FileNameSchema } from '../files/upload.js'
import { readUpload } from '../http/read-upload.js'
import { ProblemError } from '../http/problem.js'
import type { AppEnv } from '../http/route.js'
import { defineRoute } from '../http/route.js'

const STATUSES = documentStatus.enumValues
type Status = (typeof STATUSES)[number]

/** Document control: which status may follow which; OBSOLETE is final. */
const NEXT_STATUS: Record<Status, readonly Status[]> = {
  DRAFT: ['APPROVED', 'OBSOLETE'],
  APPROVED: ['OBSOLETE'],
  OBSOLETE: [],
}

const Id = z.coerce.number().int().positive().max(2_147_483_647)
const IdParams = z.object({ id: Id })

const Tags = z
  .string()
  .max(1100)
  .transform((text) => [
    ...new Set(
      text
        .split(',')
        .map((tag) => tag.trim())
        .filter((tag) => tag !== ''),
    ),
  ])
  .pipe(z.array(z.string().max(50)).max(20))

const TagList = z.array(z.string().trim().min(1).max(50)).max(20)

const AttachmentQuery = {
  orderId: Id.optional(),
  orderItemId: Id.optional(),
  taskId: Id.optional(),
  inspectionId: Id.optional(),
  row: z.string().min(1).max(200).optional().describe('with inspectionId: the row a photo shows'),
  catalogItemId: z.string().min(1).max(200).optional(),
}

function attachmentOf(query: {
  orderId?: number | undefined
  orderItemId?: number | undefined
  taskId?: number | undefined
  inspectionId?: number | undefined
  row?: string | undefined
  catalogItemId?: string | undefined
}): Attachment {
  const named = (
    ['orderId', 'orderItemId', 'taskId', 'inspectionId', 'catalogItemId'] as const
  ).filter((key) => query[key] !== undefined)
  if (named.length !== 1)
    throw new ProblemError(
      'validation',
      named.length === 0
        ? 'A document is attached to one thing: give one of orderId, orderItemId, taskId, inspectionId or catalogItemId.'
        : `A document is attached to one thing; received ${named.join(' and ')}.`,
      { extensions: { errors: [{ path: 'query', message: 'expected exactly one attachment' }] } },
    )
  if (query.row !== undefined && query.inspectionId === undefined)
    throw new ProblemError('validation', 'query.row: a row is given only with inspectionId.', {
      extensions: { errors: [{ path: 'query.row', message: 'only with inspectionId' }] },
    })
  return {
    ...(query.orderId === undefined ? {} : { orderId: query.orderId }),
    ...(query.orderItemId === undefined ? {} : { orderItemId: query.orderItemId }),
    ...(query.taskId === undefined ? {} : { taskId: query.taskId }),
    ...(query.inspectionId === undefined ? {} : { inspectionId: query.inspectionId }),
    ...(query.row === undefined ? {} : { inspectionItemKey: query.row }),
    ...(query.catalogItemId === undefined ? {} : { catalogItemId: query.catalogItemId }),
  }
}

const DocumentSchema: z.ZodType<DocumentView> = z.object({
  id: z.number(),
  type: z.enum(DOCUMENT_TYPES),
  title: z.string(),
  description: z.string().nullable(),
  tags: z.array(z.string()),
  status: z.string(),
  statusBy: z.string().nullable(),
  statusAt: z.string().nullable(),
  access: z.enum(ACCESS_LEVELS),
  attachedTo: z.object({
    kind: z.string(),
    id: z.union([z.number(), z.string()]),
    row: z.string().optional(),
  }),
  version: z.number(),
  filename: z.string(),
  mediaType: z.string(),
  size: z.number(),
  sha256: z.string(),
  url: z.string(),
  uploadedBy: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  versions: z.array(
    z.object({
      version: z.number(),
      filename: z.string(),
      mediaType: z.string(),
      size: z.number(),
      sha256: z.string(),
      uploadedBy: z.string().nullable(),
      createdAt: z.string(),
      url: z.string(),
    }),
  ),
}) as z.ZodType<DocumentView>

/** A stored file as a download: its sniffed type, an RFC 6266 file name, never run by a browser. */
function fileResponse(
  c: Context<AppEnv>,
  file: { data: Uint8Array; mediaType: string; filename: string; sha256: string },
  download: boolean,
): Response {
  return c.body(new Uint8Array(file.data), 200, {
    'Content-Type': file.mediaType,
    ETag: `"${file.sha256}"`,
    'Content-Disposition': contentDisposition(download ? 'attachment' : 'inline', file.filename),
    'Cache-Control': 'private, max-age=31536000, immutable',
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': "sandbox; default-src 'none'",
  })
}

async function readFile(
  db: Executor,
  input: { id: number; version: number | undefined; user: Parameters<typeof readableBy>[0] },
) {
  const [row] = await db
    .select({
      filename: documentVersions.filename,
      mediaType: documentVersions.mediaType,
      data: blobs.data,
      sha256: blobs.sha256,
    })
    .from(documents)
    .innerJoin(documentVersions, eq(documentVersions.documentId, documents.id))
    .innerJoin(blobs, eq(blobs.sha256, documentVersions.sha256))
    .where(
      and(
        eq(documents.id, input.id),
        eq(
          documentVersions.version,
          input.version === undefined ? documents.currentVersion : input.version,
        ),
        readableBy(input.user),
      ),
    )
  if (row === undefined)
    throw new ProblemError(
      'notFound',
      input.version === undefined
        ? `There is no document ${input.id}.`
        : `There is no version ${input.version} of document ${input.id}.`,
    )
  return row
}

const DownloadQuery = z.strictObject({
  download: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true')
    .describe('true: Content-Disposition attachment (default inline)'),
})

/** Documents: drawings, work instructions, certificates, photos… versioned, controlled, attached. */
export const documentRoutes = [
  defineRoute({
    method: 'post',
    path: '/documents',
    summary:
      'Upload a document (PDF or an image, at most 25 MB) attached to an order, order item, task, inspection or catalog item',
    description:
      'The body is the file, with its Content-Type; the content must be what the type says. Metadata in the query. Counts against the uploader’s quota.',
    tag: 'Documents',
    access: 'documents:upload',
    idempotent: true,
    maxBodyBytes: DOCUMENT_POLICY.maxBytes,
    uploadTypes: DOCUMENT_POLICY.accepted,
    query: z.strictObject({
      type: z.enum(DOCUMENT_TYPES),
      title: z.string().trim().min(1).max(200),
      filename: FileNameSchema,
      description: z.string().max(2000).optional(),
      tags: Tags.optional().describe('comma-separated'),
      access: z.enum(ACCESS_LEVELS).default('INTERNAL'),
      ...AttachmentQuery,
    }),
    response: { status: 201, description: 'The stored document', schema: DocumentSchema },
    problems: [404, 409, 413, 415, 429],
    handler: async ({ query, user: me, services, requestId, c }) => {
      const attachment = attachmentOf(query)
      if (!readableLevels(me).includes(query.access))
        throw new ProblemError(
          'forbidden',
          `You may not read ${query.access} documents, so you cannot upload one.`,
        )
      const upload = await readUpload(c, DOCUMENT_POLICY)
      const id = await services.db.transaction(async (tx) => {
        await checkAttachment(tx, me, attachment)
        return createDocument(tx, {
          upload,
          filename: query.filename,
          user: me,
          now: services.now(),
          quota: services.uploadQuota,
          requestId,
          type: query.type,
          title: query.title,
          description: query.description,
          tags: query.tags,
          access: query.access,
          attachment,
        })
      })
      return {
        status: 201,
        body: await documentView(services.db, id, me),
        headers: { Location: `/documents/${id}` },
      }
    },
  }),
  defineRoute({
    method: 'get',
    path: '/documents',
    summary: 'The documents you may read, newest first, by attachment, type, status or tag',
    tag: 'Documents',
    access: 'documents:read',
    query: z.strictObject({
      ...AttachmentQuery,
      type: z.enum(DOCUMENT_TYPES).optional(),
      status: z.enum(STATUSES).optional(),
      tag: z.string().min(1).max(50).optional(),
      limit: z.coerce.number().int().min(1).max(200).default(50),
    }),
    response: {
      status: 200,
      description: 'The documents',
      schema: z.object({ documents: z.array(DocumentSchema) }),
    },
    handler: async ({ query, user: me, services }) => {
      const filters: SQL[] = [readableBy(me)]
      if (query.orderId !== undefined) filters.push(eq(documents.orderId, query.orderId))
      if (query.orderItemId !== undefined)
        filters.push(eq(documents.orderItemId, query.orderItemId))
      if (query.taskId !== undefined) filters.push(eq(documents.taskId, query.taskId))
      if (query.inspectionId !== undefined)
        filters.push(eq(documents.inspectionId, query.inspectionId))
      if (query.row !== undefined) filters.push(eq(documents.inspectionItemKey, query.row))
      if (query.catalogItemId !== undefined)
        filters.push(eq(documents.catalogItemId, query.catalogItemId))
      if (query.type !== undefined) filters.push(eq(documents.type, query.type))
      if (query.status !== undefined) filters.push(eq(documents.status, query.status))
      if (query.tag !== undefined) filters.push(arrayContains(documents.tags, [query.tag]))
      const rows = await services.db
        .select({ id: documents.id })
        .from(documents)
        .where(and(...filters))
        .orderBy(desc(documents.id))
        .limit(query.limit)
      const views = await documentViews(
        services.db,
        rows.map((r) => r.id),
        me,
      )
      return { body: { documents: views.reverse() } }
    },
  }),
  defineRoute({
    method: 'get',
    path: '/documents/{id}',
    summary: 'One document: metadata, attachment, status and every version',
    tag: 'Documents',
    access: 'documents:read',
    params: IdParams,
    response: { status: 200, description: 'The document', schema: DocumentSchema },
    problems: [404],
    handler: async ({ params, user, services }) => ({
      body: await documentView(services.db, params.id, user),
    }),
  }),
  defineRoute({
    method: 'patch',
    path: '/documents/{id}',
    summary: 'Change a document’s title, description, tags or access level, or its status',
    description:
      'DRAFT → APPROVED → OBSOLETE (or DRAFT → OBSOLETE); changing the status needs documents:approve and records who and when.',
    tag: 'Documents',
    access: 'documents:upload',
    example: () => ({ title: 'T2 assembly drawing', tags: ['drawing', 't2'] }),
    params: IdParams,
    body: z
      .strictObject({
        title: z.string().trim().min(1).max(200).optional(),
        description: z.string().max(2000).nullable().optional(),
        tags: TagList.optional(),
        access: z.enum(ACCESS_LEVELS).optional(),
        status: z.enum(STATUSES).optional(),
      })
      .refine((body) => Object.keys(body).length > 0, 'expected at least one field to change'),
    response: { status: 200, description: 'The document as changed', schema: DocumentSchema },
    problems: [404, 409],
    handler: async ({ params, body, user: me, services, requestId }) => {
      const now = services.now()
      await services.db.transaction(async (tx) => {
        const row = await lockDocument(tx, params.id, me)
        const set: Partial<typeof documents.$inferInsert> = { updatedAt: now }
        if (body.title !== undefined) set.title = body.title
        if (body.description !== undefined) set.description = body.description
        if (body.tags !== undefined) set.tags = [...new Set(body.tags)]
        if (body.access !== undefined) {
          if (!readableLevels(me).includes(body.access))
            throw new ProblemError(
              'forbidden',
              `You may not read ${body.access} documents, so you cannot make one ${body.access}.`,
            )
          set.access = body.access
        }
        if (body.status !== undefined && body.status !== row.status) {
          if (!me.permissions.has('documents:approve'))
            throw new ProblemError(
              'forbidden',
              'Changing a document’s status needs the permission "documents:approve".',
              { extensions: { permission: 'documents:approve' } },
            )
          if (!NEXT_STATUS[row.status].includes(body.status))
            throw new ProblemError(
              'conflict',
              `Document ${row.id} is ${row.status}; it can become ${NEXT_STATUS[row.status].join(', ') || 'nothing else: it is final'}.`,
              { extensions: { allowed: NEXT_STATUS[row.status] } },
            )
          set.status = body.status
          set.statusBy = me.id
          set.statusAt = now
        }
        await tx.update(documents).set(set).where(eq(documents.id, row.id))
        await writeAudit(tx, {
          action: 'document.update',
          entity: 'document',
          entityId: row.id,
          userId: me.id,
          before: {
            title: row.title,
            description: row.description,
            tags: row.tags,
            access: row.access,
            status: row.status,
          },
          after: body,
          requestId,
        })
      })
      return { body: await documentView(services.db, params.id, me) }
    },
  }),
  defineRoute({
    method: 'post',
    path: '/documents/{id}/versions',
    summary:
      'Upload a new version of a document: version n + 1, back to DRAFT; older versions stay',
    tag: 'Documents',
    access: 'documents:upload',
    idempotent: true,
    maxBodyBytes: DOCUMENT_POLICY.maxBytes,
    uploadTypes: DOCUMENT_POLICY.accepted,
    params: IdParams,
    query: z.strictObject({ filename: FileNameSchema }),
    response: {
      status: 201,
      description: 'The document with its new version',
      schema: DocumentSchema,
    },
    problems: [404, 409, 413, 415, 429],
    handler: async ({ params, query, user: me, services, requestId, c }) => {
      const upload = await readUpload(c, DOCUMENT_POLICY)
      await services.db.transaction(async (tx) => {
        const document = await lockDocument(tx, params.id, me)
        const attachment = attachmentOf({
          ...(document.orderId === null ? {} : { orderId: document.orderId }),
          ...(document.orderItemId === null ? {} : { orderItemId: document.orderItemId }),
          ...(document.taskId === null ? {} : { taskId: document.taskId }),
          ...(document.inspectionId === null ? {} : { inspectionId: document.inspectionId }),
          ...(document.catalogItemId === null ? {} : { catalogItemId: document.catalogItemId }),
        })
        await checkAttachment(tx, me, attachment)
        await addDocumentVersion(tx, {
          document,
          upload,
          filename: query.filename,
          user: me,
          now: services.now(),
          quota: services.uploadQuota,
          requestId,
        })
      })
      return {
        status: 201,
        body: await documentView(services.db, params.id, me),
        headers: { Location: `/documents/${params.id}` },
      }
    },
  }),
  defineRoute({
    method: 'get',
    path: '/documents/{id}/file',
    summary: 'The latest version’s file, with its type and an RFC 6266 file name',
    tag: 'Documents',
    access: 'documents:read',
    params: IdParams,
    query: DownloadQuery,
    response: {
      status: 200,
      description: 'The file',
      mediaTypes: [...DOCUMENT_POLICY.accepted],
    },
    problems: [404],
    handler: async ({ params, query, user, services, c }) =>
      fileResponse(
        c,
        await readFile(services.db, { id: params.id, version: undefined, user: user }),
        query.download,
      ),
  }),
  defineRoute({
    method: 'get',
    path: '/documents/{id}/versions/{version}/file',
    summary: 'One version’s file',
    tag: 'Documents',
    access: 'documents:read',
    params: z.object({ id: Id, version: Id }),
    query: DownloadQuery,
    response: {
      status: 200,
      description: 'The file',
      mediaTypes: [...DOCUMENT_POLICY.accepted],
    },
    problems: [404],
    handler: async ({ params, query, user, services, c }) =>
      fileResponse(
        c,
        await readFile(services.db, {
          id: params.id,
          version: params.version,
          user: user,
        }),
        query.download,
      ),
  }),
]
