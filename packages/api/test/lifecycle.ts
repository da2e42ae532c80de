import { readFile } from 'node:fs/promises'
import type { InspectionItem, QcValue } from '@torvan/configurator-core'
import { recordValue } from '@torvan/configurator-core'
import type { TestApi } from './harness.js'
import { json, USERS } from './harness.js'

/** An order as the tests read it. */
export interface TestOrder {
  id: number
  number: string
  phase: string
  version: number
  items: { id: number; buildNumber: string; bomId: number }[]
}

/** A fixture configuration without its build number (the order item gives it). */
export async function fixtureConfiguration(name: string): Promise<Record<string, unknown>> {
  const url = new URL(`../../../fixtures/configs/${name}.json`, import.meta.url)
  const configuration = JSON.parse(await readFile(url, 'utf8')) as Record<string, unknown>
  delete configuration['buildNumber']
  return configuration
}

/** a value that passes the row: found by asking the core, as an inspector's tablet would */
function passing(item: InspectionItem): QcValue {
  const candidates: QcValue[] = [
    ...(item.expected === undefined ? [] : [item.expected]),
    ...(item.options ?? []).map((o) => (o.text ? { option: o.value, text: 'see notes' } : o.value)),
    true,
    1,
    '2026-12-01',
    'QI',
  ]
  for (const value of candidates) {
    const result = recordValue(item, value)
    if (result.ok && result.record.outcome === 'PASS') return value
  }
  throw new Error(`no passing value for ${item.key} (${item.kind})`)
}

async function expectOk(response: Response, what: string): Promise<Response> {
  if (response.status >= 300)
    throw new Error(`${what}: ${response.status} ${await response.text()}`)
  return response
}

/** the extra fields each move needs */
export const MOVE_FIELDS: Record<string, Record<string, unknown>> = {}

/**
 * Drives one order through the lifecycle: a customer, an order with one sink, approval, every
 * production task, a passing final inspection, packaging, shipping and delivery (or up to `until`).
 */
export async function driveOrder(
  t: TestApi,
  options: { until?: string; buildNumber?: string } = {},
): Promise<TestOrder> {
  const until = options.until ?? 'DELIVERED'
  const sales = await t.token(USERS.SALES_MANAGER)
  const production = await t.token(USERS.PRODUCTION_MANAGER)
  const qc = await t.token(USERS.QC_INSPECTOR)
  const customer = await json<{ id: number }>(
    await expectOk(
      await t.call('POST', '/customers', { token: sales, body: { name: 'Mercy General' } }),
      'create the customer',
    ),
  )
  let order = await json<TestOrder>(
    await expectOk(
      await t.call('POST', '/orders', { token: sales, body: { customerId: customer.id } }),
      'create the order',
    ),
  )
  const moveTo = async (to: string, token: string) => {
    order = await json<TestOrder>(
      await expectOk(
        await t.call('POST', `/orders/${order.id}/transitions`, {
          token,
          body: { to, reason: `to ${to}`, ...MOVE_FIELDS[to] },
          headers: { 'If-Match': `"${order.version}"` },
        }),
        `move to ${to}`,
      ),
    )
    return order.phase === until
  }
  if (await moveTo('CONFIGURATION', sales)) return order
  order = await json<TestOrder>(
    await expectOk(
      await t.call('POST', `/orders/${order.id}/items`, {
        token: sales,
        body: {
          buildNumber: options.buildNumber ?? 'B-2001',
          configuration: await fixtureConfiguration('t2-b1-minimal'),
        },
        headers: { 'If-Match': `"${order.version}"` },
      }),
      'add a sink',
    ),
  )
  if (await moveTo('APPROVAL', sales)) return order
  if (await moveTo('PRODUCTION', production)) return order
  const { tasks } = await json<{ tasks: { id: number; version: number }[] }>(
    await t.call('GET', `/tasks?orderId=${order.id}`, { token: production }),
  )
  for (const task of tasks) {
    for (const status of ['IN_PROGRESS', 'COMPLETED']) {
      await expectOk(
        await t.call('PATCH', `/tasks/${task.id}`, {
          token: production,
          body: { version: task.version, status },
        }),
        `task ${task.id} ${status}`,
      )
      task.version += 1
    }
  }
  if (await moveTo('QUALITY_CONTROL', production)) return order
  for (const item of order.items) {
    const inspection = await json<{
      id: number
      items: { key: string; definition: InspectionItem }[]
    }>(
      await expectOk(
        await t.call('POST', `/order-items/${item.id}/inspections`, {
          token: qc,
          body: { template: 't2-final-qc' },
        }),
        'start the final inspection',
      ),
    )
    for (const row of inspection.items) {
      if (row.definition.kind === 'PROC') continue
      await expectOk(
        await t.call('PUT', `/inspections/${inspection.id}/items/${encodeURIComponent(row.key)}`, {
          token: qc,
          body: { value: passing(row.definition) },
        }),
        `record ${row.key}`,
      )
    }
    await expectOk(
      await t.call('POST', `/inspections/${inspection.id}/submit`, {
        token: qc,
        body: { signature: 'Q. Inspector' },
      }),
      'submit the inspection',
    )
  }
  if (await moveTo('PACKAGING', qc)) return order
  if (await moveTo('SHIPPING', production)) return order
  await moveTo('DELIVERED', production)
  return order
}
