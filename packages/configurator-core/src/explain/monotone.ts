import type { OptionSpec } from '../configuration/option-schema.js'
import type { PathSegment } from '../issues.js'
import type { ReadPattern } from '../rules/read-pattern.js'
import { ANY_INDEX, readTouches } from '../rules/read-pattern.js'
import { parseJsonPath, readSegmentsOf } from '../rules/path.js'
import type { CompiledRule, Ruleset } from '../rules/ruleset.js'
import { isObject } from '../util.js'

/*
 * which way a rule's condition moves with one number of the configuration: a condition that holds
 * more as the number grows ('up', e.g. `sprayerTotal greaterThan 2` with a sprayer's quantity) holds
 * for every value when it holds at the option's minimum
 */

/** how a value (or a condition's truth) changes as the number at a path grows */
export type Direction = 'const' | 'up' | 'down' | 'unknown'

function combine(a: Direction, b: Direction): Direction {
  if (a === 'const') return b
  if (b === 'const' || a === b) return a
  return 'unknown'
}

function flip(direction: Direction): Direction {
  return direction === 'up' ? 'down' : direction === 'down' ? 'up' : direction
}

/** what an element name stands for: the element pattern it reads, or 'const' (reads nothing that moves) */
type Scope = ReadonlyMap<string, ReadPattern | 'const'>

interface Analysis {
  ruleset: Ruleset
  /** the number's path */
  path: readonly PathSegment[]
  options: ReadonlySet<string>
  facts: ReadonlyMap<string, { reads: readonly ReadPattern[]; value: unknown }>
  /** the shared conditions of the rule's file */
  shared: Readonly<Record<string, unknown>>
  /** derived facts worked out (or under way: 'unknown' guards a loop) */
  memo: Map<string, Direction>
}

/** the pattern reads exactly the number (an ANY_INDEX matches its index) */
function readsExactly(pattern: ReadPattern, path: readonly PathSegment[]): boolean {
  return (
    pattern.length === path.length &&
    pattern.every((s, i) => s === path[i] || (s === ANY_INDEX && typeof path[i] === 'number'))
  )
}

function segmentsOf(path: unknown): readonly PathSegment[] | undefined {
  if (path === undefined) return []
  if (typeof path !== 'string') return undefined
  const parsed = parseJsonPath(path)
  return parsed.ok ? readSegmentsOf(parsed.segments) : undefined
}

/** `{ fact, path }`: an option, an element or a derived fact, read at a path */
function referenceDirection(
  analysis: Analysis,
  ref: { fact: unknown; path: unknown },
  scope: Scope,
): Direction {
  const { fact } = ref
  if (typeof fact !== 'string') return 'unknown'
  const segments = segmentsOf(ref.path)
  if (segments === undefined) return 'unknown'
  const bound = scope.get(fact)
  const base: ReadPattern | 'const' | undefined =
    bound ?? (analysis.options.has(fact) ? [fact] : undefined)
  if (base === 'const') return 'const'
  if (base !== undefined) {
    const pattern = [...base, ...segments]
    if (!readTouches(pattern, analysis.path)) return 'const'
    return readsExactly(pattern, analysis.path) ? 'up' : 'unknown'
  }
  const derived = analysis.facts.get(fact)
  if (derived === undefined) return 'unknown'
  if (!derived.reads.some((p) => readTouches(p, analysis.path))) return 'const'
  if (segments.length > 0) return 'unknown'
  let direction = analysis.memo.get(fact)
  if (direction === undefined) {
    analysis.memo.set(fact, 'unknown')
    direction = expressionDirection(analysis, derived.value, new Map())
    analysis.memo.set(fact, direction)
  }
  return direction
}

function allOf(directions: readonly Direction[]): Direction {
  return directions.reduce(combine, 'const')
}

