// T2 BOM generation (validation + rules + lines) against json-rules-engine driven the obvious way
import { firedRules } from '../packages/configurator-core/test/fired-rules.js'
import { createReferenceEngine } from '../packages/configurator-core/test/reference-engine.js'
import type { BenchResult, BenchTask } from './measure.js'
import { measure } from './measure.js'
import { loadT2, sampleConfigurations } from './t2.js'

export async function benchRules(options: { quick: boolean }): Promise<BenchResult[]> {
  const { ruleset, configurator } = await loadT2()
  const reference = createReferenceEngine(ruleset)
  const results: BenchResult[] = []
  for (const [name, configuration] of sampleConfigurations()) {
    if (!configurator.configure(configuration).ok) throw new Error(`${name} does not configure`)
    const facts = firedRules(configurator, configuration).facts
    const tasks: BenchTask[] = [
      { name: `json-rules-engine ${name}`, fn: () => reference(facts) },
      {
        name: `configure ${name}`,
        fn: () => configurator.configure(configuration),
        target_ms: 0.05,
        baseline: `json-rules-engine ${name}`,
      },
    ]
    results.push(...(await measure(tasks, options)))
  }
  return results
}
