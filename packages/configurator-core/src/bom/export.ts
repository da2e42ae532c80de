import Decimal from 'decimal.js'
import type { PriceList } from './cost.js'
import type { BomDocument, BomTreeLine } from './document.js'

/** A row of an exported BOM: one line of the tree (or of the flat list), with its cost where known. */
export interface BomRow {
  level: number
  /** ids from the top-level line down to this one */
  path: string[]
  number: string | null
  id: string
  name: string
  quantity: string
  unitCost: string | null
  lineTotal: string | null
}

function priceOf(prices: PriceList | undefined, id: string): Decimal | null {
  if (prices === undefined || !Object.hasOwn(prices.prices, id)) return null
  return new Decimal(prices.prices[id] as string)
}

/** Rows of the tree, depth first; an assembly's total is the sum of its children's (null if one is unpriced). */
function treeRows(
  lines: readonly BomTreeLine[],
  options: { prices: PriceList | undefined; level: number; path: string[] },
): { rows: BomRow[]; total: Decimal | null } {
  const rows: BomRow[] = []
  let sum: Decimal | null = new Decimal(0)
  for (const line of lines) {
    const path = [...options.path, line.id]
    const row: BomRow = {
      level: options.level,
      path,
      number: line.number,
      id: line.id,
      name: line.name,
      quantity: line.quantity,
      unitCost: null,
      lineTotal: null,
    }
    rows.push(row)
    let total: Decimal | null
    if (line.children.length === 0) {
      const price = priceOf(options.prices, line.id)
      total = price === null ? null : price.times(line.quantity)
    } else {
      const below = treeRows(line.children, {
        prices: options.prices,
        level: options.level + 1,
        path,
      })
      rows.push(...below.rows)
      total = below.total
    }
    if (total !== null) {
      row.lineTotal = total.toFixed()
      row.unitCost = total.dividedBy(line.quantity).toDecimalPlaces(4).toFixed()
    }
    sum = sum === null || total === null ? null : sum.plus(total)
  }
  return { rows, total: sum }
}

/**
 * The rows of a BOM document: its exploded tree (levels from 1), or with `flat` its part list.
 *
 * @example bomRows(document, { prices }).filter((row) => row.level === 1)
 */
export function bomRows(
  document: BomDocument,
  options: { flat?: boolean; prices?: PriceList } = {},
): BomRow[] {
  if (options.flat === true) {
    return document.flat.map((line) => {
      const price = priceOf(options.prices, line.id)
      return {
        level: 1,
        path: [line.id],
        number: document.lines.find((l) => l.id === line.id)?.number ?? null,
        id: line.id,
        name: line.name,
        quantity: line.quantity,
        unitCost: price === null ? null : price.toFixed(),
        lineTotal: price === null ? null : price.times(line.quantity).toFixed(),
      }
    })
  }
  return treeRows(document.tree, { prices: options.prices, level: 1, path: [] }).rows
}

/** quotes a field when RFC 4180 needs it: a comma, a quote, a line break, or edge white space */
function csvField(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value
}

/**
 * Rows as CSV (RFC 4180: CRLF line ends, fields quoted where needed), with a UTF-8 byte-order mark so
 * that spreadsheets read names such as `¼″` correctly; the first row is the header.
 *
 * @example formatCsv([['id', 'quantity'], ['T2-BODY-48-60-HA', '1']])
 */
export function formatCsv(rows: readonly (readonly string[])[]): string {
  return `\ufeff${rows.map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`
}

/**
 * The BOM as CSV (written by `formatCsv`): its tree with levels and paths, or with `flat` its part
 * list, with costs where there are prices.
 *
 * @example writeFileSync('bom.csv', bomToCsv(document, { prices }))
 */
export function bomToCsv(
  document: BomDocument,
  options: { flat?: boolean; prices?: PriceList } = {},
): string {
  const header = ['level', 'path', 'number', 'id', 'name', 'quantity', 'unit_cost', 'line_total']
  const rows = bomRows(document, options).map((row) => [
    String(row.level),
    row.path.join(' > '),
    row.number ?? '',
    row.id,
    row.name,
    row.quantity,
    row.unitCost ?? '',
    row.lineTotal ?? '',
  ])
  return formatCsv([header, ...rows])
}

/**
 * The BOM as an indented text tree, one line per row: `2 × T2-DRAIN-VALVE  DRAIN VALVE  [713.1]`.
 *
 * @example process.stdout.write(bomToText(document))
 */
export function bomToText(
  document: BomDocument,
  options: { flat?: boolean; prices?: PriceList } = {},
): string {
  const lines = bomRows(document, options).map((row) => {
    const number = row.number === null ? '' : `  [${row.number}]`
    const cost = row.lineTotal === null ? '' : `  ${row.lineTotal}`
    return `${'  '.repeat(row.level - 1)}${row.quantity} × ${row.id}  ${row.name}${number}${cost}`
  })
  return `${lines.join('\n')}\n`
}
