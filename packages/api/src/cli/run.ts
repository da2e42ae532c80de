import type { AddressInfo } from 'node:net'
import { parseArgs } from 'node:util'
import { serve } from '@hono/node-server'
import type { ImportProgress } from '../catalog/import.js'
import { importCatalog } from '../catalog/import.js'
import { DatabaseError, openDatabase } from '../db/open.js'
import { ROLES } from '../permissions.js'
import type { DemoLogin } from '../seed.js'
import type { PruneReport } from '../retention/prune.js'
import { pruneExpired } from '../retention/prune.js'
import { importRules, readCatalogFolder, seedRoles, SetupError } from '../seed.js'
import { startApi } from '../start.js'
import { parseAllowedHosts } from '../webhooks/settings.js'

/** Where the API's commands write, what environment they read, and the process's signals. */
export interface ApiCliIo {
  stdout: (text: string) => void
  stderr: (text: string) => void
  /** true when stderr is a terminal: progress bars */
  isTTY: boolean
  env: Record<string, string | undefined>
  signals: { once: (signal: 'SIGINT' | 'SIGTERM', listener: () => void) => unknown }
}

/** The API's part of `torvan --help`. */
export const API_HELP = `Service commands:
  torvan serve [--port N]
      Start the HTTP API: migrate the database, seed it on first start (demo catalog, T2 rules,
      one demo user per role) and listen (PORT, default 3000). Ctrl-C stops it cleanly.
  torvan db migrate
      Apply the database migrations.
  torvan db import-catalog <dir> [--rules <rules-dir>]
      Import a catalog folder (with its prices.json and list-prices.json) into the database, and with --rules store the
      product's rules as the active ruleset. The load report's errors stop it before anything is written;
      importing the same catalog again changes nothing.
  torvan db prune [--dry-run]
      Apply the retention rules (orders 7 years, audit 3, QC 5, documents 10, idempotency keys 24 hours):
      copy what is past its time into the archived_rows table and delete it, 500 rows per statement,
      skipping rows in use; open orders and what they need are never removed. --dry-run only counts.

Environment: DATABASE_URL (PostgreSQL; without it, embedded PGlite in DATA_DIR, default ./data),
PORT, DEMO_PASSWORD (the demo users' password on first start), AUTH_SECRET (token signing key),
TRUST_PROXY=1 (audit rows take the client's address from X-Forwarded-For).
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

async function serveCommand(io: ApiCliIo, portOption: string | undefined): Promise<number> {
  const port = Number(portOption ?? io.env['PORT'] ?? 3000)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    io.stderr(
      `torvan: PORT must be a port number, received ${JSON.stringify(portOption ?? io.env['PORT'])}\n`,
    )
    return 2
  }
  const options = databaseOptions(io.env)
  const progress = progressBar(io)
  const api = await startApi({
    ...options,
    demoPassword: io.env['DEMO_PASSWORD'],
    authSecret: io.env['AUTH_SECRET'],
    trustProxy: io.env['TRUST_PROXY'] === '1' || io.env['TRUST_PROXY'] === 'true',
    ...(progress === undefined ? {} : { onProgress: progress }),
    ...(io.env['RATE_LIMITS'] === 'off' ? { rateLimits: false as const } : {}),
    webhooks: { allowedHosts: parseAllowedHosts(io.env['WEBHOOK_ALLOWED_HOSTS']) },
  })
  const server = serve({ fetch: api.app.fetch, port, hostname: io.env['HOST'] ?? '0.0.0.0' })
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve)
    server.once('error', reject)
  }).catch(async (error: unknown) => {
    await api.close()
    throw new SetupError(`cannot listen on port ${port}: ${(error as Error).message}`)
  })
  const address = server.address() as AddressInfo
  const url = `http://localhost:${address.port}`
  const { model, database } = api.services
  io.stdout(
    [
      `TORVAN configurator API listening on ${url}`,
      `  API reference:  ${url}/docs   (OpenAPI: ${url}/openapi.json)`,
      database.kind === 'pglite'
        ? `  database:       PGlite in ${database.location} (embedded, for trying and developing: set DATABASE_URL to run on PostgreSQL)`
        : `  database:       PostgreSQL at ${database.location}`,
      model === undefined
        ? '  catalog:        none yet: torvan db import-catalog <dir> --rules <rules-dir>'
        : `  catalog:        ${model.catalog.items.length} items; ${model.ruleset.product} rules version ${model.rulesetVersion}`,
      '',
      loginLines(api.seed.logins, io.env),
    ].join('\n'),
  )
  return new Promise<number>((resolve) => {
    const stop = () => {
      io.stdout('Stopping: finishing open requests, closing the database.\n')
      server.close(() => {
        void api.close().then(() => {
          resolve(0)
        })
      })
      // idle keep-alive connections would hold the server open; busy ones get 10 s to finish
      if ('closeIdleConnections' in server) server.closeIdleConnections()
      setTimeout(() => {
        if ('closeAllConnections' in server) server.closeAllConnections()
      }, 10_000).unref()
    }
    io.signals.once('SIGINT', stop)
    io.signals.once('SIGTERM', stop)
  })
}

