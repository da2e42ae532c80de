// Issue 21, more than one product: the service configures every product whose rules were imported
// (the demo seed stores rules/t2 and rules/ws), picks each configuration's model by its `product`,
// takes orders that mix T2 sinks and WS shelf units, and keeps serving T2 when the WS rules break.
import { readFile } from 'node:fs/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  completeTask,
  inspect as flowInspect,
  decide,
  moveOrder,
  sampleConfiguration,
} from './flow.js'
import type { FlowTask, Order } from './flow.js'
import type { TestApi } from './harness.js'
import { createTestApi, json, USERS } from './harness.js'
import { MOVE_FIELDS } from './lifecycle.js'

/** A WS sample from fixtures/ws, without its build number unless `keepBuildNumber`. */
async function wsSample(name: string, keepBuildNumber = false): Promise<Record<string, unknown>> {
  const url = new URL(`../../../fixtures/ws/${name}.json`, import.meta.url)
  const configuration = JSON.parse(await readFile(url, 'utf8')) as Record<string, unknown>
  if (!keepBuildNumber) delete configuration['buildNumber']
  return configuration
}

interface Problem {
  status: number
  detail: string
  errors: { path: string; message: string; code?: string }[]
  products?: string[]
}

let t: TestApi
let sales: string

beforeAll(async () => {
  t = await createTestApi()
  sales = await t.token(USERS.SALES_MANAGER)
}, 120_000)
afterAll(async () => {
  await t.close()
})

