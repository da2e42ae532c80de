import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import type { TrustProxy } from './client-context.js'
import { clientContext, currentClient, trustedProxies } from './client-context.js'

function app(trustProxy: TrustProxy) {
  const hono = new Hono()
  hono.use(clientContext({ trustProxy }))
  hono.get('/', (c) => c.json(currentClient()))
  return async (peer: string, headers: Record<string, string> = {}) => {
    const answer = await hono.request(
      '/',
      { headers },
      { incoming: { socket: { remoteAddress: peer } } },
    )
    return (await answer.json()) as { ip: string; forwardedHttps: boolean }
  }
}

describe('clientContext() behind proxies', () => {
  const forwarded = {
    'X-Forwarded-For': '6.6.6.6, 203.0.113.7, 10.0.0.2',
    'X-Forwarded-Proto': 'https',
  }

  it('ignores X-Forwarded-* by default', async () => {
    expect(await app(false)('198.51.100.1', forwarded)).toMatchObject({
      ip: '198.51.100.1',
      forwardedHttps: false,
    })
  })

  it('believes only the listed proxies, and takes the nearest hop that is not one', async () => {
    const call = app(['10.0.0.0/8', '::ffff:127.0.0.1'])
    // from the proxy: 10.0.0.2 is another proxy of ours, 203.0.113.7 the client, 6.6.6.6 forged by it
    expect(await call('::ffff:10.1.2.3', forwarded)).toEqual(
      expect.objectContaining({ ip: '203.0.113.7', forwardedHttps: true }),
    )
    // straight from a client that forges the headers
    expect(await call('198.51.100.1', forwarded)).toMatchObject({
      ip: '198.51.100.1',
      forwardedHttps: false,
    })
  })

  it('refuses an entry that is neither an address nor a range, naming it', () => {
    expect(() => trustedProxies(['10.0.0.0/8', 'proxy.local'])).toThrowErrorMatchingInlineSnapshot(
      `[Error: trustedProxies(): "proxy.local" is not an IP address or CIDR range (e.g. 10.0.0.0/8); TRUST_PROXY takes a comma-separated list of them]`,
    )
    expect(() => trustedProxies(['10.0.0.0/33'])).toThrow(/not an IP address or CIDR range/)
  })
})
