/**
 * A typed client for the TORVAN configurator's HTTP API. Its types are generated from the API's OpenAPI
 * document, so every path, parameter, body and answer is checked by TypeScript; the calls are
 * [openapi-fetch](https://openapi-ts.dev/openapi-fetch/)'s (`GET`, `POST`, `PATCH`, `PUT`, `DELETE`).
 *
 * @example
 * const torvan = createTorvanClient({ baseUrl: 'http://localhost:3000' })
 * await torvan.signIn('sales', process.env.TORVAN_PASSWORD)
 * const items = expectOk(await torvan.GET('/items', { params: { query: { q: 'basin' } } }))
 *
 * @packageDocumentation
 */
import createClient from 'openapi-fetch'
import type { Client, Middleware } from 'openapi-fetch'
import { expectOk } from './problem.js'
import type { components, paths } from './schema.js'

export type { CallResult, Problem } from './problem.js'
export { expectOk, ProblemError } from './problem.js'
export type { components, operations, paths } from './schema.js'

/** A sink configuration as the API's loaded product model describes it (its JSON Schema, generated). */
export type Configuration = components['schemas']['Configuration']

/** Where the API is and how to reach it. */
export interface TorvanClientOptions {
  /** the API's root, e.g. `http://localhost:3000` */
  baseUrl: string
  /** a token from `POST /auth/login` (or call {@link TorvanClient.signIn}) */
  token?: string
  /** another fetch (a test's, or one with a proxy agent); `globalThis.fetch` by default */
  fetch?: (request: Request) => Promise<Response>
  /** headers sent with every request (not `Authorization`: the token sets it) */
  headers?: Record<string, string>
}

/** The API's calls, typed by its OpenAPI document, and the signed-in token they send. */
export interface TorvanClient extends Client<paths, 'application/json'> {
  /** Signs in (`POST /auth/login`) and sends the token with every later call; throws a ProblemError. */
  signIn: (username: string, password: string) => Promise<void>
  /** Forgets the token: later calls are anonymous. */
  signOut: () => void
  /** the bearer token calls send, if any */
  readonly token: string | undefined
}

/** A client for one API; one per user, since it keeps that user's token. */
export function createTorvanClient(options: TorvanClientOptions): TorvanClient {
  let token = options.token
  const client = createClient<paths, 'application/json'>({
    baseUrl: options.baseUrl.replace(/\/+$/, ''),
    ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
    ...(options.headers === undefined ? {} : { headers: options.headers }),
  })
  const authorise: Middleware = {
    onRequest({ request }) {
      if (token !== undefined && !request.headers.has('Authorization'))
        request.headers.set('Authorization', `Bearer ${token}`)
      return request
    },
  }
  client.use(authorise)
  const signIn = async (username: string, password: string) => {
    const signedIn = expectOk(await client.POST('/auth/login', { body: { username, password } }))
    token = signedIn.token
  }
  Object.defineProperties(client, {
    signIn: { value: signIn },
    signOut: { value: () => (token = undefined) },
    token: { get: () => token, enumerable: true },
  })
  return client as TorvanClient
}
