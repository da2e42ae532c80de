import type { BomDocument } from '@torvan/configurator-core'
import { eq } from 'drizzle-orm'
import type { Executor } from '../db/open.js'
import { inspections, orderItems, orders, qcTemplates } from '../db/schema/index.js'

/** A BOM line as events carry it: the item, its 700-series number and its quantity. */
export interface EventBomLine {
  id: string
  name: string
  number: string | null
  quantity: string
  custom: boolean
}

/** The lines of a BOM document, as events carry them. */
export function bomLinesPayload(document: BomDocument): EventBomLine[] {
  return document.lines.map((line) => ({
    id: line.id,
    name: line.name,
    number: line.number,
    quantity: line.quantity,
    custom: line.custom,
  }))
}

/** What a BOM event tells of a stored BOM: ids, revision, hashes and its lines. */
export function bomPayload(id: number, document: BomDocument): Record<string, unknown> {
  return {
    id,
    product: document.product,
    buildNumber: document.buildNumber,
    revision: document.revision,
    contentHash: document.hashes.content,
    lines: bomLinesPayload(document),
  }
}

/** The order and sink an inspection belongs to, for its event. */
export async function inspectionSubject(tx: Executor, inspectionId: number) {
  const [row] = await tx
    .select({
      orderId: orders.id,
      orderNumber: orders.number,
      orderItemId: orderItems.id,
      buildNumber: orderItems.buildNumber,
      template: qcTemplates.code,
      kind: qcTemplates.kind,
    })
    .from(inspections)
    .innerJoin(orderItems, eq(orderItems.id, inspections.orderItemId))
    .innerJoin(orders, eq(orders.id, orderItems.orderId))
    .innerJoin(qcTemplates, eq(qcTemplates.id, inspections.templateId))
    .where(eq(inspections.id, inspectionId))
  if (row === undefined)
    throw new Error(`inspectionSubject(): there is no inspection ${inspectionId}`)
  return row
}
