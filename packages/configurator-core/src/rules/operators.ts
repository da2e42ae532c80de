import type { CustomOperators, OperandType } from './custom-operators.js'
import { isOfType } from './custom-operators.js'

/** A comparison: the fact's value on the left, the condition's value on the right. */
export type Comparison = (fact: unknown, value: unknown) => boolean

interface OperatorDef {
  compare: (a: never, b: never) => boolean
  /** the fact must pass this first, else the comparison is false (json-rules-engine's validators) */
  accepts?: (fact: unknown) => boolean
  /** what the fact must be for the comparison to be made (else it is false) */
  fact?: 'list'
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
  contains: {
    compare: (a: unknown[], b: unknown) => a.indexOf(b) > -1,
    accepts: Array.isArray,
    fact: 'list',
  },
  doesNotContain: {
    compare: (a: unknown[], b: unknown) => a.indexOf(b) === -1,
    accepts: Array.isArray,
    fact: 'list',
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
  /** a developer's decorator: the fact type it declares */
  need?: OperandNeed
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

/** The operand types a custom operator declares, for the static check. */
export interface DeclaredOperands {
  /** the base operator's name */
  name: string
  fact: OperandType
  value: OperandType
  /** true when decorators stand before it: they decide what reaches it */
  decorated: boolean
}

/**
 * What an operand must be for a comparison to be made at all: a type, for a list what each element must
 * be, and whether a custom operator's declaration asks for it (else json-rules-engine's operators do).
 */
export interface OperandNeed {
  type: OperandType
  items?: OperandNeed
  declared?: true
}

const ANY_NEED: OperandNeed = { type: 'any' }

/** A resolved operator: the comparison, and what a literal value must be (when it must be something). */
export type ResolvedOperator =
  | { ok: true; compare: Comparison; value?: OperandNeed; declared?: DeclaredOperands }
  | { ok: false; unknown: string; decorator: boolean }

/** the needs of the operands after one decorator, from those of the comparison it decorates */
function decoratedNeeds(
  decorator: string,
  needs: { fact: OperandNeed; value: OperandNeed },
  custom: DecoratorDef | undefined,
): { fact: OperandNeed; value: OperandNeed } {
  switch (decorator) {
    case 'not':
      return needs
    case 'someFact':
    case 'everyFact':
      return { fact: { type: 'list', items: needs.fact }, value: needs.value }
    case 'someValue':
    case 'everyValue':
      return { fact: needs.fact, value: { type: 'list', items: needs.value } }
    case 'swap':
      return { fact: needs.value, value: needs.fact }
    default:
      // a developer's decorator: what it passes on is its own affair
      return { fact: custom?.need ?? ANY_NEED, value: ANY_NEED }
  }
}

function customOperator(custom: CustomOperators | undefined, name: string) {
  const operators = custom?.operators
  if (operators === undefined || !Object.hasOwn(operators, name)) return undefined
  const definition = operators[name]
  if (definition === undefined) return undefined
  const { fact, value } = definition
  const compare = definition.compare as Comparison
  // a fact or value of another type never reaches the comparison: the condition is false
  const def: OperatorDef = {
    compare: (a: unknown, b: unknown) => isOfType(b, value) && compare(a, b),
    accepts: (a) => isOfType(a, fact),
  }
  const needs = {
    fact: { type: fact, declared: true as const },
    value: { type: value, declared: true as const },
  }
  return { def, declared: { name, fact, value }, needs }
}

function customDecorator(
  custom: CustomOperators | undefined,
  name: string,
): DecoratorDef | undefined {
  const decorators = custom?.decorators
  if (decorators === undefined || !Object.hasOwn(decorators, name)) return undefined
  const definition = decorators[name]
  if (definition === undefined) return undefined
  const fact = definition.fact ?? 'any'
  return {
    apply: definition.apply as Decorator,
    need: { type: fact, declared: true },
    ...(fact === 'any' ? {} : { accepts: (a: unknown) => isOfType(a, fact) }),
  }
}

/**
 * The operator `name` (with decorators such as `not:equal`) as a function, or why it is unknown;
 * `custom` adds a developer's operators and decorators.
 */
export function resolveOperator(name: string, custom?: CustomOperators): ResolvedOperator {
  const parts = name.split(':')
  const base = parts.pop() as string
  const own = Object.hasOwn(OPERATORS, base) ? undefined : customOperator(custom, base)
  const operator = Object.hasOwn(OPERATORS, base) ? OPERATORS[base] : own?.def
  if (operator === undefined) return { ok: false, unknown: base, decorator: false }
  const accepts = operator.accepts
  const compareBase = operator.compare as Comparison
  let compare: Comparison =
    accepts === undefined ? compareBase : (a, b) => accepts(a) && compareBase(a, b)
  let needs = own?.needs ?? {
    fact: operator.fact === undefined ? ANY_NEED : { type: operator.fact },
    value: operator.value === undefined ? ANY_NEED : { type: operator.value },
  }
  for (const decoratorName of [...parts].reverse()) {
    const builtIn = Object.hasOwn(DECORATORS, decoratorName)
    const decorator = builtIn ? DECORATORS[decoratorName] : customDecorator(custom, decoratorName)
    if (decorator === undefined) return { ok: false, unknown: decoratorName, decorator: true }
    needs = decoratedNeeds(builtIn ? decoratorName : '', needs, decorator)
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
  const declared =
    own === undefined ? {} : { declared: { ...own.declared, decorated: parts.length > 0 } }
  // an undecorated custom operator's operands are checked against its declaration (operandIssues)
  const value = own !== undefined && parts.length === 0 ? ANY_NEED : needs.value
  return value.type === 'any'
    ? { ok: true, compare: safe, ...declared }
    : { ok: true, compare: safe, value, ...declared }
}
