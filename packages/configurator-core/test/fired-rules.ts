import type { Configurator } from '../src/index.js'
import { computeFacts, runRules } from '../src/rules/configure.js'

/**
 * The rules our compiled engine fires for a configuration (`name`, or `name@index` per element), and the
 * facts it saw by name, for comparing with the reference engine.
 */
export function firedRules(
  configurator: Configurator,
  configuration: unknown,
  options: { ignoreValidation?: boolean } = {},
): { fired: string[]; facts: Record<string, unknown> } {
  const { ruleset } = configurator
  const value =
    options.ignoreValidation === true
      ? (configuration as Record<string, unknown>)
      : configurator.configure(configuration).configuration
  const values = computeFacts(ruleset, value)
  const facts: Record<string, unknown> = {}
  for (const [name, slot] of ruleset.optionSlots) facts[name] = values[slot]
  for (const fact of ruleset.facts) facts[fact.name] = values[fact.slot]
  const fired: string[] = []
  runRules(ruleset, { values, invalid: [] }, (rule, index) => {
    fired.push(index === undefined ? rule.name : `${rule.name}@${index}`)
  })
  return { fired: fired.sort(), facts }
}
