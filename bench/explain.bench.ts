// options() and explain() on the T2 samples: the answers a UI asks for on every keystroke
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { loadCatalog, loadRules } from '@torvan/catalog-loader'
import { createConfigurator, explain, options } from '@torvan/configurator-core'
import type { BenchResult, BenchTask } from './measure.js'
import { measure } from './measure.js'

const root = join(import.meta.dirname, '..')

/** The valid sample configurations in fixtures/configs, by file name. */
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

export async function benchExplain(settings: { quick: boolean }): Promise<BenchResult[]> {
  const { catalog } = await loadCatalog(join(root, 'fixtures', 'catalog'))
  if (catalog === undefined) throw new Error('the demo catalog does not load')
  const loaded = await loadRules(join(root, 'rules', 't2'), { catalog })
  if (loaded.ruleset === undefined)
    throw new Error('the T2 rules do not compile: run torvan rules check')
  const configurator = createConfigurator({ catalog, ruleset: loaded.ruleset })
  const tasks: BenchTask[] = []
  for (const [name, configuration] of sampleConfigurations()) {
    const result = configurator.configure(configuration)
    const line = result.lines[0]
    if (!result.ok || line === undefined) throw new Error(`${name} does not configure`)
    tasks.push(
      { name: `options ${name}`, fn: () => options(configurator, configuration), target_ms: 20 },
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
  })
  return measure(tasks, settings)
}
