import type { ChildProcess } from 'node:child_process'
import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import postgres from 'postgres'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createScratchDatabase } from '../src/db/scratch.js'
import type { ScratchDatabase } from '../src/db/scratch.js'
import { ON_POSTGRES, PASSWORD } from './harness.js'

// issue 12: 20 clients for 20 s against `torvan serve` on PostgreSQL, with the service's backends
// terminated twice and the server killed (SIGKILL) and restarted once; then the data's invariants

const ROOT = fileURLToPath(new URL('../../..', import.meta.url))
const CLIENTS = 20
const LOAD_MS = 20_000
const CONFIGURATION = JSON.parse(
  readFileSync(`${ROOT}/fixtures/configs/t2-b1-minimal.json`, 'utf8'),
) as Record<string, unknown>

interface Server {
  child: ChildProcess
  url: string
  output: () => string
}

function startServer(databaseUrl: string): Promise<Server> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'packages/api/src/cli/main.ts', 'serve', '--port', '0'],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        DEMO_PASSWORD: PASSWORD,
        HOST: '127.0.0.1',
        RATE_LIMITS: 'off',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  let output = ''
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const match = /listening on (http:\/\/\S+)/.exec(output)
      if (match?.[1] !== undefined) {
        child.stdout.off('data', onData)
        resolve({ child, url: match[1].replace('localhost', '127.0.0.1'), output: () => output })
      }
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.once('exit', (code) => {
      reject(new Error(`torvan serve exited (${code}) before listening:\n${output.slice(0, 4000)}`))
    })
  })
}

async function call(
  url: string,
  path: string,
  init: { method?: string; token?: string; body?: unknown; headers?: Record<string, string> },
): Promise<{ status: number; body: Record<string, unknown> } | undefined> {
  try {
    const response = await fetch(`${url}${path}`, {
      method: init.method ?? 'GET',
      headers: {
        'Content-Type': 'application/json',
        ...(init.token === undefined ? {} : { Authorization: `Bearer ${init.token}` }),
        ...init.headers,
      },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
      signal: AbortSignal.timeout(15_000),
    })
    const text = await response.text()
    return {
      status: response.status,
      body: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>),
    }
  } catch {
    // refused while the server restarts, reset when it was killed: the client retries
    return undefined
  }
}

