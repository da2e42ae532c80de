// HTTP under load against a real listener (a child process), on PostgreSQL and on PGlite:
// (a) saturated throughput with 50 connections, (b) latency at a fixed 100 requests/s over 50 connections
import { spawn } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startApi } from '@torvan/api'
import { canonicalJson } from '@torvan/configurator-core'
import autocannon from 'autocannon'
import postgres from 'postgres'
import type { CpuSpent } from './cpu.js'
import { startCpu } from './cpu.js'
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

export const SCENARIOS: Scenario[] = [
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
export async function prepare(
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

/** A server in a child process: its URL, its pid (for /proc) and how to stop it. */
interface Served {
  url: string
  pid: number
  stop: () => Promise<void>
}

/** Starts a server script in a child process and resolves with its URL once it listens. */
function spawnServer(
  name: string,
  args: string[],
  options: { env: Record<string, string>; nodeArgs?: readonly string[] },
): Promise<Served> {
  const { env } = options
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), '--import', 'tsx', ...args], {
    cwd: ROOT,
    // one load generator on one address: the per-address rate limits would measure themselves
    env: { ...process.env, ...env, HOST: '127.0.0.1', RATE_LIMITS: 'off' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
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
          pid: child.pid ?? 0,
          stop: () =>
            new Promise((done, fail) => {
              const timer = setTimeout(() => {
                child.kill('SIGKILL')
                fail(
                  new Error(
                    `${name} did not stop within 20 s of SIGTERM:\n${output.slice(0, 6000)}`,
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
      if (!listening) reject(new Error(`${name} exited with ${String(code)}:\n${output}`))
    })
  })
}

/** Starts `torvan serve` in a child process. */
export function serve(
  env: Record<string, string>,
  nodeArgs: readonly string[] = [],
): Promise<Served> {
  return spawnServer('torvan serve', ['packages/api/src/cli/main.ts', 'serve', '--port', '0'], {
    env,
    nodeArgs,
  })
}

export async function token(url: string): Promise<string> {
  const response = await fetch(`${url}/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: 'sales', password: PASSWORD }),
  })
  if (!response.ok) throw new Error(`cannot sign in: ${await response.text()}`)
  return ((await response.json()) as { token: string }).token
}

export async function load(
  url: string,
  input: {
    scenario: Scenario
    token: string
    seconds: number
    rate?: number
    path?: (path: string) => string
  },
): Promise<autocannon.Result> {
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
          // one sequence for every run: each POST /boms is a new build number, paced runs too
          const next = scenario.request(sequence++)
          return {
            ...request,
            path: input.path === undefined ? next.path : input.path(next.path),
            ...(next.body === undefined ? {} : { body: next.body }),
          }
        },
      },
    ],
  })
  for (const failure of failures) process.stdout.write(`    failed: ${failure}\n`)
  return result
}

/** the request counter every load shares */
let sequence = 0

function errorsOf(result: autocannon.Result): number {
  return result.errors + result.timeouts + result.non2xx
}

function figure(
  name: string,
  result: autocannon.Result,
  target: { rps?: number; p99_ms?: number },
): BenchResult {
  const errors = errorsOf(result)
  process.stdout.write(
    `    ${name}: ${Math.round(result.requests.total / Math.max(0.001, result.duration))} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, ${errors} errors (${result.non2xx} non-2xx, ${result.timeouts} timeouts)\n`,
  )
  return {
    name,
    median_ms: result.latency.p50,
    p99_ms: result.latency.p99,
    samples: result.requests.total,
    throughput_rps: Math.round(result.requests.total / Math.max(0.001, result.duration)),
    errors,
    ...(target.rps === undefined ? {} : { target_rps: target.rps }),
    ...(target.p99_ms === undefined ? {} : { target_p99_ms: target.p99_ms }),
  }
}

/** A server under comparison: where it listens, what to count the CPU of and how paths map. */
interface Target {
  label: string
  served: Served
  applicationName: string
  path?: (path: string) => string
}

interface Run {
  rps: number
  p50: number
  p99: number
  errors: number
  requests: number
  cpu: CpuSpent
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? Number.NaN)
    : ((sorted[middle - 1] ?? Number.NaN) + (sorted[middle] ?? Number.NaN)) / 2
}

const round2 = (n: number) => Math.round(n * 100) / 100

async function measureRun(
  monitor: postgres.Sql,
  target: Target,
  input: { scenario: Scenario; token: string; seconds: number },
): Promise<Run> {
  const stop = await startCpu(monitor, {
    pid: target.served.pid,
    applicationName: target.applicationName,
  })
  const result = await load(target.served.url, {
    ...input,
    ...(target.path === undefined ? {} : { path: target.path }),
  })
  const cpu = await stop()
  const requests = result.requests.total
  return {
    rps: result.requests.total / Math.max(0.001, result.duration),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: errorsOf(result),
    requests,
    cpu,
  }
}

/** One row of bench/results/http.md. */
interface ComparisonRow {
  scenario: string
  label: string
  rps: number[]
  p99: number
  errors: number
  cpuPerRequest: CpuSpent
  ratio?: { of: string; median: number; min: number; max: number }
}

/**
 * The API and the baselines in turns (A, B, A, B …) over the same database, `rounds` times, after a
 * warm-up of each: req/s, latency, errors and CPU per request of each, and the API's req/s ÷ each
 * baseline's, paired by round.
 */
async function compare(
  monitor: postgres.Sql,
  targets: readonly Target[],
  input: { scenario: Scenario; token: string; seconds: number; rounds: number; warmup: number },
): Promise<{ results: BenchResult[]; rows: ComparisonRow[] }> {
  for (const target of targets) {
    await load(target.served.url, {
      scenario: input.scenario,
      token: input.token,
      seconds: input.warmup,
      ...(target.path === undefined ? {} : { path: target.path }),
    })
  }
  const runs = new Map<string, Run[]>(targets.map((target) => [target.label, []]))
  for (let round = 1; round <= input.rounds; round++) {
    for (const target of targets) {
      const run = await measureRun(monitor, target, input)
      runs.get(target.label)?.push(run)
      const per = (ms: number) => (ms / Math.max(1, run.requests)).toFixed(2)
      process.stdout.write(
        `    round ${round} ${target.label}: ${Math.round(run.rps)} req/s, p50 ${run.p50} ms, p99 ${run.p99} ms, ${run.errors} errors; CPU ms/request: server ${per(run.cpu.server)}, PostgreSQL ${per(run.cpu.postgres)}, load generator ${per(run.cpu.load)}\n`,
      )
    }
  }
  const [api, ...baselines] = targets
  const apiRuns = runs.get(api?.label ?? '') ?? []
  const results: BenchResult[] = []
  const rows: ComparisonRow[] = []
  for (const target of targets) {
    const own = runs.get(target.label) ?? []
    const perRequest = (pick: (cpu: CpuSpent) => number) =>
      round2(median(own.map((run) => pick(run.cpu) / Math.max(1, run.requests))))
    const cpuPerRequest = {
      server: perRequest((cpu) => cpu.server),
      postgres: perRequest((cpu) => cpu.postgres),
      load: perRequest((cpu) => cpu.load),
    }
    const row: ComparisonRow = {
      scenario: input.scenario.name,
      label: target.label,
      rps: own.map((run) => Math.round(run.rps)),
      p99: median(own.map((run) => run.p99)),
      errors: own.reduce((sum, run) => sum + run.errors, 0),
      cpuPerRequest,
    }
    const result: BenchResult = {
      name: `HTTP ${input.scenario.name}, 50 connections, saturated (PostgreSQL, ${target.label})`,
      median_ms: median(own.map((run) => run.p50)),
      p99_ms: row.p99,
      samples: own.reduce((sum, run) => sum + run.requests, 0),
      throughput_rps: Math.round(median(own.map((run) => run.rps))),
      errors: row.errors,
      cpu_ms_per_request: cpuPerRequest,
    }
    if (target === api) result.target_rps = input.scenario.target.rps
    rows.push(row)
    results.push(result)
  }
  const apiResult = results[0]
  const apiRow = rows[0]
  for (const baseline of baselines) {
    const own = runs.get(baseline.label) ?? []
    const ratios = apiRuns.map((run, i) => run.rps / (own[i]?.rps ?? Number.NaN))
    const ratio = {
      of: baseline.label,
      median: round2(median(ratios)),
      min: round2(Math.min(...ratios)),
      max: round2(Math.max(...ratios)),
    }
    if (apiRow !== undefined && apiRow.ratio === undefined) apiRow.ratio = ratio
    else rows.push({ ...(apiRow as ComparisonRow), label: api?.label ?? '', ratio })
    if (apiResult !== undefined) {
      results.push({
        ...apiResult,
        name: `HTTP ${input.scenario.name}: API req/s ÷ ${baseline.label}, same run`,
        baseline: baseline.label,
        throughput_ratio: ratio.median,
        throughput_ratio_range: [ratio.min, ratio.max],
      })
    }
  }
  return { results, rows }
}

/** `a` and `b` are the same JSON once the fields that differ between two new BOMs are left out. */
function sameBom(a: string, b: string): boolean {
  const strip = (text: string) => {
    const view = JSON.parse(text) as Record<string, unknown>
    const document = view['document'] as Record<string, unknown>
    const configuration = document['configuration'] as Record<string, unknown>
    for (const key of ['id', 'configurationId', 'createdAt']) Reflect.deleteProperty(view, key)
    for (const key of ['generatedAt', 'buildNumber', 'hashes'])
      Reflect.deleteProperty(document, key)
    Reflect.deleteProperty(configuration, 'buildNumber')
    // key order aside: a document read back from jsonb has jsonb's
    return canonicalJson(view)
  }
  return strip(a) === strip(b)
}

/** Checks that the baselines answer what the API answers (bytes, or a BOM's content), before timing. */
async function checkAnswers(targets: readonly Target[], scenario: Scenario, bearer: string) {
  for (let n = 0; n < 12; n++) {
    const bodies: string[] = []
    for (const target of targets) {
      const next = scenario.request(sequence++)
      const path = target.path === undefined ? next.path : target.path(next.path)
      const response = await fetch(`${target.served.url}${path}`, {
        method: scenario.method,
        headers: { Authorization: `Bearer ${bearer}`, 'Content-Type': 'application/json' },
        ...(next.body === undefined ? {} : { body: next.body }),
      })
      if (!response.ok)
        throw new Error(
          `${target.label} ${scenario.name}: ${response.status} ${await response.text()}`,
        )
      bodies.push(await response.text())
      // a GET asks every target the same: the same n
      if (scenario.method === 'GET') sequence--
    }
    if (scenario.method === 'GET') sequence++
    const [first, ...others] = bodies
    for (const [i, other] of others.entries()) {
      const same = scenario.method === 'POST' ? sameBom(first ?? '', other) : first === other
      if (!same) {
        throw new Error(
          `${targets[i + 1]?.label ?? ''} answers ${scenario.name} differently from the API:\n${(first ?? '').slice(0, 600)}\n${other.slice(0, 600)}`,
        )
      }
    }
  }
}

/** bench/results/http.md: the interleaved comparison */
function comparisonTable(
  rows: readonly ComparisonRow[],
  input: { seconds: number; rounds: number; orders: number },
): string {
  const lines = [
    '# HTTP: the API against its same-work baseline (PostgreSQL)',
    '',
    `\`pnpm bench\` writes this file. ${input.rounds} rounds of ${input.seconds} s per server, in turns (API, baseline, …) over one`,
    `database with ${input.orders} orders, 50 connections, saturated, after a warm-up of each. CPU per request is from /proc:`,
    'the server process, its PostgreSQL backends (by application name) and the load generator (this process),',
    'medians over the rounds. The ceiling is 2 cores ÷ (server + PostgreSQL CPU per request): what this machine',
    'could serve with the load generator elsewhere and nothing else running.',
    '',
    '| endpoint | server | req/s per round | p99 ms | errors | CPU ms/request: server | PostgreSQL | load generator | ceiling req/s | API ÷ this, per round (median, range) |',
    '|---|---|---|---|---|---|---|---|---|---|',
  ]
  for (const row of rows) {
    const cpu = row.cpuPerRequest
    const ceiling = Math.round(2000 / Math.max(0.001, cpu.server + cpu.postgres))
    lines.push(
      `| ${row.scenario} | ${row.label} | ${row.rps.join(', ')} | ${row.p99} | ${row.errors} | ${cpu.server} | ${cpu.postgres} | ${cpu.load} | ${ceiling} | ${row.ratio === undefined ? '' : `${row.ratio.median}× of ${row.ratio.of} (${row.ratio.min}–${row.ratio.max})`} |`,
    )
  }
  return `${lines.join('\n')}\n`
}

/** The HTTP load benchmarks: the interleaved comparison on PostgreSQL, paced runs, and PGlite. */
export async function benchHttp(options: {
  quick: boolean
}): Promise<{ results: BenchResult[]; table: string }> {
  const seconds = options.quick ? 1 : 30
  const rounds = 3
  const roundSeconds = options.quick ? 1 : 10
  const orders = options.quick ? 1000 : 100_000
  const results: BenchResult[] = []
  let table = ''
  for (const kind of ['postgres', 'pglite'] as const) {
    const scratch = kind === 'postgres' ? await scratchDatabase() : undefined
    const dataDir = kind === 'pglite' ? await mkdtemp(join(tmpdir(), 'torvan-bench-')) : undefined
    const label = kind === 'postgres' ? 'PostgreSQL' : 'PGlite'
    const served: Served[] = []
    try {
      process.stdout.write(`  seeding ${label} with ${orders} orders…\n`)
      await prepare(
        scratch === undefined ? { dataDir: dataDir ?? '' } : { url: scratch.url },
        orders,
      )
      const server = await serve(
        scratch === undefined
          ? { DATA_DIR: dataDir ?? '' }
          : { DATABASE_URL: scratch.url, PGAPPNAME: 'torvan-api' },
      )
      served.push(server)
      const bearer = await token(server.url)
      if (scratch !== undefined) {
        const baseline = await spawnServer('the baseline', ['bench/baseline-server.ts'], {
          env: { DATABASE_URL: scratch.url, PGAPPNAME: 'torvan-baseline' },
        })
        served.push(baseline)
        const monitor = postgres(scratch.url, { max: 1, onnotice: () => undefined })
        const rows: ComparisonRow[] = []
        try {
          for (const scenario of SCENARIOS) {
            const targets: Target[] = [
              { label: 'API', served: server, applicationName: 'torvan-api' },
              { label: 'baseline', served: baseline, applicationName: 'torvan-baseline' },
            ]
            if (scenario.name === 'GET /orders?q=') {
              targets.push({
                label: 'baseline with the statements before issue 14',
                served: baseline,
                applicationName: 'torvan-baseline',
                path: (path) => path.replace('/orders?', '/orders-before?'),
              })
            }
            await checkAnswers(targets, scenario, bearer)
            process.stdout.write(
              `  ${scenario.name} on ${label}: API and baseline in turns, ${rounds} rounds of ${roundSeconds} s…\n`,
            )
            const compared = await compare(monitor, targets, {
              scenario,
              token: bearer,
              seconds: roundSeconds,
              rounds,
              warmup: options.quick ? 1 : 3,
            })
            results.push(...compared.results)
            rows.push(...compared.rows)
            const paced = await load(server.url, { scenario, token: bearer, seconds, rate: 100 })
            results.push(
              figure(`HTTP ${scenario.name}, 100 req/s over 50 connections (${label})`, paced, {
                p99_ms: scenario.target.p99_ms,
              }),
            )
          }
        } finally {
          await monitor.end()
        }
        table = comparisonTable(rows, { seconds: roundSeconds, rounds, orders })
        continue
      }
      for (const scenario of SCENARIOS) {
        process.stdout.write(
          `  ${scenario.name} on ${label}: ${seconds} s saturated, ${seconds} s at 100 req/s…\n`,
        )
        const saturated = await load(server.url, { scenario, token: bearer, seconds })
        results.push(
          figure(`HTTP ${scenario.name}, 50 connections, saturated (${label})`, saturated, {}),
        )
        const paced = await load(server.url, { scenario, token: bearer, seconds, rate: 100 })
        results.push(
          figure(`HTTP ${scenario.name}, 100 req/s over 50 connections (${label})`, paced, {}),
        )
      }
    } finally {
      for (const one of served.reverse()) await one.stop()
      await scratch?.drop()
      if (dataDir !== undefined) await rm(dataDir, { recursive: true, force: true })
    }
  }
  return { results, table }
}

/**
 * Stores `count` more BOMs (small documents, 16 lines, an audit row and an event each) by SQL, of the
 * ruleset and catalog the API's BOMs have, so that any lookup by ruleset and catalog meets them all.
 */
async function storeBoms(sql: postgres.Sql, count: number): Promise<void> {
  await sql.unsafe(`
    with c as (
      insert into configurations (product, hash, data)
      select 'T2', md5(random()::text || g), '{}'::jsonb from generate_series(1, ${count}) g
      returning id),
    b as (
      insert into boms (configuration_id, ruleset_id, catalog_hash, content_hash, revision, document, created_by)
      select c.id, coalesce((select ruleset_id from boms order by id limit 1), (select max(id) from rulesets)),
        coalesce((select catalog_hash from boms order by id limit 1), 'growth'), md5(c.id::text), 1,
        '{"format":"torvan-bom/1"}'::jsonb, (select min(id) from users)
      from c returning id),
    l as (
      insert into bom_lines (bom_id, position, item_id, quantity, rules)
      select b.id, p, (select min(id) from items), 1, '{}' from b, generate_series(0, 15) p),
    a as (
      insert into audit_log (action, entity, entity_id) select 'bom.create', 'bom', b.id::text from b)
    insert into events (id, type, payload) select 'evt_growth_' || b.id, 'bom.generated', '{}'::jsonb from b`)
}

/**
 * POST /boms as BOMs accumulate: CPU per request (server and PostgreSQL) at the start and over
 * `stored` more stored BOMs, on statistics taken while `boms` was empty (autovacuum off for it).
 */
export async function benchBomGrowth(options: {
  quick: boolean
}): Promise<{ results: BenchResult[]; table: string }> {
  const stored = options.quick ? 1000 : 100_000
  const seconds = options.quick ? 1 : 10
  const scratch = await scratchDatabase()
  const served: Served[] = []
  const sql = postgres(scratch.url, { max: 1, onnotice: () => undefined })
  try {
    await prepare({ url: scratch.url }, 1000)
    for (const table of ['boms', 'bom_lines', 'configurations', 'audit_log', 'events'])
      await sql.unsafe(`alter table ${table} set (autovacuum_enabled = false)`)
    const server = await serve({ DATABASE_URL: scratch.url, PGAPPNAME: 'torvan-growth' })
    served.push(server)
    const bearer = await token(server.url)
    const scenario = SCENARIOS[0] as Scenario
    const target: Target = { label: 'API', served: server, applicationName: 'torvan-growth' }
    await load(server.url, { scenario, token: bearer, seconds: options.quick ? 1 : 3 })
    const rows: { bomsBefore: number; run: Run }[] = []
    for (const more of [0, stored]) {
      if (more > 0) {
        process.stdout.write(`  storing ${more} more BOMs…\n`)
        for (let done = 0; done < more; done += 10_000)
          await storeBoms(sql, Math.min(10_000, more - done))
      }
      const [count] = await sql<{ n: number }[]>`select count(*)::int as n from boms`
      const run = await measureRun(sql, target, { scenario, token: bearer, seconds })
      process.stdout.write(
        `    POST /boms over ${count?.n ?? 0} BOMs: ${Math.round(run.rps)} req/s, CPU ms/request server ${(run.cpu.server / Math.max(1, run.requests)).toFixed(2)}, PostgreSQL ${(run.cpu.postgres / Math.max(1, run.requests)).toFixed(2)}\n`,
      )
      rows.push({ bomsBefore: count?.n ?? 0, run })
    }
    const per = (run: Run, ms: number) => round2(ms / Math.max(1, run.requests))
    const results: BenchResult[] = rows.map(({ bomsBefore, run }) => ({
      name: `HTTP POST /boms over ${bomsBefore} stored BOMs, 50 connections (PostgreSQL)`,
      median_ms: run.p50,
      p99_ms: run.p99,
      samples: run.requests,
      throughput_rps: Math.round(run.rps),
      errors: run.errors,
      cpu_ms_per_request: {
        server: per(run, run.cpu.server),
        postgres: per(run, run.cpu.postgres),
        load: per(run, run.cpu.load),
      },
    }))
    const table = [
      '| POST /boms over stored BOMs | req/s | p99 ms | errors | CPU ms/request: server | PostgreSQL |',
      '|---|---|---|---|---|---|',
      ...rows.map(
        ({ bomsBefore, run }) =>
          `| ${bomsBefore} | ${Math.round(run.rps)} | ${run.p99} | ${run.errors} | ${per(run, run.cpu.server)} | ${per(run, run.cpu.postgres)} |`,
      ),
    ].join('\n')
    return { results, table }
  } finally {
    for (const one of served.reverse()) await one.stop()
    await sql.end()
    await scratch.drop()
  }
}
