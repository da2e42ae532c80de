import { readFile } from 'node:fs/promises'
import { and, eq, like } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditLog, orders } from '../src/db/schema/index.js'
import {
  addRequiredPhotos,
  answerAll,
  decide,
  inspect as flowInspect,
  PNG,
  startInspection,
} from './flow.js'
import type { TestApi } from './harness.js'
import { createTestApi, json, USERS } from './harness.js'
import { MOVE_FIELDS } from './lifecycle.js'

let t: TestApi
const tokens: Record<string, string> = {}

async function config(name: string): Promise<Record<string, unknown>> {
  const url = new URL(`../../../fixtures/configs/${name}.json`, import.meta.url)
  const configuration = JSON.parse(await readFile(url, 'utf8')) as Record<string, unknown>
  // the order item gives the build number, the order the language
  delete configuration['buildNumber']
  delete configuration['language']
  return configuration
}

interface Order {
  id: number
  number: string
  phase: string
  version: number
  moves: string[]
  items: { id: number; buildNumber: string; bomId: number; bomRevision: number; frozen: boolean }[]
}

beforeAll(async () => {
  t = await createTestApi()
  for (const [role, username] of Object.entries(USERS)) tokens[role] = await t.token(username)
}, 120_000)
afterAll(async () => {
  await t.close()
})

const as = (role: keyof typeof USERS) => tokens[role] ?? ''

async function move(
  order: Order,
  [to, role]: [string, keyof typeof USERS],
  headers: Record<string, string> = {},
) {
  return t.call('POST', `/orders/${order.id}/transitions`, {
    token: as(role),
    body: { to, reason: `to ${to}`, ...MOVE_FIELDS[to] },
    headers: { 'If-Match': `"${order.version}"`, ...headers },
  })
}

async function read(order: Order): Promise<Order> {
  return json<Order>(await t.call('GET', `/orders/${order.id}`, { token: as('SALES_MANAGER') }))
}

async function customer(name: string): Promise<number> {
  const response = await t.call('POST', '/customers', {
    token: as('SALES_MANAGER'),
    body: { name },
  })
  return (await json<{ id: number }>(response)).id
}

async function inspect(
  itemId: number,
  fail: boolean,
  extra: Record<string, unknown> = {},
): Promise<{ result: string; id: number }> {
  const qc = as('QC_INSPECTOR')
  const inspection = await startInspection(t, {
    itemId,
    token: qc,
    body: { template: 't2-final-qc', ...extra },
  })
  const critical = inspection.items.find(
    (row) => row.definition.critical && row.definition.kind === 'CHECK',
  )
  await answerAll(t, {
    inspection,
    token: qc,
    values: fail && critical !== undefined ? { [critical.key]: false } : {},
  })
  await addRequiredPhotos(t, { inspection, token: qc })
  const submitted = await t.call('POST', `/inspections/${inspection.id}/submit`, {
    token: qc,
    body: { signature: 'Q. Inspector' },
  })
  expect(submitted.status, await submitted.clone().text()).toBe(200)
  return { id: inspection.id, result: (await json<{ result: string }>(submitted)).result }
}

