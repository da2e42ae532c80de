import { readFile } from 'node:fs/promises'
import { asc, inArray, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { boms } from '../src/db/schema/index.js'
import type { TestApi } from './harness.js'
import { createTestApi, json } from './harness.js'

let t: TestApi
let sales = ''
let service = ''

interface Customer {
  id: number
  code: string
  name: string
  contactName: string | null
  status: string
  version: number
  billingAddress: unknown
}

interface Order {
  id: number
  version: number
  language: string
  items: { id: number; bomId: number; bomRevision: number }[]
}

beforeAll(async () => {
  t = await createTestApi()
  sales = await t.token('sales')
  service = await t.token('service')
}, 120_000)
afterAll(async () => {
  await t.close()
})

async function createCustomer(body: Record<string, unknown>): Promise<Customer> {
  const response = await t.call('POST', '/customers', { token: sales, body })
  expect(response.status, await response.clone().text()).toBe(201)
  return json<Customer>(response)
}

async function config(name: string): Promise<Record<string, unknown>> {
  const url = new URL(`../../../fixtures/configs/${name}.json`, import.meta.url)
  const configuration = JSON.parse(await readFile(url, 'utf8')) as Record<string, unknown>
  delete configuration['buildNumber']
  delete configuration['language']
  return configuration
}

describe('customers', () => {
  it('stores the structured fields and generates a code when none is given', async () => {
    const created = await createCustomer({
      name: 'St. Olaf Hospital',
      contactName: 'Rose Nylund',
      email: 'rose@stolaf.example',
      billingAddress: { lines: ['1 Main St'], city: 'St. Olaf', region: 'MN', country: 'US' },
      paymentTermsDays: 45,
      taxExempt: true,
      erpId: 'ERP-77',
    })
    expect(created).toMatchObject({
      code: `C-${String(created.id).padStart(5, '0')}`,
      contactName: 'Rose Nylund',
      status: 'ACTIVE',
      version: 1,
      billingAddress: { lines: ['1 Main St'], city: 'St. Olaf', region: 'MN', country: 'US' },
    })
    const duplicate = await t.call('POST', '/customers', {
      token: sales,
      body: { name: 'Another', code: created.code },
    })
    expect(duplicate.status).toBe(409)
    expect((await json(duplicate))['detail']).toBe(`The customer code "${created.code}" is taken.`)
  })

  it('refuses a bad address with the path of each problem', async () => {
    const response = await t.call('POST', '/customers', {
      token: sales,
      body: { name: 'X', shippingAddress: { lines: [], city: 'Y', country: 'usa' } },
    })
    expect(response.status).toBe(400)
    const paths = (await json<{ errors: { path: string }[] }>(response)).errors.map((e) => e.path)
    expect(paths).toEqual(['body.shippingAddress.lines', 'body.shippingAddress.country'])
  })

  it('finds customers by code, name and contact', async () => {
    const a = await createCustomer({
      name: 'Mercy General',
      code: 'MERCY-01',
      contactName: 'Ann Lee',
    })
    await createCustomer({ name: 'Lakeside Clinic', contactName: 'Bob Marsh' })
    const find = async (q: string) => {
      const response = await t.call('GET', `/customers?q=${encodeURIComponent(q)}`, {
        token: service,
      })
      return (await json<{ customers: Customer[] }>(response)).customers.map((c) => c.name)
    }
    expect(await find('mercy-0')).toEqual(['Mercy General'])
    expect(await find('ann le')).toEqual(['Mercy General'])
    expect(await find('lakeside')).toEqual(['Lakeside Clinic'])
    expect(await find('50%_')).toEqual([])
    expect(a.code).toBe('MERCY-01')
  })

  it('edits a customer with If-Match: a stale version is 412, a missing one 428, each edit audited', async () => {
    const created = await createCustomer({ name: 'Golden Care', contactName: 'Dorothy' })
    const path = `/customers/${created.id}`
    const missing = await t.call('PATCH', path, { token: sales, body: { name: 'X' } })
    expect(missing.status).toBe(428)
    const changed = await t.call('PATCH', path, {
      token: sales,
      body: { contactName: 'Blanche', paymentTermsDays: 60 },
      headers: { 'If-Match': '"1"' },
    })
    expect(changed.status).toBe(200)
    expect(changed.headers.get('ETag')).toBe('"2"')
    expect(await json(changed)).toMatchObject({
      contactName: 'Blanche',
      paymentTermsDays: 60,
      version: 2,
    })
    const stale = await t.call('PATCH', path, {
      token: sales,
      body: { contactName: 'Sophia' },
      headers: { 'If-Match': '"1"' },
    })
    expect(stale.status).toBe(412)
    expect((await json(stale))['detail']).toBe(
      `Customer ${created.code} has changed since you read it (you have version 1, it is at 2): read it again and redo the change.`,
    )
    const denied = await t.call('PATCH', path, {
      token: service,
      body: { name: 'Y' },
      headers: { 'If-Match': '"2"' },
    })
    expect(denied.status).toBe(403)
    const history = await t.call('GET', `${path}/audit`, { token: service })
    const entries = (await json<{ entries: { action: string; changed: string[] }[] }>(history))
      .entries
    expect(entries.map((e) => e.action)).toEqual(['customer.update', 'customer.create'])
    expect(entries[0]?.changed).toEqual(['contactName', 'paymentTermsDays', 'updatedAt', 'version'])
  })

  it('refuses a new order for a blocked customer, and takes one again once unblocked', async () => {
    const created = await createCustomer({ name: 'Shady Pines', status: 'BLOCKED' })
    const refused = await t.call('POST', '/orders', {
      token: sales,
      body: { customerId: created.id },
    })
    expect(refused.status).toBe(409)
    expect((await json(refused))['detail']).toBe(
      `Customer ${created.code} (Shady Pines) is blocked and cannot get a new order; ask whoever manages customers to unblock them.`,
    )
    await t.call('PATCH', `/customers/${created.id}`, {
      token: sales,
      body: { status: 'ACTIVE', version: 1 },
    })
    const accepted = await t.call('POST', '/orders', {
      token: sales,
      body: { customerId: created.id },
    })
    expect(accepted.status).toBe(201)
  })
})

describe('order fields', () => {
  it('keeps due ≥ requested ≥ order date, in the route and in the database', async () => {
    const { id: customerId } = await createCustomer({ name: 'Date Checkers' })
    const early = await t.call('POST', '/orders', {
      token: sales,
      body: {
        customerId,
        orderDate: '2027-02-01',
        requestedDate: '2027-01-15',
        dueDate: '2027-01-10',
      },
    })
    expect(early.status).toBe(400)
    expect(await json(early)).toMatchObject({
      detail: '3 dates are out of order (due ≥ requested ≥ order date); see errors.',
      errors: [
        { path: 'body.requestedDate', message: '2027-01-15 is before the order date 2027-02-01' },
        { path: 'body.dueDate', message: '2027-01-10 is before the requested date 2027-01-15' },
        { path: 'body.dueDate', message: '2027-01-10 is before the order date 2027-02-01' },
      ],
    })
    const created = await t.call('POST', '/orders', {
      token: sales,
      body: {
        customerId,
        type: 'RUSH',
        orderDate: '2027-01-01',
        requestedDate: '2027-01-15',
        dueDate: '2027-01-20',
        language: 'FR',
        specialInstructions: 'Deliver to dock 4',
      },
    })
    expect(created.status).toBe(201)
    const order = await json<Order & { type: string; specialInstructions: string }>(created)
    expect(order).toMatchObject({
      type: 'RUSH',
      language: 'FR',
      specialInstructions: 'Deliver to dock 4',
    })
    const patched = await t.call('PATCH', `/orders/${order.id}`, {
      token: sales,
      body: { version: order.version, dueDate: '2027-01-14' },
    })
    expect(patched.status).toBe(400)
    await expect(
      t.api.services.db.execute(
        sql`update orders set due_date = '2027-01-02' where id = ${order.id}`,
      ),
    ).rejects.toThrow()
  })

  it('copies the order’s language into each sink and refuses a sink that says another', async () => {
    const { id: customerId } = await createCustomer({ name: 'Language School' })
    let order = await json<Order>(
      await t.call('POST', '/orders', { token: sales, body: { customerId, language: 'FR' } }),
    )
    const other = await t.call('POST', `/orders/${order.id}/items`, {
      token: sales,
      body: {
        version: order.version,
        buildNumber: '50001',
        configuration: { ...(await config('t2-b1-minimal')), language: 'SP' },
      },
    })
    expect(other.status).toBe(422)
    const added = await t.call('POST', `/orders/${order.id}/items`, {
      token: sales,
      body: {
        version: order.version,
        buildNumber: '50001',
        configuration: await config('t2-b1-minimal'),
      },
    })
    expect(added.status).toBe(201)
    order = await json<Order>(added)
    const bom = await json<{
      document: { configuration: { language: string }; lines: { id: string }[] }
    }>(await t.call('GET', `/boms/${order.items[0]?.bomId}`, { token: sales }))
    expect(bom.document.configuration.language).toBe('FR')
    expect(bom.document.lines.map((line) => line.id)).toContain('T2-STD-MANUAL-FR-KIT')
    const relanguage = await t.call('PATCH', `/orders/${order.id}`, {
      token: sales,
      body: { version: order.version, language: 'EN' },
    })
    expect(relanguage.status).toBe(409)
  })
})

describe('issue 17: a sink’s configuration changes', () => {
  it('makes each new BOM revision n+1 of the item’s previous one, with its parent', async () => {
    const { id: customerId } = await createCustomer({ name: 'Revision Chain' })
    let order = await json<Order>(
      await t.call('POST', '/orders', { token: sales, body: { customerId } }),
    )
    const base = await config('t2-b1-minimal')
    order = await json<Order>(
      await t.call('POST', `/orders/${order.id}/items`, {
        token: sales,
        body: { version: order.version, buildNumber: '60001', configuration: base },
      }),
    )
    const itemId = order.items[0]?.id
    const chain = [order.items[0]?.bomId]
    const lengths = [50, 55, 58]
    for (const lengthIn of lengths) {
      const sink = { ...(base['sink'] as Record<string, unknown>), lengthIn }
      const response = await t.call('PUT', `/orders/${order.id}/items/${itemId}`, {
        token: sales,
        body: { version: order.version, configuration: { ...base, sink } },
      })
      expect(response.status, await response.clone().text()).toBe(200)
      order = await json<Order>(response)
      chain.push(order.items[0]?.bomId)
    }
    const documents = []
    for (const id of chain) {
      const bom = await json<{
        revision: number
        document: { revision: number; parent: string | null; hashes: { content: string } }
      }>(await t.call('GET', `/boms/${id}`, { token: sales }))
      documents.push(bom.document)
    }
    expect(documents.map((d) => d.revision)).toEqual([1, 2, 3, 4])
    expect(documents.map((d) => d.parent)).toEqual([
      null,
      documents[0]?.hashes.content,
      documents[1]?.hashes.content,
      documents[2]?.hashes.content,
    ])
    const rows = await t.api.services.db
      .select({ parentId: boms.parentId })
      .from(boms)
      .where(inArray(boms.id, chain as number[]))
      .orderBy(asc(boms.id))
    expect(rows.map((row) => row.parentId)).toEqual([null, chain[0], chain[1], chain[2]])
  })

  it('puts the 700-series numbers in the consolidated order CSV', async () => {
    const { id: customerId } = await createCustomer({ name: 'CSV Numbers' })
    let order = await json<Order>(
      await t.call('POST', '/orders', { token: sales, body: { customerId } }),
    )
    order = await json<Order>(
      await t.call('POST', `/orders/${order.id}/items`, {
        token: sales,
        body: {
          version: order.version,
          buildNumber: '70001',
          configuration: await config('t2-b2-custom'),
        },
      }),
    )
    const csv = await (
      await t.call('GET', `/orders/${order.id}/bom`, {
        token: service,
        headers: { Accept: 'text/csv' },
      })
    ).text()
    const rows = csv.trim().split('\r\n').slice(1)
    expect(rows.find((row) => row.startsWith('T2-ADW-BASIN-28x22.5x10,'))).toBe(
      'T2-ADW-BASIN-28x22.5x10,"CUSTOM BASIN 28"" X 22.5"" X 10""",720.215.001,2,70001',
    )
    expect(rows.find((row) => row.startsWith('T2-ADW-PB-70.25x36,'))).toMatch(
      /,720\.215\.002,1,70001$/,
    )
  })
})
