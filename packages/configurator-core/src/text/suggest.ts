/** Levenshtein distance, with an early exit once `limit` is exceeded. */
function distance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    let rowMin = i
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      const value = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      )
      current.push(value)
      if (value < rowMin) rowMin = value
    }
    if (rowMin > limit) return limit + 1
    previous = current
  }
  return previous[b.length] ?? limit + 1
}

/**
 * The candidates closest to `input` (case-insensitive edit distance, then substring matches), best first.
 *
 * @example suggest('pegbord', ['pegboard', 'basins']) // ['pegboard']
 */
export function suggest(input: string, candidates: Iterable<string>, max = 3): string[] {
  const needle = input.toLowerCase()
  const limit = Math.max(2, Math.floor(needle.length / 3))
  const scored: { candidate: string; score: number }[] = []
  for (const candidate of candidates) {
    const hay = candidate.toLowerCase()
    if (hay === needle) {
      scored.push({ candidate, score: 0 })
      continue
    }
    const d = distance(needle, hay, limit)
    if (d <= limit) scored.push({ candidate, score: d })
    else if (needle.length >= 4 && hay.includes(needle))
      scored.push({ candidate, score: limit + 1 })
  }
  scored.sort((x, y) => x.score - y.score || (x.candidate < y.candidate ? -1 : 1))
  // only the closest: a tie may name several, a worse one is noise
  const best = scored[0]?.score
  return scored
    .filter((s) => s.score === best)
    .slice(0, max)
    .map((s) => s.candidate)
}

/**
 * A did-you-mean hint for `input`, or undefined when nothing is close.
 *
 * @example didYouMean('pegbord', ['pegboard']) // 'did you mean "pegboard"?'
 */
export function didYouMean(input: string, candidates: Iterable<string>): string | undefined {
  const found = suggest(input, candidates)
  if (found.length === 0) return undefined
  return `did you mean ${found.map((c) => JSON.stringify(c)).join(' or ')}?`
}
