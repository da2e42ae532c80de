import type { OrderTotals, PricedLine, SellingPriceList } from '@torvan/configurator-core'
import { orderTotals, priceSink } from '@torvan/configurator-core'
import { eq } from 'drizzle-orm'
import { readSellingPriceList } from '../catalog/read.js'
import type { Executor } from '../db/open.js'
import { customers, orderItems, orders } from '../db/schema/index.js'
import type { OrderRow } from './store.js'
import { itemsOf } from './store.js'

/** One sink's selling price: stored at approval, or live from the current list before. */
interface SinkPricing {
  itemId: number
  buildNumber: string
  /** null when the sink has no BOM yet, or no selling price list exists */
  unitPrice: string | null
  /** the BOM's top-level lines with their list prices (live prices only: approval stores the sum) */
  lines: PricedLine[]
  /** the lines the list has no price for; they are left out of the sum, never counted as 0 */
  unpriced: string[]
}

/** An order's selling prices and totals, in exact decimals (strings with 2 decimals). */
export interface OrderPricing {
  currency: string
  /** `stored`: fixed at approval; `live`: from today's price list; `none`: there is no price list */
  basis: 'stored' | 'live' | 'none'
  pricedAt: string | null
  sinks: SinkPricing[]
  totals: OrderTotals | null
}

/**
 * A stored numeric(14, 4) amount, already rounded to cents, with its 2 decimals.
 *
 * @example storedAmount('6222.8300') // '6222.83'
 */
export function storedAmount(value: string): string {
  const [whole, fraction = ''] = value.split('.')
  return `${whole ?? '0'}.${`${fraction}00`.slice(0, 2)}`
}

async function taxExemptOf(db: Executor, order: OrderRow): Promise<boolean> {
  const [row] = await db
    .select({ taxExempt: customers.taxExempt })
    .from(customers)
    .where(eq(customers.id, order.customerId))
  return row?.taxExempt ?? false
}

/**
 * Prices an order from today's selling price list: each sink from its BOM's lines (priceSink), the
 * order's totals from its terms (orderTotals). Unpriced lines are listed, never counted as 0.
 */
async function priceOrderLive(
  db: Executor,
  order: OrderRow,
  list?: SellingPriceList,
): Promise<OrderPricing> {
  const priceList = list ?? (await readSellingPriceList(db))
  const items = await itemsOf(db, [order.id])
  if (priceList === undefined) {
    return {
      currency: order.currency,
      basis: 'none',
      pricedAt: null,
      sinks: items.map((item) => ({
        itemId: item.id,
        buildNumber: item.buildNumber,
        unitPrice: null,
        lines: [],
        unpriced: [],
      })),
      totals: null,
    }
  }
  const sinks = items.map((item): SinkPricing => {
    const document = item.document
    if (document === null) {
      return {
        itemId: item.id,
        buildNumber: item.buildNumber,
        unitPrice: null,
        lines: [],
        unpriced: [],
      }
    }
    const priced = priceSink(document.lines, priceList)
    return {
      itemId: item.id,
      buildNumber: item.buildNumber,
      unitPrice: priced.unitPrice,
      lines: priced.lines,
      unpriced: priced.unpriced,
    }
  })
  const totals = orderTotals(
    sinks.flatMap((sink) => (sink.unitPrice === null ? [] : [sink.unitPrice])),
    {
      discountPercent: order.discountPercent,
      taxRatePercent: order.taxRatePercent,
      shippingAmount: order.shippingAmount,
      taxExempt: await taxExemptOf(db, order),
    },
  )
  return { currency: priceList.currency, basis: 'live', pricedAt: null, sinks, totals }
}

/**
 * An order's prices: those stored at its approval (a later price-list change never alters them), or
 * live from today's list before.
 */
export async function priceOrder(db: Executor, order: OrderRow): Promise<OrderPricing> {
  if (order.pricedAt === null) return priceOrderLive(db, order)
  const rows = await db
    .select({
      id: orderItems.id,
      buildNumber: orderItems.buildNumber,
      unitPrice: orderItems.unitPrice,
    })
    .from(orderItems)
    .where(eq(orderItems.orderId, order.id))
    .orderBy(orderItems.id)
  const stored = (value: string | null) => (value === null ? '0.00' : storedAmount(value))
  return {
    currency: order.currency,
    basis: 'stored',
    pricedAt: order.pricedAt.toISOString(),
    sinks: rows.map((row) => ({
      itemId: row.id,
      buildNumber: row.buildNumber,
      unitPrice: row.unitPrice === null ? null : storedAmount(row.unitPrice),
      lines: [],
      unpriced: [],
    })),
    totals: {
      subtotal: stored(order.subtotal),
      discountAmount: stored(order.discountAmount),
      taxAmount: stored(order.taxAmount),
      shippingAmount: storedAmount(order.shippingAmount),
      total: stored(order.total),
    },
  }
}

/**
 * Stores an order's prices at approval: each sink's unit price and the order's totals, from today's
 * selling price list. Without a list nothing is stored and the order stays unpriced.
 */
export async function storeOrderPrices(
  tx: Executor,
  order: OrderRow,
  now: Date,
): Promise<OrderPricing> {
  const pricing = await priceOrderLive(tx, order)
  if (pricing.totals === null) return pricing
  for (const sink of pricing.sinks) {
    await tx
      .update(orderItems)
      .set({ unitPrice: sink.unitPrice })
      .where(eq(orderItems.id, sink.itemId))
  }
  await tx
    .update(orders)
    .set({
      subtotal: pricing.totals.subtotal,
      discountAmount: pricing.totals.discountAmount,
      taxAmount: pricing.totals.taxAmount,
      total: pricing.totals.total,
      pricedAt: now,
    })
    .where(eq(orders.id, order.id))
  return { ...pricing, basis: 'stored', pricedAt: now.toISOString() }
}
