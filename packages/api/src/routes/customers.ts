import { and, asc, count, eq, ilike, or, sql } from 'drizzle-orm'
import { z } from 'zod'
import { RowId } from '../http/row-id.js'
import { writeAudit } from '../audit.js'
import type { Executor } from '../db/open.js'
import { customers, customerStatus } from '../db/schema/index.js'
import { emitEvent } from '../events/emit.js'
import { versionFromIfMatch } from '../http/if-match.js'
import { ProblemError } from '../http/problem.js'
import { defineRoute } from '../http/route.js'

const STATUSES = customerStatus.enumValues

const AddressSchema = z.strictObject({
  lines: z.array(z.string().trim().min(1).max(200)).min(1).max(4),
  city: z.string().trim().min(1).max(100),
  region: z.string().trim().min(1).max(100).optional(),
  postalCode: z.string().trim().min(1).max(20).optional(),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/, 'expected an ISO 3166-1 alpha-2 country code such as "US"'),
})

const Code = z
  .string()
  .regex(
    /^[A-Z0-9][A-Z0-9._-]{1,19}$/,
    'a customer code is 2–20 upper-case letters, digits, ".", "_" or "-"',
  )

/** the fields a customer is created with and edited by */
const Fields = {
  code: Code,
  name: z.string().trim().min(1).max(300),
  contactName: z.string().trim().min(1).max(200).nullable(),
  email: z.email().nullable(),
  phone: z.string().max(50).nullable(),
  address: z.string().max(1000).nullable(),
  billingAddress: AddressSchema.nullable(),
  shippingAddress: AddressSchema.nullable(),
  paymentTermsDays: z.number().int().min(0).max(365),
  taxExempt: z.boolean(),
  erpId: z.string().trim().min(1).max(50).nullable(),
  status: z.enum(STATUSES),
}

const Customer = z.object({
  id: z.number(),
  code: z.string().nullable(),
  name: z.string(),
  contactName: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  address: z.string().nullable(),
  billingAddress: AddressSchema.nullable(),
  shippingAddress: AddressSchema.nullable(),
  paymentTermsDays: z.number(),
  taxExempt: z.boolean(),
  erpId: z.string().nullable(),
  status: z.enum(STATUSES),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
})
type CustomerView = z.infer<typeof Customer>

const IdParams = z.object({ id: RowId })

function view(row: typeof customers.$inferSelect): CustomerView {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    contactName: row.contactName,
    email: row.email,
    phone: row.phone,
    address: row.address,
    billingAddress: row.billingAddress,
    shippingAddress: row.shippingAddress,
    paymentTermsDays: row.paymentTermsDays,
    taxExempt: row.taxExempt,
    erpId: row.erpId,
    status: row.status,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  }
}

function etag(version: number): Record<string, string> {
  return { ETag: `"${version}"` }
}

/** PostgreSQL's unique violation on the customer code, as a 409 problem */
function codeTaken(error: unknown, code: string | undefined): never {
  const cause = (error as { cause?: { code?: string } }).cause ?? (error as { code?: string })
  if (code !== undefined && cause.code === '23505') {
    throw new ProblemError('conflict', `The customer code "${code}" is taken.`)
  }
  throw error
}

async function readCustomer(db: Executor, id: number, lock = false) {
  const query = db.select().from(customers).where(eq(customers.id, id))
  const [row] = lock ? await query.for('update') : await query
  if (row === undefined) throw new ProblemError('notFound', `There is no customer ${id}.`)
  return row
}

