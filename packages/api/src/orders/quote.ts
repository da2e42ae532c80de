import type { BomTreeLine, PricedLine } from '@torvan/configurator-core'
import { eq } from 'drizzle-orm'
import type { Executor } from '../db/open.js'
import type { Address } from '../db/schema/index.js'
import { customers, orders } from '../db/schema/index.js'
import { ProblemError } from '../http/problem.js'
import { priceOrder } from './pricing.js'
import { itemsOf } from './store.js'

/** The version of the quote format; a change that breaks a reader makes it 2. */
export const QUOTE_FORMAT = 'torvan-quote/1'

/** How long a quote's prices hold, from the day it is issued. */
export const QUOTE_VALIDITY_DAYS = 30

/** One chosen option of a sink, as a person reads it: `basins` → `1 × type E_DRAIN, size 20X20X8`. */
interface QuoteOption {
  name: string
  value: string
}

/** One row of a sink's BOM table: its depth in the tree (1 = top level) and the item. */
interface QuoteBomRow {
  level: number
  id: string
  number: string | null
  name: string
  quantity: string
}

/** One sink of a quote: its options, its BOM as a table and, for permitted users, its prices. */
export interface QuoteSink {
  itemId: number
  buildNumber: string
  bomRevision: number | null
  options: QuoteOption[]
  bom: QuoteBomRow[]
  /** with financials:read only */
  prices?: { unitPrice: string | null; lines: PricedLine[]; unpriced: string[] }
}

/** The money of a quote: terms and totals in exact decimals (with financials:read only). */
interface QuoteMoney {
  currency: string
  /** `stored`: fixed when the order was approved; `live`: today's price list; `none`: no price list */
  basis: 'stored' | 'live' | 'none'
  pricedAt: string | null
  discountPercent: string
  taxRatePercent: string
  taxExempt: boolean
  subtotal: string | null
  discountAmount: string | null
  taxAmount: string | null
  shippingAmount: string | null
  total: string | null
}

/** A quote for an order: who it is for, what they get, what it costs and until when. */
export interface Quote {
  format: typeof QUOTE_FORMAT
  order: {
    id: number
    number: string
    poNumber: string | null
    type: string
    phase: string
    orderDate: string | null
    requestedDate: string | null
    dueDate: string | null
    promisedDate: string | null
    language: string
    specialInstructions: string | null
  }
  customer: {
    id: number
    code: string | null
    name: string
    contactName: string | null
    email: string | null
    phone: string | null
    billingAddress: Address | null
    shippingAddress: Address | null
    paymentTermsDays: number
  }
  issuedOn: string
  validUntil: string
  sinks: QuoteSink[]
  /** with financials:read only */
  money?: QuoteMoney
}

/** the configuration keys a quote does not list as options: they say which sink, not what it is */
const NOT_OPTIONS = new Set(['product', 'buildNumber', 'language'])

function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'none'
  if (Array.isArray(value)) {
    if (value.length === 0) return 'none'
    return value.map(describeValue).join('; ')
  }
  if (typeof value === 'object') {
    return Object.entries(value)
      .map(([key, child]) => `${key} ${describeValue(child)}`)
      .join(', ')
  }
  if (typeof value === 'string') return value
  return JSON.stringify(value)
}

/**
 * A sink's main options from its configuration, one per top-level field in the configuration's order.
 *
 * @example sinkOptions({ model: 'T2-B1', feet: 'LEVELING_CASTERS' }) // [{ name: 'model', value: 'T2-B1' }, …]
 */
function sinkOptions(configuration: Record<string, unknown>): QuoteOption[] {
  return Object.entries(configuration)
    .filter(([key]) => !NOT_OPTIONS.has(key))
    .map(([name, value]) => ({
      name,
      value:
        Array.isArray(value) && value.length > 0
          ? `${value.length} × ${describeValue(value)}`
          : describeValue(value),
    }))
}

/** A BOM tree as table rows, depth first, each with its level. */
function bomRows(tree: readonly BomTreeLine[], level = 1): QuoteBomRow[] {
  return tree.flatMap((line) => [
    { level, id: line.id, number: line.number, name: line.name, quantity: line.quantity },
    ...bomRows(line.children, level + 1),
  ])
}

function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`)
  date.setUTCDate(date.getUTCDate() + days)
  return date.toISOString().slice(0, 10)
}

/**
 * Builds an order's quote. Prices and totals are in it only when `financial` is true (the reader has
 * financials:read); an approved order's prices are those stored at approval.
 */
export async function buildQuote(
  db: Executor,
  input: { orderId: number; financial: boolean; now: Date },
): Promise<Quote> {
  const [order] = await db.select().from(orders).where(eq(orders.id, input.orderId))
  if (order === undefined) throw new ProblemError('notFound', `There is no order ${input.orderId}.`)
  const [customer] = await db.select().from(customers).where(eq(customers.id, order.customerId))
  if (customer === undefined) throw new Error(`order ${order.number} has no customer row`)
  const items = await itemsOf(db, [order.id])
  const pricing = input.financial ? await priceOrder(db, order) : undefined
  const issuedOn = input.now.toISOString().slice(0, 10)
  const sinks = items.map((item) => quoteSink(item, pricing))
  const quote: Quote = {
    format: QUOTE_FORMAT,
    order: {
      id: order.id,
      number: order.number,
      poNumber: order.poNumber,
      type: order.type,
      phase: order.phase,
      orderDate: order.orderDate,
      requestedDate: order.requestedDate,
      dueDate: order.dueDate,
      promisedDate: order.promisedDate,
      language: order.language,
      specialInstructions: order.specialInstructions,
    },
    customer: {
      id: customer.id,
      code: customer.code,
      name: customer.name,
      contactName: customer.contactName,
      email: customer.email,
      phone: customer.phone,
      billingAddress: customer.billingAddress,
      shippingAddress: customer.shippingAddress,
      paymentTermsDays: customer.paymentTermsDays,
    },
    issuedOn,
    validUntil: addDays(issuedOn, QUOTE_VALIDITY_DAYS),
    sinks,
  }
  if (pricing !== undefined) {
    quote.money = {
      currency: pricing.currency,
      basis: pricing.basis,
      pricedAt: pricing.pricedAt,
      discountPercent: order.discountPercent,
      taxRatePercent: order.taxRatePercent,
      taxExempt: customer.taxExempt,
      subtotal: pricing.totals?.subtotal ?? null,
      discountAmount: pricing.totals?.discountAmount ?? null,
      taxAmount: pricing.totals?.taxAmount ?? null,
      shippingAmount: pricing.totals?.shippingAmount ?? null,
      total: pricing.totals?.total ?? null,
    }
  }
  return quote
}

/** one sink of the quote: its options and BOM, and its prices when the reader may see them */
function quoteSink(
  item: Awaited<ReturnType<typeof itemsOf>>[number],
  pricing: Awaited<ReturnType<typeof priceOrder>> | undefined,
): QuoteSink {
  const document = item.document
  const sink: QuoteSink = {
    itemId: item.id,
    buildNumber: item.buildNumber,
    bomRevision: document?.revision ?? null,
    options: document === null ? [] : sinkOptions(document.configuration),
    bom: document === null ? [] : bomRows(document.tree),
  }
  const priced = pricing?.sinks.find((candidate) => candidate.itemId === item.id)
  if (priced !== undefined) {
    sink.prices = { unitPrice: priced.unitPrice, lines: priced.lines, unpriced: priced.unpriced }
  }
  return sink
}
