import type { PathSegment } from '../issues.js'
import type { ReadPattern } from '../rules/read-pattern.js'
import { ANY_INDEX, SHALLOW, readTouches } from '../rules/read-pattern.js'
import { isObject } from '../util.js'
import { parseJsonPath, readSegmentsOf } from '../rules/path.js'
import type { Ruleset } from '../rules/ruleset.js'

/** what a name reads in the configuration; `undefined`: not known here (its constants count everywhere) */
type Scope = ReadonlyMap<string, readonly ReadPattern[]>

interface Constant {
  value: number
  /** the configuration paths the compared fact reads; `any` when they are not known */
  reads: readonly ReadPattern[] | 'any'
}

const AGGREGATES = ['count', 'sum', 'some', 'collect'] as const

function readsOf(
  scope: Scope,
  ref: { fact: unknown; path?: unknown },
): readonly ReadPattern[] | 'any' {
  if (typeof ref.fact !== 'string') return 'any'
  const base = scope.get(ref.fact)
  if (base === undefined) return 'any'
  if (ref.path === undefined) return base
  if (typeof ref.path !== 'string') return 'any'
  const parsed = parseJsonPath(ref.path)
  if (!parsed.ok) return 'any'
  // a shallow read ends where it is; a path below it reads deeper
  return base.map((pattern) => [
    ...(pattern[pattern.length - 1] === SHALLOW ? pattern.slice(0, -1) : pattern),
    ...readSegmentsOf(parsed.segments),
  ])
}

function listReads(scope: Scope, list: unknown): readonly ReadPattern[] | 'any' {
  if (typeof list === 'string') return readsOf(scope, { fact: list })
  if (isObject(list)) return readsOf(scope, { fact: list['fact'], path: list['path'] })
  return 'any'
}

/** a scope with `as` bound to the elements of `list` (and its index and number, whose reads are not kept) */
function bind(scope: Scope, iteration: Record<string, unknown>): Scope {
  const as = iteration['as']
  if (typeof as !== 'string') return scope
  const reads = listReads(scope, iteration['list'])
  const inner = new Map(scope)
  inner.delete(`${as}Index`)
  inner.delete(`${as}Number`)
  if (reads === 'any') inner.delete(as)
  else
    inner.set(as, [...reads.map((pattern) => [...pattern.filter((s) => s !== SHALLOW), ANY_INDEX])])
  return inner
}

interface Found {
  constants: Constant[]
  /** what conditions read through a derived fact or compare with another fact: all constants count there */
  indirect: (readonly ReadPattern[] | 'any')[]
  /** the derived facts' names */
  derived: ReadonlySet<string>
}

function collect(node: unknown, scope: Scope, out: Found): void {
  if (Array.isArray(node)) {
    for (const child of node) collect(child, scope, out)
    return
  }
  if (!isObject(node)) return
  if (typeof node['operator'] === 'string') {
    const value = node['value']
    const numbers =
      typeof value === 'number'
        ? [value]
        : Array.isArray(value)
          ? value.filter((v): v is number => typeof v === 'number')
          : []
    const reads = readsOf(scope, { fact: node['fact'], path: node['path'] })
    for (const number of numbers) out.constants.push({ value: number, reads })
    // arithmetic and fact-to-fact comparisons have breakpoints no constant names
    if (typeof node['fact'] === 'string' && out.derived.has(node['fact'])) out.indirect.push(reads)
    if (isObject(value) && Object.hasOwn(value, 'fact')) {
      out.indirect.push(reads)
      out.indirect.push(readsOf(scope, { fact: value['fact'], path: value['path'] }))
    }
  }
  let inner = scope
  if (isObject(node['forEach'])) inner = bind(scope, node['forEach'])
  for (const [key, child] of Object.entries(node)) {
    const aggregate = (AGGREGATES as readonly string[]).includes(key) && isObject(child)
    collect(child, aggregate ? bind(inner, child) : inner, out)
  }
}

/**
 * The numbers that conditions compare with, per option, sorted: for an option that a condition reads
 * only as it is, the constants of those conditions (and of those whose reads are not known); for one
 * read through a derived fact or compared with another fact, every constant of the rules (its real
 * breakpoints depend on the other values). Between two of them, no direct comparison changes.
 *
 * @example breakpointsOf(ruleset)(['sink', 'lengthIn']) // [48, 60, 61, …]
 */
export function breakpointsOf(ruleset: Ruleset): (path: readonly PathSegment[]) => number[] {
  const scope = new Map<string, readonly ReadPattern[]>()
  for (const [name] of ruleset.optionSlots) scope.set(name, [[name]])
  for (const fact of ruleset.facts) scope.set(fact.name, fact.reads)
  const found: Found = {
    constants: [],
    indirect: [],
    derived: new Set(ruleset.facts.map((fact) => fact.name)),
  }
  const product = ruleset.source.product.content
  if (isObject(product)) collect(product['facts'], scope, found)
  for (const file of ruleset.source.rules) collect(file.content, scope, found)
  const touches = (reads: readonly ReadPattern[] | 'any', path: readonly PathSegment[]) =>
    reads === 'any' || reads.some((p) => readTouches(p, path))
  const cache = new Map<string, number[]>()
  return (path) => {
    const key = path.map((s) => (typeof s === 'number' ? `[${String(s)}]` : `.${s}`)).join('')
    let numbers = cache.get(key)
    if (numbers === undefined) {
      const set = new Set<number>()
      const everywhere = found.indirect.some((reads) => touches(reads, path))
      for (const constant of found.constants)
        if (everywhere || touches(constant.reads, path)) set.add(constant.value)
      numbers = [...set].sort((a, b) => a - b)
      cache.set(key, numbers)
    }
    return numbers
  }
}
