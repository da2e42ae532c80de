import { randomBytes } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import postgres from 'postgres'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runApiCli } from '../src/cli/run.js'
import type { TestApi } from './harness.js'
import { createTestApi, json, ON_POSTGRES, USERS } from './harness.js'

const sample = JSON.parse(
  await readFile(new URL('../../../fixtures/configs/t2-b2-standard.json', import.meta.url), 'utf8'),
) as Record<string, unknown>

/** the documented SQL, its role and database names made unique to this run */
async function rolesSql(names: { owner: string; app: string; database: string }) {
  const text = await readFile(new URL('../sql/roles.sql', import.meta.url), 'utf8')
  const renamed = text
    .replaceAll('torvan_owner', names.owner)
    .replaceAll('torvan_app', names.app)
    .replace(/\bDATABASE torvan\b/g, `DATABASE ${names.database}`)
    .replace(/^\\connect torvan$/m, '\\connect')
  const [cluster, database] = renamed.split(/^\\connect$/m)
  const statements = (part: string | undefined) =>
    (part ?? '')
      .split('\n')
      .filter((line) => !line.startsWith('--'))
      .join('\n')
      .split(';')
      .map((statement) => statement.trim())
      .filter((statement) => statement !== '')
  return { cluster: statements(cluster), database: statements(database) }
}

describe.runIf(ON_POSTGRES)('least-privilege roles on PostgreSQL (sql/roles.sql)', () => {
  const suffix = randomBytes(4).toString('hex')
  const names = {
    owner: `torvan_owner_${suffix}`,
    app: `torvan_app_${suffix}`,
    database: `torvan_roles_${suffix}`,
  }
  const adminUrl = process.env['DATABASE_URL'] ?? ''
  const urlAs = (role: string) => {
    const url = new URL(adminUrl)
    url.username = role
    url.password = ''
    url.pathname = `/${names.database}`
    return url.toString()
  }
  const admin = postgres(adminUrl, { max: 1, onnotice: () => undefined })
  let t: TestApi | undefined

  beforeAll(async () => {
    const sql = await rolesSql(names)
    for (const statement of sql.cluster) await admin.unsafe(statement)
    const inDatabase = postgres(urlAs(new URL(adminUrl).username || 'postgres'), {
      max: 1,
      onnotice: () => undefined,
    })
    try {
      for (const statement of sql.database) await inDatabase.unsafe(statement)
    } finally {
      await inDatabase.end()
    }
  }, 60_000)
  afterAll(async () => {
    await t?.close()
    await admin.unsafe(`drop database if exists ${names.database} with (force)`)
    await admin.unsafe(`drop role if exists ${names.app}`)
    await admin.unsafe(`drop role if exists ${names.owner}`)
    await admin.end()
  })

  it('migrates as the owner, then serves as the app role, which cannot change the schema', async () => {
    let stdout = ''
    let stderr = ''
    const io = {
      stdout: (text: string) => (stdout += text),
      stderr: (text: string) => (stderr += text),
      isTTY: false,
      signals: { on: () => undefined },
    }
    // the app role cannot migrate an empty database, and says who can
    const refused = await runApiCli(['db', 'migrate'], {
      ...io,
      env: { DATABASE_URL: urlAs(names.app) },
    })
    expect(refused).toBe(1)
    expect(stderr).toMatch(/run `torvan db migrate` with the owner role's DATABASE_URL/)
    const migrated = await runApiCli(['db', 'migrate'], {
      ...io,
      env: { DATABASE_URL: urlAs(names.owner) },
    })
    expect(migrated, stderr).toBe(0)
    expect(stdout).toMatch(/^Migrated .*: (\d+) of \1 migrations applied/)
    // a second run applies nothing and says the same
    stdout = ''
    expect(
      await runApiCli(['db', 'migrate'], { ...io, env: { DATABASE_URL: urlAs(names.owner) } }),
    ).toBe(0)
    expect(stdout).toMatch(/^Migrated .*: (\d+) of \1 migrations applied/)
    // the report reads only: the app role may run it
    stdout = ''
    expect(
      await runApiCli(['db', 'report'], { ...io, env: { DATABASE_URL: urlAs(names.app) } }),
    ).toBe(0)
    expect(stdout).toMatch(/public\.orders/)

    const app = postgres(urlAs(names.app), { max: 1, onnotice: () => undefined })
    try {
      for (const statement of [
        'drop table orders',
        'alter table orders add column x int',
        'create table intruder (id int)',
        'truncate audit_log',
        'drop schema pgboss cascade',
      ]) {
        await expect(app.unsafe(statement), statement).rejects.toThrow(
          /permission denied|must be owner/,
        )
      }
    } finally {
      await app.end()
    }

    // the service as the app role: seeds on first start, signs in, generates a BOM, creates an order
    t = await createTestApi({
      database: { options: { url: urlAs(names.app) }, drop: () => Promise.resolve() },
    })
    const sales = await t.token(USERS.SALES_MANAGER)
    const bom = await t.call('POST', '/boms', { token: sales, body: { configuration: sample } })
    expect(bom.status).toBe(201)
    const customer = await t.call('POST', '/customers', {
      token: sales,
      body: { name: 'Least Privilege Clinic' },
    })
    expect(customer.status).toBe(201)
    const { id: customerId } = await json<{ id: number }>(customer)
    const order = await t.call('POST', '/orders', {
      token: sales,
      body: { customerId, poNumber: `PO-ROLES-${suffix}` },
    })
    expect(order.status).toBe(201)
    const ready = await t.call('GET', '/ready')
    expect(ready.status).toBe(200)

    // the seed's catalog import merged the item search index's pending list, which only the owner
    // may do: through the owner's function, so nothing is left for every search to read
    const owner = postgres(urlAs(names.owner), { max: 1, onnotice: () => undefined })
    try {
      const [left] = await owner<{ pages: number }[]>`
        select gin_clean_pending_list('items_search_idx')::int as pages`
      expect(left?.pages).toBe(0)
    } finally {
      await owner.end()
    }
  }, 180_000)
})
