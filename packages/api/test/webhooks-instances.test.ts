import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TestApi, TestDatabase } from './harness.js'
import { createTestApi, createTestDatabase, json, ON_POSTGRES, USERS } from './harness.js'
import { driveOrder } from './lifecycle.js'
import type { Receiver } from './receiver.js'
import { FAST_DELIVERY, startReceiver, waitFor } from './receiver.js'

// two processes on one database: PostgreSQL only (PGlite serves one process)
describe.skipIf(!ON_POSTGRES)('webhook delivery with several API instances', () => {
  let database: TestDatabase
  let first: TestApi
  let second: TestApi | undefined
  let receiver: Receiver

  beforeAll(async () => {
    database = await createTestDatabase()
    // the first instance takes requests but leaves delivery to the others
    first = await createTestApi({
      database,
      keep: true,
      webhooks: { ...FAST_DELIVERY, enabled: false },
    })
    receiver = await startReceiver()
  }, 120_000)
  afterAll(async () => {
    await second?.close()
    await first.close()
    await receiver.close()
    await database.drop()
  })

  it('loses nothing when the delivering instance is killed mid-send: another resumes, repeats carry the same webhook-id', async () => {
    const admin = await first.token(USERS.ADMIN)
    const created = await json<{ secret: string }>(
      await first.call('POST', '/webhooks', {
        token: admin,
        body: { url: receiver.url, eventTypes: ['*'] },
      }),
    )
    receiver.secret = created.secret
    // the first delivery hangs: the child is mid-send when it dies
    receiver.plan = ['hang']
    const url = (database.options as { url: string }).url
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', fileURLToPath(new URL('./instance.child.ts', import.meta.url))],
      { env: { ...process.env, DATABASE_URL: url }, stdio: ['ignore', 'pipe', 'inherit'] },
    )
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.once('exit', (_code, signal) => {
        resolve(signal)
      }),
    )
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('ready')) resolve()
      })
      child.once('exit', () => {
        reject(new Error('the child instance ended before it was ready'))
      })
    })
    const order = await driveOrder(first, { until: 'APPROVAL', buildNumber: 'B-4001' })
    await receiver.hanging
    child.kill('SIGKILL')
    expect(await exited).toBe('SIGKILL')

    // a second instance takes over: the killed one's delivery expires and is retried here
    second = await createTestApi({
      database,
      keep: true,
      // it looks for expired deliveries every second (60 s in production); the other tests keep 60 s,
      // so that a slow first delivery on a busy machine is not taken for lost and sent twice
      webhooks: { ...FAST_DELIVERY, instance: 'second', monitorSeconds: 1 },
    })
    const feed = await json<{ events: { id: string; orderId: number | null }[] }>(
      await first.call('GET', '/events?limit=500', { token: admin }),
    )
    const expected = feed.events.map((event) => event.id)
    await waitFor(
      'every event delivered',
      () => new Set(receiver.received.map((r) => r.id)).size >= expected.length,
    )
    const ids = receiver.received.map((r) => r.id)
    expect(new Set(ids)).toEqual(new Set(expected))
    // in order per order: the first arrivals of the order's events follow the feed
    const mine = feed.events.filter((event) => event.orderId === order.id).map((event) => event.id)
    expect([...new Set(ids)].filter((id) => mine.includes(id))).toEqual(mine)
    expect(receiver.rejected).toBe(0)
  }, 180_000)
})
