// Quality control and production. Templates are versioned JSON documents (the document's items as
// rows cannot express per-basin repetition or applicability); an inspection keeps its template version.
// The nonconformances are below: inspections and NCRs reference each other, so they share this file.
import { sql } from 'drizzle-orm'
import type { AnyPgColumn } from 'drizzle-orm/pg-core'
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core'
import type {
  InspectionItem,
  QcTemplate,
  QcValue,
  TaskTemplateFile,
} from '@torvan/configurator-core'
import { TASK_TYPES } from '@torvan/configurator-core'
import { jsonValue, createdAt, updatedAt } from './columns.js'
import { users } from './users.js'
import { orderItems } from './orders.js'

export const qcTemplates = pgTable(
  'qc_templates',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    /** the template's id, e.g. `t2-final-qc` */
    code: text('code').notNull(),
    /** the form version, e.g. `V01` */
    version: text('version').notNull(),
    formCode: text('form_code').notNull(),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    definition: jsonb('definition').$type<QcTemplate>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('qc_templates_code_version_idx').on(t.code, t.version)],
)

/** The production steps of a product, as the task-template file (fixtures/production) defines them. */
export const taskTemplates = pgTable(
  'task_templates',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    product: text('product').notNull(),
    version: text('version').notNull(),
    definition: jsonb('definition').$type<TaskTemplateFile>().notNull(),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('task_templates_product_version_idx').on(t.product, t.version),
    uniqueIndex('task_templates_one_active_idx')
      .on(t.product)
      .where(sql`${t.active}`),
  ],
)

export const inspectionStatus = pgEnum('inspection_status', ['IN_PROGRESS', 'SUBMITTED'])
export const inspectionResult = pgEnum('inspection_result', ['PASS', 'FAIL', 'CONDITIONAL_PASS'])
export const inspectionApproval = pgEnum('inspection_approval', ['PENDING', 'APPROVED', 'REJECTED'])

export const inspections = pgTable(
  'inspections',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    orderItemId: integer('order_item_id')
      .notNull()
      .references(() => orderItems.id, { onDelete: 'cascade' }),
    templateId: integer('template_id')
      .notNull()
      .references(() => qcTemplates.id),
    status: inspectionStatus('status').notNull().default('IN_PROGRESS'),
    result: inspectionResult('result'),
    inspectorId: integer('inspector_id').references(() => users.id),
    signature: text('signature'),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    /** the production task this inspection fills in (Pre-QC) */
    taskId: integer('task_id').references((): AnyPgColumn => productionTasks.id, {
      onDelete: 'set null',
    }),
    /** a re-inspection after rework: the NCR it verifies */
    verifiesNcrId: integer('verifies_ncr_id').references((): AnyPgColumn => ncrs.id, {
      onDelete: 'set null',
    }),
    /** scored at submission: passed / (passed + failed) in percent, and the counts */
    passPercentage: numeric('pass_percentage', { precision: 5, scale: 2 }),
    score: jsonb('score').$type<Record<string, number>>(),
    /** second-person approval, when the template asks for it: PENDING until approved or rejected */
    approval: inspectionApproval('approval'),
    approverId: integer('approver_id').references(() => users.id),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    approvalNote: text('approval_note'),
  },
  (t) => [
    index('inspections_item_idx').on(t.orderItemId),
    index('inspections_task_idx').on(t.taskId),
    index('inspections_ncr_idx').on(t.verifiesNcrId),
  ],
)

export const inspectionItems = pgTable(
  'inspection_items',
  {
    inspectionId: integer('inspection_id')
      .notNull()
      .references(() => inspections.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    position: integer('position').notNull(),
    definition: jsonb('definition').$type<InspectionItem>().notNull(),
    value: jsonValue('value').$type<QcValue>(),
    notApplicable: boolean('not_applicable').notNull().default(false),
    passed: boolean('passed'),
    notes: text('notes'),
    recordedBy: integer('recorded_by').references(() => users.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.inspectionId, t.key] })],
)

export const taskStatus = pgEnum('task_status', [
  'PENDING',
  'IN_PROGRESS',
  'COMPLETED',
  'ON_HOLD',
  'CANCELLED',
])

export const taskType = pgEnum('task_type', TASK_TYPES)

