import type { SQL } from 'drizzle-orm'
import { sql } from 'drizzle-orm'
import { writeAudit } from '../audit.js'
import type { Executor } from '../db/open.js'
import { retentionRules } from '../db/schema/index.js'
import { pruneIdempotencyKeys } from '../http/idempotency.js'
import type { RetentionRule, RetentionSubject } from './rules.js'
import { periodText, RETENTION_RULES, retentionCutoff } from './rules.js'

/** rows archived and deleted per statement: each batch is its own short transaction */
const PRUNE_BATCH = 500

/** What one rule did (or, in a dry run, would do). */
interface PruneCount {
  subject: RetentionSubject
  keepFor: string
  /** records changed before this moment are expired */
  cutoff: string
  archived: boolean
  /** records removed (dry run: that would be) */
  count: number
}

/** What `torvan db prune` did. */
export interface PruneReport {
  dryRun: boolean
  at: string
  counts: PruneCount[]
}

/** the cutoffs of every rule, as SQL timestamptz parameters */
type Cutoffs = Record<RetentionSubject, SQL>

const CLOSED = sql.raw(`('DELIVERED', 'CANCELLED')`)

/** the order a document belongs to, through its order, sink, task or inspection */
const DOCUMENT_ORDER = sql.raw(`coalesce(x.order_id,
  (select oi.order_id from order_items oi where oi.id = x.order_item_id),
  (select oi.order_id from production_tasks pt join order_items oi on oi.id = pt.order_item_id where pt.id = x.task_id),
  (select oi.order_id from inspections qi join order_items oi on oi.id = qi.order_item_id where qi.id = x.inspection_id))`)

/** a document that is still kept: younger than its rule, or catalog master data */
function keptDocument(cutoffs: Cutoffs): SQL {
  return sql`(d.updated_at >= ${cutoffs.documents} or d.catalog_item_id is not null)`
}

/** One table a rule prunes: which rows are expired, and what the archive keeps of each. */
interface Target {
  table: string
  /** the row's key, as text for the archive */
  entity: string
  expired: (cutoffs: Cutoffs) => SQL
  /** the archived JSON of row `x` (with what its deletion cascades to) */
  data: SQL
}

const TARGETS: Record<Exclude<RetentionSubject, 'idempotency_keys'>, Target> = {
  audit: {
    table: 'audit_log',
    entity: 'audit_log',
    expired: (cutoffs) => sql`x.at < ${cutoffs.audit} and not (x.entity in ('order', 'order_item')
      and exists (select 1 from orders o where o.phase not in ${CLOSED}
        and o.id::text = coalesce(x.after ->> 'orderId', x.before ->> 'orderId', case when x.entity = 'order' then x.entity_id end)))`,
    data: sql`to_jsonb(x)`,
  },
  documents: {
    table: 'documents',
    entity: 'document',
    expired: (cutoffs) => sql`x.updated_at < ${cutoffs.documents} and x.catalog_item_id is null
      and not exists (select 1 from orders o where o.id = ${DOCUMENT_ORDER} and o.phase not in ${CLOSED})`,
    data: sql`to_jsonb(x) || jsonb_build_object('versions',
      (select coalesce(jsonb_agg(to_jsonb(v) order by v.version), '[]') from document_versions v where v.document_id = x.id))`,
  },
  qc: {
    table: 'inspections',
    entity: 'inspection',
    expired: (cutoffs) => sql`coalesce(x.submitted_at, x.started_at) < ${cutoffs.qc}
      and exists (select 1 from order_items oi join orders o on o.id = oi.order_id
        where oi.id = x.order_item_id and o.phase in ${CLOSED})
      and not exists (select 1 from documents d where d.inspection_id = x.id and ${keptDocument(cutoffs)})`,
    data: sql`to_jsonb(x) || jsonb_build_object('items',
      (select coalesce(jsonb_agg(to_jsonb(r) order by r.key), '[]') from inspection_items r where r.inspection_id = x.id))`,
  },
  orders: {
    table: 'orders',
    entity: 'order',
    expired: (cutoffs) => sql`x.phase in ${CLOSED} and x.updated_at < ${cutoffs.orders}
      and not exists (select 1 from order_items oi join inspections qi on qi.order_item_id = oi.id
        where oi.order_id = x.id and coalesce(qi.submitted_at, qi.started_at) >= ${cutoffs.qc})
      and not exists (select 1 from documents d where ${keptDocument(cutoffs)} and (d.order_id = x.id
        or d.order_item_id in (select id from order_items where order_id = x.id)
        or d.task_id in (select pt.id from production_tasks pt join order_items oi on oi.id = pt.order_item_id where oi.order_id = x.id)
        or d.inspection_id in (select qi.id from inspections qi join order_items oi on oi.id = qi.order_item_id where oi.order_id = x.id)))`,
    data: sql`to_jsonb(x) || jsonb_build_object(
      'items', (select coalesce(jsonb_agg(to_jsonb(i) order by i.id), '[]') from order_items i where i.order_id = x.id),
      'history', (select coalesce(jsonb_agg(to_jsonb(h) order by h.id), '[]') from order_phase_history h where h.order_id = x.id),
      'tasks', (select coalesce(jsonb_agg(to_jsonb(t) || jsonb_build_object('notes',
          (select coalesce(jsonb_agg(to_jsonb(n) order by n.id), '[]') from task_notes n where n.task_id = t.id)) order by t.id), '[]')
        from production_tasks t join order_items i on i.id = t.order_item_id where i.order_id = x.id),
      'ncrs', (select coalesce(jsonb_agg(to_jsonb(r) order by r.id), '[]') from ncrs r join order_items i on i.id = r.order_item_id where i.order_id = x.id))`,
  },
}

