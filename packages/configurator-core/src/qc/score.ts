import { ConfiguratorError } from '../errors.js'
import type { Issue } from '../issues.js'
import type { InspectionItem } from './instantiate.js'
import type { QcValue } from './record.js'
import { recordValue } from './record.js'

/** An inspection's overall result (docs/qc.md#scoring). */
export type InspectionResult = 'PASS' | 'FAIL' | 'CONDITIONAL_PASS' | 'INCOMPLETE'

/** The score of an inspection: its result, and the rows behind it. */
export interface InspectionScore {
  result: InspectionResult
  /** passed rows out of passed + failed rows, in percent with 2 decimals (100 when none is scored) */
  passPercentage: number
  /** keys of the rows that failed, in form order */
  failed: string[]
  /** the failed rows that are critical: any of them fails the inspection */
  criticalFailures: string[]
  /** keys of required rows with no (valid) answer, in form order */
  missing: string[]
  /** answers that were not valid for their row; those rows count as unanswered */
  issues: Issue[]
  /** keys answered that are not rows of this inspection (ignored) */
  unknown: string[]
  counts: { rows: number; passed: number; failed: number; na: number; unanswered: number }
}

/**
 * Scores an inspection's answers: a failed critical row → FAIL; else an unanswered required row → INCOMPLETE;
 * else no failure → PASS; else (only non-critical failures) pass percentage ≥ threshold → CONDITIONAL_PASS, or FAIL.
 * Outcomes are recomputed from the values, so stored outcomes are never trusted; the last answer to a key counts.
 *
 * @example scoreInspection(rows, [{ key: '1.1', value: true }], template.passThreshold).result // 'INCOMPLETE'
 * @see docs/qc.md#scoring
 */
export function scoreInspection(
  items: readonly InspectionItem[],
  records: readonly { key: string; value: QcValue }[],
  threshold: number,
): InspectionScore {
  if (!Number.isFinite(threshold) || threshold < 0 || threshold > 100)
    throw new ConfiguratorError(
      'invalid_argument',
      `scoreInspection(): threshold is a percentage from 0 to 100, received ${String(threshold)}`,
    )
  const byKey = new Map(items.map((item) => [item.key, item]))
  const answers = new Map<string, QcValue>()
  const unknown = new Set<string>()
  for (const record of records) {
    if (byKey.has(record.key)) answers.set(record.key, record.value)
    else unknown.add(record.key)
  }
  const score: InspectionScore = {
    result: 'PASS',
    passPercentage: 100,
    failed: [],
    criticalFailures: [],
    missing: [],
    issues: [],
    unknown: [...unknown].sort(),
    counts: { rows: items.length, passed: 0, failed: 0, na: 0, unanswered: 0 },
  }
  for (const item of items) {
    if (item.kind === 'PROC') continue
    const value = answers.get(item.key)
    const recorded = value === undefined ? undefined : recordValue(item, value)
    if (recorded === undefined || !recorded.ok) {
      if (recorded !== undefined) score.issues.push(recorded.issue)
      score.counts.unanswered++
      if (item.required) score.missing.push(item.key)
      continue
    }
    switch (recorded.record.outcome) {
      case 'PASS':
        score.counts.passed++
        break
      case 'NA':
        score.counts.na++
        break
      case 'FAIL':
        score.counts.failed++
        score.failed.push(item.key)
        if (item.critical) score.criticalFailures.push(item.key)
        break
    }
  }
  const scored = score.counts.passed + score.counts.failed
  score.passPercentage =
    scored === 0 ? 100 : Math.round((score.counts.passed / scored) * 10000) / 100
  if (score.criticalFailures.length > 0) score.result = 'FAIL'
  else if (score.missing.length > 0) score.result = 'INCOMPLETE'
  else if (score.failed.length === 0) score.result = 'PASS'
  else score.result = score.passPercentage >= threshold ? 'CONDITIONAL_PASS' : 'FAIL'
  return score
}