/** Customers: the hospitals and distributors orders are for. */
export const customerRoutes = [
  defineRoute({
    method: 'get',
    path: '/customers',
    summary: 'Customers, by name; `q` matches code, name, contact or e-mail',
    tag: 'Customers',
    access: 'customers:read',
    query: z.strictObject({
      q: z.string().max(200).optional(),
      status: z.enum(STATUSES).optional(),
      page: z.coerce.number().int().min(1).max(100_000).default(1),
      pageSize: z.coerce.number().int().min(1).max(500).default(100),
    }),
    response: {
      status: 200,
      description: 'One page of customers',
      schema: z.object({
        customers: z.array(Customer),
        page: z.number(),
        pageSize: z.number(),
        total: z.number(),
      }),
    },
    handler: async ({ query, services }) => {
      const text = query.q?.trim() ?? ''
      const pattern = `%${text.toLowerCase().replace(/[\\%_]/g, '\\$&')}%`
      const where = and(
        text === ''
          ? undefined
          : or(ilike(customers.searchText, pattern), ilike(customers.email, pattern)),
        query.status === undefined ? undefined : eq(customers.status, query.status),
      )
      const [rows, totals] = await Promise.all([
        services.db
          .select()
          .from(customers)
          .where(where)
          .orderBy(asc(customers.name), asc(customers.id))
          .limit(query.pageSize)
          .offset((query.page - 1) * query.pageSize),
        services.db.select({ total: count() }).from(customers).where(where),
      ])
      return {
        body: {
          customers: rows.map(view),
          page: query.page,
          pageSize: query.pageSize,
          total: totals[0]?.total ?? 0,
        },
      }
    },
  }),
  defineRoute({
    method: 'post',
    path: '/customers',
    summary: 'Create a customer (the code is generated from the id when not given)',
    tag: 'Customers',
    access: 'customers:manage',
    example: () => ({
      name: 'Northside Clinic',
      contactName: 'Ann Lee',
      email: 'purchasing@northside.example',
      paymentTermsDays: 30,
    }),
    idempotent: true,
    body: z.strictObject({
      ...Fields,
      code: Fields.code.optional(),
      contactName: Fields.contactName.optional(),
      email: z.email().optional(),
      phone: z.string().max(50).optional(),
      address: z.string().max(1000).optional(),
      billingAddress: Fields.billingAddress.optional(),
      shippingAddress: Fields.shippingAddress.optional(),
      paymentTermsDays: Fields.paymentTermsDays.default(30),
      taxExempt: Fields.taxExempt.default(false),
      erpId: Fields.erpId.optional(),
      status: Fields.status.default('ACTIVE'),
    }),
    response: { status: 201, description: 'The new customer', schema: Customer },
    problems: [409],
    handler: async ({ body, user, services, requestId }) => {
      const actor = user
      const now = services.now()
      const created = await services.db
        .transaction(async (tx) => {
          const [row] = await tx
            .insert(customers)
            .values({ ...body, createdAt: now, updatedAt: now })
            .returning()
          if (row === undefined) throw new Error('the customer insert returned no row')
          let stored = row
          if (row.code === null) {
            const [coded] = await tx
              .update(customers)
              .set({ code: `C-${String(row.id).padStart(5, '0')}` })
              .where(eq(customers.id, row.id))
              .returning()
            if (coded === undefined) throw new Error('the customer code update returned no row')
            stored = coded
          }
          await writeAudit(tx, {
            action: 'customer.create',
            entity: 'customer',
            entityId: stored.id,
            userId: actor.id,
            after: view(stored),
            requestId,
          })
          await emitEvent(tx, {
            type: 'customer.created',
            userId: actor.id,
            payload: { customer: view(stored) },
            requestId,
          })
          return view(stored)
        })
        .catch((error: unknown) => codeTaken(error, body.code))
      return {
        status: 201,
        body: created,
        headers: { Location: `/customers/${created.id}`, ...etag(created.version) },
      }
    },
  }),
  defineRoute({
    method: 'get',
    path: '/customers/{id}',
    summary: 'One customer; the ETag is its version',
    tag: 'Customers',
    access: 'customers:read',
    params: IdParams,
    response: { status: 200, description: 'The customer', schema: Customer },
    problems: [404],
    handler: async ({ params, services }) => {
      const row = await readCustomer(services.db, params.id)
      return { body: view(row), headers: etag(row.version) }
    },
  }),
  defineRoute({
    method: 'patch',
    path: '/customers/{id}',
    summary: 'Change a customer (needs the version read: If-Match or a version field)',
    description:
      'Only the fields sent change; null clears an optional field. A stale version is a 412 problem, a missing one 428. Blocking a customer refuses their new orders; existing orders go on.',
    tag: 'Customers',
    access: 'customers:manage',
    example: () => ({ version: 1, contactName: 'Ann Lee', paymentTermsDays: 45 }),
    versioned: true,
    params: IdParams,
    body: z.strictObject({ version: z.number().int().positive().optional(), ...Fields }).partial(),
    response: { status: 200, description: 'The customer as changed', schema: Customer },
    problems: [404, 409, 412, 428],
    handler: async ({ params, body, user, services, requestId, c }) => {
      const actor = user
      const { version, ...fields } = body
      const expected = versionFromIfMatch(c, version, 'the customer')
      const changed = await services.db
        .transaction(async (tx) => {
          const row = await readCustomer(tx, params.id, true)
          if (row.version !== expected) {
            throw new ProblemError(
              'preconditionFailed',
              `Customer ${row.code ?? row.id} has changed since you read it (you have version ${expected}, it is at ${row.version}): read it again and redo the change.`,
              { extensions: { currentVersion: row.version } },
            )
          }
          const set = Object.fromEntries(
            Object.entries(fields).filter(([, value]) => value !== undefined),
          )
          const [updated] = await tx
            .update(customers)
            .set({ ...set, version: sql`${customers.version} + 1`, updatedAt: services.now() })
            .where(eq(customers.id, row.id))
            .returning()
          if (updated === undefined) throw new Error('the customer update returned no row')
          await writeAudit(tx, {
            action: 'customer.update',
            entity: 'customer',
            entityId: row.id,
            userId: actor.id,
            before: view(row),
            after: view(updated),
            requestId,
          })
          await emitEvent(tx, {
            type: 'customer.updated',
            userId: actor.id,
            payload: {
              customer: view(updated),
              changed: Object.keys(set).sort(),
            },
            requestId,
          })
          return view(updated)
        })
        .catch((error: unknown) => codeTaken(error, fields.code))
      return { body: changed, headers: etag(changed.version) }
    },
  }),
]
