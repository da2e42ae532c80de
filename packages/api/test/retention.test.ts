import { and, count, eq, inArray, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import {
  archivedRows,
  auditLog,
  blobs,
  boms,
  customers,
  documents,
  idempotencyKeys,
  inspections,
  orderItems,
  orderPhaseHistory,
  orders,
  productionTasks,
  qcTemplates,
  retentionRules,
  users,
} from '../src/db/schema/index.js'
import {
  pruneIdempotencyKeysOnce,
  scheduleIdempotencyPruning,
} from '../src/retention/idempotency-pruning.js'
import { pruneExpired } from '../src/retention/prune.js'
import type { TestApi } from './harness.js'
import { createTestApi, json, ON_POSTGRES, USERS } from './harness.js'
import { fixtureConfiguration } from './lifecycle.js'

let t: TestApi
let sales = ''
const ids: Record<string, number> = {}
let frozenBomId = 0

const YEAR = 365.25 * 86_400_000

function yearsAgo(years: number): Date {
  return new Date(t.clock.now().getTime() - years * YEAR)
}

/**
 * O1 delivered 8 years ago (its BOM frozen): removed. O2 cancelled 8 years ago, with a 6-year-old
 * inspection: both removed. O3 delivered 8 years ago with an 11-year-old document: both removed. O4
 * delivered 8 years ago with a 9-year-old document: both kept. O5 still in production since 8 years,
 * with an old document, inspection and audit row: all kept. O6 delivered 6 years ago: kept.
 */
async function seedOldRows(): Promise<void> {
  const { db } = t.api.services
  const bom = await json<{ id: number }>(
    await t.call('POST', '/boms', {
      token: sales,
      body: {
        configuration: { ...(await fixtureConfiguration('t2-b1-minimal')), buildNumber: 'OLD-1' },
      },
    }),
  )
  frozenBomId = bom.id
  await db
    .update(boms)
    .set({ frozenAt: yearsAgo(8) })
    .where(eq(boms.id, bom.id))
  const [customer] = await db.insert(customers).values({ name: 'Old Times' }).returning()
  const [template] = await db.select({ id: qcTemplates.id }).from(qcTemplates).limit(1)
  if (customer === undefined || template === undefined) throw new Error('no customer or template')
  await db.insert(blobs).values({
    sha256: 'a'.repeat(64),
    mediaType: 'application/pdf',
    size: 4,
    data: Buffer.from('%PDF'),
  })
  const order = async (
    name: string,
    phase: 'DELIVERED' | 'CANCELLED' | 'PRODUCTION',
    age: number,
  ) => {
    const [row] = await db
      .insert(orders)
      .values({
        number: name,
        customerId: customer.id,
        phase,
        updatedAt: yearsAgo(age),
        createdAt: yearsAgo(age + 0.5),
      })
      .returning({ id: orders.id })
    const [item] = await db
      .insert(orderItems)
      .values({
        orderId: row?.id ?? 0,
        buildNumber: `${name}-1`,
        ...(name === 'O1' ? { bomId: bom.id } : {}),
      })
      .returning({ id: orderItems.id })
    if (row === undefined || item === undefined) throw new Error('no order')
    ids[name] = row.id
    ids[`${name}-item`] = item.id
    await db
      .insert(orderPhaseHistory)
      .values({ orderId: row.id, toPhase: phase, at: yearsAgo(age) })
    await db
      .insert(productionTasks)
      .values({ orderItemId: item.id, key: 'k', name: 'Task', dependsOn: [], status: 'COMPLETED' })
    return { order: row.id, item: item.id }
  }
  const document = async (age: number, link: Partial<typeof documents.$inferInsert>) => {
    await db.insert(documents).values({
      sha256: 'a'.repeat(64),
      filename: 'old.pdf',
      createdAt: yearsAgo(age),
      updatedAt: yearsAgo(age),
      ...link,
    })
  }
  const inspection = async (age: number, orderItemId: number) => {
    await db.insert(inspections).values({
      orderItemId,
      templateId: template.id,
      status: 'SUBMITTED',
      startedAt: yearsAgo(age),
      submittedAt: yearsAgo(age),
    })
  }
  const o1 = await order('O1', 'DELIVERED', 8)
  const o2 = await order('O2', 'CANCELLED', 8)
  await inspection(6, o2.item)
  const o3 = await order('O3', 'DELIVERED', 8)
  await document(11, { orderId: o3.order })
  const o4 = await order('O4', 'DELIVERED', 8)
  await document(9, { orderItemId: o4.item })
  const o5 = await order('O5', 'PRODUCTION', 8)
  await document(11, { orderId: o5.order })
  await inspection(6, o5.item)
  await order('O6', 'DELIVERED', 6)
  // a catalog document is product data: kept however old
  await document(11, { catalogItemId: 'T2-BODY-48-60-HA' })
  const audit = (age: number, entity: string, entityId: string) => ({
    at: yearsAgo(age),
    action: `${entity}.update`,
    entity,
    entityId,
  })
  await db
    .insert(auditLog)
    .values([
      audit(4, 'customer', String(customer.id)),
      audit(4, 'customer', String(customer.id)),
      audit(3.5, 'user', '1'),
      audit(4, 'order', String(o1.order)),
      audit(4, 'order', String(o5.order)),
      audit(2, 'customer', String(customer.id)),
    ])
  const [admin] = await db.select({ id: users.id }).from(users).where(eq(users.username, 'admin'))
  const key = (name: string, expires: Date) => ({
    userId: admin?.id ?? 0,
    key: name,
    method: 'POST',
    path: '/orders',
    requestHash: 'h',
    status: 201,
    response: {},
    expiresAt: expires,
  })
  const now = t.clock.now().getTime()
  await db
    .insert(idempotencyKeys)
    .values([
      key('expired-1', new Date(now - 3_600_000)),
      key('expired-2', new Date(now - 86_400_000)),
      key('live', new Date(now + 3_600_000)),
    ])
}

beforeAll(async () => {
  t = await createTestApi()
  sales = await t.token(USERS.SALES_MANAGER)
  await seedOldRows()
}, 120_000)
afterAll(async () => {
  await t.close()
})

const EXPECTED = {
  idempotency_keys: 2,
  audit: 4,
  documents: 1,
  qc: 1,
  orders: 3,
}

function countsOf(report: Awaited<ReturnType<typeof pruneExpired>>): Record<string, number> {
  return Object.fromEntries(report.counts.map((entry) => [entry.subject, entry.count]))
}

describe('retention: torvan db prune', () => {
  it('counts what is past its time in a dry run, and changes nothing', async () => {
    const { db } = t.api.services
    const before = await db.select({ n: count() }).from(orders)
    const report = await pruneExpired(db, { now: t.clock.now(), dryRun: true })
    expect(countsOf(report)).toEqual(EXPECTED)
    expect(report.counts.find((entry) => entry.subject === 'orders')).toMatchObject({
      keepFor: '7 years',
      archived: true,
    })
    expect(await db.select({ n: count() }).from(orders)).toEqual(before)
    expect(await db.select({ n: count() }).from(archivedRows)).toEqual([{ n: 0 }])
  })

  it('archives and deletes the same rows for real, and nothing a live order or a kept record needs', async () => {
    const { db } = t.api.services
    const report = await pruneExpired(db, { now: t.clock.now(), dryRun: false })
    expect(countsOf(report)).toEqual(EXPECTED)
    const archived = await db
      .select({ subject: archivedRows.subject, n: count() })
      .from(archivedRows)
      .groupBy(archivedRows.subject)
      .orderBy(archivedRows.subject)
    expect(archived).toEqual([
      { subject: 'audit', n: 4 },
      { subject: 'documents', n: 1 },
      { subject: 'orders', n: 3 },
      { subject: 'qc', n: 1 },
    ])
    // an archived order carries what its deletion took with it
    const [o1] = await db
      .select({ data: archivedRows.data })
      .from(archivedRows)
      .where(and(eq(archivedRows.entity, 'order'), eq(archivedRows.entityId, String(ids['O1']))))
    expect(o1?.data).toMatchObject({
      number: 'O1',
      items: [{ build_number: 'O1-1', bom_id: frozenBomId }],
      history: [{ to_phase: 'DELIVERED' }],
      tasks: [{ key: 'k', notes: [] }],
      ncrs: [],
    })

    const left = await db
      .select({ number: orders.number })
      .from(orders)
      .where(inArray(orders.number, ['O1', 'O2', 'O3', 'O4', 'O5', 'O6']))
      .orderBy(orders.number)
    expect(left.map((row) => row.number)).toEqual(['O4', 'O5', 'O6'])
    // the open order keeps its old document, inspection and audit row
    const o5Documents = await db
      .select({ n: count() })
      .from(documents)
      .where(eq(documents.orderId, ids['O5'] ?? 0))
    expect(o5Documents).toEqual([{ n: 1 }])
    const o5Inspections = await db
      .select({ n: count() })
      .from(inspections)
      .where(eq(inspections.orderItemId, ids['O5-item'] ?? 0))
    expect(o5Inspections).toEqual([{ n: 1 }])
    expect(
      await db
        .select({ n: count() })
        .from(auditLog)
        .where(and(eq(auditLog.entity, 'order'), eq(auditLog.entityId, String(ids['O5'])))),
    ).toEqual([{ n: 1 }])
    expect(
      await db
        .select({ n: count() })
        .from(documents)
        .where(eq(documents.catalogItemId, 'T2-BODY-48-60-HA')),
    ).toEqual([{ n: 1 }])
    expect(await db.select({ key: idempotencyKeys.key }).from(idempotencyKeys)).toEqual([
      { key: 'live' },
    ])

    // the frozen BOM of the removed order is still there, through HTTP too
    const bom = await t.call('GET', `/boms/${frozenBomId}`, { token: sales })
    expect(bom.status).toBe(200)
    expect((await t.call('GET', `/orders/${ids['O1']}`, { token: sales })).status).toBe(404)
    expect((await t.call('GET', `/orders/${ids['O5']}`, { token: sales })).status).toBe(200)

    // the rules applied are in the database, and the run is audited
    const rules = await db.select().from(retentionRules).orderBy(retentionRules.subject)
    expect(rules.map((rule) => rule.subject)).toEqual([
      'audit',
      'documents',
      'idempotency_keys',
      'orders',
      'qc',
    ])
    const [audited] = await db
      .select({ after: auditLog.after })
      .from(auditLog)
      .where(eq(auditLog.action, 'retention.prune'))
    expect(audited?.after).toMatchObject({
      counts: expect.arrayContaining([
        expect.objectContaining({ subject: 'orders', count: 3 }),
      ]) as unknown,
    })
  })

  it('finds nothing more to do on a second run', async () => {
    const report = await pruneExpired(t.api.services.db, { now: t.clock.now(), dryRun: false })
    expect(countsOf(report)).toEqual({
      idempotency_keys: 0,
      audit: 0,
      documents: 0,
      qc: 0,
      orders: 0,
    })
  })
})

describe('expired idempotency keys', () => {
  async function addExpiredKey(name: string): Promise<void> {
    const { db } = t.api.services
    const [admin] = await db.select({ id: users.id }).from(users).where(eq(users.username, 'admin'))
    await db.insert(idempotencyKeys).values({
      userId: admin?.id ?? 0,
      key: name,
      method: 'POST',
      path: '/orders',
      requestHash: 'h',
      status: 201,
      response: {},
      expiresAt: new Date(t.clock.now().getTime() - 1000),
    })
  }

  it('are pruned by the running service on its schedule', async () => {
    await addExpiredKey('scheduled')
    const stop = scheduleIdempotencyPruning(t.api.services.db, {
      now: t.clock.now,
      log: () => undefined,
      everyMs: 20,
    })
    try {
      await vi.waitFor(
        async () => {
          const left = await t.api.services.db
            .select({ key: idempotencyKeys.key })
            .from(idempotencyKeys)
            .where(eq(idempotencyKeys.key, 'scheduled'))
          expect(left).toEqual([])
        },
        { timeout: 10_000, interval: 50 },
      )
    } finally {
      await stop()
    }
  })

  it.runIf(ON_POSTGRES)(
    'are pruned by one instance at a time: another skips its round',
    async () => {
      await addExpiredKey('contended')
      const { db } = t.api.services
      let release: () => void = () => undefined
      const held = new Promise<void>((resolve) => (release = resolve))
      let locked: () => void = () => undefined
      const isLocked = new Promise<void>((resolve) => (locked = resolve))
      const holder = db.transaction(async (tx) => {
        await tx.execute(sql`select pg_advisory_xact_lock(7172005)`)
        locked()
        await held
      })
      await isLocked
      expect(await pruneIdempotencyKeysOnce(db, t.clock.now())).toBeUndefined()
      release()
      await holder
      expect(await pruneIdempotencyKeysOnce(db, t.clock.now())).toBe(1)
    },
  )
})
