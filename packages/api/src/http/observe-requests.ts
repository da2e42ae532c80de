import type { MiddlewareHandler } from 'hono'
import { routePath } from 'hono/route'
import type { Logger } from '../ops/logger.js'
import type { Metrics } from '../ops/metrics.js'
import { requestDatabaseTime } from './client-context.js'
import type { AppEnv } from './route.js'

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'])

/**
 * Middleware (inside `clientContext()`, whose store keeps the database time) that times each request and, once it is answered, counts it in the metrics by route
 * template and status and writes its one log line: request id, user, route, status, duration and
 * database time; a 500 carries its error with the stack (the client gets only the request id).
 */
export function observeRequests(options: {
  metrics: Metrics
  logger: Logger
}): MiddlewareHandler<AppEnv> {
  const { metrics, logger } = options
  return async (c, next) => {
    const start = performance.now()
    const database = requestDatabaseTime()
    await next()
    const seconds = (performance.now() - start) / 1000
    const status = c.res.status
    // the catch-all middleware path: no route matched, and the label set stays bounded
    const path = routePath(c)
    const route = path === '/*' ? 'unmatched' : path
    const method = METHODS.has(c.req.method) ? c.req.method : 'OTHER'
    metrics.request({ method, route, status, seconds })
    const failed = status >= 500 && c.error !== undefined
    const level = failed ? 'error' : 'info'
    if (!logger.isLevelEnabled(level)) return
    const client = c.get('clientRequestId')
    logger[level](
      {
        reqId: c.get('requestId'),
        ...(client === undefined ? {} : { clientReqId: client }),
        userId: c.get('userId') ?? null,
        method,
        route,
        path: c.req.path,
        status,
        ms: Math.round(seconds * 10_000) / 10,
        dbMs: Math.round((database?.seconds ?? 0) * 10_000) / 10,
        ...(failed ? { err: c.error } : {}),
      },
      failed ? 'request failed' : 'request',
    )
  }
}
