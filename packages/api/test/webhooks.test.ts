import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TestApi } from './harness.js'
import { createTestApi, json, USERS } from './harness.js'
import { driveOrder } from './lifecycle.js'
import type { Receiver } from './receiver.js'
import { FAST_DELIVERY, startReceiver, waitFor } from './receiver.js'

interface FeedEvent {
  id: string
  type: string
  sequence: number
  orderId: number | null
  data: Record<string, unknown>
}
interface Delivery {
  id: number
  eventId: string
  status: string
  attempts: number
  log: {
    status: number | null
    error: string | null
    response: string | null
    durationMs: number
  }[]
}

let t: TestApi
let admin: string

beforeAll(async () => {
  t = await createTestApi({ webhooks: FAST_DELIVERY })
  admin = await t.token(USERS.ADMIN)
}, 120_000)
afterAll(async () => {
  await t.close()
})

async function subscribe(receiver: Receiver, eventTypes: string[] = ['*']): Promise<number> {
  const response = await t.call('POST', '/webhooks', {
    token: admin,
    body: { url: receiver.url, eventTypes },
  })
  expect(response.status, await response.clone().text()).toBe(201)
  const created = await json<{ id: number; secret: string }>(response)
  expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/)
  receiver.secret = created.secret
  return created.id
}

async function feedOf(orderId: number): Promise<FeedEvent[]> {
  const page = await json<{ events: FeedEvent[] }>(
    await t.call('GET', `/events?orderId=${orderId}&limit=500`, { token: admin }),
  )
  return page.events
}

async function deliveries(webhookId: number, query = ''): Promise<Delivery[]> {
  const response = await t.call('GET', `/webhooks/${webhookId}/deliveries?limit=200${query}`, {
    token: admin,
  })
  expect(response.status).toBe(200)
  return (await json<{ deliveries: Delivery[] }>(response)).deliveries
}

/**
 * the deliveries of these events once none is PENDING: the receiver has a request before the
 * deliverer has recorded its answer, so arrivals alone do not say that the log is complete
 */
async function settledDeliveries(
  webhookId: number,
  eventIds: readonly string[],
): Promise<Delivery[]> {
  let log: Delivery[] = []
  await waitFor('every delivery recorded as done', async () => {
    log = (await deliveries(webhookId)).filter((d) => eventIds.includes(d.eventId))
    return log.length === eventIds.length && log.every((d) => d.status !== 'PENDING')
  })
  return log
}

/** the ids in order of first arrival */
function firstArrivals(receiver: Receiver, orderId: number): string[] {
  return [...new Set(receiver.received.filter((r) => r.orderId === orderId).map((r) => r.id))]
}

