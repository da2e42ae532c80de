import type { IssueCode } from '../issue-codes.js'
import type { PathSegment } from '../issues.js'
import { describeValue } from '../zod-issues.js'
import type { Shape } from './shape.js'

/** The kinds of JSON value a shape holds, or undefined when it may hold anything. */
function kindsOf(shape: Shape): Set<string> | undefined {
  if (shape.kind === 'any') return undefined
  if (shape.kind !== 'union') return new Set([shape.kind])
  const kinds = new Set<string>()
  for (const variant of shape.variants) {
    const inner = kindsOf(variant)
    if (inner === undefined) return undefined
    for (const kind of inner) kinds.add(kind)
  }
  return kinds
}

function kindOf(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'list'
  return typeof value === 'object' ? 'object' : typeof value
}

const KIND_WORDS: Record<string, string> = {
  number: 'a number',
  string: 'text',
  boolean: 'true or false',
  null: 'null',
  object: 'an object',
  list: 'a list',
}

/** What a shape holds, in words: `a number from 48 to 120`, `one of "A", "B"`, `true or false`. */
export function describeShape(shape: Shape): string {
  switch (shape.kind) {
    case 'number': {
      const { minimum, maximum } = shape
      if (minimum !== undefined && maximum !== undefined)
        return `a number from ${minimum} to ${maximum}`
      if (minimum !== undefined) return `a number of at least ${minimum}`
      if (maximum !== undefined) return `a number of at most ${maximum}`
      return 'a number'
    }
    case 'string':
      return shape.values === undefined
        ? 'text'
        : `one of ${shape.values.map((v) => JSON.stringify(v)).join(', ')}`
    case 'union':
      return shape.variants.map(describeShape).join(' or ')
    case 'any':
      return 'any value'
    case 'boolean':
    case 'list':
    case 'null':
    case 'object':
      return KIND_WORDS[shape.kind] ?? shape.kind
  }
}

/** A literal value that a comparison can never use as written. */
export interface ValueProblem {
  /** below the condition: `['value']`, `['value', 2]` or `['operator']` */
  path: PathSegment[]
  code: IssueCode
  message: string
  hint?: string
}

const NUMERIC = new Set(['lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive'])

/** the fix for a value written in the wrong JSON type: quotes around a number or a boolean */
function retypeHint(value: unknown, kinds: ReadonlySet<string>): string | undefined {
  if (typeof value === 'string') {
    const trimmed = value.trim()
    if (kinds.has('number') && trimmed !== '' && Number.isFinite(Number(trimmed)))
      return `write ${Number(trimmed)}, without quotes`
    if (kinds.has('boolean') && (trimmed === 'true' || trimmed === 'false'))
      return `write ${trimmed}, without quotes`
  }
  if ((typeof value === 'number' || typeof value === 'boolean') && kinds.has('string'))
    return `write "${String(value)}", in quotes`
  return undefined
}

/** a literal of another kind than the fact's, with a hint to retype it; undefined for null or a fit */
function wrongKind(
  candidate: unknown,
  against: { shape: Shape; fact: string; expected: Set<string> },
): Omit<ValueProblem, 'path'> | undefined {
  const { shape, fact, expected } = against
  if (candidate === null || candidate === undefined) return undefined
  if (expected.has(kindOf(candidate))) return undefined
  const words = [...expected].map((kind) => KIND_WORDS[kind] ?? kind).join(' or ')
  const domain = describeShape(shape)
  const hint = retypeHint(candidate, expected)
  return {
    code: 'invalid_type',
    message: `expected ${words} for ${fact}${domain === words ? '' : ` (${domain})`}, received ${describeValue(candidate)}`,
    ...(hint === undefined ? {} : { hint }),
  }
}

/** a numeric operator: it never holds on a fact that is no number, and it needs a number to compare */
function numericProblems(
  shape: Shape,
  compared: { base: string; value: unknown; fact: string; kinds: Set<string> | undefined },
): ValueProblem[] {
  const { base, value, fact, kinds } = compared
  if (kinds !== undefined && !kinds.has('number')) {
    return [
      {
        path: ['operator'],
        code: 'invalid_operator',
        message: `${base} compares numbers, but ${fact} is ${describeShape(shape)}: it never holds`,
        hint: 'compare with equal, notEqual, in or notIn',
      },
    ]
  }
  if (typeof value === 'number') return []
  const hint = retypeHint(value, new Set(['number']))
  return [
    {
      path: ['value'],
      code: 'invalid_type',
      message: `${base} compares numbers: expected a number, received ${describeValue(value)}`,
      ...(hint === undefined ? {} : { hint }),
    },
  ]
}

/**
 * Checks a literal `value` against the shape of the fact it is compared with: a numeric operator
 * needs a number on both sides, `equal` and `in` need values of the fact's type, `contains` a list.
 *
 * @example comparedValueProblems(NUMBER, { operator: 'lessThan', value: '61' }) // [{ path: ['value'], … }]
 */
export function comparedValueProblems(
  shape: Shape,
  compared: { operator: string; value: unknown; fact: string },
): ValueProblem[] {
  const parts = compared.operator.split(':')
  const base = parts.pop() as string
  // swap and the fact/value decorators change which side is which: not checked here
  if (parts.some((decorator) => decorator !== 'not')) return []
  const { value, fact } = compared
  const kinds = kindsOf(shape)
  const problems: ValueProblem[] = []
  const checkValue = (candidate: unknown, path: PathSegment[], expected: Set<string>): void => {
    const problem = wrongKind(candidate, { shape, fact, expected })
    if (problem !== undefined) problems.push({ path, ...problem })
  }
  if (NUMERIC.has(base)) return numericProblems(shape, { base, value, fact, kinds })
  if (kinds === undefined) return problems
  switch (base) {
    case 'equal':
    case 'notEqual':
      checkValue(value, ['value'], kinds)
      break
    case 'in':
    case 'notIn':
      if (Array.isArray(value))
        value.forEach((v, i) => {
          checkValue(v, ['value', i], kinds)
        })
      break
    case 'contains':
    case 'doesNotContain': {
      if (!kinds.has('list')) {
        problems.push({
          path: ['operator'],
          code: 'invalid_operator',
          message: `${base} looks into a list, but ${fact} is ${describeShape(shape)}: it never holds`,
          hint: 'compare with equal, notEqual, in or notIn',
        })
        break
      }
      const items = shape.kind === 'list' ? kindsOf(shape.items) : undefined
      if (items !== undefined) checkValue(value, ['value'], items)
      break
    }
    default:
      break
  }
  return problems
}
