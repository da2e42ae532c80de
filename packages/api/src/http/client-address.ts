import type { Context } from 'hono'

interface NodeBindings {
  incoming?: { socket?: { remoteAddress?: string } }
  server?: NodeBindings
}

/**
 * The address of the client that sent a request, as the socket knows it (`unknown` where there is no
 * socket, as in `app.request()`). A proxy's `X-Forwarded-For` is not trusted here.
 */
export function clientAddress(c: Context): string {
  const env = c.env as NodeBindings | undefined
  const bindings = env?.server ?? env
  const address = bindings?.incoming?.socket?.remoteAddress
  if (typeof address !== 'string' || address === '') return 'unknown'
  // an IPv4 client on a dual-stack socket
  return address.startsWith('::ffff:') ? address.slice(7) : address
}
