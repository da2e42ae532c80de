import type { Issue, PathSegment } from '../issues.js'
import { formatPath } from '../issues.js'
import type { LeafInfo } from './compile.js'
import { isObject } from '../util.js'
import type { Shape } from './shape.js'
import { describeShape } from './value-check.js'

// Rules that can never fire, found with the reasoning options() uses: the constants conditions compare
// a fact with split its domain into pieces, and one value per piece stands for the whole piece. A
// condition that no value of the fact's domain meets never holds. Where a fact's values cannot be
// listed (any value, lists, other facts on the right), nothing is said.

/** a value no comparison equals: an object, a list or a text that no rule names */
const OTHER_TEXT = '\u0000other'

/** a value of each piece of the fact's domain, or undefined when the domain cannot be listed */
function representatives(shape: Shape, constants: readonly unknown[]): unknown[] | undefined {
  switch (shape.kind) {
    case 'any':
      return undefined
    case 'null':
      return [null]
    case 'boolean':
      return [true, false]
    case 'object':
      return [{}]
    case 'list':
      return [[]]
    case 'string':
      return shape.values === undefined
        ? [...constants.filter((c) => typeof c === 'string'), OTHER_TEXT]
        : [...shape.values]
    case 'number':
      return numberRepresentatives(shape, constants)
    case 'union': {
      const out: unknown[] = []
      for (const variant of shape.variants) {
        const values = representatives(variant, constants)
        if (values === undefined) return undefined
        out.push(...values)
      }
      return out
    }
  }
}

/** each constant in range, the bounds, a point between neighbours and one beyond each end */
function numberRepresentatives(
  shape: Shape & { kind: 'number' },
  constants: readonly unknown[],
): number[] {
  const { minimum, maximum } = shape
  const inRange = (n: number) =>
    (minimum === undefined || n >= minimum) && (maximum === undefined || n <= maximum)
  const points = [
    ...new Set([
      ...constants.filter((c): c is number => typeof c === 'number' && Number.isFinite(c)),
      ...(minimum === undefined ? [] : [minimum]),
      ...(maximum === undefined ? [] : [maximum]),
    ]),
  ]
    .filter(inRange)
    .sort((a, b) => a - b)
  const out: number[] = [...points]
  for (let i = 1; i < points.length; i++)
    out.push(((points[i - 1] as number) + (points[i] as number)) / 2)
  const lowest = points[0]
  const highest = points[points.length - 1]
  if (minimum === undefined) out.push(lowest === undefined ? 0 : lowest - 1)
  if (maximum === undefined) out.push(highest === undefined ? 0 : highest + 1)
  // a derived number can be NaN (arithmetic on a missing value)
  if (minimum === undefined && maximum === undefined) out.push(Number.NaN)
  return out
}

/** constants a leaf compares with: its value, or the members of a list value */
function constantsOf(leaf: LeafInfo): unknown[] {
  return Array.isArray(leaf.value) ? [...(leaf.value as unknown[])] : [leaf.value]
}

/** the fact values of a leaf's domain that meet every leaf of the group, or undefined when unknown */
export function satisfying(group: readonly LeafInfo[]): unknown[] | undefined {
  const first = group[0]
  if (first === undefined) return undefined
  const candidates = representatives(first.shape, group.flatMap(constantsOf))
  if (candidates === undefined) return undefined
  // a fact that is absent, or read through a null, is undefined or null: they are always possible
  return [...candidates, undefined, null].filter((value) =>
    group.every((leaf) => leaf.compare(value, leaf.value)),
  )
}

function keyOf(leaf: LeafInfo): string {
  return `${leaf.slot}:${JSON.stringify(leaf.segments)}`
}

/** the leaves of `leaves` grouped by the fact value they read */
export function groupByFact(leaves: readonly LeafInfo[]): LeafInfo[][] {
  const groups = new Map<string, LeafInfo[]>()
  for (const leaf of leaves) {
    const key = keyOf(leaf)
    const group = groups.get(key)
    if (group === undefined) groups.set(key, [leaf])
    else group.push(leaf)
  }
  return [...groups.values()]
}

/** What the static reading of a condition found. */
export interface Reading {
  /** true when no configuration meets the condition */
  never: boolean
  /** leaves every configuration that meets the condition also meets */
  leaves: LeafInfo[]
  /** the leaves that contradict each other, when `never` */
  evidence: LeafInfo[]
  /** true when the condition is exactly the conjunction of `leaves` (nothing else was read) */
  complete: boolean
  /** why it never holds, in words, when `never` */
  why?: string
}

const MAYBE: Reading = { never: false, leaves: [], evidence: [], complete: false }

/** Reads conditions of one file, using the leaves its compiler recorded. */
export class ConditionReader {
  readonly #leaves: ReadonlyMap<string, LeafInfo>
  readonly #shared: ReadonlyMap<string, unknown>
  readonly #following: string[] = []

  constructor(leaves: ReadonlyMap<string, LeafInfo>, shared: ReadonlyMap<string, unknown>) {
    this.#leaves = leaves
    this.#shared = shared
  }

