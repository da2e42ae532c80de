/**
 * The database schema. Learned from the customer's data-architecture document and written for PostgreSQL
 * (and PGlite, which is PostgreSQL): where we deviate from the document, the comment says why.
 */
import { sql } from 'drizzle-orm'
import type { AnyPgColumn } from 'drizzle-orm/pg-core'
import {
  bigint,
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  interval,
  jsonb,
  numeric,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core'
import { TASK_TYPES } from '@torvan/configurator-core'
import { PHASES } from '../orders/phases.js'

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' })
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' })

/**
 * jsonb that reads back exactly what was written. Drizzle's jsonb parses a string a second time after the
 * driver has parsed the JSON, so the text answer "34567" came back as the number 34567.
 */
const jsonValue = customType<{ data: unknown; driverData: unknown }>({
  dataType: () => 'jsonb',
  toDriver: (value) => JSON.stringify(value),
  fromDriver: (value) => value,
})

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()

// ---------------------------------------------------------------------------------------------------
// Catalog. The document splits parts and assemblies into two tables; one `items` table keeps the
// catalog's opaque ids as the key everywhere (components, BOM lines, prices) and holds custom parts too.

export const categories = pgTable('categories', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  description: text('description'),
  position: integer('position').notNull(),
})

export const subcategories = pgTable(
  'subcategories',
  {
    code: text('code').primaryKey(),
    categoryCode: text('category_code')
      .notNull()
      .references(() => categories.code),
    name: text('name').notNull(),
    description: text('description'),
    position: integer('position').notNull(),
  },
  (t) => [index('subcategories_category_idx').on(t.categoryCode)],
)

export const itemKind = pgEnum('item_kind', ['part', 'assembly', 'custom'])

export const items = pgTable(
  'items',
  {
    /** the catalog's id, exactly as written: never trimmed or re-cased */
    id: text('id').primaryKey(),
    kind: itemKind('kind').notNull(),
    name: text('name').notNull(),
    /** not a foreign key: the customer's files name subcategories their index lacks (a load warning) */
    subcategoryCode: text('subcategory_code'),
    aliases: text('aliases')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    attributes: jsonb('attributes').$type<Record<string, string | number | boolean | null>>(),
    /** custom parts: the 700-series family and the specification they were made from */
    family: text('family'),
    spec: jsonb('spec').$type<Record<string, string | number>>(),
    /** true once a later catalog import no longer has it: kept for the BOMs that name it */
    retired: boolean('retired').notNull().default(false),
    search: tsvector('search')
      .notNull()
      .generatedAlwaysAs(
        sql`to_tsvector('simple', translate("id", '-_./', '    ') || ' ' || "id" || ' ' || "name")`,
      ),
    createdAt: createdAt(),
  },
  (t) => [
    index('items_search_idx').using('gin', t.search),
    index('items_subcategory_idx').on(t.subcategoryCode),
    index('items_kind_idx').on(t.kind),
  ],
)

export const components = pgTable(
  'components',
  {
    parentId: text('parent_id')
      .notNull()
      .references(() => items.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    childId: text('child_id')
      .notNull()
      .references(() => items.id),
    quantity: numeric('quantity').notNull(),
    notes: text('notes'),
  },
  (t) => [
    primaryKey({ columns: [t.parentId, t.position] }),
    index('components_child_idx').on(t.childId),
  ],
)

/** One row per catalog import: what was imported, so that importing it again changes nothing. */
export const catalogImports = pgTable('catalog_imports', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  hash: text('hash').notNull().unique(),
  source: text('source').notNull(),
  counts: jsonb('counts').$type<Record<string, number>>().notNull(),
  importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow(),
})

/**
 * Price lists: `default` holds the catalog's unit costs (prices.json), `list` the selling prices
 * (list-prices.json). Costs and selling prices never share a list.
 */
