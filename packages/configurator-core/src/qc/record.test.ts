import { describe, expect, it } from 'vitest'
import { formatIssue } from '../issues.js'
import type { InspectionItem } from './instantiate.js'
import type { QcValue } from './record.js'
import { NA, recordValue } from './record.js'

function row(patch: Partial<InspectionItem> & Pick<InspectionItem, 'kind'>): InspectionItem {
  return {
    key: 'r#basin1',
    itemId: 'r',
    sectionId: 's',
    sectionTitle: 'S',
    inspectionKind: 'FINAL_QC',
    sequence: 1,
    label: 'Row',
    naAllowed: false,
    required: true,
    critical: true,
    ...patch,
  }
}

/** The outcome, or the formatted issue. */
function outcome(item: InspectionItem, value: QcValue): string {
  const result = recordValue(item, value)
  return result.ok ? result.record.outcome : formatIssue(result.issue)
}

function withoutExpected(item: InspectionItem): InspectionItem {
  const copy = { ...item }
  delete copy.expected
  return copy
}

describe('recordValue', () => {
  it('takes true and false on checks, and N/A only where allowed', () => {
    expect(outcome(row({ kind: 'CHECK' }), true)).toBe('PASS')
    expect(outcome(row({ kind: 'CHECK' }), false)).toBe('FAIL')
    expect(outcome(row({ kind: 'CHECK_NA', naAllowed: true }), NA)).toBe('NA')
    expect(outcome(row({ kind: 'CHECK' }), NA)).toMatchInlineSnapshot(
      `"["r#basin1"]: N/A is not allowed on this CHECK row (the template can make it a CHECK_NA row)"`,
    )
    expect(outcome(row({ kind: 'TEXT' }), NA)).toMatchInlineSnapshot(
      `"["r#basin1"]: N/A is not allowed on this TEXT row (the template can set "naAllowed": true)"`,
    )
    expect(outcome(row({ kind: 'CHECK_NA', naAllowed: true }), 'yes')).toMatchInlineSnapshot(
      `"["r#basin1"]: expected true or false or "N/A", received "yes""`,
    )
  })

  it('checks NUM values against expected ± tolerance, inclusive', () => {
    const num = row({ kind: 'NUM', expected: 40, tolerance: 4, unit: '°C' })
    expect(recordValue(num, 44)).toEqual({
      ok: true,
      record: { key: 'r#basin1', value: 44, outcome: 'PASS', deviation: 4 },
    })
    expect(outcome(num, 35.9)).toBe('FAIL')
    expect(outcome(num, 40.3)).toBe('PASS')
    expect(outcome(num, '40')).toMatchInlineSnapshot(
      `"["r#basin1"]: expected a number (°C), received "40""`,
    )
    expect(outcome(num, Number.NaN)).toMatchInlineSnapshot(
      `"["r#basin1"]: expected a number (°C), received NaN"`,
    )
    expect(outcome(row({ kind: 'NUM', expected: 2 }), 3)).toBe('FAIL')
    expect(outcome(row({ kind: 'NUM' }), -7)).toBe('PASS')
  })

  it('decides a measured TEST from the measurement, and a tick TEST from the tick', () => {
    const measured = row({ kind: 'TEST', expected: 40, tolerance: 2, unit: '°C' })
    expect(outcome(measured, 41)).toBe('PASS')
    expect(outcome(measured, 43)).toBe('FAIL')
    expect(outcome(measured, true)).toMatchInlineSnapshot(
      `"["r#basin1"]: expected the measured number (target 40 ± 2 °C), received true (the pass is decided from the measurement)"`,
    )
    const tick = row({ kind: 'TEST' })
    expect(outcome(tick, true)).toBe('PASS')
    expect(outcome(tick, false)).toBe('FAIL')
    expect(outcome(tick, 3)).toMatchInlineSnapshot(
      `"["r#basin1"]: expected true (passed) or false (failed), received 3"`,
    )
    expect(outcome(row({ kind: 'TEST', naAllowed: true }), NA)).toBe('NA')
  })

  it('checks CHOICE values against the options and the expected option', () => {
    const choice = row({
      kind: 'CHOICE',
      expected: 'CENTER',
      options: [
        { value: 'CENTER', label: 'Center', text: false },
        { value: 'OTHER', label: 'Other', text: true },
      ],
    })
    expect(outcome(choice, 'CENTER')).toBe('PASS')
    expect(outcome(choice, { option: 'OTHER', text: '2 in left' })).toBe('FAIL')
    expect(outcome(choice, 'CENTRE')).toMatchInlineSnapshot(
      `"["r#basin1"]: expected one of "CENTER" | "OTHER", received "CENTRE" (did you mean "CENTER"?)"`,
    )
    expect(outcome(choice, 'OTHER')).toMatchInlineSnapshot(
      `"["r#basin1"]: option "OTHER" needs a text: record { "option": "OTHER", "text": "…" }"`,
    )
    expect(outcome(choice, { option: 'CENTER', text: 'x' })).toMatchInlineSnapshot(
      `"["r#basin1"]: option "CENTER" takes no text"`,
    )
    expect(outcome(choice, 3)).toMatchInlineSnapshot(
      `"["r#basin1"]: expected an option value or { "option", "text" }, received 3"`,
    )
    expect(
      outcome(withoutExpected(choice), {
        option: 'OTHER',
        text: 'left',
      }),
    ).toBe('PASS')
  })

  it('takes text, signatures and dates', () => {
    expect(outcome(row({ kind: 'TEXT' }), 'PO-123')).toBe('PASS')
    expect(outcome(row({ kind: 'TEXT' }), '  ')).toMatchInlineSnapshot(
      `"["r#basin1"]: expected text, received "  ""`,
    )
    expect(outcome(row({ kind: 'SIG' }), false)).toMatchInlineSnapshot(
      `"["r#basin1"]: expected a signature (a name or initials), received false"`,
    )
    expect(outcome(row({ kind: 'SIG' }), 'J.D.')).toBe('PASS')
    expect(outcome(row({ kind: 'DATE' }), '2026-02-28')).toBe('PASS')
    expect(outcome(row({ kind: 'DATE' }), '2026-02-30')).toMatchInlineSnapshot(
      `"["r#basin1"]: expected a date as YYYY-MM-DD, received "2026-02-30""`,
    )
    expect(outcome(row({ kind: 'DATE' }), '28/02/2026')).toMatchInlineSnapshot(
      `"["r#basin1"]: expected a date as YYYY-MM-DD, received "28/02/2026""`,
    )
  })

  it('refuses any value on an instruction', () => {
    expect(outcome(row({ kind: 'PROC' }), true)).toMatchInlineSnapshot(
      `"["r#basin1"]: this row is an instruction: it records nothing"`,
    )
  })
})
