/**
 * Retention rules as data (seed-data-architecture §9.4.1): how long each kind of record is kept, and
 * whether it is copied into the archive before it is deleted. Pure: no I/O, no clock.
 */

/** What a rule keeps. */
export type RetentionSubject = 'orders' | 'audit' | 'qc' | 'documents' | 'idempotency_keys'

/** How long something is kept: whole years or whole hours. */
export type RetentionPeriod = { years: number } | { hours: number }

/** One rule: what, how long, whether expired rows are archived, and why in a sentence. */
export interface RetentionRule {
  subject: RetentionSubject
  keepFor: RetentionPeriod
  archive: boolean
  description: string
}

/**
 * The rules, in the order `torvan db prune` applies them: documents and QC records before orders, so
 * that deleting an order never takes an unarchived document or inspection with it.
 */
export const RETENTION_RULES: readonly RetentionRule[] = [
  {
    subject: 'idempotency_keys',
    keepFor: { hours: 24 },
    archive: false,
    description: 'Idempotency keys answer replays for 24 hours; expired ones are deleted.',
  },
  {
    subject: 'audit',
    keepFor: { years: 3 },
    archive: true,
    description: 'Audit rows are kept 3 years, except those of an order that is still open.',
  },
  {
    subject: 'documents',
    keepFor: { years: 10 },
    archive: true,
    description:
      'Documents (their record and versions) are kept 10 years, except those of an order that is still open.',
  },
  {
    subject: 'qc',
    keepFor: { years: 5 },
    archive: true,
    description:
      'QC inspections are kept 5 years after they were made, except those of an open order or with a document still kept.',
  },
  {
    subject: 'orders',
    keepFor: { years: 7 },
    archive: true,
    description:
      'Delivered and cancelled orders are kept 7 years after their last change, with their items, history, tasks and NCRs, and while any of their documents or inspections is kept; open orders are never removed.',
  },
]

/**
 * The moment before which a rule's records are expired: `now` minus the rule's period, in UTC.
 *
 * @example retentionCutoff({ keepFor: { years: 7 } }, new Date('2033-05-01T00:00:00Z')) // 2026-05-01
 */
export function retentionCutoff(rule: Pick<RetentionRule, 'keepFor'>, now: Date): Date {
  const cutoff = new Date(now.getTime())
  if ('years' in rule.keepFor) cutoff.setUTCFullYear(cutoff.getUTCFullYear() - rule.keepFor.years)
  else cutoff.setTime(cutoff.getTime() - rule.keepFor.hours * 3_600_000)
  return cutoff
}

/** A period as PostgreSQL's interval text, for the retention_rules table: `7 years`, `24 hours`. */
export function periodText(period: RetentionPeriod): string {
  return 'years' in period ? `${period.years} years` : `${period.hours} hours`
}
