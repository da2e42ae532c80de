// @torvan/client against the API: its generated types are those of the live OpenAPI document (a stale
// client fails here; UPDATE_CLIENT=1 rewrites it, which `pnpm generate:client` does), and a whole order goes
// from DRAFT to DELIVERED through it, over a real socket, as the six roles' client apps would drive it.
import { readFile, writeFile } from 'node:fs/promises'
import type { AddressInfo } from 'node:net'
import type { ServerType } from '@hono/node-server'
import { serve } from '@hono/node-server'
import type { InspectionItem } from '@torvan/configurator-core'
import type { components, paths, TorvanClient } from '@torvan/client'
import { createTorvanClient, expectOk, ProblemError } from '@torvan/client'
import { clientTypes } from '@torvan/client/generate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { passingValue, PNG, sampleConfiguration } from './flow.js'
import type { TestApi } from './harness.js'
import { createTestApi, PASSWORD, USERS } from './harness.js'
import { MOVE_FIELDS } from './lifecycle.js'

type Phase = NonNullable<
  paths['/orders/{id}/transitions']['post']['requestBody']
>['content']['application/json']['to']
type Configuration = components['schemas']['Configuration']

const SCHEMA_FILE = new URL('../../client/src/schema.ts', import.meta.url)

let t: TestApi
let server: ServerType
let baseUrl: string

beforeAll(async () => {
  t = await createTestApi()
  server = await new Promise<ServerType>((resolve) => {
    const listening = serve({ fetch: t.api.app.fetch, port: 0, hostname: '127.0.0.1' }, () => {
      resolve(listening)
    })
  })
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}, 120_000)
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve))
  await t.close()
})

async function signedIn(username: string): Promise<TorvanClient> {
  const client = createTorvanClient({ baseUrl })
  await client.signIn(username, PASSWORD)
  return client
}

