import { readFile } from 'node:fs/promises'
import { createServer as createHttpsServer } from 'node:https'
import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import type { CliExtension, CliOptions } from '@torvan/catalog-loader'
import { CliError, parseCommandLine, unknownCommand, usageError } from '@torvan/catalog-loader'
import type { ImportProgress } from '../catalog/import.js'
import { importCatalog } from '../catalog/import.js'
import { migrationStatus } from '../db/migrations.js'
import type { TrustProxy } from '../http/client-context.js'
import { trustedProxies } from '../http/client-context.js'
import { DatabaseError, openDatabase } from '../db/open.js'
import { ROLES } from '../permissions.js'
import type { DemoLogin } from '../seed.js'
import type { PruneReport } from '../retention/prune.js'
import { pruneExpired } from '../retention/prune.js'
import { loadRulesFolders, readCatalogFolder, seedRoles, SetupError } from '../seed.js'
import { storeRuleset } from '../rules/store.js'
import { backupPglite, markInUse, restorePglite } from '../ops/backup.js'
import { databaseReport, formatDatabaseReport } from '../ops/db-report.js'
import type { Logger } from '../ops/logger.js'
import { createLogger } from '../ops/logger.js'
import { metricsOnly } from '../ops/metrics.js'
import type { Models } from '../services.js'
import type { StartupPhase } from '../start.js'
import { startApi } from '../start.js'
import { startJobs } from '../webhooks/dispatcher.js'
import { defaultDeliverySettings, parseAllowedHosts } from '../webhooks/settings.js'

/** Where the API's commands write, what environment they read, and the process's signals. */
export interface ApiCliIo {
  stdout: (text: string) => void
  stderr: (text: string) => void
  /** true when stderr is a terminal: progress bars */
  isTTY: boolean
  env: Record<string, string | undefined>
  signals: { on: (signal: 'SIGINT' | 'SIGTERM', listener: () => void) => unknown }
}

/** The API's part of `torvan --help`. */
export const API_HELP = `Service commands:
  torvan serve [--port N]
      Start the HTTP API: migrate the database, seed it on first start (demo catalog, T2 rules,
      one demo user per role) and listen (PORT, default 3000). Ctrl-C stops it cleanly.
  torvan db migrate
      Apply the database migrations and the job queue's schema: run it as the database's owner role
      before starting (or upgrading) services that run as a role without DDL rights.
  torvan db report [--limit N]
      The slowest statements (pg_stat_statements, where the server has it) and every table's size.
  torvan db backup <file> | torvan db restore <file> [--replace]
      A consistent copy of the embedded PGlite database (DATA_DIR; stop the service first), and back.
      On PostgreSQL these explain pg_dump / pg_restore and point-in-time recovery instead.
  torvan db import-catalog <dir> [--rules <rules-dir>]...
      Import a catalog folder (with its prices.json and list-prices.json) into the database, and with --rules store the
      product's rules as its active ruleset (--rules once per product: --rules rules/t2 --rules rules/ws). The load
      report's errors, and rules with errors, stop it before anything is written; importing the same catalog again
      changes nothing.
  torvan db prune [--dry-run]
      Apply the retention rules (orders 7 years, audit 3, QC 5, documents 10, idempotency keys 24 hours):
      copy what is past its time into the archived_rows table and delete it, 500 rows per statement,
      skipping rows in use; open orders and what they need are never removed. --dry-run only counts.

Environment: DATABASE_URL (PostgreSQL; without it, embedded PGlite in DATA_DIR, default ./data),
PORT, HOST, DEMO_PASSWORD (the demo users' password on first start), AUTH_SECRET (token signing key),
TRUST_PROXY (addresses or CIDRs of the proxies whose X-Forwarded-For / -Proto count), TLS_CERT and
TLS_KEY (PEM files: serve HTTPS), METRICS_TOKEN (GET /metrics with this bearer token), METRICS_PORT and
METRICS_HOST (a metrics-only listener, default host 127.0.0.1), LOG_LEVEL (info; debug, warn, ...),
LOG_FORMAT=json (JSON lines on a terminal too). docs/operations.md tells how to run it for real.
`

function databaseOptions(env: ApiCliIo['env']) {
  return { url: env['DATABASE_URL'], dataDir: env['DATA_DIR'] ?? './data' }
}

