// The demo catalog, the T2 rules and the sample configurations, as every T2 benchmark reads them
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { loadCatalog, loadRules } from '@torvan/catalog-loader'
import type { Configurator, Ruleset } from '@torvan/configurator-core'
import { createConfigurator } from '@torvan/configurator-core'

/** The repository's root folder. */
export const ROOT = join(import.meta.dirname, '..')

const CONFIGS = join(ROOT, 'fixtures', 'configs')

/** One sample configuration of fixtures/configs, by file name without `.json`. */
export function sampleConfiguration(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(CONFIGS, `${name}.json`), 'utf8')) as Record<string, unknown>
}

/** The valid sample configurations in fixtures/configs, by file name (the invalid one is left out). */
export function sampleConfigurations(): [string, Record<string, unknown>][] {
  return readdirSync(CONFIGS)
    .filter((name) => name.endsWith('.json') && !name.includes('invalid'))
    .sort()
    .map((file) => {
      const name = file.replace(/\.json$/, '')
      return [name, sampleConfiguration(name)]
    })
}

/** The T2 configurator over the demo catalog. */
export async function loadT2(): Promise<{ ruleset: Ruleset; configurator: Configurator }> {
  const { catalog } = await loadCatalog(join(ROOT, 'fixtures', 'catalog'))
  if (catalog === undefined) throw new Error('the demo catalog does not load')
  const loaded = await loadRules(join(ROOT, 'rules', 't2'), { catalog })
  if (loaded.ruleset === undefined)
    throw new Error('the T2 rules do not compile: run torvan rules check')
  return {
    ruleset: loaded.ruleset,
    configurator: createConfigurator({ catalog, ruleset: loaded.ruleset }),
  }
}
