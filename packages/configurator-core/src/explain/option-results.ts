import type { Finding } from '../findings.js'
import type { OptionSpec } from '../configuration/option-schema.js'
import type {
  Context,
  Interval,
  OptionDomain,
  Outcome,
  Reason,
  RuledOutInterval,
  Slot,
} from './option-types.js'
import { piecesOf } from './option-slots.js'

/**
 * The catalog ids of an item option that no rule and no other part of the configuration names: swapping
 * one for another changes nothing a rule can see, so one of them answers for all (when it is allowed).
 */
export function interchangeable(
  context: Context,
  option: OptionSpec | undefined,
  partialText: string,
): ReadonlySet<unknown> {
  if (option?.type !== 'item') return new Set()
  let unnamed = context.unnamed.get(option)
  if (unnamed === undefined) {
    const { catalog } = context.configurator
    unnamed = context
      .items(option)
      .filter(
        (id) =>
          !context.sourceText.includes(id) &&
          catalog.resolve(id) === id &&
          Number.isNaN(Number.parseFloat(id)),
      )
    context.unnamed.set(option, unnamed)
  }
  return new Set(unnamed.filter((id) => !partialText.includes(id)))
}

export function reasonsOf(findings: readonly Finding[]): Reason[] {
  const seen = new Map<string, Reason>()
  for (const f of findings) {
    const reason = { rule: f.rule, path: f.path, message: f.message }
    seen.set(`${f.rule}\u0000${f.path}\u0000${f.message}`, reason)
  }
  return [...seen.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, reason]) => reason)
}

function mergeIntervals(a: Interval, b: Interval): Interval {
  return { from: a.from, fromInclusive: a.fromInclusive, to: b.to, toInclusive: b.toInclusive }
}

export function numberDomain(
  context: Context,
  slot: Slot,
  outcomeOf: (value: unknown) => Outcome,
): { allowed: Interval[]; ruledOut: RuledOutInterval[] } {
  const allowed: Interval[] = []
  const ruledOut: RuledOutInterval[] = []
  // 'allowed', or the reasons of the last ruled-out piece as JSON
  let last: string | undefined
  for (const piece of piecesOf(slot.option, context.breakpoints(slot.path))) {
    const outcome = outcomeOf(piece.value)
    if (outcome.ok) {
      const previous = allowed[allowed.length - 1]
      if (last === 'allowed' && previous !== undefined)
        allowed[allowed.length - 1] = mergeIntervals(previous, piece.interval)
      else allowed.push(piece.interval)
      last = 'allowed'
      continue
    }
    const reasons = reasonsOf(outcome.reasons)
    const key = JSON.stringify(reasons)
    const previous = ruledOut[ruledOut.length - 1]
    if (last === key && previous !== undefined)
      ruledOut[ruledOut.length - 1] = {
        interval: mergeIntervals(previous.interval, piece.interval),
        reasons,
      }
    else ruledOut.push({ interval: piece.interval, reasons })
    last = key
  }
  return { allowed, ruledOut }
}

/** keeps at most `max` reasons per ruled-out value or range (the rest are counted); the reasons kept */
export function capReasons(domain: OptionDomain, max: number): number {
  let kept = 0
  const cap = <T extends { reasons: Reason[]; moreReasons?: number }>(entry: T): T => {
    kept += Math.min(max, entry.reasons.length)
    if (entry.reasons.length <= max) return entry
    return {
      ...entry,
      reasons: entry.reasons.slice(0, max),
      moreReasons: entry.reasons.length - max,
    }
  }
  domain.ruledOut = domain.ruledOut.map(cap)
  if (domain.intervals !== undefined) domain.intervals.ruledOut = domain.intervals.ruledOut.map(cap)
  return kept
}
