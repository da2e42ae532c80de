import type { SQL } from 'drizzle-orm'
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm'
import { writeAudit } from '../audit.js'
import type { AuthUser } from '../auth/users.js'
import type { Executor } from '../db/open.js'
import { emitEvent } from '../events/emit.js'
import {
  blobs,
  documentAccess,
  inspections,
  orderItems,
  productionTasks,
  documents,
  documentType,
  documentVersions,
  users,
} from '../db/schema/index.js'
import type { Upload } from '../files/upload.js'
import { checkUploadQuota } from '../files/quota.js'
import type { UploadQuota } from '../files/quota.js'
import { ProblemError } from '../http/problem.js'

/** The document types (the customer's §7.2.3 list, plus OTHER). */
export const DOCUMENT_TYPES = documentType.enumValues
export type DocumentType = (typeof DOCUMENT_TYPES)[number]
/** The access levels, lowest first. */
export const ACCESS_LEVELS = documentAccess.enumValues
export type AccessLevel = (typeof ACCESS_LEVELS)[number]

/** What a document is attached to: exactly one of these. */
export interface Attachment {
  orderId?: number
  orderItemId?: number
  taskId?: number
  inspectionId?: number
  /** with inspectionId: a photo of one row */
  inspectionItemKey?: string
  catalogItemId?: string
}

/** The access levels a user may read: INTERNAL with documents:read, then one permission per level. */
export function readableLevels(user: AuthUser): AccessLevel[] {
  if (!user.permissions.has('documents:read')) return []
  const levels: AccessLevel[] = ['INTERNAL']
  if (user.permissions.has('documents:restricted')) levels.push('RESTRICTED')
  if (user.permissions.has('documents:confidential')) levels.push('CONFIDENTIAL')
  return levels
}

/**
 * The SQL condition of the documents a user may read: their access level, and an inspection's photos
 * and documents only with `qc:read` (the inspection itself needs it).
 */
export function readableBy(user: AuthUser): SQL {
  const levels = readableLevels(user)
  if (levels.length === 0) return sql`false`
  const level = inArray(documents.access, levels)
  return user.permissions.has('qc:read')
    ? level
    : (and(level, isNull(documents.inspectionId)) as SQL)
}

type DocumentRow = typeof documents.$inferSelect

/** A document's metadata, attachment and versions, as the API shows them. */
export interface DocumentView {
  id: number
  type: DocumentType
  title: string
  description: string | null
  tags: string[]
  status: string
  statusBy: string | null
  statusAt: string | null
  access: AccessLevel
  attachedTo: { kind: string; id: number | string; row?: string }
  version: number
  filename: string
  mediaType: string
  size: number
  sha256: string
  url: string
  uploadedBy: string | null
  createdAt: string
  updatedAt: string
  versions: {
    version: number
    filename: string
    mediaType: string
    size: number
    sha256: string
    uploadedBy: string | null
    createdAt: string
    url: string
  }[]
}

function attachedTo(row: DocumentRow): DocumentView['attachedTo'] {
  if (row.inspectionId !== null)
    return {
      kind: 'inspection',
      id: row.inspectionId,
      ...(row.inspectionItemKey === null ? {} : { row: row.inspectionItemKey }),
    }
  if (row.taskId !== null) return { kind: 'task', id: row.taskId }
  if (row.orderItemId !== null) return { kind: 'orderItem', id: row.orderItemId }
  if (row.orderId !== null) return { kind: 'order', id: row.orderId }
  return { kind: 'catalogItem', id: row.catalogItemId ?? '' }
}

