import type { Hono } from 'hono'
import type { RateLimits } from './app.js'
import { createApp } from './app.js'
import type { ImportProgress } from './catalog/import.js'
import type { DatabaseOptions, OpenDatabase } from './db/open.js'
import type { TrustProxy } from './http/client-context.js'
import { openDatabase } from './db/open.js'
import type { AppEnv } from './http/route.js'
import type { SeedResult } from './seed.js'
import { seedDatabase, tokenSecret } from './seed.js'
import type { Models, Services } from './services.js'
import { createBomCache, loadModels } from './services.js'
import { createAuthCache } from './auth/users.js'
import { createTokenCache } from './auth/token.js'
import type { Logger } from './ops/logger.js'
import { createLogger } from './ops/logger.js'
import { createMetrics } from './ops/metrics.js'
import type { Dispatcher } from './webhooks/dispatcher.js'
import { startDispatcher, startJobs } from './webhooks/dispatcher.js'
import type { DeliverySettings } from './webhooks/settings.js'
import { defaultDeliverySettings } from './webhooks/settings.js'
import type { UploadQuota } from './files/quota.js'
import { DEFAULT_UPLOAD_QUOTA } from './files/quota.js'
import { scheduleIdempotencyPruning } from './retention/idempotency-pruning.js'

/** How to start the API: where the data is and what the first start seeds. */
export interface StartOptions extends DatabaseOptions {
  demoPassword?: string | undefined
  authSecret?: string | undefined
  catalogDir?: string
  /** the rules folders the first start seeds (default: every demo product's) */
  rulesDirs?: readonly string[]
  tokenTtlSeconds?: number
  /** bytes one user may upload per window (default 500 MB per 24 h) */
  uploadQuota?: UploadQuota
  now?: () => Date
  onProgress?: (progress: ImportProgress) => void
  /** the request log and errors: a pino logger (default: JSON lines on standard error) */
  logger?: Logger
  /** instead of `logger`: each JSON log line to this function (tests) */
  log?: (line: string) => void
  /** the bearer token `GET /metrics` wants (METRICS_TOKEN); without one it refuses everyone */
  metricsToken?: string | undefined
  /** the server speaks HTTPS itself: answers carry Strict-Transport-Security */
  tls?: boolean
  /** per-address rate limits, or false for none (load tests from one address) */
  rateLimits?: RateLimits | false
  /** webhook delivery; `enabled: false` leaves it to other instances */
  webhooks?: Partial<DeliverySettings>
  /**
   * take the client's address from X-Forwarded-For and HTTPS from X-Forwarded-Proto: from the proxies
   * at these addresses / CIDR ranges (or, with true, from anyone: only where nobody else reaches the port)
   */
  trustProxy?: TrustProxy
  /** how often expired idempotency keys are pruned (default hourly) */
  idempotencyPruneMs?: number
}

/** A running API (not yet listening): the Hono app, its services and what seeding did. */
export interface Api {
  app: Hono<AppEnv>
  services: Services
  database: OpenDatabase
  seed: SeedResult
  /** the webhook relay and workers of this instance (absent when delivery is not enabled) */
  dispatcher: Dispatcher | undefined
  /** how long each step of the start took, in milliseconds, in the order they ran */
  startup: StartupPhase[]
  close: () => Promise<void>
}

/** One step of {@link startApi} and how long it took. */
export interface StartupPhase {
  /** what the step did, as a start-up message says it: `database (open and migrate)`, `seed`, … */
  name: string
  ms: number
}

/** One error line per product whose active ruleset did not load: the others are served. */
function logFailedModels(logger: Logger, models: Models): void {
  for (const [product, failure] of models.failed) {
    logger.error(
      { product, rulesetVersion: failure.version, reason: failure.reason },
      `the ${product} rules (version ${failure.version}) do not load, so ${product} is not served: ${failure.reason}`,
    )
  }
}

/** Runs `step` and notes its duration under `name`. */
async function timed<T>(phases: StartupPhase[], name: string, step: () => Promise<T>): Promise<T> {
  const started = performance.now()
  try {
    return await step()
  } finally {
    phases.push({ name, ms: performance.now() - started })
  }
}

/**
 * Opens and migrates the database, seeds it on first start, loads the catalog and rules into memory
 * and builds the app. Serve `api.app.fetch`, or call `api.app.request()` in tests.
 *
 * @example const api = await startApi({ dataDir: './data' })
 */
export async function startApi(options: StartOptions = {}): Promise<Api> {
  const startup: StartupPhase[] = []
  const database = await timed(startup, 'database (open and migrate)', () => openDatabase(options))
  const logger =
    options.logger ?? createLogger(options.log === undefined ? {} : { write: options.log })
  const metrics = createMetrics({ database: database.observer, token: options.metricsToken })
  let jobs: Awaited<ReturnType<typeof startJobs>> | undefined
  try {
    const seed = await timed(startup, 'seed', () =>
      seedDatabase(database.db, {
        ...(options.catalogDir === undefined ? {} : { catalogDir: options.catalogDir }),
        ...(options.rulesDirs === undefined ? {} : { rulesDirs: options.rulesDirs }),
        ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
        demoPassword: options.demoPassword,
      }),
    )
    const settings = defaultDeliverySettings(options.webhooks)
    const queue = await timed(startup, 'job queue', () => startJobs(database.jobs, settings))
    jobs = queue
    const models = await timed(startup, 'catalog and rules', () => loadModels(database.db))
    logFailedModels(logger, models)
    const services: Services = {
      db: database.db,
      database: { kind: database.kind, location: database.location },
      models,
      tokenSecret: await tokenSecret(database.db, options.authSecret),
      bomCache: createBomCache(),
      now: options.now ?? (() => new Date()),
      tokenTtlSeconds: options.tokenTtlSeconds ?? 8 * 60 * 60,
      authCache: createAuthCache(),
      tokens: createTokenCache(),
      webhooks: { settings, jobs: queue },
      uploadQuota: options.uploadQuota ?? DEFAULT_UPLOAD_QUOTA,
      metrics,
    }
    const app = createApp(services, {
      logger,
      tls: options.tls ?? false,
      ...(options.rateLimits === undefined ? {} : { rateLimits: options.rateLimits }),
      trustProxy: options.trustProxy ?? false,
    })
    const dispatcher = settings.enabled
      ? await timed(startup, 'webhook delivery', () => startDispatcher(services, queue, settings))
      : undefined
    const stopPruning = scheduleIdempotencyPruning(database.db, {
      now: services.now,
      log: options.log ?? ((line) => process.stderr.write(`${line}\n`)),
      ...(options.idempotencyPruneMs === undefined ? {} : { everyMs: options.idempotencyPruneMs }),
    })
    const close = async () => {
      await stopPruning()
      await (dispatcher?.stop() ?? jobs?.stop({ graceful: false }))
      await database.close()
    }
    return { app, services, database, seed, dispatcher, startup, close }
  } catch (error) {
    await jobs?.stop({ graceful: false }).catch(() => undefined)
    await database.close()
    throw error
  }
}