function progressBar(io: ApiCliIo): ((progress: ImportProgress) => void) | undefined {
  if (!io.isTTY) return undefined
  let last = -1
  return ({ done, total }) => {
    const percent = total === 0 ? 100 : Math.floor((done / total) * 100)
    if (percent === last) return
    last = percent
    const filled = Math.round(percent / 4)
    io.stderr(
      `\r  importing [${'#'.repeat(filled)}${'-'.repeat(25 - filled)}] ${percent}% ${done}/${total}`,
    )
    if (done >= total) io.stderr('\n')
  }
}

function loginLines(logins: readonly DemoLogin[], env: ApiCliIo['env']): string {
  if (logins.length === 0) return 'No demo users (the database had users before the first start).\n'
  const lines = logins.map(
    (login) =>
      `  ${login.username.padEnd(12)}${ROLES[login.role].name.padEnd(22)}${login.password === undefined ? '' : `password: ${login.password}`}`,
  )
  const generated = logins.some((login) => login.password !== undefined)
  const note = generated
    ? env['DEMO_PASSWORD'] === undefined
      ? 'These passwords were generated for this database and are shown only now. Set DEMO_PASSWORD before the first start to choose one.'
      : 'The password is DEMO_PASSWORD.'
    : 'Passwords were shown on the first start (or are DEMO_PASSWORD, if it was set then).'
  return `Demo logins, one per role:\n${lines.join('\n')}\n${note}\n`
}

/** TRUST_PROXY: unset / 0 (none), 1 / true (any: the port is reachable only by the proxy), or a list */
function parseTrustProxy(value: string | undefined): TrustProxy {
  const setting = (value ?? '').trim()
  if (setting === '' || setting === '0' || setting === 'false') return false
  if (setting === '1' || setting === 'true') return true
  const entries = setting.split(',').map((entry) => entry.trim())
  try {
    trustedProxies(entries)
  } catch (error) {
    throw new SetupError((error as Error).message.replace('trustedProxies(): ', 'TRUST_PROXY: '))
  }
  return entries
}

function portNumber(name: string, value: string | undefined): number | SetupError {
  const port = Number(value)
  if (value !== undefined && Number.isInteger(port) && port >= 0 && port <= 65535) return port
  return new SetupError(`${name} must be a port number, received ${JSON.stringify(value)}`)
}

async function tlsOptions(
  env: ApiCliIo['env'],
): Promise<{ cert: Buffer; key: Buffer } | undefined> {
  const certFile = env['TLS_CERT']
  const keyFile = env['TLS_KEY']
  if ((certFile ?? '') === '' && (keyFile ?? '') === '') return undefined
  if ((certFile ?? '') === '' || (keyFile ?? '') === '') {
    throw new SetupError(
      'TLS_CERT and TLS_KEY go together: set both (PEM files) to serve HTTPS, or neither for HTTP behind a proxy',
    )
  }
  const read = async (name: string, file: string) => {
    try {
      return await readFile(file)
    } catch (error) {
      throw new SetupError(`${name}: cannot read ${file} (${(error as Error).message})`)
    }
  }
  return { cert: await read('TLS_CERT', certFile ?? ''), key: await read('TLS_KEY', keyFile ?? '') }
}

async function listening(
  server: { once: (event: string, listener: (error?: Error) => void) => unknown },
  what: string,
): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    server.once('listening', () => {
      resolve()
    })
    server.once('error', (error) => {
      reject(new SetupError(`cannot listen on ${what}: ${error?.message ?? 'unknown error'}`))
    })
  })
}

