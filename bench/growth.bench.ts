// How cost grows: BOM time (rules + explosion) by basins and accessories; explosion time by catalog size.
// Writes bench/results/growth.md beside latest.json.
import { buildCatalog, createBomDocument, explode } from '@torvan/configurator-core'
import { generateCatalog, largestRoot } from './generate-catalog.js'
import type { BenchResult, BenchTask } from './measure.js'
import { measure } from './measure.js'
import { loadT2, sampleConfiguration } from './t2.js'

/** The every-option sink cut down to `basins` basins and the first `accessories` accessories. */
function variant(
  full: Record<string, unknown>,
  basins: number,
  accessories: number,
): Record<string, unknown> {
  const list = full['accessories'] as unknown[]
  return {
    ...full,
    model: `T2-B${basins}`,
    basins: (full['basins'] as unknown[]).slice(0, basins),
    // faucet and sprayer placements name basins: keep the ones a smaller sink still has
    faucets:
      basins === 3
        ? full['faucets']
        : [{ type: 'WRIST_BLADE', quantity: 1, placement: 'CENTER_OF_BASIN_1' }],
    accessories: list.slice(0, accessories),
  }
}

/** Measures the growth tables; `table` is the markdown written to bench/results/growth.md. */
export async function benchGrowth(options: {
  quick: boolean
}): Promise<{ results: BenchResult[]; table: string }> {
  const { configurator } = await loadT2()
  const full = sampleConfiguration('t2-b3-every-option')
  const accessoryCounts = [0, 5, 10, 20]
  const tasks: BenchTask[] = []
  for (const basins of [1, 2, 3]) {
    for (const accessories of accessoryCounts) {
      const configuration = variant(full, basins, accessories)
      const result = configurator.configure(configuration)
      if (!result.ok) {
        const first = result.findings.find((finding) => finding.severity === 'error')
        throw new Error(
          `growth variant ${basins}/${accessories} is invalid: ${first?.path ?? ''} ${first?.message ?? ''}`,
        )
      }
      tasks.push({
        name: `BOM ${basins} basin(s), ${accessories} accessories`,
        fn: () => createBomDocument(configurator, configuration),
      })
    }
  }
  const sizes = options.quick ? [1000] : [1000, 10_000, 100_000]
  for (const parts of sizes) {
    const data = generateCatalog({
      parts,
      assemblies: parts / 10,
      depth: 8,
      seed: 42,
      largestRootLines: parts / 20,
    })
    const built = buildCatalog(data)
    const { id, lines } = largestRoot(data)
    tasks.push({
      name: `explode ${parts} parts (${lines} lines)`,
      fn: () => explode(built.catalog, id),
    })
  }
  const results = await measure(tasks, options)
  const byName = new Map(results.map((r) => [r.name, r]))
  const cell = (name: string) => {
    const r = byName.get(name)
    return r === undefined
      ? ''
      : r.median_ms < 1
        ? `${Math.round(r.median_ms * 1000)} µs`
        : `${r.median_ms} ms`
  }
  const table = [
    '# How cost grows (medians)',
    '',
    '`pnpm bench` writes this file. BOM = createBomDocument (validation, rules, lines, exploded tree, flat list) of the',
    'every-option sample cut down to the basins and accessories shown.',
    '',
    `| basins | ${accessoryCounts.map((n) => `${n} accessories`).join(' | ')} |`,
    `|---|${accessoryCounts.map(() => '---').join('|')}|`,
    ...[1, 2, 3].map(
      (b) =>
        `| ${b} | ${accessoryCounts.map((n) => cell(`BOM ${b} basin(s), ${n} accessories`)).join(' | ')} |`,
    ),
    '',
    '| generated catalog | explosion of its largest root |',
    '|---|---|',
    ...results
      .filter((r) => r.name.startsWith('explode'))
      .map((r) => `| ${r.name.replace('explode ', '')} | ${r.median_ms} ms |`),
    '',
  ].join('\n')
  return { results, table }
}
