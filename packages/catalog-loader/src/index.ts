/**
 * @torvan/catalog-loader: reads and validates TORVAN catalog and rule files from disk.
 *
 * @packageDocumentation
 */

/** Loading the customer's catalog files into the core's graph. */
export type { CatalogLoadResult } from './load-catalog.js'
export { loadCatalog } from './load-catalog.js'
export type {
  CatalogFileConversion,
  CatalogFileCounts,
  CatalogFileValues,
} from './catalog-files.js'
export { CATALOG_FILES, convertCatalogFiles } from './catalog-files.js'

/** Loading a product's rules folder and compiling it. */
export type { RulesLoadFiles, RulesLoadResult } from './load-rules.js'
export { RULES_FILES, loadRules } from './load-rules.js'

/** Load reports: counts, errors and warnings with file, JSON path, line and column. */
export type { LoadReport, LocatedIssue } from './report.js'
export { formatLoadReport, formatLocatedIssue } from './report.js'

/** JSON documents that remember where each value is written. */
export type { JsonDocument, JsonDocumentResult, Position } from './read-json.js'
export { parseJsonDocument } from './read-json.js'

/** The `torvan` command line, callable in-process; other packages add their commands to it. */
export type { CliIo } from './cli/io.js'
export { CliError } from './cli/io.js'
export type { CliExtension } from './cli/run.js'
export { helpText, runCli } from './cli/run.js'
export type { CliOptions } from './cli/args.js'
export { parseCommandLine, unknownCommand, usageError } from './cli/args.js'
