import { Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { secureHeaders } from 'hono/secure-headers'
import { rateLimiter } from 'hono-rate-limiter'
import type { Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { PasswordHasherBusyError } from './auth/password.js'
import { clientAddress } from './http/client-address.js'
import type { TrustProxy } from './http/client-context.js'
import { clientContext, currentClient } from './http/client-context.js'
import { honoPath, mountRoutes } from './http/mount.js'
import { requestIds } from './http/request-ids.js'
import type { Logger } from './ops/logger.js'
import { createLogger } from './ops/logger.js'
import { observeRequests } from './http/observe-requests.js'
import { transientFailure } from './http/transient-failure.js'
import type { ProblemKind } from './http/problem.js'
import { problem, ProblemError } from './http/problem.js'
import type { AnyRoute, AppEnv } from './http/route.js'
import { auditRoutes } from './routes/audit.js'
import { authRoutes } from './routes/auth.js'
import { bomRoutes } from './routes/boms.js'
import { catalogRoutes } from './routes/catalog.js'
import { customerRoutes } from './routes/customers.js'
import { meRoutes } from './routes/me.js'
import { eventRoutes } from './routes/events.js'
import { exportRoutes } from './routes/export.js'
import { externalSystemRoutes } from './routes/external-systems.js'
import { orderSummaryRoutes } from './routes/order-summary.js'
import { orderRoutes } from './routes/orders.js'
import { documentRoutes } from './routes/documents.js'
import { ncrRoutes } from './routes/ncrs.js'
import { progressRoutes } from './routes/progress.js'
import { taskNoteRoutes } from './routes/task-notes.js'
import { qcRoutes } from './routes/qc.js'
import { quoteRoutes } from './routes/quotes.js'
import { taskRoutes } from './routes/tasks.js'
import { systemRoutes } from './routes/system.js'
import { userRoutes } from './routes/users.js'
import { webRoutes } from './routes/web.js'
import { webhookRoutes } from './routes/webhooks.js'
import type { Services } from './services.js'

/** Strict-Transport-Security on HTTPS: a year, subdomains too */
const HSTS = 'max-age=31536000; includeSubDomains'

/** Every route of the API, in the order the reference lists them. */
export function apiRoutes(): AnyRoute[] {
  const routes: AnyRoute[] = []
  routes.push(
    ...systemRoutes(() => routes),
    ...authRoutes,
    ...meRoutes,
    ...userRoutes,
    ...catalogRoutes,
    ...bomRoutes,
    ...customerRoutes,
    // before /orders/{id}, which would take `summary` for an id
    ...orderSummaryRoutes,
    ...orderRoutes,
    ...quoteRoutes,
    ...progressRoutes,
    ...taskRoutes,
    ...taskNoteRoutes,
    ...qcRoutes,
    ...auditRoutes,
    ...documentRoutes,
    ...ncrRoutes,
    ...eventRoutes,
    ...exportRoutes,
    ...webhookRoutes,
    ...externalSystemRoutes,
    ...webRoutes,
  )
  return routes
}

function sendProblem(
  c: Context<AppEnv>,
  input: {
    kind: ProblemKind
    detail: string
    extensions?: Record<string, unknown>
    headers?: Record<string, string>
  },
): Response {
  const body = problem(input.kind, input.detail, {
    ...input.extensions,
    instance: c.req.path,
    requestId: c.get('requestId'),
  })
  return c.body(JSON.stringify(body), body.status as ContentfulStatusCode, {
    ...input.headers,
    'Content-Type': 'application/problem+json',
  })
}

/** For unknown paths: 405 with Allow when another method matches, else 404. */
function allowedMethods(routes: readonly AnyRoute[], path: string): string[] {
  return routes
    .filter((route) => {
      const pattern = new RegExp(`^${honoPath(route.path).replace(/:[^/]+/g, '[^/]+')}$`)
      return pattern.test(path)
    })
    .map((route) => route.method.toUpperCase())
}

/**
 * Requests per minute and client address, per instance of the service: sign-ins (each costs a password
 * hash) and the configuration endpoints that search (`options`, `explain`). `false` turns them off
 * (`RATE_LIMITS=off`, for load tests from one address). The lockout, which must hold across instances,
 * is counted in the database instead.
 */
export interface RateLimits {
  signIn: number
  configurationSearch: number
}

/** the default {@link RateLimits} */
const RATE_LIMITS: RateLimits = { signIn: 30, configurationSearch: 600 }

/**
 * The API as a Hono app over the given services. Use `app.request()` in tests, or serve it.
 *
 * @example const app = createApp(services); await app.request('/health')
 */
export function createApp(
  services: Services,
  options: {
    logger?: Logger
    rateLimits?: RateLimits | false
    trustProxy?: TrustProxy
    /** served over HTTPS by this process: answers carry Strict-Transport-Security */
    tls?: boolean
  } = {},
): Hono<AppEnv> {
  const logger = options.logger ?? createLogger()
  const routes = apiRoutes()
  const app = new Hono<AppEnv>()
  app.use(requestIds())
  app.use(secureHeaders(SECURE_HEADERS))
  app.use(clientContext({ trustProxy: options.trustProxy ?? false }))
  // HTTPS here (TLS_CERT), or at a trusted proxy that says so in X-Forwarded-Proto
  const tls = options.tls === true
  app.use(async (c, next) => {
    await next()
    if (tls || currentClient().forwardedHttps === true) c.header('Strict-Transport-Security', HSTS)
  })
  app.use(observeRequests({ metrics: services.metrics, logger }))
  app.use(async (c, next) => {
    c.set('services', services)
    await next()
  })
  const rateLimits = options.rateLimits ?? RATE_LIMITS
  if (rateLimits !== false) limitRates(app, rateLimits)
  mountRoutes(app, routes)
  app.notFound((c) => {
    const allowed = allowedMethods(routes, c.req.path)
    if (allowed.length > 0) {
      return sendProblem(c, {
        kind: 'methodNotAllowed',
        detail: `${c.req.method} is not allowed on ${c.req.path}; it takes ${allowed.join(', ')}.`,
        headers: { Allow: allowed.join(', ') },
      })
    }
    return sendProblem(c, {
      kind: 'notFound',
      detail: `There is no endpoint ${c.req.method} ${c.req.path}; the reference is at /docs.`,
    })
  })
  app.onError(toErrorResponse)
  return app
}

const SECURE_HEADERS: Parameters<typeof secureHeaders>[0] = {
  // only where the connection is HTTPS (see createApp): a browser ignores it on plain HTTP anyway
  strictTransportSecurity: false,
  // the API reference loads its own scripts and styles from this server, nothing else
  contentSecurityPolicy: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:'],
    frameAncestors: ["'none'"],
  },
  crossOriginResourcePolicy: 'same-origin',
}

/** requests per minute and address on sign-in and the configuration searches */
function limitRates(app: Hono<AppEnv>, rateLimits: RateLimits): void {
  const limiter = (limit: number) =>
    rateLimiter<AppEnv>({
      windowMs: 60_000,
      limit,
      standardHeaders: 'draft-6',
      keyGenerator: () => clientAddress(),
      // in-process calls (no socket) have no address to count
      skip: () => clientAddress() === 'unknown',
      handler: (c) => {
        const reset = (c.get('rateLimit' as never) as { resetTime?: Date } | undefined)?.resetTime
        const seconds = Math.max(
          1,
          Math.ceil(((reset?.getTime() ?? Date.now() + 60_000) - Date.now()) / 1000),
        )
        return sendProblem(c, {
          kind: 'tooManyRequests',
          detail: `This address sent more than ${limit} such requests in a minute; retry in ${seconds} seconds.`,
          headers: { 'Retry-After': String(seconds) },
        })
      },
    })
  app.post('/auth/login', limiter(rateLimits.signIn))
  const search = limiter(rateLimits.configurationSearch)
  app.post('/configurations/options', search)
  app.post('/configurations/explain', search)
}

/** an error as its problem document: ours as they are, transient failures as 503, the rest as 500 */
function toErrorResponse(error: Error, c: Context<AppEnv>): Response {
  if (error instanceof ProblemError) {
    return sendProblem(c, {
      kind: error.kind,
      detail: error.message,
      extensions: error.extensions,
      headers: error.headers,
    })
  }
  if (error instanceof PasswordHasherBusyError) {
    return sendProblem(c, {
      kind: 'unavailable',
      detail: 'Too many sign-ins are being checked at once; retry in a few seconds.',
      headers: { 'Retry-After': '2' },
    })
  }
  if (error instanceof HTTPException && error.status < 500) {
    return sendProblem(c, { kind: 'validation', detail: error.message })
  }
  const transient = transientFailure(error)
  if (transient !== undefined) {
    return sendProblem(c, {
      kind: 'unavailable',
      detail: `The request could not be completed: ${transient}. Retry it in a moment.`,
      headers: { 'Retry-After': '1' },
    })
  }
  // the request's log line carries the error with its stack (observeRequests); the client gets the id
  return sendProblem(c, {
    kind: 'internal',
    detail: `Something went wrong on our side; the request id ${c.get('requestId')} helps us find it.`,
  })
}
