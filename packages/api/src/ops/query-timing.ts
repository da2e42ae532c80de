import type { PGlite } from '@electric-sql/pglite'
import type { Sql } from 'postgres'
import { requestDatabaseTime } from '../http/client-context.js'

/**
 * What the database wrapper tells about: each statement's name and duration, and how many statements
 * and transactions hold or wait for one of the pool's connections right now.
 */
export interface QueryObserver {
  /** the pool's connections (1 for PGlite) */
  poolSize: number
  /** statements outside transactions and open transactions: each holds or waits for a connection */
  active: number
  /** set by the metrics: called once per finished statement */
  onQuery: ((name: string, seconds: number) => void) | undefined
}

/** A new observer for a pool of `poolSize` connections. */
export function createQueryObserver(poolSize: number): QueryObserver {
  return { poolSize, active: 0, onQuery: undefined }
}

const names = new Map<string, string>()
const MAX_NAMES = 2000
const SHAPE =
  /^\s*(?:(select)\b[\s\S]*?\bfrom\s+"?([\w.]+)"?|(insert)\s+into\s+"?([\w.]+)"?|(update)\s+"?([\w.]+)"?|(delete)\s+from\s+"?([\w.]+)"?|(\w+))/i

/**
 * A statement's name for the metrics: its verb and first table (`select orders`, `insert boms`), so
 * that the label set stays as small as the schema. Statements are named once and remembered.
 *
 * @example queryName('select "id" from "orders" where "id" = $1') // 'select orders'
 */
export function queryName(text: string): string {
  const known = names.get(text)
  if (known !== undefined) return known
  // a statement with common table expressions is named after the first statement inside them
  // (`with bom as (insert into boms …)` is an insert into boms)
  const match = SHAPE.exec(
    /^\s*with\b/i.test(text) ? text.replace(/^[\s\S]*?\bas\s*\(/i, '') : text,
  )
  // the groups that did not take part are empty in the join
  const name =
    match === null ? 'other' : match.slice(1).join(' ').trim().replace(/\s+/g, ' ').toLowerCase()
  if (names.size >= MAX_NAMES) names.clear()
  names.set(text, name)
  return name
}

function finished(observer: QueryObserver, text: string, start: number): void {
  const seconds = (performance.now() - start) / 1000
  const counter = requestDatabaseTime()
  if (counter !== undefined) counter.seconds += seconds
  observer.onQuery?.(queryName(text), seconds)
}

type Unsafe = Sql['unsafe']

function timeUnsafe(target: Sql, observer: QueryObserver, holdsConnection: boolean): void {
  const unsafe: Unsafe = target.unsafe.bind(target)
  target.unsafe = ((
    text: string,
    ...rest: Parameters<Unsafe> extends [string, ...infer R] ? R : never
  ) => {
    const query = unsafe(text, ...rest)
    const start = performance.now()
    if (holdsConnection) observer.active++
    const done = () => {
      if (holdsConnection) observer.active--
      finished(observer, text, start)
    }
    // postgres-js runs a query when it is first awaited, a microtask later: `.values()` still applies
    query.then(done, done)
    return query
  }) as Unsafe
}

function timeSavepoints(target: Sql, observer: QueryObserver): void {
  const savepoint = (target as unknown as { savepoint?: (...args: unknown[]) => Promise<unknown> })
    .savepoint
  if (savepoint === undefined) return
  ;(target as unknown as { savepoint: (...args: unknown[]) => Promise<unknown> }).savepoint = (
    ...args: unknown[]
  ) => {
    const body = args.pop() as (inner: Sql) => unknown
    return savepoint.call(target, ...args, (inner: Sql) => {
      timeUnsafe(inner, observer, false)
      timeSavepoints(inner, observer)
      return body(inner)
    })
  }
}

/**
 * Times every statement drizzle sends through a postgres-js pool, and counts the statements and
 * transactions that hold or wait for its connections.
 */
export function observePostgres(client: Sql, observer: QueryObserver): void {
  timeUnsafe(client, observer, true)
  const begin = client.begin.bind(client) as (...args: unknown[]) => Promise<unknown>
  ;(client as unknown as { begin: (...args: unknown[]) => Promise<unknown> }).begin = (
    ...args: unknown[]
  ) => {
    const body = args.pop() as (inner: Sql) => unknown
    observer.active++
    return begin(...args, (inner: Sql) => {
      timeUnsafe(inner, observer, false)
      timeSavepoints(inner, observer)
      return body(inner)
    }).finally(() => {
      observer.active--
    })
  }
}

type PgliteQuery = PGlite['query']
interface PgliteLike {
  query: PgliteQuery
}

function timePgliteQuery(target: PgliteLike, observer: QueryObserver, holdsConnection: boolean) {
  const query = target.query.bind(target)
  target.query = (async (text: string, ...rest: unknown[]) => {
    const start = performance.now()
    if (holdsConnection) observer.active++
    try {
      return await (query as (...args: unknown[]) => Promise<unknown>)(text, ...rest)
    } finally {
      if (holdsConnection) observer.active--
      finished(observer, text, start)
    }
  }) as PgliteQuery
}

/** Times every statement drizzle sends to PGlite (one connection: the rest wait). */
export function observePglite(client: PGlite, observer: QueryObserver): void {
  timePgliteQuery(client, observer, true)
  const transaction = client.transaction.bind(client)
  client.transaction = (async (body: (tx: PgliteLike) => Promise<unknown>) => {
    observer.active++
    try {
      return await transaction((tx) => {
        timePgliteQuery(tx, observer, false)
        return body(tx)
      })
    } finally {
      observer.active--
    }
  }) as PGlite['transaction']
}