function expressionDirection(analysis: Analysis, node: unknown, scope: Scope): Direction {
  if (!isObject(node)) return Array.isArray(node) ? 'unknown' : 'const'
  if ('fact' in node)
    return referenceDirection(analysis, { fact: node['fact'], path: node['path'] }, scope)
  if ('path' in node) return 'unknown'
  if ('literal' in node) return 'const'
  const parts = (key: string): unknown[] | undefined => {
    const body = node[key]
    return Array.isArray(body) ? body : undefined
  }
  for (const key of ['add', 'min', 'max'] as const) {
    const body = parts(key)
    if (body !== undefined)
      return allOf(body.map((part) => expressionDirection(analysis, part, scope)))
  }
  const subtract = parts('subtract')
  if (subtract !== undefined) {
    const [a, b] = subtract.map((part) => expressionDirection(analysis, part, scope))
    return combine(a ?? 'unknown', flip(b ?? 'unknown'))
  }
  const multiply = parts('multiply')
  if (multiply !== undefined) {
    const direction = allOf(multiply.map((part) => expressionDirection(analysis, part, scope)))
    return direction === 'const' ? 'const' : 'unknown'
  }
  for (const key of ['sum', 'count', 'some', 'collect'] as const) {
    if (isObject(node[key]))
      return iterationDirection(analysis, { kind: key, body: node[key] }, scope)
  }
  if (isObject(node['lookup'])) {
    const { key, else: otherwise } = node['lookup']
    const direction = expressionDirection(analysis, key, scope)
    if (direction !== 'const') return 'unknown'
    return otherwise === undefined ? 'const' : expressionDirection(analysis, otherwise, scope)
  }
  const cases = parts('cases')
  if (cases !== undefined) {
    // while every case's test stays as it is, the value is one of the branches
    const directions = cases.map((branch) => {
      if (!isObject(branch)) return 'unknown'
      const when = conditionDirection(analysis, branch['when'], scope)
      return when === 'const' ? expressionDirection(analysis, branch['then'], scope) : 'unknown'
    })
    const otherwise =
      node['else'] === undefined ? 'const' : expressionDirection(analysis, node['else'], scope)
    return allOf([...directions, otherwise])
  }
  if ('condition' in node) {
    const direction = conditionDirection(analysis, node['condition'], scope)
    return direction === 'const' ? 'const' : 'unknown'
  }
  return 'unknown'
}

/** a sum grows with each element's value; a count, some or collect must not move at all */
function iterationDirection(
  analysis: Analysis,
  at: { kind: 'sum' | 'count' | 'some' | 'collect'; body: Record<string, unknown> },
  scope: Scope,
): Direction {
  const { kind, body } = at
  const { list, as } = body
  if (typeof as !== 'string') return 'unknown'
  let element: ReadPattern | 'const' | undefined
  const ref =
    typeof list === 'string' ? { fact: list, path: undefined } : isObject(list) ? list : undefined
  if (ref === undefined) return 'unknown'
  const listDirection = referenceDirection(
    analysis,
    { fact: ref['fact'], path: ref['path'] },
    scope,
  )
  if (
    typeof ref['fact'] === 'string' &&
    ref['path'] === undefined &&
    analysis.options.has(ref['fact'])
  )
    element = [ref['fact'], ANY_INDEX]
  else if (listDirection === 'const') element = 'const'
  // a list read whole, not element by element, moves as a whole
  if (element === undefined) return 'unknown'
  const inner = new Map(scope)
  inner.set(as, element)
  inner.set(`${as}Index`, 'const')
  inner.set(`${as}Number`, 'const')
  const where =
    body['where'] === undefined ? 'const' : conditionDirection(analysis, body['where'], inner)
  if (where !== 'const') return 'unknown'
  const value =
    body['value'] === undefined ? 'const' : expressionDirection(analysis, body['value'], inner)
  if (kind === 'sum') return value
  return value === 'const' ? 'const' : 'unknown'
}

const GROWING = new Set(['greaterThan', 'greaterThanInclusive'])
const SHRINKING = new Set(['lessThan', 'lessThanInclusive'])

