import { spawnSync } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createLogger, redactText } from '../src/ops/logger.js'
import { NO_MODELS } from '../src/services.js'
import type { TestApi } from './harness.js'
import { createTestApi, json, PASSWORD, USERS } from './harness.js'

const METRICS_TOKEN = 'metrics-token-for-tests-0123456789'
const sample = JSON.parse(
  await readFile(new URL('../../../fixtures/configs/t2-b2-standard.json', import.meta.url), 'utf8'),
) as Record<string, unknown>

let t: TestApi
const lines: string[] = []
const logged = () => lines.map((line) => JSON.parse(line) as Record<string, unknown>)

beforeAll(async () => {
  t = await createTestApi({
    start: {
      metricsToken: METRICS_TOKEN,
      log: (line) => {
        lines.push(line)
      },
    },
  })
}, 120_000)
afterAll(async () => {
  await t.close()
})

/** one sample of a metric from Prometheus text, by its labels */
function sample_(
  text: string,
  name: string,
  labels: Record<string, string> = {},
): number | undefined {
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue
    const matches = Object.entries(labels).every(([key, value]) =>
      line.includes(`${key}="${value}"`),
    )
    if (matches) return Number(line.slice(line.lastIndexOf(' ') + 1))
  }
  return undefined
}

describe('GET /metrics', () => {
  it('refuses a scrape without the metrics token, and with a user token', async () => {
    const none = await t.call('GET', '/metrics')
    expect(none.status).toBe(401)
    expect(none.headers.get('www-authenticate')).toMatch(/^Bearer/)
    const user = await t.call('GET', '/metrics', { token: await t.token(USERS.ADMIN) })
    expect(user.status).toBe(401)
    const wrong = await t.call('GET', '/metrics', { token: `${METRICS_TOKEN}x` })
    expect(wrong.status).toBe(401)
  })

  it('counts requests by route template and status, BOMs, sign-in failures and queries', async () => {
    const sales = await t.token(USERS.SALES_MANAGER)
    const created = await t.call('POST', '/boms', { token: sales, body: { configuration: sample } })
    expect(created.status).toBe(201)
    const { id } = await json<{ id: number }>(created)
    for (const bom of [id, id, 999_999]) await t.call('GET', `/boms/${bom}`, { token: sales })
    const wrong = await t.call('POST', '/auth/login', {
      body: { username: USERS.QC_INSPECTOR, password: `${PASSWORD}-wrong` },
    })
    expect(wrong.status).toBe(401)
    await t.call('GET', '/no/such/path')

    const scrape = await t.call('GET', '/metrics', { token: METRICS_TOKEN })
    expect(scrape.status).toBe(200)
    expect(scrape.headers.get('content-type')).toMatch(/^text\/plain/)
    const text = await scrape.text()
    const requests = (route: string, status: string, method = 'GET') =>
      sample_(text, 'torvan_http_requests_total', { method, route, status })
    expect(requests('/boms/:id', '200')).toBe(2)
    expect(requests('/boms/:id', '404')).toBe(1)
    expect(requests('/boms', '201', 'POST')).toBe(1)
    expect(requests('unmatched', '404')).toBe(1)
    expect(
      sample_(text, 'torvan_http_request_duration_seconds_count', {
        route: '/boms/:id',
        status: '200',
      }),
    ).toBe(2)
    expect(sample_(text, 'torvan_boms_generated_total')).toBe(1)
    expect(sample_(text, 'torvan_sign_in_failures_total', { reason: 'wrong_credentials' })).toBe(1)
    expect(sample_(text, 'torvan_webhook_deliveries_total', { outcome: 'failed' })).toBe(0)
    expect(sample_(text, 'torvan_db_query_duration_seconds_count', { query: 'insert boms' })).toBe(
      1,
    )
    expect(sample_(text, 'torvan_db_pool_connections', { state: 'size' })).toBeGreaterThan(0)
    expect(sample_(text, 'torvan_nodejs_eventloop_lag_p99_seconds')).toBeGreaterThanOrEqual(0)
    for (const name of [
      'torvan_nodejs_heap_size_used_bytes',
      'torvan_process_resident_memory_bytes',
    ]) {
      expect(sample_(text, name), name).toBeGreaterThan(0)
    }
    // a second request for the same configuration is the stored BOM: no new one
    await t.call('POST', '/boms', { token: sales, body: { configuration: sample } })
    const again = await (await t.call('GET', '/metrics', { token: METRICS_TOKEN })).text()
    expect(sample_(again, 'torvan_boms_generated_total')).toBe(1)
  })

  it('counts the failure that locks a username as a lockout', async () => {
    for (let attempt = 0; attempt < 6; attempt++) {
      await t.call('POST', '/auth/login', {
        body: { username: USERS.ASSEMBLY_TECHNICIAN, password: 'not-the-password' },
      })
    }
    const text = await (await t.call('GET', '/metrics', { token: METRICS_TOKEN })).text()
    expect(sample_(text, 'torvan_sign_in_failures_total', { reason: 'lockout' })).toBe(1)
    expect(sample_(text, 'torvan_sign_in_failures_total', { reason: 'refused_locked' })).toBe(1)
  })
})

