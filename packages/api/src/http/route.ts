import { formatPath, zodIssues } from '@torvan/configurator-core'
import type { Context } from 'hono'
import { z } from 'zod'
import type { AuthUser } from '../auth/users.js'
import type { Permission } from '../permissions.js'
import type { Model, Services } from '../services.js'
import type { InvalidParam } from './problem.js'
import { ProblemError } from './problem.js'

/** Hono's environment for our app: the services and, once authenticated, the user. */
export interface AppEnv {
  Variables: {
    services: Services
    /** ours, generated for every request */
    requestId: string
    /** the client's own X-Request-Id, where it sent a well-formed one: for the logs only */
    clientRequestId?: string
    /** the signed-in user's id, once authenticated: for the logs */
    userId?: number
  }
}

/**
 * Who may call a route: anyone (`public`), any signed-in user (`authenticated`), users whose roles
 * grant the permission, or a scraper with the configured metrics token (`metrics`; without one
 * configured, nobody). A route must say; nothing is allowed by default.
 */
export type Access = Permission | 'public' | 'authenticated' | 'metrics'

/** The user a route's handler gets: none on public and metrics routes, the signed-in user elsewhere. */
type RouteUser<TAccess extends Access> = TAccess extends 'public' | 'metrics' ? undefined : AuthUser

/** What a handler receives: validated input, the user (absent only on public routes) and services. */
interface RouteInput<P, Q, B, TUser extends AuthUser | undefined = AuthUser | undefined> {
  params: P
  query: Q
  body: B
  user: TUser
  services: Services
  requestId: string
  c: Context<AppEnv>
}

/**
 * A JSON answer already serialised: sent as it is to users who may read prices, parsed and redacted
 * for the others, and stored as JSON by an idempotent route.
 *
 * @example return { status: 201, body: new JsonText('{"id":1}') }
 */
export class JsonText {
  constructor(readonly text: string) {}
  toJSON(): unknown {
    return JSON.parse(this.text) as unknown
  }
}

/** A JSON answer; a handler may also return a `Response` (CSV, HTML, files). */
export interface Reply {
  status?: 200 | 201 | 202 | 204
  body: unknown
  headers?: Record<string, string>
}

/**
 * One route: its method and path, who may call it, its input schemas and its handler. The type keeps
 * the input's types and the access, so that the handler of a guarded route gets its user as `AuthUser`.
 */
export interface RouteDefinition<
  P = unknown,
  Q = unknown,
  B = unknown,
  TAccess extends Access = Access,
> {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete'
  /** OpenAPI style: `/items/{id}` */
  path: string
  summary: string
  description?: string
  tag: string
  access: TAccess
  /** permissions needed besides `access`, e.g. reading the inspection a photo is added to */
  alsoNeeds?: readonly Permission[]
  /** the largest request body the route takes: 1 MB (JSON) unless an upload declares more */
  maxBodyBytes?: number
  /** a raw upload: the media types it takes, for the OpenAPI document */
  uploadTypes?: readonly string[]
  params?: z.ZodType<P>
  query?: z.ZodType<Q>
  body?: z.ZodType<B>
  /** the success answer, for the OpenAPI document */
  response: {
    status: number
    description: string
    schema?: z.ZodType
    mediaTypes?: string[]
    /**
     * an example of the JSON answer, computed from the loaded product model where it depends on it
     * (absent without one); the tests check it against `schema` and against a real answer
     */
    example?: (model: Model | undefined) => unknown
  }
  /**
   * true for creating requests: an `Idempotency-Key` header makes a retry return the first successful
   * answer instead of running again
   */
  idempotent?: boolean
  /**
   * true for writes that name the version they read: the `If-Match` header, or the body's `version`
   * where it has one (both and different is a 412)
   */
  versioned?: boolean
  /** an example of the JSON body, shown in the OpenAPI document and checked to be accepted */
  example?: () => unknown
  /** the problem statuses this route may answer with besides 400, 401, 403 and 500 */
  problems?: number[]
  // a method, so that a list of routes (AnyRoute) holds each route with its own input types
  handler(input: RouteInput<P, Q, B, RouteUser<TAccess>>): Promise<Reply | Response>
}

/** Any route, for lists of routes: what the mounting and the OpenAPI document read. */
export type AnyRoute = RouteDefinition

/**
 * Declares a route; the types of its handler's input come from its schemas, and its user from its
 * access (an `AuthUser` on every route that is not public).
 *
 * @example defineRoute({ method: 'get', path: '/health', access: 'public', ... })
 */
export function defineRoute<
  P = undefined,
  Q = undefined,
  B = undefined,
  TAccess extends Access = Access,
>(route: RouteDefinition<P, Q, B, TAccess>): RouteDefinition<P, Q, B, TAccess> {
  return route
}

/**
 * Turns zod issues into the problem document's `errors`, each path starting with where it was; with
 * the schema and its input, an unknown key gets a did-you-mean from the keys the schema knows.
 */
function invalidParams(
  issues: readonly z.core.$ZodIssue[],
  where: 'body' | 'query' | 'params',
  parsed?: { schema: z.ZodType; input: unknown },
): InvalidParam[] {
  return zodIssues(issues, parsed === undefined ? {} : { parsed }).map((issue) => ({
    path: formatPath([where, ...issue.path]),
    message: issue.hint === undefined ? issue.message : `${issue.message} (${issue.hint})`,
    code: issue.code,
  }))
}

// keys only a configuration has at its top level, never a body that wraps one
const CONFIGURATION_KEYS = ['product', 'model', 'sink', 'basins', 'legs', 'pegboard']

/** A body that takes `{ configuration }` but received what looks like the configuration itself. */
function isBareConfiguration(schema: z.ZodType, value: unknown): boolean {
  if (!(schema instanceof z.ZodObject) || !('configuration' in schema.shape)) return false
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  return !('configuration' in value) && CONFIGURATION_KEYS.some((key) => key in value)
}

/** Validates one part of a request, or throws the validation problem naming every bad path. */
export function validate<T>(
  schema: z.ZodType<T>,
  value: unknown,
  where: 'body' | 'query' | 'params',
): T {
  const parsed = schema.safeParse(value, { reportInput: true })
  if (parsed.success) return parsed.data
  if (where === 'body' && isBareConfiguration(schema, value)) {
    throw new ProblemError(
      'validation',
      'The body must be { "configuration": … }: this looks like a bare configuration; wrap it in { "configuration": … }.',
      {
        extensions: {
          errors: [
            {
              path: 'body.configuration',
              message: 'required: the configuration goes in this field',
              code: 'bare_configuration',
            },
          ],
        },
      },
    )
  }
  const errors = invalidParams(parsed.error.issues, where, { schema, input: value })
  const first = errors[0]
  throw new ProblemError(
    'validation',
    errors.length === 1 && first !== undefined
      ? `${first.path}: ${first.message}`
      : `${errors.length} problems in the request's ${where}; see errors.`,
    { extensions: { errors } },
  )
}
