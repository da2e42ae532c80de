import Decimal from 'decimal.js'
import type { FlatLine } from '../catalog/explode.js'
import { compareText } from '../issues.js'
import type { BomLine } from '../bom-line.js'

/** A line of an order's consolidated BOM: the sum over its sinks, remembering their build numbers. */
export interface ConsolidatedLine {
  id: string
  name: string
  number: string | null
  quantity: string
  custom: boolean
  notes?: string
  /** the build numbers of the sinks that hold the line, in order */
  builds: string[]
}

/** An order-level BOM: the top-level lines and the flattened parts of several sinks, summed. */
export interface ConsolidatedBom {
  builds: string[]
  lines: ConsolidatedLine[]
  flat: (FlatLine & { builds: string[] })[]
}

function add<TLine extends { quantity: string; builds: string[] }>(
  into: Map<string, TLine>,
  line: TLine & { key: string },
  build: string,
): void {
  const { key, ...rest } = line
  const existing = into.get(key)
  if (existing === undefined) {
    into.set(key, { ...(rest as unknown as TLine), builds: [build] })
    return
  }
  existing.quantity = new Decimal(existing.quantity).plus(line.quantity).toFixed()
  if (!existing.builds.includes(build)) existing.builds.push(build)
}

/**
 * Sums several sinks' BOMs into one order-level BOM; each line remembers the build numbers it came from.
 *
 * @example consolidateBoms([{ buildNumber: '34567', lines, flat }, …]).lines
 */
export function consolidateBoms(
  sinks: readonly { buildNumber: string; lines: readonly BomLine[]; flat: readonly FlatLine[] }[],
): ConsolidatedBom {
  const lines = new Map<string, ConsolidatedLine>()
  const flat = new Map<string, FlatLine & { builds: string[] }>()
  for (const sink of sinks) {
    for (const line of sink.lines) {
      const key = line.notes === undefined ? line.id : `${line.id}\u0000${line.notes}`
      const entry: ConsolidatedLine = {
        id: line.id,
        name: line.name,
        number: line.number,
        quantity: line.quantity,
        custom: line.custom,
        builds: [],
      }
      if (line.notes !== undefined) entry.notes = line.notes
      add(lines, { ...entry, key }, sink.buildNumber)
    }
    for (const line of sink.flat) add(flat, { ...line, builds: [], key: line.id }, sink.buildNumber)
  }
  const byId = (a: { id: string; notes?: string }, b: { id: string; notes?: string }) =>
    compareText(a.id, b.id) || compareText(a.notes ?? '', b.notes ?? '')
  return {
    builds: sinks.map((sink) => sink.buildNumber),
    lines: [...lines.values()].sort(byId),
    flat: [...flat.values()].sort(byId),
  }
}
