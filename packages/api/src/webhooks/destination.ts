import { lookup } from 'node:dns/promises'
import { BlockList, isIP } from 'node:net'

/** Loopback, private, link-local and other non-public ranges a webhook must not reach. */
const INTERNAL = new BlockList()
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  INTERNAL.addSubnet(network, prefix, 'ipv4')
}
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  INTERNAL.addSubnet(network, prefix, 'ipv6')
}

/** Why a webhook URL is refused, as a sentence; undefined when it is acceptable. */
export function checkWebhookUrl(
  value: string,
  allowedHosts: ReadonlySet<string>,
): string | undefined {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return `expected an absolute http or https URL, received ${JSON.stringify(value)}`
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return `expected an http or https URL, received the scheme ${url.protocol.slice(0, -1)}`
  }
  if (url.username !== '' || url.password !== '') {
    return 'a webhook URL carries no user name or password: receivers verify the signature instead'
  }
  const host = hostOf(url)
  if (!allowedHosts.has(host) && isInternalAddress(host)) {
    return `${host} is a loopback or private address; a webhook cannot reach the internal network unless WEBHOOK_ALLOWED_HOSTS names it`
  }
  return undefined
}

/** The URL's host name without IPv6 brackets, lowercased. */
function hostOf(url: URL): string {
  return url.hostname.replace(/^\[|\]$/g, '').toLowerCase()
}

/** True for an IP literal in a loopback or private range, and for `localhost`. */
export function isInternalAddress(host: string): boolean {
  if (host === 'localhost' || host.endsWith('.localhost')) return true
  const family = isIP(host)
  if (family === 0) return false
  return INTERNAL.check(host, family === 4 ? 'ipv4' : 'ipv6')
}

/**
 * Refuses a delivery whose host now resolves to an internal address (a name that pointed outside
 * when the webhook was made may not any more); allowed hosts are exempt.
 */
export async function checkDestination(
  url: URL,
  allowedHosts: ReadonlySet<string>,
): Promise<string | undefined> {
  const host = hostOf(url)
  if (allowedHosts.has(host)) return undefined
  if (isInternalAddress(host)) return `${host} is a loopback or private address`
  if (isIP(host) !== 0) return undefined
  const addresses = await lookup(host, { all: true })
  const internal = addresses.find((address) => isInternalAddress(address.address))
  return internal === undefined
    ? undefined
    : `${host} resolves to ${internal.address}, a loopback or private address`
}
