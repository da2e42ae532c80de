import Decimal from 'decimal.js'
import { compareText } from '../issues.js'

/** A line as a diff sees it: an id (with notes, where a line has them) and a decimal quantity. */
export interface QuantityLine {
  id: string
  quantity: string
  notes?: string | undefined
}

/** How one list of lines became another. */
export interface LineChanges {
  added: QuantityLine[]
  removed: QuantityLine[]
  changed: { id: string; notes?: string; from: string; to: string }[]
}

/** The difference between two BOMs: their top-level lines and their flattened part lists. */
export interface BomDiff {
  lines: LineChanges
  flat: LineChanges
}

function keyOf(line: { id: string; notes?: string | undefined }): string {
  return line.notes === undefined ? line.id : `${line.id}\u0000${line.notes}`
}

function plain(line: QuantityLine): QuantityLine {
  return line.notes === undefined
    ? { id: line.id, quantity: line.quantity }
    : { id: line.id, quantity: line.quantity, notes: line.notes }
}

/**
 * Lines added, removed and changed in quantity from `before` to `after`, sorted by id.
 *
 * @example diffLines([{ id: 'A', quantity: '1' }], [{ id: 'A', quantity: '2' }]).changed // [{ id: 'A', from: '1', to: '2' }]
 */
export function diffLines(
  before: readonly QuantityLine[],
  after: readonly QuantityLine[],
): LineChanges {
  const old = new Map(before.map((line) => [keyOf(line), line]))
  const next = new Map(after.map((line) => [keyOf(line), line]))
  const changes: LineChanges = { added: [], removed: [], changed: [] }
  for (const [key, line] of next) {
    const was = old.get(key)
    if (was === undefined) changes.added.push(plain(line))
    else if (!new Decimal(was.quantity).equals(line.quantity)) {
      changes.changed.push({
        id: line.id,
        ...(line.notes === undefined ? {} : { notes: line.notes }),
        from: was.quantity,
        to: line.quantity,
      })
    }
  }
  for (const [key, line] of old) if (!next.has(key)) changes.removed.push(plain(line))
  const order = (
    a: QuantityLine | LineChanges['changed'][number],
    b: QuantityLine | LineChanges['changed'][number],
  ) => compareText(a.id, b.id) || compareText(a.notes ?? '', b.notes ?? '')
  changes.added.sort(order)
  changes.removed.sort(order)
  changes.changed.sort(order)
  return changes
}

/**
 * Applies changes to lines: `applyLineChanges(a, diffLines(a, b))` holds the same lines as `b`, sorted by id.
 *
 * @example applyLineChanges(before, diffLines(before, after))
 */
export function applyLineChanges(
  lines: readonly QuantityLine[],
  changes: LineChanges,
): QuantityLine[] {
  const out = new Map(lines.map((line) => [keyOf(line), plain(line)]))
  for (const line of changes.removed) out.delete(keyOf(line))
  for (const change of changes.changed) {
    const key = keyOf(change)
    const line = out.get(key)
    if (line !== undefined) out.set(key, { ...line, quantity: change.to })
  }
  for (const line of changes.added) out.set(keyOf(line), plain(line))
  return [...out.values()].sort(
    (a, b) => compareText(a.id, b.id) || compareText(a.notes ?? '', b.notes ?? ''),
  )
}

/**
 * The difference between two BOM documents (or anything with `lines` and `flat`).
 *
 * @example diffBoms(revision1, revision2).lines.added
 */
export function diffBoms(
  before: { lines: readonly QuantityLine[]; flat: readonly QuantityLine[] },
  after: { lines: readonly QuantityLine[]; flat: readonly QuantityLine[] },
): BomDiff {
  return { lines: diffLines(before.lines, after.lines), flat: diffLines(before.flat, after.flat) }
}
