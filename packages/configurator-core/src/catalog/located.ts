import type { Issue, PathSegment } from '../issues.js'
import { zodIssues } from '../zod-issues.js'
import type { SourceRef } from './types.js'

/** Where an entry of the catalog data is written: its file, its path, and how it spells our fields. */
export interface Located {
  file?: string
  path: PathSegment[]
  fields?: Record<string, PathSegment[]>
}

/** The place a source reference names, or `fallback` (a path in the normalized data) without one. */
export function locate(source: SourceRef | undefined, fallback: PathSegment[]): Located {
  if (source === undefined) return { path: fallback }
  return {
    file: source.file,
    path: [...source.path],
    ...(source.fields === undefined ? {} : { fields: source.fields }),
  }
}

/** A path below `where`, with our field names spelled as the source spells them. */
export function pathAt(where: Located, relative: readonly PathSegment[]): PathSegment[] {
  const [first, ...rest] = relative
  if (typeof first !== 'string') return [...where.path, ...relative]
  // own array entries only: the source comes from unchecked data (`toString`, `{ id: 5 }`)
  const spelled =
    where.fields !== undefined && Object.hasOwn(where.fields, first)
      ? where.fields[first]
      : undefined
  return [...where.path, ...(Array.isArray(spelled) ? spelled : [first]), ...rest]
}

/** An issue at a path below `where`. */
export function issueAt(
  where: Located,
  relative: PathSegment[],
  fields: Omit<Issue, 'path' | 'file'>,
): Issue {
  return {
    ...fields,
    ...(where.file === undefined ? {} : { file: where.file }),
    path: pathAt(where, relative),
  }
}

/** zod's issues as ours, at paths below `where`; `refine` sees our field names. */
export function zodIssuesAt(
  where: Located,
  issues: Parameters<typeof zodIssues>[0],
  refine: (issue: Issue) => Issue = (issue) => issue,
): Issue[] {
  // refine sees our field names, before they are spelled as the source spells them
  return zodIssues(issues, where.file === undefined ? {} : { file: where.file }).map((issue) => {
    const refined = refine(issue)
    return { ...refined, path: pathAt(where, refined.path) }
  })
}

/** The source reference an unchecked catalog value carries, when it is well formed. */
export function sourceOf(value: unknown): SourceRef | undefined {
  if (typeof value !== 'object' || value === null || !('source' in value)) return undefined
  const source = value.source
  if (typeof source !== 'object' || source === null) return undefined
  const { file, path, fields } = source as { file?: unknown; path?: unknown; fields?: unknown }
  // unchecked data: a path of anything but strings and numbers is not a place we can name
  if (typeof file !== 'string' || !isPath(path)) return undefined
  if (typeof fields !== 'object' || fields === null) return { file, path }
  const spelled = Object.entries(fields).filter((entry): entry is [string, PathSegment[]] =>
    isPath(entry[1]),
  )
  return { file, path, fields: Object.fromEntries(spelled) }
}

function isPath(value: unknown): value is PathSegment[] {
  return (
    Array.isArray(value) &&
    value.every((segment) => typeof segment === 'string' || typeof segment === 'number')
  )
}

/** A location as a sentence says it: `items/3`, or `the top`. */
export function describeLocation(where: Located): string {
  return where.path.length === 0 ? 'the top' : where.path.map(String).join('/')
}
