import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TestApi } from './harness.js'
import { createTestApi, json, PASSWORD } from './harness.js'

let t: TestApi
let server: ReturnType<typeof serve>
let base = ''

interface Entry {
  id: number
  action: string
  entity: string
  entityId: string | null
  user: { id: number; username: string } | null
  changed: string[]
  ip: string | null
  userAgent: string | null
  before: unknown
  after: unknown
}

interface Page {
  entries: Entry[]
  nextCursor: string | null
}

/** a request over a real socket, so that the audit rows see the client's address */
async function http(
  method: string,
  path: string,
  input: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<Response> {
  return fetch(`${base}${path}`, {
    method,
    headers: {
      'User-Agent': 'audit-test/1.0',
      ...(input.body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...(input.token === undefined ? {} : { Authorization: `Bearer ${input.token}` }),
      ...input.headers,
    },
    ...(input.body === undefined ? {} : { body: JSON.stringify(input.body) }),
  })
}

async function signIn(username: string, password = PASSWORD): Promise<string> {
  const response = await http('POST', '/auth/login', { body: { username, password } })
  expect(response.status).toBe(200)
  return (await json<{ token: string }>(response)).token
}

beforeAll(async () => {
  t = await createTestApi()
  server = serve({ fetch: t.api.app.fetch, port: 0, hostname: '127.0.0.1' })
  await new Promise<void>((resolve) => server.once('listening', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}, 120_000)
afterAll(async () => {
  await new Promise<void>((resolve) => {
    server.close(() => {
      resolve()
    })
  })
  await t.close()
})

describe('the audit trail', () => {
  it('finds every mutation of an order with its user, address, user agent and changed fields', async () => {
    const sales = await signIn('sales')
    const admin = await signIn('admin')
    const customer = await json<{ id: number }>(
      await http('POST', '/customers', { token: sales, body: { name: 'Audit Hospital' } }),
    )
    let order = await json<{ id: number; version: number; items: { id: number }[] }>(
      await http('POST', '/orders', { token: sales, body: { customerId: customer.id } }),
    )
    const steps: [string, string, unknown][] = [
      ['PATCH', `/orders/${order.id}`, { priority: 'HIGH' }],
      [
        'POST',
        `/orders/${order.id}/items`,
        {
          buildNumber: '80001',
          configuration: {
            product: 'T2',
            model: 'T2-B1',
            sink: { lengthIn: 48, widthIn: 30 },
            legs: { height: 'ADJUSTABLE', model: 'DL14' },
            feet: 'LEVELING_CASTERS',
            basins: [{ type: 'E_SINK', size: '20X20X8' }],
          },
        },
      ],
      ['POST', `/orders/${order.id}/transitions`, { to: 'CONFIGURATION' }],
    ]
    for (const [method, path, body] of steps) {
      const response = await http(method, path, {
        token: sales,
        body,
        headers: { 'If-Match': `"${order.version}"` },
      })
      expect(response.status, await response.clone().text()).toBeLessThan(300)
      order = await json(response)
    }
    const response = await http('GET', `/orders/${order.id}/audit`, { token: sales })
    expect(response.status).toBe(200)
    const { entries } = await json<Page>(response)
    expect(
      entries.map((e) => [e.action, e.user?.username, e.ip?.replace(/^::ffff:/, ''), e.userAgent]),
    ).toEqual([
      ['order.transition', 'sales', '127.0.0.1', 'audit-test/1.0'],
      ['order.item.create', 'sales', '127.0.0.1', 'audit-test/1.0'],
      ['order.update', 'sales', '127.0.0.1', 'audit-test/1.0'],
      ['order.create', 'sales', '127.0.0.1', 'audit-test/1.0'],
    ])
    expect(entries[0]?.changed).toEqual(['phase', 'version'])
    expect(entries[2]?.changed).toEqual(['priority', 'updatedAt', 'version'])
    // the same rows through the audit API, by entity, then by user and action
    const byEntity = await json<Page>(
      await http('GET', `/audit?entity=order&entityId=${order.id}`, { token: admin }),
    )
    expect(byEntity.entries.map((e) => e.action)).toEqual([
      'order.transition',
      'order.update',
      'order.create',
    ])
    const salesUser = entries[0]?.user?.id
    const byUser = await json<Page>(
      await http('GET', `/audit?userId=${salesUser}&action=customer.create`, { token: admin }),
    )
    expect(byUser.entries.map((e) => [e.entityId, e.ip?.replace(/^::ffff:/, '')])).toEqual([
      [String(customer.id), '127.0.0.1'],
    ])
  })

  it('pages newest first by cursor, without gaps or repeats', async () => {
    const admin = await t.token('admin')
    const all = await json<Page>(await t.call('GET', '/audit?limit=200', { token: admin }))
    const seen: number[] = []
    let cursor: string | null = ''
    while (cursor !== null) {
      const page: Page = await json<Page>(
        await t.call('GET', `/audit?limit=3${cursor === '' ? '' : `&cursor=${cursor}`}`, {
          token: admin,
        }),
      )
      expect(page.entries.length).toBeLessThanOrEqual(3)
      seen.push(...page.entries.map((e) => e.id))
      cursor = page.nextCursor
    }
    expect(seen).toEqual(all.entries.map((e) => e.id))
    expect([...seen].sort((a, b) => b - a)).toEqual(seen)
    const bad = await t.call('GET', '/audit?cursor=abc', { token: admin })
    expect(bad.status).toBe(400)
  })

  it('is for audit:read only; the history of an entity is for those who can read it', async () => {
    const service = await t.token('service')
    expect((await t.call('GET', '/audit', { token: service })).status).toBe(403)
    expect((await t.call('GET', '/users/1/audit', { token: service })).status).toBe(403)
    expect((await t.call('GET', '/orders/999999/audit', { token: service })).status).toBe(404)
  })
})

describe('users', () => {
  it('changes their own password with the current one, and then only the new one signs in', async () => {
    const token = await signIn('qc')
    // tokens are stamped in whole seconds: this one is older than the change
    t.clock.advance(1500)
    const wrong = await http('POST', '/me/password', {
      token,
      body: { currentPassword: 'not-it-at-all', password: 'a-new-password-77' },
    })
    expect(wrong.status).toBe(403)
    const changed = await http('POST', '/me/password', {
      token,
      body: { currentPassword: PASSWORD, password: 'a-new-password-77' },
    })
    expect(changed.status).toBe(204)
    expect((await http('GET', '/me', { token })).status).toBe(401)
    const old = await http('POST', '/auth/login', { body: { username: 'qc', password: PASSWORD } })
    expect(old.status).toBe(401)
    await signIn('qc', 'a-new-password-77')
    const admin = await t.token('admin')
    const { entries } = await json<Page>(
      await t.call('GET', '/audit?action=user.password_change_failed', { token: admin }),
    )
    expect(entries.map((e) => e.user?.username)).toEqual(['qc'])
  })

  it('keeps e-mail addresses unique whatever their case, and shows the last sign-in', async () => {
    const admin = await t.token('admin')
    const create = (username: string, email: string) =>
      t.call('POST', '/users', {
        token: admin,
        body: {
          username,
          displayName: username,
          email,
          password: PASSWORD,
          roles: ['QC_INSPECTOR'],
        },
      })
    expect((await create('first', 'same@torvan.example')).status).toBe(201)
    const second = await create('second', 'SAME@torvan.example')
    expect(second.status).toBe(409)
    expect((await json(second))['detail']).toBe(
      'The e-mail address "SAME@torvan.example" belongs to another user.',
    )
    const { users } = await json<{ users: { username: string; lastLoginAt: string | null }[] }>(
      await t.call('GET', '/users', { token: admin }),
    )
    expect(users.find((u) => u.username === 'admin')?.lastLoginAt).toEqual(expect.any(String))
    expect(users.find((u) => u.username === 'first')?.lastLoginAt).toBeNull()
  })
})
