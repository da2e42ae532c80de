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
export async function readToken(
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
