import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { customers, ncrs, orderItems, orders, productionTasks } from '../src/db/schema/index.js'
import type { TestApi } from './harness.js'
import { createTestApi, json, USERS } from './harness.js'

let t: TestApi
let production = ''
let sales = ''
let service = ''

const DAY = 86_400_000

interface Row {
  number: string
  phase: string
  late: boolean
  sinks: number
  daysInPhase: number
  tasks: { completed: number; total: number }
  completionPercent: number | null
  openNcrs: number
  customer: { name: string }
  money?: { currency: string; total: string | null }
}

interface Page {
  orders: Row[]
  total: number
}

/** one seeded order: its phase, due date (days from today), sinks, tasks and NCRs by status */
interface Seed {
  number: string
  phase: (typeof orders.$inferInsert)['phase']
  dueInDays: number | null
  daysInPhase: number
  sinks: number
  tasks?: ('PENDING' | 'IN_PROGRESS' | 'COMPLETED' | 'CANCELLED')[]
  ncrs?: ('OPEN' | 'IN_PROGRESS' | 'RESOLVED' | 'VERIFIED' | 'REJECTED')[]
  total?: string
}

// the hand count: late = due before today and not SHIPPING, DELIVERED or CANCELLED → A and E
const SEEDS: Seed[] = [
  {
    number: 'SUM-A',
    phase: 'PRODUCTION',
    dueInDays: -1,
    daysInPhase: 3.5,
    sinks: 2,
    tasks: ['COMPLETED', 'COMPLETED', 'CANCELLED', 'PENDING', 'IN_PROGRESS'],
    ncrs: ['OPEN', 'VERIFIED', 'RESOLVED'],
  },
  { number: 'SUM-B', phase: 'SHIPPING', dueInDays: -10, daysInPhase: 1, sinks: 1 },
  { number: 'SUM-C', phase: 'DRAFT', dueInDays: 1, daysInPhase: 0.2, sinks: 0 },
  { number: 'SUM-D', phase: 'CANCELLED', dueInDays: -5, daysInPhase: 20, sinks: 1 },
  {
    number: 'SUM-E',
    phase: 'QUALITY_CONTROL',
    dueInDays: -2,
    daysInPhase: 8,
    sinks: 1,
    tasks: ['COMPLETED', 'COMPLETED', 'COMPLETED'],
    ncrs: ['REJECTED'],
    total: '1234.5000',
  },
  { number: 'SUM-F', phase: 'DELIVERED', dueInDays: -30, daysInPhase: 2, sinks: 3 },
  { number: 'SUM-G', phase: 'APPROVAL', dueInDays: null, daysInPhase: 12, sinks: 1 },
  { number: 'SUM-H', phase: 'PACKAGING', dueInDays: 0, daysInPhase: 0, sinks: 1 },
]

async function seed(): Promise<void> {
  const { db } = t.api.services
  const now = t.clock.now().getTime()
  const day = (offset: number) => new Date(now + offset * DAY).toISOString().slice(0, 10)
  const [customer] = await db
    .insert(customers)
    .values({ name: 'Summary General' })
    .returning({ id: customers.id })
  if (customer === undefined) throw new Error('no customer')
  for (const entry of SEEDS) {
    const [order] = await db
      .insert(orders)
      .values({
        number: entry.number,
        customerId: customer.id,
        phase: entry.phase,
        phaseSince: new Date(now - entry.daysInPhase * DAY),
        dueDate: entry.dueInDays === null ? null : day(entry.dueInDays),
        total: entry.total ?? null,
        searchText: entry.number,
      })
      .returning({ id: orders.id })
    if (order === undefined) throw new Error('no order')
    for (let sink = 0; sink < entry.sinks; sink++) {
      const [item] = await db
        .insert(orderItems)
        .values({ orderId: order.id, buildNumber: `${entry.number}-${sink + 1}` })
        .returning({ id: orderItems.id })
      if (item === undefined) throw new Error('no item')
      // every task and NCR on the first sink; the others have none
      if (sink > 0) continue
      for (const [index, status] of (entry.tasks ?? []).entries()) {
        await db.insert(productionTasks).values({
          orderItemId: item.id,
          key: `task-${index}`,
          name: 'Task',
          dependsOn: [],
          status,
        })
      }
      for (const status of entry.ncrs ?? []) {
        await db
          .insert(ncrs)
          .values({ orderItemId: item.id, severity: 'MINOR', description: 'seeded', status })
      }
    }
  }
}

beforeAll(async () => {
  t = await createTestApi()
  production = await t.token(USERS.PRODUCTION_MANAGER)
  sales = await t.token(USERS.SALES_MANAGER)
  service = await t.token(USERS.CUSTOMER_SERVICE)
  await seed()
}, 120_000)
afterAll(async () => {
  await t.close()
})

async function summary(query: string, token = production): Promise<Page> {
  const response = await t.call('GET', `/orders/summary${query}`, { token })
  expect(response.status, await response.clone().text()).toBe(200)
  return json<Page>(response)
}

