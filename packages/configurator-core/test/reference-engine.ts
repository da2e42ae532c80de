// json-rules-engine driven the obvious way on our rules: the reference for equivalence tests and benchmarks
import { Engine } from 'json-rules-engine'
import type { EngineResult, RuleProperties } from 'json-rules-engine'
import type { Ruleset } from '../src/index.js'

/** Which rules fired, as `name` or `name@index` for per-element rules, sorted. */
export type FiredRules = string[]

interface Group {
  list: string | undefined
  as: string | undefined
  rules: RuleProperties[]
}

function toEngineRule(
  name: string,
  conditions: unknown,
  priority: number | undefined,
): RuleProperties {
  return {
    name,
    conditions: conditions as RuleProperties['conditions'],
    event: { type: 'fired', params: { rule: name } },
    ...(priority === undefined ? {} : { priority }),
  }
}

/**
 * Builds a reference evaluator: facts are the configuration's options and derived facts (computed by the
 * caller), rules run on json-rules-engine, one Engine per forEach list, never shared between runs at once.
 */
export function createReferenceEngine(ruleset: Ruleset) {
  const groups = new Map<string, Group>()
  for (const rule of ruleset.rules) {
    const source = rule.source
    const key =
      source.forEach === undefined
        ? ''
        : `${typeof source.forEach.list === 'string' ? source.forEach.list : source.forEach.list.fact}/${source.forEach.as}`
    let group = groups.get(key)
    if (group === undefined) {
      group = {
        list:
          source.forEach === undefined
            ? undefined
            : typeof source.forEach.list === 'string'
              ? source.forEach.list
              : source.forEach.list.fact,
        as: source.forEach?.as,
        rules: [],
      }
      groups.set(key, group)
    }
    group.rules.push(toEngineRule(rule.name, source.conditions, source.priority))
  }
  const engines = [...groups.values()].map((group) => ({
    group,
    engine: new Engine(group.rules, { allowUndefinedFacts: true }),
  }))

  /** Runs every rule for facts `facts` (option and derived fact values by name). */
  return async function fired(facts: Record<string, unknown>): Promise<FiredRules> {
    const out: string[] = []
    for (const { group, engine } of engines) {
      if (group.list === undefined || group.as === undefined) {
        const { events }: EngineResult = await engine.run({ ...facts })
        for (const event of events) out.push(String(event.params?.['rule']))
        continue
      }
      const list: unknown = facts[group.list]
      if (!Array.isArray(list)) continue
      const elements: unknown[] = list
      for (let i = 0; i < elements.length; i++) {
        const { events }: EngineResult = await engine.run({
          ...facts,
          [group.as]: elements[i],
          [`${group.as}Index`]: i,
          [`${group.as}Number`]: i + 1,
        })
        for (const event of events) out.push(`${String(event.params?.['rule'])}@${i}`)
      }
    }
    return out.sort()
  }
}
