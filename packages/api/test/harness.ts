import { existsSync } from 'node:fs'
import { cp } from 'node:fs/promises'
import { inject } from 'vitest'
import { createScratchDatabase } from '../src/db/scratch.js'
import type { Api, StartOptions } from '../src/start.js'
import { readPgliteImage } from './pglite-image.js'
import { startApi } from '../src/start.js'

/** The demo users' password in tests. */
export const PASSWORD = 'test-password-0123'

/** The demo usernames by role. */
export const USERS = {
  ADMIN: 'admin',
  SALES_MANAGER: 'sales',
  PRODUCTION_MANAGER: 'production',
  QC_INSPECTOR: 'qc',
  ASSEMBLY_TECHNICIAN: 'assembler',
  CUSTOMER_SERVICE: 'service',
} as const

/** Which database the tests run on: PostgreSQL when DATABASE_URL is set, otherwise PGlite. */
export const ON_POSTGRES = (process.env['DATABASE_URL'] ?? '') !== ''

/** A database of its own for one test file: a new PostgreSQL database, or an in-memory PGlite. */
export interface TestDatabase {
  options: Pick<StartOptions, 'url' | 'dataDir' | 'pgliteImage'>
  drop: () => Promise<void>
}

/**
 * Creates a database for one test file. In memory, it starts migrated and seeded (from the run's
 * image); `dataDir` keeps a PGlite database on disk there: a folder that is not there yet starts as a
 * copy of the run's seeded one, or with `empty`, with nothing, so that the first start migrates and
 * seeds it. On PostgreSQL it is a new, empty database.
 */
export async function createTestDatabase(
  dataDir?: string,
  options: { empty?: boolean } = {},
): Promise<TestDatabase> {
  const admin = process.env['DATABASE_URL']
  if (admin === undefined || admin === '') {
    if (dataDir !== undefined) {
      const seeded = inject('pgliteDataDir')
      if (options.empty !== true && seeded !== '' && !existsSync(dataDir))
        await cp(seeded, dataDir, { recursive: true })
      return { options: { dataDir }, drop: () => Promise.resolve() }
    }
    // in memory, from the run's migrated and seeded image (vitest.global-setup.ts) where there is one
    const image = inject('pgliteImage')
    return {
      options: image === '' ? {} : { pgliteImage: await readPgliteImage(image) },
      drop: () => Promise.resolve(),
    }
  }
  const scratch = await createScratchDatabase(admin, 'torvan_test')
  return { options: { url: scratch.url }, drop: scratch.drop }
}

/** A clock the tests move by hand. */
interface TestClock {
  now: () => Date
  advance: (milliseconds: number) => void
}

function testClock(): TestClock {
  let offset = 0
  return {
    now: () => new Date(Date.now() + offset),
    advance: (milliseconds) => {
      offset += milliseconds
    },
  }
}

/** Options for one request. */
interface Call {
  token?: string | undefined
  body?: unknown
  headers?: Record<string, string>
  /** the client's address, as a socket would give it (none by default, as with app.request()) */
  address?: string
}

/** An API on a database of its own, with helpers to call it as each demo user. */
export interface TestApi {
  api: Api
  clock: TestClock
  call: (method: string, path: string, options?: Call) => Promise<Response>
  /** a token for a demo user (signed in once per file) */
  token: (username: string) => Promise<string>
  close: () => Promise<void>
}

/**
 * Starts the API on a fresh database, seeded as on a first start; one per test file.
 *
 * @example const t = await createTestApi(); const res = await t.call('GET', '/health')
 */
export async function createTestApi(
  options: {
    database?: TestDatabase
    keep?: boolean
    webhooks?: StartOptions['webhooks']
    /** more start options (a metrics token, a log sink, TLS) */
    start?: Partial<StartOptions>
  } = {},
): Promise<TestApi> {
  const database = options.database ?? (await createTestDatabase())
  const clock = testClock()
  const api = await startApi({
    ...database.options,
    demoPassword: PASSWORD,
    now: clock.now,
    // TEST_LOG=1 shows what the API logs (a 500's stack, say); quiet otherwise
    log:
      process.env['TEST_LOG'] === '1'
        ? (line: string) => process.stderr.write(`${line}\n`)
        : () => undefined,
    ...(options.webhooks === undefined ? {} : { webhooks: options.webhooks }),
    ...options.start,
  })
  const tokens = new Map<string, string>()
  const call = async (method: string, path: string, input: Call = {}) => {
    const headers: Record<string, string> = { ...input.headers }
    if (input.token !== undefined) headers['Authorization'] = `Bearer ${input.token}`
    let body: string | undefined
    if (input.body !== undefined && method !== 'GET' && method !== 'HEAD') {
      headers['Content-Type'] ??= 'application/json'
      body = typeof input.body === 'string' ? input.body : JSON.stringify(input.body)
    }
    const env =
      input.address === undefined
        ? undefined
        : { incoming: { socket: { remoteAddress: input.address } } }
    return api.app.request(path, { method, headers, ...(body === undefined ? {} : { body }) }, env)
  }
  const token = async (username: string) => {
    const known = tokens.get(username)
    if (known !== undefined) return known
    const response = await call('POST', '/auth/login', { body: { username, password: PASSWORD } })
    if (response.status !== 200)
      throw new Error(`${username} cannot sign in: ${await response.text()}`)
    const { token: issued } = (await response.json()) as { token: string }
    tokens.set(username, issued)
    return issued
  }
  return {
    api,
    clock,
    call,
    token,
    close: async () => {
      await api.close()
      if (options.keep !== true) await database.drop()
    },
  }
}

/** Reads a JSON answer. */
export async function json<T = Record<string, unknown>>(response: Response): Promise<T> {
  return (await response.json()) as T
}
