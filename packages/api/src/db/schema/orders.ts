// Customers and orders (the phases are the document's §3.1 lifecycle).
import { sql } from 'drizzle-orm'
import {
  boolean,
  check,
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
import type { BomDocument } from '@torvan/configurator-core'
import { PHASES } from '../../orders/phases.js'
import { createdAt, updatedAt } from './columns.js'
import { users } from './users.js'
import { items } from './catalog.js'
import { rulesets } from './rules.js'

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
    index('customers_search_idx')
      .using('gin', t.searchText.op('gin_trgm_ops'))
      .with({ fastupdate: false }),
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
    document: jsonb('document').$type<BomDocument>().notNull(),
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
    index('orders_search_idx')
      .using('gin', t.searchText.op('gin_trgm_ops'))
      .with({ fastupdate: false }),
    // the search's candidates (orders/search.ts): number and PO number each on their own
    index('orders_number_trgm_idx')
      .using('gin', t.number.op('gin_trgm_ops'))
      .with({ fastupdate: false }),
    index('orders_po_number_trgm_idx')
      .using('gin', t.poNumber.op('gin_trgm_ops'))
      .with({ fastupdate: false }),
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
