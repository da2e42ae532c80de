import { currentClient } from './client-context.js'

/**
 * The address of the client that sent a request, as the client context found it (the socket's, or the
 * first `X-Forwarded-For` hop behind a trusted proxy); `unknown` where there is none, as in
 * `app.request()`. Rate limits and sign-in lockouts count by it.
 */
export function clientAddress(): string {
  const address = currentClient().ip
  if (address === null || address === '') return 'unknown'
  // an IPv4 client on a dual-stack socket
  return address.startsWith('::ffff:') ? address.slice(7) : address
}
