import { readFile } from 'node:fs/promises'
import type { FlowTask } from './flow.js'
import { completeTask, decide, inspect } from './flow.js'
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

async function expectOk(response: Response, what: string): Promise<Response> {
  if (response.status >= 300)
    throw new Error(`${what}: ${response.status} ${await response.text()}`)
  return response
}

/** the extra fields each move needs */
export const MOVE_FIELDS: Record<string, Record<string, unknown>> = {
  SHIPPING: { carrier: 'UPS', trackingNumber: '1Z999AA10123456784', shipDate: '2030-01-02' },
  DELIVERED: { deliveredDate: '2030-01-04' },
}

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
  const { tasks } = await json<{ tasks: FlowTask[] }>(
    await t.call('GET', `/tasks?orderId=${order.id}`, { token: production }),
  )
  for (const task of tasks) await completeTask(t, { task, token: production, qc })
  if (await moveTo('QUALITY_CONTROL', production)) return order
  const admin = await t.token(USERS.ADMIN)
  for (const item of order.items) {
    const { id } = await inspect(t, {
      itemId: item.id,
      token: qc,
      body: { template: 't2-final-qc' },
    })
    await expectOk(await decide(t, { id, token: admin }), 'approve the final inspection')
  }
  if (await moveTo('PACKAGING', qc)) return order
  if (await moveTo('SHIPPING', production)) return order
  await moveTo('DELIVERED', production)
  return order
}
