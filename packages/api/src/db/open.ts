import { existsSync } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { PGlite } from '@electric-sql/pglite'
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm'
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator'
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js'
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator'
import postgres from 'postgres'
import * as schema from './schema.js'

/** The database, whichever driver is under it: PGlite and PostgreSQL share the schema and queries. */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>
/** A transaction, or the database itself where a function works in either. */
export type Executor = Parameters<Parameters<Database['transaction']>[0]>[0] | Database

/** Where the data lives: PostgreSQL at `url`, or PGlite in `dataDir` (in memory when neither is set). */
export interface DatabaseOptions {
  url?: string | undefined
  dataDir?: string | undefined
}

/** An open database with its migrations applied. */
export interface OpenDatabase {
  db: Database
  kind: 'postgres' | 'pglite'
  /** where it is, for the start-up message: the URL without its password, or the data directory */
  location: string
  close: () => Promise<void>
  /** how the job engine (pg-boss) reaches the same database: its own pool, or PGlite's connection */
  jobs: JobDatabase
}

/** A database as pg-boss takes it: a connection string, or an object that runs SQL. */
export type JobDatabase =
  | { connectionString: string }
  | { db: { executeSql: (text: string, values?: unknown[]) => Promise<{ rows: unknown[] }> } }

/** pg-boss on PGlite's one connection: statements without parameters may be several (its migrations) */
function pgliteJobs(client: PGlite): JobDatabase {
  return {
    db: {
      executeSql: async (text, values) => {
        if (values === undefined || values.length === 0) {
          return { rows: (await client.exec(text)).flatMap((result) => result.rows) }
        }
        return client.query(text, values)
      },
    },
  }
}

/** The database cannot be opened or migrated: a message for the person running the service. */
export class DatabaseError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'DatabaseError'
  }
}

function migrationFailed(location: string, error: unknown): DatabaseError {
  const cause =
    error instanceof Error
      ? ((error.cause as Error | undefined)?.message ?? error.message)
      : String(error)
  return new DatabaseError(
    `the database at ${location} could not be migrated to this version (${cause.split('\n')[0] ?? ''}); it may have been made by an older development build: point DATA_DIR or DATABASE_URL at a new database`,
    { cause: error },
  )
}

/** the committed SQL migrations: `drizzle/` beside `src/` (from source) or beside `dist/` (built) */
function migrationsFolder(): string {
  for (const relative of ['../../drizzle', '../drizzle']) {
    const folder = fileURLToPath(new URL(relative, import.meta.url))
    if (existsSync(`${folder}/meta/_journal.json`)) return folder
  }
  throw new Error('the migrations folder (packages/api/drizzle) is missing from this installation')
}

function withoutPassword(url: string): string {
  try {
    const parsed = new URL(url)
    if (parsed.password !== '') parsed.password = '***'
    return parsed.toString()
  } catch {
    return 'postgres (DATABASE_URL)'
  }
}

/**
 * postgres.js with every statement that has parameters prepared: drizzle sends its queries through
 * `unsafe()`, which by default parses, describes and plans each one again (two round trips); prepared,
 * a statement seen before on a connection is one round trip and keeps its plan. Transactions and
 * savepoints hand out their own client: it is wrapped too.
 */
function preparing(client: postgres.Sql): postgres.Sql {
  const unsafe = client.unsafe.bind(client)
  const wrapped = client as postgres.Sql & { savepoint?: unknown }
  wrapped.unsafe = ((query: string, args?: unknown[], options?: postgres.UnsafeQueryOptions) =>
    unsafe(query, args as never, { prepare: true, ...options })) as typeof client.unsafe
  for (const name of ['begin', 'savepoint'] as const) {
    const original = (wrapped as unknown as Record<string, unknown>)[name]
    if (typeof original !== 'function') continue
    ;(wrapped as unknown as Record<string, unknown>)[name] = (...args: unknown[]) => {
      const run = args.pop() as (inner: postgres.Sql) => unknown
      return (original as (...a: unknown[]) => unknown).call(
        client,
        ...args,
        (inner: postgres.Sql) => run(preparing(inner)),
      )
    }
  }
  return client
}

/**
 * Opens the database and applies pending migrations: PostgreSQL when `url` is set, otherwise PGlite.
 *
 * @example const { db, close } = await openDatabase({ dataDir: './data' })
 */
export async function openDatabase(options: DatabaseOptions): Promise<OpenDatabase> {
  const migrations = { migrationsFolder: migrationsFolder(), migrationsSchema: 'drizzle' }
  if (options.url !== undefined && options.url !== '') {
    const client = preparing(postgres(options.url, { max: 10, onnotice: () => undefined }))
    const db = drizzlePostgres({ client, schema })
    try {
      await migratePostgres(db, migrations)
    } catch (error) {
      await client.end({ timeout: 1 })
      throw migrationFailed(withoutPassword(options.url), error)
    }
    return {
      db: db as unknown as Database,
      kind: 'postgres',
      location: withoutPassword(options.url),
      close: () => client.end({ timeout: 5 }),
      jobs: { connectionString: options.url },
    }
  }
  if (options.dataDir !== undefined) await mkdir(options.dataDir, { recursive: true })
  const client = await PGlite.create(options.dataDir ?? 'memory://', { extensions: { pg_trgm } })
  const db = drizzlePglite({ client, schema })
  try {
    await migratePglite(db, migrations)
  } catch (error) {
    await client.close()
    throw migrationFailed(options.dataDir ?? 'memory', error)
  }
  return {
    db: db as unknown as Database,
    kind: 'pglite',
    location: options.dataDir ?? 'memory',
    close: () => client.close(),
    jobs: pgliteJobs(client),
  }
}
