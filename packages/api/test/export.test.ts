import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TestApi } from './harness.js'
import { createTestApi, json, USERS } from './harness.js'
import type { TestOrder } from './lifecycle.js'
import { driveOrder } from './lifecycle.js'

interface ExportLine {
  position: number
  id: string
  number: string | null
  quantity: string
  unit: string
  unitCost?: string | null
}
interface OrderExport {
  format: string
  order: { number: string; shipping: Record<string, unknown> }
  currency?: string
  builds: { buildNumber: string; bomId: number; lines: ExportLine[]; parts: ExportLine[] }[]
  consolidated: { lines: ExportLine[]; parts: ExportLine[]; totalCost?: string }
}

let t: TestApi
let order: TestOrder

beforeAll(async () => {
  t = await createTestApi()
  order = await driveOrder(t, { until: 'SHIPPING' })
}, 120_000)
afterAll(async () => {
  await t.close()
})

describe('the ERP export', () => {
  it('gives the frozen BOM per sink and consolidated, with 700-series numbers, units and costs for sales', async () => {
    const token = await t.token(USERS.SALES_MANAGER)
    const response = await t.call('GET', `/orders/${order.id}/export`, { token })
    expect(response.status).toBe(200)
    const document = await json<OrderExport>(response)
    expect(document).toMatchObject({
      format: 'torvan-erp-export/1',
      order: { number: order.number, shipping: { carrier: 'UPS', shipDate: '2030-01-02' } },
      currency: 'USD',
    })
    expect(document.builds.map((build) => [build.buildNumber, build.bomId])).toEqual([
      ['B-2001', order.items[0]?.bomId],
    ])
    const lines = document.builds[0]?.lines ?? []
    expect(lines.map((line) => line.position)).toEqual(lines.map((_, i) => i + 1))
    expect(lines.some((line) => line.number?.startsWith('7'))).toBe(true)
    expect(lines.every((line) => line.unit === 'EACH' && /^\d+(\.\d+)?$/.test(line.quantity))).toBe(
      true,
    )
    expect(document.consolidated.parts.some((part) => part.unitCost !== null)).toBe(true)
    expect(document.consolidated.totalCost).toMatch(/^\d+(\.\d+)?$/)
  })

  it('leaves costs out for users without financials:read, also in the CSV', async () => {
    const token = await t.token(USERS.PRODUCTION_MANAGER)
    const response = await t.call('GET', `/orders/${order.id}/export`, { token })
    expect(await response.text()).not.toMatch(/"(unitCost|lineCost|totalCost|currency)"/)
    const csv = await t.call('GET', `/orders/${order.id}/export?format=csv`, { token })
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    const rows = (await csv.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
    expect(rows[0]).toBe(
      'format,order,build,kind,position,id,name,number,quantity,unit,unit_cost,line_cost',
    )
    expect(
      rows.slice(1).every((row) => row.startsWith(`torvan-erp-export/1,${order.number},`)),
    ).toBe(true)
    expect(rows.slice(1).every((row) => row.endsWith(',,'))).toBe(true)
    expect(rows.some((row) => row.includes(',*,part,'))).toBe(true)
    const sales = await t.call('GET', `/orders/${order.id}/export`, {
      token: await t.token(USERS.SALES_MANAGER),
      headers: { Accept: 'text/csv' },
    })
    const priced = (await sales.text()).trim().split('\r\n').slice(1)
    expect(priced.some((row) => /,\d+(\.\d+)?,\d+(\.\d+)?$/.test(row))).toBe(true)
  })

  it('refuses an order whose BOMs are not frozen yet, an unknown order and an unknown format', async () => {
    const token = await t.token(USERS.SALES_MANAGER)
    const draft = await driveOrder(t, { until: 'CONFIGURATION' })
    const early = await t.call('GET', `/orders/${draft.id}/export`, { token })
    expect(early.status).toBe(409)
    expect((await json<{ detail: string }>(early)).detail).toBe(
      `Order ${draft.number} is in CONFIGURATION: its BOMs are frozen when it is approved for production (APPROVAL → PRODUCTION), and only frozen BOMs are exported.`,
    )
    expect((await t.call('GET', '/orders/99999/export', { token })).status).toBe(404)
    expect((await t.call('GET', `/orders/${order.id}/export?format=xml`, { token })).status).toBe(
      400,
    )
    const pdf = await t.call('GET', `/orders/${order.id}/export`, {
      token,
      headers: { Accept: 'application/pdf' },
    })
    expect(pdf.status).toBe(406)
  })
})
