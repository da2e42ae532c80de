import { readFile } from 'node:fs/promises'
import type { InspectionItem, QcValue } from '@torvan/configurator-core'
import { recordValue } from '@torvan/configurator-core'
import { expect } from 'vitest'
import type { TestApi } from './harness.js'
import { json } from './harness.js'

/** An order as the API shows it. */
export interface Order {
  id: number
  number: string
  phase: string
  version: number
  moves: string[]
  items: { id: number; buildNumber: string; bomId: number; bomRevision: number; frozen: boolean }[]
}

/** A sample configuration from fixtures/configs, without its build number (the order item has it). */
export async function sampleConfiguration(name: string): Promise<Record<string, unknown>> {
  const url = new URL(`../../../fixtures/configs/${name}.json`, import.meta.url)
  const configuration = JSON.parse(await readFile(url, 'utf8')) as Record<string, unknown>
  delete configuration['buildNumber']
  return configuration
}

/** Moves an order, naming the version it read; answers the response. */
export async function moveOrder(
  t: TestApi,
  input: { order: Order; to: string; token: string; headers?: Record<string, string> },
): Promise<Response> {
  return t.call('POST', `/orders/${input.order.id}/transitions`, {
    token: input.token,
    body: { to: input.to, reason: `to ${input.to}` },
    headers: { 'If-Match': `"${input.order.version}"`, ...input.headers },
  })
}

/** Creates an order with one sink per sample configuration and takes it to PRODUCTION. */
export async function orderInProduction(
  t: TestApi,
  input: { sales: string; approver: string; sinks: readonly [string, string][] },
): Promise<Order> {
  const customer = await t.call('POST', '/customers', {
    token: input.sales,
    body: { name: `Customer of ${input.sinks.map(([build]) => build).join(', ')}` },
  })
  const customerId = (await json<{ id: number }>(customer)).id
  let order = await json<Order>(
    await t.call('POST', '/orders', { token: input.sales, body: { customerId } }),
  )
  for (const [buildNumber, name] of input.sinks) {
    const added = await t.call('POST', `/orders/${order.id}/items`, {
      token: input.sales,
      body: { buildNumber, configuration: await sampleConfiguration(name) },
      headers: { 'If-Match': `"${order.version}"` },
    })
    expect(added.status, await added.clone().text()).toBe(201)
    order = await json<Order>(added)
  }
  for (const [to, token] of [
    ['CONFIGURATION', input.sales],
    ['APPROVAL', input.sales],
    ['PRODUCTION', input.approver],
  ] as const) {
    const moved = await moveOrder(t, { order, to, token })
    expect(moved.status, await moved.clone().text()).toBe(200)
    order = await json<Order>(moved)
  }
  return order
}

