// `pnpm bench [--quick]`: runs every benchmark, prints a table, writes bench/results/latest.json
import { mkdirSync, writeFileSync } from 'node:fs'
import { cpus } from 'node:os'
import { join } from 'node:path'
import { benchCatalog } from './catalog.bench.js'
import { benchDatabase } from './database.bench.js'
import { benchExplain } from './explain.bench.js'
import { benchGrowth } from './growth.bench.js'
import { benchBomGrowth, benchHttp } from './http.bench.js'
import { benchObserve } from './observe.bench.js'
import { benchOutbox } from './outbox.bench.js'
import type { BenchResult } from './measure.js'
import { benchRules } from './rules.bench.js'
import { benchSummary } from './summary.bench.js'

// `--only=http`: the HTTP load and growth benchmarks alone (they write http.md and growth.md, not latest.json)
const quick = process.argv.includes('--quick')
const httpOnly = process.argv.includes('--only=http')
const started = new Date()
const results: BenchResult[] = []
for (const [group, run] of httpOnly
  ? []
  : ([
      ['catalog', benchCatalog],
      ['rules', benchRules],
      ['explain', benchExplain],
      ['database import', benchDatabase],
      ['request observation', benchObserve],
      ['outbox', benchOutbox],
      ['order summary', benchSummary],
    ] as const)) {
  process.stdout.write(`running ${group}${quick ? ' (quick)' : ''}…\n`)
  results.push(...(await run({ quick })))
}
process.stdout.write(`running HTTP load${quick ? ' (quick)' : ''}…\n`)
const http = await benchHttp({ quick })
results.push(...http.results)
process.stdout.write(`running growth${quick ? ' (quick)' : ''}…\n`)
const growth = await benchGrowth({ quick })
results.push(...growth.results)
const bomGrowth = await benchBomGrowth({ quick })
results.push(...bomGrowth.results)

const machine = {
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: cpus().length,
  node: process.version,
  platform: `${process.platform}-${process.arch}`,
}
const width = Math.max(...results.map((r) => r.name.length))
process.stdout.write(
  `\n${'benchmark'.padEnd(width)}  median ms    p99 ms   samples  target ms  vs baseline\n`,
)
for (const r of results) {
  const target =
    r.target_ms === undefined
      ? ''
      : `${r.target_ms}${r.median_ms <= r.target_ms ? ' ok' : ' MISSED'}`
  const ratio =
    r.throughput_ratio !== undefined
      ? `${r.throughput_ratio}× the req/s of the ${r.baseline ?? ''} (rounds ${r.throughput_ratio_range?.join('–') ?? ''})`
      : r.ratio !== undefined
        ? `${r.ratio}× faster than ${r.baseline ?? ''}`
        : r.throughput_rps !== undefined
          ? `${r.throughput_rps} req/s, ${r.errors ?? 0} errors${r.target_rps === undefined ? '' : ` (goal ≥ ${r.target_rps} req/s: ${r.throughput_rps >= r.target_rps ? 'ok' : 'MISSED'})`}${r.target_p99_ms === undefined ? '' : ` (goal p99 ≤ ${r.target_p99_ms} ms: ${r.p99_ms <= r.target_p99_ms ? 'ok' : 'MISSED'})`}`
          : ''
  process.stdout.write(
    `${r.name.padEnd(width)}  ${String(r.median_ms).padStart(9)}  ${String(r.p99_ms).padStart(8)}  ${String(r.samples).padStart(8)}  ${target.padStart(9)}  ${ratio}\n`,
  )
}
process.stdout.write(`\n${machine.cpu}, ${machine.cores} cores, Node ${machine.node}\n`)

if (!quick) {
  const directory = join(import.meta.dirname, 'results')
  mkdirSync(directory, { recursive: true })
  if (!httpOnly) {
    writeFileSync(
      join(directory, 'latest.json'),
      `${JSON.stringify({ date: started.toISOString(), machine, results }, null, 2)}\n`,
    )
  } else {
    writeFileSync(
      join(directory, 'http.json'),
      `${JSON.stringify({ date: started.toISOString(), machine, results }, null, 2)}\n`,
    )
  }
  writeFileSync(
    join(directory, 'growth.md'),
    `${growth.table}
## POST /boms as BOMs accumulate (PostgreSQL)

The API over a database whose statistics were taken before any BOM existed (autovacuum off for the BOM
tables); the BOMs stored in between are SQL rows with a small document and 16 lines each, an audit row and an
event. 50 connections, saturated, CPU per request from /proc. The req/s move with the machine's other load;
the CPU per request is the figure that should stay flat.

${bomGrowth.table}
`,
  )
  writeFileSync(join(directory, 'http.md'), http.table)
  process.stdout.write(
    `wrote bench/results/${httpOnly ? 'http.json' : 'latest.json'}, bench/results/growth.md and bench/results/http.md\n`,
  )
}
