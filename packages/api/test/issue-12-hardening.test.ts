import { readFileSync } from 'node:fs'
import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditLog, boms, customers, idempotencyKeys } from '../src/db/schema/index.js'
import { IDEMPOTENCY_KEY_TTL_MS, pruneIdempotencyKeys } from '../src/http/idempotency.js'
import type { TestApi } from './harness.js'
import { createTestApi, json, PASSWORD, USERS } from './harness.js'

let t: TestApi

beforeAll(async () => {
  t = await createTestApi()
}, 120_000)
afterAll(async () => {
  await t.close()
})

const sales = () => t.token(USERS.SALES_MANAGER)

async function freshToken(username: string): Promise<string> {
  const response = await t.call('POST', '/auth/login', { body: { username, password: PASSWORD } })
  return (await json<{ token: string }>(response)).token
}

describe('input that used to give a 500', () => {
  it('refuses a configuration nested 5,000 levels deep with a 400 naming where', async () => {
    const response = await t.call('POST', '/configurations/validate', {
      token: await sales(),
      // written as text: JSON.stringify itself cannot nest that deep
      body: `{"configuration":{"sink":${'{"a":'.repeat(5000)}"deep"${'}'.repeat(5000)}}}`,
    })
    expect(response.status).toBe(400)
    const body = await json<{ errors: { path: string; code: string }[] }>(response)
    expect(body.errors[0]?.code).toBe('too_deep')
    expect(body.errors[0]?.path).toMatch(/^body\.configuration\.sink(\.a)+$/)
  })

  it('refuses a NUL character in a search with a 400, on orders and customers', async () => {
    for (const path of ['/orders?q=a%00b', '/customers?q=a%00b']) {
      const response = await t.call('GET', path, { token: await sales() })
      expect(response.status, path).toBe(400)
      expect((await json(response))['detail']).toBe('query.q: must not contain a NUL character.')
    }
  })

  it('answers ids beyond the database integer with a 400, not a database error', async () => {
    for (const path of ['/orders/99999999999', '/boms/2147483648', '/customers/1e20']) {
      const response = await t.call('GET', path, { token: await sales() })
      expect(response.status, path).toBe(400)
      expect(response.headers.get('content-type')).toBe('application/problem+json')
    }
    expect((await t.call('GET', '/orders/2147483647', { token: await sales() })).status).toBe(404)
  })
})

describe('the probe that froze the server', () => {
  const config = JSON.parse(
    readFileSync(new URL('../../../fixtures/configs/t2-b2-standard.json', import.meta.url), 'utf8'),
  ) as Record<string, unknown>
  const withAccessories = (count: number) => ({
    ...config,
    accessories: Array.from({ length: count }, (_, i) => ({ id: `T2-ACC-${i}`, quantity: 1 })),
  })

  it('answers 200, 400 and 1,000 accessories with a bounded answer while /health stays up', async () => {
    for (const count of [200, 400, 1000]) {
      const [answer, health] = await Promise.all([
        t.call('POST', '/configurations/options', {
          token: await sales(),
          body: { configuration: withAccessories(count) },
        }),
        t.call('GET', '/health'),
      ])
      expect(health.status).toBe(200)
      expect(answer.status, String(count)).toBeLessThan(500)
      const text = await answer.text()
      expect(text.length, String(count)).toBeLessThan(2_000_000)
      const explained = await t.call('POST', '/configurations/explain', {
        token: await sales(),
        body: {
          configuration: withAccessories(count),
          items: Array.from({ length: 50 }, (_, i) => `T2-ACC-${i}`),
        },
      })
      expect(explained.status, String(count)).toBeLessThan(500)
      expect((await explained.text()).length, String(count)).toBeLessThan(2_000_000)
    }
  })
})

describe('the BOM cache', () => {
  it('answers a repeated configuration with the BOM as it is now, frozen once approval froze it', async () => {
    const config = JSON.parse(
      readFileSync(
        new URL('../../../fixtures/configs/t2-b1-minimal.json', import.meta.url),
        'utf8',
      ),
    ) as Record<string, unknown>
    const generate = async () =>
      json<{ id: number; frozen: boolean }>(
        await t.call('POST', '/boms', {
          token: await sales(),
          body: { configuration: { ...config, buildNumber: 'CACHE-1' } },
        }),
      )
    const first = await generate()
    expect(first.frozen).toBe(false)
    // what approval does to the row; the cache is not told
    await t.api.services.db.update(boms).set({ frozenAt: new Date() }).where(eq(boms.id, first.id))
    const again = await generate()
    expect(again).toMatchObject({ id: first.id, frozen: true })
  })
})

