// Importing a generated catalog of 100,000 parts into PostgreSQL and into PGlite (goal ≤ 5 s on PostgreSQL)
import { buildCatalog } from '@torvan/configurator-core'
import type { ScratchDatabase } from '@torvan/api'
import { createScratchDatabase, importCatalog, openDatabase } from '@torvan/api'
import { generateCatalog } from './generate-catalog.js'
import type { BenchResult } from './measure.js'
import { summarise } from './measure.js'

/** the PostgreSQL server benchmarks create their databases on */
export const BENCH_DATABASE_URL =
  process.env['BENCH_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres'

/** Creates a database of its own on the benchmark server; `drop` removes it. */
export function scratchDatabase(): Promise<ScratchDatabase> {
  return createScratchDatabase(BENCH_DATABASE_URL, 'torvan_bench')
}

async function timeImport(kind: 'postgres' | 'pglite', parts: number): Promise<number> {
  const data = generateCatalog({
    parts,
    assemblies: Math.round(parts / 10),
    depth: 8,
    seed: 42,
    largestRootLines: Math.min(5000, parts / 20),
  })
  const { catalog, ok } = buildCatalog(data)
  if (!ok) throw new Error('the generated catalog does not build')
  const scratch = kind === 'postgres' ? await scratchDatabase() : undefined
  const database = await openDatabase(scratch === undefined ? {} : { url: scratch.url })
  try {
    const started = performance.now()
    const result = await importCatalog(database.db, { catalog, source: 'generated' })
    const elapsed = performance.now() - started
    if (!result.imported) throw new Error('the import did nothing')
    return elapsed
  } finally {
    await database.close()
    await scratch?.drop()
  }
}

/** Imports into a fresh database each run: 3 runs (1 quick, with 2,000 parts). */
export async function benchDatabase(options: { quick: boolean }): Promise<BenchResult[]> {
  const parts = options.quick ? 2000 : 100_000
  const runs = options.quick ? 1 : 3
  const results: BenchResult[] = []
  for (const kind of ['postgres', 'pglite'] as const) {
    const times: number[] = []
    for (let run = 0; run < runs; run++) times.push(await timeImport(kind, parts))
    results.push({
      ...summarise(
        `import ${parts} parts, ${parts / 10} assemblies into ${kind === 'postgres' ? 'PostgreSQL' : 'PGlite'}`,
        times,
      ),
      ...(kind === 'postgres' ? { target_ms: 5000 } : {}),
    })
  }
  return results
}
