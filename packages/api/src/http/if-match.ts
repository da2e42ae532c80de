import type { Context } from 'hono'
import { ProblemError } from './problem.js'
import type { AppEnv } from './route.js'

/**
 * The version a write names: the `If-Match` header (`"3"`, as the ETag reads) or a `version` field.
 * A write that names neither is a 428 problem, one that names both and different versions a 412;
 * `what` names the resource in the sentences ("the customer").
 */
export function versionFromIfMatch(
  c: Context<AppEnv>,
  field: number | undefined,
  what: string,
): number {
  const header = c.req.header('If-Match')
  if (header !== undefined) {
    const match = /^(?:W\/)?"?(\d+)"?$/.exec(header.trim())
    if (match?.[1] === undefined) {
      throw new ProblemError(
        'validation',
        `If-Match must be ${what}'s ETag, such as "3"; received ${header}.`,
      )
    }
    const version = Number(match[1])
    if (field !== undefined && field !== version) {
      throw new ProblemError(
        'preconditionFailed',
        `If-Match names version ${version} of ${what} and the body's "version" ${field}: send one, or the same in both.`,
      )
    }
    return version
  }
  if (field !== undefined) return field
  throw new ProblemError(
    'preconditionRequired',
    `Name the version of ${what} you read: send "If-Match" with its ETag, or a "version" field.`,
  )
}

/**
 * The order version a write names: the `If-Match` header (`"3"`, as the ETag reads) or a `version`
 * field. A write that names neither is a 428 problem; both, and different, a 412.
 */
export function expectedVersion(c: Context<AppEnv>, field: number | undefined): number {
  return versionFromIfMatch(c, field, 'the order')
}