export const priceLists = pgTable('price_lists', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  name: text('name').notNull().unique(),
  currency: text('currency').notNull(),
  /** selling prices: how custom parts are priced (a base item's price plus a markup), per family */
  customParts:
    jsonb('custom_parts').$type<{ family: string; base: string; markupPercent: string }[]>(),
  createdAt: createdAt(),
})

export const prices = pgTable(
  'prices',
  {
    priceListId: integer('price_list_id')
      .notNull()
      .references(() => priceLists.id, { onDelete: 'cascade' }),
    itemId: text('item_id')
      .notNull()
      .references(() => items.id),
    unitPrice: numeric('unit_price').notNull(),
  },
  (t) => [primaryKey({ columns: [t.priceListId, t.itemId] })],
)

// ---------------------------------------------------------------------------------------------------
// Rules. The document stores rules as rows of conditions; ours are the product engineers' JSON files,
// versioned per product, exactly one active.

export const rulesets = pgTable(
  'rulesets',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    product: text('product').notNull(),
    version: integer('version').notNull(),
    hash: text('hash').notNull(),
    /** the files as read: product.json, numbers.json and the rule files */
    source: jsonb('source').notNull(),
    active: boolean('active').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('rulesets_product_version_idx').on(t.product, t.version),
    uniqueIndex('rulesets_product_hash_idx').on(t.product, t.hash),
    uniqueIndex('rulesets_one_active_idx')
      .on(t.product)
      .where(sql`${t.active}`),
  ],
)

// ---------------------------------------------------------------------------------------------------
// Users, roles and permissions. Roles and permissions are keyed by their codes (the document's
// surrogate ids add a join to every check); the role → permission matrix is data in role_permissions.

export const roles = pgTable('roles', {
  code: text('code').primaryKey(),
  name: text('name').notNull().unique(),
  description: text('description').notNull(),
})

export const permissions = pgTable('permissions', {
  code: text('code').primaryKey(),
  resource: text('resource').notNull(),
  action: text('action').notNull(),
  description: text('description').notNull(),
})

export const rolePermissions = pgTable(
  'role_permissions',
  {
    roleCode: text('role_code')
      .notNull()
      .references(() => roles.code, { onDelete: 'cascade' }),
    permissionCode: text('permission_code')
      .notNull()
      .references(() => permissions.code, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.roleCode, t.permissionCode] })],
)

export const users = pgTable(
  'users',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    username: text('username').notNull().unique(),
    displayName: text('display_name').notNull(),
    email: text('email'),
    /** scrypt, with its parameters and salt: `scrypt$N$r$p$salt$hash` */
    passwordHash: text('password_hash').notNull(),
    active: boolean('active').notNull().default(true),
    /**
     * a token carries the version it was issued under; a password reset or a deactivation increments
     * it, which revokes every earlier token exactly (a time would be ambiguous within its resolution)
     */
    tokenVersion: integer('token_version').notNull().default(0),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  // e-mail addresses are unique where set, whatever their case
  (t) => [uniqueIndex('users_email_idx').on(sql`lower(${t.email})`)],
)