async function importCommand(
  io: ApiCliIo,
  input: { directory: string; rules: string | undefined },
): Promise<number> {
  const { catalog, priceList, sellingPrices, warnings } = await readCatalogFolder(input.directory)
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
        ? `Imported ${input.directory}: ${counts} (${warnings} load warnings; torvan catalog check lists them).\n`
        : `${input.directory} is already imported (catalog ${result.hash.slice(0, 12)}): nothing changed.\n`,
    )
    if (input.rules !== undefined) {
      const stored = await importRules(database.db, { directory: input.rules, catalog })
      io.stdout(
        stored.created
          ? `Stored the rules in ${input.rules} as version ${stored.version}, now active.\n`
          : `The rules in ${input.rules} are version ${stored.version}, now active.\n`,
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

/**
 * Runs the service commands (`serve`, `db ...`); returns undefined for any other command, which the
 * catalog tools handle.
 */
export async function runApiCli(
  argv: readonly string[],
  io: ApiCliIo,
): Promise<number | undefined> {
  const [group, command] = argv
  if (group === 'help' || argv.includes('--help') || argv.includes('-h')) {
    if (group === 'serve' || group === 'db' || group === 'help' || group === undefined) {
      io.stdout(API_HELP)
      if (group === 'help') return undefined
      return 0
    }
    return undefined
  }
  if (group !== 'serve' && group !== 'db') return undefined
  let parsed
  try {
    parsed = parseArgs({
      args: argv.slice(1),
      options: {
        port: { type: 'string' },
        rules: { type: 'string' },
        'dry-run': { type: 'boolean' },
      },
      allowPositionals: true,
      strict: true,
    })
  } catch (error) {
    io.stderr(`torvan: ${(error as Error).message}\n\n${API_HELP}`)
    return 2
  }
  try {
    if (group === 'serve') return await serveCommand(io, parsed.values.port)
    if (command === 'migrate') {
      const database = await openDatabase(databaseOptions(io.env))
      await database.close()
      io.stdout(`Migrated ${database.location}.\n`)
      return 0
    }
    const [, directory, ...extra] = parsed.positionals
    if (command === 'prune' && directory === undefined) {
      return await pruneCommand(io, parsed.values['dry-run'] === true)
    }
    if (command === 'import-catalog' && directory !== undefined && extra.length === 0) {
      return await importCommand(io, { directory, rules: parsed.values.rules })
    }
    io.stderr(`torvan: unknown or incomplete command "torvan ${argv.join(' ')}"\n\n${API_HELP}`)
    return 2
  } catch (error) {
    if (error instanceof SetupError || error instanceof DatabaseError) {
      io.stderr(`torvan: ${error.message}\n`)
      return 1
    }
    throw error
  }
}
