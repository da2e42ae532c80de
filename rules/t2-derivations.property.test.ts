// issue 18: on random valid T2 configurations, explain()'s root fields of a derived fact decide it
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
  it('gives each derived fact root fields, and some other value of each changes the fact', () => {
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
          for (const field of fields) {
            const others = choicesAt(field.path).filter((v) => v !== field.value)
            if (others.length === 0 || !('value' in field)) continue
            const changes = others.some(
              (other) =>
                valueAfter(setAt(config, field.path, other), line.id, derivation.fact) !== before,
            )
            expect(changes, `${line.id}: ${derivation.fact} ← ${field.path}`).toBe(true)
            checked.add(derivation.fact)
          }
        }
      }),
      { numRuns: 100 },
    )
    // the facts whose root fields were changed: the T2 line rules read these
    expect(checked.size).toBeGreaterThanOrEqual(3)
  })
})
