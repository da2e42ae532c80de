/**
 * Compares two form versions as versions, not strings: digit runs by their number, the rest as text,
 * so `V10` comes after `V9` and `V1.2` after `V1.10` does not. Negative, zero or positive, for sorting.
 *
 * @example ['V10', 'V9', 'V01'].sort(compareVersions) // ['V01', 'V9', 'V10']
 */
export function compareVersions(a: string, b: string): number {
  const left = a.match(/\d+|\D+/g) ?? []
  const right = b.match(/\d+|\D+/g) ?? []
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const x = left[i]
    const y = right[i]
    if (x === undefined) return -1
    if (y === undefined) return 1
    const numeric = /^\d/.test(x) && /^\d/.test(y)
    const order = numeric
      ? Number(BigInt(x) - BigInt(y) > 0n) - Number(BigInt(x) - BigInt(y) < 0n)
      : x.localeCompare(y, 'en')
    if (order !== 0) return order
  }
  // equal by value (V1 and V01): the spelling decides, so the order is total
  return a < b ? -1 : a > b ? 1 : 0
}