describe('headers and request ids', () => {
  it('sends security headers on every answer, and a strict policy on the reference page', async () => {
    for (const path of ['/health', '/docs', '/orders']) {
      const response = await t.call('GET', path)
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff')
      expect(response.headers.get('x-frame-options'), path).toBe('SAMEORIGIN')
    }
    const docs = await t.call('GET', '/docs')
    const policy = docs.headers.get('content-security-policy') ?? ''
    expect(policy).toContain("script-src 'self'")
    expect(policy).toContain("frame-ancestors 'none'")
    // the page has no inline script for that policy to block
    expect(await docs.text()).not.toMatch(/<script>(?!<\/script>)/)
    expect((await t.call('GET', '/docs/swagger-init.js')).status).toBe(200)
  })

  it('generates its own request id and keeps a client id apart, out of the audit rows', async () => {
    const response = await t.call('POST', '/customers', {
      token: await sales(),
      body: { name: 'Request Id Clinic' },
      headers: { 'X-Request-Id': 'forged-id-123' },
    })
    expect(response.status).toBe(201)
    const ours = response.headers.get('x-request-id')
    expect(ours).toMatch(/^[0-9a-f-]{36}$/)
    expect(response.headers.get('x-client-request-id')).toBe('forged-id-123')
    const { id } = await json<{ id: number }>(response)
    const rows = await t.api.services.db
      .select({ requestId: auditLog.requestId })
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'customer'), eq(auditLog.entityId, String(id))))
    expect(rows.map((row) => row.requestId)).toEqual([ours])
    // a malformed client id is dropped, not echoed
    const odd = await t.call('GET', '/health', { headers: { 'X-Request-Id': 'a b<script>' } })
    expect(odd.headers.get('x-client-request-id')).toBeNull()
  })
})

describe('rate limits', () => {
  it('answers sign-ins over 30 a minute from one address with 429 problems and Retry-After', async () => {
    const statuses: number[] = []
    for (let i = 0; i < 32; i++) {
      const response = await t.call('POST', '/auth/login', {
        body: { username: `nobody${i}`, password: 'x' },
        address: '192.0.2.44',
      })
      statuses.push(response.status)
      if (response.status === 429) {
        expect(response.headers.get('content-type')).toBe('application/problem+json')
        expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0)
      }
    }
    expect(statuses.slice(0, 20).every((status) => status === 401)).toBe(true)
    expect(statuses.slice(30)).toEqual([429, 429])
    // another address is not affected
    const other = await t.call('POST', '/auth/login', {
      body: { username: USERS.QC_INSPECTOR, password: PASSWORD },
      address: '192.0.2.45',
    })
    expect(other.status).toBe(200)
  })
})

describe('idempotency keys', () => {
  it('keeps no key for a request that failed, and runs its retry', async () => {
    const send = async (customerId: number) =>
      t.call('POST', '/orders', {
        token: await sales(),
        body: { customerId },
        headers: { 'Idempotency-Key': 'fails-first' },
      })
    const failed = await send(2_000_000_000)
    expect(failed.status).toBeGreaterThanOrEqual(400)
    expect(failed.status).toBeLessThan(500)
    const keys = await t.api.services.db
      .select()
      .from(idempotencyKeys)
      .where(eq(idempotencyKeys.key, 'fails-first'))
    expect(keys).toEqual([])
  })

  it('answers replays for 24 hours, then treats the key as new; expired keys are pruned', async () => {
    const create = async (name: string) =>
      t.call('POST', '/customers', {
        token: await freshToken(USERS.SALES_MANAGER),
        body: { name },
        headers: { 'Idempotency-Key': 'day-old' },
      })
    const first = await create('Day Old Clinic')
    expect(first.status).toBe(201)
    const replay = await create('Day Old Clinic')
    expect(replay.headers.get('idempotent-replayed')).toBe('true')
    expect(await json(replay)).toEqual(await json(first))

    t.clock.advance(IDEMPOTENCY_KEY_TTL_MS + 1000)
    const fresh = await create('Day Old Clinic')
    expect(fresh.status).toBe(201)
    expect(fresh.headers.get('idempotent-replayed')).toBeNull()
    const made = await t.api.services.db
      .select()
      .from(customers)
      .where(eq(customers.name, 'Day Old Clinic'))
    expect(made).toHaveLength(2)

    t.clock.advance(IDEMPOTENCY_KEY_TTL_MS + 1000)
    const pruned = await pruneIdempotencyKeys(t.api.services.db, t.clock.now())
    expect(pruned).toBeGreaterThanOrEqual(1)
    const left = await t.api.services.db
      .select()
      .from(idempotencyKeys)
      .where(eq(idempotencyKeys.key, 'day-old'))
    expect(left).toEqual([])
  })
})