// one test per phase, in order: each starts where the one before left the order
describe('an order from DRAFT to DELIVERED: a 3-sink order, a failed final check and its rework', () => {
  type Task = {
    id: number
    key: string
    qcKind: string | null
    version: number
    dependsOn: string[]
    orderItemId: number
    status: string
  }
  type Ncr = { id: number; version: number; status: string }
  let order: Order
  let frozenBoms: (number | null)[][] = []
  let results: { id: number; result: string }[] = []

  it('DRAFT: takes three sinks, refuses a duplicate build, an unversioned or stale write and a jump', async () => {
    const customerId = await customer('St. Elsewhere Hospital')
    const created = await t.call('POST', '/orders', {
      token: as('SALES_MANAGER'),
      body: { customerId, poNumber: 'PO-77001', priority: 'HIGH', dueDate: '2027-01-15' },
    })
    expect(created.status).toBe(201)
    order = await json<Order>(created)
    expect(order.number).toMatch(/^ORD-\d{4}-0001$/)
    expect(created.headers.get('etag')).toBe('"1"')

    // three sinks: 1 basin, 2 basins with a custom basin, 3 basins with every option
    const sinks = [
      ['B-1001', 't2-b1-minimal'],
      ['B-1002', 't2-b2-custom'],
      ['B-1003', 't2-b3-every-option'],
    ] as const
    for (const [buildNumber, name] of sinks) {
      const added = await t.call('POST', `/orders/${order.id}/items`, {
        token: as('SALES_MANAGER'),
        body: { buildNumber, configuration: await config(name) },
        headers: { 'If-Match': `"${order.version}"` },
      })
      expect(added.status, await added.clone().text()).toBe(201)
      order = await json<Order>(added)
    }
    expect(order.items.map((item) => item.buildNumber)).toEqual(['B-1001', 'B-1002', 'B-1003'])
    const duplicate = await t.call('POST', `/orders/${order.id}/items`, {
      token: as('SALES_MANAGER'),
      body: { buildNumber: 'B-1001', configuration: await config('t2-b1-minimal') },
      headers: { 'If-Match': `"${order.version}"` },
    })
    expect(duplicate.status).toBe(409)

    // an item without a version, and a stale version
    const unversioned = await t.call('PATCH', `/orders/${order.id}`, {
      token: as('SALES_MANAGER'),
      body: { notes: 'x' },
    })
    expect(unversioned.status).toBe(428)
    const stale = await t.call('PATCH', `/orders/${order.id}`, {
      token: as('SALES_MANAGER'),
      body: { notes: 'x', version: 1 },
    })
    expect(stale.status).toBe(412)
    expect(await json(stale)).toMatchObject({ currentVersion: order.version })

    // a move that is not allowed names the moves that are
    const jump = await move(order, ['SHIPPING', 'SALES_MANAGER'])
    expect(jump.status).toBe(409)
    expect(await json(jump)).toMatchObject({
      from: 'DRAFT',
      to: 'SHIPPING',
      allowed: ['CONFIGURATION', 'CANCELLED'],
    })
  })

  it('CONFIGURATION and APPROVAL: sales moves it on, but only a production manager approves', async () => {
    order = await json<Order>(await move(order, ['CONFIGURATION', 'SALES_MANAGER']))
    order = await json<Order>(await move(order, ['APPROVAL', 'SALES_MANAGER']))
    expect(order.phase).toBe('APPROVAL')
    const notAllowed = await move(order, ['PRODUCTION', 'SALES_MANAGER'])
    expect(notAllowed.status).toBe(403)
    expect((await json(notAllowed))['detail']).toContain('orders:approve')

    const approved = await move(order, ['PRODUCTION', 'PRODUCTION_MANAGER'])
    expect(approved.status, await approved.clone().text()).toBe(200)
    order = await json<Order>(approved)
    expect(order.items.every((item) => item.frozen)).toBe(true)
    frozenBoms = order.items.map((item) => [item.bomId, item.bomRevision])

    // no configuration change after approval
    const edit = await t.call('PUT', `/orders/${order.id}/items/${order.items[0]?.id}`, {
      token: as('SALES_MANAGER'),
      body: { configuration: await config('t2-b1-minimal') },
      headers: { 'If-Match': `"${order.version}"` },
    })
    expect(edit.status).toBe(409)
    expect((await json(edit))['detail']).toMatch(/can change only in DRAFT or CONFIGURATION/)
  })

  it('PRODUCTION: assigned tasks, one winner of ten racing updates, done in plan order before QC', async () => {
    const early = await move(order, ['QUALITY_CONTROL', 'PRODUCTION_MANAGER'])
    expect(early.status).toBe(409)
    expect(await json(early)).toMatchObject({ guard: 'tasksCompleted' })

    const all = (
      await json<{ tasks: Task[] }>(
        await t.call('GET', `/tasks?orderId=${order.id}`, { token: as('PRODUCTION_MANAGER') }),
      )
    ).tasks
    expect(new Set(all.map((task) => task.orderItemId)).size).toBe(3)
    // the 1-basin minimal sink has no pegboard or lifter tasks that the 3-basin sink has
    const keysOf = (itemId: number | undefined) =>
      all.filter((task) => task.orderItemId === itemId).map((task) => task.key)
    expect(keysOf(order.items[0]?.id).length).toBeLessThan(keysOf(order.items[2]?.id).length)

    const me = await json<{ id: number }>(
      await t.call('GET', '/me', { token: as('ASSEMBLY_TECHNICIAN') }),
    )
    expect(
      (
        await json<{ tasks: Task[] }>(
          await t.call('GET', '/tasks', { token: as('ASSEMBLY_TECHNICIAN') }),
        )
      ).tasks,
    ).toEqual([])
    for (const task of all) {
      const assigned = await t.call('PATCH', `/tasks/${task.id}`, {
        token: as('PRODUCTION_MANAGER'),
        body: { version: task.version, assigneeId: me.id },
      })
      expect(assigned.status).toBe(200)
      task.version += 1
    }
    const selfAssign = await t.call('PATCH', `/tasks/${all[0]?.id}`, {
      token: as('ASSEMBLY_TECHNICIAN'),
      body: { version: all[0]?.version, assigneeId: null },
    })
    expect(selfAssign.status).toBe(403)

    // issue 12: ten updates sent at once with one version: exactly one wins, the others are stale
    const first = all[0]
    if (first === undefined) throw new Error('no task')
    const racing = await Promise.all(
      Array.from({ length: 10 }, () =>
        t.call('PATCH', `/tasks/${first.id}`, {
          token: as('PRODUCTION_MANAGER'),
          body: { version: first.version, actualHours: 0 },
        }),
      ),
    )
    expect(racing.map((response) => response.status).sort()).toEqual([
      200, 412, 412, 412, 412, 412, 412, 412, 412, 412,
    ])
    first.version += 1
    const mine = (
      await json<{ tasks: Task[] }>(
        await t.call('GET', '/tasks', { token: as('ASSEMBLY_TECHNICIAN') }),
      )
    ).tasks
    expect(mine).toHaveLength(all.length)

    const blocked = all.find((task) => task.dependsOn.length > 0)
    const refused = await t.call('PATCH', `/tasks/${blocked?.id}`, {
      token: as('ASSEMBLY_TECHNICIAN'),
      body: { version: blocked?.version, status: 'IN_PROGRESS' },
    })
    expect(refused.status).toBe(409)
    expect((await json<{ blockedBy: string[] }>(refused)).blockedBy.length).toBeGreaterThan(0)

    // in plan order: start, then complete
    for (const task of all) {
      for (const status of ['IN_PROGRESS', 'COMPLETED']) {
        const done = await t.call('PATCH', `/tasks/${task.id}`, {
          token: as('ASSEMBLY_TECHNICIAN'),
          body: {
            version: task.version,
            status,
            ...(status === 'COMPLETED' ? { actualHours: 0.5 } : {}),
          },
        })
        expect(done.status, `${task.key} → ${status}: ${await done.clone().text()}`).toBe(200)
        task.version += 1
        // the Pre-QC task completes only with its inspection
        if (status === 'IN_PROGRESS' && task.qcKind !== null)
          await flowInspect(t, {
            itemId: task.orderItemId,
            token: as('QC_INSPECTOR'),
            body: { taskId: task.id },
          })
      }
    }
    order = await read(order)
    order = await json<Order>(await move(order, ['QUALITY_CONTROL', 'PRODUCTION_MANAGER']))
    expect(order.phase).toBe('QUALITY_CONTROL')
  })

  it('QUALITY_CONTROL: a critical failure locks the form, opens an NCR and sends the order back for rework', async () => {
    // final quality check: build B-1002 fails a critical row
    results = []
    for (const item of order.items)
      results.push(await inspect(item.id, item.buildNumber === 'B-1002'))
    expect(results.map((r) => r.result)).toEqual(['PASS', 'FAIL', 'PASS'])

    // a signed inspection takes no photo (documents.test.ts has the photos)
    const late = await t.api.app.request(
      `/inspections/${results[1]?.id}/photos?filename=scratch.png`,
      {
        method: 'POST',
        headers: { Authorization: `Bearer ${as('QC_INSPECTOR')}`, 'Content-Type': 'image/png' },
        body: PNG,
      },
    )
    expect(late.status).toBe(409)
    const locked = await t.call('PUT', `/inspections/${results[1]?.id}/items/x`, {
      token: as('QC_INSPECTOR'),
      body: { value: true },
    })
    expect(locked.status).toBe(409)

    // packaging is refused (and the refused attempt's idempotency key is not kept) …
    const packing = await move(order, ['PACKAGING', 'QC_INSPECTOR'], {
      'Idempotency-Key': 'pack-order-1',
    })
    expect(packing.status).toBe(409)
    expect(await json(packing)).toMatchObject({ guard: 'finalInspectionsPassed' })
    // the critical failure opened an NCR; rework waits for its disposition
    const [ncr] = (
      await json<{ ncrs: Ncr[] }>(
        await t.call('GET', `/ncrs?orderId=${order.id}`, { token: as('QC_INSPECTOR') }),
      )
    ).ncrs
    expect(ncr).toMatchObject({ status: 'OPEN', severity: 'CRITICAL' })
    const undecided = await move(order, ['PRODUCTION', 'QC_INSPECTOR'])
    expect(await json(undecided)).toMatchObject({ status: 409, guard: 'ncrsDispositioned' })
    const inspector = await json<{ id: number }>(
      await t.call('GET', '/me', { token: as('QC_INSPECTOR') }),
    )
    const decided = await t.call('PATCH', `/ncrs/${ncr?.id}`, {
      token: as('QC_INSPECTOR'),
      body: {
        version: ncr?.version,
        disposition: 'REWORK',
        ownerId: inspector.id,
        correctiveAction: 'replace the part',
      },
    })
    expect(decided.status, await decided.clone().text()).toBe(200)
    // … rework goes back to production, then to QC again
    order = await json<Order>(await move(order, ['PRODUCTION', 'QC_INSPECTOR']))
    order = await json<Order>(await move(order, ['QUALITY_CONTROL', 'PRODUCTION_MANAGER']))
    const again = await inspect(order.items[1]?.id ?? 0, false, { verifiesNcrId: ncr?.id })
    expect(again.result).toBe('PASS')
    const unapproved = await move(order, ['PACKAGING', 'QC_INSPECTOR'])
    expect(await json(unapproved)).toMatchObject({ guard: 'finalInspectionsApproved' })
    for (const done of [results[0], again, results[2]])
      expect((await decide(t, { id: done?.id ?? 0, token: as('ADMIN') })).status).toBe(200)
    const withNcr = await move(order, ['PACKAGING', 'QC_INSPECTOR'])
    expect(await json(withNcr)).toMatchObject({ guard: 'noOpenNcrs' })
    let version = (ncr?.version ?? 0) + 1
    for (const to of ['IN_PROGRESS', 'RESOLVED', 'VERIFIED']) {
      const moved = await t.call('POST', `/ncrs/${ncr?.id}/transitions`, {
        token: as('QC_INSPECTOR'),
        body: { version, to },
      })
      expect(moved.status, await moved.clone().text()).toBe(200)
      version += 1
    }
  })

  it('PACKAGING: packs once the NCR is verified, and replays the same idempotency key', async () => {
    const packed = await move(order, ['PACKAGING', 'QC_INSPECTOR'], {
      'Idempotency-Key': 'pack-order-1',
    })
    expect(packed.status).toBe(200)
    order = await json<Order>(packed)
    const replay = await move(
      { ...order, version: order.version - 1 },
      ['PACKAGING', 'QC_INSPECTOR'],
      { 'Idempotency-Key': 'pack-order-1' },
    )
    expect(replay.status).toBe(200)
    expect(replay.headers.get('idempotent-replayed')).toBe('true')
  })

  it('SHIPPING and DELIVERED: delivers the approved BOMs, with every move in the history and the audit log', async () => {
    order = await json<Order>(await move(order, ['SHIPPING', 'PRODUCTION_MANAGER']))
    order = await json<Order>(await move(order, ['DELIVERED', 'PRODUCTION_MANAGER']))
    expect(order).toMatchObject({ phase: 'DELIVERED', moves: [] })

    // the BOMs production built are the ones approved
    expect(order.items.map((item) => [item.bomId, item.bomRevision])).toEqual(frozenBoms)

    const history = await json<{
      history: { from: string | null; to: string; user: string; hoursInPhase: string | null }[]
    }>(await t.call('GET', `/orders/${order.id}/history`, { token: as('CUSTOMER_SERVICE') }))
    expect(history.history.map((h) => h.to)).toEqual([
      'DRAFT',
      'CONFIGURATION',
      'APPROVAL',
      'PRODUCTION',
      'QUALITY_CONTROL',
      'PRODUCTION',
      'QUALITY_CONTROL',
      'PACKAGING',
      'SHIPPING',
      'DELIVERED',
    ])
    expect(history.history.slice(1).every((h) => /^\d+\.\d{2}$/.test(h.hoursInPhase ?? ''))).toBe(
      true,
    )
    expect(history.history.map((h) => h.user)).toContain('qc')

    const audits = await t.api.services.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'order'), eq(auditLog.entityId, String(order.id))))
    expect(audits.filter((row) => row.action === 'order.transition')).toHaveLength(9)
    expect(audits.every((row) => row.requestId !== null && row.userId !== null)).toBe(true)
  })

  it('after delivery: a consolidated BOM with costs for sales only, and the order found by search', async () => {
    const salesBom = await json<{ builds: string[]; cost?: unknown }>(
      await t.call('GET', `/orders/${order.id}/bom`, { token: as('SALES_MANAGER') }),
    )
    expect(salesBom.builds).toEqual(['B-1001', 'B-1002', 'B-1003'])
    expect(salesBom.cost).toBeDefined()
    const serviceBom = await t.call('GET', `/orders/${order.id}/bom`, {
      token: as('CUSTOMER_SERVICE'),
    })
    expect(await serviceBom.text()).not.toMatch(/"(cost|unitCost|currency)"/)
    const csv = await (
      await t.call('GET', `/orders/${order.id}/bom`, {
        token: as('CUSTOMER_SERVICE'),
        headers: { Accept: 'text/csv' },
      })
    ).text()
    expect(csv.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe('id,name,number,quantity,builds')

    const search = await json<{ orders: { number: string }[]; total: number }>(
      await t.call('GET', '/orders?q=elsewhere&phase=DELIVERED&priority=HIGH&sort=-due', {
        token: as('CUSTOMER_SERVICE'),
      }),
    )
    expect(search.orders.map((o) => o.number)).toEqual([order.number])
  })
})

