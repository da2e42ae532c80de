import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { events } from '../src/db/schema/index.js'
import { emitEvent } from '../src/events/emit.js'
import type { TestApi } from './harness.js'
import { createTestApi, json, USERS } from './harness.js'
import { driveOrder } from './lifecycle.js'

interface Event {
  id: string
  sequence: number
  type: string
  timestamp: string
  actor: { id: number; username: string } | null
  orderId: number | null
  data: Record<string, unknown>
}
interface Page {
  events: Event[]
  next: number
  hasMore: boolean
}

let t: TestApi

beforeAll(async () => {
  t = await createTestApi()
}, 120_000)
afterAll(async () => {
  await t.close()
})

async function feed(query: string, username: string = USERS.ADMIN): Promise<Page> {
  const response = await t.call('GET', `/events${query}`, { token: await t.token(username) })
  expect(response.status, await response.clone().text()).toBe(200)
  return json<Page>(response)
}

/** every event after a cursor, page by page */
async function readAll(after: number, query = '', limit = 50): Promise<Event[]> {
  const all: Event[] = []
  let cursor = after
  for (;;) {
    const page = await feed(`?after=${cursor}&limit=${limit}${query}`)
    all.push(...page.events)
    cursor = page.next
    if (!page.hasMore) return all
  }
}

async function lastSequence(): Promise<number> {
  const rows = await t.api.services.db.select({ seq: events.seq }).from(events)
  return Math.max(0, ...rows.map((row) => row.seq))
}

