// issue 14: the cost of POST /boms does not grow with the BOMs stored. A connection keeps the plans of
// its prepared statements, and of the foreign-key check PostgreSQL runs for each BOM line, from its
// first BOMs; on a new database analysed while empty such a plan may walk a whole table (the line's
// check scanned `boms` sequentially; the lookup of an earlier BOM walked every BOM of the ruleset and
// looked up the configuration once per BOM). Counted here in rows read, not timed: BOMs on a new
// database, thousands more stored, then more BOMs on the same connections, and no more rows of `boms`
// read per BOM than its own key lookups.
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

/** rows of `boms` read so far, by sequential and index scans, once the backends' counters are flushed */
async function rowsRead(sql: postgres.Sql): Promise<number> {
  await sql`select pg_stat_clear_snapshot()`
  const [row] = await sql<{ read: string }[]>`
    select (seq_tup_read + coalesce(idx_tup_fetch, 0))::text as read
    from pg_stat_user_tables where relname = 'boms'`
  return Number(row?.read ?? 0)
}

/** the backends of this database other than the test's own */
async function otherBackends(sql: postgres.Sql): Promise<number> {
  const [row] = await sql<{ n: number }[]>`select count(*)::int as n from pg_stat_activity
    where datname = current_database() and pid <> pg_backend_pid()`
  return row?.n ?? 0
}

describe.skipIf(!ON_POSTGRES)('POST /boms as BOMs accumulate (PostgreSQL)', () => {
  it('reads as many stored rows per BOM, however many BOMs are stored', async () => {
    const database = await createTestDatabase()
    const url = database.options.url ?? ''
    const sql = postgres(url, { max: 1, onnotice: () => undefined })
    try {
      // the service's connections keep generic plans from the first execution (PostgreSQL chooses
      // one after five on its own, as the bench's 50 connections do): planned on a nearly empty database
      const t = await createTestApi({
        database: {
          ...database,
          options: { ...database.options, url: `${url}?plan_cache_mode=force_generic_plan` },
        },
        keep: true,
      })
      const sales = await t.token('sales')
      const generate = async (n: number) => {
        const response = await t.call('POST', '/boms', {
          token: sales,
          body: { configuration: { ...CONFIGURATION, buildNumber: `GROWTH-${n}` } },
        })
        expect(response.status).toBe(201)
      }
      // statistics taken while `boms` is empty (an operator's ANALYZE, a restore, the bench), then
      // every connection of the pool plans its statements and foreign-key checks while it is small
      await sql`analyze`
      for (let n = 0; n < 20; n += 10)
        await Promise.all(Array.from({ length: 10 }, (_, k) => generate(n + k)))
      await sql`insert into configurations (product, hash, data)
        select 'T2', 'growth-' || g, '{}'::jsonb from generate_series(1, ${STORED}) g`
      await sql`insert into boms (configuration_id, ruleset_id, catalog_hash, content_hash, revision,
          document, created_by)
        select c.id, b.ruleset_id, b.catalog_hash, b.content_hash, 1, '{}'::jsonb, b.created_by
        from configurations c, (select * from boms order by id limit 1) b
        where c.hash like 'growth-%'`
      const before = await rowsRead(sql)
      for (let n = 20; n < 28; n++) await generate(n)
      // closing the pool ends its backends, which flush their counters as they exit
      await t.close()
      for (let wait = 0; wait < 100 && (await otherBackends(sql)) > 0; wait++)
        await new Promise((resolve) => setTimeout(resolve, 50))
      await new Promise((resolve) => setTimeout(resolve, 200))
      const after = await rowsRead(sql)
      // a walk of the stored BOMs reads STORED rows; 8 BOMs of ~16 lines, each line's check one row,
      // and a few lookups of a BOM per BOM (counters of the first BOMs may be flushed late: 20 more)
      expect(after - before).toBeLessThan(STORED)
    } finally {
      await sql.end()
      await database.drop()
    }
  })
})
