// Retention (the document's §9.4): how long each kind of record is kept is data; `torvan db prune`
// copies what is past its time into archived_rows and deletes it, in batches.
import {
  bigint,
  boolean,
  index,
  interval,
  jsonb,
  pgTable,
  text,
  timestamp,
} from 'drizzle-orm/pg-core'

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
