/** A comparison: the fact's value on the left, the condition's value on the right. */
export type Comparison = (fact: unknown, value: unknown) => boolean

interface OperatorDef {
  compare: (a: never, b: never) => boolean
  /** the fact must pass this first, else the comparison is false (json-rules-engine's validators) */
  accepts?: (fact: unknown) => boolean
  /** what the right-hand value must be, for the static check */
  value?: 'list'
}

// json-rules-engine's number validator, kept exactly: parseFloat of the fact must not be NaN
const isNumeric = (fact: unknown): boolean => Number.parseFloat(fact as string).toString() !== 'NaN'

const OPERATORS: Record<string, OperatorDef> = {
  equal: { compare: (a: unknown, b: unknown) => a === b },
  notEqual: { compare: (a: unknown, b: unknown) => a !== b },
  // indexOf, as json-rules-engine: strict equality, so NaN is in no list
  in: { compare: (a: unknown, b: unknown[]) => b.indexOf(a) > -1, value: 'list' },
  notIn: { compare: (a: unknown, b: unknown[]) => b.indexOf(a) === -1, value: 'list' },
  // indexOf too (not includes): NaN is never contained
  contains: { compare: (a: unknown[], b: unknown) => a.indexOf(b) > -1, accepts: Array.isArray },
  doesNotContain: {
    compare: (a: unknown[], b: unknown) => a.indexOf(b) === -1,
    accepts: Array.isArray,
  },
  lessThan: { compare: (a: number, b: number) => a < b, accepts: isNumeric },
  lessThanInclusive: { compare: (a: number, b: number) => a <= b, accepts: isNumeric },
  greaterThan: { compare: (a: number, b: number) => a > b, accepts: isNumeric },
  greaterThanInclusive: { compare: (a: number, b: number) => a >= b, accepts: isNumeric },
}

type Decorator = (fact: unknown, value: unknown, next: Comparison) => boolean
interface DecoratorDef {
  apply: Decorator
  accepts?: (fact: unknown) => boolean
}

const DECORATORS: Record<string, DecoratorDef> = {
  someFact: {
    apply: (fact, value, next) => (fact as unknown[]).some((f) => next(f, value)),
    accepts: Array.isArray,
  },
  everyFact: {
    apply: (fact, value, next) => (fact as unknown[]).every((f) => next(f, value)),
    accepts: Array.isArray,
  },
  someValue: { apply: (fact, value, next) => (value as unknown[]).some((v) => next(fact, v)) },
  everyValue: { apply: (fact, value, next) => (value as unknown[]).every((v) => next(fact, v)) },
  swap: { apply: (fact, value, next) => next(value, fact) },
  not: { apply: (fact, value, next) => !next(fact, value) },
}

/** Operator names, for did-you-mean. */
export const OPERATOR_NAMES = Object.keys(OPERATORS)
/** Decorator names, for did-you-mean. */
export const DECORATOR_NAMES = Object.keys(DECORATORS)

/** The operator `name` (with decorators such as `not:equal`) as a function, or why it is unknown. */
export function resolveOperator(
  name: string,
):
  | { ok: true; compare: Comparison; value?: 'list' }
  | { ok: false; unknown: string; decorator: boolean } {
  const parts = name.split(':')
  const base = parts.pop() as string
  const operator = OPERATORS[base]
  if (operator === undefined) return { ok: false, unknown: base, decorator: false }
  const accepts = operator.accepts
  const compareBase = operator.compare as Comparison
  let compare: Comparison =
    accepts === undefined ? compareBase : (a, b) => accepts(a) && compareBase(a, b)
  for (const decoratorName of parts.reverse()) {
    const decorator = DECORATORS[decoratorName]
    if (decorator === undefined) return { ok: false, unknown: decoratorName, decorator: true }
    const next = compare
    const guard = decorator.accepts
    compare =
      guard === undefined
        ? (a, b) => decorator.apply(a, b, next)
        : (a, b) => guard(a) && decorator.apply(a, b, next)
  }
  // a value without a primitive form (Object.create(null)) makes < and parseFloat throw, in
  // json-rules-engine too; a comparison that cannot be made is false, never an exception
  const unsafe = compare
  const safe: Comparison = (a, b) => {
    try {
      return unsafe(a, b)
    } catch {
      return false
    }
  }
  // a decorated operator's value is checked by the decorator, not the base
  return parts.length === 0 && operator.value !== undefined
    ? { ok: true, compare: safe, value: operator.value }
    : { ok: true, compare: safe }
}
