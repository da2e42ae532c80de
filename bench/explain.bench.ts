// options() and explain() on the T2 samples: the answers a UI asks for on every keystroke
import { explain, options } from '@torvan/configurator-core'
import type { BenchResult, BenchTask } from './measure.js'
import { measure } from './measure.js'
import { loadT2, sampleConfigurations } from './t2.js'

export async function benchExplain(settings: { quick: boolean }): Promise<BenchResult[]> {
  const { configurator } = await loadT2()
  const tasks: BenchTask[] = []
  for (const [name, configuration] of sampleConfigurations()) {
    const result = configurator.configure(configuration)
    const line = result.lines[0]
    if (!result.ok || line === undefined) throw new Error(`${name} does not configure`)
    tasks.push(
      { name: `options ${name}`, fn: () => options(configurator, configuration), target_ms: 10 },
      {
        name: `explain ${name} (in the BOM)`,
        fn: () => explain(configurator, configuration, line.id),
        target_ms: 1,
      },
      {
        name: `explain ${name} (not in the BOM)`,
        fn: () => explain(configurator, configuration, 'T2-BODY-73-120-HA'),
        target_ms: 1,
      },
    )
  }
  // a partial configuration: the search fills the rest
  tasks.push({
    name: 'options partial (model and a bolt-on shelf)',
    fn: () =>
      options(configurator, {
        model: 'T2-B2',
        accessories: [{ id: 'T-OA-SSSHELF-1812-BOLT-ON-KIT' }],
      }),
    target_ms: 10,
  })
  return measure(tasks, settings)
}

// `tsx bench/explain.bench.ts [--quick]` runs this benchmark alone: each sample's median against its goal
if (process.argv[1]?.endsWith('explain.bench.ts') === true) {
  const results = await benchExplain({ quick: process.argv.includes('--quick') })
  const width = Math.max(...results.map((r) => r.name.length))
  for (const r of results) {
    const goal =
      r.target_ms === undefined
        ? ''
        : `  goal ≤ ${r.target_ms} ms: ${r.median_ms <= r.target_ms ? 'met' : 'MISSED'}`
    process.stdout.write(
      `${r.name.padEnd(width)}  median ${String(r.median_ms).padStart(7)} ms  p99 ${String(r.p99_ms).padStart(7)} ms${goal}\n`,
    )
  }
}
