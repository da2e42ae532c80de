import type { IssueCode } from '../issue-codes.js'
import type { PathSegment } from '../issues.js'
import type { DeclaredOperands, OperandNeed } from './operators.js'
import type { Shape } from './shape.js'
import { isOfType, shapeAllows, typeOfShape, typeOfValue } from './custom-operators.js'

/** A condition's operands against a custom operator's declaration: one problem per side that cannot fit. */
export function operandIssues(
  declared: DeclaredOperands,
  condition: {
    fact: string
    path: string | undefined
    left: Shape
    value: unknown
    right: { shape: Shape } | undefined
  },
): { key: 'fact' | 'value'; message: string; hint: string }[] {
  // decorators decide what reaches the operator (someFact: gives it each element)
  if (declared.decorated) return []
  const { fact, path, left, value, right } = condition
  const name = JSON.stringify(declared.name)
  const where = `fact ${JSON.stringify(fact)}${path === undefined ? '' : ` at ${path}`}`
  const out: { key: 'fact' | 'value'; message: string; hint: string }[] = []
  if (!shapeAllows(left, declared.fact))
    out.push({
      key: 'fact',
      message: `operator ${name} compares a ${declared.fact}, but ${where} is ${typeOfShape(left)}`,
      hint: `compare a fact that is a ${declared.fact}, or use another operator`,
    })
  if (right !== undefined) {
    if (!shapeAllows(right.shape, declared.value))
      out.push({
        key: 'value',
        message: `operator ${name} compares with a ${declared.value}, but the value's fact is ${typeOfShape(right.shape)}`,
        hint: `compare with a fact that is a ${declared.value}`,
      })
  } else if (!isOfType(value, declared.value))
    out.push({
      key: 'value',
      message: `operator ${name} compares with a ${declared.value}, received ${JSON.stringify(value)} (${typeOfValue(value)})`,
      hint: `give a ${declared.value} as "value"`,
    })
  return out
}

const EXAMPLES: Record<OperandNeed['type'], string> = {
  any: '"A"',
  number: '60',
  string: '"A"',
  boolean: 'true',
  object: '{ "a": 1 }',
  list: '["A", "B"]',
}

function exampleOf(need: OperandNeed): string {
  if (need.type !== 'list' || need.items === undefined || need.items.type === 'any')
    return EXAMPLES[need.type]
  return `[${exampleOf(need.items)}]`
}

function nameOf(need: OperandNeed): string {
  if (need.type !== 'list' || need.items === undefined || need.items.type === 'any')
    return `${need.type === 'object' ? 'an' : 'a'} ${need.type}`
  const items = nameOf(need.items).replace(/^an? /, '')
  return `a list of ${items.startsWith('list') ? items.replace(/^list/, 'lists') : `${items}s`}`
}

function declares(need: OperandNeed): boolean {
  return need.declared === true || (need.items !== undefined && declares(need.items))
}

/** a literal as a message shows it: JSON, cut short */
function shown(value: unknown): string {
  const text = JSON.stringify(value)
  return text.length > 40 ? `${text.slice(0, 37)}...` : text
}

/**
 * A literal value a comparison cannot be made with (`someValue:equal` with `"A"`: json-rules-engine
 * throws on it), at the place in the value where it goes wrong; `undefined` when it fits.
 */
export function literalProblem(
  need: OperandNeed,
  value: unknown,
  at: PathSegment[],
): { path: PathSegment[]; code: IssueCode; message: string; hint: string } | undefined {
  const check = (
    wanted: OperandNeed,
    found: unknown,
    path: PathSegment[],
  ): ReturnType<typeof literalProblem> => {
    if (!isOfType(found, wanted.type)) {
      // an example only for json-rules-engine's own operators: a declared one's values are its own
      const example = declares(need) ? '' : `, e.g. ${exampleOf(need)}`
      const inside = path.slice(at.length).map((i) => `[${String(i)}]`)
      const received = `${shown(found)} (${typeOfValue(found)})`
      return {
        path,
        code: wanted.declared === true ? 'operand_type' : 'malformed_condition',
        message: `compares with ${nameOf(need)}${example}${
          inside.length === 0
            ? `, received ${received}`
            : `; value${inside.join('')} is ${received}, not ${nameOf(wanted)}`
        }`,
        hint: `give ${nameOf(need)} as "value"`,
      }
    }
    if (wanted.items === undefined || !Array.isArray(found)) return undefined
    for (const [i, element] of found.entries()) {
      const problem = check(wanted.items, element, [...path, i])
      if (problem !== undefined) return problem
    }
    return undefined
  }
  return check(need, value, at)
}