describe('a WS configuration through the API', () => {
  it('generates a WS BOM through POST /boms, stored once, with the custom shelf registered', async () => {
    const stock = await t.call('POST', '/boms', {
      token: sales,
      body: { configuration: await wsSample('ws-stock', true) },
    })
    expect(stock.status, await stock.clone().text()).toBe(201)
    const bom = await json<{ id: number; document: { product: string; lines: { id: string }[] } }>(
      stock,
    )
    expect(bom.document.product).toBe('WS')
    expect(bom.document.lines.map((line) => line.id)).toEqual([
      'WS-SHELF-48-SS304',
      'WS-RAIL-MOUNT-KIT',
    ])
    const again = await t.call('POST', '/boms', {
      token: sales,
      body: { configuration: await wsSample('ws-stock', true) },
    })
    expect(again.status).toBe(200)
    expect((await json<{ id: number }>(again)).id).toBe(bom.id)

    const custom = await json<{ document: { lines: { id: string; custom?: boolean }[] } }>(
      await t.call('POST', '/boms', {
        token: sales,
        body: { configuration: await wsSample('ws-custom', true) },
      }),
    )
    const shelf = custom.document.lines.find((line) => line.custom === true)
    expect(shelf?.id).toBe('WS-SHELF-C62.5-WHITE')
    const item = await t.call('GET', `/items/${encodeURIComponent(shelf?.id ?? '')}`, {
      token: sales,
    })
    expect(item.status).toBe(200)
  })

  it('validates, lists the options of and explains a WS configuration with the WS rules', async () => {
    const configuration = await wsSample('ws-stock', true)
    const valid = await json<{ ok: boolean; findings: unknown[] }>(
      await t.call('POST', '/configurations/validate', { token: sales, body: { configuration } }),
    )
    expect(valid).toEqual({ ok: true, findings: [] })
    const tooWide = await json<{ ok: boolean; findings: { path: string; severity: string }[] }>(
      await t.call('POST', '/configurations/validate', {
        token: sales,
        body: { configuration: { ...configuration, widthIn: 80 } },
      }),
    )
    expect(tooWide.ok).toBe(false)
    expect(tooWide.findings.filter((f) => f.severity === 'error').map((f) => f.path)).toEqual([
      'widthIn',
    ])

    const options = await json<{ ok: boolean; product: string; options: { path: string }[] }>(
      await t.call('POST', '/configurations/options', { token: sales, body: { configuration } }),
    )
    expect(options.ok).toBe(true)
    expect(options.product).toBe('WS')
    expect(options.options.map((option) => option.path)).toEqual(
      expect.arrayContaining(['widthIn', 'shelves', 'finish', 'mount']),
    )

    const explained = await json<{ explanations: { verdict: string }[] }>(
      await t.call('POST', '/configurations/explain', {
        token: sales,
        body: { configuration, items: ['WS-RAIL-MOUNT-KIT', 'WS-WALL-MOUNT-KIT'] },
      }),
    )
    expect(explained.explanations.map((e) => e.verdict)).toEqual(['added', 'not-added'])
  })

  it('answers a configuration of an unknown product with a 422 problem naming its product', async () => {
    const response = await t.call('POST', '/boms', {
      token: sales,
      body: { configuration: { ...(await wsSample('ws-stock', true)), product: 'WX' } },
    })
    expect(response.status).toBe(422)
    expect(response.headers.get('content-type')).toBe('application/problem+json')
    const problem = await json<Problem>(response)
    expect(problem.detail).toMatchInlineSnapshot(
      `"body.configuration.product: expected one of "T2" | "WS", received "WX" (did you mean "WS"?); this service configures T2, WS."`,
    )
    expect(problem.errors).toEqual([
      {
        path: 'body.configuration.product',
        message: 'expected one of "T2" | "WS", received "WX"',
        code: 'unknown_product',
        hint: 'did you mean "WS"?',
      },
    ])
    expect(problem.products).toEqual(['T2', 'WS'])
    for (const path of ['/configurations/validate', '/configurations/options']) {
      const missing = await t.call('POST', path, {
        token: sales,
        body: { configuration: { widthIn: 48 } },
      })
      expect(missing.status, path).toBe(422)
      expect((await json<Problem>(missing)).errors[0]?.message).toBe(
        'expected one of "T2" | "WS", received no product',
      )
    }
  })

  it('shows every product in /health, and the model of the product asked for in GET /model', async () => {
    const health = await json<{ products: unknown[] }>(await t.call('GET', '/health'))
    expect(health.products).toEqual([
      { product: 'T2', version: 1, state: 'loaded' },
      { product: 'WS', version: 1, state: 'loaded' },
    ])
    const model = await json<{ product: string }>(
      await t.call('GET', '/model?product=WS', { token: sales }),
    )
    expect(model.product).toBe('WS')
    expect((await t.call('GET', '/model?product=T3', { token: sales })).status).toBe(422)
  })

  it('documents the configuration as one of the products’ schemas, by product', async () => {
    const document = await json<{
      components: { schemas: Record<string, { oneOf?: unknown; discriminator?: unknown }> }
    }>(await t.call('GET', '/openapi.json'))
    const { schemas } = document.components
    expect(schemas['Configuration']?.discriminator).toEqual({
      propertyName: 'product',
      mapping: {
        T2: '#/components/schemas/ConfigurationT2',
        WS: '#/components/schemas/ConfigurationWS',
      },
    })
    expect(schemas['ConfigurationWS']).toMatchObject({
      properties: { product: { enum: ['WS'] } },
    })
  })
})

