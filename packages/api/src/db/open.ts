import { mkdir } from 'node:fs/promises'
import { PGlite } from '@electric-sql/pglite'
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm'
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator'
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js'
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator'
import postgres from 'postgres'
import type { QueryObserver } from '../ops/query-timing.js'
import { createQueryObserver, observePglite, observePostgres } from '../ops/query-timing.js'
import { migrationsFolder, migrationStatus } from './migrations.js'
import * as schema from './schema/index.js'

/** The database, whichever driver is under it: PGlite and PostgreSQL share the schema and queries. */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>
/** A transaction, or the database itself where a function works in either. */
export type Executor = Parameters<Parameters<Database['transaction']>[0]>[0] | Database

/** Where the data lives: PostgreSQL at `url`, or PGlite in `dataDir` (in memory when neither is set). */
export interface DatabaseOptions {
  url?: string | undefined
  dataDir?: string | undefined
  /**
   * apply pending migrations (the default); false: only check that there are none, for a role that
   * may not change the schema (`torvan db migrate` applies them as the owner)
   */
  migrate?: boolean
  /**
   * PGlite only: start the in-memory database from this image of a data directory (PGlite's
   * `dumpDataDir()`), instead of an empty one; its migrations and seed are then already there
   */
  pgliteImage?: Blob | undefined
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
  /** statement timings and the pool's use, for the metrics and the request log */
  observer: QueryObserver
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
  if (/permission denied|must be owner/i.test(cause)) {
    return new DatabaseError(
      `the database at ${location} needs migrations, and this role may not change the schema (${cause.split('\n')[0] ?? ''}): run \`torvan db migrate\` with the owner role's DATABASE_URL first`,
      { cause: error },
    )
  }
  return new DatabaseError(
    `the database at ${location} could not be migrated to this version (${cause.split('\n')[0] ?? ''}); it may have been made by an older development build: point DATA_DIR or DATABASE_URL at a new database`,
    { cause: error },
  )
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

/** Applies the pending migrations (none: nothing is run, so a role without DDL rights opens it too). */
async function applyMigrations(
  db: Database,
  options: { location: string; migrate: boolean; run: () => Promise<void> },
): Promise<void> {
  const status = await migrationStatus(db)
  if (status.pending === 0) return
  if (!options.migrate) {
    throw new DatabaseError(
      `the database at ${options.location} lacks ${status.pending} of this version's ${status.committed} migrations: run \`torvan db migrate\` with the owner role's DATABASE_URL first`,
    )
  }
  await options.run()
}

/** the PostgreSQL pool's size */
const POOL_SIZE = 10

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
    const client = preparing(postgres(options.url, { max: POOL_SIZE, onnotice: () => undefined }))
    const observer = createQueryObserver(POOL_SIZE)
    observePostgres(client, observer)
    const db = drizzlePostgres({ client, schema }) as unknown as Database
    const location = withoutPassword(options.url)
    try {
      await applyMigrations(db, {
        location,
        migrate: options.migrate ?? true,
        run: () => migratePostgres(db as never, migrations),
      })
    } catch (error) {
      await client.end({ timeout: 1 })
      throw error instanceof DatabaseError ? error : migrationFailed(location, error)
    }
    return {
      db,
      kind: 'postgres',
      location,
      close: () => client.end({ timeout: 5 }),
      jobs: { connectionString: options.url },
      observer,
    }
  }
  if (options.dataDir !== undefined) await mkdir(options.dataDir, { recursive: true })
  const client = await PGlite.create(options.dataDir ?? 'memory://', {
    extensions: { pg_trgm },
    ...(options.pgliteImage === undefined ? {} : { loadDataDir: options.pgliteImage }),
  })
  const observer = createQueryObserver(1)
  observePglite(client, observer)
  const db = drizzlePglite({ client, schema }) as unknown as Database
  try {
    await applyMigrations(db, {
      location: options.dataDir ?? 'memory',
      migrate: options.migrate ?? true,
      run: () => migratePglite(db as never, migrations),
    })
  } catch (error) {
    await client.close()
    throw error instanceof DatabaseError
      ? error
      : migrationFailed(options.dataDir ?? 'memory', error)
  }
  return {
    db,
    kind: 'pglite',
    location: options.dataDir ?? 'memory',
    close: () => client.close(),
    jobs: pgliteJobs(client),
    observer,
  }
}
