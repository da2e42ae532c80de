import { describe, expectTypeOf, it } from 'vitest'
import { z } from 'zod'
import type { AuthUser } from '../auth/users.js'
import type { AnyRoute } from './route.js'
import { defineRoute } from './route.js'

const base = { method: 'get', path: '/x/{id}', summary: 'x', tag: 'x' } as const
const response = { status: 200, description: 'x' }

describe('defineRoute', () => {
  it('types a guarded route’s user as signed in, and its input from its schemas', () => {
    const route = defineRoute({
      ...base,
      access: 'orders:read',
      params: z.object({ id: z.number() }),
      response,
      handler: ({ user, params }) => {
        expectTypeOf(user).toEqualTypeOf<AuthUser>()
        expectTypeOf(params).toEqualTypeOf<{ id: number }>()
        return Promise.resolve({ body: null })
      },
    })
    expectTypeOf(route).toExtend<AnyRoute>()
  })

  it('gives public and metrics routes no user', () => {
    for (const access of ['public', 'metrics'] as const) {
      defineRoute({
        ...base,
        access,
        response,
        handler: ({ user }) => {
          expectTypeOf(user).toEqualTypeOf<undefined>()
          return Promise.resolve({ body: null })
        },
      })
    }
  })
})
