import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runTorvan } from './run-torvan.js'
import { PID_FILE } from '../src/ops/backup.js'
import type { TestApi } from './harness.js'
import { createTestApi, createTestDatabase, json, ON_POSTGRES, USERS } from './harness.js'

let directory: string
beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'torvan-backup-'))
})
afterAll(async () => {
  await rm(directory, { recursive: true, force: true })
})

const torvan = (env: Record<string, string | undefined>, ...argv: string[]) => runTorvan(argv, env)

/** creates a few orders and returns every order's id and PO number, as the API lists them */
async function placeOrders(t: TestApi, count: number): Promise<void> {
  const sales = await t.token(USERS.SALES_MANAGER)
  const customer = await t.call('POST', '/customers', {
    token: sales,
    body: { name: 'Backup Clinic' },
  })
  const { id: customerId } = await json<{ id: number }>(customer)
  for (let n = 0; n < count; n++) {
    const order = await t.call('POST', '/orders', {
      token: sales,
      body: { customerId, poNumber: `PO-BACKUP-${n}` },
    })
    expect(order.status).toBe(201)
  }
}

async function listOrders(t: TestApi): Promise<string[]> {
  const sales = await t.token(USERS.SALES_MANAGER)
  const page = await json<{ orders: { id: number; poNumber: string | null }[] }>(
    await t.call('GET', '/orders?pageSize=100', { token: sales }),
  )
  return page.orders.map((order) => `${order.id}:${order.poNumber ?? ''}`).sort()
}

describe.skipIf(ON_POSTGRES)('torvan db backup / restore (PGlite)', () => {
  it('backs up, deletes, restores and finds every order', async () => {
    const dataDir = join(directory, 'data')
    const env = { DATA_DIR: dataDir }
    const first = await createTestApi({ database: await createTestDatabase(dataDir) })
    let before: string[]
    try {
      await placeOrders(first, 4)
      before = await listOrders(first)
    } finally {
      await first.close()
    }
    expect(before).toHaveLength(4)

    const file = join(directory, 'backups', 'torvan.tar.gz')
    const backup = await torvan(env, 'db', 'backup', file)
    expect(backup.stderr).toBe('')
    expect(backup.code).toBe(0)
    expect(backup.stdout).toMatch(/^Backed up the PGlite database in .* \(\d+ bytes\)\.\n$/)

    await rm(dataDir, { recursive: true, force: true })
    const restore = await torvan(env, 'db', 'restore', file)
    expect(restore.stderr).toBe('')
    expect(restore.code).toBe(0)

    const again = await createTestApi({ database: await createTestDatabase(dataDir) })
    try {
      expect(await listOrders(again)).toEqual(before)
      // and it takes new orders after the restore
      await placeOrders(again, 1)
      expect(await listOrders(again)).toHaveLength(5)
    } finally {
      await again.close()
    }

    // over a database that is there: refused, unless --replace moves it aside
    const over = await torvan(env, 'db', 'restore', file)
    expect(over.code).toBe(1)
    expect(over.stderr).toMatch(/is not empty: restore into an empty DATA_DIR, or add --replace/)
    const replaced = await torvan(env, 'db', 'restore', file, '--replace')
    expect(replaced.code).toBe(0)
    expect(replaced.stdout).toMatch(/the database that was there is in .*before-restore-/)
    const restored = await createTestApi({ database: await createTestDatabase(dataDir) })
    try {
      expect(await listOrders(restored)).toEqual(before)
    } finally {
      await restored.close()
    }
  }, 240_000)

  it('refuses to back up a database a running service holds, and a folder with none', async () => {
    const dataDir = join(directory, 'held')
    const t = await createTestApi({ database: await createTestDatabase(dataDir) })
    await t.close()
    await writeFile(join(dataDir, PID_FILE), `${process.pid}\n`)
    const held = await torvan({ DATA_DIR: dataDir }, 'db', 'backup', join(directory, 'x.tar.gz'))
    expect(held.code).toBe(1)
    expect(held.stderr).toMatch(
      /in use by a running service \(process \d+\): stop it before backing it up/,
    )
    expect(existsSync(join(directory, 'x.tar.gz'))).toBe(false)
    const none = await torvan({ DATA_DIR: join(directory, 'nothing') }, 'db', 'backup', 'y.tar.gz')
    expect(none.code).toBe(1)
    expect(none.stderr).toMatch(/there is no PGlite database in/)
  }, 120_000)
})

describe('torvan db report', () => {
  it('prints the table sizes, and says how to get slow statements where it cannot', async () => {
    const database = await createTestDatabase(join(directory, 'report'))
    const t = await createTestApi({ database, keep: true })
    await t.close()
    try {
      const env = { DATABASE_URL: database.options.url, DATA_DIR: database.options.dataDir }
      const report = await torvan(env, 'db', 'report', '--limit', '5')
      expect(report.stderr).toBe('')
      expect(report.code).toBe(0)
      expect(report.stdout).toMatch(/^Slowest statements \(total time\):\n/)
      expect(report.stdout).toMatch(/\n {2}public\.items +\d/)
      if (!ON_POSTGRES) expect(report.stdout).toMatch(/PGlite database has no pg_stat_statements/)
      else expect(report.stdout).toMatch(/pg_stat_statements|ms total/)
      const bad = await torvan(env, 'db', 'report', '--limit', 'lots')
      expect(bad.code).toBe(2)
    } finally {
      await database.drop()
    }
  }, 120_000)
})

const run = promisify(execFile)
const hasPgDump = existsSync('/usr/bin/pg_dump') && existsSync('/usr/bin/pg_restore')

describe.runIf(ON_POSTGRES && hasPgDump)(
  'pg_dump / pg_restore as docs/operations.md gives them',
  () => {
    it('dumps while serving, restores into an empty database and finds every order', async () => {
      const source = await createTestDatabase()
      const target = await createTestDatabase()
      const t = await createTestApi({ database: source })
      try {
        await placeOrders(t, 3)
        const before = await listOrders(t)
        const file = join(directory, 'torvan.dump')
        const url = source.options.url ?? ''
        await run('pg_dump', ['--format=custom', `--file=${file}`, url])
        await run('pg_restore', ['--no-owner', `--dbname=${target.options.url ?? ''}`, file])
        const restored = await createTestApi({ database: target })
        try {
          expect(await listOrders(restored)).toEqual(before)
        } finally {
          await restored.close()
        }
      } finally {
        await t.close()
      }
    }, 240_000)
  },
)
