import type { SQL } from 'drizzle-orm'
import { and, asc, count, eq, gte, lte, sql } from 'drizzle-orm'
import type { Executor } from '../db/open.js'
import type { Statement } from '../db/raw.js'
import { prepareStatement, runStatement } from '../db/raw.js'
import type { orderPriority } from '../db/schema/index.js'
import { customers, orders } from '../db/schema/index.js'
import type { Phase } from './phases.js'

/** beyond this many spaces in a search, the statement falls back to the whole search text's index */
const MAX_SPACES = 4

/** `%`, `_` and `\` match themselves */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, '\\$&')
}

/** the columns of `orders` the page shows or sorts by, and the search text the match is checked on */
const COLUMNS = sql`${orders.id} as id, ${orders.number} as number, ${orders.customerId} as customer_id,
  ${orders.poNumber} as po_number, ${orders.priority} as priority, ${orders.phase} as phase,
  ${orders.dueDate} as due_date, ${orders.createdAt} as created_at, ${orders.version} as version,
  ${orders.searchText} as search_text`

/**
 * The orders whose search text contains `q` (ILIKE) and that pass `filters`, found through the order
 * number's and PO number's own trigram indexes and the customers `q` matches, instead of the whole
 * search text's index, whose common words (every name holds "Hospital") match every row.
 *
 * The search text is `number PO customer` (empty parts left out, joined by single spaces; a
 * trigger keeps the customer part equal to the customer's name). A match lies within one part, or
 * covers a joining space: then the text of `q` before the first such space is a suffix of the number
 * or the PO number, for one of the spaces in `q`. Each of those candidates is a branch of a union
 * with an index of its own; `search_text ilike` on their rows, after the union (where no index can
 * be chosen for it), keeps the answers exactly those of the plain condition. `spaces` is how many
 * spaces `q` has (see {@link searchTextValues}); the patterns are placeholders.
 */
function matchingOrders(spaces: number, filters: readonly SQL[]): SQL {
  const pattern = sql.placeholder('pattern')
  const branch = (condition: SQL) =>
    sql`select ${COLUMNS} from ${orders} where ${sql.join([...filters, condition], sql` and `)}`
  if (spaces > MAX_SPACES) return branch(sql`${orders.searchText} ilike ${pattern}`)
  const candidates: SQL[] = [
    sql`${orders.number} ilike ${pattern}`,
    sql`${orders.poNumber} ilike ${pattern}`,
    // customers: the small table first, its trigram index on the lower-case search text as a filter
    sql`${orders.customerId} = any(array(select c.id from customers c where c.search_text like lower(${pattern}) and c.name ilike ${pattern}))`,
  ]
  for (let i = 0; i < spaces; i++) {
    const before = sql.placeholder(`before${i}`)
    candidates.push(sql`${orders.number} ilike ${before}`, sql`${orders.poNumber} ilike ${before}`)
  }
  // the candidates apart (materialized), so that the check is not pushed into the branches
  return sql`with candidate as materialized (${sql.join(candidates.map(branch), sql` union `)})
    select * from candidate where candidate.search_text ilike ${pattern}`
}

/** The patterns of {@link matchingOrders} for `q` (trimmed), and its number of spaces. */
function searchTextValues(q: string): { spaces: number; values: Record<string, string> } {
  const values: Record<string, string> = { pattern: `%${escapeLike(q)}%` }
  let spaces = 0
  for (let i = q.indexOf(' '); i !== -1; i = q.indexOf(' ', i + 1)) {
    values[`before${spaces}`] = `%${escapeLike(q.slice(0, i))}`
    spaces++
  }
  return { spaces, values }
}

/** One row of {@link searchOrders}' statement: an order of the page (all null on an empty page) and the total. */
export interface OrderSearchRow extends Record<string, unknown> {
  id: number | null
  number: string | null
  customer: string | null
  poNumber: string | null
  priority: string | null
  phase: string | null
  dueDate: string | null
  createdMs: number | string | null
  version: number | null
  total: number | string
}

/** What an order search asks: the text, the other filters (dates as ISO strings), the sort and the page. */
export interface OrderSearch {
  q: string
  phase?: string | undefined
  customerId?: number | undefined
  priority?: string | undefined
  createdFrom?: string | undefined
  createdTo?: string | undefined
  dueFrom?: string | undefined
  dueTo?: string | undefined
  /** a name for the sort, and its order by columns of `orders` */
  sort: { key: string; order: SQL }
  limit: number
  offset: number
}

const FILTERS = {
  phase: sql`${orders.phase} = ${sql.placeholder('phase')}`,
  customerId: sql`${orders.customerId} = ${sql.placeholder('customerId')}`,
  priority: sql`${orders.priority} = ${sql.placeholder('priority')}`,
  createdFrom: sql`${orders.createdAt} >= ${sql.placeholder('createdFrom')}::timestamptz`,
  createdTo: sql`${orders.createdAt} <= ${sql.placeholder('createdTo')}::timestamptz`,
  dueFrom: sql`${orders.dueDate} >= ${sql.placeholder('dueFrom')}::date`,
  dueTo: sql`${orders.dueDate} <= ${sql.placeholder('dueTo')}::date`,
} as const