async function problem(query: string, token = production) {
  const response = await t.call('GET', `/orders/summary${query}`, { token })
  expect(response.headers.get('Content-Type')).toMatch(/application\/problem\+json/)
  return {
    status: response.status,
    body: await json<{ detail: string; errors: { path: string }[] }>(response),
  }
}

describe('GET /orders/summary', () => {
  it('gives each order its sinks, days in phase, completion, open NCRs and lateness, as counted by hand', async () => {
    const page = await summary('?sort=number')
    expect(page.total).toBe(8)
    const rows = page.orders.map((row) => [
      row.number,
      row.phase,
      row.sinks,
      row.daysInPhase,
      row.tasks,
      row.completionPercent,
      row.openNcrs,
      row.late,
    ])
    expect(rows).toEqual([
      // 2 of 4 tasks not cancelled are completed; OPEN and RESOLVED NCRs are open, VERIFIED is not
      ['SUM-A', 'PRODUCTION', 2, 3, { completed: 2, total: 4 }, 50, 2, true],
      ['SUM-B', 'SHIPPING', 1, 1, { completed: 0, total: 0 }, null, 0, false],
      ['SUM-C', 'DRAFT', 0, 0, { completed: 0, total: 0 }, null, 0, false],
      ['SUM-D', 'CANCELLED', 1, 20, { completed: 0, total: 0 }, null, 0, false],
      ['SUM-E', 'QUALITY_CONTROL', 1, 8, { completed: 3, total: 3 }, 100, 0, true],
      ['SUM-F', 'DELIVERED', 3, 2, { completed: 0, total: 0 }, null, 0, false],
      ['SUM-G', 'APPROVAL', 1, 12, { completed: 0, total: 0 }, null, 0, false],
      // due today is not late yet
      ['SUM-H', 'PACKAGING', 1, 0, { completed: 0, total: 0 }, null, 0, false],
    ])
    expect(page.orders[0]?.customer.name).toBe('Summary General')
  })

  it('filters late orders, orders with open NCRs and by phase, and sorts by days in phase', async () => {
    const late = await summary('?late=true&sort=due')
    expect(late.orders.map((row) => row.number)).toEqual(['SUM-E', 'SUM-A'])
    expect(late.total).toBe(2)
    const onTime = await summary('?late=false&sort=number')
    expect(onTime.orders.map((row) => row.number)).toEqual([
      'SUM-B',
      'SUM-C',
      'SUM-D',
      'SUM-F',
      'SUM-G',
      'SUM-H',
    ])
    expect((await summary('?openNcrs=true')).orders.map((row) => row.number)).toEqual(['SUM-A'])
    expect((await summary('?phase=PRODUCTION')).orders.map((row) => row.number)).toEqual(['SUM-A'])
    const longest = await summary('?sort=-daysInPhase&pageSize=3')
    expect(longest.orders.map((row) => row.number)).toEqual(['SUM-D', 'SUM-G', 'SUM-E'])
    expect(longest.total).toBe(8)
    const second = await summary('?sort=-daysInPhase&pageSize=3&page=2')
    expect(second.orders.map((row) => row.number)).toEqual(['SUM-A', 'SUM-F', 'SUM-B'])
  })

  it('shows the stored total only to users with financials:read', async () => {
    const withMoney = await summary('?sort=-total&pageSize=1', sales)
    expect(withMoney.orders[0]).toMatchObject({
      number: 'SUM-E',
      money: { currency: 'USD', total: '1234.50' },
    })
    const without = await summary('?sort=number', service)
    expect(without.orders.every((row) => row.money === undefined)).toBe(true)
    expect(JSON.stringify(without)).not.toContain('1234')
    const refused = await problem('?sort=-total', service)
    expect(refused.status).toBe(400)
    expect(refused.body.errors).toEqual([{ path: 'query.sort', message: 'needs financials:read' }])
  })

  it('answers bad parameters with a problem naming each one', async () => {
    const unknownSort = await problem('?sort=completion')
    expect(unknownSort.status).toBe(400)
    expect(unknownSort.body.errors.map((error) => error.path)).toEqual(['query.sort'])
    const badDate = await problem('?dueFrom=2026-13-45&late=yes')
    expect(badDate.status).toBe(400)
    expect(badDate.body.errors.map((error) => error.path).sort()).toEqual([
      'query.dueFrom',
      'query.late',
    ])
    const backwards = await problem('?dueFrom=2027-02-01&dueTo=2027-01-01')
    expect(backwards.body.detail).toMatchInlineSnapshot(
      `"query.dueTo: 2027-01-01 is before query.dueFrom 2027-02-01; swap them."`,
    )
    const unknownParameter = await problem('?colour=red')
    expect(unknownParameter.status).toBe(400)
    expect(JSON.stringify(unknownParameter.body)).toContain('colour')
    const tooLarge = await problem('?pageSize=500')
    expect(tooLarge.body.errors.map((error) => error.path)).toEqual(['query.pageSize'])
  })
})
