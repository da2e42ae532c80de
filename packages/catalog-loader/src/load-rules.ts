import { readdir, stat } from 'node:fs/promises'
import { join } from 'node:path'
import type {
  Catalog,
  CustomOperators,
  Issue,
  Ruleset,
  RulesetFile,
  RulesetSource,
} from '@torvan/configurator-core'
import { compileRuleset, sortIssues } from '@torvan/configurator-core'
import type { JsonDocument } from './read-json.js'
import { readJsonFile, withPositions } from './read-json-file.js'
import type { LocatedIssue } from './report.js'

/** The files a rules folder holds besides its rule files. */
export const RULES_FILES = {
  product: 'product.json',
  numbers: 'numbers.json',
  tests: 'tests',
} as const

/** A loaded rules folder: the compiled ruleset when there is no error, its test-case files, every issue. */
export interface RulesLoadResult {
  ok: boolean
  ruleset: Ruleset | undefined
  /** the files as read, for hashing and the reference engine */
  source: RulesetSource | undefined
  /** `tests/*.cases.json`, parsed */
  cases: RulesetFile[]
  issues: LocatedIssue[]
  /** every file read, by display name, for locating later issues (e.g. in cases) */
  documents: ReadonlyMap<string, JsonDocument>
}

async function listJson(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { withFileTypes: true }).catch(() => [])
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.json'))
    .map((entry) => entry.name)
    .sort()
}

/**
 * Reads a product's rules folder (`product.json`, `numbers.json`, every other `*.json` as a rule file,
 * `tests/*.cases.json`) and compiles it; with a catalog, item ids are checked too, and with `operators` /
 * `decorators` a developer's own (see compileRuleset) are known to the rules and their checks.
 *
 * @example
 * const { ok, ruleset, issues } = await loadRules('rules/t2', { catalog })
 */
export async function loadRules(
  directory: string,
  options: { catalog?: Catalog } & CustomOperators = {},
): Promise<RulesLoadResult> {
  const documents = new Map<string, JsonDocument>()
  const empty = { ok: false, ruleset: undefined, source: undefined, cases: [], documents }
  const info = await stat(directory).catch(() => undefined)
  if (info === undefined || !info.isDirectory()) {
    const issue: Issue = {
      code: 'missing_directory',
      severity: 'error',
      path: [],
      message: `${directory} is not a directory; a rules folder holds product.json and rule files`,
    }
    return { ...empty, issues: [issue] }
  }
  const issues: Issue[] = []
  const read = async (name: string): Promise<RulesetFile | undefined> => {
    const file = join(directory, name)
    const result = await readJsonFile(file, file)
    issues.push(...result.issues)
    if (result.document === undefined) return undefined
    documents.set(file, result.document)
    return { file, content: result.document.value }
  }

  const names = await listJson(directory)
  const product = await read(RULES_FILES.product)
  const numbers = names.includes(RULES_FILES.numbers) ? await read(RULES_FILES.numbers) : undefined
  const rules: RulesetFile[] = []
  for (const name of names) {
    if (name === RULES_FILES.product || name === RULES_FILES.numbers) continue
    const file = await read(name)
    if (file !== undefined) rules.push(file)
  }
  const cases: RulesetFile[] = []
  const testsDirectory = join(directory, RULES_FILES.tests)
  for (const name of await listJson(testsDirectory)) {
    const file = join(testsDirectory, name)
    const result = await readJsonFile(file, file)
    issues.push(...result.issues)
    if (result.document === undefined) continue
    documents.set(file, result.document)
    cases.push({ file, content: result.document.value })
  }

  if (product === undefined) {
    return { ...empty, cases, issues: withPositions(sortIssues(issues), documents) }
  }
  const source: RulesetSource = { product, numbers, rules }
  const compiled = compileRuleset(source, options)
  issues.push(...compiled.issues)
  const located = withPositions(sortIssues(issues), documents)
  const ok = !located.some((issue) => issue.severity === 'error')
  return {
    ok,
    ruleset: ok ? compiled.ruleset : undefined,
    source,
    cases,
    issues: located,
    documents,
  }
}
