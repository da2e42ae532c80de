// The outbox's cost: POST /boms and order moves on an API without webhook subscribers and on one with
// three (relay and delivery running in the same process, to a receiver on loopback), interleaved
// request by request in the same run, on PGlite and on PostgreSQL.
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Api } from '@torvan/api'
import { startApi } from '@torvan/api'
import { scratchDatabase } from './database.bench.js'
import type { BenchResult } from './measure.js'
import { sampleConfiguration } from './t2.js'

const PASSWORD = 'bench-password-0123'
const SUBSCRIBERS = 3
const configuration = sampleConfiguration('t2-b2-standard')

interface Side {
  api: Api
  token: string
  order: { id: number; version: number }
  n: number
}

async function call(side: Side, path: string, body: unknown): Promise<Response> {
  return side.api.app.request(path, {
    method: 'POST',
    headers: { Authorization: `Bearer ${side.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  })
}

async function open(location: { url?: string }, receiver: string | undefined): Promise<Side> {
  const api = await startApi({
    ...location,
    demoPassword: PASSWORD,
    log: () => undefined,
    webhooks: { allowedHosts: new Set(['127.0.0.1']), relayIntervalMs: 100, pollSeconds: 0.5 },
  })
  const login = await api.app.request('/auth/login', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: PASSWORD }),
  })
  const { token } = (await login.json()) as { token: string }
  const side: Side = { api, token, order: { id: 0, version: 0 }, n: 0 }
  for (let i = 0; receiver !== undefined && i < SUBSCRIBERS; i++) {
    await call(side, '/webhooks', { url: receiver, eventTypes: ['*'] })
  }
  const customer = (await (await call(side, '/customers', { name: 'Bench' })).json()) as {
    id: number
  }
  side.order = (await (
    await call(side, '/orders', { customerId: customer.id })
  ).json()) as Side['order']
  return side
}

/** one new BOM: a new build number each time */
async function postBom(side: Side): Promise<void> {
  side.n += 1
  const response = await call(side, '/boms', {
    configuration: { ...configuration, buildNumber: `OUTBOX-${String(side.n).padStart(6, '0')}` },
  })
  if (response.status !== 201) throw new Error(`POST /boms answered ${response.status}`)
}

/** one move: DRAFT ↔ CONFIGURATION */
async function move(side: Side): Promise<void> {
  const to = side.order.version % 2 === 1 ? 'CONFIGURATION' : 'DRAFT'
  const response = await call(side, `/orders/${side.order.id}/transitions`, {
    to,
    version: side.order.version,
  })
  if (response.status !== 200) throw new Error(`the move answered ${response.status}`)
  side.order = (await response.json()) as Side['order']
}

function stats(samples: number[]): { median: number; p99: number } {
  const sorted = [...samples].sort((a, b) => a - b)
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0
  return { median: Number(at(0.5).toPrecision(4)), p99: Number(at(0.99).toPrecision(4)) }
}

/** Runs both operations on both sides, alternating which side goes first, and compares medians. */
async function compare(
  kind: string,
  sides: { without: Side; with: Side },
  rounds: number,
): Promise<BenchResult[]> {
  const results: BenchResult[] = []
  for (const [label, operation] of [
    ['POST /boms', postBom],
    ['move', move],
  ] as const) {
    const times = { without: [] as number[], with: [] as number[] }
    for (let round = 0; round < rounds; round++) {
      const order =
        round % 2 === 0 ? (['without', 'with'] as const) : (['with', 'without'] as const)
      for (const which of order) {
        const started = performance.now()
        await operation(sides[which])
        if (round >= rounds / 10) times[which].push(performance.now() - started)
      }
    }
    const without = stats(times.without)
    const withSubscribers = stats(times.with)
    const base = `outbox ${label} (${kind})`
    results.push(
      {
        name: `${base}, no subscribers`,
        median_ms: without.median,
        p99_ms: without.p99,
        samples: times.without.length,
      },
      {
        name: `${base}, ${SUBSCRIBERS} subscribers`,
        median_ms: withSubscribers.median,
        p99_ms: withSubscribers.p99,
        samples: times.with.length,
        baseline: `${base}, no subscribers`,
        ratio: Number((without.median / withSubscribers.median).toPrecision(3)),
      },
    )
  }
  return results
}

/** The outbox benchmark: 200 interleaved rounds per operation (20 quick), PGlite and PostgreSQL. */
export async function benchOutbox(options: { quick: boolean }): Promise<BenchResult[]> {
  const received = { count: 0 }
  const server = createServer((request, response) => {
    request.resume()
    request.on('end', () => {
      received.count += 1
      response.writeHead(204).end()
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const receiver = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`
  const rounds = options.quick ? 20 : 200
  const results: BenchResult[] = []
  try {
    for (const kind of ['pglite', 'postgres'] as const) {
      const scratch =
        kind === 'postgres' ? [await scratchDatabase(), await scratchDatabase()] : undefined
      const without = await open(
        scratch === undefined ? {} : { url: scratch[0]?.url ?? '' },
        undefined,
      )
      const withSubscribers = await open(
        scratch === undefined ? {} : { url: scratch[1]?.url ?? '' },
        receiver,
      )
      try {
        results.push(...(await compare(kind, { without, with: withSubscribers }, rounds)))
      } finally {
        await without.api.close()
        await withSubscribers.api.close()
        for (const database of scratch ?? []) await database.drop()
      }
    }
  } finally {
    await new Promise<void>((resolve) => {
      server.close(() => {
        resolve()
      })
    })
  }
  if (received.count === 0)
    throw new Error('the subscribers received nothing: delivery did not run')
  return results
}

// `tsx bench/outbox.bench.ts [--quick]` runs this benchmark alone
if (process.argv[1]?.endsWith('outbox.bench.ts') === true) {
  const results = await benchOutbox({ quick: process.argv.includes('--quick') })
  for (const r of results) {
    process.stdout.write(
      `${r.name.padEnd(60)} median ${String(r.median_ms).padStart(8)} ms  p99 ${String(r.p99_ms).padStart(8)} ms${r.ratio === undefined ? '' : `  ${r.ratio} (no-subscriber median ÷ this median)`}\n`,
    )
  }
}
