// properties of the QC fixtures over random T2 configurations
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import type { OptionSpec, QcItem, QcTemplate, QcValue } from '@torvan/configurator-core'
import { instantiateInspection, parseQcTemplate, scoreInspection } from '@torvan/configurator-core'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { arbitraryConfiguration } from '../packages/configurator-core/test/arbitrary-configuration.js'

const root = join(import.meta.dirname, '..')
const read = (...path: string[]): unknown => JSON.parse(readFileSync(join(root, ...path), 'utf8'))
const forms: QcTemplate[] = readdirSync(join(root, 'fixtures', 'qc'))
  .filter((name) => name.endsWith('.json'))
  .sort()
  .flatMap((name) => parseQcTemplate(read('fixtures', 'qc', name)).template ?? [])
const product = read('rules', 't2', 'product.json') as { options: Record<string, OptionSpec> }

const configurations = arbitraryConfiguration(product.options, {
  items: () => ['T-OA-BINRAIL-24-KIT'],
  lengths: { basins: [1, 3], faucets: [0, 2], sprayers: [0, 2], accessories: [0, 1] },
})

interface Sink {
  basins: { type: string }[]
  pegboard?: unknown
  language?: string
  legs: { height: string }
}

describe('instantiating the T2 forms for random configurations', () => {
  it.each(forms.map((form) => [form.formCode, form] as const))(
    '%s: only applicable rows, each once, basins within the sink',
    (_code, form) => {
      const items = new Map<string, { item: QcItem; perBasin: boolean }>()
      for (const section of form.sections)
        for (const item of section.items)
          items.set(item.id, {
            item,
            perBasin: section.perBasin === true || item.perBasin === true,
          })
      fc.assert(
        fc.property(configurations, (configuration) => {
          const sink = configuration as unknown as Sink
          const rows = instantiateInspection(form, configuration)
          expect(new Set(rows.map((row) => row.key)).size).toBe(rows.length)
          for (const row of rows) {
            const source = items.get(row.itemId)
            expect(source).toBeDefined()
            if (source?.perBasin === true) {
              expect(row.key).toBe(`${row.itemId}#basin${String(row.basin)}`)
              const basin = sink.basins[(row.basin ?? 0) - 1]
              expect(row.basinType).toBe(basin?.type)
            } else expect(row.key).toBe(row.itemId)
            // spot checks of applicability against the configuration itself
            if (/^(3\.D|D\.)/.test(row.itemId)) expect(row.basinType).toBe('E_DRAIN')
            if (/^(3\.S|S\.|I\.)/.test(row.itemId)) expect(row.basinType).toMatch(/^E_SINK/)
            if (['1.3', '2.1', '2.2', 'B.1a'].includes(row.itemId))
              expect(sink.pegboard ?? null).not.toBeNull()
            if (['2.4', '2.5', 'B.4', 'G.2A'].includes(row.itemId))
              expect(sink.legs.height).toBe('ADJUSTABLE')
            if (row.itemId === '4.14') expect(sink.language).toBe('FR')
            if (row.quantity !== undefined) expect(row.quantity).toBeGreaterThan(0)
          }
          if (form.formCode === 'CLP.T2.001.V01') {
            const perBasin = rows.filter((row) => row.sectionId === '1' && row.basin !== undefined)
            expect(perBasin).toHaveLength(5 * sink.basins.length)
          }
        }),
        { numRuns: 60 },
      )
    },
  )

  it('passes an inspection where every row gets a passing answer', () => {
    fc.assert(
      fc.property(fc.constantFrom(...forms), configurations, (form, configuration) => {
        const rows = instantiateInspection(form, configuration)
        const answers = rows.flatMap((row): { key: string; value: QcValue }[] => {
          switch (row.kind) {
            case 'PROC':
              return []
            case 'CHECK':
            case 'CHECK_NA':
              return [{ key: row.key, value: true }]
            case 'CHOICE': {
              const option = row.options?.find((o) => o.value === row.expected) ?? row.options?.[0]
              const value =
                option?.text === true ? { option: option.value, text: 'x' } : option?.value
              return value === undefined ? [] : [{ key: row.key, value }]
            }
            case 'NUM':
            case 'TEST':
              return [
                { key: row.key, value: typeof row.expected === 'number' ? row.expected : true },
              ]
            case 'DATE':
              return [{ key: row.key, value: '2026-03-01' }]
            case 'TEXT':
            case 'SIG':
              return [{ key: row.key, value: 'J.D.' }]
          }
        })
        const score = scoreInspection(rows, answers, form.passThreshold)
        expect(score).toMatchObject({ result: 'PASS', failed: [], missing: [], issues: [] })
      }),
      { numRuns: 60 },
    )
  })
})
