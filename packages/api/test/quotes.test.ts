import { and, eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SELLING_PRICE_LIST } from '../src/catalog/import.js'
import { priceLists, prices } from '../src/db/schema/index.js'
import type { TestApi } from './harness.js'
import { createTestApi, json, USERS } from './harness.js'
import { fixtureConfiguration } from './lifecycle.js'

let t: TestApi
let sales = ''
let service = ''
let production = ''

interface Order {
  id: number
  number: string
  version: number
  phase: string
  items: { id: number; bomId: number }[]
}

interface QuoteBody {
  format: string
  order: { number: string; poNumber: string | null }
  customer: { name: string; code: string | null }
  issuedOn: string
  validUntil: string
  sinks: {
    buildNumber: string
    options: { name: string; value: string }[]
    bom: { level: number; id: string; quantity: string }[]
    prices?: { unitPrice: string; lines: { id: string; unitPrice: string | null }[] }
  }[]
  money?: Record<string, unknown>
}

beforeAll(async () => {
  t = await createTestApi()
  sales = await t.token(USERS.SALES_MANAGER)
  service = await t.token(USERS.CUSTOMER_SERVICE)
  production = await t.token(USERS.PRODUCTION_MANAGER)
}, 120_000)
afterAll(async () => {
  await t.close()
})

async function ok<T>(response: Response, what: string): Promise<T> {
  expect(response.status, `${what}: ${await response.clone().text()}`).toBeLessThan(300)
  return json<T>(response)
}

/** a customer and an order in CONFIGURATION with the given sinks and money terms */
async function quotedOrder(input: {
  name: string
  terms: Record<string, unknown>
  sinks: string[]
  taxExempt?: boolean
}): Promise<Order> {
  const customer = await ok<{ id: number }>(
    await t.call('POST', '/customers', {
      token: sales,
      body: {
        name: input.name,
        contactName: 'Dana <Scully>',
        taxExempt: input.taxExempt ?? false,
        billingAddress: { lines: ['1 Main St & Co'], city: 'Austin', country: 'US' },
      },
    }),
    'create the customer',
  )
  let order = await ok<Order>(
    await t.call('POST', '/orders', {
      token: sales,
      body: { customerId: customer.id, poNumber: 'PO-<77>', ...input.terms },
    }),
    'create the order',
  )
  order = await ok<Order>(
    await t.call('POST', `/orders/${order.id}/transitions`, {
      token: sales,
      body: { to: 'CONFIGURATION', version: order.version },
    }),
    'move to CONFIGURATION',
  )
  for (const [index, name] of input.sinks.entries()) {
    const configuration = await fixtureConfiguration(name)
    delete configuration['language']
    order = await ok<Order>(
      await t.call('POST', `/orders/${order.id}/items`, {
        token: sales,
        body: {
          version: order.version,
          buildNumber: `B-${index + 1}`,
          configuration,
        },
      }),
      'add a sink',
    )
  }
  return order
}

async function approve(order: Order): Promise<Order> {
  let moved = await ok<Order>(
    await t.call('POST', `/orders/${order.id}/transitions`, {
      token: sales,
      body: { to: 'APPROVAL', version: order.version },
    }),
    'move to APPROVAL',
  )
  moved = await ok<Order>(
    await t.call('POST', `/orders/${order.id}/transitions`, {
      token: production,
      body: { to: 'PRODUCTION', version: moved.version },
    }),
    'approve',
  )
  return moved
}

async function quoteOf(order: Order, token: string): Promise<QuoteBody> {
  return ok<QuoteBody>(await t.call('GET', `/orders/${order.id}/quote`, { token }), 'the quote')
}

const HTML = { Accept: 'text/html' }

