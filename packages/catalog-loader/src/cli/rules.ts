import type { Configurator } from '@torvan/configurator-core'
import { createConfigurator, runRuleCases } from '@torvan/configurator-core'
import { loadRules } from '../load-rules.js'
import { withPositions } from '../read-json-file.js'
import type { LocatedIssue } from '../report.js'
import { formatLocatedIssue } from '../report.js'
import { requireCatalog } from './catalog.js'
import type { CliIo } from './io.js'
import { CliError, EXIT, formatJson, stopIfMissingDirectory } from './io.js'

function printIssues(io: CliIo, issues: readonly LocatedIssue[]): void {
  for (const issue of issues) io.stderr(`${issue.severity}: ${formatLocatedIssue(issue)}\n`)
}

/** Loads a rules folder against a catalog for a command that needs a sound ruleset. */
export async function requireConfigurator(
  io: CliIo,
  rulesDirectory: string,
  catalogDirectory: string,
) {
  const catalog = await requireCatalog(catalogDirectory)
  const loaded = await loadRules(rulesDirectory, { catalog })
  stopIfMissingDirectory(loaded.issues)
  if (!loaded.ok) {
    printIssues(io, loaded.issues)
    const errors = loaded.issues.filter((issue) => issue.severity === 'error').length
    throw new CliError(
      `the rules in ${rulesDirectory} have ${errors} error${errors === 1 ? '' : 's'}; run \`torvan rules check ${rulesDirectory} --catalog ${catalogDirectory}\``,
      EXIT.unusable,
    )
  }
  return { configurator: createConfigurator({ catalog, ruleset: loaded.ruleset }), loaded }
}

/** `torvan rules check <rules-dir> --catalog <dir> [--json]`. */
export async function checkRulesCommand(
  io: CliIo,
  args: { rules: string; catalog: string },
  options: { json: boolean },
): Promise<number> {
  const catalog = await requireCatalog(args.catalog)
  const loaded = await loadRules(args.rules, { catalog })
  stopIfMissingDirectory(loaded.issues)
  const errors = loaded.issues.filter((issue) => issue.severity === 'error')
  const warnings = loaded.issues.filter((issue) => issue.severity === 'warning')
  if (options.json) {
    io.stdout(formatJson({ ok: loaded.ok, errors, warnings }))
  } else {
    for (const issue of loaded.issues)
      io.stdout(`${issue.severity}: ${formatLocatedIssue(issue)}\n`)
    const rules = loaded.ruleset?.rules.length
    io.stdout(
      `${args.rules}: ${errors.length} error${errors.length === 1 ? '' : 's'}, ${warnings.length} warning${warnings.length === 1 ? '' : 's'}` +
        `${rules === undefined ? '' : `, ${rules} rules in ${loaded.source?.rules.length ?? 0} files`}\n`,
    )
  }
  return loaded.ok ? EXIT.ok : EXIT.problems
}

/** the rules no case fired: those that must have a case, and those marked `untested` (with why) */
function coverage(
  configurator: Configurator,
  fired: ReadonlySet<string>,
): { unfired: string[]; untested: { rule: string; reason: string }[] } {
  const unfired: string[] = []
  const untested: { rule: string; reason: string }[] = []
  for (const rule of configurator.ruleset.rules) {
    if (fired.has(rule.name)) continue
    if (rule.source.untested === undefined) unfired.push(rule.name)
    else untested.push({ rule: rule.name, reason: rule.source.untested })
  }
  return { unfired, untested }
}

/** `torvan rules test <rules-dir> --catalog <dir> [--json]`: runs `tests/*.cases.json`. */
export async function testRulesCommand(
  io: CliIo,
  args: { rules: string; catalog: string },
  options: { json: boolean },
): Promise<number> {
  const { configurator, loaded } = await requireConfigurator(io, args.rules, args.catalog)
  if (loaded.cases.length === 0) {
    throw new CliError(`${args.rules}/tests holds no *.cases.json files`, EXIT.unusable)
  }
  const fired = new Set<string>()
  let passed = 0
  let failed = 0
  const reports = loaded.cases.map((file) => {
    const ran = runRuleCases(configurator, file)
    const result = { ...ran, issues: withPositions(ran.issues, loaded.documents) }
    for (const name of result.fired) fired.add(name)
    passed += result.passed
    failed += result.failed.length + result.issues.filter((i) => i.severity === 'error').length
    return result
  })
  const { unfired, untested } = coverage(configurator, fired)
  const ok = failed === 0 && unfired.length === 0
  if (options.json) {
    io.stdout(
      formatJson({
        ok,
        passed,
        failed,
        files: reports.map((r) => ({
          file: r.file,
          passed: r.passed,
          issues: r.issues,
          failures: r.failed.map((f) => ({ case: f.case, index: f.index, problems: f.problems })),
        })),
        unfiredRules: unfired,
        untestedRules: untested,
      }),
    )
    return ok ? EXIT.ok : EXIT.problems
  }
  for (const report of reports) {
    for (const issue of report.issues)
      io.stdout(`${issue.severity}: ${formatLocatedIssue(issue)}\n`)
    for (const failure of report.failed) {
      io.stdout(`FAIL ${report.file} › cases[${failure.index}] ${failure.case}\n`)
      for (const problem of failure.problems) io.stdout(`  - ${problem}\n`)
    }
    io.stdout(
      `${report.failed.length === 0 && report.issues.length === 0 ? 'ok  ' : 'FAIL'} ${report.file}: ${report.passed} passed, ${report.failed.length} failed\n`,
    )
  }
  const total = configurator.ruleset.rules.length
  io.stdout(
    `rule coverage: ${total - unfired.length} of ${total} rules fired in at least one case\n`,
  )
  if (unfired.length > 0) {
    io.stdout(`  never fired: ${unfired.join(', ')}\n`)
    io.stdout(
      '  write a case that fires each, or mark a rule "untested": "<why>" in its rule file\n',
    )
  }
  for (const { rule, reason } of untested) io.stdout(`  untested by design: ${rule}: ${reason}\n`)
  io.stdout(`rule cases: ${passed} passed, ${failed} failed\n`)
  return ok ? EXIT.ok : EXIT.problems
}
