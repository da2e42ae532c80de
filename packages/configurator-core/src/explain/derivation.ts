import type { PathSegment } from '../issues.js'
import { formatPath } from '../issues.js'
import type { Values } from '../rules/compile.js'
import { mentionedFacts } from '../rules/derived-facts.js'
import type { ReadPattern } from '../rules/read-pattern.js'
import { ANY_INDEX, SHALLOW } from '../rules/read-pattern.js'
import { isObject } from '../util.js'
import type { CompiledFact, Ruleset } from '../rules/ruleset.js'

/** A configuration field a derived fact read, with the value it had. */
export interface DerivationField {
  /** the configuration path, e.g. `basins[1].type` */
  path: string
  /** the value there (absent when the key is not given, or for a list read as a whole) */
  value?: unknown
  /** a list read as a whole (counted, walked): how many entries it has */
  entries?: number
}

/**
 * How a derived fact got its value, down to the configuration fields that decided it: the derived facts
 * it is computed from (each explained the same way) and the fields it reads itself.
 */
export interface Derivation {
  fact: string
  description?: string
  value: unknown
  /** the derived facts it is computed from */
  facts: Derivation[]
  /**
   * the fields it reads itself; of a list's elements, those whose value the fact's definition names
   * (the E_DRAIN basins for an E-Drain count), or all of them when it names none
   */
  fields: DerivationField[]
}

interface FactPlan {
  fact: CompiledFact
  description: string | undefined
  uses: string[]
  /** reads of its own, not through the facts it uses */
  reads: ReadPattern[]
  /** its definition as JSON text, to see which element values it names */
  text: string
}

const plans = new WeakMap<Ruleset, Map<string, FactPlan>>()

function plansOf(ruleset: Ruleset): Map<string, FactPlan> {
  let byName = plans.get(ruleset)
  if (byName !== undefined) return byName
  byName = new Map()
  const content = ruleset.source.product.content
  const definitions = isObject(content) && isObject(content['facts']) ? content['facts'] : {}
  const facts = new Map(ruleset.facts.map((fact) => [fact.name, fact]))
  for (const fact of ruleset.facts) {
    const definition = definitions[fact.name]
    const value = isObject(definition) ? definition['value'] : undefined
    const named = new Set<string>()
    mentionedFacts(value, named)
    const uses = [...named].filter((name) => name !== fact.name && facts.has(name)).sort()
    const inherited = new Set(
      uses.flatMap((name) => (facts.get(name)?.reads ?? []).map((p) => JSON.stringify(p))),
    )
    const reads = fact.reads.filter((p) => !inherited.has(JSON.stringify(p)))
    const description =
      isObject(definition) && typeof definition['description'] === 'string'
        ? definition['description']
        : undefined
    byName.set(fact.name, { fact, description, uses, reads, text: JSON.stringify(value) })
  }
  plans.set(ruleset, byName)
  return byName
}

/** the concrete fields a read pattern touches in a configuration; `expanded` when a list was walked */
function fieldsOf(
  configuration: unknown,
  pattern: ReadPattern,
): { fields: DerivationField[]; expanded: boolean } {
  const fields: DerivationField[] = []
  let expanded = false
  const shallow = pattern[pattern.length - 1] === SHALLOW
  const segments = shallow ? pattern.slice(0, -1) : pattern
  const walk = (value: unknown, at: number, path: PathSegment[]): void => {
    if (at === segments.length) {
      if (shallow && Array.isArray(value))
        fields.push({ path: formatPath(path), entries: value.length })
      else fields.push({ path: formatPath(path), ...(value === undefined ? {} : { value }) })
      return
    }
    const segment = segments[at] as PathSegment
    if (segment === ANY_INDEX) {
      if (!Array.isArray(value)) {
        fields.push({ path: formatPath(path), ...(value === undefined ? {} : { value }) })
        return
      }
      expanded = true
      ;(value as unknown[]).forEach((element, i) => {
        walk(element, at + 1, [...path, i])
      })
      return
    }
    if (typeof value !== 'object' || value === null) {
      // the path stops at a value that has no keys (a null pegboard): that value decided it
      fields.push({ path: formatPath(path), ...(value === undefined ? {} : { value }) })
      return
    }
    const next = Object.hasOwn(value, segment)
      ? (value as Record<PathSegment, unknown>)[segment]
      : undefined
    walk(next, at + 1, [...path, segment])
  }
  walk(configuration, 0, [])
  return { fields, expanded }
}

/**
 * Explains derived facts down to the configuration: `derive(name)` for the facts of one configuration
 * (`values` from computeFacts, `configuration` with defaults applied); undefined for a name that is not
 * a derived fact. Results are shared between calls for the same configuration.
 *
 * @example createDerivations(ruleset, values, configuration)('controlBoxId')?.facts[0]?.fields
 */
export function createDerivations(
  ruleset: Ruleset,
  values: Values,
  configuration: Readonly<Record<string, unknown>>,
): (name: string) => Derivation | undefined {
  const byName = plansOf(ruleset)
  const done = new Map<string, Derivation>()
  const derive = (name: string): Derivation | undefined => {
    const known = done.get(name)
    if (known !== undefined) return known
    const plan = byName.get(name)
    if (plan === undefined) return undefined
    const fields = new Map<string, DerivationField>()
    for (const pattern of plan.reads) {
      const found = fieldsOf(configuration, pattern)
      const named = found.expanded
        ? found.fields.filter(
            (f) => f.value !== undefined && plan.text.includes(JSON.stringify(f.value)),
          )
        : []
      for (const field of named.length > 0 ? named : found.fields) fields.set(field.path, field)
    }
    // a list read as a whole says less than the fields read in its elements
    for (const [path, field] of fields)
      if (
        field.entries !== undefined &&
        [...fields.keys()].some((other) => other.startsWith(`${path}[`))
      )
        fields.delete(path)
    const derivation: Derivation = {
      fact: name,
      ...(plan.description === undefined ? {} : { description: plan.description }),
      value: values[plan.fact.slot],
      facts: plan.uses.map(derive).filter((d): d is Derivation => d !== undefined),
      fields: [...fields.values()],
    }
    done.set(name, derivation)
    return derivation
  }
  return derive
}
