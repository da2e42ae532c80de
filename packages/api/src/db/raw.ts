import type { SQL } from 'drizzle-orm'
import { fillPlaceholders } from 'drizzle-orm'
import { PgDialect } from 'drizzle-orm/pg-core'
import type { Executor } from './open.js'

/** A statement rendered once: its text and its parameters, some of them placeholders. */
export interface Statement {
  sql: string
  params: unknown[]
}

interface PostgresJsClient {
  unsafe: (text: string, params: unknown[], options: { prepare: boolean }) => Promise<unknown[]>
}
interface PgliteClient {
  query: (text: string, params: unknown[]) => Promise<{ rows: unknown[] }>
}

const dialect = new PgDialect()

/**
 * Renders a statement with `sql.placeholder()`s once, for {@link runStatement}: the hot paths build
 * no query per request and PostgreSQL keeps the statement prepared on each connection.
 *
 * @example const byId = prepareStatement(sql`select name from items where id = ${sql.placeholder('id')}`)
 */
export function prepareStatement(query: SQL): Statement {
  const rendered = dialect.sqlToQuery(query)
  return { sql: rendered.sql, params: rendered.params }
}

/**
 * Runs a prepared statement on the database or a transaction, PostgreSQL (postgres.js, prepared) or
 * PGlite alike, and returns its rows as objects. Cast in SQL what the drivers parse differently
 * (timestamps, dates, numerics, bigints): the rows are the drivers' own.
 *
 * @example const rows = await runStatement<{ name: string }>(db, byId, { id: 'T2-LEG' })
 */
export async function runStatement<T>(
  executor: Executor,
  statement: Statement,
  values: Record<string, unknown> = {},
): Promise<T[]> {
  const params = fillPlaceholders(statement.params, values)
  const client = (executor as unknown as { session: { client: PostgresJsClient | PgliteClient } })
    .session.client
  if ('unsafe' in client)
    return (await client.unsafe(statement.sql, params, { prepare: true })) as T[]
  return (await client.query(statement.sql, params)).rows as T[]
}
