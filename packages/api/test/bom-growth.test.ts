// issue 14: the cost of POST /boms does not grow with the BOMs stored. PostgreSQL checks each BOM
// line's foreign key against `boms` with a plan the connection keeps from its first BOM; on a new
// database analysed while empty that plan was a sequential scan, and every later line read the whole table. Counted here
// in rows read, not timed: a few BOMs on a new database, thousands more stored, then more BOMs on the
// same connections, and no sequential read of `boms` beyond a handful of rows.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import postgres from 'postgres'
import { describe, expect, it } from 'vitest'
import { createTestApi, createTestDatabase, ON_POSTGRES } from './harness.js'

const ROOT = fileURLToPath(new URL('../../..', import.meta.url))
const CONFIGURATION = JSON.parse(
  readFileSync(`${ROOT}/fixtures/configs/t2-b2-standard.json`, 'utf8'),
) as Record<string, unknown>
const STORED = 3000

/** rows of `boms` read by sequential scans so far, once the backends' counters have been flushed */
async function sequentialReads(sql: postgres.Sql): Promise<number> {
  await sql`select pg_stat_clear_snapshot()`
  const [row] = await sql<{ read: string }[]>`
    select seq_tup_read::text as read from pg_stat_user_tables where relname = 'boms'`
  return Number(row?.read ?? 0)
}

/** the backends of this database other than the test's own */
async function otherBackends(sql: postgres.Sql): Promise<number> {
  const [row] = await sql<{ n: number }[]>`select count(*)::int as n from pg_stat_activity
    where datname = current_database() and pid <> pg_backend_pid()`
  return row?.n ?? 0
}

describe.skipIf(!ON_POSTGRES)('POST /boms as BOMs accumulate (PostgreSQL)', () => {
  it('reads no BOM table sequentially, however many BOMs are stored', async () => {
    const database = await createTestDatabase()
    const url = database.options.url ?? ''
    const sql = postgres(url, { max: 1, onnotice: () => undefined })
    try {
      const t = await createTestApi({ database, keep: true })
      const sales = await t.token('sales')
      const generate = async (n: number) => {
        const response = await t.call('POST', '/boms', {
          token: sales,
          body: { configuration: { ...CONFIGURATION, buildNumber: `GROWTH-${n}` } },
        })
        expect(response.status).toBe(201)
      }
      // statistics taken while `boms` is empty (an operator's ANALYZE, a restore, the bench), then the
      // connections plan their foreign-key checks while it is small
      await sql`analyze`
      for (let n = 0; n < 4; n++) await generate(n)
      await sql`insert into configurations (product, hash, data)
        select 'T2', 'growth-' || g, '{}'::jsonb from generate_series(1, ${STORED}) g`
      await sql`insert into boms (configuration_id, ruleset_id, catalog_hash, content_hash, revision,
          document, created_by)
        select c.id, b.ruleset_id, b.catalog_hash, b.content_hash, 1, '{}'::jsonb, b.created_by
        from configurations c, (select * from boms order by id limit 1) b
        where c.hash like 'growth-%'`
      const before = await sequentialReads(sql)
      for (let n = 4; n < 12; n++) await generate(n)
      // closing the pool ends its backends, which flush their counters as they exit
      await t.close()
      for (let wait = 0; wait < 100 && (await otherBackends(sql)) > 0; wait++)
        await new Promise((resolve) => setTimeout(resolve, 50))
      await new Promise((resolve) => setTimeout(resolve, 200))
      const after = await sequentialReads(sql)
      // one sequential scan of the stored BOMs would read STORED rows; 8 BOMs of ~16 lines, 128 scans
      expect(after - before).toBeLessThan(STORED)
    } finally {
      await sql.end()
      await database.drop()
    }
  })
})
