import { ConfiguratorError } from '../errors.js'
import type { Shape } from './shape.js'

/** What an operand of a custom operator must be: what `rules check` checks and what it runs on. */
export type OperandType = 'number' | 'string' | 'boolean' | 'list' | 'object' | 'any'

/** The operand types, for messages and checks. */
const OPERAND_TYPES: readonly OperandType[] = [
  'number',
  'string',
  'boolean',
  'list',
  'object',
  'any',
]

/**
 * A comparison a developer adds to the rule language (json-rules-engine's `engine.addOperator`): its
 * operand types are declared, so that `rules check` refuses a condition whose fact or value has another
 * type, and a fact of another type at run time makes the condition false (json-rules-engine's fact
 * validator), as `lessThan` is false for text.
 */
export interface OperatorDefinition {
  /** what the fact (the left side) must be */
  fact: OperandType
  /** what the condition's `value` (the right side) must be */
  value: OperandType
  /** the comparison; it must be pure (no I/O, no state) and is never given operands of other types */
  compare: (fact: never, value: never) => boolean
  /** what it means, for messages and tools */
  description?: string
}

/**
 * A decorator a developer adds (json-rules-engine's `engine.addOperatorDecorator`), written before an
 * operator as `name:operator`: it gets the fact, the value and the decorated comparison.
 */
export interface DecoratorDefinition {
  /** what the fact must be for the decorator to apply (else the condition is false); default `any` */
  fact?: OperandType
  apply: (fact: never, value: never, next: (fact: unknown, value: unknown) => boolean) => boolean
  description?: string
}

/** Custom operators and decorators by name, as given to `compileRuleset()` or `loadRules()`. */
export interface CustomOperators {
  operators?: Readonly<Record<string, OperatorDefinition>>
  decorators?: Readonly<Record<string, DecoratorDefinition>>
}

/** Does a runtime value have the operand type? */
export function isOfType(value: unknown, type: OperandType): boolean {
  switch (type) {
    case 'any':
      return true
    case 'list':
      return Array.isArray(value)
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value)
    case 'number':
      return typeof value === 'number' && !Number.isNaN(value)
    case 'string':
    case 'boolean':
      return typeof value === type
  }
}

/** Can a value of this shape have the operand type? (an unknown shape can) */
export function shapeAllows(shape: Shape, type: OperandType): boolean {
  if (type === 'any') return true
  switch (shape.kind) {
    case 'any':
      return true
    case 'union':
      return shape.variants.some((variant) => variant.kind !== 'null' && shapeAllows(variant, type))
    case 'null':
      return false
    case 'list':
      return type === 'list'
    case 'number':
    case 'string':
    case 'boolean':
    case 'object':
      return shape.kind === type
  }
}

/** The operand type of a literal value, as a message names it. */
export function typeOfValue(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'list'
  return typeof value
}

/** The type a shape describes, as a message names it. */
export function typeOfShape(shape: Shape): string {
  if (shape.kind === 'union') return [...new Set(shape.variants.map(typeOfShape))].join(' or ')
  return shape.kind === 'any' ? 'any value' : shape.kind
}

const NAME = /^[A-Za-z][A-Za-z0-9_]*$/

/**
 * Checks the declarations at start-up (a programmer error throws, naming the fix): names are words that
 * no built-in operator or decorator has, types are operand types, functions are functions.
 */
export function checkCustomOperators(
  call: string,
  custom: CustomOperators,
  builtIn: { operators: readonly string[]; decorators: readonly string[] },
): void {
  const fail = (message: string): never => {
    throw new ConfiguratorError('invalid_argument', `${call}: ${message}`)
  }
  const types = OPERAND_TYPES.map((t) => JSON.stringify(t)).join(', ')
  const checkName = (kind: 'operator' | 'decorator', name: string) => {
    if (!NAME.test(name))
      fail(`${kind} name ${JSON.stringify(name)} must be a word of letters, digits and _ (no ":")`)
    if (builtIn.operators.includes(name) || builtIn.decorators.includes(name))
      fail(`${kind} ${JSON.stringify(name)} is built in; choose another name`)
  }
  const checkType = (where: string, type: unknown) => {
    if (!(OPERAND_TYPES as readonly unknown[]).includes(type))
      fail(
        `${where} must be one of ${types}, received ${typeof type === 'string' ? JSON.stringify(type) : String(type)}`,
      )
  }
  const received = (value: unknown): string => {
    if (Array.isArray(value)) return 'a list'
    // JSON has no functions, symbols or undefined
    if (value === undefined || typeof value === 'function' || typeof value === 'symbol')
      return `a ${typeof value}`
    return JSON.stringify(value)
  }
  // plain JavaScript may give anything: a list or a text is no table of names
  const table = (kind: 'operators' | 'decorators', shape: string) => {
    const given: unknown = custom[kind]
    if (given === undefined) return {}
    if (typeof given !== 'object' || given === null || Array.isArray(given))
      fail(`${kind} must be an object of name → ${shape}, received ${received(given)}`)
    for (const [name, definition] of Object.entries(given as object))
      if (typeof definition !== 'object' || definition === null || Array.isArray(definition))
        fail(
          `${kind.slice(0, -1)} ${JSON.stringify(name)} must be ${shape}, received ${received(definition)}`,
        )
    return given as object
  }
  const operators = table('operators', '{ fact, value, compare }') as Record<
    string,
    OperatorDefinition
  >
  const decorators = table('decorators', '{ fact?, apply }') as Record<string, DecoratorDefinition>
  for (const [name, definition] of Object.entries(operators)) {
    checkName('operator', name)
    checkType(`operator ${JSON.stringify(name)}: fact`, definition.fact)
    checkType(`operator ${JSON.stringify(name)}: value`, definition.value)
    if (typeof definition.compare !== 'function')
      fail(`operator ${JSON.stringify(name)}: compare must be a function (fact, value) => boolean`)
  }
  for (const [name, definition] of Object.entries(decorators)) {
    checkName('decorator', name)
    if (Object.hasOwn(operators, name))
      fail(`${JSON.stringify(name)} is both an operator and a decorator; give them two names`)
    if (definition.fact !== undefined)
      checkType(`decorator ${JSON.stringify(name)}: fact`, definition.fact)
    if (typeof definition.apply !== 'function')
      fail(
        `decorator ${JSON.stringify(name)}: apply must be a function (fact, value, next) => boolean`,
      )
  }
}