  /** The leaves that must all hold for `node` to hold, and whether they contradict each other. */
  read(node: unknown, at: PathSegment[]): Reading {
    if (!isObject(node)) return MAYBE
    if (Array.isArray(node['all'])) {
      const leaves: LeafInfo[] = []
      let complete = true
      for (const [i, child] of node['all'].entries()) {
        const reading = this.read(child, [...at, 'all', i])
        if (reading.never) return reading
        leaves.push(...reading.leaves)
        complete &&= reading.complete
      }
      return { ...this.#conjunction(leaves), complete }
    }
    if (Array.isArray(node['any'])) {
      const readings = node['any'].map((child, i) => this.read(child, [...at, 'any', i]))
      if (readings.length === 0) return MAYBE
      if (readings.every((r) => r.never))
        return {
          never: true,
          leaves: [],
          evidence: readings.flatMap((r) => r.evidence),
          complete: false,
          why: `no branch of ${formatPath([...at.slice(at[0] === 'rules' ? 2 : 0), 'any'])} can hold (${readings.map((r) => r.why).join('; ')})`,
        }
      const possible = readings.filter((r) => !r.never)
      return possible.length === 1 ? { ...(possible[0] as Reading), complete: false } : MAYBE
    }
    if (node['not'] !== undefined) {
      const inner = this.#leaves.get(JSON.stringify([...at, 'not']))
      if (inner === undefined) return MAYBE
      const compare = inner.compare
      return this.#conjunction([
        { ...inner, operator: `not ${inner.operator}`, compare: (a, b) => !compare(a, b) },
      ])
    }
    const reference = node['condition']
    if (typeof reference === 'string') {
      if (!this.#shared.has(reference) || this.#following.includes(reference)) return MAYBE
      this.#following.push(reference)
      try {
        return this.read(this.#shared.get(reference), ['conditions', reference])
      } finally {
        this.#following.pop()
      }
    }
    const leaf = this.#leaves.get(JSON.stringify(at))
    return leaf === undefined ? MAYBE : this.#conjunction([leaf])
  }

  #conjunction(leaves: LeafInfo[]): Reading {
    for (const group of groupByFact(leaves)) {
      const values = satisfying(group)
      if (values !== undefined && values.length === 0)
        return { never: true, leaves, evidence: group, complete: true, why: contradiction(group) }
    }
    return { never: false, leaves, evidence: [], complete: true }
  }
}

function describeLeaf(leaf: LeafInfo): string {
  return `${leaf.operator} ${JSON.stringify(leaf.value)}`
}

/** `sink.lengthIn cannot be lessThan 60 (conditions.all[0]) and greaterThan 72 (…) at once` */
function contradiction(group: readonly LeafInfo[]): string {
  const label = group[0]?.label ?? 'a fact'
  const parts = group.map(
    (leaf) =>
      `${describeLeaf(leaf)} (${formatPath(leaf.at.slice(leaf.at[0] === 'rules' ? 2 : 0))})`,
  )
  return parts.length === 1
    ? `${label} is never ${parts[0] ?? ''}`
    : `${label} cannot be ${parts.join(' and ')} at once`
}

/**
 * Finds conditions that never hold and rules that can never fire in one file's rules: a value
 * outside the fact's domain, or conditions on one fact that contradict each other.
 */
export function unreachableIssues(input: {
  file: string
  leaves: ReadonlyMap<string, LeafInfo>
  shared: ReadonlyMap<string, unknown>
  rules: readonly { name: string; index: number; conditions: unknown }[]
  /** paths that already have an error: a leaf there is not reported twice */
  errors: readonly (readonly PathSegment[])[]
}): Issue[] {
  const issues: Issue[] = []
  const impossible = new Set<string>()
  const hasError = (at: readonly PathSegment[]) =>
    input.errors.some((path) => at.every((segment, i) => path[i] === segment))
  for (const [key, leaf] of input.leaves) {
    if (hasError(leaf.at)) {
      impossible.add(key)
      continue
    }
    const values = satisfying([leaf])
    if (values === undefined || values.length > 0) continue
    impossible.add(key)
    issues.push({
      code: 'impossible_condition',
      severity: 'error',
      file: input.file,
      path: leaf.at,
      message: `this condition never holds: ${leaf.label} is ${describeShape(leaf.shape)}, never ${describeLeaf(leaf)}`,
      hint: 'compare with a value the fact can take: its option in product.json says which',
    })
  }
  const reader = new ConditionReader(input.leaves, input.shared)
  for (const rule of input.rules) {
    const at: PathSegment[] = ['rules', rule.index, 'conditions']
    const reading = reader.read(rule.conditions, at)
    if (!reading.never) continue
    // a leaf that never holds on its own is reported where it is written
    if (reading.evidence.some((leaf) => impossible.has(JSON.stringify(leaf.at)))) continue
    issues.push({
      code: 'unreachable_rule',
      severity: 'error',
      file: input.file,
      path: at,
      message: `rule ${JSON.stringify(rule.name)} can never fire: ${reading.why ?? 'its conditions contradict each other'}`,
      hint: 'fix the conditions, or remove the rule',
    })
  }
  return issues
}
