import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { count, eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importCatalog } from '../src/catalog/import.js'
import {
  auditLog,
  boms,
  catalogImports,
  configurations,
  items,
  users,
} from '../src/db/schema/index.js'
import { DEMO, readCatalogFolder } from '../src/seed.js'
import type { TestApi, TestDatabase } from './harness.js'
import { createTestApi, createTestDatabase, json, PASSWORD, USERS } from './harness.js'

let directory: string
let database: TestDatabase
let t: TestApi

const configuration = JSON.parse(
  await readFile(new URL('../../../fixtures/configs/t2-b2-custom.json', import.meta.url), 'utf8'),
) as Record<string, unknown>

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'torvan-api-'))
  // empty: the first start below migrates and seeds the folder, as a first `pnpm start` does
  database = await createTestDatabase(join(directory, 'data'), { empty: true })
  t = await createTestApi({ database, keep: true })
}, 120_000)
afterAll(async () => {
  await t.close()
  await database.drop()
  await rm(directory, { recursive: true, force: true })
})

async function tableCounts(api: TestApi) {
  const { db } = api.api.services
  const [[i], [b], [c], [a]] = await Promise.all([
    db.select({ n: count() }).from(items),
    db.select({ n: count() }).from(boms),
    db.select({ n: count() }).from(configurations),
    db.select({ n: count() }).from(auditLog),
  ])
  return { items: i?.n, boms: b?.n, configurations: c?.n, audit: a?.n }
}

describe('the database', () => {
  it('imports the same catalog a second time without changing anything', async () => {
    const { catalog, priceList, sellingPrices } = await readCatalogFolder(DEMO.catalog)
    const before = await tableCounts(t)
    const again = await importCatalog(t.api.services.db, {
      catalog,
      priceList,
      sellingPrices,
      source: 'again',
    })
    expect(again.imported).toBe(false)
    expect(await tableCounts(t)).toEqual(before)
    const [imports] = await t.api.services.db.select({ n: count() }).from(catalogImports)
    expect(imports?.n).toBe(1)
  })

  it('writes neither the change nor its audit row when the transaction fails', async () => {
    const { db } = t.api.services
    const token = await t.token(USERS.SALES_MANAGER)
    const before = await tableCounts(t)
    // make the BOM insert fail after the configuration and custom parts were written
    await db.execute(
      sql.raw(`create function refuse_boms() returns trigger language plpgsql as $$
        begin raise exception 'boms are refused in this test'; end $$`),
    )
    await db.execute(
      sql.raw(
        'create trigger refuse_boms before insert on boms for each row execute function refuse_boms()',
      ),
    )
    try {
      const response = await t.call('POST', '/boms', { token, body: { configuration } })
      expect(response.status).toBe(500)
      const problem = await json(response)
      expect(problem['type']).toBe('https://torvan.dev/problems/internal')
      expect(JSON.stringify(problem)).not.toMatch(/refused|trigger|\.ts:\d+/)
      expect(await tableCounts(t)).toEqual(before)
    } finally {
      await db.execute(sql.raw('drop trigger refuse_boms on boms'))
      await db.execute(sql.raw('drop function refuse_boms()'))
    }
    const retry = await t.call('POST', '/boms', { token, body: { configuration } })
    expect(retry.status).toBe(201)
  })

  it('keeps everything across a restart, and seeds only on the first start', async () => {
    // the first start (beforeAll, on an empty folder) seeded the catalog, the rules and the users
    expect(t.api.seed.catalog).toBeDefined()
    expect(t.api.seed.rulesets.every((ruleset) => ruleset.created)).toBe(true)
    expect(t.api.seed.rulesets.length).toBeGreaterThan(0)
    const admin = await t.token(USERS.ADMIN)
    const created = await t.call('POST', '/users', {
      token: admin,
      body: {
        username: 'restart',
        displayName: 'Re Start',
        password: 'restart password 1',
        roles: ['QC_INSPECTOR'],
      },
    })
    expect(created.status).toBe(201)
    const bom = await json<{ id: number }>(
      await t.call('POST', '/boms', {
        token: await t.token(USERS.SALES_MANAGER),
        body: { configuration },
      }),
    )
    const before = await tableCounts(t)
    await t.close()

    t = await createTestApi({ database, keep: true })
    expect(t.api.seed.catalog).toBeUndefined()
    expect(t.api.seed.rulesets).toEqual([])
    expect(t.api.seed.logins.every((login) => login.password === undefined)).toBe(true)
    expect(await tableCounts(t)).toEqual(before)
    const [restart] = await t.api.services.db
      .select()
      .from(users)
      .where(eq(users.username, 'restart'))
    expect(restart?.displayName).toBe('Re Start')
    const signIn = await t.call('POST', '/auth/login', {
      body: { username: 'restart', password: 'restart password 1' },
    })
    expect(signIn.status).toBe(200)
    // tokens signed before the restart still work: the signing secret is kept in the database
    expect((await t.call('GET', '/me', { token: admin })).status).toBe(200)
    const again = await t.call('GET', `/boms/${bom.id}`, { token: admin })
    expect(again.status).toBe(200)
    expect(
      (await t.call('POST', '/auth/login', { body: { username: 'admin', password: PASSWORD } }))
        .status,
    ).toBe(200)
  })
})
