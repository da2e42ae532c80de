// HTTP under load against a real listener (a child process), on PostgreSQL and on PGlite:
// (a) saturated throughput with 50 connections, (b) latency at a fixed 100 requests/s over 50 connections
import { spawn } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startApi } from '@torvan/api'
import autocannon from 'autocannon'
import { scratchDatabase } from './database.bench.js'
import type { BenchResult } from './measure.js'
import { ROOT, sampleConfiguration } from './t2.js'

const PASSWORD = 'bench-password-0123'
const configuration = sampleConfiguration('t2-b2-standard')

interface Scenario {
  name: string
  method: 'GET' | 'POST'
  /** the n-th request's path and body */
  request: (n: number) => { path: string; body?: string }
  target: { rps: number; p99_ms: number }
}

const ITEM_WORDS = [
  'screw',
  'basin',
  'valve',
  'kit',
  'leg',
  'drain',
  'faucet',
  'nut',
  'panel',
  'pegboard',
]

const SCENARIOS: Scenario[] = [
  {
    name: 'POST /boms',
    method: 'POST',
    // a new build number every time: each request configures, explodes and stores a new BOM
    request: (n) => ({
      path: '/boms',
      body: JSON.stringify({
        configuration: { ...configuration, buildNumber: `LOAD-${String(n).padStart(6, '0')}` },
      }),
    }),
    target: { rps: 400, p99_ms: 50 },
  },
  {
    name: 'GET /orders?q=',
    method: 'GET',
    request: (n) => ({
      path: `/orders?q=${encodeURIComponent(n % 2 === 0 ? `Hospital ${n % 997}` : `PO-${(n * 7919) % 100_000}`)}&pageSize=20`,
    }),
    target: { rps: 1000, p99_ms: 30 },
  },
  {
    name: 'GET /items?q=',
    method: 'GET',
    request: (n) => ({
      path: `/items?q=${ITEM_WORDS[n % ITEM_WORDS.length] ?? 'kit'}&pageSize=20`,
    }),
    target: { rps: 1000, p99_ms: 30 },
  },
]

/** Seeds a database as on first start, plus `orders` generated orders over 1,000 customers. */
async function prepare(
  location: { url?: string; dataDir?: string },
  orders: number,
): Promise<void> {
  const api = await startApi({ ...location, demoPassword: PASSWORD, log: () => undefined })
  try {
    const { db } = api.services
    await db.execute(
      `insert into customers (name) select 'Hospital ' || g from generate_series(1, 1000) g`,
    )
    await db.execute(`
      insert into orders (number, customer_id, po_number, priority, phase, search_text, created_at, due_date)
      select 'ORD-2025-' || lpad(g::text, 6, '0'),
             c.first + g % 1000,
             'PO-' || g,
             (array['LOW','NORMAL','HIGH','URGENT'])[1 + g % 4]::order_priority,
             (array['DRAFT','CONFIGURATION','APPROVAL','PRODUCTION','QUALITY_CONTROL','PACKAGING','SHIPPING','DELIVERED'])[1 + g % 8]::order_phase,
             'ORD-2025-' || lpad(g::text, 6, '0') || ' PO-' || g || ' Hospital ' || (1 + g % 1000),
             now() - make_interval(mins => g),
             current_date + (g % 365)
      from generate_series(1, ${String(orders)}) g, (select min(id) as first from customers) c`)
    await db.execute('analyze')
  } finally {
    await api.close()
  }
}

/** Starts `torvan serve` in a child process and resolves with its URL once it listens. */
function serve(env: Record<string, string>): Promise<{ url: string; stop: () => Promise<void> }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'packages/api/src/cli/main.ts', 'serve', '--port', '0'],
    {
      cwd: ROOT,
      // one load generator on one address: the per-address rate limits would measure themselves
      env: { ...process.env, ...env, HOST: '127.0.0.1', RATE_LIMITS: 'off' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  let output = ''
  let listening = false
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const match = /listening on (http:\/\/\S+)/.exec(output)
      if (match?.[1] !== undefined && !listening) {
        listening = true
        resolve({
          url: match[1].replace('localhost', '127.0.0.1'),
          stop: () =>
            new Promise((done, fail) => {
              const timer = setTimeout(() => {
                child.kill('SIGKILL')
                fail(
                  new Error(
                    `torvan serve did not stop within 20 s of SIGTERM:\n${output.slice(0, 6000)}`,
                  ),
                )
              }, 20_000)
              child.once('exit', () => {
                clearTimeout(timer)
                done()
              })
              child.kill('SIGTERM')
            }),
        })
      }
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.once('exit', (code) => {
      reject(new Error(`torvan serve exited with ${String(code)}:\n${output}`))
    })
  })
}