function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[]
}

async function countExpired(db: Executor, target: Target, cutoffs: Cutoffs): Promise<number> {
  const result = await db.execute(
    sql`select count(*)::int as n from ${sql.raw(target.table)} x where ${target.expired(cutoffs)}`,
  )
  return rowsOf<{ n: number }>(result)[0]?.n ?? 0
}

/** archives and deletes one batch in one statement; rows another transaction holds are skipped */
async function pruneBatch(
  db: Executor,
  input: { subject: RetentionSubject; target: Target; cutoffs: Cutoffs; now: Date },
): Promise<number> {
  const { subject, target, cutoffs } = input
  const table = sql.raw(target.table)
  const result = await db.execute(sql`
    with victims as (
      select x.id from ${table} x where ${target.expired(cutoffs)}
      order by x.id limit ${PRUNE_BATCH} for update skip locked
    ), archived as (
      insert into archived_rows (subject, entity, entity_id, data, archived_at)
      select ${subject}, ${target.entity}, x.id::text, ${target.data}, ${input.now.toISOString()}::timestamptz
      from ${table} x where x.id in (select id from victims)
      returning 1
    )
    delete from ${table} x where x.id in (select id from victims) returning x.id`)
  return rowsOf(result).length
}

async function applyRule(
  db: Executor,
  input: { rule: RetentionRule; cutoffs: Cutoffs; now: Date; dryRun: boolean },
): Promise<number> {
  const { rule, cutoffs, now, dryRun } = input
  if (rule.subject === 'idempotency_keys') {
    if (!dryRun) return pruneIdempotencyKeys(db, now)
    const result = await db.execute(
      sql`select count(*)::int as n from idempotency_keys where expires_at <= ${now.toISOString()}::timestamptz`,
    )
    return rowsOf<{ n: number }>(result)[0]?.n ?? 0
  }
  const target = TARGETS[rule.subject]
  if (dryRun) return countExpired(db, target, cutoffs)
  let total = 0
  for (;;) {
    const deleted = await pruneBatch(db, { subject: rule.subject, target, cutoffs, now })
    total += deleted
    if (deleted < PRUNE_BATCH) return total
  }
}

/**
 * Applies the retention rules: archives each expired record (with what its deletion cascades to) into
 * archived_rows and deletes it, in batches of 500, each its own statement, skipping rows in use. Open
 * orders and whatever they or a kept record need are never removed; BOMs, configurations and catalog
 * items are not touched. A dry run counts and changes nothing.
 *
 * @example const report = await pruneExpired(db, { now: new Date(), dryRun: true })
 */
export async function pruneExpired(
  db: Executor,
  input: { now: Date; dryRun: boolean; rules?: readonly RetentionRule[] },
): Promise<PruneReport> {
  const rules = input.rules ?? RETENTION_RULES
  const cutoffDates = Object.fromEntries(
    RETENTION_RULES.map((rule) => [rule.subject, retentionCutoff(rule, input.now)]),
  ) as Record<RetentionSubject, Date>
  for (const rule of rules) cutoffDates[rule.subject] = retentionCutoff(rule, input.now)
  const cutoffs = Object.fromEntries(
    Object.entries(cutoffDates).map(([subject, date]) => [
      subject,
      sql`${date.toISOString()}::timestamptz`,
    ]),
  ) as Cutoffs
  const counts: PruneCount[] = []
  for (const rule of rules) {
    const count = await applyRule(db, { rule, cutoffs, now: input.now, dryRun: input.dryRun })
    counts.push({
      subject: rule.subject,
      keepFor: periodText(rule.keepFor),
      cutoff: cutoffDates[rule.subject].toISOString(),
      archived: rule.archive,
      count,
    })
  }
  if (!input.dryRun) {
    await db.transaction(async (tx) => {
      for (const rule of rules) {
        const values = {
          subject: rule.subject,
          keepFor: periodText(rule.keepFor),
          archive: rule.archive,
          description: rule.description,
        }
        await tx
          .insert(retentionRules)
          .values(values)
          .onConflictDoUpdate({ target: retentionRules.subject, set: values })
      }
      await writeAudit(tx, {
        action: 'retention.prune',
        entity: 'retention',
        entityId: input.now.toISOString(),
        actor: 'torvan db prune',
        after: { counts },
      })
    })
  }
  return { dryRun: input.dryRun, at: input.now.toISOString(), counts }
}
