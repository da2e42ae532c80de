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
import type { SchemaKind } from './schema-reference.js'
import { schemaReferenceIssues } from './schema-reference.js'

/** The files a rules folder holds besides its rule files. */
export const RULES_FILES = {
  product: 'product.json',
  numbers: 'numbers.json',
  tests: 'tests',
} as const

/** What a rules folder load gives besides the ruleset. */
export interface RulesLoadFiles {
  /** `tests/*.cases.json`, parsed */
  cases: RulesetFile[]
  issues: LocatedIssue[]
  /** every file read, by display name, for locating later issues (e.g. in cases) */
  documents: ReadonlyMap<string, JsonDocument>
}

/**
 * A loaded rules folder: the compiled ruleset when there is no error, its test-case files, every
 * issue. After checking `ok`, `ruleset` is a `Ruleset` and `source` the files it was compiled from.
 */
export type RulesLoadResult =
  | (RulesLoadFiles & { ok: true; ruleset: Ruleset; source: RulesetSource })
  | (RulesLoadFiles & {
      ok: false
      ruleset: undefined
      /** the files as read, for hashing and the reference engine, when product.json was read */
      source: RulesetSource | undefined
    })

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
  const empty = { ok: false as const, ruleset: undefined, source: undefined, cases: [], documents }
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
  const read = async (file: string, kind: SchemaKind): Promise<RulesetFile | undefined> => {
    const result = await readJsonFile(file, file)
    issues.push(...result.issues)
    if (result.document === undefined) return undefined
    documents.set(file, result.document)
    const content = result.document.value
    issues.push(...(await schemaReferenceIssues({ file, content, kind })))
    return { file, content }
  }

  const names = await listJson(directory)
  const product = await read(join(directory, RULES_FILES.product), 'product')
  const numbers = names.includes(RULES_FILES.numbers)
    ? await read(join(directory, RULES_FILES.numbers), 'numbers')
    : undefined
  const rules: RulesetFile[] = []
  for (const name of names) {
    if (name === RULES_FILES.product || name === RULES_FILES.numbers) continue
    const file = await read(join(directory, name), 'rules')
    if (file !== undefined) rules.push(file)
  }
  const cases: RulesetFile[] = []
  const testsDirectory = join(directory, RULES_FILES.tests)
  for (const name of await listJson(testsDirectory)) {
    const file = await read(join(testsDirectory, name), 'cases')
    if (file !== undefined) cases.push(file)
  }

  if (product === undefined) {
    return { ...empty, cases, issues: withPositions(sortIssues(issues), documents) }
  }
  const source: RulesetSource = { product, numbers, rules }
  const compiled = compileRuleset(source, options)
  issues.push(...compiled.issues)
  const located = withPositions(sortIssues(issues), documents)
  const files = { source, cases, issues: located, documents }
  return compiled.ok && !located.some((issue) => issue.severity === 'error')
    ? { ...files, ok: true, ruleset: compiled.ruleset }
    : { ...files, ok: false, ruleset: undefined }
}
