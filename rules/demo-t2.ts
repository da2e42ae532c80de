// The demo catalog and the T2 rules, loaded once per test file that needs a T2 configurator
import { join } from 'node:path'
import type { RulesLoadResult } from '@torvan/catalog-loader'
import { loadCatalog, loadRules } from '@torvan/catalog-loader'
import type { Catalog, Configurator, Ruleset } from '@torvan/configurator-core'
import { createConfigurator, formatIssue } from '@torvan/configurator-core'

/** The repository's root folder. */
export const root = join(import.meta.dirname, '..')

/** The demo catalog, the T2 rules as loaded (with their test cases) and a configurator over both. */
export async function loadDemoT2(): Promise<{
  catalog: Catalog
  loaded: RulesLoadResult
  ruleset: Ruleset
  configurator: Configurator
}> {
  const { catalog } = await loadCatalog(join(root, 'fixtures', 'catalog'))
  if (catalog === undefined) throw new Error('the demo catalog does not load')
  const loaded = await loadRules(join(import.meta.dirname, 't2'), { catalog })
  const ruleset = loaded.ruleset
  if (ruleset === undefined)
    throw new Error(`the T2 rules do not compile:\n${loaded.issues.map(formatIssue).join('\n')}`)
  return { catalog, loaded, ruleset, configurator: createConfigurator({ catalog, ruleset }) }
}