async function token(url: string): Promise<string> {
  const response = await fetch(`${url}/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: 'sales', password: PASSWORD }),
  })
  if (!response.ok) throw new Error(`cannot sign in: ${await response.text()}`)
  return ((await response.json()) as { token: string }).token
}

async function load(
  url: string,
  input: { scenario: Scenario; token: string; seconds: number; rate?: number },
): Promise<autocannon.Result> {
  let n = 0
  const { scenario } = input
  const failures: string[] = []
  const result = await autocannon({
    url,
    connections: 50,
    duration: input.seconds,
    ...(input.rate === undefined ? {} : { overallRate: input.rate }),
    requests: [
      {
        method: scenario.method,
        headers: { Authorization: `Bearer ${input.token}`, 'Content-Type': 'application/json' },
        onResponse: (status, body) => {
          if (status >= 300 && failures.length < 3) failures.push(`${status} ${body.slice(0, 300)}`)
        },
        setupRequest: (request) => {
          const next = scenario.request(n++)
          return {
            ...request,
            path: next.path,
            ...(next.body === undefined ? {} : { body: next.body }),
          }
        },
      },
    ],
  })
  for (const failure of failures) process.stdout.write(`    failed: ${failure}\n`)
  return result
}

function figure(
  name: string,
  result: autocannon.Result,
  target: { rps?: number; p99_ms?: number },
): BenchResult {
  const errors = result.errors + result.timeouts + result.non2xx
  process.stdout.write(
    `    ${name}: ${Math.round(result.requests.average)} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, ${errors} errors (${result.non2xx} non-2xx, ${result.timeouts} timeouts)\n`,
  )
  return {
    name,
    median_ms: result.latency.p50,
    p99_ms: result.latency.p99,
    samples: result.requests.total,
    throughput_rps: Math.round(result.requests.average),
    errors,
    ...(target.rps === undefined ? {} : { target_rps: target.rps }),
    ...(target.p99_ms === undefined ? {} : { target_p99_ms: target.p99_ms }),
  }
}

/** The HTTP load benchmarks: 30 s per view (2 s quick), on PostgreSQL and PGlite. */
export async function benchHttp(options: { quick: boolean }): Promise<BenchResult[]> {
  const seconds = options.quick ? 2 : 30
  const orders = options.quick ? 1000 : 100_000
  const results: BenchResult[] = []
  for (const kind of ['postgres', 'pglite'] as const) {
    const scratch = kind === 'postgres' ? await scratchDatabase() : undefined
    const dataDir = kind === 'pglite' ? await mkdtemp(join(tmpdir(), 'torvan-bench-')) : undefined
    const label = kind === 'postgres' ? 'PostgreSQL' : 'PGlite'
    try {
      process.stdout.write(`  seeding ${label} with ${orders} orders…\n`)
      await prepare(
        scratch === undefined ? { dataDir: dataDir ?? '' } : { url: scratch.url },
        orders,
      )
      const server = await serve(
        scratch === undefined ? { DATA_DIR: dataDir ?? '' } : { DATABASE_URL: scratch.url },
      )
      try {
        const bearer = await token(server.url)
        for (const scenario of SCENARIOS) {
          process.stdout.write(
            `  ${scenario.name} on ${label}: ${seconds} s saturated, ${seconds} s at 100 req/s…\n`,
          )
          const saturated = await load(server.url, { scenario, token: bearer, seconds })
          results.push(
            figure(
              `HTTP ${scenario.name}, 50 connections, saturated (${label})`,
              saturated,
              kind === 'postgres' ? { rps: scenario.target.rps } : {},
            ),
          )
          const paced = await load(server.url, { scenario, token: bearer, seconds, rate: 100 })
          results.push(
            figure(
              `HTTP ${scenario.name}, 100 req/s over 50 connections (${label})`,
              paced,
              kind === 'postgres' ? { p99_ms: scenario.target.p99_ms } : {},
            ),
          )
        }
      } finally {
        await server.stop()
      }
    } finally {
      await scratch?.drop()
      if (dataDir !== undefined) await rm(dataDir, { recursive: true, force: true })
    }
  }
  return results
}