async function serveCommand(io: ApiCliIo, portOption: string | undefined): Promise<number> {
  // from the process's start to here: node, and tsx compiling the sources when run from the repository
  const codeLoadedMs = performance.now()
  const settings = serveSettings(io, portOption)
  if (typeof settings === 'number') return settings
  const { port, metricsPort, logger } = settings
  // signals are caught from here on: one during start-up stops the service once it is up, because a
  // PGlite database killed while it migrates or seeds may not open again
  let stop: (() => void) | undefined
  let stopAsked = false
  const onSignal = () => {
    if (stop !== undefined) stop()
    else if (!stopAsked) {
      stopAsked = true
      io.stdout('Stopping as soon as start-up is done (the database is being prepared).\n')
    }
  }
  // listening for good: a repeated signal (Ctrl-C reaches the whole process group, and pnpm or npm
  // forward it again) must not fall back to node's default, which kills
  io.signals.on('SIGINT', onSignal)
  io.signals.on('SIGTERM', onSignal)
  const tls = await tlsOptions(io.env)
  const trustProxy = parseTrustProxy(io.env['TRUST_PROXY'])
  const options = databaseOptions(io.env)
  const progress = progressBar(io)
  const api = await startApi({
    ...options,
    demoPassword: io.env['DEMO_PASSWORD'],
    authSecret: io.env['AUTH_SECRET'],
    trustProxy,
    ...(progress === undefined ? {} : { onProgress: progress }),
    ...(io.env['RATE_LIMITS'] === 'off' ? { rateLimits: false as const } : {}),
    webhooks: { allowedHosts: parseAllowedHosts(io.env['WEBHOOK_ALLOWED_HOSTS']) },
    logger,
    metricsToken: io.env['METRICS_TOKEN'],
    tls: tls !== undefined,
  })
  const unmark =
    api.services.database.kind === 'pglite' ? await markInUse(options.dataDir) : undefined
  const { server, metricsServer } = await listen(api, {
    tls,
    port,
    metricsPort,
    env: io.env,
    unmark,
  })
  const address = server.address() as AddressInfo
  const url = `${tls === undefined ? 'http' : 'https'}://localhost:${address.port}`
  const metricsAddress = metricsServer?.address() as AddressInfo | undefined
  io.stdout(readyMessage(api, { url, metricsAddress, codeLoadedMs, env: io.env }))
  return new Promise<number>((resolve) => {
    stop = stopper({ io, api, servers: [server, metricsServer], unmark, logger }, resolve)
    if (stopAsked) stop()
  })
}

/** PORT, METRICS_PORT and the logger from the environment, or the exit code after saying what is wrong */
function serveSettings(
  io: ApiCliIo,
  portOption: string | undefined,
): { port: number; metricsPort: number | undefined; logger: Logger } | number {
  const port = portNumber('PORT', portOption ?? io.env['PORT'] ?? '3000')
  const metricsPort =
    (io.env['METRICS_PORT'] ?? '') === ''
      ? undefined
      : portNumber('METRICS_PORT', io.env['METRICS_PORT'])
  if (port instanceof SetupError || metricsPort instanceof SetupError) {
    const wrong = port instanceof SetupError ? port : (metricsPort as SetupError)
    io.stderr(`torvan: ${wrong.message}\n`)
    return 2
  }
  try {
    const logger = createLogger({
      level: io.env['LOG_LEVEL'] ?? 'info',
      pretty: io.isTTY && io.env['LOG_FORMAT'] !== 'json',
    })
    return { port, metricsPort, logger }
  } catch (error) {
    io.stderr(`torvan: ${(error as Error).message.replace('createLogger(): ', '')}\n`)
    return 2
  }
}

type Api = Awaited<ReturnType<typeof startApi>>

/** what the service prints once it listens: where, the database, the catalog, metrics, start-up, logins */
function readyMessage(
  api: Api,
  at: {
    url: string
    metricsAddress: AddressInfo | undefined
    codeLoadedMs: number
    env: ApiCliIo['env']
  },
): string {
  const { url, metricsAddress } = at
  const { models, database } = api.services
  return [
    `TORVAN configurator API listening on ${url}`,
    `  API reference:  ${url}/docs   (OpenAPI: ${url}/openapi.json)`,
    `  configurator:   ${url}/app`,
    database.kind === 'pglite'
      ? `  database:       PGlite in ${database.location} (embedded, for trying and developing: set DATABASE_URL to run on PostgreSQL)`
      : `  database:       PostgreSQL at ${database.location}`,
    catalogLine(models),
    metricsAddress === undefined
      ? api.services.metrics.token === undefined
        ? '  metrics:        off (METRICS_TOKEN or METRICS_PORT turns GET /metrics on)'
        : `  metrics:        ${url}/metrics with the bearer token METRICS_TOKEN`
      : `  metrics:        http://${metricsAddress.address}:${metricsAddress.port}/metrics`,
    startupLine(api.startup, at.codeLoadedMs),
    '',
    loginLines(api.seed.logins, at.env),
  ].join('\n')
}

type Server = ReturnType<typeof serve>

