import type { IssueCode } from './issue-codes.js'

/** One step of a path into a JSON document: an object key or an array index. */
export type PathSegment = string | number

/** How bad a finding is: errors stop the work, warnings ride along. */
export type Severity = 'error' | 'warning'

/**
 * A problem found in input data, reported as data rather than thrown.
 *
 * `path` points into the document named by `file` (when known), so a reader can find the exact spot.
 */
export interface Issue {
  /** A stable snake_case code such as `dangling_reference`. */
  code: IssueCode
  severity: Severity
  /** One sentence a person can act on. */
  message: string
  /** The file the problem is in, when it came from a file. */
  file?: string
  path: PathSegment[]
  /** What to do about it, e.g. a did-you-mean. */
  hint?: string
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/

/**
 * Formats a path the way zod and JavaScript do: `a.b[0]["odd key"]`.
 *
 * @example formatPath(['assemblies', 'T2-KIT', 'components', 3]) // 'assemblies["T2-KIT"].components[3]'
 */
export function formatPath(path: readonly PathSegment[]): string {
  let out = ''
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`
    else if (IDENTIFIER.test(segment)) out += out === '' ? segment : `.${segment}`
    else out += `[${JSON.stringify(segment)}]`
  }
  return out
}

/**
 * Formats an issue as one line: `file: path: message (hint)`.
 *
 * @example formatIssue({ code: 'invalid_value', severity: 'error', file: 'a.json', path: ['k'], message: 'bad' }) // 'a.json: k: bad'
 */
export function formatIssue(issue: Issue): string {
  const where = [issue.file, issue.path.length > 0 ? formatPath(issue.path) : undefined]
    .filter((part): part is string => part !== undefined && part !== '')
    .join(': ')
  const hint = issue.hint === undefined ? '' : ` (${issue.hint})`
  return where === '' ? `${issue.message}${hint}` : `${where}: ${issue.message}${hint}`
}

/** Orders paths segment by segment: indexes numerically, keys in code-point order. */
export function comparePaths(a: readonly PathSegment[], b: readonly PathSegment[]): number {
  const length = Math.min(a.length, b.length)
  for (let i = 0; i < length; i++) {
    const x = a[i] as PathSegment
    const y = b[i] as PathSegment
    if (x === y) continue
    if (typeof x === 'number' && typeof y === 'number') return x - y
    if (typeof x === 'number') return -1
    if (typeof y === 'number') return 1
    return x < y ? -1 : 1
  }
  return a.length - b.length
}

/**
 * Sorts issues by file, then path, then code: a stable order for reports and snapshots.
 *
 * @example sortIssues(issues).map(formatIssue)
 */
export function sortIssues<TIssue extends Issue>(issues: readonly TIssue[]): TIssue[] {
  return [...issues].sort(
    (a, b) =>
      compareText(a.file ?? '', b.file ?? '') ||
      comparePaths(a.path, b.path) ||
      compareText(a.code, b.code) ||
      compareText(a.message, b.message),
  )
}

/** Code-point order, the same on every machine and locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
