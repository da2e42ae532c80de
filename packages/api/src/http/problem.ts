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
  validation: {
    status: 400,
    title: 'The request is not valid',
    example: 'The request has 1 invalid value: body.items: expected an array.',
  },
  unauthenticated: {
    status: 401,
    title: 'Authentication is required',
    example: 'Sign in first.',
  },
  forbidden: {
    status: 403,
    title: 'Permission denied',
    example:
      'Moving an order from APPROVAL to PRODUCTION needs the permission "orders:approve", which your roles do not grant.',
  },
  notFound: { status: 404, title: 'Not found', example: 'There is no order 42.' },
  methodNotAllowed: {
    status: 405,
    title: 'Method not allowed',
    example: 'DELETE is not allowed on /boms/7; it takes GET.',
  },
  notAcceptable: {
    status: 406,
    title: 'Not acceptable',
    example:
      'A BOM is available as application/json or text/csv; the request accepts only "application/pdf".',
  },
  conflict: {
    status: 409,
    title: 'Conflict',
    example:
      'Order SO-2026-0042 is in PRODUCTION: its items and configurations can change only in DRAFT or CONFIGURATION.',
  },
  preconditionFailed: {
    status: 412,
    title: 'Precondition failed',
    example:
      'Order SO-2026-0042 has changed since you read it (you have version 3, it is at 4): read it again and redo the change.',
  },
  preconditionRequired: {
    status: 428,
    title: 'Precondition required',
    example:
      'Name the version of order SO-2026-0042 you read: send "If-Match" with its ETag, or a "version" field.',
  },
  idempotencyInProgress: {
    status: 409,
    title: 'A request with this idempotency key is in progress',
    example:
      'The first request with the Idempotency-Key "5f0c8a4e-order-create-1" is still running; retry in a moment.',
  },
  payloadTooLarge: {
    status: 413,
    title: 'Payload too large',
    example: 'This request body may have at most 1048576 bytes.',
  },
  unsupportedMediaType: {
    status: 415,
    title: 'Unsupported media type',
    example: 'The body must be JSON with "Content-Type: application/json"; received text/plain.',
  },
  contentMismatch: {
    status: 415,
    title: 'The content is not of its declared type',
    example:
      'The file was sent as image/png, but its content is not image/png (nor any file type we recognise).',
  },
  invalidConfiguration: {
    status: 422,
    title: 'The configuration is not valid',
    example: 'body.configuration.sink.lengthIn: expected number >= 48, received 40',
  },
  idempotencyMismatch: {
    status: 422,
    title: 'Idempotency key reused with a different request',
    example:
      'The Idempotency-Key "5f0c8a4e-order-create-1" was used for a different request (POST /orders with another body); use a new key for a new request.',
  },
  locked: {
    status: 423,
    title: 'The account is locked',
    example:
      'Too many failed sign-ins for this username or from this address (5 in a row lock a username for 15 minutes); try again in 15 minutes, or ask an administrator to reset the password.',
  },
  tooManyRequests: {
    status: 429,
    title: 'Too many requests',
    example: 'This address sent more than 30 such requests in a minute; retry in 12 seconds.',
  },
  internal: {
    status: 500,
    title: 'Internal server error',
    example:
      'Something went wrong on our side; the request id 0f6c2d0e-8a1b-4c55-9a57-3d1c2b7e9f10 finds it in the log.',
  },
  unavailable: {
    status: 503,
    title: 'Service unavailable',
    example:
      'The request could not be completed: the database connection was lost. Retry it in a moment.',
  },
} as const satisfies Record<string, { status: number; title: string; example: string }>

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
