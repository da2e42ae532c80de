import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { DELIVERY_QUEUE } from '../src/webhooks/dispatcher.js'
import type { TestApi } from './harness.js'
import { createTestApi, createTestDatabase, ON_POSTGRES } from './harness.js'
import { FAST_DELIVERY } from './receiver.js'

const directory = await mkdtemp(join(tmpdir(), 'torvan-webhooks-restart-'))
let t: TestApi | undefined
afterAll(async () => {
  await t?.close()
  await rm(directory, { recursive: true, force: true })
})

describe('the delivery queue across restarts', () => {
  it('takes the retry settings of the latest start, not only of the first', async () => {
    const database = await createTestDatabase(ON_POSTGRES ? undefined : join(directory, 'data'))
    t = await createTestApi({ database, keep: true, webhooks: { ...FAST_DELIVERY, attempts: 4 } })
    const first = await t.api.services.webhooks.jobs.getQueue(DELIVERY_QUEUE)
    expect(first?.retryLimit).toBe(3)
    await t.close()
    t = await createTestApi({
      database,
      webhooks: { ...FAST_DELIVERY, attempts: 7, retryDelaySeconds: 3, expireSeconds: 9 },
    })
    const second = await t.api.services.webhooks.jobs.getQueue(DELIVERY_QUEUE)
    expect(second).toMatchObject({ retryLimit: 6, retryDelay: 3, expireInSeconds: 9 })
  })
})
