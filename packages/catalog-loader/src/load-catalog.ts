import { stat } from 'node:fs/promises'
import { join } from 'node:path'
import type { Catalog, Issue } from '@torvan/configurator-core'
import { buildCatalog, sortIssues } from '@torvan/configurator-core'
import type { CatalogFileValues } from './catalog-files.js'
import { CATALOG_FILES, convertCatalogFiles } from './catalog-files.js'
import type { JsonDocument } from './read-json.js'
import { readJsonFile, withPositions } from './read-json-file.js'
import type { LoadReport } from './report.js'

/**
 * A loaded catalog: the graph (absent when a file could not be read or parsed) and its report. After
 * checking `ok` (true when the report has no errors), `catalog` is a `Catalog`.
 */
export type CatalogLoadResult =
  | { ok: true; catalog: Catalog; report: LoadReport }
  | { ok: false; catalog: Catalog | undefined; report: LoadReport }

/**
 * Loads the customer's catalog files (`categories.json`, `assemblies.json`, `parts.json`) from a
 * directory, converts them and builds the graph; every problem is in the report with file, JSON path,
 * line and column.
 *
 * @example
 * const { ok, catalog, report } = await loadCatalog('fixtures/catalog')
 * if (!ok) process.stderr.write(formatLoadReport(report))
 */
export async function loadCatalog(directory: string): Promise<CatalogLoadResult> {
  const report: LoadReport = {
    directory,
    files: Object.values(CATALOG_FILES),
    counts: {
      categories: 0,
      subcategories: 0,
      parts: 0,
      assemblies: 0,
      twins: 0,
      componentLines: 0,
      items: 0,
    },
    errors: [],
    warnings: [],
  }
  const info = await stat(directory).catch(() => undefined)
  if (info === undefined || !info.isDirectory()) {
    report.errors.push({
      code: 'missing_directory',
      severity: 'error',
      path: [],
      message: `${directory} is not a directory; a catalog directory holds ${Object.values(CATALOG_FILES).join(', ')}`,
    })
    return { ok: false, catalog: undefined, report }
  }

  const documents = new Map<string, JsonDocument>()
  const issues: Issue[] = []
  const values: Partial<Record<keyof CatalogFileValues, unknown>> = {}
  for (const [key, file] of Object.entries(CATALOG_FILES) as [keyof CatalogFileValues, string][]) {
    const read = await readJsonFile(join(directory, file), file)
    issues.push(...read.issues)
    if (read.document !== undefined) {
      documents.set(file, read.document)
      values[key] = read.document.value
    }
  }

  let catalog: Catalog | undefined
  if (documents.size === Object.keys(CATALOG_FILES).length) {
    const converted = convertCatalogFiles(values as CatalogFileValues)
    const built = buildCatalog(converted.data)
    issues.push(...converted.issues, ...built.issues)
    catalog = built.catalog
    report.counts = { ...converted.counts, items: built.catalog.items.length }
  }
  const located = withPositions(sortIssues(issues), documents)
  report.errors = located.filter((issue) => issue.severity === 'error')
  report.warnings = located.filter((issue) => issue.severity === 'warning')
  return report.errors.length === 0 && catalog !== undefined
    ? { ok: true, catalog, report }
    : { ok: false, catalog, report }
}
