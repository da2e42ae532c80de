import type { IssueCode } from '../issue-codes.js'
import type { Issue } from '../issues.js'
import { didYouMean } from '../text/suggest.js'
import { describeValue } from '../zod-issues.js'
import type { InspectionItem } from './instantiate.js'

/**
 * The N/A answer, for any row whose `naAllowed` is true.
 *
 * @example recordValue(row, NA) // { ok: true, record: { outcome: 'NA', … } } where N/A is allowed
 */
export const NA = 'N/A'

/**
 * A recorded answer: `true`/`false` for checks and pass ticks, a number for NUM and measured TEST rows, text for
 * TEXT, SIG and DATE (`YYYY-MM-DD`), an option value (or `{ option, text }`) for CHOICE, or `"N/A"`.
 */
export type QcValue = boolean | number | string | { option: string; text?: string }

/** How a row came out: passed, failed, or not applicable. */
export type QcOutcome = 'PASS' | 'FAIL' | 'NA'

/** A checked answer to one row. */
export interface QcRecord {
  key: string
  value: QcValue
  outcome: QcOutcome
  /** NUM/TEST with an expected value: measured minus expected */
  deviation?: number
}

/** The result of {@link recordValue}: the record, or the issue that says what is wrong with the value. */
export type RecordResult = { ok: true; record: QcRecord } | { ok: false; issue: Issue }

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/
// measurements are decimals typed by people: 44.0000000001 is still 4 from 40
const EPSILON = 1e-9

function isValidDate(text: string): boolean {
  const match = DATE.exec(text)
  if (match === null) return false
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const date = new Date(Date.UTC(year, month - 1, day))
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  )
}

function describeExpected(item: InspectionItem): string {
  const unit = item.unit === undefined ? '' : ` ${item.unit}`
  return `${String(item.expected)}${item.tolerance === undefined ? '' : ` ± ${item.tolerance}`}${unit}`
}

function measure(item: InspectionItem, value: number): QcRecord {
  if (typeof item.expected !== 'number') return { key: item.key, value, outcome: 'PASS' }
  const deviation = value - item.expected
  const pass = Math.abs(deviation) <= (item.tolerance ?? 0) + EPSILON
  return { key: item.key, value, outcome: pass ? 'PASS' : 'FAIL', deviation }
}

function fail(
  item: InspectionItem,
  code: IssueCode,
  text: string | { message: string; hint: string | undefined },
): RecordResult {
  const { message, hint } = typeof text === 'string' ? { message: text, hint: undefined } : text
  return {
    ok: false,
    issue: {
      code,
      severity: 'error',
      path: [item.key],
      message,
      ...(hint === undefined ? {} : { hint }),
    },
  }
}

function pass(item: InspectionItem, value: QcValue): RecordResult {
  return { ok: true, record: { key: item.key, value, outcome: 'PASS' } }
}

function recordChoice(item: InspectionItem, value: QcValue): RecordResult {
  const chosen = typeof value === 'string' ? { option: value } : value
  if (typeof chosen !== 'object' || typeof chosen.option !== 'string')
    return fail(
      item,
      'invalid_type',
      `expected an option value or { "option", "text" }, received ${describeValue(value)}`,
    )
  const options = item.options ?? []
  const option = options.find((o) => o.value === chosen.option)
  if (option === undefined) {
    return fail(item, 'invalid_value', {
      message: `expected one of ${options.map((o) => JSON.stringify(o.value)).join(' | ')}, received ${describeValue(chosen.option)}`,
      hint: didYouMean(
        chosen.option,
        options.map((o) => o.value),
      ),
    })
  }
  const text = chosen.text?.trim() ?? ''
  if (option.text && text === '')
    return fail(
      item,
      'required',
      `option ${JSON.stringify(option.value)} needs a text: record { "option": ${JSON.stringify(option.value)}, "text": "…" }`,
    )
  if (!option.text && chosen.text !== undefined)
    return fail(item, 'unexpected_text', `option ${JSON.stringify(option.value)} takes no text`)
  const outcome = item.expected === undefined || item.expected === option.value ? 'PASS' : 'FAIL'
  return { ok: true, record: { key: item.key, value, outcome } }
}

/**
 * Checks a value against its row's kind and decides the row's outcome: N/A only where allowed, NUM and measured
 * TEST values against expected ± tolerance, CHOICE values against the options (and the expected option).
 *
 * @example recordValue(row, 41.5) // { ok: true, record: { key: 'E2.B#basin1', outcome: 'PASS', deviation: 1.5, … } }
 * @see docs/qc.md#instantiating-recording-and-scoring
 */
export function recordValue(item: InspectionItem, value: QcValue): RecordResult {
  if (item.kind === 'PROC')
    return fail(item, 'not_recordable', 'this row is an instruction: it records nothing')
  if (value === NA) {
    if (item.naAllowed) return { ok: true, record: { key: item.key, value, outcome: 'NA' } }
    return fail(item, 'na_not_allowed', {
      message: `N/A is not allowed on this ${item.kind} row`,
      hint:
        item.kind === 'CHECK'
          ? 'the template can make it a CHECK_NA row'
          : 'the template can set "naAllowed": true',
    })
  }
  switch (item.kind) {
    case 'CHECK':
    case 'CHECK_NA':
      if (typeof value !== 'boolean')
        return fail(
          item,
          'invalid_type',
          `expected true or false${item.naAllowed ? ' or "N/A"' : ''}, received ${describeValue(value)}`,
        )
      return { ok: true, record: { key: item.key, value, outcome: value ? 'PASS' : 'FAIL' } }
    case 'CHOICE':
      return recordChoice(item, value)
    case 'TEXT':
    case 'SIG':
      if (typeof value !== 'string' || value.trim() === '')
        return fail(
          item,
          typeof value === 'string' ? 'required' : 'invalid_type',
          `expected ${item.kind === 'SIG' ? 'a signature (a name or initials)' : 'text'}, received ${describeValue(value)}`,
        )
      return pass(item, value)
    case 'DATE':
      if (typeof value !== 'string' || !isValidDate(value))
        return fail(
          item,
          'invalid_value',
          `expected a date as YYYY-MM-DD, received ${describeValue(value)}`,
        )
      return pass(item, value)
    case 'NUM':
      if (typeof value !== 'number' || !Number.isFinite(value))
        return fail(
          item,
          'invalid_type',
          `expected a number${item.unit === undefined ? '' : ` (${item.unit})`}, received ${describeValue(value)}`,
        )
      return { ok: true, record: measure(item, value) }
    case 'TEST':
      if (typeof item.expected === 'number') {
        if (typeof value !== 'number' || !Number.isFinite(value))
          return fail(item, 'invalid_type', {
            message: `expected the measured number (target ${describeExpected(item)}), received ${describeValue(value)}`,
            hint: 'the pass is decided from the measurement',
          })
        return { ok: true, record: measure(item, value) }
      }
      if (typeof value !== 'boolean')
        return fail(
          item,
          'invalid_type',
          `expected true (passed) or false (failed), received ${describeValue(value)}`,
        )
      return { ok: true, record: { key: item.key, value, outcome: value ? 'PASS' : 'FAIL' } }
  }
}