describe('webhooks', () => {
  it('delivers an order’s events from DRAFT to DELIVERED to a verifying receiver, in order, each once unless an attempt failed', async () => {
    const receiver = await startReceiver()
    try {
      const id = await subscribe(receiver)
      const order = await driveOrder(t)
      const expected = (await feedOf(order.id)).map((event) => event.id)
      await waitFor(
        'every event delivered',
        () => firstArrivals(receiver, order.id).length === expected.length,
      )
      expect(firstArrivals(receiver, order.id)).toEqual(expected)
      expect(receiver.rejected).toBe(0)
      const log = await settledDeliveries(id, expected)
      expect(log.map((d) => d.status)).toEqual(expected.map(() => 'SUCCEEDED'))
      // at least once: an event arrives a second time only when an attempt was recorded as failed
      // (on a busy machine the receiver's answer can miss the 1 s timeout); never an unrecorded send
      for (const delivery of log) {
        const arrivals = receiver.received.filter((r) => r.id === delivery.eventId).length
        expect(arrivals, `arrivals of ${delivery.eventId}`).toBe(delivery.log.length)
        expect(delivery.log.slice(0, -1).every((a) => a.status === null || a.status >= 300)).toBe(
          true,
        )
      }
    } finally {
      await receiver.close()
    }
  })

  it('retries a receiver that fails and times out until it recovers, recording every attempt', async () => {
    const receiver = await startReceiver()
    try {
      const id = await subscribe(receiver, ['order.created', 'order.moved', 'order.item_added'])
      receiver.plan = ['fail', 'fail', 'hang']
      const order = await driveOrder(t, { until: 'APPROVAL', buildNumber: 'B-3001' })
      const expected = (await feedOf(order.id))
        .filter((event) =>
          ['order.created', 'order.moved', 'order.item_added'].includes(event.type),
        )
        .map((event) => event.id)
      await waitFor(
        'every event delivered',
        () => firstArrivals(receiver, order.id).length === expected.length,
      )
      // in order per order, also across the retries of the first
      expect(firstArrivals(receiver, order.id)).toEqual(expected)
      const [first] = await settledDeliveries(id, expected.slice(0, 1))
      expect(first).toMatchObject({ status: 'SUCCEEDED', attempts: 4 })
      expect(first?.log.map((attempt) => attempt.status)).toEqual([500, 500, null, 204])
      expect(first?.log[0]?.response).toBe('receiver is down for maintenance')
      expect(first?.log[2]?.error).toBe('no answer within 1000 ms')
    } finally {
      await receiver.close()
    }
  })

  it('marks a delivery failed after its last attempt, disables the webhook after repeated failures, and redelivers', async () => {
    const receiver = await startReceiver()
    try {
      const id = await subscribe(receiver, ['customer.created'])
      receiver.fallback = 'fail'
      const sales = await t.token(USERS.SALES_MANAGER)
      for (const name of ['Failing One', 'Failing Two']) {
        expect((await t.call('POST', '/customers', { token: sales, body: { name } })).status).toBe(
          201,
        )
      }
      await waitFor('the webhook disabled', async () => {
        const hook = await json<{ status: string }>(
          await t.call('GET', `/webhooks/${id}`, { token: admin }),
        )
        return hook.status === 'DISABLED'
      })
      const failed = await deliveries(id, '&status=FAILED')
      expect(failed).toHaveLength(2)
      expect(failed.every((d) => d.attempts === FAST_DELIVERY.attempts)).toBe(true)
      const disabled = await json<{ events: FeedEvent[] }>(
        await t.call('GET', '/events?type=webhook.disabled', { token: admin }),
      )
      expect(disabled.events.map((event) => event.data['webhook'])).toContainEqual({
        id,
        url: receiver.url,
      })

      // paused or disabled: no redelivery until resumed
      const delivery = failed[0]?.id ?? 0
      const early = await t.call('POST', `/webhooks/${id}/deliveries/${delivery}/redeliver`, {
        token: admin,
      })
      expect(early.status).toBe(409)
      receiver.fallback = 'ok'
      const resumed = await t.call('PATCH', `/webhooks/${id}`, {
        token: admin,
        body: { status: 'ACTIVE' },
      })
      expect(await json(resumed)).toMatchObject({ status: 'ACTIVE', failures: 0 })
      const again = await t.call('POST', `/webhooks/${id}/deliveries/${delivery}/redeliver`, {
        token: admin,
      })
      expect(again.status).toBe(202)
      await waitFor('the redelivery', () => receiver.received.length === 1)
      expect(receiver.received[0]?.id).toBe(failed[0]?.eventId)
      const pending = await t.call('POST', `/webhooks/${id}/deliveries/${delivery}/redeliver`, {
        token: admin,
      })
      expect([202, 409]).toContain(pending.status)
    } finally {
      await receiver.close()
    }
  })

  it('refuses URLs that are not http(s) or reach the internal network, naming the field', async () => {
    for (const [url, message] of [
      ['ftp://example.com/hook', 'expected an http or https URL, received the scheme ftp'],
      ['not a url', 'expected an absolute http or https URL, received "not a url"'],
      [
        'http://10.1.2.3/hook',
        '10.1.2.3 is a loopback or private address; a webhook cannot reach the internal network unless WEBHOOK_ALLOWED_HOSTS names it',
      ],
      [
        'http://[::1]:8080/hook',
        '::1 is a loopback or private address; a webhook cannot reach the internal network unless WEBHOOK_ALLOWED_HOSTS names it',
      ],
      [
        'http://localhost/hook',
        'localhost is a loopback or private address; a webhook cannot reach the internal network unless WEBHOOK_ALLOWED_HOSTS names it',
      ],
      [
        'https://user:pw@example.com/hook',
        'a webhook URL carries no user name or password: receivers verify the signature instead',
      ],
    ] as const) {
      const response = await t.call('POST', '/webhooks', {
        token: admin,
        body: { url, eventTypes: ['*'] },
      })
      expect(response.status, url).toBe(400)
      const body = await json<{ errors: { path: string; message: string }[] }>(response)
      expect(body.errors, url).toEqual([{ path: 'body.url', message, code: 'invalid_url' }])
    }
    const unknownType = await t.call('POST', '/webhooks', {
      token: admin,
      body: { url: 'https://example.com/hook', eventTypes: ['order.exploded'] },
    })
    expect(unknownType.status).toBe(400)
  })

  it('shows the secret only when made or rotated, and deletes with the log', async () => {
    const created = await json<{ id: number; secret: string }>(
      await t.call('POST', '/webhooks', {
        token: admin,
        body: { url: 'https://erp.example.com/hooks', eventTypes: ['order.bom_frozen'] },
      }),
    )
    const read = await t.call('GET', `/webhooks/${created.id}`, { token: admin })
    expect(await read.text()).not.toContain('whsec_')
    const listed = await t.call('GET', '/webhooks', { token: admin })
    expect(await listed.text()).not.toContain('whsec_')
    const rotated = await json<{ secret: string; status: string }>(
      await t.call('PATCH', `/webhooks/${created.id}`, {
        token: admin,
        body: { rotateSecret: true, status: 'PAUSED' },
      }),
    )
    expect(rotated.status).toBe('PAUSED')
    expect(rotated.secret).not.toBe(created.secret)
    expect((await t.call('DELETE', `/webhooks/${created.id}`, { token: admin })).status).toBe(204)
    expect((await t.call('GET', `/webhooks/${created.id}`, { token: admin })).status).toBe(404)
  })

  it('keeps external systems as data, each with a webhook underneath', async () => {
    const created = await t.call('POST', '/external-systems', {
      token: admin,
      body: {
        name: 'SAP ERP',
        kind: 'ERP',
        baseUrl: 'https://erp.example.com/torvan',
        eventTypes: ['order.bom_frozen'],
      },
    })
    expect(created.status).toBe(201)
    const system = await json<{ id: number; secret: string; webhook: { id: number; url: string } }>(
      created,
    )
    expect(system).toMatchObject({ webhook: { url: 'https://erp.example.com/torvan' } })
    expect(system.secret).toMatch(/^whsec_/)
    const twin = await t.call('POST', '/external-systems', {
      token: admin,
      body: {
        name: 'SAP ERP',
        kind: 'ERP',
        baseUrl: 'https://erp.example.com/x',
        eventTypes: ['*'],
      },
    })
    expect(twin.status).toBe(409)
    const moved = await json<{ webhook: { url: string; eventTypes: string[] } }>(
      await t.call('PATCH', `/external-systems/${system.id}`, {
        token: admin,
        body: {
          baseUrl: 'https://erp2.example.com/torvan',
          eventTypes: ['order.bom_frozen', 'order.shipped'],
        },
      }),
    )
    expect(moved.webhook).toMatchObject({
      url: 'https://erp2.example.com/torvan',
      eventTypes: ['order.bom_frozen', 'order.shipped'],
    })
    expect(
      (await t.call('DELETE', `/webhooks/${system.webhook.id}`, { token: admin })).status,
    ).toBe(409)
    expect(
      (await t.call('DELETE', `/external-systems/${system.id}`, { token: admin })).status,
    ).toBe(204)
    expect((await t.call('GET', `/webhooks/${system.webhook.id}`, { token: admin })).status).toBe(
      404,
    )
  })
})
