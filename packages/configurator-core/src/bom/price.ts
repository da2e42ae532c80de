import Decimal from 'decimal.js'
import { z } from 'zod'
import type { Issue } from '../issues.js'
import type { BomLine } from '../bom-line.js'
import { zodIssues } from '../zod-issues.js'

const Money = z
  .string()
  .regex(/^\d+(\.\d{1,4})?$/, 'expected a decimal string with at most 4 decimals, such as "12.5"')
const Percent = z
  .string()
  .regex(/^\d{1,3}(\.\d{1,3})?$/, 'expected a percentage as a decimal string, such as "35"')

/**
 * Selling prices: a list price per sellable item (the BOM's top-level lines), and for custom 700-series
 * parts, which no list can hold, a rule per family: the list price of a standard base item plus a
 * markup. Unit costs are a different list (`PriceList`) and never priced a quote.
 */
export const SellingPriceListSchema = z.strictObject({
  $schema: z.string().optional(),
  description: z.string().optional(),
  currency: z.string().regex(/^[A-Z]{3}$/, 'expected a three-letter currency code such as "USD"'),
  prices: z.record(z.string(), Money),
  customParts: z
    .array(
      z.strictObject({
        family: z.string().min(1),
        base: z.string().min(1),
        markupPercent: Percent,
      }),
    )
    .max(1000)
    .default([]),
})
export type SellingPriceList = z.infer<typeof SellingPriceListSchema>

/**
 * Checks a selling price list; every problem comes back with its path.
 *
 * @example const { priceList, issues } = parseSellingPriceList(json, 'fixtures/catalog/list-prices.json')
 */
export function parseSellingPriceList(
  value: unknown,
  file?: string,
): { priceList: SellingPriceList | undefined; issues: Issue[] } {
  const parsed = SellingPriceListSchema.safeParse(value, { reportInput: true })
  if (parsed.success) return { priceList: parsed.data, issues: [] }
  return {
    priceList: undefined,
    issues: zodIssues(parsed.error.issues, file === undefined ? {} : { file }),
  }
}

/** money is rounded to cents, half away from zero, wherever an amount is derived */
function cents(value: Decimal): Decimal {
  return value.toDecimalPlaces(2, Decimal.ROUND_HALF_UP)
}

/** One priced BOM line; `unitPrice` and `total` are null when the list has no price for it. */
export interface PricedLine {
  id: string
  number: string | null
  name: string
  quantity: string
  unitPrice: string | null
  total: string | null
  /** `list`: the item's list price; `custom`: a base item's price plus the family's markup */
  basis: 'list' | 'custom' | null
}

/** A sink's selling price: its priced lines and their sum; `complete` is false when a line has no price. */
export interface SinkPrice {
  currency: string
  lines: PricedLine[]
  unitPrice: string
  complete: boolean
  unpriced: string[]
}

function unitPriceOf(
  line: Pick<BomLine, 'id' | 'custom' | 'family'>,
  list: SellingPriceList,
): { price: Decimal; basis: 'list' | 'custom' } | undefined {
  const listed = Object.hasOwn(list.prices, line.id) ? list.prices[line.id] : undefined
  if (listed !== undefined) return { price: new Decimal(listed), basis: 'list' }
  if (!line.custom) return undefined
  const rule = list.customParts.find((candidate) => candidate.family === line.family)
  const base =
    rule !== undefined && Object.hasOwn(list.prices, rule.base) ? list.prices[rule.base] : undefined
  if (rule === undefined || base === undefined) return undefined
  const markup = new Decimal(rule.markupPercent).div(100).plus(1)
  return { price: cents(new Decimal(base).times(markup)), basis: 'custom' }
}

/**
 * Prices one sink from its BOM's top-level lines, in exact decimals: each line's list price (or a
 * custom part's base price plus markup, rounded to cents) times its quantity. A line without a price
 * is listed in `unpriced`, never counted as 0.
 *
 * @example priceSink(document.lines, listPrices).unitPrice // '4815.00'
 */
export function priceSink(
  lines: readonly Pick<BomLine, 'id' | 'name' | 'number' | 'quantity' | 'custom' | 'family'>[],
  list: SellingPriceList,
): SinkPrice {
  let sum = new Decimal(0)
  const unpriced: string[] = []
  const priced = lines.map((line): PricedLine => {
    const found = unitPriceOf(line, list)
    const base = { id: line.id, number: line.number, name: line.name, quantity: line.quantity }
    if (found === undefined) {
      unpriced.push(line.id)
      return { ...base, unitPrice: null, total: null, basis: null }
    }
    const total = cents(found.price.times(line.quantity))
    sum = sum.plus(total)
    return {
      ...base,
      unitPrice: found.price.toFixed(2),
      total: total.toFixed(2),
      basis: found.basis,
    }
  })
  return {
    currency: list.currency,
    lines: priced,
    unitPrice: sum.toFixed(2),
    complete: unpriced.length === 0,
    unpriced,
  }
}

/** The money terms of an order: discount and tax as percentages, shipping as an amount. */
export interface OrderTerms {
  discountPercent: string
  taxRatePercent: string
  shippingAmount: string
  /** a tax-exempt customer pays no tax, whatever the rate */
  taxExempt: boolean
}

/** An order's totals, each rounded to cents. */
export interface OrderTotals {
  subtotal: string
  discountAmount: string
  taxAmount: string
  shippingAmount: string
  total: string
}

/**
 * An order's totals from its sinks' unit prices: subtotal, the discount on it, tax on the discounted
 * subtotal (shipping is not taxed), shipping, and the total. Each derived amount is rounded to cents,
 * half away from zero, before it is added.
 *
 * @example orderTotals(['100.00', '50.00'], { discountPercent: '10', taxRatePercent: '8.25', shippingAmount: '20', taxExempt: false }).total // '166.14'
 */
export function orderTotals(unitPrices: readonly string[], terms: OrderTerms): OrderTotals {
  const subtotal = unitPrices.reduce((sum, price) => sum.plus(price), new Decimal(0))
  const discount = cents(subtotal.times(terms.discountPercent).div(100))
  const taxable = subtotal.minus(discount)
  const tax = terms.taxExempt ? new Decimal(0) : cents(taxable.times(terms.taxRatePercent).div(100))
  const shipping = cents(new Decimal(terms.shippingAmount))
  return {
    subtotal: subtotal.toFixed(2),
    discountAmount: discount.toFixed(2),
    taxAmount: tax.toFixed(2),
    shippingAmount: shipping.toFixed(2),
    total: taxable.plus(tax).plus(shipping).toFixed(2),
  }
}