const statements = new Map<string, Statement>()

/**
 * One statement that finds the matching orders once, counts them and returns one page; an empty
 * page still has one row, with the total. Rendered once per shape (filters, spaces, sort).
 */
export function orderSearchStatement(input: OrderSearch): {
  statement: Statement
  values: Record<string, unknown>
} {
  const text = searchTextValues(input.q)
  const present = (Object.keys(FILTERS) as (keyof typeof FILTERS)[]).filter(
    (name) => input[name] !== undefined,
  )
  const key = `${Math.min(text.spaces, MAX_SPACES + 1)}:${present.join(',')}:${input.sort.key}`
  let statement = statements.get(key)
  if (statement === undefined) {
    const filters = present.map((name) => FILTERS[name])
    statement =
      prepareStatement(sql`with matched as materialized (${matchingOrders(text.spaces, filters)})
      select p.id, p.number, c.name as customer, p.po_number as "poNumber", p.priority::text as priority,
        p.phase::text as phase, p.due_date::text as "dueDate",
        (extract(epoch from p.created_at) * 1000)::float8 as "createdMs", p.version, t.total
      from (select count(*) as total from matched) t
      left join lateral (
        select page.*, row_number() over () as position from (
          select * from matched "orders"
          order by ${input.sort.order}, "orders"."id" asc
          limit ${sql.placeholder('limit')} offset ${sql.placeholder('offset')}) page) p on true
      -- the customers' names of the page only
      left join customers c on c.id = p.customer_id
      order by p.position`)
    statements.set(key, statement)
  }
  const values: Record<string, unknown> = {
    ...text.values,
    limit: input.limit,
    offset: input.offset,
  }
  for (const name of present) values[name] = input[name]
  return { statement, values }
}

/** The page and total of an order search, as GET /orders answers them. */
export async function searchOrders(executor: Executor, input: OrderSearch) {
  const { statement, values } = orderSearchStatement(input)
  const found = await runStatement<OrderSearchRow>(executor, statement, values)
  return {
    orders: found.flatMap((row) =>
      row.id === null
        ? []
        : [
            {
              id: row.id,
              number: row.number,
              customer: row.customer,
              poNumber: row.poNumber,
              priority: row.priority,
              phase: row.phase,
              dueDate: row.dueDate,
              createdAt: new Date(Number(row.createdMs)).toISOString(),
              version: row.version,
            },
          ],
    ),
    total: Number(found[0]?.total ?? 0),
  }
}

/** The filters, sort and page of an order listing without text (dates as ISO timestamps). */
export interface OrderListing {
  phase?: Phase | undefined
  customerId?: number | undefined
  priority?: (typeof orderPriority.enumValues)[number] | undefined
  createdFrom?: string | undefined
  createdTo?: string | undefined
  dueFrom?: string | undefined
  dueTo?: string | undefined
  sort: { key: string; order: SQL }
  limit: number
  offset: number
}

/** One page of orders by filters alone, and how many match, in two statements on indexed columns. */
export async function listOrders(db: Executor, input: OrderListing) {
  const filters: SQL[] = []
  if (input.phase !== undefined) filters.push(eq(orders.phase, input.phase))
  if (input.customerId !== undefined) filters.push(eq(orders.customerId, input.customerId))
  if (input.priority !== undefined) filters.push(eq(orders.priority, input.priority))
  if (input.createdFrom !== undefined)
    filters.push(gte(orders.createdAt, new Date(input.createdFrom)))
  if (input.createdTo !== undefined) filters.push(lte(orders.createdAt, new Date(input.createdTo)))
  if (input.dueFrom !== undefined) filters.push(gte(orders.dueDate, input.dueFrom))
  if (input.dueTo !== undefined) filters.push(lte(orders.dueDate, input.dueTo))
  const where = filters.length === 0 ? undefined : and(...filters)
  const [rows, totals] = await Promise.all([
    db
      .select({
        id: orders.id,
        number: orders.number,
        customer: customers.name,
        poNumber: orders.poNumber,
        priority: orders.priority,
        phase: orders.phase,
        dueDate: orders.dueDate,
        createdAt: orders.createdAt,
        version: orders.version,
      })
      .from(orders)
      .innerJoin(customers, eq(customers.id, orders.customerId))
      .where(where)
      .orderBy(input.sort.order, asc(orders.id))
      .limit(input.limit)
      .offset(input.offset),
    db
      .select({ total: count() })
      .from(orders)
      .innerJoin(customers, eq(customers.id, orders.customerId))
      .where(where),
  ])
  return {
    orders: rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() })),
    total: totals[0]?.total ?? 0,
  }
}
