import type { z } from 'zod'
import type { IssueCode } from './issue-codes.js'
import { isIssueCode } from './issue-codes.js'
import type { Issue, PathSegment } from './issues.js'
import { didYouMean } from './text/suggest.js'
import { knownKeysAt } from './zod-keys.js'

function entries(count: number): string {
  return count === 1 ? '1 entry' : `${count} entries`
}

/** Describes a received value briefly: `"abc"`, `-1`, `null`, `an array`, `an object`. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing'
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  if (typeof value === 'object') return 'an object'
  if (typeof value === 'string')
    return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return String(value)
  return typeof value
}

function joinValues(values: readonly unknown[]): string {
  return values.map((v) => JSON.stringify(v)).join(' | ')
}

function bound(issue: { inclusive?: boolean }, strict: string, loose: string): string {
  return issue.inclusive === false ? strict : loose
}

type Described = { code: IssueCode; message: string; hint?: string }

type ZodIssueOf<TCode extends z.core.$ZodIssue['code']> = Extract<z.core.$ZodIssue, { code: TCode }>

/** One sentence for a zod issue: what was expected and what was received. */
function describeZodIssue(issue: z.core.$ZodIssue): Described {
  const received = describeValue(issue.input)
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined
        ? {
            code: 'required',
            message: `required: expected ${issue.expected === 'record' ? 'object' : issue.expected}`,
          }
        : {
            code: issue.code,
            message: `expected ${issue.expected === 'record' ? 'object' : issue.expected}, received ${received}`,
          }
    case 'too_small':
    case 'too_big':
      return describeSize(issue)
    case 'invalid_value':
      return describeInvalidValue(issue)
    case 'unrecognized_keys':
      return {
        code: issue.code,
        message: `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}`,
      }
    case 'invalid_format':
      return { code: issue.code, message: issue.message }
    case 'not_multiple_of':
      return {
        code: issue.code,
        message: `expected a multiple of ${String(issue.divisor)}, received ${received}`,
      }
    case 'custom': {
      const code: unknown = issue.params?.['code']
      return {
        code: typeof code === 'string' && isIssueCode(code) ? code : issue.code,
        message: issue.message,
      }
    }
    case 'invalid_union':
      return describeUnion(issue)
    case 'invalid_key':
    case 'invalid_element':
      return { code: issue.code, message: issue.message }
  }
}

/** a list, a text or a number below its minimum or above its maximum */
function describeSize(issue: ZodIssueOf<'too_small' | 'too_big'>): Described {
  const received = describeValue(issue.input)
  const small = issue.code === 'too_small'
  const limit = small ? issue.minimum : issue.maximum
  if (issue.origin === 'array')
    return {
      code: issue.code,
      message: `expected ${small ? 'at least' : 'at most'} ${entries(Number(limit))}, received ${(issue.input as unknown[] | undefined)?.length ?? 0}`,
    }
  if (issue.origin === 'string')
    return {
      code: issue.code,
      message: `expected text of ${small ? 'at least' : 'at most'} ${limit} characters, received ${received}`,
    }
  return {
    code: issue.code,
    message: `expected ${issue.origin} ${small ? bound(issue, '>', '>=') : bound(issue, '<', '<=')} ${limit}, received ${received}`,
  }
}

/** a value not among those allowed, with a did-you-mean for text */
function describeInvalidValue(issue: ZodIssueOf<'invalid_value'>): Described {
  if (issue.input === undefined) {
    return {
      code: 'required',
      message: `required: expected one of ${joinValues(issue.values)}`,
    }
  }
  const hint =
    typeof issue.input === 'string' ? didYouMean(issue.input, issue.values.map(String)) : undefined
  return {
    code: issue.code,
    message: `expected one of ${joinValues(issue.values)}, received ${describeValue(issue.input)}`,
    ...(hint === undefined ? {} : { hint }),
  }
}

/** a value no form of a union takes: a discriminated union names the values it knows */
function describeUnion(issue: ZodIssueOf<'invalid_union'>): Described {
  const received = describeValue(issue.input)
  const { options, discriminator, note } = issue as {
    options?: unknown[]
    discriminator?: string
    note?: string
  }
  if (
    note === 'No matching discriminator' &&
    Array.isArray(options) &&
    discriminator !== undefined
  ) {
    const value =
      typeof issue.input === 'object' && issue.input !== null
        ? (issue.input as Record<string, unknown>)[discriminator]
        : undefined
    const hint = typeof value === 'string' ? didYouMean(value, options.map(String)) : undefined
    return {
      code: 'invalid_value',
      message: `expected one of ${joinValues(options)}, received ${describeValue(value)}`,
      ...(hint === undefined ? {} : { hint }),
    }
  }
  // a plain union: name the kinds of value it takes when none of them matched at the top
  const expected = issue.errors.map((branch) =>
    branch.find((inner) => inner.path.length === 0 && inner.code === 'invalid_type'),
  )
  if (expected.every((inner) => inner !== undefined)) {
    const kinds = [...new Set(expected.map((inner) => (inner as { expected: string }).expected))]
    return {
      code: 'invalid_type',
      message: `expected ${kinds.join(' or ')}, received ${received}`,
    }
  }
  return { code: issue.code, message: `${received} matches none of the forms this field takes` }
}

/**
 * Turns zod issues into our issues, under `basePath` and `file`; unknown keys become one issue per key.
 *
 * @example zodIssues(result.error.issues, { file: 'parts.json', basePath: ['parts', 'X'] })
 */
export function zodIssues(
  issues: readonly z.core.$ZodIssue[],
  where: {
    file?: string | undefined
    basePath?: readonly PathSegment[]
    known?: (path: PathSegment[]) => Iterable<string>
    /** the schema and the input it parsed: unknown keys then get a did-you-mean from its keys */
    parsed?: { schema: z.ZodType; input: unknown }
  } = {},
): Issue[] {
  const out: Issue[] = []
  const base = where.basePath ?? []
  const parsed = where.parsed
  const known =
    where.known ??
    (parsed === undefined
      ? undefined
      : (path: PathSegment[]) => knownKeysAt(parsed.schema, parsed.input, path.slice(base.length)))
  for (const issue of issues) {
    const path = [...base, ...(issue.path as PathSegment[])]
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const candidates = known?.(path)
        const hint = candidates === undefined ? undefined : didYouMean(key, candidates)
        out.push({
          code: 'unknown_key',
          severity: 'error',
          message: `unknown key ${JSON.stringify(key)}`,
          path: [...path, key],
          ...(where.file === undefined ? {} : { file: where.file }),
          ...(hint === undefined ? {} : { hint }),
        })
      }
      continue
    }
    const described = describeZodIssue(issue)
    out.push({
      code: described.code,
      severity: 'error',
      message: described.message,
      path,
      ...(where.file === undefined ? {} : { file: where.file }),
      ...(described.hint === undefined ? {} : { hint: described.hint }),
    })
  }
  return out
}
