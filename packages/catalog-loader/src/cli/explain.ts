import { relative } from 'node:path'
import type {
  Derivation,
  DerivationField,
  ConditionTrace,
  Explanation,
  Interval,
  OptionDomain,
  Reason,
} from '@torvan/configurator-core'
import { ConfiguratorError, explain, options } from '@torvan/configurator-core'
import { requireInput } from './bom.js'
import type { CliIo } from './io.js'
import { EXIT, formatJson } from './io.js'
import { requireConfigurator } from './rules.js'

function formatInterval(interval: Interval): string {
  if (interval.from !== null && interval.from === interval.to) return String(interval.from)
  const from =
    interval.from === null ? '(-∞' : `${interval.fromInclusive ? '[' : '('}${String(interval.from)}`
  const to =
    interval.to === null ? '∞)' : `${String(interval.to)}${interval.toInclusive ? ']' : ')'}`
  return `${from}, ${to}`
}

function formatValue(domain: OptionDomain, value: unknown): string {
  if (value === null) return domain.kind === 'presence' ? 'none' : '(unset)'
  if (typeof value === 'object') return domain.kind === 'variant' ? '(custom)' : 'present'
  return typeof value === 'string' ? value : JSON.stringify(value)
}

function formatReasons(reasons: readonly Reason[]): string[] {
  return reasons.map(
    (reason) =>
      `        ${reason.path === '' ? '' : `${reason.path}: `}${reason.message}  [${reason.rule}]`,
  )
}

function formatDomain(domain: OptionDomain): string[] {
  const title =
    domain.kind === 'add'
      ? `${domain.path} (can be added)`
      : domain.set
        ? `${domain.path} = ${formatValue(domain, domain.value)}`
        : `${domain.path} (unset)`
  const out = [`  ${title}`]
  if (domain.kind === 'text') {
    out.push(`    ${domain.allowed.length > 0 ? 'any valid text' : 'no completion is valid'}`)
    return out
  }
  if (domain.intervals !== undefined) {
    const { allowed, ruledOut } = domain.intervals
    out.push(
      `    allowed: ${allowed.length === 0 ? 'nothing' : allowed.map(formatInterval).join(' ∪ ')}`,
    )
    for (const entry of ruledOut) {
      out.push(`      not ${formatInterval(entry.interval)}:`, ...formatReasons(entry.reasons))
    }
    return out
  }
  const allowed = domain.allowed.map((value) => formatValue(domain, value))
  out.push(`    allowed: ${allowed.length === 0 ? 'nothing' : allowed.join(', ')}`)
  for (const entry of domain.ruledOut) {
    out.push(`      not ${formatValue(domain, entry.value)}:`, ...formatReasons(entry.reasons))
  }
  return out
}

/** `torvan options <partial.json> --catalog <dir> --rules <dir> [--json]`. */
export async function optionsCommand(
  io: CliIo,
  args: { file: string; catalog: string; rules: string },
  settings: { json: boolean },
): Promise<number> {
  const partial = await requireInput(args.file)
  const { configurator } = await requireConfigurator(io, args.rules, args.catalog)
  const result = options(configurator, partial)
  if (settings.json) io.stdout(formatJson(result))
  else if (!result.ok) {
    io.stdout(
      `${args.file}: ${result.product}: the configuration is malformed\n${result.problems
        .map((p) => `  ${p.path === '' ? '' : `${p.path}: `}${p.message}\n`)
        .join('')}`,
    )
  } else {
    const lines = [`${args.file}: ${result.product}: ${String(result.options.length)} options`]
    for (const domain of result.options) lines.push(...formatDomain(domain))
    if (result.truncated !== undefined)
      lines.push(
        `incomplete: ${result.truncated.message}`,
        ...result.truncated.skipped.map((p) => `  ${p}`),
      )
    io.stdout(`${lines.join('\n')}\n`)
  }
  return result.ok ? EXIT.ok : EXIT.problems
}

function formatField(field: DerivationField): string {
  if (field.entries !== undefined) return `${field.path} (${String(field.entries)} entries)`
  return `${field.path} = ${'value' in field ? JSON.stringify(field.value) : 'absent'}`
}

