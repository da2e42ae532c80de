import { timingSafeEqual } from 'node:crypto'
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client'
import type { QueryObserver } from './query-timing.js'

/** How a webhook delivery attempt ended: delivered, to be retried, or failed for good. */
type DeliveryOutcome = 'succeeded' | 'retried' | 'failed'

/** How a sign-in failed: a wrong name or password, refused while locked, or the failure that locked. */
export type SignInFailure = 'wrong_credentials' | 'refused_locked' | 'lockout'

/**
 * The service's Prometheus metrics: requests by route template and status, database statements by
 * name and the pool's use, the process (event-loop lag, heap, GC) and the domain's counters.
 */
export interface Metrics {
  registry: Registry
  /** the bearer token `GET /metrics` wants; undefined: the endpoint refuses everyone */
  token: string | undefined
  /** one finished request */
  request: (input: { method: string; route: string; status: number; seconds: number }) => void
  bomGenerated: () => void
  webhookDelivery: (outcome: DeliveryOutcome) => void
  signInFailed: (kind: SignInFailure) => void
}

const HTTP_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]
const QUERY_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5]

/**
 * Creates the metrics of one app on a registry of its own (tests run several apps in one process).
 *
 * @example const metrics = createMetrics({ database: observer, token: process.env.METRICS_TOKEN })
 */
export function createMetrics(options: {
  database?: QueryObserver
  token?: string | undefined
}): Metrics {
  const registry = new Registry()
  collectDefaultMetrics({ register: registry, prefix: 'torvan_' })
  const requests = new Counter({
    name: 'torvan_http_requests_total',
    help: 'HTTP requests answered, by method, route template and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [registry],
  })
  const durations = new Histogram({
    name: 'torvan_http_request_duration_seconds',
    help: 'Time from a request arriving to its answer, by method, route template and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: HTTP_BUCKETS,
    registers: [registry],
  })
  const boms = new Counter({
    name: 'torvan_boms_generated_total',
    help: 'New BOMs generated and stored (a configuration answered from a stored BOM is not counted)',
    registers: [registry],
  })
  const deliveries = new Counter({
    name: 'torvan_webhook_deliveries_total',
    help: 'Webhook delivery attempts by outcome: succeeded, retried (will be tried again), failed (gave up)',
    labelNames: ['outcome'] as const,
    registers: [registry],
  })
  const signIns = new Counter({
    name: 'torvan_sign_in_failures_total',
    help: 'Failed sign-ins: wrong_credentials, refused_locked (while locked), lockout (the failure that locked a username or address)',
    labelNames: ['reason'] as const,
    registers: [registry],
  })
  for (const outcome of ['succeeded', 'retried', 'failed']) deliveries.inc({ outcome }, 0)
  for (const reason of ['wrong_credentials', 'refused_locked', 'lockout'])
    signIns.inc({ reason }, 0)
  const database = options.database
  if (database !== undefined) {
    const queries = new Histogram({
      name: 'torvan_db_query_duration_seconds',
      help: 'Database statements by name (verb and first table), including the wait for a connection',
      labelNames: ['query'] as const,
      buckets: QUERY_BUCKETS,
      registers: [registry],
    })
    const byName = new Map<string, Histogram.Internal<'query'>>()
    database.onQuery = (name, seconds) => {
      let child = byName.get(name)
      if (child === undefined) {
        child = queries.labels(name)
        byName.set(name, child)
      }
      child.observe(seconds)
    }
    new Gauge({
      name: 'torvan_db_pool_connections',
      help: 'Database connections of this instance: size of the pool, in_use, and waiting (statements and transactions queued for one)',
      labelNames: ['state'] as const,
      registers: [registry],
      collect() {
        this.set({ state: 'size' }, database.poolSize)
        this.set({ state: 'in_use' }, Math.min(database.active, database.poolSize))
        this.set({ state: 'waiting' }, Math.max(0, database.active - database.poolSize))
      },
    })
  }
  // one child per label set, so that a request costs a map lookup rather than hashing labels
  const children = new Map<
    string,
    { count: Counter.Internal; duration: Histogram.Internal<'method' | 'route' | 'status'> }
  >()
  return {
    registry,
    token: options.token === '' ? undefined : options.token,
    request: ({ method, route, status, seconds }) => {
      const key = `${method} ${status} ${route}`
      let child = children.get(key)
      if (child === undefined) {
        const labels = { method, route, status: String(status) }
        child = { count: requests.labels(labels), duration: durations.labels(labels) }
        children.set(key, child)
      }
      child.count.inc()
      child.duration.observe(seconds)
    },
    bomGenerated: () => {
      boms.inc()
    },
    webhookDelivery: (outcome) => {
      deliveries.inc({ outcome })
    },
    signInFailed: (reason) => {
      signIns.inc({ reason })
    },
  }
}

/** Whether an `Authorization` header carries the metrics token (compared in constant time). */
export function isMetricsToken(metrics: Metrics, header: string | undefined): boolean {
  if (metrics.token === undefined || header === undefined) return false
  const match = /^Bearer\s+(\S+)$/i.exec(header)
  if (match?.[1] === undefined) return false
  const given = Buffer.from(match[1])
  const wanted = Buffer.from(metrics.token)
  return given.length === wanted.length && timingSafeEqual(given, wanted)
}

/**
 * A fetch handler that answers only `GET /metrics`, without a token: for a listener of its own on an
 * address only the scraper reaches (METRICS_PORT, METRICS_HOST default 127.0.0.1).
 *
 * @example serve({ fetch: metricsOnly(api.services.metrics), port: 9464, hostname: '127.0.0.1' })
 */
export function metricsOnly(metrics: Metrics): (request: Request) => Promise<Response> {
  return async (request) => {
    const { pathname } = new URL(request.url)
    if (request.method !== 'GET' || pathname !== '/metrics') {
      return new Response('only GET /metrics here\n', { status: 404 })
    }
    return new Response(await metrics.registry.metrics(), {
      headers: { 'Content-Type': metrics.registry.contentType },
    })
  }
}