/** which way a condition's truth moves: 'up' when it holds for every larger value once it holds */
function conditionDirection(analysis: Analysis, node: unknown, scope: Scope): Direction {
  if (!isObject(node)) return 'unknown'
  for (const key of ['all', 'any'] as const) {
    const list = node[key]
    if (Array.isArray(list))
      return allOf(list.map((child) => conditionDirection(analysis, child, scope)))
  }
  if ('not' in node) return flip(conditionDirection(analysis, node['not'], scope))
  if (typeof node['condition'] === 'string') {
    const name = node['condition']
    if (analysis.memo.has(`condition ${name}`)) return 'unknown'
    analysis.memo.set(`condition ${name}`, 'unknown')
    const direction = conditionDirection(analysis, analysis.shared[name], scope)
    analysis.memo.delete(`condition ${name}`)
    return direction
  }
  if (!('fact' in node)) return 'unknown'
  const left = referenceDirection(analysis, { fact: node['fact'], path: node['path'] }, scope)
  const value = node['value']
  const right =
    isObject(value) && 'fact' in value
      ? referenceDirection(analysis, { fact: value['fact'], path: value['path'] }, scope)
      : 'const'
  const operator = node['operator']
  if (typeof operator === 'string' && GROWING.has(operator)) return combine(left, flip(right))
  if (typeof operator === 'string' && SHRINKING.has(operator)) return combine(flip(left), right)
  return left === 'const' && right === 'const' ? 'const' : 'unknown'
}

const DIRECTIONS = new WeakMap<Ruleset, Map<string, Direction>>()

/**
 * Which way the condition of a rule (one without forEach) moves as the number at `path` grows;
 * 'unknown' where it is not monotone or not understood.
 *
 * @example conditionDirectionOf(ruleset, sprayerLimit, ['sprayers', 2, 'quantity']) // 'up'
 */
export function conditionDirectionOf(
  ruleset: Ruleset,
  rule: CompiledRule,
  path: readonly PathSegment[],
): Direction {
  if (rule.forEach !== undefined) return 'unknown'
  let known = DIRECTIONS.get(ruleset)
  if (known === undefined) {
    known = new Map()
    DIRECTIONS.set(ruleset, known)
  }
  const key = `${rule.name}\u0000${path.join('\u0000')}`
  let direction = known.get(key)
  if (direction === undefined) {
    const product = ruleset.source.product.content
    const sources = isObject(product) && isObject(product['facts']) ? product['facts'] : {}
    const facts = new Map<string, { reads: readonly ReadPattern[]; value: unknown }>()
    for (const fact of ruleset.facts) {
      const source = sources[fact.name]
      facts.set(fact.name, {
        reads: fact.reads,
        value: isObject(source) ? source['value'] : undefined,
      })
    }
    const file = ruleset.source.rules.find((f) => f.file === rule.file)?.content
    const shared = isObject(file) && isObject(file['conditions']) ? file['conditions'] : {}
    direction = conditionDirection(
      {
        ruleset,
        path,
        options: new Set(ruleset.optionSlots.map(([name]) => name)),
        facts,
        shared,
        memo: new Map(),
      },
      rule.source.conditions,
      new Map(),
    )
    known.set(key, direction)
  }
  return direction
}

/** the option that holds the value at `path`, when the options name one */
export function optionAt(
  options: Readonly<Record<string, OptionSpec>>,
  path: readonly PathSegment[],
): OptionSpec | undefined {
  let option: OptionSpec | undefined
  for (const [i, segment] of path.entries()) {
    if (i === 0) {
      option = typeof segment === 'string' ? options[segment] : undefined
      continue
    }
    if (option === undefined) return undefined
    if (option.type === 'list') option = typeof segment === 'number' ? option.items : undefined
    else if (option.type === 'object' && typeof segment === 'string')
      option = option.properties[segment]
    else if (option.type === 'oneOf' && typeof segment === 'string') {
      const variant = option.variants.find((v) => v.type === 'object')
      option = variant?.type === 'object' ? variant.properties[segment] : undefined
    } else return undefined
  }
  return option
}
