// The demo catalog and the T2 rules, loaded once per test file that needs a T2 configurator
import { join } from 'node:path'
import type { RulesLoadResult } from '@torvan/catalog-loader'
import { loadCatalog, loadRules } from '@torvan/catalog-loader'
import type { Catalog, Configurator, Finding, Ruleset } from '@torvan/configurator-core'
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

/**
 * The errors of a configuration, one a line, each with the rule that said it (its file and place in
 * the file) and the configuration path: what a test prints when a sample no longer configures.
 */
export function describeErrors(ruleset: Ruleset, findings: readonly Finding[]): string {
  return findings
    .filter((finding) => finding.severity === 'error')
    .map((finding) => {
      const rule = ruleset.rules.find((r) => r.name === finding.rule)
      const where =
        rule === undefined
          ? finding.rule
          : `${finding.rule} (${rule.file.slice(root.length + 1)} rules[${rule.index}])`
      return `  rule ${where} at ${finding.path === '' ? '(the configuration)' : finding.path}: ${finding.message}`
    })
    .join('\n')
}
