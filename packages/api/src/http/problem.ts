/**
 * RFC 9457 problem documents: every error the API returns is one of these, never a stack trace.
 */

/** one invalid input: where (a JSON path into the request) and what is wrong */
export interface InvalidParam {
  /** `body.basins[1].size`, `query.page`, `params.id` */
  path: string
  message: string
  code?: string
}

/** An RFC 9457 problem document with our extensions. */
export interface Problem {
  /** a stable URI naming the kind of problem; clients switch on it */
  type: string
  title: string
  status: number
  detail: string
  instance?: string
  requestId?: string
  errors?: InvalidParam[]
  [extension: string]: unknown
}

/** The kinds of problem: their `type` URI suffix, title and status. */
export const PROBLEMS = {
  validation: { status: 400, title: 'The request is not valid' },
  unauthenticated: { status: 401, title: 'Authentication is required' },
  forbidden: { status: 403, title: 'Permission denied' },
  notFound: { status: 404, title: 'Not found' },
  methodNotAllowed: { status: 405, title: 'Method not allowed' },
  notAcceptable: { status: 406, title: 'Not acceptable' },
  conflict: { status: 409, title: 'Conflict' },
  preconditionFailed: { status: 412, title: 'Precondition failed' },
  preconditionRequired: { status: 428, title: 'Precondition required' },
  idempotencyInProgress: {
    status: 409,
    title: 'A request with this idempotency key is in progress',
  },
  payloadTooLarge: { status: 413, title: 'Payload too large' },
  unsupportedMediaType: { status: 415, title: 'Unsupported media type' },
  contentMismatch: { status: 415, title: 'The content is not of its declared type' },
  invalidConfiguration: { status: 422, title: 'The configuration is not valid' },
  idempotencyMismatch: { status: 422, title: 'Idempotency key reused with a different request' },
  locked: { status: 423, title: 'The account is locked' },
  tooManyRequests: { status: 429, title: 'Too many requests' },
  internal: { status: 500, title: 'Internal server error' },
  unavailable: { status: 503, title: 'Service unavailable' },
} as const

export type ProblemKind = keyof typeof PROBLEMS

const TYPE_BASE = 'https://torvan.dev/problems/'

function kebab(kind: string): string {
  return kind.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)
}

/** The `type` URI of a kind of problem, e.g. `https://torvan.dev/problems/not-found`. */
export function problemType(kind: ProblemKind): string {
  return `${TYPE_BASE}${kebab(kind)}`
}

/** An error a handler throws to answer with a problem document. */
export class ProblemError extends Error {
  readonly kind: ProblemKind
  readonly extensions: Record<string, unknown>
  readonly headers: Record<string, string>

  constructor(
    kind: ProblemKind,
    detail: string,
    options: { extensions?: Record<string, unknown>; headers?: Record<string, string> } = {},
  ) {
    super(detail)
    this.name = 'ProblemError'
    this.kind = kind
    this.extensions = options.extensions ?? {}
    this.headers = options.headers ?? {}
  }

  /** the status code of this kind of problem */
  get status(): number {
    return PROBLEMS[this.kind].status
  }
}

/** Builds the problem document for a kind, a detail sentence and extensions. */
export function problem(
  kind: ProblemKind,
  detail: string,
  extensions: Record<string, unknown> = {},
): Problem {
  const { status, title } = PROBLEMS[kind]
  return { type: problemType(kind), title, status, detail, ...extensions }
}