/** the API's server (and the metrics one), listening; on a failure both close and so does the API */
async function listen(
  api: Api,
  at: {
    tls: Awaited<ReturnType<typeof tlsOptions>>
    port: number
    metricsPort: number | undefined
    env: ApiCliIo['env']
    unmark: (() => Promise<void>) | undefined
  },
): Promise<{ server: Server; metricsServer: Server | undefined }> {
  const { tls, port, metricsPort, env, unmark } = at
  const hostname = env['HOST'] ?? '0.0.0.0'
  const server =
    tls === undefined
      ? serve({ fetch: api.app.fetch, port, hostname })
      : serve({
          fetch: api.app.fetch,
          port,
          hostname,
          createServer: createHttpsServer,
          serverOptions: tls,
        })
  const metricsServer =
    metricsPort === undefined
      ? undefined
      : serve({
          fetch: metricsOnly(api.services.metrics),
          port: metricsPort,
          hostname: env['METRICS_HOST'] ?? '127.0.0.1',
        })
  try {
    // both listen already: wait for both at once, or the second's event may pass unheard
    await Promise.all([
      listening(server, `port ${String(port)}`),
      metricsServer === undefined
        ? undefined
        : listening(metricsServer, `METRICS_PORT ${String(metricsPort)}`),
    ])
  } catch (error) {
    server.close()
    metricsServer?.close()
    await unmark?.()
    await api.close()
    throw error
  }
  return { server, metricsServer }
}

/** stops once: open requests finish (busy connections get 10 s), then the database closes */
function stopper(
  running: {
    io: ApiCliIo
    api: Api
    servers: [Server, Server | undefined]
    unmark: (() => Promise<void>) | undefined
    logger: Logger
  },
  resolve: (code: number) => void,
): () => void {
  const { io, api, unmark, logger } = running
  const [server, metricsServer] = running.servers
  let stopping = false
  return () => {
    if (stopping) return
    stopping = true
    io.stdout('Stopping: finishing open requests, closing the database.\n')
    metricsServer?.close()
    server.close(() => {
      void api
        .close()
        .then(() => unmark?.())
        .then(() => {
          logger.flush()
          resolve(0)
        })
    })
    // idle keep-alive connections would hold the server open; busy ones get 10 s to finish
    if ('closeIdleConnections' in server) server.closeIdleConnections()
    setTimeout(() => {
      if ('closeAllConnections' in server) server.closeAllConnections()
    }, 10_000).unref()
  }
}

/**
 * Where the start's time went: loading the code (until the serve command ran), each step of startApi, and
 * the rest (TLS files, listening), from the process's start to listening.
 */
function startupLine(phases: StartupPhase[], codeLoadedMs: number): string {
  const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`
  const steps = phases.reduce((sum, phase) => sum + phase.ms, 0)
  const total = performance.now()
  const parts = [
    `loading the code ${seconds(codeLoadedMs)}`,
    ...phases.map((phase) => `${phase.name} ${seconds(phase.ms)}`),
    `listening ${seconds(total - codeLoadedMs - steps)}`,
  ]
  return `  started in:     ${seconds(total)} (${parts.join(', ')})`
}

/** the schema, as its owner: the tables (drizzle's migrations) and the job queue's (pg-boss's) */
async function migrateCommand(io: ApiCliIo): Promise<number> {
  const database = await openDatabase(databaseOptions(io.env))
  try {
    const status = await migrationStatus(database.db)
    // pg-boss installs or upgrades its schema on start, and the delivery queue is created once here
    const jobs = await startJobs(database.jobs, defaultDeliverySettings())
    await jobs.stop({ graceful: false })
    io.stdout(
      `Migrated ${database.location}: ${status.applied} of ${status.committed} migrations applied, the job queue's schema is current.\n`,
    )
    return 0
  } finally {
    await database.close()
  }
}

async function reportCommand(io: ApiCliIo, limitOption: string | undefined): Promise<number> {
  const limit = Number(limitOption ?? 10)
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
    io.stderr(
      `torvan: --limit must be a whole number from 1 to 100, received ${JSON.stringify(limitOption)}\n`,
    )
    return 2
  }
  const database = await openDatabase({ ...databaseOptions(io.env), migrate: false })
  try {
    io.stdout(
      formatDatabaseReport(await databaseReport(database.db, { kind: database.kind, limit })),
    )
    return 0
  } finally {
    await database.close()
  }
}

const PG_DUMP_GUIDANCE = `On PostgreSQL, back up with the server's own tools (docs/operations.md#backups):
  pg_dump --format=custom --file=torvan.dump "$DATABASE_URL"       a consistent snapshot, while serving
  pg_restore --clean --if-exists --no-owner --dbname="$DATABASE_URL" torvan.dump
and, for point-in-time recovery, WAL archiving with pg_basebackup (or pgBackRest / barman).
`

