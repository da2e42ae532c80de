import { sql } from 'drizzle-orm'
import { rowsOf } from '../db/migrations.js'
import type { Database } from '../db/open.js'

/** One statement of pg_stat_statements, slowest (by total time) first. */
interface SlowStatement {
  query: string
  calls: number
  totalMs: number
  meanMs: number
  rows: number
  hitPercent: number | null
}

/** One table with its size, its indexes' and its estimated rows. */
interface TableSize {
  table: string
  totalBytes: number
  tableBytes: number
  indexBytes: number
  rows: number
}

/** What `torvan db report` prints: the slowest statements (or why there are none) and the sizes. */
export interface DatabaseReport {
  statements: SlowStatement[] | { unavailable: string }
  tables: TableSize[]
}

const HOW_TO_ENABLE =
  "pg_stat_statements is not enabled on this server: add shared_preload_libraries = 'pg_stat_statements' to postgresql.conf, restart PostgreSQL, then run CREATE EXTENSION pg_stat_statements; in this database (as a superuser)"

/**
 * The seed's monitoring views (v_slow_queries, v_table_sizes) as one report: the statements that took
 * longest in total, from pg_stat_statements where it is installed, and every table's size.
 *
 * @example const report = await databaseReport(db, { kind: 'postgres', limit: 10 })
 */
export async function databaseReport(
  db: Database,
  options: { kind: 'postgres' | 'pglite'; limit: number },
): Promise<DatabaseReport> {
  let statements: DatabaseReport['statements']
  if (options.kind === 'pglite') {
    statements = {
      unavailable:
        'the embedded PGlite database has no pg_stat_statements; the per-statement durations are in GET /metrics (torvan_db_query_duration_seconds)',
    }
  } else {
    const [installed] = await rowsOf<{ installed: boolean }>(
      db,
      sql`select exists (select 1 from pg_extension where extname = 'pg_stat_statements') as installed`,
    )
    if (installed?.installed !== true) {
      statements = { unavailable: HOW_TO_ENABLE }
    } else {
      try {
        statements = await rowsOf<SlowStatement>(
          db,
          sql`select query, calls::float8 as "calls", total_exec_time as "totalMs", mean_exec_time as "meanMs",
                rows::float8 as "rows",
                100.0 * shared_blks_hit / nullif(shared_blks_hit + shared_blks_read, 0) as "hitPercent"
              from pg_stat_statements where dbid = (select oid from pg_database where datname = current_database())
              order by total_exec_time desc limit ${options.limit}`,
        )
      } catch (error) {
        // installed in this database, but not preloaded by the server
        statements = { unavailable: `${HOW_TO_ENABLE} (${(error as Error).message})` }
      }
    }
  }
  const tables = await rowsOf<TableSize>(
    db,
    sql`select n.nspname || '.' || c.relname as "table",
          pg_total_relation_size(c.oid)::float8 as "totalBytes",
          pg_relation_size(c.oid)::float8 as "tableBytes",
          pg_indexes_size(c.oid)::float8 as "indexBytes",
          greatest(c.reltuples, 0)::float8 as "rows"
        from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where c.relkind in ('r', 'p') and n.nspname in ('public', 'pgboss', 'drizzle')
        order by pg_total_relation_size(c.oid) desc, 1 limit ${options.limit * 5}`,
  )
  return { statements, tables }
}

function bytes(value: number): string {
  if (value < 1024) return `${value} B`
  const units = ['kB', 'MB', 'GB', 'TB']
  let amount = value / 1024
  let unit = 0
  while (amount >= 1024 && unit < units.length - 1) {
    amount /= 1024
    unit++
  }
  return `${amount.toFixed(amount < 10 ? 1 : 0)} ${units[unit] ?? ''}`
}

/** The report as the command line prints it. */
export function formatDatabaseReport(report: DatabaseReport): string {
  const lines: string[] = ['Slowest statements (total time):']
  if ('unavailable' in report.statements) {
    lines.push(`  ${report.statements.unavailable}`)
  } else if (report.statements.length === 0) {
    lines.push('  none recorded yet')
  } else {
    for (const s of report.statements) {
      const query = s.query.replace(/\s+/g, ' ').slice(0, 100)
      lines.push(
        `  ${s.totalMs.toFixed(1).padStart(10)} ms total  ${s.meanMs.toFixed(2).padStart(8)} ms mean  ${String(s.calls).padStart(7)} calls  ${query}`,
      )
    }
  }
  lines.push('', 'Tables (largest first):')
  const width = Math.max(5, ...report.tables.map((t) => t.table.length))
  lines.push(
    `  ${'table'.padEnd(width)}  ${'total'.padStart(9)}  ${'table'.padStart(9)}  ${'indexes'.padStart(9)}  ${'rows (est.)'.padStart(11)}`,
  )
  for (const t of report.tables) {
    lines.push(
      `  ${t.table.padEnd(width)}  ${bytes(t.totalBytes).padStart(9)}  ${bytes(t.tableBytes).padStart(9)}  ${bytes(t.indexBytes).padStart(9)}  ${String(Math.round(t.rows)).padStart(11)}`,
    )
  }
  return `${lines.join('\n')}\n`
}
