import { z } from 'zod'
import { login } from '../auth/login.js'
import { clientAddress } from '../http/client-address.js'
import { defineRoute } from '../http/route.js'

const Login = z.strictObject({
  username: z.string().min(1).max(100),
  password: z.string().min(1).max(1000),
})

const Me = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(z.string()),
  permissions: z.array(z.string()),
})

/** Signing in and finding out who you are. */
export const authRoutes = [
  defineRoute({
    method: 'post',
    path: '/auth/login',
    summary: 'Sign in: a bearer token for the other endpoints',
    description: `Five failed sign-ins in a row for a username (whether or not it exists), or twenty from one address within 15 minutes, lock it for 15 minutes (423); sign-ins are also rate-limited per address (429).`,
    tag: 'Auth',
    access: 'public',
    example: () => ({ username: 'sales', password: 'demo-password-0123' }),
    body: Login,
    response: {
      status: 200,
      description: 'A signed token and when it expires',
      schema: z.object({
        token: z.string(),
        tokenType: z.literal('Bearer'),
        expiresAt: z.string(),
      }),
      example: () => ({
        token:
          'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIyIiwidmVyIjoxLCJleHAiOjE3OTY3NzQ0MDB9.3q2-7wYbF7ihm2x3sXXrY1nOJ0hRj0Cx0oTqV2yH2Xc',
        tokenType: 'Bearer',
        expiresAt: '2026-12-03T21:00:00.000Z',
      }),
    },
    problems: [423],
    handler: async ({ body, services, requestId }) => {
      const { token, expiresAt } = await login(services.db, body, {
        clientAddress: clientAddress(),
        secret: services.tokenSecret,
        now: services.now(),
        ttlSeconds: services.tokenTtlSeconds,
        requestId,
        onFailure: services.metrics.signInFailed,
      })
      return { body: { token, tokenType: 'Bearer', expiresAt: expiresAt.toISOString() } }
    },
  }),
  defineRoute({
    method: 'get',
    path: '/me',
    summary: 'The signed-in user, their roles and permissions',
    tag: 'Auth',
    access: 'authenticated',
    response: { status: 200, description: 'The signed-in user', schema: Me },
    handler: ({ user: me }) => {
      return Promise.resolve({
        body: {
          id: me.id,
          username: me.username,
          displayName: me.displayName,
          roles: me.roles,
          permissions: [...me.permissions].sort(),
        },
      })
    },
  }),
]
