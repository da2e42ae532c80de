import { createHash } from 'node:crypto'
import { IncomingMessage } from 'node:http'
import type { Context, Hono, MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import type { z } from 'zod'
import type { AuthUser } from '../auth/users.js'
import { ROLES } from '../permissions.js'
import { authenticate, authenticateScraper } from './authenticate.js'
import { ProblemError } from './problem.js'
import { withoutFinancials } from './redact.js'
import { idempotent } from './idempotency.js'
import { checkInputShape } from './input-shape.js'
import type { AnyRoute, AppEnv, Reply } from './route.js'
import { JsonText, validate } from './route.js'

/** `/items/{id}` → `/items/:id` */
export function honoPath(path: string): string {
  return path.replace(/\{([^}]+)\}/g, ':$1')
}

/** the largest body a route takes unless it declares its own (`maxBodyBytes`, an upload's) */
const MAX_JSON_BODY_BYTES = 1024 * 1024

function tooLarge(maxSize: number, headers?: Record<string, string>): ProblemError {
  return new ProblemError(
    'payloadTooLarge',
    `This request body may have at most ${maxSize} bytes.`,
    headers === undefined ? {} : { headers },
  )
}

/** refuses a body over the route's limit with a 413 problem, before anything reads it */
function limitBody(maxSize: number): MiddlewareHandler<AppEnv> {
  return bodyLimit({
    maxSize,
    onError: () => {
      throw tooLarge(maxSize)
    },
  })
}

/** Node's request under the adapter; app.request() (tests, other runtimes) and HTTP/2 have none */
function incomingOf(c: Context<AppEnv>): IncomingMessage | undefined {
  const env = c.env as { incoming?: unknown; server?: { incoming?: unknown } } | undefined
  const incoming = env?.incoming ?? env?.server?.incoming
  return incoming instanceof IncomingMessage ? incoming : undefined
}

/**
 * A JSON route's limit: over Node, the body is read from Node's request itself (see
 * {@link bodyText}), which costs less than the adapter's web Request; elsewhere hono's limit.
 */
function limitJsonBody(maxSize: number): MiddlewareHandler<AppEnv> {
  const fallback = limitBody(maxSize)
  return (c, next) => {
    const incoming = incomingOf(c)
    if (incoming === undefined) return fallback(c, next)
    // a declared length over the limit is refused before a byte is read
    if (Number(incoming.headers['content-length'] ?? 0) > maxSize) throw tooLarge(maxSize)
    return next()
  }
}

/**
 * The body as text, at most `maxSize` bytes: read from Node's request when there is one (counted as
 * it arrives, so that a body without a length is stopped at the limit), decoded as the web's
 * `Request.text()` decodes it (UTF-8, a leading byte-order mark dropped).
 */
function bodyText(c: Context<AppEnv>, maxSize: number): Promise<string> {
  const incoming = incomingOf(c)
  if (incoming === undefined) return c.req.text()
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    const stop = () => {
      incoming.off('data', onData).off('end', onEnd).off('error', onError).off('close', onError)
    }
    const onData = (chunk: Buffer) => {
      size += chunk.length
      if (size <= maxSize) {
        chunks.push(chunk)
        return
      }
      // the rest is left unread, and the connection closed once the answer is sent
      stop()
      incoming.pause()
      reject(tooLarge(maxSize, { Connection: 'close' }))
    }
    const onEnd = () => {
      stop()
      resolve(new TextDecoder().decode(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks)))
    }
    // the client went away or the connection broke (an error, or a close before the end): nobody
    // reads the answer, but it is no fault here
    const onError = () => {
      stop()
      reject(new ProblemError('validation', 'The request body was cut off before its end.'))
    }
    incoming.on('data', onData).on('end', onEnd).on('error', onError).on('close', onError)
  })
}

function authorise(route: AnyRoute, user: AuthUser): void {
  if (route.access === 'authenticated' || route.access === 'public' || route.access === 'metrics')
    return
  const missing = [route.access, ...(route.alsoNeeds ?? [])].find(
    (permission) => !user.permissions.has(permission),
  )
  if (missing === undefined) return
  const roles =
    user.roles.length === 0
      ? 'you have no role'
      : `your role${user.roles.length === 1 ? '' : 's'} (${user.roles.map((code) => ROLES[code].name).join(', ')}) do${user.roles.length === 1 ? 'es' : ''} not grant it`
  throw new ProblemError(
    'forbidden',
    `${route.method.toUpperCase()} ${route.path} needs the permission "${missing}", and ${roles}.`,
    { extensions: { permission: missing } },
  )
}

