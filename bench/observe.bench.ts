// the cost of observing requests (metrics + one log line each) and of timing database statements:
// the same in-process request with and without them, interleaved, in the same run
import { Hono } from 'hono'
import { clientContext } from '../packages/api/src/http/client-context.js'
import type { AppEnv } from '../packages/api/src/http/route.js'
import { createLogger } from '../packages/api/src/ops/logger.js'
import { createMetrics } from '../packages/api/src/ops/metrics.js'
import { observeRequests } from '../packages/api/src/http/observe-requests.js'
import { createQueryObserver, queryName } from '../packages/api/src/ops/query-timing.js'
import type { BenchResult } from './measure.js'
import { summarise } from './measure.js'

function app(observed: boolean): Hono<AppEnv> {
  const hono = new Hono<AppEnv>()
  hono.use(async (c, next) => {
    c.set('requestId', '00000000-0000-4000-8000-000000000000')
    await next()
  })
  // the app's own context store, in both: the observation keeps its database time there
  hono.use(clientContext())
  if (observed) {
    let bytes = 0
    const logger = createLogger({
      write: (line) => {
        bytes += line.length
      },
    })
    const metrics = createMetrics({ database: createQueryObserver(10) })
    hono.use(observeRequests({ metrics, logger }))
    hono.get('/bytes', (c) => c.json({ bytes }))
  }
  hono.get('/boms/:id', (c) => c.json({ id: Number(c.req.param('id')), lines: [] }))
  return hono
}

export async function benchObserve(settings: { quick: boolean }): Promise<BenchResult[]> {
  const bare = app(false)
  const observed = app(true)
  const batch = 200
  const rounds = settings.quick ? 10 : 100
  const times = { bare: [] as number[], observed: [] as number[] }
  const run = async (target: Hono<AppEnv>, into: number[]) => {
    const start = performance.now()
    for (let i = 0; i < batch; i++) await target.request(`/boms/${i}`)
    into.push((performance.now() - start) / batch)
  }
  for (let round = 0; round < rounds; round++) {
    // interleaved, the order alternating, so that drift and GC land on both alike
    if (round % 2 === 0) {
      await run(bare, times.bare)
      await run(observed, times.observed)
    } else {
      await run(observed, times.observed)
      await run(bare, times.bare)
    }
  }
  const baseline = summarise('request without observation (in-process GET)', times.bare)
  const withObservation = summarise('request with metrics + JSON log line', times.observed)
  withObservation.baseline = baseline.name
  withObservation.ratio = Math.round((baseline.median_ms / withObservation.median_ms) * 100) / 100
  // naming a statement the metrics label it with: remembered after the first time
  const text = 'select "id", "order_id" from "order_items" where "order_items"."id" = $1'
  const names: number[] = []
  for (let round = 0; round < (settings.quick ? 10 : 100); round++) {
    const start = performance.now()
    for (let i = 0; i < 10_000; i++) queryName(text)
    names.push((performance.now() - start) / 10_000)
  }
  return [baseline, withObservation, summarise('queryName (remembered statement)', names)]
}