export const userRoles = pgTable(
  'user_roles',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    roleCode: text('role_code')
      .notNull()
      .references(() => roles.code),
    assignedAt: timestamp('assigned_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.roleCode] })],
)

// ---------------------------------------------------------------------------------------------------
// Customers and orders (the phases are the document's §3.1 lifecycle).

export const orderPhase = pgEnum('order_phase', PHASES)
export const orderPriority = pgEnum('order_priority', ['LOW', 'NORMAL', 'HIGH', 'URGENT'])

export const customerStatus = pgEnum('customer_status', ['ACTIVE', 'INACTIVE', 'BLOCKED'])
export const orderType = pgEnum('order_type', ['STANDARD', 'CUSTOM', 'RUSH', 'PROTOTYPE'])
export const orderLanguage = pgEnum('order_language', ['EN', 'FR', 'SP'])

/** A structured postal address (the document's billing and shipping addresses). */
export interface Address {
  lines: string[]
  city: string
  region?: string | undefined
  postalCode?: string | undefined
  country: string
}

export const customers = pgTable(
  'customers',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    /** the customer's code, such as `C-00042`: generated from the id when not given */
    code: text('code').unique(),
    name: text('name').notNull(),
    contactName: text('contact_name'),
    email: text('email'),
    phone: text('phone'),
    /** free text, from before addresses were structured */
    address: text('address'),
    billingAddress: jsonb('billing_address').$type<Address>(),
    shippingAddress: jsonb('shipping_address').$type<Address>(),
    /** net days */
    paymentTermsDays: integer('payment_terms_days').notNull().default(30),
    taxExempt: boolean('tax_exempt').notNull().default(false),
    erpId: text('erp_id'),
    /** a blocked customer gets no new order */
    status: customerStatus('status').notNull().default('ACTIVE'),
    version: integer('version').notNull().default(1),
    /** code, name and contact, for the search (a trigram index) */
    searchText: text('search_text')
      .notNull()
      .generatedAlwaysAs(
        sql`lower(coalesce("code", '') || ' ' || "name" || ' ' || coalesce("contact_name", ''))`,
      ),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('customers_name_idx').on(t.name),
    index('customers_search_idx').using('gin', t.searchText.op('gin_trgm_ops')),
    check('customers_payment_terms_check', sql`${t.paymentTermsDays} between 0 and 365`),
  ],
)

export const configurations = pgTable('configurations', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  product: text('product').notNull(),
  /** SHA-256 of the canonical configuration: the same configuration is stored once */
  hash: text('hash').notNull().unique(),
  data: jsonb('data').$type<Record<string, unknown>>().notNull(),
  createdAt: createdAt(),
})

export const boms = pgTable(
  'boms',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    configurationId: integer('configuration_id')
      .notNull()
      .references(() => configurations.id),
    rulesetId: integer('ruleset_id')
      .notNull()
      .references(() => rulesets.id),
    catalogHash: text('catalog_hash').notNull(),
    contentHash: text('content_hash').notNull(),
    revision: integer('revision').notNull(),
    parentId: integer('parent_id'),
    document: jsonb('document').notNull(),
    /** set when an order's approval freezes it: what production builds never changes afterwards */
    frozenAt: timestamp('frozen_at', { withTimezone: true }),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('boms_generation_idx').on(t.configurationId, t.rulesetId, t.catalogHash),
    index('boms_content_idx').on(t.contentHash),
    // a configuration's last BOM: an index that holds without fresh statistics
    index('boms_configuration_idx').on(t.configurationId, t.id),
  ],
)