describe('concurrency', () => {
  it('lets exactly one of two simultaneous transitions win', async () => {
    const customerId = await customer('Race Clinic')
    const order = await json<Order>(
      await t.call('POST', '/orders', { token: as('SALES_MANAGER'), body: { customerId } }),
    )
    const [a, b] = await Promise.all([
      move(order, ['CONFIGURATION', 'SALES_MANAGER']),
      move(order, ['CANCELLED', 'SALES_MANAGER']),
    ])
    expect([a.status, b.status].sort()).toEqual([200, 412])
    const after = await read(order)
    expect(after.version).toBe(order.version + 1)
    const history = await json<{ history: unknown[] }>(
      await t.call('GET', `/orders/${order.id}/history`, { token: as('SALES_MANAGER') }),
    )
    expect(history.history).toHaveLength(2)
  })

  it('creates one order for the same idempotency key sent twice at once, and refuses it for another body', async () => {
    const customerId = await customer('Twice Medical')
    const send = (poNumber: string) =>
      t.call('POST', '/orders', {
        token: as('SALES_MANAGER'),
        body: { customerId, poNumber },
        headers: { 'Idempotency-Key': 'create-twice' },
      })
    const [first, second] = await Promise.all([send('PO-TWICE'), send('PO-TWICE')])
    const statuses = [first.status, second.status]
    expect(statuses).toContain(201)
    expect(statuses.every((status) => status === 201 || status === 409)).toBe(true)
    const rows = await t.api.services.db
      .select()
      .from(orders)
      .where(like(orders.poNumber, 'PO-TWICE'))
    expect(rows).toHaveLength(1)
    const retry = await send('PO-TWICE')
    expect(retry.status).toBe(201)
    expect((await json<{ id: number }>(retry)).id).toBe(rows[0]?.id)
    const other = await send('PO-OTHER')
    expect(other.status).toBe(422)
    expect((await json(other))['type']).toBe('https://torvan.dev/problems/idempotency-mismatch')
    // keys belong to their user: another user's same key is a new request
    const service = await t.call('POST', '/customers', {
      token: as('ADMIN'),
      body: { name: 'Other' },
      headers: { 'Idempotency-Key': 'create-twice' },
    })
    expect(service.status).toBe(201)
  })
})
