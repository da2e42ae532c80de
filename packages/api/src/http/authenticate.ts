import type { Context } from 'hono'
import type { AuthUser } from '../auth/users.js'
import type { AppEnv } from './route.js'
import { ProblemError } from './problem.js'

const CHALLENGE = { 'WWW-Authenticate': 'Bearer realm="torvan"' }

function unauthenticated(detail: string): ProblemError {
  return new ProblemError('unauthenticated', detail, { headers: CHALLENGE })
}

/** The user a request's bearer token names, or a 401 problem that says what is wrong with it. */
export async function authenticate(c: Context<AppEnv>): Promise<AuthUser> {
  const header = c.req.header('Authorization')
  if (header === undefined) {
    throw unauthenticated(
      'This endpoint needs a bearer token: POST /auth/login, then send "Authorization: Bearer <token>".',
    )
  }
  const match = /^Bearer\s+(\S+)$/i.exec(header)
  if (match?.[1] === undefined) {
    throw unauthenticated('The Authorization header must read "Bearer <token>".')
  }
  const services = c.get('services')
  const now = services.now()
  const claims = await services.tokens.read(match[1], { secret: services.tokenSecret, now })
  if (claims === undefined) {
    throw unauthenticated('The token is invalid or has expired: sign in again.')
  }
  const user = await services.authCache.read(services.db, Number(claims.sub))
  if (user === undefined || !user.active) {
    throw unauthenticated('The token belongs to a user who no longer exists or was deactivated.')
  }
  if (claims.ver !== user.tokenVersion) {
    throw unauthenticated('The token was revoked by a password reset: sign in again.')
  }
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    roles: user.roles,
    permissions: user.permissions,
  }
}
