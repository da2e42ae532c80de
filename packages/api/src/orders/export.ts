import type { PriceList } from '@torvan/configurator-core'
import { consolidateBoms, formatCsv, rollUpCost } from '@torvan/configurator-core'
import { asc, eq } from 'drizzle-orm'
import type { Executor } from '../db/open.js'
import { boms, orderItems } from '../db/schema/index.js'
import { ProblemError } from '../http/problem.js'
import type { OrderView } from './store.js'

/** The version of the export format; a change that breaks a reader makes it 2. */
export const EXPORT_FORMAT = 'torvan-erp-export/1'

/** The catalog names no unit of measure; the document's default is EACH. */
const UNIT = 'EACH'

/** One line of the export: an item, its 700-series number, quantity, unit and (permitted) cost. */
interface ExportLine {
  position: number
  id: string
  name: string
  number: string | null
  quantity: string
  unit: string
  custom: boolean
  builds?: string[]
  unitCost?: string | null
  lineCost?: string | null
}

/** An order's export for the ERP: each sink's frozen BOM and the consolidated lines and parts. */
export interface OrderExport {
  format: typeof EXPORT_FORMAT
  exportedAt: string
  order: Pick<
    OrderView,
    'id' | 'number' | 'poNumber' | 'customer' | 'phase' | 'priority' | 'dueDate' | 'shipping'
  >
  currency?: string
  builds: {
    buildNumber: string
    bomId: number
    revision: number
    contentHash: string
    frozenAt: string
    lines: ExportLine[]
    parts: ExportLine[]
    totalCost?: string
  }[]
  consolidated: { lines: ExportLine[]; parts: ExportLine[]; totalCost?: string }
}

type Priced = { id: string; quantity: string }

function priced<T extends Priced>(
  lines: readonly T[],
  prices: PriceList | undefined,
): { lines: (T & { unitCost?: string | null; lineCost?: string | null })[]; total?: string } {
  if (prices === undefined) return { lines: [...lines] }
  const cost = rollUpCost(
    lines.map((line) => ({ id: line.id, name: '', quantity: line.quantity })),
    prices,
  )
  return {
    lines: lines.map((line, i) => ({
      ...line,
      unitCost: cost.lines[i]?.unitCost ?? null,
      lineCost: cost.lines[i]?.total ?? null,
    })),
    total: cost.total,
  }
}

function numbered(lines: readonly { id: string; name: string; quantity: string }[]): ExportLine[] {
  return lines.map((line, i) => {
    const { id, name, quantity } = line
    const extra = line as unknown as Partial<ExportLine>
    return {
      position: i + 1,
      id,
      name,
      number: extra.number ?? null,
      quantity,
      unit: UNIT,
      custom: extra.custom ?? false,
      ...(extra.builds === undefined ? {} : { builds: extra.builds }),
    }
  })
}

/**
 * Builds an order's ERP export from its frozen BOMs, with costs when `prices` is given (the caller
 * decides who may see them). An order whose BOMs are not frozen yet is a 409 problem.
 */
export async function exportOrder(
  db: Executor,
  order: OrderView,
  input: { prices: PriceList | undefined; now: Date },
): Promise<OrderExport> {
  const rows = await db
    .select({ buildNumber: orderItems.buildNumber, bom: boms })
    .from(orderItems)
    .leftJoin(boms, eq(boms.id, orderItems.bomId))
    .where(eq(orderItems.orderId, order.id))
    .orderBy(asc(orderItems.id))
  const open = rows.filter((row) => row.bom?.frozenAt === null || row.bom === null)
  if (rows.length === 0 || open.length > 0) {
    throw new ProblemError(
      'conflict',
      `Order ${order.number} is in ${order.phase}: its BOMs are frozen when it is approved for production (APPROVAL → PRODUCTION), and only frozen BOMs are exported.`,
      { extensions: { phase: order.phase } },
    )
  }
  const sinks = rows.map((row) => {
    // every row has a frozen BOM: checked above
    const bom = row.bom as typeof boms.$inferSelect & { frozenAt: Date }
    return { buildNumber: row.buildNumber, bom, document: bom.document }
  })
  const consolidated = consolidateBoms(
    sinks.map((sink) => ({
      buildNumber: sink.buildNumber,
      lines: sink.document.lines,
      flat: sink.document.flat,
    })),
  )
  const costs = (lines: ExportLine[]) => priced(lines, input.prices)
  const allLines = costs(numbered(consolidated.lines))
  const allParts = costs(numbered(consolidated.flat))
  const { id, number, poNumber, customer, phase, priority, dueDate, shipping } = order
  return {
    format: EXPORT_FORMAT,
    exportedAt: input.now.toISOString(),
    order: { id, number, poNumber, customer, phase, priority, dueDate, shipping },
    ...(input.prices === undefined ? {} : { currency: input.prices.currency }),
    builds: sinks.map((sink) => {
      const lines = costs(numbered(sink.document.lines))
      const parts = costs(numbered(sink.document.flat))
      return {
        buildNumber: sink.buildNumber,
        bomId: sink.bom.id,
        revision: sink.bom.revision,
        contentHash: sink.bom.contentHash,
        frozenAt: sink.bom.frozenAt.toISOString(),
        lines: lines.lines,
        parts: parts.lines,
        ...(parts.total === undefined ? {} : { totalCost: parts.total }),
      }
    }),
    consolidated: {
      lines: allLines.lines,
      parts: allParts.lines,
      ...(allParts.total === undefined ? {} : { totalCost: allParts.total }),
    },
  }
}

/** The CSV columns of the export, fixed: the cost columns stay empty for users who may not see costs. */
const EXPORT_CSV_HEADER =
  'format,order,build,kind,position,id,name,number,quantity,unit,unit_cost,line_cost'

/** The export as CSV: every build's lines and parts, then the consolidated ones (build `*`). */
export function exportToCsv(document: OrderExport): string {
  const rows: string[][] = [EXPORT_CSV_HEADER.split(',')]
  const add = (build: string, kind: string, lines: readonly ExportLine[]) => {
    for (const line of lines) {
      rows.push([
        document.format,
        document.order.number,
        build,
        kind,
        String(line.position),
        line.id,
        line.name,
        line.number ?? '',
        line.quantity,
        line.unit,
        line.unitCost ?? '',
        line.lineCost ?? '',
      ])
    }
  }
  for (const build of document.builds) {
    add(build.buildNumber, 'line', build.lines)
    add(build.buildNumber, 'part', build.parts)
  }
  add('*', 'line', document.consolidated.lines)
  add('*', 'part', document.consolidated.parts)
  return formatCsv(rows)
}
