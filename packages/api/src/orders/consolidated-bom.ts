import type { BomDocument, BomTreeLine, PriceList } from '@torvan/configurator-core'
import { consolidateBoms, formatCsv, rollUpCost } from '@torvan/configurator-core'
import type { Executor } from '../db/open.js'
import { itemsOf } from './store.js'

/** the 700-series numbers the documents give their items, at any level of their trees */
function numbersOf(documents: readonly BomDocument[]): Map<string, string> {
  const numbers = new Map<string, string>()
  const visit = (lines: readonly BomTreeLine[]) => {
    for (const line of lines) {
      if (line.number !== null && !numbers.has(line.id)) numbers.set(line.id, line.number)
      visit(line.children)
    }
  }
  for (const document of documents) {
    for (const line of document.lines)
      if (line.number !== null && !numbers.has(line.id)) numbers.set(line.id, line.number)
    visit(document.tree)
  }
  return numbers
}

/** An order's consolidated BOM: every sink's lines summed, and the documents it was summed from. */
export async function consolidatedBom(db: Executor, orderId: number) {
  const documents = (await itemsOf(db, [orderId])).flatMap((item) =>
    item.document === null ? [] : [{ buildNumber: item.buildNumber, document: item.document }],
  )
  const consolidated = consolidateBoms(
    documents.map(({ buildNumber, document }) => ({
      buildNumber,
      lines: document.lines,
      flat: document.flat,
    })),
  )
  return { consolidated, documents: documents.map((item) => item.document) }
}

/**
 * The consolidated BOM as CSV, one row per part with its number and builds; with a price list (for users
 * who may see costs) the unit cost and line total too.
 */
export function consolidatedBomCsv(
  bom: Awaited<ReturnType<typeof consolidatedBom>>,
  prices: PriceList | undefined,
  financial: boolean,
): string {
  const header = ['id', 'name', 'number', 'quantity', 'builds']
  if (financial) header.push('unit_cost', 'line_total')
  const { consolidated } = bom
  const cost = financial && prices !== undefined ? rollUpCost(consolidated.flat, prices) : undefined
  const costs = new Map(cost?.lines.map((line) => [line.id, line]))
  const numbers = numbersOf(bom.documents)
  const rows = consolidated.flat.map((line) => {
    const cells = [
      line.id,
      line.name,
      numbers.get(line.id) ?? '',
      line.quantity,
      line.builds.join(' '),
    ]
    if (financial) cells.push(costs.get(line.id)?.unitCost ?? '', costs.get(line.id)?.total ?? '')
    return cells
  })
  return formatCsv([header, ...rows])
}