async function backupCommand(
  io: ApiCliIo,
  input: { command: 'backup' | 'restore'; file: string; replace: boolean },
): Promise<number> {
  if ((io.env['DATABASE_URL'] ?? '') !== '') {
    io.stderr(
      `torvan: db ${input.command} copies the embedded PGlite database (DATA_DIR).\n${PG_DUMP_GUIDANCE}`,
    )
    return 2
  }
  const dataDir = databaseOptions(io.env).dataDir
  if (input.command === 'backup') {
    const { bytes } = await backupPglite(dataDir, input.file)
    io.stdout(`Backed up the PGlite database in ${dataDir} to ${input.file} (${bytes} bytes).\n`)
    return 0
  }
  const { movedAside } = await restorePglite(input.file, dataDir, { replace: input.replace })
  io.stdout(
    `Restored ${input.file} into ${dataDir}${movedAside === undefined ? '' : ` (the database that was there is in ${movedAside})`}. Start the service on it: it applies newer migrations.\n`,
  )
  return 0
}

async function importCommand(
  io: ApiCliIo,
  input: { directory: string; rules: readonly string[] },
): Promise<number> {
  const { catalog, priceList, sellingPrices, warnings } = await readCatalogFolder(input.directory)
  // every folder compiles before anything is written
  const rulesets = await loadRulesFolders(input.rules, catalog)
  const database = await openDatabase(databaseOptions(io.env))
  try {
    await seedRoles(database.db)
    const progress = progressBar(io)
    const result = await importCatalog(
      database.db,
      { catalog, priceList, sellingPrices, source: input.directory },
      progress === undefined ? {} : { onProgress: progress },
    )
    const counts = Object.entries(result.counts)
      .map(([name, value]) => `${value} ${name}`)
      .join(', ')
    io.stdout(
      result.imported
        ? `Imported ${input.directory} (catalog ${result.catalogHash}): ${counts} (${warnings} load warnings; torvan catalog check lists them).\n`
        : `${input.directory} is already imported (catalog ${result.catalogHash}): nothing changed.\n`,
    )
    for (const { directory, ruleset } of rulesets) {
      const stored = await storeRuleset(database.db, ruleset)
      io.stdout(
        stored.created
          ? `Stored the ${ruleset.product} rules in ${directory} as version ${stored.version}, now active.\n`
          : `The ${ruleset.product} rules in ${directory} are version ${stored.version}, now active.\n`,
      )
    }
    io.stdout('A running service picks the new catalog and rules up when it restarts.\n')
    return 0
  } finally {
    await database.close()
  }
}

/** The prune report as a table: one line per rule, then where the copies went. */
export function formatPruneReport(report: PruneReport): string {
  const done = report.dryRun ? 'would be ' : ''
  const lines = report.counts.map(
    (entry) =>
      `  ${entry.subject.padEnd(18)}${`keep ${entry.keepFor}`.padEnd(18)}${`before ${entry.cutoff.slice(0, 10)}`.padEnd(19)}${String(entry.count).padStart(7)} ${done}${entry.archived ? 'archived and deleted' : 'deleted'}`,
  )
  const total = report.counts.reduce((sum, entry) => sum + entry.count, 0)
  const head = report.dryRun ? 'Dry run, nothing changed:' : 'Pruned:'
  const tail = report.dryRun ? '' : 'The archived copies are in the archived_rows table.\n'
  return `${head} ${total} record${total === 1 ? '' : 's'} past their time.\n${lines.join('\n')}\n${tail}`
}

async function pruneCommand(io: ApiCliIo, dryRun: boolean): Promise<number> {
  const database = await openDatabase(databaseOptions(io.env))
  try {
    const report = await pruneExpired(database.db, { now: new Date(), dryRun })
    io.stdout(formatPruneReport(report))
    return 0
  } finally {
    await database.close()
  }
}

/** The API's command groups and their subcommands, for `torvan`'s usage and did-you-mean. */
export const API_COMMANDS = {
  serve: [],
  db: ['migrate', 'report', 'backup', 'restore', 'import-catalog', 'prune'],
} as const satisfies Record<string, readonly string[]>

/** each command's options: another command's option is an unknown option there */
const API_OPTIONS = {
  serve: { port: { type: 'string' } },
  migrate: {},
  report: { limit: { type: 'string' } },
  backup: {},
  restore: { replace: { type: 'boolean' } },
  'import-catalog': { rules: { type: 'string', multiple: true } },
  prune: { 'dry-run': { type: 'boolean' } },
} as const satisfies Record<string, CliOptions>

