/** Keys that carry prices or costs: users without `financials:read` never see them. */
const FINANCIAL_KEYS: ReadonlySet<string> = new Set([
  'cost',
  'unitPrice',
  'unitCost',
  'price',
  'prices',
  'totalCost',
  'currency',
  'money',
])

/** A copy of a JSON value without its price and cost fields, at any depth. */
export function withoutFinancials(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutFinancials)
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    const out: Record<string, unknown> = {}
    for (const [key, child] of Object.entries(value)) {
      if (!FINANCIAL_KEYS.has(key)) out[key] = withoutFinancials(child)
    }
    return out
  }
  return value
}
