import { LRUCache } from 'lru-cache'
import { sign, verify } from 'hono/jwt'

/**
 * What a token says: the user, the user's token version it was issued under (a password reset or a
 * deactivation increments it, revoking the token) and when it was issued and expires (seconds since
 * the epoch).
 */
export interface TokenClaims {
  sub: string
  ver: number
  iat: number
  exp: number
}

/** Signs a token for a user (HS256) under their current token version, valid for `ttlSeconds`. */
export async function issueToken(
  userId: number,
  input: { secret: string; now: Date; ttlSeconds: number; version: number },
): Promise<{ token: string; expiresAt: Date }> {
  const iat = Math.floor(input.now.getTime() / 1000)
  const exp = iat + input.ttlSeconds
  const token = await sign(
    { sub: String(userId), ver: input.version, iat, exp },
    input.secret,
    'HS256',
  )
  return { token, expiresAt: new Date(exp * 1000) }
}

/** The claims of a valid, unexpired token, or undefined for anything else. */
async function readToken(
  token: string,
  input: { secret: string; now: Date },
): Promise<TokenClaims | undefined> {
  try {
    // the times are checked here against the service's clock, not the library's
    const payload = await verify(token, input.secret, { alg: 'HS256', exp: false, iat: false })
    const { sub, ver, iat, exp } = payload
    if (
      typeof sub !== 'string' ||
      typeof ver !== 'number' ||
      typeof iat !== 'number' ||
      typeof exp !== 'number'
    )
      return undefined
    if (exp * 1000 <= input.now.getTime() || iat * 1000 > input.now.getTime() + 60_000)
      return undefined
    return { sub, ver, iat, exp }
  } catch {
    return undefined
  }
}

/**
 * Verified tokens kept until they expire, so that a signed-in user's requests verify the signature
 * once: {@link readToken} on a miss. The times are still checked on every read, and the version claim
 * is returned for the caller to compare with the user's (a password reset still revokes at once).
 *
 * @example const claims = await tokens.read(token, { secret, now })
 */
export function createTokenCache(max = 10_000): {
  read: (token: string, input: { secret: string; now: Date }) => Promise<TokenClaims | undefined>
} {
  const verified = new LRUCache<string, TokenClaims & { secret: string }>({ max })
  return {
    read: async (token, input) => {
      const known = verified.get(token)
      if (known !== undefined && known.secret === input.secret) {
        const now = input.now.getTime()
        if (known.exp * 1000 <= now || known.iat * 1000 > now + 60_000) return undefined
        return { sub: known.sub, ver: known.ver, iat: known.iat, exp: known.exp }
      }
      const claims = await readToken(token, input)
      if (claims !== undefined) verified.set(token, { ...claims, secret: input.secret })
      return claims
    },
  }
}
