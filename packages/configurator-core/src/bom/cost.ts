import Decimal from 'decimal.js'
import { z } from 'zod'
import type { FlatLine } from '../catalog/explode.js'
import type { Issue } from '../issues.js'
import { zodIssues } from '../zod-issues.js'

const Money = z
  .string()
  .regex(/^\d+(\.\d{1,4})?$/, 'expected a decimal string with at most 4 decimals, such as "12.5"')

/** A price list: unit cost per item id, in one currency. Money is a decimal string, never a float. */
export const PriceListSchema = z.strictObject({
  $schema: z.string().optional(),
  description: z.string().optional(),
  currency: z.string().regex(/^[A-Z]{3}$/, 'expected a three-letter currency code such as "USD"'),
  prices: z.record(z.string(), Money),
})
export type PriceList = z.infer<typeof PriceListSchema>

/**
 * Checks a price list; every problem comes back with its path.
 *
 * @example const { priceList, issues } = parsePriceList(json, 'fixtures/catalog/prices.json')
 */
export function parsePriceList(
  value: unknown,
  file?: string,
): { priceList: PriceList | undefined; issues: Issue[] } {
  const parsed = PriceListSchema.safeParse(value, { reportInput: true })
  if (parsed.success) return { priceList: parsed.data, issues: [] }
  return {
    priceList: undefined,
    issues: zodIssues(parsed.error.issues, file === undefined ? {} : { file }),
  }
}

/** One priced line: unit cost and line total, or null for both when the item has no price. */
export interface CostLine {
  id: string
  quantity: string
  unitCost: string | null
  total: string | null
}

/** Line totals and the BOM total; `complete` is false when any item has no price (never counted as 0). */
export interface CostRollup {
  currency: string
  lines: CostLine[]
  /** the sum of the priced lines */
  total: string
  complete: boolean
  unpriced: string[]
}

/**
 * Prices a flattened part list in exact decimals.
 *
 * @example rollUpCost(document.flat, priceList).total // '1234.5'
 */
export function rollUpCost(flat: readonly FlatLine[], priceList: PriceList): CostRollup {
  let total = new Decimal(0)
  const unpriced: string[] = []
  const lines = flat.map((line): CostLine => {
    const price = Object.hasOwn(priceList.prices, line.id) ? priceList.prices[line.id] : undefined
    if (price === undefined) {
      unpriced.push(line.id)
      return { id: line.id, quantity: line.quantity, unitCost: null, total: null }
    }
    const lineTotal = new Decimal(price).times(line.quantity)
    total = total.plus(lineTotal)
    return {
      id: line.id,
      quantity: line.quantity,
      unitCost: new Decimal(price).toFixed(),
      total: lineTotal.toFixed(),
    }
  })
  return {
    currency: priceList.currency,
    lines,
    total: total.toFixed(),
    complete: unpriced.length === 0,
    unpriced,
  }
}