export const bomLines = pgTable(
  'bom_lines',
  {
    bomId: integer('bom_id')
      .notNull()
      .references(() => boms.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    itemId: text('item_id')
      .notNull()
      .references(() => items.id),
    number: text('number'),
    quantity: numeric('quantity').notNull(),
    rules: text('rules').array().notNull(),
  },
  (t) => [primaryKey({ columns: [t.bomId, t.position] }), index('bom_lines_item_idx').on(t.itemId)],
)

export const orders = pgTable(
  'orders',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    number: text('number').notNull().unique(),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id),
    poNumber: text('po_number'),
    type: orderType('type').notNull().default('STANDARD'),
    priority: orderPriority('priority').notNull().default('NORMAL'),
    phase: orderPhase('phase').notNull().default('DRAFT'),
    phaseSince: timestamp('phase_since', { withTimezone: true }).notNull().defaultNow(),
    /** optimistic concurrency: every write names the version it read */
    version: integer('version').notNull().default(1),
    /** set on creation (null for orders made before it existed, which the date checks then pass) */
    orderDate: date('order_date'),
    requestedDate: date('requested_date'),
    dueDate: date('due_date'),
    promisedDate: date('promised_date'),
    deliveredDate: date('delivered_date'),
    /** the user responsible for the order */
    assigneeId: integer('assignee_id').references(() => users.id),
    /** copied into each sink's configuration */
    language: orderLanguage('language').notNull().default('EN'),
    specialInstructions: text('special_instructions'),
    notes: text('notes'),
    /** shipping data, captured by the moves to SHIPPING and DELIVERED */
    carrier: text('carrier'),
    trackingNumber: text('tracking_number'),
    shipDate: date('ship_date'),
    // money: the terms are set while the order is written; the amounts are stored at approval
    currency: text('currency').notNull().default('USD'),
    discountPercent: numeric('discount_percent', { precision: 5, scale: 2 }).notNull().default('0'),
    taxRatePercent: numeric('tax_rate_percent', { precision: 6, scale: 3 }).notNull().default('0'),
    shippingAmount: numeric('shipping_amount', { precision: 14, scale: 4 }).notNull().default('0'),
    subtotal: numeric('subtotal', { precision: 14, scale: 4 }),
    discountAmount: numeric('discount_amount', { precision: 14, scale: 4 }),
    taxAmount: numeric('tax_amount', { precision: 14, scale: 4 }),
    total: numeric('total', { precision: 14, scale: 4 }),
    pricedAt: timestamp('priced_at', { withTimezone: true }),
    /** order number, PO number and customer name, for the text search (a trigram index) */
    searchText: text('search_text').notNull().default(''),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('orders_search_idx').using('gin', t.searchText.op('gin_trgm_ops')),
    // the search's candidates (orders/search.ts): number and PO number each on their own
    index('orders_number_trgm_idx').using('gin', t.number.op('gin_trgm_ops')),
    index('orders_po_number_trgm_idx').using('gin', t.poNumber.op('gin_trgm_ops')),
    index('orders_phase_idx').on(t.phase, t.createdAt),
    index('orders_customer_idx').on(t.customerId),
    index('orders_created_idx').on(t.createdAt),
    index('orders_due_idx').on(t.dueDate),
    // the order summary's sorts and its late filter (bench/summary.bench.ts measures them)
    index('orders_late_idx')
      .on(t.dueDate, t.id)
      .where(sql`${t.phase} not in ('SHIPPING', 'DELIVERED', 'CANCELLED')`),
    index('orders_phase_since_idx').on(t.phaseSince, t.id),
    index('orders_priority_idx').on(t.priority, t.id),
    index('orders_phase_priority_idx').on(t.phase, t.priority, t.id),
    index('orders_total_idx').on(t.total.desc().nullsLast(), t.id.desc().nullsFirst()),
    check(
      'orders_requested_date_check',
      sql`${t.requestedDate} is null or ${t.requestedDate} >= ${t.orderDate}`,
    ),
    check(
      'orders_due_date_check',
      sql`${t.dueDate} is null or (${t.dueDate} >= ${t.orderDate} and (${t.requestedDate} is null or ${t.dueDate} >= ${t.requestedDate}))`,
    ),
    check(
      'orders_promised_date_check',
      sql`${t.promisedDate} is null or ${t.promisedDate} >= ${t.orderDate}`,
    ),
    check(
      'orders_delivered_date_check',
      sql`${t.deliveredDate} is null or ${t.deliveredDate} >= ${t.orderDate}`,
    ),
    check(
      'orders_money_check',
      sql`${t.discountPercent} between 0 and 100 and ${t.taxRatePercent} between 0 and 100 and ${t.shippingAmount} >= 0`,
    ),
  ],
)

