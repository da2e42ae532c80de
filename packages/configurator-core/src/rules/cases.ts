import type { Issue } from '../issues.js'
import { zodIssues } from '../zod-issues.js'
import type { Configurator, ConfigureResult } from './configure.js'
import { z } from 'zod'
import { MODEL_RULE } from '../findings.js'
import type { PathSegment } from '../issues.js'
import { didYouMean } from '../text/suggest.js'
import type { RuleCase } from './schema.js'
import { CasesFileSchema, RuleCaseSchema } from './schema.js'

const CasesEnvelopeSchema = CasesFileSchema.extend({ cases: z.array(z.unknown()) })

/** ids a case may name: catalog items and the ids custom-part templates make */
function knownItem(configurator: Configurator): (id: string) => boolean {
  const patterns = [...configurator.ruleset.customParts.values()].map(
    (template) =>
      new RegExp(
        `^${template.id
          .split(/\{[^}]*\}/)
          .map((text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
          .join('.+')}$`,
      ),
  )
  return (id) =>
    configurator.catalog.resolve(id) !== undefined || patterns.some((pattern) => pattern.test(id))
}

/** ids and rule names in a case's expectations that do not exist: such a case tests nothing */
function expectationIssues(
  test: RuleCase,
  context: {
    file: string
    at: PathSegment[]
    knownIds: (id: string) => boolean
    ruleNames: readonly string[]
    configurator: Configurator
  },
): Issue[] {
  const { file, at, knownIds, ruleNames } = context
  const issues: Issue[] = []
  const checkId = (id: string, path: PathSegment[]) => {
    if (knownIds(id)) return
    const hint = didYouMean(id, context.configurator.catalog.ids())
    issues.push({
      code: 'unknown_item',
      severity: 'error',
      file,
      path: [...at, 'expect', ...path],
      message: `item ${JSON.stringify(id)} is not in the catalog, and no custom-part template makes it: this expectation tests nothing`,
      ...(hint === undefined ? {} : { hint }),
    })
  }
  test.expect.lines?.forEach((line, i) => {
    checkId(line.id, ['lines', i, 'id'])
  })
  test.expect.absent?.forEach((id, i) => {
    checkId(id, ['absent', i])
  })
  test.expect.findings?.forEach((finding, i) => {
    if (finding.rule === undefined || ruleNames.includes(finding.rule)) return
    const hint = didYouMean(finding.rule, ruleNames)
    issues.push({
      code: 'unknown_rule',
      severity: 'error',
      file,
      path: [...at, 'expect', 'findings', i, 'rule'],
      message: `no rule is named ${JSON.stringify(finding.rule)}`,
      ...(hint === undefined ? {} : { hint }),
    })
  })
  return issues
}

/**
 * Applies a JSON merge patch (RFC 7396): objects merge, anything else replaces, `null` removes a key.
 *
 * @example mergePatch({ a: { b: 1, c: 2 } }, { a: { c: null } }) // { a: { b: 1 } }
 */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) return patch
  const base: Record<string, unknown> =
    typeof target === 'object' && target !== null && !Array.isArray(target)
      ? { ...(target as Record<string, unknown>) }
      : {}
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) Reflect.deleteProperty(base, key)
    else base[key] = mergePatch(base[key], value)
  }
  return base
}

/** One failed expectation of a case, in words. */
export interface CaseFailure {
  case: string
  /** the case's position in the file's `cases` */
  index: number
  problems: string[]
  result: ConfigureResult
}

/** The outcome of one cases file. */
export interface CasesFileResult {
  file: string
  passed: number
  failed: CaseFailure[]
  /** problems with the file itself (shape) */
  issues: Issue[]
  /** names of the rules that fired in at least one case */
  fired: Set<string>
}

function describeLine(line: { id: string; quantity?: string | undefined }): string {
  return line.quantity === undefined ? line.id : `${line.quantity} × ${line.id}`
}

/** the expected lines that are missing or differ in quantity, custom flag or elements */
function lineProblems(
  wantedLines: NonNullable<RuleCase['expect']['lines']>,
  result: ConfigureResult,
): string[] {
  const problems: string[] = []
  for (const wanted of wantedLines) {
    const line = result.lines.find(
      (l) => l.id === wanted.id && (wanted.notes === undefined || l.notes === wanted.notes),
    )
    if (line === undefined) {
      problems.push(`expected line ${describeLine(wanted)}, which is missing`)
      continue
    }
    if (wanted.quantity !== undefined && line.quantity !== wanted.quantity) {
      problems.push(`expected ${describeLine(wanted)}, got ${describeLine(line)}`)
    }
    if (wanted.custom !== undefined && line.custom !== wanted.custom) {
      problems.push(`expected ${wanted.id} to be ${wanted.custom ? '' : 'not '}custom`)
    }
    if (
      wanted.elements !== undefined &&
      JSON.stringify(line.elements) !== JSON.stringify(wanted.elements)
    ) {
      problems.push(
        `expected ${wanted.id} from ${JSON.stringify(wanted.elements)}, got ${JSON.stringify(line.elements)}`,
      )
    }
  }
  return problems
}

