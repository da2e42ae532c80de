// issue 18: explain() follows each derived fact of the T2 rules down to the configuration fields
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Derivation, OptionSpec } from '@torvan/configurator-core'
import { explain } from '@torvan/configurator-core'
import { describe, expect, it } from 'vitest'
import { loadDemoT2, root } from './demo-t2.js'

const { configurator, ruleset } = await loadDemoT2()
const samples = readdirSync(join(root, 'fixtures', 'configs'))
  .filter((name) => name.endsWith('.json') && !name.includes('invalid'))
  .sort()
  .map((name): [string, unknown] => [
    name,
    JSON.parse(readFileSync(join(root, 'fixtures', 'configs', name), 'utf8')) as unknown,
  ])

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

/** the fields at the bottom of a derivation */
function rootFields(derivation: Derivation): Derivation['fields'] {
  return [...derivation.fields, ...derivation.facts.flatMap(rootFields)]
}

/** the option of a configuration path such as basins[1].type */
function optionAt(path: string): OptionSpec | undefined {
  let option: OptionSpec | undefined = { type: 'object', properties: { ...ruleset.options } }
  for (const segment of path.replace(/\[\d+\]/g, '.[]').split('.')) {
    if (option?.type === 'list' && segment === '[]') option = option.items
    else if (option?.type === 'object') option = option.properties[segment]
    else if (option?.type === 'oneOf')
      option =
        option.variants.find((v) => v.type === 'object')?.type === 'object' ? undefined : undefined
    else return undefined
  }
  return option
}

function setAt(config: unknown, path: string, value: unknown): unknown {
  const copy = structuredClone(config) as Record<string, unknown>
  const segments = path.match(/[^.[\]]+/g) ?? []
  let at: Record<string, unknown> = copy
  segments.slice(0, -1).forEach((s) => (at = at[s] as Record<string, unknown>))
  at[segments[segments.length - 1] as string] = value
  return copy
}

describe('explain() follows derived facts to the configuration', () => {
  it('says why the control box of a two-basin sink is T2-CTRL-EDR1-ESK1', () => {
    const config = samples.find(([name]) => name === 't2-b2-standard.json')?.[1]
    const explanation = explain(configurator, config, 'T2-CTRL-EDR1-ESK1')
    const [derivation] = derivationsOf(explanation.rules)
    expect(derivation).toMatchObject({
      fact: 'controlBoxId',
      value: 'T2-CTRL-EDR1-ESK1',
      facts: [
        { fact: 'eDrainCount', value: 1, fields: [{ path: 'basins[1].type', value: 'E_DRAIN' }] },
        { fact: 'eSinkCount', value: 1, fields: [{ path: 'basins[0].type', value: 'E_SINK' }] },
      ],
    })
  })

  it.each(samples)(
    '%s: every derived fact a rule reads ends in configuration fields, and changing one changes it',
    (_name, config) => {
      const seen = new Set<string>()
      let checked = 0
      for (const line of configurator.configure(config).lines) {
        for (const derivation of derivationsOf(explain(configurator, config, line.id).rules)) {
          if (seen.has(derivation.fact)) continue
          seen.add(derivation.fact)
          const fields = rootFields(derivation)
          expect(fields.length, derivation.fact).toBeGreaterThan(0)
          // an enum or boolean field at the root: some other value changes the derived value
          for (const field of fields) {
            const option = optionAt(field.path)
            const others =
              option?.type === 'enum'
                ? option.values.filter((v) => v !== field.value)
                : option?.type === 'boolean'
                  ? [!(field.value as boolean)]
                  : []
            if (others.length === 0) continue
            checked++
            const changes = others.some((other) => {
              const changed = setAt(config, field.path, other)
              const again = explain(configurator, changed, line.id)
              const after = derivationsOf(again.rules).find((d) => d.fact === derivation.fact)
              return JSON.stringify(after?.value) !== JSON.stringify(derivation.value)
            })
            expect(changes, `${derivation.fact} ← ${field.path}`).toBe(true)
          }
        }
      }
      expect(seen.size).toBeGreaterThan(0)
      expect(checked).toBeGreaterThan(0)
    },
  )
})
