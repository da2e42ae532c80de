// issue 14: the order search's one statement (customers first, number and PO number on their own
// trigram indexes) answers exactly what `search_text ilike '%q%'` answered, page by page
import { and, asc, count, desc, eq, ilike, sql } from 'drizzle-orm'
import type { SQL } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { prepareStatement, runStatement } from '../src/db/raw.js'
import { customers, orders } from '../src/db/schema/index.js'
import type { TestApi } from './harness.js'
import { createTestApi, json } from './harness.js'

let t: TestApi
let sales = ''

interface Page {
  orders: { id: number; number: string; customer: string; poNumber: string | null }[]
  total: number
}

const NAMES = [
  'Hospital 1',
  'Hospital 12',
  'St. Mary 100% Care',
  'under_score Clinic',
  'Back\\slash Lab',
  'ÄRZTE Zentrum',
  'PO Box Partners',
  'Ord Medical',
]
const POS = [null, '', 'PO-1', 'PO 12 A', 'po-7 %', 'Hospital 1', 'X_1', 'ORD-2030']

/** the statement the search ran before issue 14 */
async function before(q: string, options: { sort?: 'created' | '-due'; phase?: string } = {}) {
  const pattern = `%${q.trim().replace(/[\\%_]/g, '\\$&')}%`
  const filters: SQL[] = [ilike(orders.searchText, pattern)]
  if (options.phase !== undefined) filters.push(eq(orders.phase, options.phase as 'DRAFT'))
  const where = and(...filters)
  const { db } = t.api.services
  const rows = await db
    .select({ id: orders.id })
    .from(orders)
    .innerJoin(customers, eq(customers.id, orders.customerId))
    .where(where)
    .orderBy(
      options.sort === '-due'
        ? desc(orders.dueDate)
        : options.sort === 'created'
          ? asc(orders.createdAt)
          : desc(orders.createdAt),
      asc(orders.id),
    )
    .limit(7)
  const [total] = await db
    .select({ total: count() })
    .from(orders)
    .innerJoin(customers, eq(customers.id, orders.customerId))
    .where(where)
  return { ids: rows.map((row) => row.id), total: total?.total ?? 0 }
}

async function search(q: string, extra = '') {
  const response = await t.call('GET', `/orders?q=${encodeURIComponent(q)}&pageSize=7${extra}`, {
    token: sales,
  })
  expect(response.status).toBe(200)
  const page = await json<Page>(response)
  return { ids: page.orders.map((order) => order.id), total: page.total }
}

beforeAll(async () => {
  t = await createTestApi()
  sales = await t.token('sales')
  const { db } = t.api.services
  const ids: number[] = []
  for (const name of NAMES) {
    const [row] = await db.insert(customers).values({ name }).returning({ id: customers.id })
    if (row !== undefined) ids.push(row.id)
  }
  // 160 orders: every customer with every PO shape, search text as the API writes it
  const values = []
  for (let i = 0; i < 160; i++) {
    const customerIndex = i % NAMES.length
    const po = POS[Math.floor(i / NAMES.length) % POS.length] ?? null
    const number = i % 5 === 0 ? `ORD-2030-${String(i).padStart(4, '0')}` : `ord 2030 ${i}`
    values.push({
      number,
      customerId: ids[customerIndex] ?? 0,
      poNumber: po,
      phase: (i % 3 === 0 ? 'DRAFT' : 'CONFIGURATION') as 'DRAFT',
      dueDate: `2031-01-${String(1 + (i % 28)).padStart(2, '0')}`,
      createdAt: new Date(Date.UTC(2030, 0, 1, 0, i % 7)),
      searchText: [number, po, NAMES[customerIndex]]
        .filter((part) => part !== null && part !== undefined && part !== '')
        .join(' '),
    })
  }
  await db.insert(orders).values(values)
})

afterAll(async () => {
  await t.close()
})

describe('GET /orders?q= (issue 14)', () => {
  it('finds exactly the orders the search text matched, for words, parts, spaces and specials', async () => {
    const queries = [
      'Hospital',
      'hospital 1',
      'Hospital 12',
      'ospital 1',
      '1 Hospital',
      'PO-1',
      'po',
      'PO 12',
      '12 A Hospital',
      'A Hospital 1',
      'ORD-2030-0005',
      '2030 1',
      'ord 2030 17 PO',
      '17 PO-1 Hospital 1',
      '100%',
      '100% Care',
      '_',
      'under_score',
      'X_1 St',
      'Back\\slash',
      '\\',
      'ärzte',
      'Zentrum',
      '% ORD',
      'Box Partners',
      'ORD',
      'o',
      ' padded ',
      'a b c d e f',
      'nothing like it',
    ]
    // every substring of a few search texts, spaces and all
    for (const text of [
      'ord 2030 17 PO-1 Hospital 12',
      'ORD-2030-0010 PO 12 A St. Mary 100% Care',
    ]) {
      for (let start = 0; start < text.length; start += 3) {
        for (const length of [1, 2, 4, 9, 15]) {
          const q = text.slice(start, start + length).trim()
          if (q !== '') queries.push(q)
        }
      }
    }
    for (const q of queries) {
      expect({ q, ...(await search(q)) }).toEqual({ q, ...(await before(q)) })
    }
  })

  it('keeps the other filters and sorts with the text', async () => {
    for (const q of ['Hospital', 'PO 12', '2030 1', '0 PO']) {
      expect(await search(q, '&phase=DRAFT&sort=created')).toEqual(
        await before(q, { phase: 'DRAFT', sort: 'created' }),
      )
      expect(await search(q, '&sort=-due')).toEqual(await before(q, { sort: '-due' }))
    }
  })

  it('answers an empty page after the last one with the total', async () => {
    const response = await t.call('GET', '/orders?q=Hospital&pageSize=7&page=500', {
      token: sales,
    })
    const page = await json<Page>(response)
    expect(page.orders).toEqual([])
    expect(page.total).toBe((await before('Hospital')).total)
  })

  it("finds a renamed customer's orders by the new name", async () => {
    const { db } = t.api.services
    const [customer] = await db
      .select({ id: customers.id, version: customers.version })
      .from(customers)
      .where(eq(customers.name, 'Ord Medical'))
    if (customer === undefined) throw new Error('no customer Ord Medical')
    const renamed = await t.call('PATCH', `/customers/${customer.id}`, {
      token: sales,
      body: { name: 'Renamed Regional', version: customer.version },
    })
    expect(renamed.status).toBe(200)
    const found = await search('Renamed Regional')
    expect(found.total).toBe(20)
    expect(found).toEqual(await before('Renamed Regional'))
    expect(await search('Ord Medical')).toEqual({ ids: [], total: 0 })
  })
})

/** merges an index's pending list and says how many pages it held */
const PENDING_PAGES = prepareStatement(
  sql`select gin_clean_pending_list(${sql.placeholder('index')}::text::regclass)::int as pages`,
)

describe('the search indexes (issue 14)', () => {
  // a GIN index with a pending list makes every search read the list until a vacuum merges it
  it('leaves nothing in a pending list after orders are written and the catalog imported', async () => {
    const { db } = t.api.services
    for (const index of [
      'orders_search_idx',
      'orders_number_trgm_idx',
      'orders_po_number_trgm_idx',
      'customers_search_idx',
      'items_search_idx',
    ]) {
      const [row] = await runStatement<{ pages: number }>(db, PENDING_PAGES, { index })
      expect({ index, pages: row?.pages }).toEqual({ index, pages: 0 })
    }
  })
})