/** The documents with the given ids that the user may read, as views, in id order. */
export async function documentViews(
  db: Executor,
  ids: readonly number[],
  user: AuthUser,
): Promise<DocumentView[]> {
  if (ids.length === 0) return []
  const rows = await db
    .select({ document: documents, statusBy: users.username })
    .from(documents)
    .leftJoin(users, eq(users.id, documents.statusBy))
    .where(and(inArray(documents.id, [...ids]), readableBy(user)))
    .orderBy(asc(documents.id))
  if (rows.length === 0) return []
  const versions = await db
    .select({ version: documentVersions, uploadedBy: users.username })
    .from(documentVersions)
    .leftJoin(users, eq(users.id, documentVersions.uploadedBy))
    .where(
      inArray(
        documentVersions.documentId,
        rows.map((r) => r.document.id),
      ),
    )
    .orderBy(asc(documentVersions.documentId), asc(documentVersions.version))
  return rows.map(({ document, statusBy }) => {
    const own = versions
      .filter((v) => v.version.documentId === document.id)
      .map(({ version, uploadedBy }) => ({
        version: version.version,
        filename: version.filename,
        mediaType: version.mediaType,
        size: version.size,
        sha256: version.sha256,
        uploadedBy,
        createdAt: version.createdAt.toISOString(),
        url: `/documents/${document.id}/versions/${version.version}/file`,
      }))
    const current = own.find((v) => v.version === document.currentVersion) ?? own.at(-1)
    return {
      id: document.id,
      type: document.type,
      title: document.title,
      description: document.description,
      tags: document.tags,
      status: document.status,
      statusBy,
      statusAt: document.statusAt?.toISOString() ?? null,
      access: document.access,
      attachedTo: attachedTo(document),
      version: document.currentVersion,
      filename: document.filename,
      mediaType: current?.mediaType ?? '',
      size: current?.size ?? 0,
      sha256: document.sha256,
      url: `/documents/${document.id}/file`,
      uploadedBy: own[0]?.uploadedBy ?? null,
      createdAt: document.createdAt.toISOString(),
      updatedAt: document.updatedAt.toISOString(),
      versions: own,
    }
  })
}

/** One document the user may read, or a 404 (a document they may not read is as good as absent). */
export async function documentView(
  db: Executor,
  id: number,
  user: AuthUser,
): Promise<DocumentView> {
  const [view] = await documentViews(db, [id], user)
  if (view === undefined) throw new ProblemError('notFound', `There is no document ${id}.`)
  return view
}

/** What an upload stores, and for whom. */
export interface StoreInput {
  upload: Upload
  filename: string
  user: AuthUser
  now: Date
  quota: UploadQuota
  requestId: string
}

async function storeBlob(tx: Executor, input: StoreInput): Promise<void> {
  const { upload, user, now, quota } = input
  await checkUploadQuota(tx, { userId: user.id, size: upload.bytes.length, now, quota })
  await tx
    .insert(blobs)
    .values({
      sha256: upload.sha256,
      mediaType: upload.mediaType,
      size: upload.bytes.length,
      data: upload.bytes,
    })
    .onConflictDoNothing()
}

/**
 * Stores a new document (version 1) with its file, within the user's quota, and its audit row, in the
 * caller's transaction. The caller has checked that the attachment exists and may be written to.
 */
export async function createDocument(
  tx: Executor,
  input: StoreInput & {
    type: DocumentType
    title: string
    description?: string | undefined
    tags?: readonly string[] | undefined
    access?: AccessLevel | undefined
    attachment: Attachment
  },
): Promise<number> {
  const { upload, user, now } = input
  await storeBlob(tx, input)
  const [document] = await tx
    .insert(documents)
    .values({
      type: input.type,
      title: input.title,
      description: input.description ?? null,
      tags: [...(input.tags ?? [])],
      access: input.access ?? 'INTERNAL',
      sha256: upload.sha256,
      filename: input.filename,
      currentVersion: 1,
      ...input.attachment,
      uploadedBy: user.id,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: documents.id })
  if (document === undefined) throw new Error('the document insert returned no row')
  await tx.insert(documentVersions).values({
    documentId: document.id,
    version: 1,
    sha256: upload.sha256,
    filename: input.filename,
    mediaType: upload.mediaType,
    size: upload.bytes.length,
    uploadedBy: user.id,
    createdAt: now,
  })
  await writeAudit(tx, {
    action: 'document.upload',
    entity: 'document',
    entityId: document.id,
    userId: user.id,
    after: {
      type: input.type,
      title: input.title,
      version: 1,
      sha256: upload.sha256,
      size: upload.bytes.length,
      mediaType: upload.mediaType,
      ...input.attachment,
    },
    requestId: input.requestId,
  })
  await emitUploaded(tx, { ...input, id: document.id, version: 1 })
  return document.id
}