/** a derived fact's sources, one level per line: the fields it read, then the facts it used */
function formatDerivation(derivation: Derivation, depth: number): string[] {
  const indent = '  '.repeat(depth)
  const out: string[] = []
  if (derivation.fields.length > 0)
    out.push(`${indent}← ${derivation.fields.map(formatField).join(', ')}`)
  for (const used of derivation.facts) {
    const about = used.description === undefined ? '' : ` (${used.description})`
    out.push(`${indent}← ${used.fact} = ${JSON.stringify(used.value)}${about}`)
    out.push(...formatDerivation(used, depth + 1))
  }
  return out
}

function formatCondition(trace: ConditionTrace, depth: number): string[] {
  const indent = '  '.repeat(depth)
  const mark = trace.holds ? 'holds' : 'fails'
  if (trace.kind !== 'fact') {
    return [
      `${indent}${trace.kind}: ${mark}`,
      ...(trace.conditions ?? []).flatMap((c) => formatCondition(c, depth + 1)),
    ]
  }
  const path = trace.path === undefined ? '' : ` ${trace.path}`
  const actual = 'actual' in trace ? JSON.stringify(trace.actual) : 'nothing'
  return [
    `${indent}${trace.fact ?? ''}${path} ${trace.operator ?? ''} ${JSON.stringify(trace.value)}: ${mark} (it is ${actual})`,
    ...(trace.derivation === undefined ? [] : formatDerivation(trace.derivation, depth + 1)),
  ]
}

function formatExplanation(explanation: Explanation): string {
  const verdicts = {
    added: `in the BOM${explanation.line === undefined ? '' : `, quantity ${explanation.line.quantity}`}`,
    'not-added': 'not in the BOM: no rule that can add it did',
    'no-rule': 'not in the BOM: no rule adds it',
    'invalid-configuration': 'no BOM: the configuration has errors',
  }
  const out = [`${explanation.item}: ${verdicts[explanation.verdict]}`]
  for (const error of explanation.errors)
    out.push(
      `  error ${error.path === '' ? '' : `${error.path}: `}${error.message}  [${error.rule}]`,
    )
  for (const rule of explanation.rules) {
    const file = rule.file.slice(
      Math.max(rule.file.lastIndexOf('/'), rule.file.lastIndexOf('\\')) + 1,
    )
    const element = rule.element === undefined ? '' : ` for ${rule.element}`
    const what = rule.adds
      ? 'fired and adds it'
      : rule.fired
        ? `fired but gives ${rule.gives}`
        : 'did not fire'
    out.push(`  rule ${rule.rule} (${file})${element}: ${what}`)
    out.push(...formatCondition(rule.conditions, 2))
  }
  if (explanation.change !== undefined) out.push(`  to add it: ${explanation.change.message}`)
  else if (explanation.verdict === 'not-added' && explanation.truncated === undefined)
    out.push('  no change of one or two options adds it')
  if (explanation.truncated !== undefined)
    out.push(`  incomplete: ${explanation.truncated.message}`)
  return `${out.join('\n')}\n`
}

/** rule files named within the rules folder (`body-legs.json`), never by where that folder sits */
function withRuleFilesIn(explanation: Explanation, rules: string): Explanation {
  return {
    ...explanation,
    rules: explanation.rules.map((trace) => ({ ...trace, file: relative(rules, trace.file) })),
  }
}

/** `torvan explain <config.json> <itemId>... --catalog <dir> --rules <dir> [--all] [--json]`. */
export async function explainCommand(
  io: CliIo,
  args: { file: string; items: readonly string[]; catalog: string; rules: string },
  settings: { json: boolean; all?: boolean },
): Promise<number> {
  const config = await requireInput(args.file)
  const { configurator } = await requireConfigurator(io, args.rules, args.catalog)
  let exit: number = EXIT.ok
  const results: (Explanation | { item: string; error: string })[] = []
  for (const item of args.items) {
    try {
      const explanation = explain(configurator, config, { item, all: settings.all === true })
      if (explanation.verdict === 'invalid-configuration') exit = EXIT.problems
      results.push(withRuleFilesIn(explanation, args.rules))
      if (!settings.json) io.stdout(formatExplanation(explanation))
    } catch (error) {
      if (!(error instanceof ConfiguratorError)) throw error
      exit = EXIT.problems
      results.push({ item, error: error.message })
      if (!settings.json) io.stderr(`torvan: ${error.message}\n`)
    }
  }
  if (settings.json) io.stdout(formatJson(results))
  return exit
}
