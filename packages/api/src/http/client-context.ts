import { AsyncLocalStorage } from 'node:async_hooks'
import { BlockList, isIP } from 'node:net'
import type { MiddlewareHandler } from 'hono'
import { getConnInfo } from '@hono/node-server/conninfo'

/** Who is on the other end of a request: the client's address and user agent, as audit rows record them. */
export interface ClientContext {
  ip: string | null
  userAgent: string | null
  /** the request came over HTTPS to a trusted proxy in front (X-Forwarded-Proto: https) */
  forwardedHttps?: boolean
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

/** an IPv4 client on a dual-stack socket */
function plain(address: string): string {
  return address.startsWith('::ffff:') && isIP(address.slice(7)) === 4 ? address.slice(7) : address
}

/**
 * The proxies whose `X-Forwarded-*` headers count, from addresses and CIDR ranges
 * (`127.0.0.1,10.0.0.0/8,fd00::/8`); throws at start-up on an entry that is neither.
 *
 * @example const proxies = trustedProxies(['127.0.0.1', '10.0.0.0/8'])
 */
export function trustedProxies(entries: readonly string[]): (address: string) => boolean {
  const list = new BlockList()
  for (const entry of entries) {
    const [address = '', prefix] = entry.trim().split('/')
    const family = isIP(address)
    const bits = prefix === undefined ? undefined : Number(prefix)
    if (
      family === 0 ||
      (bits !== undefined &&
        (!Number.isInteger(bits) || bits < 0 || bits > (family === 4 ? 32 : 128)))
    ) {
      throw new Error(
        `trustedProxies(): ${JSON.stringify(entry)} is not an IP address or CIDR range (e.g. 10.0.0.0/8); TRUST_PROXY takes a comma-separated list of them`,
      )
    }
    const type = family === 4 ? 'ipv4' : 'ipv6'
    if (bits === undefined) list.addAddress(address, type)
    else list.addSubnet(address, bits, type)
  }
  return (address) => {
    const candidate = plain(address)
    const family = isIP(candidate)
    return family !== 0 && list.check(candidate, family === 4 ? 'ipv4' : 'ipv6')
  }
}

/** Which proxies to believe: none (false), any (true: only where no one else can reach the port), or a list. */
export type TrustProxy = boolean | readonly string[]

/**
 * Middleware that keeps the client's address and user agent for the rest of the request, so that
 * every audit row written while it runs records them without each call site passing them on. Behind
 * trusted proxies the address comes from `X-Forwarded-For`: with a list, only when the socket's peer
 * is on it, and then the nearest hop that is not itself a trusted proxy (hops further left are the
 * client's to forge); with `true`, the first hop.
 */
export function clientContext(options: { trustProxy?: TrustProxy } = {}): MiddlewareHandler {
  const setting = options.trustProxy ?? false
  const isTrusted = typeof setting === 'boolean' ? () => setting : trustedProxies(setting)
  const anyProxy = setting === true
  return async (c, next) => {
    const peer = remoteAddress(c)
    let ip = peer
    let forwardedHttps = false
    const trusted = anyProxy || (peer !== null && isTrusted(peer))
    if (trusted) {
      const hops = (c.req.header('X-Forwarded-For') ?? '')
        .split(',')
        .map((hop) => hop.trim().slice(0, 100))
        .filter((hop) => hop !== '')
      const client = anyProxy
        ? hops[0]
        : ([...hops].reverse().find((hop) => !isTrusted(hop)) ?? hops[0])
      if (client !== undefined) ip = client
      forwardedHttps =
        c.req.header('X-Forwarded-Proto')?.split(',')[0]?.trim().toLowerCase() === 'https'
    }
    const userAgent = c.req.header('User-Agent')?.slice(0, MAX_USER_AGENT) ?? null
    await storage.run({ ip, userAgent, forwardedHttps, database: { seconds: 0 } }, next)
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
