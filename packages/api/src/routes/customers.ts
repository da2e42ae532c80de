import { asc, eq, ilike, or } from 'drizzle-orm'
import { z } from 'zod'
import { writeAudit } from '../audit.js'
import { emitEvent } from '../events/emit.js'
import { customers } from '../db/schema.js'
import { ProblemError } from '../http/problem.js'
import { defineRoute, signedIn } from '../http/route.js'

const Customer = z.object({
  id: z.number(),
  name: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  address: z.string().nullable(),
  createdAt: z.string(),
})

function view(row: typeof customers.$inferSelect): z.infer<typeof Customer> {
  return { ...row, createdAt: row.createdAt.toISOString() }
}

/** Customers: the hospitals and distributors orders are for. */
export const customerRoutes = [
  defineRoute({
    method: 'get',
    path: '/customers',
    summary: 'Customers, by name; `q` matches name or e-mail',
    tag: 'Customers',
    access: 'customers:read',
    query: z.strictObject({ q: z.string().max(200).optional() }),
    response: {
      status: 200,
      description: 'The customers',
      schema: z.object({ customers: z.array(Customer) }),
    },
    handler: async ({ query, services }) => {
      const pattern = `%${(query.q ?? '').replace(/[\\%_]/g, '\\$&')}%`
      const rows = await services.db
        .select()
        .from(customers)
        .where(
          query.q === undefined
            ? undefined
            : or(ilike(customers.name, pattern), ilike(customers.email, pattern)),
        )
        .orderBy(asc(customers.name), asc(customers.id))
        .limit(500)
      return { body: { customers: rows.map(view) } }
    },
  }),
  defineRoute({
    method: 'post',
    path: '/customers',
    summary: 'Create a customer',
    tag: 'Customers',
    access: 'customers:manage',
    idempotent: true,
    body: z.strictObject({
      name: z.string().trim().min(1).max(300),
      email: z.email().optional(),
      phone: z.string().max(50).optional(),
      address: z.string().max(1000).optional(),
    }),
    response: { status: 201, description: 'The new customer', schema: Customer },
    handler: async ({ body, user, services, requestId }) => {
      const actor = signedIn(user)
      const created = await services.db.transaction(async (tx) => {
        const [row] = await tx
          .insert(customers)
          .values({
            name: body.name,
            email: body.email ?? null,
            phone: body.phone ?? null,
            address: body.address ?? null,
          })
          .returning()
        if (row === undefined) throw new Error('the customer insert returned no row')
        await writeAudit(tx, {
          action: 'customer.create',
          entity: 'customer',
          entityId: row.id,
          userId: actor.id,
          after: view(row),
          requestId,
        })
        await emitEvent(tx, {
          type: 'customer.created',
          userId: actor.id,
          payload: { customer: view(row) },
          requestId,
        })
        return view(row)
      })
      return { status: 201, body: created, headers: { Location: `/customers/${created.id}` } }
    },
  }),
  defineRoute({
    method: 'get',
    path: '/customers/{id}',
    summary: 'One customer',
    tag: 'Customers',
    access: 'customers:read',
    params: z.object({ id: z.coerce.number().int().positive() }),
    response: { status: 200, description: 'The customer', schema: Customer },
    problems: [404],
    handler: async ({ params, services }) => {
      const [row] = await services.db.select().from(customers).where(eq(customers.id, params.id))
      if (row === undefined)
        throw new ProblemError('notFound', `There is no customer ${params.id}.`)
      return { body: view(row) }
    },
  }),
]
