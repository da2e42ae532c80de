import { execFile } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { request } from 'node:https'
import { readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runApiCli } from '../src/cli/run.js'
import type { TestDatabase } from './harness.js'
import { createTestDatabase, PASSWORD } from './harness.js'

const run = promisify(execFile)
let directory: string
let database: TestDatabase

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'torvan-tls-'))
  database = await createTestDatabase(join(directory, 'data'))
  // a self-signed certificate for localhost, as docs/operations.md makes one for trying
  await run('openssl', [
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-days',
    '1',
    '-subj',
    '/CN=localhost',
    '-addext',
    'subjectAltName=DNS:localhost',
    '-keyout',
    join(directory, 'key.pem'),
    '-out',
    join(directory, 'cert.pem'),
  ])
})
afterAll(async () => {
  await database.drop()
  await rm(directory, { recursive: true, force: true })
})

function get(
  url: string,
  ca: Buffer,
): Promise<{ status: number; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    request(url, { ca }, (response) => {
      response.resume()
      response.on('end', () => {
        resolve({ status: response.statusCode ?? 0, headers: response.headers })
      })
    })
      .on('error', reject)
      .end()
  })
}

describe('torvan serve with TLS_CERT and TLS_KEY', () => {
  it('serves HTTPS with HSTS, and metrics on a listener of their own', async () => {
    let stdout = ''
    let stderr = ''
    const stops: (() => void)[] = []
    const served = runApiCli(['serve', '--port', '0'], {
      stdout: (text) => (stdout += text),
      stderr: (text) => (stderr += text),
      isTTY: false,
      env: {
        DATABASE_URL: database.options.url,
        DATA_DIR: database.options.dataDir,
        DEMO_PASSWORD: PASSWORD,
        TLS_CERT: join(directory, 'cert.pem'),
        TLS_KEY: join(directory, 'key.pem'),
        METRICS_PORT: '0',
        LOG_LEVEL: 'silent',
      },
      signals: { on: (_signal, listener) => stops.push(listener) },
    })
    const deadline = Date.now() + 120_000
    while (!stdout.includes('listening on') && Date.now() < deadline && stderr === '') {
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    expect(stderr).toBe('')
    const url = /listening on (https:\/\/localhost:\d+)/.exec(stdout)?.[1]
    const metrics = /metrics: +(http:\/\/[\d.]+:\d+\/metrics)/.exec(stdout)?.[1]
    expect(url).toBeDefined()
    expect(metrics).toBeDefined()
    try {
      const ca = await readFile(join(directory, 'cert.pem'))
      const health = await get(`${url ?? ''}/health`, ca)
      expect(health.status).toBe(200)
      expect(health.headers['strict-transport-security']).toBe(
        'max-age=31536000; includeSubDomains',
      )
      // the metrics listener needs no token: only what reaches METRICS_HOST (127.0.0.1) gets there
      const scrape = await fetch(metrics ?? '')
      expect(scrape.status).toBe(200)
      expect(await scrape.text()).toMatch(/torvan_http_requests_total\{[^}]*route="\/health"/)
      expect((await fetch((metrics ?? '').replace('/metrics', '/orders'))).status).toBe(404)
    } finally {
      stops[0]?.()
    }
    expect(await served).toBe(0)
  }, 180_000)

  it('refuses TLS_CERT without TLS_KEY, and a TRUST_PROXY entry that is not an address', async () => {
    let stderr = ''
    const io = {
      stdout: () => undefined,
      stderr: (text: string) => (stderr += text),
      isTTY: false,
      signals: { on: () => undefined },
    }
    expect(
      await runApiCli(['serve'], { ...io, env: { TLS_CERT: join(directory, 'cert.pem') } }),
    ).toBe(1)
    expect(stderr).toMatch(/TLS_CERT and TLS_KEY go together/)
    stderr = ''
    expect(await runApiCli(['serve'], { ...io, env: { TRUST_PROXY: '10.0.0.0/8,nginx' } })).toBe(1)
    expect(stderr).toMatch(/TRUST_PROXY: "nginx" is not an IP address or CIDR range/)
  })
})
