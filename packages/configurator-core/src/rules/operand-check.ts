import type { DeclaredOperands } from './operators.js'
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