export const productionTasks = pgTable(
  'production_tasks',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    orderItemId: integer('order_item_id')
      .notNull()
      .references(() => orderItems.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    name: text('name').notNull(),
    dependsOn: text('depends_on').array().notNull(),
    status: taskStatus('status').notNull().default('PENDING'),
    assigneeId: integer('assignee_id').references(() => users.id),
    estimatedHours: numeric('estimated_hours'),
    actualHours: numeric('actual_hours'),
    progress: integer('progress').notNull().default(0),
    version: integer('version').notNull().default(1),
    startedAt: timestamp('started_at', { withTimezone: true }),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    /** what the task template says (null on tasks made before it was kept) */
    type: taskType('type'),
    sequence: integer('sequence'),
    description: text('description'),
    workInstructions: text('work_instructions'),
    requiredTools: text('required_tools')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    safetyNotes: text('safety_notes'),
    /** the QC form the task fills in (its form code) and which part of it */
    qcTemplate: text('qc_template'),
    qcKind: text('qc_kind'),
    /** the sink's document types the task shows, e.g. DRAWING */
    documentTypes: text('document_types')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    assignedBy: integer('assigned_by').references(() => users.id),
    assignedAt: timestamp('assigned_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('production_tasks_key_idx').on(t.orderItemId, t.key),
    index('production_tasks_assignee_idx').on(t.assigneeId, t.status),
  ],
)

export const taskNoteKind = pgEnum('task_note_kind', ['NOTE', 'PROBLEM'])

/** What the shop floor writes on a task: work notes, and problems met (a problem can raise an NCR). */
export const taskNotes = pgTable(
  'task_notes',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    taskId: integer('task_id')
      .notNull()
      .references(() => productionTasks.id, { onDelete: 'cascade' }),
    kind: taskNoteKind('kind').notNull(),
    text: text('text').notNull(),
    ncrId: integer('ncr_id').references((): AnyPgColumn => ncrs.id, { onDelete: 'set null' }),
    userId: integer('user_id').references(() => users.id),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('task_notes_task_idx').on(t.taskId, t.at)],
)

// ---------------------------------------------------------------------------------------------------
// Nonconformances. The document's §6.1 "issue tracking and resolution": one NCR per problem found, its
// disposition and corrective action, and a status workflow (src/ncrs/workflow.ts) with its history.

export const ncrSeverity = pgEnum('ncr_severity', ['CRITICAL', 'MAJOR', 'MINOR'])
export const ncrStatus = pgEnum('ncr_status', [
  'OPEN',
  'IN_PROGRESS',
  'RESOLVED',
  'VERIFIED',
  'REJECTED',
])
export const ncrDisposition = pgEnum('ncr_disposition', [
  'REWORK',
  'USE_AS_IS',
  'SCRAP',
  'RETURN_TO_SUPPLIER',
])

export const ncrs = pgTable(
  'ncrs',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    orderItemId: integer('order_item_id')
      .notNull()
      .references(() => orderItems.id, { onDelete: 'cascade' }),
    /** raised from an inspection's failed rows, or from a task's problem, or by hand (neither) */
    inspectionId: integer('inspection_id').references((): AnyPgColumn => inspections.id, {
      onDelete: 'set null',
    }),
    taskId: integer('task_id').references(() => productionTasks.id, { onDelete: 'set null' }),
    rows: text('rows')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    photoIds: integer('photo_ids')
      .array()
      .notNull()
      .default(sql`'{}'::integer[]`),
    severity: ncrSeverity('severity').notNull(),
    description: text('description').notNull(),
    status: ncrStatus('status').notNull().default('OPEN'),
    statusSince: timestamp('status_since', { withTimezone: true }).notNull().defaultNow(),
    ownerId: integer('owner_id').references(() => users.id),
    disposition: ncrDisposition('disposition'),
    correctiveAction: text('corrective_action'),
    dueDate: date('due_date'),
    /** the inspection whose pass verified it */
    verifiedByInspectionId: integer('verified_by_inspection_id').references(
      (): AnyPgColumn => inspections.id,
      { onDelete: 'set null' },
    ),
    version: integer('version').notNull().default(1),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('ncrs_item_idx').on(t.orderItemId, t.status),
    index('ncrs_status_idx').on(t.status, t.createdAt),
    index('ncrs_owner_idx').on(t.ownerId),
  ],
)

export const ncrHistory = pgTable(
  'ncr_history',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    ncrId: integer('ncr_id')
      .notNull()
      .references(() => ncrs.id, { onDelete: 'cascade' }),
    fromStatus: ncrStatus('from_status'),
    toStatus: ncrStatus('to_status').notNull(),
    userId: integer('user_id').references(() => users.id),
    note: text('note'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('ncr_history_ncr_idx').on(t.ncrId, t.at)],
)
