import type { SQL } from 'drizzle-orm'
import { and, sql } from 'drizzle-orm'
import { orders } from '../db/schema.js'

/** beyond this many spaces in a search, the statement falls back to the whole search text's index */
const MAX_SPACES = 4

/** `%`, `_` and `\` match themselves */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, '\\$&')
}

/**
 * The condition "the order's search text contains `q`" (ILIKE), written so that the planner can use the
 * order number's and PO number's own trigram indexes and the customers it matches, instead of the
 * whole search text's index, whose common words (every name holds "Hospital") match every row.
 *
 * The search text is `number PO customer` (empty parts left out, joined by single spaces; a
 * trigger keeps the customer part equal to the customer's name). A match lies within one part, or
 * covers a joining space: then the text of `q` before the first such space is a suffix of the number
 * or the PO number, for one of the spaces in `q`. Those are the candidates; `search_text ilike` on
 * them keeps the answers exactly those of the plain condition.
 */
export function searchTextCondition(q: string): SQL {
  const pattern = `%${escapeLike(q)}%`
  const spaces: number[] = []
  for (let i = q.indexOf(' '); i !== -1; i = q.indexOf(' ', i + 1)) spaces.push(i)
  if (spaces.length > MAX_SPACES) return sql`${orders.searchText} ilike ${pattern}`
  const candidates: SQL[] = [
    sql`${orders.number} ilike ${pattern}`,
    sql`${orders.poNumber} ilike ${pattern}`,
    // customers: the small table first, its trigram index on the lower-case search text as a filter
    sql`${orders.customerId} = any(array(select c.id from customers c where c.search_text like lower(${pattern}) and c.name ilike ${pattern}))`,
  ]
  for (const at of spaces) {
    const before = `%${escapeLike(q.slice(0, at))}`
    candidates.push(sql`${orders.number} ilike ${before}`, sql`${orders.poNumber} ilike ${before}`)
  }
  return sql`((${sql.join(candidates, sql` or `)}) and ${orders.searchText} ilike ${pattern})`
}

/** One row of {@link orderSearch}: an order of the page (all null on an empty page) and the total. */
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
  total: number | string | bigint
}

/**
 * One statement that finds the matching orders once, counts them and returns one page, sorted by
 * `order` (columns of `orders`) and then id; an empty page still has one row, with the total.
 */
export function orderSearch(input: {
  filters: readonly SQL[]
  order: SQL
  limit: number
  offset: number
}): SQL {
  const where = input.filters.length === 0 ? sql`true` : and(...input.filters)
  return sql`with matched as materialized (
      select ${orders.id} as id, ${orders.number} as number, ${orders.customerId} as customer_id,
        ${orders.poNumber} as po_number, ${orders.priority} as priority, ${orders.phase} as phase,
        ${orders.dueDate} as due_date, ${orders.createdAt} as created_at, ${orders.version} as version
      from ${orders} where ${where})
    select p.id, p.number, p.customer, p.po_number as "poNumber", p.priority::text as priority,
      p.phase::text as phase, p.due_date::text as "dueDate",
      (extract(epoch from p.created_at) * 1000)::float8 as "createdMs", p.version, t.total
    from (select count(*) as total from matched) t
    left join lateral (
      select page.*, row_number() over () as position from (
        select "orders".*, c.name as customer
        from matched "orders" join customers c on c.id = "orders".customer_id
        order by ${input.order}, "orders"."id" asc
        limit ${input.limit} offset ${input.offset}) page) p on true
    order by p.position`
}
