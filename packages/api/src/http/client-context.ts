import { AsyncLocalStorage } from 'node:async_hooks'
import type { MiddlewareHandler } from 'hono'
import { getConnInfo } from '@hono/node-server/conninfo'

/** Who is on the other end of a request: the client's address and user agent, as audit rows record them. */
export interface ClientContext {
  ip: string | null
  userAgent: string | null
  /** the request's database time so far, which the statement timer adds to (one store: cheaper) */
  database?: { seconds: number }
}

const storage = new AsyncLocalStorage<ClientContext>()

/** the longest user agent kept: a header is the client's to fill */
const MAX_USER_AGENT = 500

function remoteAddress(c: Parameters<MiddlewareHandler>[0]): string | null {
  try {
    return getConnInfo(c).remote.address ?? null
  } catch {
    // app.request() in tests and other runtimes have no socket
    return null
  }
}

/**
 * Middleware that keeps the client's address and user agent for the rest of the request, so that
 * every audit row written while it runs records them without each call site passing them on. With
 * `trustProxy`, the address is the first hop of `X-Forwarded-For` (set it only behind a proxy that
 * writes that header).
 */
export function clientContext(options: { trustProxy?: boolean } = {}): MiddlewareHandler {
  return async (c, next) => {
    const forwarded = options.trustProxy === true ? c.req.header('X-Forwarded-For') : undefined
    const ip = forwarded?.split(',')[0]?.trim().slice(0, 100) || remoteAddress(c)
    const userAgent = c.req.header('User-Agent')?.slice(0, MAX_USER_AGENT) ?? null
    await storage.run({ ip, userAgent, database: { seconds: 0 } }, next)
  }
}

/** The database-time counter of the request being served; undefined outside a request. */
export function requestDatabaseTime(): { seconds: number } | undefined {
  return storage.getStore()?.database
}

/** The client of the request being served, or nulls outside a request (command line, start-up). */
export function currentClient(): ClientContext {
  return storage.getStore() ?? { ip: null, userAgent: null }
}
