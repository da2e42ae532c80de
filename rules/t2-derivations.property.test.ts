// issue 18: on random valid T2 configurations, explain()'s root fields of a derived fact decide it
// (the fields of one list together: with two DI basins, neither alone decides that one is DI; and a
// condition over two facts may need both changed)
import type { Derivation, OptionSpec } from '@torvan/configurator-core'
import { explain } from '@torvan/configurator-core'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { arbitraryConfiguration } from '../packages/configurator-core/test/arbitrary-configuration.js'
import { loadDemoT2 } from './demo-t2.js'

const { catalog, configurator, ruleset } = await loadDemoT2()
const accessoryIds = catalog.itemsIn('720.702').map((item) => item.id)

const valid = arbitraryConfiguration(ruleset.options, {
  items: () => accessoryIds,
  lengths: { basins: [1, 3], faucets: [0, 2], sprayers: [0, 2], accessories: [0, 2] },
})
  .map((c): Record<string, unknown> => ({
    ...c,
    model: `T2-B${String((c['basins'] as unknown[]).length)}`,
  }))
  .filter((c) => configurator.configure(c).ok)

/** every derivation of an explanation's conditions, depth first */
function derivationsOf(node: unknown, out: Derivation[] = []): Derivation[] {
  if (Array.isArray(node)) for (const child of node) derivationsOf(child, out)
  else if (typeof node === 'object' && node !== null) {
    const record = node as Record<string, unknown>
    if (typeof record['fact'] === 'string' && Array.isArray(record['facts']))
      out.push(record as unknown as Derivation)
    for (const value of Object.values(record)) derivationsOf(value, out)
  }
  return out
}

/** the fields at the bottom of a derivation, with the facts on the way */
function rootFields(derivation: Derivation): Derivation['fields'] {
  return [...derivation.fields, ...derivation.facts.flatMap(rootFields)]
}

/** the enum or boolean option of a configuration path such as basins[1].type */
function choicesAt(path: string): readonly unknown[] {
  let option: OptionSpec | undefined = { type: 'object', properties: { ...ruleset.options } }
  for (const segment of path.replace(/\[\d+\]/g, '.[]').split('.')) {
    if (option?.type === 'list' && segment === '[]') option = option.items
    else if (option?.type === 'object') option = option.properties[segment]
    else return []
  }
  if (option?.type === 'enum') return option.values
  if (option?.type === 'boolean') return [false, true]
  return []
}

function setAt(config: unknown, path: string, value: unknown): unknown {
  const copy = structuredClone(config) as Record<string, unknown>
  const segments = path.match(/[^.[\]]+/g) ?? []
  let at: Record<string, unknown> = copy
  for (const segment of segments.slice(0, -1)) at = at[segment] as Record<string, unknown>
  at[segments[segments.length - 1] as string] = value
  return copy
}

/** the derived fact's value after the change, as explain() gives it for the same line */
function valueAfter(config: unknown, item: string, fact: string): string {
  const after = derivationsOf(explain(configurator, config, item).rules).find(
    (d) => d.fact === fact,
  )
  return JSON.stringify(after?.value)
}

describe('explain() down to the configuration, on random valid T2 configurations', () => {
  it('gives each derived fact root fields, and other values of one or two of them change it', () => {
    const checked = new Set<string>()
    fc.assert(
      fc.property(valid, fc.nat(), (config, pick) => {
        const lines = configurator.configure(config).lines
        const line = lines[pick % lines.length]
        if (line === undefined) return
        for (const derivation of derivationsOf(explain(configurator, config, line.id).rules)) {
          const fields = rootFields(derivation)
          expect(fields.length, derivation.fact).toBeGreaterThan(0)
          const before = JSON.stringify(derivation.value)
          // fields of one list, such as two DI basins' types, decide together: they change together
          const groups = new Map<string, typeof fields>()
          for (const field of fields) {
            if (!('value' in field)) continue
            const key = field.path.replace(/\[\d+\]/g, '[]')
            groups.set(key, [...(groups.get(key) ?? []), field])
          }
          // each group's other values: the group's fields set to one of them
          const variants = [...groups].map(([key, group]) =>
            choicesAt(key.replace(/\[\]/g, '[0]'))
              .filter((v) => group.some((field) => field.value !== v))
              .map(
                (other) => (c: unknown) =>
                  group.reduce<unknown>((d, field) => setAt(d, field.path, other), c),
              ),
          )
          if (variants.every((v) => v.length === 0)) continue
          const changes = (change: (c: unknown) => unknown) =>
            valueAfter(change(config), line.id, derivation.fact) !== before
          // one group changed, or (for a condition over two, such as a DI basin without a DI
          // gooseneck) two of them
          const decided =
            variants.some((v) => v.some(changes)) ||
            variants.some((a, i) =>
              variants
                .slice(i + 1)
                .some((b) => a.some((f) => b.some((g) => changes((c) => g(f(c)))))),
            )
          expect(decided, `${line.id}: ${derivation.fact} ← ${[...groups.keys()].join(', ')}`).toBe(
            true,
          )
          checked.add(derivation.fact)
        }
      }),
      { numRuns: 100 },
    )
    // the facts whose root fields were changed: the T2 line rules read these
    expect(checked.size).toBeGreaterThanOrEqual(3)
  })
})
