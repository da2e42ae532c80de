// Documents: files by their SHA-256, and the documents (drawings, photos, certificates) that point at them.
import { sql } from 'drizzle-orm'
import { index, integer, pgEnum, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core'
import { bytea, createdAt, updatedAt } from './columns.js'
import { users } from './users.js'
import { items } from './catalog.js'
import { orderItems, orders } from './orders.js'
import { inspections, productionTasks } from './quality.js'

/** File contents by SHA-256: an upload of the same bytes is stored once. */
export const blobs = pgTable('blobs', {
  sha256: text('sha256').primaryKey(),
  mediaType: text('media_type').notNull(),
  size: integer('size').notNull(),
  data: bytea('data').notNull(),
  createdAt: createdAt(),
})

/** The document types of the customer's document table (§7.2.3), plus OTHER. */
export const documentType = pgEnum('document_type', [
  'WORK_INSTRUCTION',
  'SPECIFICATION',
  'DRAWING',
  'PHOTO',
  'MANUAL',
  'CERTIFICATE',
  'OTHER',
])
/** Document control: a draft, approved (with who and when), or obsolete. */
export const documentStatus = pgEnum('document_status', ['DRAFT', 'APPROVED', 'OBSOLETE'])
/**
 * Who may see a document: INTERNAL needs `documents:read`, RESTRICTED also `documents:restricted`,
 * CONFIDENTIAL also `documents:confidential` (the document's PUBLIC level is INTERNAL here: the API has
 * no anonymous readers).
 */
export const documentAccess = pgEnum('document_access', ['INTERNAL', 'RESTRICTED', 'CONFIDENTIAL'])

/**
 * A document and what it is attached to (exactly one of order, order item, task, inspection, catalog
 * item); its files are its versions. `sha256` and `filename` are the latest version's.
 */
export const documents = pgTable(
  'documents',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    type: documentType('type').notNull().default('OTHER'),
    title: text('title').notNull().default(''),
    description: text('description'),
    tags: text('tags')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    status: documentStatus('status').notNull().default('DRAFT'),
    statusBy: integer('status_by').references(() => users.id),
    statusAt: timestamp('status_at', { withTimezone: true }),
    access: documentAccess('access').notNull().default('INTERNAL'),
    sha256: text('sha256')
      .notNull()
      .references(() => blobs.sha256),
    filename: text('filename').notNull(),
    currentVersion: integer('current_version').notNull().default(1),
    orderId: integer('order_id').references(() => orders.id, { onDelete: 'cascade' }),
    orderItemId: integer('order_item_id').references(() => orderItems.id, { onDelete: 'cascade' }),
    taskId: integer('task_id').references(() => productionTasks.id, { onDelete: 'cascade' }),
    inspectionId: integer('inspection_id').references(() => inspections.id, {
      onDelete: 'cascade',
    }),
    /** a photo of one inspection row: the row's key */
    inspectionItemKey: text('inspection_item_key'),
    catalogItemId: text('catalog_item_id').references(() => items.id),
    uploadedBy: integer('uploaded_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('documents_order_idx').on(t.orderId),
    index('documents_order_item_idx').on(t.orderItemId),
    index('documents_task_idx').on(t.taskId),
    index('documents_inspection_idx').on(t.inspectionId, t.inspectionItemKey),
    index('documents_catalog_item_idx').on(t.catalogItemId),
    index('documents_uploader_idx').on(t.uploadedBy, t.createdAt),
  ],
)

/** Every file a document has had: a new upload is version n + 1, older ones stay readable. */
export const documentVersions = pgTable(
  'document_versions',
  {
    documentId: integer('document_id')
      .notNull()
      .references(() => documents.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    sha256: text('sha256')
      .notNull()
      .references(() => blobs.sha256),
    filename: text('filename').notNull(),
    mediaType: text('media_type').notNull(),
    size: integer('size').notNull(),
    uploadedBy: integer('uploaded_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.documentId, t.version] }),
    index('document_versions_uploader_idx').on(t.uploadedBy, t.createdAt),
  ],
)
