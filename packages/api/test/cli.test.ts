import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { count } from 'drizzle-orm'
import postgres from 'postgres'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runTorvan } from './run-torvan.js'
import { openDatabase } from '../src/db/open.js'
import { catalogImports, items } from '../src/db/schema/index.js'
import { DEMO } from '../src/seed.js'
import { loadModel } from '../src/services.js'
import type { TestDatabase } from './harness.js'
import { createTestDatabase } from './harness.js'

let directory: string
let database: TestDatabase
let env: Record<string, string | undefined>

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'torvan-cli-'))
  // empty: the commands below import into a database that has no catalog yet
  database = await createTestDatabase(join(directory, 'data'), { empty: true })
  env = { DATABASE_URL: database.options.url, DATA_DIR: database.options.dataDir }
})
afterAll(async () => {
  await database.drop()
  await rm(directory, { recursive: true, force: true })
})

const torvan = (...argv: string[]) => runTorvan(argv, env)

async function counts() {
  const open = await openDatabase(database.options)
  try {
    const [[imports], [itemCount]] = await Promise.all([
      open.db.select({ n: count() }).from(catalogImports),
      open.db.select({ n: count() }).from(items),
    ])
    return { imports: imports?.n, items: itemCount?.n }
  } finally {
    await open.close()
  }
}

describe('torvan db migrate', () => {
  it('explains a database it cannot migrate, without a stack trace', async () => {
    const other = await createTestDatabase(join(directory, 'old'), { empty: true })
    const statement = "create type inspection_result as enum ('PASS')"
    if (other.options.url !== undefined) {
      const client = postgres(other.options.url, { max: 1, onnotice: () => undefined })
      await client.unsafe(statement)
      await client.end()
    } else {
      const client = await PGlite.create(other.options.dataDir ?? '')
      await client.exec(statement)
      await client.close()
    }
    const saved = env
    env = { DATABASE_URL: other.options.url, DATA_DIR: other.options.dataDir }
    try {
      const result = await torvan('db', 'migrate')
      expect(result.code).toBe(1)
      expect(result.stderr).toMatch(
        /could not be migrated to this version \(type "inspection_result" already exists\)/,
      )
      expect(result.stderr).not.toMatch(/\bat .*\.(ts|js):\d+/)
    } finally {
      env = saved
      await other.drop()
    }
  })
})

describe('torvan db import-catalog', () => {
  it('stops on a catalog with errors before anything is written', async () => {
    const broken = join(directory, 'broken')
    await cp(DEMO.catalog, broken, { recursive: true })
    await writeFile(join(broken, 'parts.json'), '{ "parts": [ }')
    const result = await torvan('db', 'import-catalog', broken)
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('has errors; nothing was imported')
    expect(result.stderr).toContain('parts.json')
    expect(await counts()).toEqual({ imports: 0, items: 0 })
  })

  it('stops on rules with errors, or two rules folders of one product, before anything is written', async () => {
    const [t2, ws] = DEMO.rulesFolders
    if (t2 === undefined || ws === undefined) throw new Error('no demo rules folders')
    const brokenWs = join(directory, 'broken-ws')
    await cp(ws, brokenWs, { recursive: true })
    const product = join(brokenWs, 'product.json')
    await writeFile(
      product,
      (await readFile(product, 'utf8')).replace('"mounting.json"', '"mountin.json"'),
    )
    const broken = await torvan(
      'db',
      'import-catalog',
      DEMO.catalog,
      '--rules',
      t2,
      '--rules',
      brokenWs,
    )
    expect(broken.code).toBe(1)
    expect(broken.stderr).toContain(`the rules in ${brokenWs} have errors:`)
    expect(broken.stderr).toContain('mountin.json')
    expect(broken.stderr).toContain('Nothing was stored.')
    const copy = join(directory, 't2-copy')
    await cp(t2, copy, { recursive: true })
    const twice = await torvan('db', 'import-catalog', DEMO.catalog, '--rules', t2, '--rules', copy)
    expect(twice.code).toBe(1)
    expect(twice.stderr).toContain(
      `${t2} and ${copy} are both rules of T2: give one folder per product`,
    )
    expect(await counts()).toEqual({ imports: 0, items: 0 })
  })

  it('imports a catalog and its rules, and a second import changes nothing', async () => {
    const first = await torvan('db', 'import-catalog', DEMO.catalog, '--rules', DEMO.rules)
    expect(first.stderr).toBe('')
    expect(first.code).toBe(0)
    expect(first.stdout).toMatch(
      /^Imported .*: 7 categories, \d+ subcategories, 455 items, \d+ components, \d+ prices/,
    )
    expect(first.stdout).toContain('as version 1, now active')
    const after = await counts()
    expect(after).toEqual({ imports: 1, items: 455 })

    const second = await torvan('db', 'import-catalog', DEMO.catalog, '--rules', DEMO.rules)
    expect(second.code).toBe(0)
    expect(second.stdout).toContain('is already imported')
    expect(second.stdout).toContain('are version 1, now active')
    expect(await counts()).toEqual(after)
  })

  it('imports the rules of several products in one call, --rules once per product', async () => {
    const [t2, ws] = DEMO.rulesFolders
    if (t2 === undefined || ws === undefined) throw new Error('no demo rules folders')
    const result = await torvan('db', 'import-catalog', DEMO.catalog, '--rules', t2, '--rules', ws)
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    expect(result.stdout).toContain(`The T2 rules in ${t2} are version 1, now active.`)
    expect(result.stdout).toContain(`Stored the WS rules in ${ws} as version 1, now active.`)
    const open = await openDatabase(database.options)
    try {
      expect((await loadModel(open.db, 'WS'))?.rulesetVersion).toBe(1)
    } finally {
      await open.close()
    }
  })

  it('prints the catalog hash that /health reports for the imported catalog', async () => {
    const again = await torvan('db', 'import-catalog', DEMO.catalog)
    const printed = /\(catalog ([0-9a-f]{64})\)/.exec(again.stdout)?.[1]
    const open = await openDatabase(database.options)
    try {
      // /health answers model.catalogHash
      const model = await loadModel(open.db, 'T2')
      expect(printed, again.stdout).toBe(model?.catalogHash)
    } finally {
      await open.close()
    }
  })
})

describe('torvan db prune', () => {
  it('counts in a dry run, then prunes, with one line per retention rule', async () => {
    const dry = await torvan('db', 'prune', '--dry-run')
    expect(dry.stderr).toBe('')
    expect(dry.code).toBe(0)
    const lines = dry.stdout.split('\n')
    expect(lines[0]).toBe('Dry run, nothing changed: 0 records past their time.')
    expect(lines.slice(1, 6).map((line) => line.trim().split(/\s+/)[0])).toEqual([
      'idempotency_keys',
      'audit',
      'documents',
      'qc',
      'orders',
    ])
    expect(lines[5]).toMatch(
      /^ {2}orders +keep 7 years +before \d{4}-\d\d-\d\d +0 would be archived and deleted$/,
    )
    const real = await torvan('db', 'prune')
    expect(real.code).toBe(0)
    expect(real.stdout).toMatch(/^Pruned: 0 records past their time\./)
    expect(real.stdout).toContain('The archived copies are in the archived_rows table.')
    const extra = await torvan('db', 'prune', 'everything')
    expect(extra.code).toBe(2)
  })
})
