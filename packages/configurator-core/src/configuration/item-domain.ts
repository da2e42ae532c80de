import type { Catalog } from '../catalog/graph.js'
import type { OptionSpec } from './option-schema.js'
import type { ItemDomain } from './validate.js'

/**
 * The catalog items an `item` option may name: every item of its subcategories and its `include` list,
 * with aliases resolved to the item's id.
 */
export function itemDomain(
  catalog: Catalog,
): (option: OptionSpec & { type: 'item' }) => ItemDomain {
  return (option) => {
    const allowed = new Set<string>()
    for (const code of option.subcategories ?? [])
      for (const item of catalog.itemsIn(code)) allowed.add(item.id)
    for (const id of option.include ?? []) allowed.add(catalog.resolve(id) ?? id)
    return {
      allowed,
      find: (id) => {
        const item = catalog.get(id)
        return item === undefined ? undefined : { subcategoryCode: item.subcategoryCode ?? null }
      },
    }
  }
}