describe('@torvan/client', () => {
  it('has the generated types of the live OpenAPI document (UPDATE_CLIENT=1 rewrites them)', async () => {
    const document = (await (await t.call('GET', '/openapi.json')).json()) as object
    const generated = await clientTypes(document)
    if (process.env['UPDATE_CLIENT'] === '1') await writeFile(SCHEMA_FILE, generated)
    const stored = await readFile(SCHEMA_FILE, 'utf8')
    expect(
      stored === generated,
      'packages/client/src/schema.ts is stale: run `pnpm generate:client` and commit it',
    ).toBe(true)
  })

  it('signs in, and throws a ProblemError with the problem for a wrong password', async () => {
    const client = createTorvanClient({ baseUrl: `${baseUrl}/` })
    const failure = await client
      .signIn(USERS.SALES_MANAGER, 'not-the-password')
      .catch((error: unknown) => error)
    expect(failure).toBeInstanceOf(ProblemError)
    expect((failure as ProblemError).status).toBe(401)
    expect((failure as ProblemError).problem.type).toMatch(/^https?:\/\//)
    expect(client.token).toBeUndefined()
    const anonymous = await client.GET('/me')
    expect(anonymous.response.status).toBe(401)
    await client.signIn(USERS.SALES_MANAGER, PASSWORD)
    expect(client.token).toEqual(expect.any(String))
    expect(expectOk(await client.GET('/me')).username).toBe(USERS.SALES_MANAGER)
    client.signOut()
    expect((await client.GET('/me')).response.status).toBe(401)
  })

  it('drives an order from DRAFT to DELIVERED', async () => {
    const sales = await signedIn(USERS.SALES_MANAGER)
    const production = await signedIn(USERS.PRODUCTION_MANAGER)
    const qc = await signedIn(USERS.QC_INSPECTOR)
    const admin = await signedIn(USERS.ADMIN)

    const customer = expectOk(
      await sales.POST('/customers', { body: { name: 'Typed Client Hospital' } }),
    )
    let order = expectOk(await sales.POST('/orders', { body: { customerId: customer.id } }))
    const move = async (client: TorvanClient, to: Phase) => {
      order = expectOk(
        await client.POST('/orders/{id}/transitions', {
          params: { path: { id: order.id } },
          headers: { 'If-Match': `"${order.version}"` },
          body: { to, reason: `to ${to}`, ...MOVE_FIELDS[to] },
        }),
      )
      expect(order.phase).toBe(to)
    }
    await move(sales, 'CONFIGURATION')
    order = expectOk(
      await sales.POST('/orders/{id}/items', {
        params: { path: { id: order.id } },
        headers: { 'If-Match': `"${order.version}"` },
        body: {
          buildNumber: 'B-7001',
          // read from a file: the API, not the compiler, checks it
          configuration: (await sampleConfiguration('t2-b1-minimal')) as Configuration,
        },
      }),
    )
    const [sink] = order.items
    if (sink?.bomId == null) throw new Error('the order has no sink with a BOM')
    const bom = expectOk(await sales.GET('/boms/{id}', { params: { path: { id: sink.bomId } } }))
    expect(Object.keys(bom.document)).toContain('lines')
    await move(sales, 'APPROVAL')
    await move(production, 'PRODUCTION')

    const { tasks } = expectOk(
      await production.GET('/tasks', { params: { query: { orderId: order.id } } }),
    )
    expect(tasks.length).toBeGreaterThan(0)
    for (const task of tasks) {
      let version = task.version
      const patch = async (body: Record<string, unknown>) => {
        const updated = expectOk(
          await production.PATCH('/tasks/{id}', {
            params: { path: { id: task.id } },
            body: { version, ...body },
          }),
        )
        version = updated.version
      }
      await patch({ status: 'IN_PROGRESS' })
      if (task.qcKind !== null)
        await inspect(qc, { orderItemId: task.orderItemId, taskId: task.id })
      await patch({ status: 'COMPLETED', actualHours: 0.5 })
    }
    await move(production, 'QUALITY_CONTROL')
    const final = await inspect(qc, { orderItemId: sink.id, template: 't2-final-qc' })
    expectOk(
      await admin.POST('/inspections/{id}/approval', {
        params: { path: { id: final } },
        body: { decision: 'APPROVE' },
      }),
    )
    await move(qc, 'PACKAGING')
    await move(production, 'SHIPPING')
    await move(production, 'DELIVERED')

    const history = expectOk(
      await sales.GET('/orders/{id}/history', { params: { path: { id: order.id } } }),
    )
    expect(JSON.stringify(history)).toContain('DELIVERED')
  })
})

/** Starts an inspection, answers every row with a passing value, adds the photos it asks for, submits it. */
async function inspect(
  qc: TorvanClient,
  input: { orderItemId: number; taskId?: number; template?: string },
): Promise<number> {
  const { orderItemId, ...body } = input
  const inspection = expectOk(
    await qc.POST('/order-items/{id}/inspections', {
      params: { path: { id: orderItemId } },
      body: body,
    }),
  )
  for (const row of inspection.items) {
    const definition = row.definition as unknown as InspectionItem
    if (definition.kind === 'PROC') continue
    expectOk(
      await qc.PUT('/inspections/{id}/items/{key}', {
        params: { path: { id: inspection.id, key: row.key } },
        body: { value: passingValue(definition) },
      }),
    )
    for (let n = 0; n < (definition.photos ?? 0); n++) {
      expectOk(
        await qc.POST('/inspections/{id}/photos', {
          params: {
            path: { id: inspection.id },
            query: { filename: `${row.key}-${n}.png`, row: row.key },
          },
          // the document's `format: binary` is a string to openapi-typescript; openapi-fetch sends the bytes
          body: PNG as unknown as string,
          bodySerializer: (bytes: unknown) => bytes,
          headers: { 'Content-Type': 'image/png' },
        }),
      )
    }
  }
  const submitted = expectOk(
    await qc.POST('/inspections/{id}/submit', {
      params: { path: { id: inspection.id } },
      body: { signature: 'Q. Inspector' },
    }),
  )
  expect(submitted.result).toBe('PASS')
  return inspection.id
}
