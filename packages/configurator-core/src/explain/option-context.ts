import type { ReadPattern } from '../rules/read-pattern.js'
import { SHALLOW } from '../rules/read-pattern.js'
import { isObject } from '../util.js'
import type { Configurator } from '../rules/configure.js'
import type { OptionSpec } from '../configuration/option-schema.js'
import { breakpointsOf } from './breakpoints.js'
import type { Context } from './option-types.js'

const contexts = new WeakMap<Configurator, Map<number, Context>>()

export function contextOf(configurator: Configurator, maxListLength: number): Context {
  let byLength = contexts.get(configurator)
  if (byLength === undefined) {
    byLength = new Map()
    contexts.set(configurator, byLength)
  }
  const cached = byLength.get(maxListLength)
  if (cached !== undefined) return cached
  const { ruleset, catalog } = configurator
  const reads = new Map<string, ReadPattern[]>()
  for (const rule of ruleset.rules) {
    const list = rule.forEach === undefined ? [] : [[...(rule.forEach.configPath ?? []), SHALLOW]]
    // with no element given, CURRENT_INDEX in these reads matches any element of the rule's list
    reads.set(rule.name, [...(reads.get(rule.name) ?? []), ...rule.reads, ...list])
  }
  const itemCache = new Map<OptionSpec, string[]>()
  const items = (option: OptionSpec & { type: 'item' }): string[] => {
    let ids = itemCache.get(option)
    if (ids === undefined) {
      const allowed = new Set<string>()
      for (const code of option.subcategories ?? [])
        for (const item of catalog.itemsIn(code)) allowed.add(item.id)
      for (const id of option.include ?? []) allowed.add(catalog.resolve(id) ?? id)
      ids = [...allowed].sort()
      itemCache.set(option, ids)
    }
    return ids
  }
  const context: Context = {
    configurator,
    reads,
    breakpoints: breakpointsOf(ruleset),
    items,
    maxListLength,
    // rules and derived facts; numbers.json and the options' item lists read no value
    sourceText: JSON.stringify([
      ruleset.source.rules,
      isObject(ruleset.source.product.content) ? ruleset.source.product.content['facts'] : null,
    ]),
    unnamed: new Map(),
  }
  byLength.set(maxListLength, context)
  return context
}
