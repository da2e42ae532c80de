import type { Issue } from '@torvan/configurator-core'
import { formatIssue } from '@torvan/configurator-core'

/** An issue with the line and column it points at in its file, where known. */
export interface LocatedIssue extends Issue {
  line?: number
  column?: number
}

/** What loading a catalog found: counts per kind, every error and every warning. */
export interface LoadReport {
  directory: string
  files: string[]
  counts: {
    categories: number
    subcategories: number
    parts: number
    assemblies: number
    twins: number
    componentLines: number
    /** items in the graph: parts and assemblies, each twin pair counted once */
    items: number
  }
  errors: LocatedIssue[]
  warnings: LocatedIssue[]
}

/**
 * Formats an issue as one line that editors and terminals link to its place:
 * `file:line:column: path: message (hint)`; without a known position, as {@link formatIssue} does.
 *
 * @example formatLocatedIssue(issue) // 'rules/t2/basins.json:12:7: rules[3].conditions.all[1].fact: unknown fact "basinCount"'
 */
export function formatLocatedIssue(issue: LocatedIssue): string {
  if (issue.file === undefined || issue.line === undefined) return formatIssue(issue)
  const { file, ...rest } = issue
  return `${file}:${issue.line}:${issue.column ?? 1}: ${formatIssue(rest)}`
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`
}

/**
 * Formats a load report for a terminal; warnings are grouped by code and cut to `perCode` lines unless
 * `verbose` is set. Errors are always listed in full.
 *
 * @example process.stdout.write(formatLoadReport(report, { verbose: false }))
 */
export function formatLoadReport(
  report: LoadReport,
  options: { verbose?: boolean; perCode?: number } = {},
): string {
  const { counts } = report
  const perCode = options.verbose === true ? Infinity : (options.perCode ?? 5)
  const lines = [
    `Catalog ${report.directory}`,
    `  ${plural(counts.categories, 'category', 'categories')}, ${plural(counts.subcategories, 'subcategory', 'subcategories')}, ` +
      `${plural(counts.parts, 'part')}, ${plural(counts.assemblies, 'assembly', 'assemblies')} (${plural(counts.twins, 'twin')}), ` +
      `${plural(counts.componentLines, 'component line')}: ${plural(counts.items, 'item')} in the graph`,
    `  ${plural(report.errors.length, 'error')}, ${plural(report.warnings.length, 'warning')}`,
  ]
  if (report.errors.length > 0) {
    lines.push('', 'Errors:')
    for (const error of report.errors) lines.push(`  ${formatLocatedIssue(error)}`)
  }
  if (report.warnings.length > 0) {
    lines.push('', 'Warnings:')
    const byCode = new Map<string, LocatedIssue[]>()
    for (const warning of report.warnings) {
      const list = byCode.get(warning.code)
      if (list === undefined) byCode.set(warning.code, [warning])
      else list.push(warning)
    }
    for (const [code, warnings] of [...byCode].sort(([a], [b]) => (a < b ? -1 : 1))) {
      lines.push(`  ${code} (${warnings.length}):`)
      for (const warning of warnings.slice(0, perCode))
        lines.push(`    ${formatLocatedIssue(warning)}`)
      if (warnings.length > perCode) {
        lines.push(`    … and ${warnings.length - perCode} more (--verbose lists them all)`)
      }
    }
  }
  return `${lines.join('\n')}\n`
}
