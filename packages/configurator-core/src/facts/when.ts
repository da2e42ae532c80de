import { z } from 'zod'
import type { Issue, PathSegment } from '../issues.js'
import { didYouMean } from '../text/suggest.js'
import { describeValue } from '../zod-issues.js'
import type { FactSpec, FactValues } from './types.js'
import { everyDeclaredFact } from './product-facts.js'

/** A fact's expected value: one value, or a list meaning "any of these". */
export type WhenValue = string | number | boolean | (string | number | boolean)[]

/**
 * When a row, section or task applies: every fact named must have (one of) the value(s) given; `any` holds when
 * one of its objects holds, `not` when its object does not. `{}` always holds. See docs/qc.md#applicability.
 */
export interface When {
  any?: When[] | undefined
  not?: When | undefined
  [fact: string]: WhenValue | When[] | When | undefined
}

const Scalar = z.union([z.string(), z.number(), z.boolean()])

/** The `when` object's schema; which facts and values are known is checked by {@link checkWhen}. */
export const WhenSchema: z.ZodType<When> = z
  .object({
    get any(): z.ZodOptional<z.ZodArray<z.ZodType<When>>> {
      return z
        .array(WhenSchema)
        .min(1)
        .meta({ description: 'holds when at least one of these holds' })
        .optional()
    },
    get not(): z.ZodOptional<z.ZodType<When>> {
      return WhenSchema.meta({ description: 'holds when this does not hold' }).optional()
    },
  })
  .catchall(z.union([Scalar, z.array(Scalar).min(1)]))
  .meta({
    id: 'When',
    description:
      'Applies when every fact has the value given (a list: any of them). Facts: ' +
      Object.keys(everyDeclaredFact()).join(', '),
  })

const KEYWORDS = ['any', 'not']

function checkValue(
  spec: FactSpec,
  value: string | number | boolean,
  path: PathSegment[],
): Issue | undefined {
  if (spec.values.includes(value)) return undefined
  const hint =
    typeof value === 'string'
      ? didYouMean(
          value,
          spec.values.filter((v) => typeof v === 'string'),
        )
      : undefined
  return {
    code: 'invalid_value',
    severity: 'error',
    path,
    message: `expected one of ${spec.values.map((v) => JSON.stringify(v)).join(' | ')}, received ${describeValue(value)}`,
    ...(hint === undefined ? {} : { hint }),
  }
}

/** Where a `when` sits: the facts its product declares (none: not checked), and whether there is one basin. */
interface WhenScope {
  facts: Readonly<Record<string, FactSpec>> | undefined
  perBasin: boolean
  task?: boolean
}

/**
 * Checks the facts and values a `when` names against its product's facts (its shape is already checked by the
 * schema); without declared facts there is nothing to check them against, and the template is refused instead.
 *
 * @example checkWhen({ pegbord: true }, ['when'], { facts: T2_FACTS.facts, perBasin: false }) // [{ code: 'unknown_fact', … }]
 */
export function checkWhen(when: When, at: readonly PathSegment[], scope: WhenScope): Issue[] {
  const { facts } = scope
  if (facts === undefined) return []
  const issues: Issue[] = []
  for (const [key, value] of Object.entries(when)) {
    const path = [...at, key]
    if (key === 'any') {
      ;(value as When[]).forEach((inner, i) =>
        issues.push(...checkWhen(inner, [...path, i], scope)),
      )
      continue
    }
    if (key === 'not') {
      issues.push(...checkWhen(value as When, path, scope))
      continue
    }
    const spec = Object.hasOwn(facts, key) ? facts[key] : undefined
    if (spec === undefined) {
      const hint = didYouMean(key, [...Object.keys(facts), ...KEYWORDS])
      issues.push({
        code: 'unknown_fact',
        severity: 'error',
        path,
        message: `unknown fact ${JSON.stringify(key)}`,
        hint: hint ?? `the facts are ${Object.keys(facts).join(', ')}`,
      })
      continue
    }
    if (spec.basin === true && !scope.perBasin) {
      const instead = key === 'basin.type' ? ', or use "basins.type": some basin has the type' : ''
      issues.push({
        code: 'basin_fact_outside_basin',
        severity: 'error',
        path,
        message:
          scope.task === true
            ? `${key} describes one basin, but a task is for the whole sink`
            : `${key} describes one basin, but this row is not repeated per basin`,
        hint:
          scope.task === true
            ? 'use "basins.type": some basin has the type'
            : `set "perBasin": true on the item or its section${instead}`,
      })
      continue
    }
    const values = (Array.isArray(value) ? value : [value]) as (string | number | boolean)[]
    values.forEach((v, i) => {
      const issue = checkValue(spec, v, Array.isArray(value) ? [...path, i] : path)
      if (issue !== undefined) issues.push(issue)
    })
  }
  return issues
}

function holds(fact: FactValues[string] | undefined, expected: WhenValue): boolean {
  if (fact === undefined) return false
  const wanted: readonly unknown[] = Array.isArray(expected) ? expected : [expected]
  if (Array.isArray(fact)) return fact.some((v) => wanted.includes(v))
  return wanted.includes(fact)
}

/**
 * Does `when` hold for these facts? A fact the sink lacks (e.g. `pegboard.type` without a pegboard) never holds.
 *
 * @example evaluateWhen({ 'legs.height': 'ADJUSTABLE' }, facts) // true
 */
export function evaluateWhen(when: When | undefined, facts: FactValues): boolean {
  if (when === undefined) return true
  for (const [key, value] of Object.entries(when)) {
    if (value === undefined) continue
    if (key === 'any') {
      if (!(value as When[]).some((inner) => evaluateWhen(inner, facts))) return false
    } else if (key === 'not') {
      if (evaluateWhen(value as When, facts)) return false
    } else if (!holds(facts[key], value as WhenValue)) return false
  }
  return true
}