describe('the request log', () => {
  it('writes one JSON line per request with its id, user, route, status and times', async () => {
    const token = await t.token(USERS.SALES_MANAGER)
    lines.length = 0
    const answer = await t.call('GET', '/orders', { token })
    expect(answer.status).toBe(200)
    const entries = logged()
    expect(entries).toHaveLength(1)
    const [entry] = entries
    expect(entry).toMatchObject({
      level: 30,
      msg: 'request',
      reqId: answer.headers.get('x-request-id'),
      method: 'GET',
      route: '/orders',
      path: '/orders',
      status: 200,
    })
    expect(typeof entry?.['time']).toBe('number')
    expect(entry?.['userId']).toEqual(expect.any(Number))
    expect(entry?.['ms']).toEqual(expect.any(Number))
    expect(entry?.['dbMs']).toBeGreaterThan(0)
  })

  it('never writes a password, a token or a secret', async () => {
    const token = await t.token(USERS.ADMIN)
    lines.length = 0
    await t.call('POST', '/auth/login', { body: { username: USERS.ADMIN, password: PASSWORD } })
    await t.call('GET', `/me?token=${token}`, { token })
    const text = lines.join('\n')
    expect(text).not.toContain(PASSWORD)
    expect(text).not.toContain(token)
    expect(lines).toHaveLength(2)

    const written: string[] = []
    const logger = createLogger({ write: (line) => written.push(line) })
    const error = new Error('connect to postgres://torvan_app:hunter2@db:5432/torvan failed')
    logger.error(
      {
        err: error,
        password: 'hunter2',
        user: { token: 'abc.def.ghi', name: 'x' },
        headers: { authorization: 'Bearer abc.def.ghi' },
      },
      'boom',
    )
    const [line] = written
    expect(line).not.toContain('hunter2')
    expect(line).not.toContain('abc.def.ghi')
    expect(JSON.parse(line ?? '{}')).toMatchObject({
      password: '[redacted]',
      user: { token: '[redacted]', name: 'x' },
      headers: { authorization: '[redacted]' },
      err: { message: 'connect to postgres://torvan_app:***@db:5432/torvan failed' },
    })
    expect(redactText('Authorization: Bearer eyJ.x.y and password=s3cret;')).toMatchInlineSnapshot(
      `"Authorization: Bearer *** and password=***;"`,
    )
  })

  it('writes standard error without waiting for its reader, and loses no line when the process exits', () => {
    // lines logged just before process.exit() are still written (pino flushes on exit)
    const logger = fileURLToPath(new URL('../src/ops/logger.ts', import.meta.url))
    const script = `const { createLogger } = await import(${JSON.stringify(logger)})
      const log = createLogger()
      for (let n = 0; n < 2000; n++) log.info({ n }, 'line')
      process.exit(0)`
    const child = spawnSync(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '--eval', script],
      { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
    )
    expect(child.status, child.stderr.slice(0, 2000)).toBe(0)
    const numbers = child.stderr
      .trim()
      .split('\n')
      .map((line) => (JSON.parse(line) as { n: number }).n)
    expect(numbers).toEqual(Array.from({ length: 2000 }, (_, n) => n))
  })

  it('refuses an unknown LOG_LEVEL with the levels it takes', () => {
    expect(() => createLogger({ level: 'verbose' })).toThrowErrorMatchingInlineSnapshot(
      `[Error: createLogger(): LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, received "verbose"]`,
    )
  })
})

describe('health and readiness', () => {
  it('answers /health and /ready with every check passing', async () => {
    expect((await t.call('GET', '/health')).status).toBe(200)
    const ready = await t.call('GET', '/ready')
    expect(ready.status).toBe(200)
    expect(await ready.json()).toEqual({
      status: 'ready',
      checks: { database: 'ok', migrations: 'ok', catalog: 'ok' },
    })
  })

  it('answers /ready with 503 and the failed check while no catalog is loaded', async () => {
    const models = t.api.services.models
    t.api.services.models = NO_MODELS
    try {
      const ready = await t.call('GET', '/ready')
      expect(ready.status).toBe(503)
      expect(ready.headers.get('retry-after')).toBe('5')
      const body = await json<{ checks: Record<string, string> }>(ready)
      expect(body.checks['catalog']).toMatch(/^no catalog and rules loaded/)
      expect(body.checks['database']).toBe('ok')
    } finally {
      t.api.services.models = models
    }
  })
})
