import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { SQL } from 'drizzle-orm'
import { sql } from 'drizzle-orm'
import type { MigrationMeta } from 'drizzle-orm/migrator'
import { readMigrationFiles } from 'drizzle-orm/migrator'
import type { Executor } from './open.js'

/** the committed SQL migrations: `drizzle/` beside `src/` (from source) or beside `dist/` (built) */
export function migrationsFolder(): string {
  for (const relative of ['../../drizzle', '../drizzle']) {
    const folder = fileURLToPath(new URL(relative, import.meta.url))
    if (existsSync(`${folder}/meta/_journal.json`)) return folder
  }
  throw new Error('the migrations folder (packages/api/drizzle) is missing from this installation')
}

let committed: MigrationMeta[] | undefined

/** This version's migrations, read once. */
function committedMigrations(): MigrationMeta[] {
  committed ??= readMigrationFiles({ migrationsFolder: migrationsFolder() })
  return committed
}

/** Where the database stands against this version's migrations. */
export interface MigrationStatus {
  applied: number
  committed: number
  /** the migrations this version has and the database has not had yet */
  pending: number
}

/**
 * How many of this version's migrations the database still lacks, read as drizzle's migrator decides
 * it (by the time of the last one applied). Reads only: the serving role may call it.
 *
 * @example const { pending } = await migrationStatus(db)
 */
export async function migrationStatus(db: Executor): Promise<MigrationStatus> {
  const migrations = committedMigrations()
  const [table] = await rowsOf<{ exists: boolean }>(
    db,
    sql`select to_regclass('drizzle.__drizzle_migrations') is not null as "exists"`,
  )
  if (table?.exists !== true) {
    return { applied: 0, committed: migrations.length, pending: migrations.length }
  }
  const [row] = await rowsOf<{ applied: number; last: string | null }>(
    db,
    sql`select count(*)::int as applied, max(created_at)::text as last from drizzle.__drizzle_migrations`,
  )
  const last = row?.last == null ? undefined : Number(row.last)
  const pending = migrations.filter(
    (migration) => last === undefined || last < migration.folderMillis,
  ).length
  return { applied: row?.applied ?? 0, committed: migrations.length, pending }
}

/** a raw query's rows, whichever driver answered (postgres-js: an array; PGlite: `{ rows }`) */
export async function rowsOf<T>(db: Executor, query: SQL): Promise<T[]> {
  const result: unknown = await db.execute(query)
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[]
}