/** the expected findings that are missing, and the findings no case expects */
function findingProblems(
  wantedFindings: NonNullable<RuleCase['expect']['findings']>,
  result: ConfigureResult,
): string[] {
  const problems: string[] = []
  const unmatched = [...result.findings]
  for (const wanted of wantedFindings) {
    const at = unmatched.findIndex(
      (f) =>
        f.severity === wanted.severity &&
        f.path === wanted.path &&
        (wanted.rule === undefined || f.rule === wanted.rule) &&
        (wanted.message === undefined || f.message.includes(wanted.message)),
    )
    if (at < 0) {
      const text = wanted.message === undefined ? '' : ` saying "${wanted.message}"`
      problems.push(
        `expected ${wanted.severity} at ${wanted.path === '' ? '(top)' : wanted.path}${wanted.rule === undefined ? '' : ` from ${wanted.rule}`}${text}, which is missing`,
      )
    } else unmatched.splice(at, 1)
  }
  for (const extra of unmatched) {
    problems.push(
      `unexpected ${extra.severity} at ${extra.path === '' ? '(top)' : extra.path} from ${extra.rule}: ${extra.message}`,
    )
  }
  return problems
}

/** what a case expected that its result does not give */
function checkCase(test: RuleCase, result: ConfigureResult): string[] {
  const { expect } = test
  const problems: string[] = []
  if (expect.ok !== undefined && result.ok !== expect.ok) {
    const errors = result.findings.filter((f) => f.severity === 'error')
    problems.push(
      expect.ok
        ? `expected no error, got ${errors.length}: ${errors.map((f) => `${f.path}: ${f.message}`).join('; ')}`
        : 'expected an error, got none',
    )
  }
  problems.push(...lineProblems(expect.lines ?? [], result))
  if (expect.exactLines === true) {
    const listed = new Set((expect.lines ?? []).map((l) => l.id))
    for (const line of result.lines) {
      if (!listed.has(line.id))
        problems.push(`unexpected line ${describeLine(line)} (rules: ${line.rules.join(', ')})`)
    }
  }
  for (const id of expect.absent ?? []) {
    const line = result.lines.find((l) => l.id === id)
    if (line !== undefined)
      problems.push(
        `expected no ${id}, got ${describeLine(line)} (rules: ${line.rules.join(', ')})`,
      )
  }
  if (expect.findings !== undefined) problems.push(...findingProblems(expect.findings, result))
  return problems
}

/**
 * Runs the cases of one cases file (docs/rules.md#test-cases) against a configurator.
 *
 * @example runRuleCases(configurator, { file: 'rules/t2/tests/basins.cases.json', content })
 */
export function runRuleCases(
  configurator: Configurator,
  input: { file: string; content: unknown },
): CasesFileResult {
  const outcome: CasesFileResult = {
    file: input.file,
    passed: 0,
    failed: [],
    issues: [],
    fired: new Set(),
  }
  const parsed = CasesEnvelopeSchema.safeParse(input.content, { reportInput: true })
  if (!parsed.success) {
    outcome.issues = zodIssues(parsed.error.issues, {
      file: input.file,
      parsed: { schema: CasesEnvelopeSchema, input: input.content },
    })
    return outcome
  }
  const knownIds = knownItem(configurator)
  // findings of the configuration's own check come from the pseudo-rule product-model
  const ruleNames = [MODEL_RULE, ...configurator.ruleset.rules.map((rule) => rule.name)]
  parsed.data.cases.forEach((raw, index) => {
    // each case on its own: one malformed case hides no other
    const at = ['cases', index]
    const one = RuleCaseSchema.safeParse(raw, { reportInput: true })
    if (!one.success) {
      outcome.issues.push(
        ...zodIssues(one.error.issues, {
          file: input.file,
          basePath: at,
          parsed: { schema: RuleCaseSchema, input: raw },
        }),
      )
      return
    }
    const test = one.data
    outcome.issues.push(
      ...expectationIssues(test, { file: input.file, at, knownIds, ruleNames, configurator }),
    )
    if (test.config !== undefined && test.patch !== undefined) {
      outcome.issues.push({
        code: 'malformed_case',
        severity: 'error',
        file: input.file,
        path: ['cases', index],
        message: 'a case has "config" or "patch", not both',
      })
      return
    }
    const configuration = test.config ?? mergePatch(parsed.data.base ?? {}, test.patch ?? {})
    const result = configurator.configure(configuration)
    for (const line of result.lines) for (const rule of line.rules) outcome.fired.add(rule)
    for (const finding of result.findings) outcome.fired.add(finding.rule)
    const problems = checkCase(test, result)
    if (problems.length === 0) outcome.passed++
    else outcome.failed.push({ case: test.name, index, problems, result })
  })
  return outcome
}