describe('the event feed', () => {
  it('tells an order’s life from DRAFT to DELIVERED, in order, each event once', async () => {
    const order = await driveOrder(t)
    const mine = await readAll(0, `&orderId=${order.id}`, 7)
    const moves = mine
      .filter((event) => event.type === 'order.moved')
      .map((event) => `${String(event.data['from'])}→${String(event.data['to'])}`)
    expect(moves).toEqual([
      'DRAFT→CONFIGURATION',
      'CONFIGURATION→APPROVAL',
      'APPROVAL→PRODUCTION',
      'PRODUCTION→QUALITY_CONTROL',
      'QUALITY_CONTROL→PACKAGING',
      'PACKAGING→SHIPPING',
      'SHIPPING→DELIVERED',
    ])
    const types = mine.map((event) => event.type).filter((type) => type !== 'task.status_changed')
    expect(types).toEqual([
      'order.created',
      'order.moved',
      'order.item_added',
      'order.moved',
      'order.bom_frozen',
      'order.moved',
      // the Pre-QC task's inspection
      'inspection.submitted',
      'order.moved',
      // the final inspection: its photo of the build label, its submission and approval
      'document.uploaded',
      'inspection.submitted',
      'inspection.approved',
      'order.moved',
      'order.moved',
      'order.shipped',
      'order.moved',
      'order.delivered',
    ])
    expect(mine.filter((event) => event.type === 'task.status_changed').length).toBeGreaterThan(1)
    expect(new Set(mine.map((event) => event.id)).size).toBe(mine.length)
    const sequences = mine.map((event) => event.sequence)
    expect(sequences).toEqual([...sequences].sort((a, b) => a - b))
    expect(mine.every((event) => event.orderId === order.id && event.actor !== null)).toBe(true)

    const moved = mine.find((event) => event.type === 'order.moved')
    expect(moved).toMatchObject({
      actor: { username: 'sales' },
      data: {
        orderNumber: order.number,
        from: 'DRAFT',
        to: 'CONFIGURATION',
        reason: 'to CONFIGURATION',
      },
    })
    const frozen = mine.find((event) => event.type === 'order.bom_frozen')
    const builds = frozen?.data['builds'] as {
      buildNumber: string
      bomId: number
      lines: { id: string; number: string | null; quantity: string }[]
    }[]
    expect(builds.map((build) => build.buildNumber)).toEqual(['B-2001'])
    expect(builds[0]?.lines.length).toBeGreaterThan(3)
    expect(builds[0]?.lines.every((line) => /^\d+(\.\d+)?$/.test(line.quantity))).toBe(true)
    expect(builds[0]?.lines.some((line) => line.number?.startsWith('7'))).toBe(true)
    expect(mine.find((event) => event.type === 'order.shipped')?.data).toMatchObject({
      to: 'SHIPPING',
      shipping: { carrier: 'UPS', trackingNumber: '1Z999AA10123456784', shipDate: '2030-01-02' },
    })
    expect(mine.find((event) => event.type === 'order.delivered')?.data).toMatchObject({
      shipping: { carrier: 'UPS', shipDate: '2030-01-02', deliveredDate: '2030-01-04' },
    })
    expect(mine.findLast((event) => event.type === 'inspection.submitted')?.data).toMatchObject({
      result: 'PASS',
      buildNumber: 'B-2001',
      kind: 'FINAL_QC',
    })

    // the feed filters by type across orders, and the BOM was announced when it was generated
    const generated = await readAll(0, '&type=bom.generated')
    expect(generated.map((event) => (event.data['bom'] as { id: number }).id)).toContain(
      order.items[0]?.bomId,
    )
  })

  it('records nothing for a change that is refused or rolled back', async () => {
    const order = await driveOrder(t, { until: 'CONFIGURATION' })
    const before = await lastSequence()
    const token = await t.token(USERS.SALES_MANAGER)
    // no items: the guard refuses the move (409); a stale version (412); a duplicate build (409)
    const refused = await t.call('POST', `/orders/${order.id}/transitions`, {
      token,
      body: { to: 'APPROVAL' },
      headers: { 'If-Match': `"${order.version}"` },
    })
    expect(refused.status).toBe(409)
    const stale = await t.call('PATCH', `/orders/${order.id}`, {
      token,
      body: { notes: 'late', version: order.version - 1 },
    })
    expect(stale.status).toBe(412)
    expect(await lastSequence()).toBe(before)

    // a transaction that emits and then fails leaves no event
    await expect(
      t.api.services.db.transaction(async (tx) => {
        await emitEvent(tx, { type: 'order.updated', orderId: order.id, payload: { probe: true } })
        throw new Error('the change failed after its event was written')
      }),
    ).rejects.toThrow(/failed after/)
    const rows = await t.api.services.db.select().from(events).where(eq(events.orderId, order.id))
    expect(rows.some((row) => row.payload['probe'] === true)).toBe(false)
  })

  it('pages without gaps or repeats while others write', async () => {
    const start = await lastSequence()
    const token = await t.token(USERS.SALES_MANAGER)
    const writers = Array.from({ length: 24 }, (_, i) =>
      t.call('POST', '/customers', { token, body: { name: `Concurrent ${i}` } }),
    )
    const seen: Event[] = []
    let cursor = start
    const state = { writing: true }
    const done = Promise.all(writers).then((responses) => {
      state.writing = false
      return responses
    })
    while (state.writing) {
      const page = await feed(`?after=${cursor}&limit=3&type=customer.created`)
      seen.push(...page.events)
      cursor = page.next
    }
    for (const response of await done) expect(response.status).toBe(201)
    seen.push(...(await readAll(cursor, '&type=customer.created', 3)))
    const names = seen.map((event) => (event.data['customer'] as { name: string }).name)
    expect(new Set(names).size).toBe(names.length)
    expect(names.sort()).toEqual(Array.from({ length: 24 }, (_, i) => `Concurrent ${i}`).sort())
    const sequences = seen.map((event) => event.sequence)
    expect(sequences).toEqual([...sequences].sort((a, b) => a - b))
  })

  it('leaves prices and costs out for users without financials:read', async () => {
    const id = await t.api.services.db.transaction((tx) =>
      emitEvent(tx, {
        type: 'catalog.imported',
        payload: { hash: 'probe', prices: [{ id: 'X', unitPrice: '1.00' }], counts: { items: 1 } },
      }),
    )
    const find = async (username: string) =>
      (await feed('?type=catalog.imported&limit=500', username)).events.find((e) => e.id === id)
    expect(await find(USERS.SALES_MANAGER)).toMatchObject({
      data: { prices: [{ unitPrice: '1.00' }] },
    })
    const hidden = await find(USERS.CUSTOMER_SERVICE)
    expect(hidden).toMatchObject({ data: { hash: 'probe', counts: { items: 1 } } })
    expect(JSON.stringify(hidden)).not.toMatch(/prices|unitPrice/)
  })

  it('answers bad queries with a problem naming the parameter', async () => {
    const token = await t.token(USERS.ADMIN)
    for (const [query, path] of [
      ['?after=-1', 'query.after'],
      ['?after=abc', 'query.after'],
      ['?limit=501', 'query.limit'],
      ['?type=order.exploded', 'query.type[0]'],
      ['?orderId=0', 'query.orderId'],
      ['?cursor=1', 'query.cursor'],
    ] as const) {
      const response = await t.call('GET', `/events${query}`, { token })
      expect(response.status, query).toBe(400)
      const body = await json<{ errors: { path: string }[] }>(response)
      expect(
        body.errors.map((error) => error.path),
        query,
      ).toContain(path)
    }
  })

  it('is refused to roles that may not read customers', async () => {
    for (const username of [USERS.QC_INSPECTOR, USERS.ASSEMBLY_TECHNICIAN]) {
      const response = await t.call('GET', '/events', { token: await t.token(username) })
      expect(response.status, username).toBe(403)
    }
  })

  it('needs the shipping data on the moves to SHIPPING and DELIVERED, and only there', async () => {
    const order = await driveOrder(t, { until: 'PACKAGING', buildNumber: 'B-2002' })
    const token = await t.token(USERS.PRODUCTION_MANAGER)
    const moveTo = (body: Record<string, unknown>, version: number) =>
      t.call('POST', `/orders/${order.id}/transitions`, {
        token,
        body,
        headers: { 'If-Match': `"${version}"` },
      })
    const missing = await moveTo({ to: 'SHIPPING', carrier: 'UPS' }, order.version)
    expect(missing.status).toBe(400)
    const problem = await json<{ detail: string; errors: { path: string; message: string }[] }>(
      missing,
    )
    expect(problem.errors.map((error) => error.path)).toEqual([
      'body.trackingNumber',
      'body.shipDate',
    ])
    expect(problem.errors[0]?.message).toBe('required to move to SHIPPING')
    const shipped = await moveTo(
      { to: 'SHIPPING', carrier: 'DHL', trackingNumber: 'JD0142', shipDate: '2030-01-10' },
      order.version,
    )
    expect(shipped.status).toBe(200)
    const view = await json<{ version: number; shipping: Record<string, unknown> }>(shipped)
    expect(view.shipping).toEqual({
      carrier: 'DHL',
      trackingNumber: 'JD0142',
      shipDate: '2030-01-10',
      deliveredDate: null,
    })
    const early = await moveTo({ to: 'DELIVERED', deliveredDate: '2030-01-09' }, view.version)
    expect(early.status).toBe(400)
    expect((await json<{ detail: string }>(early)).detail).toBe(
      'body.deliveredDate: expected a date on or after the ship date 2030-01-10, received 2030-01-09.',
    )
    const stray = await moveTo(
      { to: 'DELIVERED', deliveredDate: '2030-01-11', carrier: 'UPS' },
      view.version,
    )
    expect(stray.status).toBe(400)
    expect((await json<{ errors: { path: string }[] }>(stray)).errors[0]?.path).toBe('body.carrier')
    const delivered = await moveTo({ to: 'DELIVERED', deliveredDate: '2030-01-11' }, view.version)
    expect(delivered.status).toBe(200)
    expect((await json<{ shipping: Record<string, unknown> }>(delivered)).shipping).toMatchObject({
      carrier: 'DHL',
      deliveredDate: '2030-01-11',
    })
  })
})
