// The order summary at 100,000 orders (2,000 quick) on PostgreSQL, in process (no network): the plain
// order list as the baseline, the summary's common views, and the same views without the summary's
// indexes, all in the same run.
import type { Api } from '@torvan/api'
import { startApi } from '@torvan/api'
import { scratchDatabase } from './database.bench.js'
import type { BenchResult, BenchTask } from './measure.js'
import { measure } from './measure.js'

const PASSWORD = 'bench-password-0123'

/** the indexes the summary adds (migration), dropped for the comparison */
const SUMMARY_INDEXES = [
  'orders_late_idx',
  'orders_phase_since_idx',
  'orders_priority_idx',
  'orders_phase_priority_idx',
  'orders_total_idx',
]

/**
 * Seeds `count` orders over 1,000 customers: phases, priorities and due dates spread evenly (a fifth
 * overdue), one sink each, six production tasks per sink from PRODUCTION on, an open NCR on every 50th.
 */
async function seed(api: Api, count: number): Promise<void> {
  const { db } = api.services
  await db.execute(
    `insert into customers (name) select 'Hospital ' || g from generate_series(1, 1000) g`,
  )
  await db.execute(`
    insert into orders (number, customer_id, po_number, priority, phase, phase_since, search_text, created_at, due_date, total)
    select 'ORD-2025-' || lpad(g::text, 6, '0'),
           c.first + g % 1000,
           'PO-' || g,
           (array['LOW','NORMAL','HIGH','URGENT'])[1 + g % 4]::order_priority,
           (array['DRAFT','CONFIGURATION','APPROVAL','PRODUCTION','QUALITY_CONTROL','PACKAGING','SHIPPING','DELIVERED'])[1 + g % 8]::order_phase,
           now() - make_interval(hours => g % 2000),
           'ORD-2025-' || lpad(g::text, 6, '0') || ' PO-' || g || ' Hospital ' || (1 + g % 1000),
           now() - make_interval(mins => g),
           current_date + (g % 365) - 73,
           case when g % 8 >= 3 then (1000 + g % 9000)::numeric else null end
    from generate_series(1, ${String(count)}) g, (select min(id) as first from customers) c`)
  await db.execute(
    `insert into order_items (order_id, build_number) select id, 'B-' || id from orders`,
  )
  await db.execute(`
    insert into production_tasks (order_item_id, key, name, depends_on, status)
    select i.id, 'task-' || k, 'Task ' || k, '{}',
           (case when k <= (i.id % 7) then 'COMPLETED' else 'PENDING' end)::task_status
    from order_items i join orders o on o.id = i.order_id, generate_series(1, 6) k
    where o.phase not in ('DRAFT', 'CONFIGURATION', 'APPROVAL')`)
  await db.execute(`
    insert into ncrs (order_item_id, severity, description, status)
    select i.id, 'MINOR', 'bench', 'OPEN' from order_items i where i.id % 50 = 0`)
  // autovacuum's work on a live database: the visibility map lets counts read only the indexes
  await db.execute('vacuum analyze')
}

async function signIn(api: Api, username: string): Promise<string> {
  const response = await api.app.request('/auth/login', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  })
  return ((await response.json()) as { token: string }).token
}

function get(api: Api, token: string, path: string): () => Promise<void> {
  return async () => {
    const response = await api.app.request(path, { headers: { Authorization: `Bearer ${token}` } })
    if (response.status !== 200) throw new Error(`${path} answered ${response.status}`)
    await response.arrayBuffer()
  }
}

/** the views measured, each with and without the summary's indexes */
const VIEWS: [string, string][] = [
  ['newest first', '/orders/summary?pageSize=50'],
  ['late, by due date', '/orders/summary?late=true&sort=due&pageSize=50'],
  ['longest in phase', '/orders/summary?sort=-daysInPhase&pageSize=50'],
  ['PRODUCTION, by priority', '/orders/summary?phase=PRODUCTION&sort=-priority&pageSize=50'],
  ['largest total', '/orders/summary?sort=-total&pageSize=50'],
]

/** The order summary benchmarks, on PostgreSQL. */
export async function benchSummary(options: { quick: boolean }): Promise<BenchResult[]> {
  const count = options.quick ? 2000 : 100_000
  const scratch = await scratchDatabase()
  const api = await startApi({ url: scratch.url, demoPassword: PASSWORD, log: () => undefined })
  try {
    process.stdout.write(`  seeding PostgreSQL with ${count} orders…\n`)
    await seed(api, count)
    const token = await signIn(api, 'admin')
    const baseline = `GET /orders (the plain list, ${count} orders)`
    const tasks: BenchTask[] = [
      { name: baseline, fn: get(api, token, '/orders?pageSize=50') },
      ...VIEWS.map(([label, path]) => ({
        name: `GET /orders/summary ${label} (${count} orders)`,
        fn: get(api, token, path),
        target_ms: 50,
        baseline,
      })),
    ]
    // warm up the process and the caches for every view, so that neither side measures a cold start
    for (let round = 0; round < (options.quick ? 2 : 10); round++) {
      for (const task of tasks) await task.fn()
    }
    const indexed = await measure(tasks, options)
    for (const index of SUMMARY_INDEXES) await api.services.db.execute(`drop index ${index}`)
    await api.services.db.execute('analyze orders')
    const bare = await measure(
      VIEWS.map(([label, path]) => ({
        name: `GET /orders/summary ${label} without the summary's indexes (${count} orders)`,
        fn: get(api, token, path),
      })),
      options,
    )
    // the indexes' gain: the same view's median without them / with them
    for (const [i, figure] of bare.entries()) {
      const withIndexes = indexed[i + 1]
      if (withIndexes === undefined) continue
      withIndexes.baseline = figure.name
      withIndexes.ratio = Number((figure.median_ms / withIndexes.median_ms).toPrecision(3))
    }
    return [...indexed, ...bare]
  } finally {
    await api.close()
    await scratch.drop()
  }
}
