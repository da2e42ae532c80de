// T2 BOM generation (validation + rules + lines) against json-rules-engine driven the obvious way
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { loadCatalog, loadRules } from '@torvan/catalog-loader'
import { createConfigurator } from '@torvan/configurator-core'
import { firedRules } from '../packages/configurator-core/test/fired-rules.js'
import { createReferenceEngine } from '../packages/configurator-core/test/reference-engine.js'
import type { BenchResult, BenchTask } from './measure.js'
import { measure } from './measure.js'

const root = join(import.meta.dirname, '..')

/** The sample configurations in fixtures/configs, by file name (the invalid one is left out). */
function sampleConfigurations(): [string, unknown][] {
  const directory = join(root, 'fixtures', 'configs')
  return readdirSync(directory)
    .filter((name) => name.endsWith('.json') && !name.includes('invalid'))
    .sort()
    .map((name) => [
      name.replace(/\.json$/, ''),
      JSON.parse(readFileSync(join(directory, name), 'utf8')) as unknown,
    ])
}

export async function benchRules(options: { quick: boolean }): Promise<BenchResult[]> {
  const { catalog } = await loadCatalog(join(root, 'fixtures', 'catalog'))
  if (catalog === undefined) throw new Error('the demo catalog does not load')
  const loaded = await loadRules(join(root, 'rules', 't2'), { catalog })
  if (loaded.ruleset === undefined)
    throw new Error('the T2 rules do not compile: run torvan rules check')
  const configurator = createConfigurator({ catalog, ruleset: loaded.ruleset })
  const reference = createReferenceEngine(loaded.ruleset)
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