describe('an order of a T2 sink and a WS shelf unit', () => {
  let order: Order
  let production: string
  let qc: string

  it('takes both, with the order’s language only on the product that has one, to PRODUCTION', async () => {
    production = await t.token(USERS.PRODUCTION_MANAGER)
    qc = await t.token(USERS.QC_INSPECTOR)
    const customer = await json<{ id: number }>(
      await t.call('POST', '/customers', { token: sales, body: { name: 'Mixed Lab' } }),
    )
    order = await json<Order>(
      await t.call('POST', '/orders', {
        token: sales,
        body: { customerId: customer.id, language: 'FR' },
      }),
    )
    for (const [buildNumber, configuration] of [
      ['MIX-T2', await sampleConfiguration('t2-b1-minimal')],
      ['MIX-WS', await wsSample('ws-custom')],
    ] as const) {
      const added = await t.call('POST', `/orders/${order.id}/items`, {
        token: sales,
        body: { buildNumber, configuration: { ...configuration, language: undefined } },
        headers: { 'If-Match': `"${order.version}"` },
      })
      expect(added.status, await added.clone().text()).toBe(201)
      order = await json<Order>(added)
    }
    const [t2Bom, wsBom] = await Promise.all(
      order.items.map(async (item) =>
        json<{ document: { product: string; configuration: Record<string, unknown> } }>(
          await t.call('GET', `/boms/${item.bomId}`, { token: sales }),
        ),
      ),
    )
    expect(t2Bom?.document.configuration['language']).toBe('FR')
    expect(wsBom?.document.product).toBe('WS')
    expect(wsBom?.document.configuration).not.toHaveProperty('language')

    for (const [to, token] of [
      ['CONFIGURATION', sales],
      ['APPROVAL', sales],
      ['PRODUCTION', production],
    ] as const) {
      const moved = await moveOrder(t, { order, to, token })
      expect(moved.status, await moved.clone().text()).toBe(200)
      order = await json<Order>(moved)
    }
    expect(order.items.every((item) => item.frozen)).toBe(true)
  })

  it('PRODUCTION: T2 tasks for the sink and none for the shelf unit (WS has no task template)', async () => {
    const { tasks } = await json<{ tasks: FlowTask[] }>(
      await t.call('GET', `/tasks?orderId=${order.id}`, { token: production }),
    )
    const [sink, shelf] = order.items
    expect(tasks.length).toBeGreaterThan(0)
    expect(tasks.every((task) => task.orderItemId === sink?.id)).toBe(true)
    expect(tasks.some((task) => task.orderItemId === shelf?.id)).toBe(false)
    for (const task of tasks) await completeTask(t, { task, token: production, qc })
    const moved = await moveOrder(t, { order, to: 'QUALITY_CONTROL', token: production })
    expect(moved.status, await moved.clone().text()).toBe(200)
    order = await json<Order>(moved)
  })

  it('QUALITY_CONTROL: the T2 final QC for the sink only; a T2 form on the shelf unit is a 409', async () => {
    const [sink, shelf] = order.items
    const wrong = await t.call('POST', `/order-items/${shelf?.id ?? 0}/inspections`, {
      token: qc,
      body: { template: 't2-final-qc' },
    })
    expect(wrong.status).toBe(409)
    expect((await json<Problem>(wrong)).detail).toMatchInlineSnapshot(
      `"The QC template t2-final-qc is for T2 builds; build MIX-WS is a WS."`,
    )
    const { id } = await flowInspect(t, {
      itemId: sink?.id ?? 0,
      token: qc,
      body: { template: 't2-final-qc' },
    })
    const approved = await decide(t, { id, token: await t.token(USERS.ADMIN) })
    expect(approved.status, await approved.clone().text()).toBe(200)
    for (const [to, token] of [
      ['PACKAGING', qc],
      ['SHIPPING', production],
      ['DELIVERED', production],
    ] as const) {
      const moved = await t.call('POST', `/orders/${order.id}/transitions`, {
        token,
        body: { to, reason: `to ${to}`, ...MOVE_FIELDS[to] },
        headers: { 'If-Match': `"${order.version}"` },
      })
      expect(moved.status, await moved.clone().text()).toBe(200)
      order = await json<Order>(moved)
    }
    expect(order.phase).toBe('DELIVERED')
  })

  it('after delivery: a consolidated BOM, a quote and an ERP export with both builds', async () => {
    const bom = await json<{ builds: string[]; lines: { id: string }[] }>(
      await t.call('GET', `/orders/${order.id}/bom`, { token: sales }),
    )
    expect(bom.builds).toEqual(['MIX-T2', 'MIX-WS'])
    const ids = bom.lines.map((line) => line.id)
    expect(ids.some((id) => id.startsWith('T2-'))).toBe(true)
    expect(ids).toContain('WS-WALL-MOUNT-KIT')
    const quote = await t.call('GET', `/orders/${order.id}/quote`, { token: sales })
    expect(quote.status, await quote.clone().text()).toBe(200)
    const { sinks } = await json<{ sinks: { buildNumber: string }[] }>(quote)
    expect(sinks.map((sink) => sink.buildNumber)).toEqual(['MIX-T2', 'MIX-WS'])
    const exported = await t.call('GET', `/orders/${order.id}/export`, { token: sales })
    expect(exported.status, await exported.clone().text()).toBe(200)
    expect(await exported.text()).toContain('MIX-WS')
  })
})
