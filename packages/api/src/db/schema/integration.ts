// Integration. Events are a transactional outbox: each is written in the transaction of its change,
// and `seq` is taken under a lock held to commit, so sequence order is commit order (see
// events/emit.ts). No foreign key to orders: an event outlives what it tells of.
import {
  bigint,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core'
import { createdAt, updatedAt } from './columns.js'
import { users } from './users.js'

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