export const orderItems = pgTable(
  'order_items',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    orderId: integer('order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    buildNumber: text('build_number').notNull(),
    configurationId: integer('configuration_id').references(() => configurations.id),
    bomId: integer('bom_id').references(() => boms.id),
    /** the sink's selling price, stored when the order is approved */
    unitPrice: numeric('unit_price', { precision: 14, scale: 4 }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('order_items_build_idx').on(t.orderId, t.buildNumber)],
)

export const orderPhaseHistory = pgTable(
  'order_phase_history',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    orderId: integer('order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    fromPhase: orderPhase('from_phase'),
    toPhase: orderPhase('to_phase').notNull(),
    userId: integer('user_id').references(() => users.id),
    reason: text('reason'),
    hoursInPhase: numeric('hours_in_phase'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('order_phase_history_order_idx').on(t.orderId, t.at)],
)

// ---------------------------------------------------------------------------------------------------
// Quality control and production. Templates are versioned JSON documents (the document's items as
// rows cannot express per-basin repetition or applicability); an inspection keeps its template version.

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
    definition: jsonb('definition').notNull(),
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
    definition: jsonb('definition').notNull(),
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
    definition: jsonb('definition').notNull(),
    value: jsonValue('value'),
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

// ---------------------------------------------------------------------------------------------------
// Audit, idempotency and settings. The document audits with triggers; triggers cannot see who asked
// or the request id, so the service writes each audit row in the same transaction as its change.

export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    userId: integer('user_id').references(() => users.id),
    /** the username as typed, for failed logins of unknown users */
    actor: text('actor'),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id'),
    before: jsonb('before'),
    after: jsonb('after'),
    requestId: text('request_id'),
    /** the client's address and user agent, from the request that made the change */
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [
    index('audit_log_entity_idx').on(t.entity, t.entityId),
    index('audit_log_at_idx').on(t.at),
    index('audit_log_user_idx').on(t.userId, t.id),
  ],
)

export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    method: text('method').notNull(),
    path: text('path').notNull(),
    requestHash: text('request_hash').notNull(),
    status: integer('status').notNull(),
    response: jsonb('response').notNull(),
    createdAt: createdAt(),
    /** a key answers replays until then, and is pruned after */
    expiresAt: timestamp('expires_at', { withTimezone: true })
      .notNull()
      .default(sql`now() + interval '1 day'`),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.key] }),
    index('idempotency_keys_expires_idx').on(t.expiresAt),
  ],
)

/**
 * Failed and in-flight sign-ins per account name (whether or not such a user exists, so that a lock
 * does not tell an account exists) and per client address. Counted with one atomic upsert before the
 * password is checked, so parallel guesses cannot all pass.
 */
export const signInAttempts = pgTable(
  'sign_in_attempts',
  {
    scope: text('scope', { enum: ['account', 'address'] }).notNull(),
    key: text('key').notNull(),
    attempts: integer('attempts').notNull(),
    windowStartedAt: timestamp('window_started_at', { withTimezone: true }).notNull(),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.scope, t.key] })],
)

/** Service settings kept across restarts, such as the token-signing secret. */
export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
})

// ---------------------------------------------------------------------------------------------------
// Retention (the document's §9.4): how long each kind of record is kept is data; `torvan db prune`
// copies what is past its time into archived_rows and deletes it, in batches.

export const retentionRules = pgTable('retention_rules', {
  /** what the rule keeps: `orders`, `audit`, `qc`, `documents`, `idempotency_keys` */
  subject: text('subject').primaryKey(),
  keepFor: interval('keep_for').notNull(),
  /** false: expired rows are deleted without a copy (idempotency keys) */
  archive: boolean('archive').notNull().default(true),
  description: text('description').notNull(),
})