/** A value that passes the row: found by asking the core, as an inspector's tablet would. */
export function passingValue(item: InspectionItem): QcValue {
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

/** An inspection as the API shows it. */
export interface Inspection {
  id: number
  status: string
  result: string | null
  items: { key: string; definition: InspectionItem }[]
  photos: { id: number; row: string | null; url: string }[]
}

/** Starts an inspection of one sink; answers it. */
export async function startInspection(
  t: TestApi,
  input: { itemId: number; token: string; body: Record<string, unknown> },
): Promise<Inspection> {
  const created = await t.call('POST', `/order-items/${input.itemId}/inspections`, {
    token: input.token,
    body: input.body,
  })
  expect(created.status, await created.clone().text()).toBe(201)
  return json<Inspection>(created)
}

/** Records a passing value on every row, or the given value where `values` names the row. */
export async function answerAll(
  t: TestApi,
  input: { inspection: Inspection; token: string; values?: Record<string, QcValue> },
): Promise<void> {
  for (const row of input.inspection.items) {
    if (row.definition.kind === 'PROC') continue
    const value = input.values?.[row.key] ?? passingValue(row.definition)
    const recorded = await t.call(
      'PUT',
      `/inspections/${input.inspection.id}/items/${encodeURIComponent(row.key)}`,
      { token: input.token, body: { value } },
    )
    expect(recorded.status, `${row.key}: ${await recorded.clone().text()}`).toBe(200)
  }
}

/** Uploads raw bytes with a Content-Type. */
export async function uploadBytes(
  t: TestApi,
  input: {
    path: string
    token: string
    type: string
    bytes: Uint8Array
    headers?: Record<string, string>
  },
): Promise<Response> {
  return t.api.app.request(input.path, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${input.token}`,
      'Content-Type': input.type,
      ...input.headers,
    },
    body: input.bytes,
  })
}

/** A 1×1 PNG. */
export const PNG = new Uint8Array(
  Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
    'base64',
  ),
)

/** A small PDF; `text` makes versions differ. */
export function pdf(text: string): Uint8Array {
  return new TextEncoder().encode(
    `%PDF-1.7\n1 0 obj\n<< /Title (${text}) >>\nendobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`,
  )
}

/** A production task as the tests read it. */
export interface FlowTask {
  id: number
  key: string
  version: number
  orderItemId: number
  qcTemplate: string | null
  qcKind: string | null
  status: string
}

async function ok(response: Response, what: string): Promise<Response> {
  if (response.status >= 300)
    throw new Error(`${what}: ${response.status} ${await response.text()}`)
  return response
}

/** Adds the photos each row asks for (a PNG per photo). */
export async function addRequiredPhotos(
  t: TestApi,
  input: { inspection: Inspection; token: string },
): Promise<void> {
  for (const row of input.inspection.items) {
    for (let n = 0; n < (row.definition.photos ?? 0); n++) {
      await ok(
        await uploadBytes(t, {
          path: `/inspections/${input.inspection.id}/photos?filename=${encodeURIComponent(`${row.key}-${n}.png`)}&row=${encodeURIComponent(row.key)}`,
          token: input.token,
          type: 'image/png',
          bytes: PNG,
        }),
        `photo of ${row.key}`,
      )
    }
  }
}

/** Starts, answers (passing, or the given values), photographs and submits an inspection. */
export async function inspect(
  t: TestApi,
  input: {
    itemId: number
    token: string
    body: Record<string, unknown>
    values?: Record<string, QcValue>
  },
): Promise<{ id: number; result: string }> {
  const inspection = await startInspection(t, input)
  await answerAll(t, {
    inspection,
    token: input.token,
    ...(input.values === undefined ? {} : { values: input.values }),
  })
  await addRequiredPhotos(t, { inspection, token: input.token })
  const submitted = await ok(
    await t.call('POST', `/inspections/${inspection.id}/submit`, {
      token: input.token,
      body: { signature: 'Q. Inspector' },
    }),
    `submit inspection ${inspection.id}`,
  )
  return { id: inspection.id, result: (await json<{ result: string }>(submitted)).result }
}

/** Starts and completes a task; a task that fills in a QC form gets its inspection first. */
export async function completeTask(
  t: TestApi,
  input: { task: FlowTask; token: string; qc: string },
): Promise<void> {
  const { task } = input
  await ok(
    await t.call('PATCH', `/tasks/${task.id}`, {
      token: input.token,
      body: { version: task.version, status: 'IN_PROGRESS' },
    }),
    `start ${task.key}`,
  )
  task.version += 1
  if (task.qcKind !== null)
    await inspect(t, { itemId: task.orderItemId, token: input.qc, body: { taskId: task.id } })
  await ok(
    await t.call('PATCH', `/tasks/${task.id}`, {
      token: input.token,
      body: { version: task.version, status: 'COMPLETED', actualHours: 0.5 },
    }),
    `complete ${task.key}`,
  )
  task.version += 1
}

/** A second person approves (or rejects) a submitted inspection. */
export async function decide(
  t: TestApi,
  input: { id: number; token: string; decision?: 'APPROVE' | 'REJECT'; note?: string },
): Promise<Response> {
  return t.call('POST', `/inspections/${input.id}/approval`, {
    token: input.token,
    body: {
      decision: input.decision ?? 'APPROVE',
      ...(input.note === undefined ? {} : { note: input.note }),
    },
  })
}