describe('GET /orders/{id}/quote', () => {
  it('prices each sink from the list and totals the order to the cent', async () => {
    const order = await quotedOrder({
      name: 'Quote Hospital',
      terms: { discountPercent: '7.5', taxRatePercent: '8.25', shippingAmount: '149.99' },
      sinks: ['t2-b1-minimal', 't2-b2-custom'],
    })
    const quote = await quoteOf(order, sales)
    expect(quote.sinks.map((sink) => [sink.buildNumber, sink.prices?.unitPrice])).toEqual([
      ['B-1', '6585.00'],
      ['B-2', '13363.00'],
    ])
    // a custom basin: its base item's list price plus the family's markup, per unit
    expect(
      quote.sinks[1]?.prices?.lines.find((line) => line.id === 'T2-ADW-BASIN-28x22.5x10'),
    ).toMatchObject({ number: '720.215.001', quantity: '2', unitPrice: '762.75', total: '1525.50' })
    // 19948.00 − 7.5 % (1496.10) = 18451.90; tax 8.25 % = 1522.28175 → 1522.28; + 149.99 shipping
    expect(quote.money).toEqual({
      currency: 'USD',
      basis: 'live',
      pricedAt: null,
      discountPercent: '7.50',
      taxRatePercent: '8.250',
      taxExempt: false,
      subtotal: '19948.00',
      discountAmount: '1496.10',
      taxAmount: '1522.28',
      shippingAmount: '149.99',
      total: '20124.17',
    })
    expect(quote.order).toMatchObject({ number: order.number, poNumber: 'PO-<77>' })
    expect(quote.customer).toMatchObject({ name: 'Quote Hospital', code: 'C-00001' })
    expect(quote.sinks[0]?.options).toContainEqual({ name: 'model', value: 'T2-B1' })
    expect(quote.sinks[0]?.bom[0]).toMatchObject({ level: 1, id: 'T2-BODY-48-60-HA' })
    expect(quote.sinks[0]?.bom.some((row) => row.level > 1)).toBe(true)
  })

  it('rounds half a cent away from zero, and charges a tax-exempt customer no tax', async () => {
    // 6585.00 × 8.5 % = 559.725 → 559.73 (half to even would give 559.72)
    const taxed = await quotedOrder({
      name: 'Half Cent Clinic',
      terms: { taxRatePercent: '8.5' },
      sinks: ['t2-b1-minimal'],
    })
    expect((await quoteOf(taxed, sales)).money).toMatchObject({
      subtotal: '6585.00',
      discountAmount: '0.00',
      taxAmount: '559.73',
      shippingAmount: '0.00',
      total: '7144.73',
    })
    const exempt = await quotedOrder({
      name: 'Exempt Clinic',
      terms: { taxRatePercent: '8.5', discountPercent: '0.35' },
      sinks: ['t2-b1-minimal'],
      taxExempt: true,
    })
    // 6585.00 × 0.35 % = 23.0475 → 23.05
    expect((await quoteOf(exempt, sales)).money).toMatchObject({
      taxExempt: true,
      discountAmount: '23.05',
      taxAmount: '0.00',
      total: '6561.95',
    })
  })

  it('keeps the amounts stored at approval when the price list changes afterwards', async () => {
    const approved = await approve(
      await quotedOrder({
        name: 'Approved Hospital',
        terms: { discountPercent: '10', taxRatePercent: '5' },
        sinks: ['t2-b1-minimal'],
      }),
    )
    const draft = await quotedOrder({
      name: 'Draft Hospital',
      terms: { discountPercent: '10', taxRatePercent: '5' },
      sinks: ['t2-b1-minimal'],
    })
    // 6585.00 − 658.50 = 5926.50; tax 5 % = 296.325 → 296.33; total 6222.83
    const stored = {
      basis: 'stored',
      subtotal: '6585.00',
      discountAmount: '658.50',
      taxAmount: '296.33',
      total: '6222.83',
    }
    expect((await quoteOf(approved, sales)).money).toMatchObject(stored)
    const view = await ok<{ money: Record<string, unknown>; items: { unitPrice: string }[] }>(
      await t.call('GET', `/orders/${approved.id}`, { token: sales }),
      'the order',
    )
    expect(view.money).toMatchObject({ total: '6222.8300', subtotal: '6585.0000' })
    expect(view.items[0]?.unitPrice).toBe('6585.0000')

    const { db } = t.api.services
    const [list] = await db
      .select({ id: priceLists.id })
      .from(priceLists)
      .where(eq(priceLists.name, SELLING_PRICE_LIST))
    if (list === undefined) throw new Error('the demo catalog brought no selling price list')
    await db
      .update(prices)
      .set({ unitPrice: sql`${prices.unitPrice} * 2` })
      .where(and(eq(prices.priceListId, list.id)))

    expect((await quoteOf(approved, sales)).money).toMatchObject(stored)
    expect((await quoteOf(approved, sales)).sinks[0]?.prices?.unitPrice).toBe('6585.00')
    // before approval the quote follows the list: everything doubles (13170.00 − 1317.00, + 5 %)
    expect((await quoteOf(draft, sales)).money).toMatchObject({
      basis: 'live',
      subtotal: '13170.00',
      discountAmount: '1317.00',
      taxAmount: '592.65',
      total: '12445.65',
    })
    await db
      .update(prices)
      .set({ unitPrice: sql`${prices.unitPrice} / 2` })
      .where(eq(prices.priceListId, list.id))
  })

  it('shows no price or total to a role without financials:read, in JSON, HTML or CSV', async () => {
    const order = await quotedOrder({
      name: 'Private Prices Inc',
      terms: { taxRatePercent: '8.5' },
      sinks: ['t2-b1-minimal'],
    })
    const quote = await ok<Record<string, unknown>>(
      await t.call('GET', `/orders/${order.id}/quote`, { token: service }),
      'the quote',
    )
    const text = JSON.stringify(quote)
    expect(quote['money']).toBeUndefined()
    expect(text).not.toMatch(/"prices"|unitPrice|"total"|6585/)
    expect(text).toContain('T2-BODY-48-60-HA')

    const html = await (
      await t.call('GET', `/orders/${order.id}/quote`, { token: service, headers: HTML })
    ).text()
    expect(html).toContain('T2-BODY-48-60-HA')
    expect(html).not.toMatch(/6585|7144|Total|Unit price|USD/)

    const csv = await (
      await t.call('GET', `/orders/${order.id}/bom`, {
        token: service,
        headers: { Accept: 'text/csv' },
      })
    ).text()
    expect(csv.split('\r\n')[0]).toBe('id,name,number,quantity,builds')
    const view = await ok<Record<string, unknown>>(
      await t.call('GET', `/orders/${order.id}`, { token: service }),
      'the order',
    )
    expect(view['money']).toBeUndefined()

    const salesHtml = await (
      await t.call('GET', `/orders/${order.id}/quote?format=html`, { token: sales })
    ).text()
    expect(salesHtml).toContain('7144.73')
    const salesCsv = await (
      await t.call('GET', `/orders/${order.id}/bom`, {
        token: sales,
        headers: { Accept: 'text/csv' },
      })
    ).text()
    expect(salesCsv.split('\r\n')[0]).toBe('id,name,number,quantity,builds,unit_cost,line_total')
  })

  it('prints as one self-contained, escaped HTML page', async () => {
    const order = await quotedOrder({
      name: 'Smith & <Jones>',
      terms: { specialInstructions: '<script>alert(1)</script> deliver to dock "B"' },
      sinks: ['t2-b1-minimal'],
    })
    for (const request of [
      t.call('GET', `/orders/${order.id}/quote`, { token: sales, headers: HTML }),
      t.call('GET', `/orders/${order.id}/quote?format=html`, { token: sales }),
    ]) {
      const response = await request
      expect(response.status).toBe(200)
      expect(response.headers.get('Content-Type')).toBe('text/html; charset=utf-8')
      const html = await response.text()
      expect(html).toMatch(/^<!doctype html>/)
      expect(html).toContain('@media print')
      expect(html).toContain('Smith &amp; &lt;Jones&gt;')
      expect(html).toContain('Dana &lt;Scully&gt;')
      expect(html).toContain('PO-&lt;77&gt;')
      expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; deliver to dock &quot;B&quot;')
      expect(html).not.toMatch(/<script|<link|<img|src=|https?:\/\//)
      expect(html).toContain('<table class="bom">')
      expect(html).toContain('Valid until')
    }
  })

  it('answers JSON by default, and a problem for a media type or format it does not have', async () => {
    const order = await quotedOrder({ name: 'Formats Ltd', terms: {}, sinks: [] })
    const plain = await t.call('GET', `/orders/${order.id}/quote`, { token: sales })
    expect(plain.headers.get('Content-Type')).toMatch(/application\/json/)
    const png = await t.call('GET', `/orders/${order.id}/quote`, {
      token: sales,
      headers: { Accept: 'image/png' },
    })
    expect(png.status).toBe(406)
    const pdf = await t.call('GET', `/orders/${order.id}/quote?format=pdf`, { token: sales })
    expect(pdf.status).toBe(400)
    expect(pdf.headers.get('Content-Type')).toMatch(/application\/problem\+json/)
    expect(await json(pdf)).toMatchObject({
      errors: [{ path: 'query.format' }],
    })
    const missing = await t.call('GET', '/orders/999999/quote', { token: sales })
    expect(missing.status).toBe(404)
  })

  it('carries the 700-series numbers in the consolidated order CSV', async () => {
    const order = await quotedOrder({ name: 'Numbers Co', terms: {}, sinks: ['t2-b2-custom'] })
    const csv = await (
      await t.call('GET', `/orders/${order.id}/bom`, {
        token: sales,
        headers: { Accept: 'text/csv' },
      })
    ).text()
    const row = csv.split('\r\n').find((line) => line.startsWith('T2-ADW-BASIN-28x22.5x10,'))
    expect(row?.split(',')[2]).toBe('720.215.001')
  })
})