/** The order a document belongs to, through what it is attached to (none for a catalog item). */
async function orderOf(tx: Executor, row: Attachment): Promise<number | null> {
  if (row.orderId !== undefined) return row.orderId
  let itemId = row.orderItemId
  if (row.taskId !== undefined) {
    const [task] = await tx
      .select({ itemId: productionTasks.orderItemId })
      .from(productionTasks)
      .where(eq(productionTasks.id, row.taskId))
    itemId = task?.itemId
  }
  if (row.inspectionId !== undefined) {
    const [inspection] = await tx
      .select({ itemId: inspections.orderItemId })
      .from(inspections)
      .where(eq(inspections.id, row.inspectionId))
    itemId = inspection?.itemId
  }
  if (itemId === undefined) return null
  const [item] = await tx
    .select({ orderId: orderItems.orderId })
    .from(orderItems)
    .where(eq(orderItems.id, itemId))
  return item?.orderId ?? null
}

function attachmentOfRow(row: DocumentRow): Attachment {
  return {
    ...(row.orderId === null ? {} : { orderId: row.orderId }),
    ...(row.orderItemId === null ? {} : { orderItemId: row.orderItemId }),
    ...(row.taskId === null ? {} : { taskId: row.taskId }),
    ...(row.inspectionId === null ? {} : { inspectionId: row.inspectionId }),
    ...(row.inspectionItemKey === null ? {} : { inspectionItemKey: row.inspectionItemKey }),
    ...(row.catalogItemId === null ? {} : { catalogItemId: row.catalogItemId }),
  }
}

async function emitUploaded(
  tx: Executor,
  input: StoreInput & { id: number; version: number; type: DocumentType; attachment: Attachment },
): Promise<void> {
  await emitEvent(tx, {
    type: 'document.uploaded',
    orderId: await orderOf(tx, input.attachment),
    userId: input.user.id,
    payload: {
      documentId: input.id,
      version: input.version,
      type: input.type,
      filename: input.filename,
      mediaType: input.upload.mediaType,
      size: input.upload.bytes.length,
      sha256: input.upload.sha256,
      attachedTo: input.attachment,
      url: `/documents/${input.id}/versions/${input.version}/file`,
    },
    requestId: input.requestId,
  })
}

/** Locks a document the user may read, or answers 404. */
export async function lockDocument(tx: Executor, id: number, user: AuthUser): Promise<DocumentRow> {
  const [row] = await tx
    .select()
    .from(documents)
    .where(and(eq(documents.id, id), readableBy(user)))
    .for('update')
  if (row === undefined) throw new ProblemError('notFound', `There is no document ${id}.`)
  return row
}

/**
 * Stores a new file of a document as version n + 1 (older versions stay readable); the document goes
 * back to DRAFT until the new version is approved. In the caller's transaction, with its audit row.
 */
export async function addDocumentVersion(
  tx: Executor,
  input: StoreInput & { document: DocumentRow },
): Promise<number> {
  const { document, upload, user, now } = input
  if (document.status === 'OBSOLETE')
    throw new ProblemError(
      'conflict',
      `Document ${document.id} is obsolete: it takes no new versions. Upload a new document instead.`,
    )
  await storeBlob(tx, input)
  const version = document.currentVersion + 1
  await tx.insert(documentVersions).values({
    documentId: document.id,
    version,
    sha256: upload.sha256,
    filename: input.filename,
    mediaType: upload.mediaType,
    size: upload.bytes.length,
    uploadedBy: user.id,
    createdAt: now,
  })
  await tx
    .update(documents)
    .set({
      currentVersion: version,
      sha256: upload.sha256,
      filename: input.filename,
      status: 'DRAFT',
      statusBy: user.id,
      statusAt: now,
      updatedAt: now,
    })
    .where(eq(documents.id, document.id))
  await writeAudit(tx, {
    action: 'document.version',
    entity: 'document',
    entityId: document.id,
    userId: user.id,
    before: { version: document.currentVersion, sha256: document.sha256, status: document.status },
    after: { version, sha256: upload.sha256, size: upload.bytes.length, status: 'DRAFT' },
    requestId: input.requestId,
  })
  await emitUploaded(tx, {
    ...input,
    id: document.id,
    version,
    type: document.type,
    attachment: attachmentOfRow(document),
  })
  return version
}