async function readBody(c: Context<AppEnv>, maxSize: number): Promise<unknown> {
  const type = c.req.header('Content-Type') ?? ''
  if (!/^application\/([\w.+-]+\+)?json\b/i.test(type)) {
    throw new ProblemError(
      'unsupportedMediaType',
      `The body must be JSON with "Content-Type: application/json"; received ${type === '' ? 'no Content-Type' : `"${type}"`}.`,
    )
  }
  const text = await bodyText(c, maxSize)
  try {
    return JSON.parse(text) as unknown
  } catch (error) {
    throw new ProblemError(
      'validation',
      `The body is not valid JSON: ${(error as Error).message}.`,
      {
        extensions: { errors: [{ path: 'body', message: 'not valid JSON', code: 'invalid_json' }] },
      },
    )
  }
}

function checked<T>(schema: z.ZodType<T>, value: unknown, where: 'body' | 'query' | 'params'): T {
  checkInputShape(value, where)
  return validate(schema, value, where)
}

/**
 * Adds routes to the app. Each request's body is held to the route's limit, it is authenticated and
 * authorised against the route's declared access, its params, query and body are validated, and price
 * fields are removed from the answer for users without `financials:read`.
 */
export function mountRoutes(app: Hono<AppEnv>, routes: readonly AnyRoute[]): void {
  for (const route of routes) {
    // a GET's body is never read, and looking for one makes the node adapter build a whole Request
    const maxSize = route.maxBodyBytes ?? MAX_JSON_BODY_BYTES
    const limit: MiddlewareHandler<AppEnv> =
      route.method === 'get'
        ? (_c, next) => next()
        : route.body === undefined
          ? limitBody(maxSize)
          : limitJsonBody(maxSize)
    app.on(route.method.toUpperCase(), honoPath(route.path), limit, async (c) => {
      let user: AuthUser | undefined
      if (route.access === 'metrics') {
        authenticateScraper(c)
      } else if (route.access !== 'public') {
        user = await authenticate(c)
        c.set('userId', user.id)
        authorise(route, user)
      }
      const params =
        route.params === undefined ? undefined : checked(route.params, c.req.param(), 'params')
      const query =
        route.query === undefined ? undefined : checked(route.query, c.req.query(), 'query')
      const body =
        route.body === undefined
          ? undefined
          : checked(route.body, await readBody(c, maxSize), 'body')
      const input: HandlerInput = {
        params,
        query,
        body,
        user,
        services: c.get('services'),
        requestId: c.get('requestId'),
        c,
      }
      const key = c.req.header('Idempotency-Key')
      const reply =
        route.idempotent === true && key !== undefined && user !== undefined
          ? await replayable(route, { input, key, user })
          : await route.handler(input)
      return send(c, reply, user)
    })
  }
}

type HandlerInput = Parameters<AnyRoute['handler']>[0]

/** an idempotent route's answer: the first one for its key, replayed, or the handler's, stored */
async function replayable(
  route: AnyRoute,
  at: { input: HandlerInput; key: string; user: AuthUser },
): Promise<Reply> {
  const { input, key, user } = at
  const { c } = input
  const result = await idempotent(
    input.services.db,
    {
      key,
      user,
      method: route.method.toUpperCase(),
      path: c.req.path,
      now: input.services.now(),
      // a route without a JSON body (a photo) is the same request when its bytes are the same
      body:
        route.body === undefined
          ? {
              sha256: createHash('sha256')
                .update(new Uint8Array(await c.req.arrayBuffer()))
                .digest('hex'),
            }
          : input.body,
    },
    async (tx) => {
      // the request's writes share the transaction that stores its answer
      const first = await route.handler({ ...input, services: { ...input.services, db: tx } })
      if (first instanceof Response)
        throw new Error(`${route.path}: an idempotent route answers JSON`)
      return first
    },
  )
  return result.replayed
    ? { ...result.reply, headers: { ...result.reply.headers, 'Idempotent-Replayed': 'true' } }
    : result.reply
}

/** the handler's answer as the response: JSON without price fields unless the user may read them */
function send(c: Context<AppEnv>, reply: Reply | Response, user: AuthUser | undefined): Response {
  if (reply instanceof Response) return reply
  const financial = user?.permissions.has('financials:read') ?? false
  if (reply.body instanceof JsonText && reply.status !== 204) {
    if (financial) {
      return c.body(reply.body.text, reply.status ?? 200, {
        ...reply.headers,
        'Content-Type': 'application/json',
      })
    }
    return c.json(withoutFinancials(reply.body.toJSON()), reply.status ?? 200, reply.headers)
  }
  const payload = financial ? reply.body : withoutFinancials(reply.body)
  if (reply.status === 204) return c.body(null, 204, reply.headers)
  return c.json(payload, reply.status ?? 200, reply.headers)
}
