// Issue 21: one product's rules that no longer compile against the catalog must not stop the service
// (it used to exit 3): the others are served, the broken one answers 503, the log and /health say why.
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TestApi, TestDatabase } from './harness.js'
import { createTestApi, createTestDatabase, json, USERS } from './harness.js'

let directory: string
let database: TestDatabase
let t: TestApi
const logged: string[] = []

const sample = async (path: string) =>
  JSON.parse(
    await readFile(new URL(`../../../fixtures/${path}`, import.meta.url), 'utf8'),
  ) as Record<string, unknown>

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'torvan-broken-'))
  database = await createTestDatabase(join(directory, 'data'))
  const first = await createTestApi({ database, keep: true })
  // the stored WS rules now name an item the catalog does not have
  await first.api.services.db.execute(
    sql`update rulesets set source = replace(source::text, 'WS-WALL-MOUNT-KIT', 'WS-WALL-MOUNT-KIX')::jsonb where product = 'WS' and active`,
  )
  await first.close()
  t = await createTestApi({ database, keep: true, start: { log: (line) => logged.push(line) } })
}, 180_000)
afterAll(async () => {
  await t.close()
  await database.drop()
  await rm(directory, { recursive: true, force: true })
})

describe('a product whose stored rules no longer compile', () => {
  it('starts, logs why, and shows the product as failed in /health while the others are loaded', async () => {
    const errors = logged
      .map((line) => JSON.parse(line) as { level: number; msg: string; product?: string })
      .filter((entry) => entry.product === 'WS')
    expect(errors).toHaveLength(1)
    expect(errors[0]?.level).toBe(50)
    expect(errors[0]?.msg).toMatch(
      /^the WS rules \(version 1\) do not load, so WS is not served: the active WS ruleset \(version 1\) no longer compiles against the catalog: .*WS-WALL-MOUNT-KIX/,
    )
    const health = await json<{ products: { product: string; state: string; reason?: string }[] }>(
      await t.call('GET', '/health'),
    )
    expect(health.products.map(({ product, state }) => [product, state])).toEqual([
      ['T2', 'loaded'],
      ['WS', 'failed'],
    ])
    expect(health.products[1]?.reason).toContain('WS-WALL-MOUNT-KIX')
    expect((await t.call('GET', '/ready')).status).toBe(200)
  })

  it('keeps configuring T2 and answers a WS configuration with a 503 problem that says why', async () => {
    const sales = await t.token(USERS.SALES_MANAGER)
    const t2 = await t.call('POST', '/boms', {
      token: sales,
      body: { configuration: await sample('configs/t2-b2-standard.json') },
    })
    expect(t2.status).toBeLessThan(300)
    const ws = await t.call('POST', '/configurations/validate', {
      token: sales,
      body: { configuration: await sample('ws/ws-stock.json') },
    })
    expect(ws.status).toBe(503)
    const problem = await json<{ detail: string }>(ws)
    expect(problem.detail).toMatch(
      /^The WS rules \(version 1\) are not loaded: .*WS-WALL-MOUNT-KIX/,
    )
    expect(problem.detail).toMatch(/the other products are served\.$/)
  })
})