/** Rows removed by retention, as JSON: what they were, and when they were archived. */
export const archivedRows = pgTable(
  'archived_rows',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    subject: text('subject').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    data: jsonb('data').notNull(),
    archivedAt: timestamp('archived_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('archived_rows_entity_idx').on(t.entity, t.entityId)],
)

// ---------------------------------------------------------------------------------------------------
// Integration. Events are a transactional outbox: each is written in the transaction of its change,
// and `seq` is taken under a lock held to commit, so sequence order is commit order (see
// events/emit.ts). No foreign key to orders: an event outlives what it tells of.

export const events = pgTable(
  'events',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    /** `evt_…`: the event's id, and the `webhook-id` of every delivery of it */
    id: text('id').notNull().unique(),
    type: text('type').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    userId: integer('user_id').references(() => users.id),
    orderId: integer('order_id'),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    requestId: text('request_id'),
  },
  (t) => [
    index('events_order_idx').on(t.orderId, t.seq),
    index('events_type_idx').on(t.type, t.seq),
  ],
)

/** Where the webhook relay has got to in the event sequence (one row, locked by the relaying instance). */
export const outboxCursors = pgTable('outbox_cursors', {
  name: text('name').primaryKey(),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  /** the relaying transaction's start: each relay starts later than the last, so jobs keep order */
  relayedAt: timestamp('relayed_at', { withTimezone: true }).notNull().defaultNow(),
})

export const webhookStatus = pgEnum('webhook_status', ['ACTIVE', 'PAUSED', 'DISABLED'])

/** A webhook subscription: a receiver's URL, the event types it wants and the secret it verifies with. */
export const webhooks = pgTable('webhooks', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  url: text('url').notNull(),
  /** event types, or `*` for every type */
  eventTypes: text('event_types').array().notNull(),
  /** `whsec_…`: kept to sign with (HMAC needs it), shown once when made */
  secret: text('secret').notNull(),
  status: webhookStatus('status').notNull().default('ACTIVE'),
  description: text('description'),
  /** deliveries in a row that failed every attempt; DISABLED at the limit */
  failures: integer('failures').notNull().default(0),
  createdBy: integer('created_by').references(() => users.id),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
})

export const deliveryStatus = pgEnum('delivery_status', [
  'PENDING',
  'SUCCEEDED',
  'FAILED',
  'CANCELLED',
])

/** One event for one subscription: delivered at least once, retried with backoff, or failed. */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    webhookId: integer('webhook_id')
      .notNull()
      .references(() => webhooks.id, { onDelete: 'cascade' }),
    eventSeq: bigint('event_seq', { mode: 'number' })
      .notNull()
      .references(() => events.seq),
    status: deliveryStatus('status').notNull().default('PENDING'),
    attempts: integer('attempts').notNull().default(0),
    createdAt: createdAt(),
    completedAt: timestamp('completed_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('webhook_deliveries_event_idx').on(t.webhookId, t.eventSeq),
    index('webhook_deliveries_status_idx').on(t.webhookId, t.status, t.id),
  ],
)

/** Every delivery attempt (the document's sync log): where, what came back, how long it took. */
export const webhookAttempts = pgTable(
  'webhook_attempts',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    deliveryId: integer('delivery_id')
      .notNull()
      .references(() => webhookDeliveries.id, { onDelete: 'cascade' }),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    url: text('url').notNull(),
    /** the HTTP status, null when there was no answer */
    status: integer('status'),
    durationMs: integer('duration_ms').notNull(),
    /** the first 1,000 characters of the answer */
    response: text('response'),
    error: text('error'),
    /** which API instance tried */
    instance: text('instance').notNull(),
  },
  (t) => [index('webhook_attempts_delivery_idx').on(t.deliveryId, t.id)],
)

export const externalSystemKind = pgEnum('external_system_kind', [
  'ERP',
  'SHIPPING',
  'DOCUMENT_MANAGEMENT',
  'CRM',
  'FINANCIAL',
])

/** A system the service talks to (the document's §7.2.1): it receives events through its webhook. */
export const externalSystems = pgTable('external_systems', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  name: text('name').notNull().unique(),
  kind: externalSystemKind('kind').notNull(),
  baseUrl: text('base_url').notNull(),
  webhookId: integer('webhook_id')
    .notNull()
    .references(() => webhooks.id),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
})