describe.skipIf(!ON_POSTGRES)(
  'faults on PostgreSQL (terminated backends, SIGKILL, restart)',
  () => {
    let scratch: ScratchDatabase
    let admin: postgres.Sql
    let server: Server
    const crashes: string[] = []

    beforeAll(async () => {
      scratch = await createScratchDatabase(process.env['DATABASE_URL'] ?? '', 'torvan_faults')
      admin = postgres(scratch.url, { max: 1, onnotice: () => undefined })
      server = await startServer(scratch.url)
    }, 120_000)
    afterAll(async () => {
      server.child.kill('SIGKILL')
      await admin.end()
      await scratch.drop()
    })

    it('loses, duplicates and wedges nothing', async () => {
      const login = await call(server.url, '/auth/login', {
        method: 'POST',
        body: { username: 'sales', password: PASSWORD },
      })
      const token = String(login?.body['token'])
      const customer = await call(server.url, '/customers', {
        method: 'POST',
        token,
        body: { name: 'Fault Clinic' },
      })
      const customerId = Number(customer?.body['id'])
      expect(customerId).toBeGreaterThan(0)

      const watch = (child: ChildProcess) => {
        child.once('exit', (code, signal) => {
          if (signal !== 'SIGKILL')
            crashes.push(`exit ${code} ${signal}:\n${server.output().slice(-3000)}`)
        })
      }
      watch(server.child)

      const deadline = Date.now() + LOAD_MS
      const confirmed = new Map<string, number>()
      const stats = { ok: 0, retried: 0, afterFaults: 0 }
      let faults = 0
      // each client creates orders and moves them on, retrying every request with its own key until a
      // final answer: an answer must come from the first success or its replay, never a second order
      const client = async (index: number) => {
        for (let n = 0; Date.now() < deadline; n++) {
          const key = `c${index}-o${n}`
          const body = { customerId, poNumber: key }
          let created: { status: number; body: Record<string, unknown> } | undefined
          for (let attempt = 0; Date.now() < deadline + 30_000; attempt++) {
            created = await call(server.url, '/orders', {
              method: 'POST',
              token,
              body,
              headers: { 'Idempotency-Key': key },
            })
            if (created !== undefined && created.status < 500 && created.status !== 409) break
            stats.retried++
            await new Promise((resolve) => setTimeout(resolve, 100))
          }
          if (created?.status !== 201) continue
          stats.ok++
          if (faults > 0) stats.afterFaults++
          const id = Number(created.body['id'])
          confirmed.set(key, id)
          if (n % 2 === 0) {
            const bom = await call(server.url, '/boms', {
              method: 'POST',
              token,
              body: { configuration: { ...CONFIGURATION, buildNumber: `F-${key}` } },
              headers: { 'Idempotency-Key': `bom-${key}` },
            })
            if (bom !== undefined && bom.status < 300) stats.ok++
          }
          await call(server.url, `/orders/${id}/transitions`, {
            method: 'POST',
            token,
            body: { to: 'CONFIGURATION', reason: 'fault test', version: 1 },
            headers: { 'Idempotency-Key': `move-${key}` },
          })
        }
      }
      const terminate = () =>
        admin`select pg_terminate_backend(pid) from pg_stat_activity
            where datname = current_database() and pid <> pg_backend_pid()`
      const faultPlan = (async () => {
        await new Promise((resolve) => setTimeout(resolve, 4_000))
        await terminate()
        faults++
        await new Promise((resolve) => setTimeout(resolve, 4_000))
        server.child.kill('SIGKILL')
        faults++
        server = await startServer(scratch.url)
        watch(server.child)
        await new Promise((resolve) => setTimeout(resolve, 4_000))
        await terminate()
        faults++
      })()
      await Promise.all([...Array.from({ length: CLIENTS }, (_, i) => client(i)), faultPlan])

      // the service survived the terminated backends: it never exited by itself and still answers
      expect(crashes).toEqual([])
      const health = await call(server.url, '/health', {})
      expect(health?.status).toBe(200)
      expect(stats.afterFaults).toBeGreaterThan(0)

      // one order per key, and every confirmed order is the one stored under its key
      const perKey = await admin<{ po: string; n: number; id: number }[]>`
      select po_number as po, count(*)::int as n, min(id) as id from orders
      where po_number like 'c%-o%' group by po_number`
      expect(perKey.filter((row) => row.n !== 1)).toEqual([])
      const stored = new Map(perKey.map((row) => [row.po, row.id]))
      for (const [key, id] of confirmed) expect(stored.get(key), key).toBe(id)
      // phase = the last history row's phase
      const phases = await admin`
      select o.id from orders o
      where o.phase <> (select h.to_phase from order_phase_history h
                        where h.order_id = o.id order by h.id desc limit 1)`
      expect(phases).toHaveLength(0)
      // one audit row per creation and per move
      const audits = await admin`
      select o.id from orders o
      where (select count(*) from audit_log a where a.entity = 'order' and a.entity_id = o.id::text
               and a.action = 'order.create') <> 1
         or (select count(*) from audit_log a where a.entity = 'order' and a.entity_id = o.id::text
               and a.action = 'order.transition')
            <> (select count(*) - 1 from order_phase_history h where h.order_id = o.id)`
      expect(audits).toHaveLength(0)
      // no BOM without its lines
      const bare = await admin`
      select b.id from boms b where not exists (select 1 from bom_lines l where l.bom_id = b.id)`
      expect(bare).toHaveLength(0)
      // no idempotency key left unanswered
      const stuck = await admin`select key from idempotency_keys where status = 0`
      expect(stuck).toHaveLength(0)
    }, 120_000)
  },
)
