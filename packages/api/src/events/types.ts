/** Every kind of event the service emits, with what it tells an integrator. */
const EVENT_TYPES = {
  'order.created': 'an order was created (data.order: the order as GET /orders/{id} returns it)',
  'order.updated':
    'an order’s PO number, priority, dates or notes changed (data.order, data.changed)',
  'order.moved': 'an order moved between phases (data.from, data.to, data.reason, data.version)',
  'order.item_added': 'a sink was added to an order (data.item: build number, BOM, configuration)',
  'order.item_replaced': 'a sink’s configuration changed; its BOM is the next revision (data.item)',
  'order.item_removed': 'a sink was removed from an order (data.item)',
  'order.bom_frozen':
    'approval froze the order’s BOMs (data.builds: each sink’s frozen lines with 700-series numbers and quantities)',
  'order.shipped':
    'an order left for the customer (data.shipping: carrier, tracking number, ship date)',
  'order.delivered': 'an order arrived (data.shipping with the actual delivery date)',
  'bom.generated': 'a new BOM (or BOM revision) was stored (data.bom: id, revision, hashes, lines)',
  'inspection.submitted': 'a QC inspection was submitted (data.result, data.passPercentage)',
  'document.uploaded':
    'a document or photo was stored, or a new version of one (data.documentId, data.version, data.type, data.attachedTo, data.url)',
  'inspection.approved':
    'a submitted inspection was approved or rejected by a second person (data.decision, data.note)',
  'ncr.opened':
    'a nonconformance report was opened (data.ncrId, data.severity, data.rows, data.inspectionId)',
  'ncr.changed':
    'a nonconformance report moved or changed (data.ncrId, data.from, data.to, or data.changed)',
  'task.status_changed': 'a production task changed status (data.from, data.to)',
  'customer.created': 'a customer was created (data.customer)',
  'customer.updated': 'a customer changed (data.customer, data.changed)',
  'catalog.imported': 'a catalog was imported (data.hash, data.counts)',
  'ruleset.imported': 'a ruleset version became active (data.product, data.version)',
  'webhook.disabled': 'a webhook subscription was paused after repeated failed deliveries',
} as const

/** The type of an event, such as `order.moved`. */
export type EventType = keyof typeof EVENT_TYPES

/** The event types, in the order the reference lists them. */
export const EVENT_TYPE_NAMES = Object.keys(EVENT_TYPES) as [EventType, ...EventType[]]