/** what each command takes besides its options, for the line that says the arguments are wrong */
const API_ARGUMENTS: Record<keyof typeof API_OPTIONS, readonly string[]> = {
  serve: [],
  migrate: [],
  report: [],
  backup: ['file'],
  restore: ['file'],
  'import-catalog': ['dir'],
  prune: [],
}

function parseApiCommand<const TName extends keyof typeof API_OPTIONS>(
  name: TName,
  args: readonly string[],
) {
  const parsed = parseCommandLine(args, API_OPTIONS[name])
  const wanted = API_ARGUMENTS[name]
  if (parsed.positionals.length !== wanted.length) {
    const command = name === 'serve' ? 'serve' : `db ${name}`
    const takes =
      wanted.length === 0 ? 'no arguments' : wanted.map((argument) => `<${argument}>`).join(' ')
    const received =
      parsed.positionals.length === 0
        ? 'nothing'
        : parsed.positionals.map((value: string) => JSON.stringify(value)).join(' ')
    throw usageError(`${command} takes ${takes}, received ${received}`)
  }
  return { values: parsed.values, file: parsed.positionals[0] ?? '' }
}

/**
 * The API's commands (`serve`, `db …`) as part of the `torvan` command line, which parses, helps and
 * suggests for both.
 *
 * @example await runCli(argv, io, apiCommands({ ...io, env: process.env, signals: process }))
 */
export function apiCommands(io: ApiCliIo): CliExtension {
  return { commands: API_COMMANDS, help: API_HELP, run: (argv) => runApiCli(argv, io) }
}

/** The serve message's catalog line: the items, then each product's rules, served or not. */
function catalogLine(models: Models): string {
  if (models.catalog === undefined || (models.loaded.size === 0 && models.failed.size === 0)) {
    return '  catalog:        none yet: torvan db import-catalog <dir> --rules <rules-dir>'
  }
  const products = [
    ...[...models.loaded].map(
      ([product, model]) => `${product} rules version ${model.rulesetVersion}`,
    ),
    ...[...models.failed].map(
      ([product, failure]) =>
        `${product} rules version ${failure.version} NOT LOADED (see the log)`,
    ),
  ]
  return `  catalog:        ${models.catalog.catalog.items.length} items; ${products.join(', ')}`
}

/** Runs a service command (`serve`, `db ...`) and returns its exit code; a usage mistake is one line. */
export async function runApiCli(argv: readonly string[], io: ApiCliIo): Promise<number> {
  try {
    const [group, command] = argv
    if (group === 'serve') {
      const { values } = parseApiCommand('serve', argv.slice(1))
      return await serveCommand(io, values.port)
    }
    const known: readonly string[] = API_COMMANDS.db
    if (group !== 'db' || command === undefined || !known.includes(command)) {
      if (group === 'db' && command === undefined)
        throw usageError(
          `db needs a command: ${known.slice(0, -1).join(', ')} or ${known.at(-1) ?? ''}`,
        )
      throw unknownCommand(
        argv.slice(0, 2).join(' '),
        known.map((name) => `db ${name}`),
      )
    }
    const args = argv.slice(2)
    switch (command as (typeof API_COMMANDS.db)[number]) {
      case 'migrate':
        parseApiCommand('migrate', args)
        return await migrateCommand(io)
      case 'report':
        return await reportCommand(io, parseApiCommand('report', args).values.limit)
      case 'backup':
        return await backupCommand(io, {
          command: 'backup',
          file: parseApiCommand('backup', args).file,
          replace: false,
        })
      case 'restore': {
        const { values, file } = parseApiCommand('restore', args)
        return await backupCommand(io, {
          command: 'restore',
          file,
          replace: values.replace === true,
        })
      }
      case 'import-catalog': {
        const { values, file } = parseApiCommand('import-catalog', args)
        return await importCommand(io, { directory: file, rules: values.rules ?? [] })
      }
      case 'prune':
        return await pruneCommand(io, parseApiCommand('prune', args).values['dry-run'] === true)
    }
  } catch (error) {
    if (error instanceof CliError) {
      io.stderr(`torvan: ${error.message}\n`)
      return error.exitCode
    }
    if (error instanceof SetupError || error instanceof DatabaseError) {
      io.stderr(`torvan: ${error.message}\n`)
      return 1
    }
    throw error
  }
}
