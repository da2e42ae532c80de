// golden BOMs: the sample configurations' documents, CSVs and trees, byte for byte
// (after an intended change: UPDATE_GOLDEN=1 pnpm vitest run rules/golden.test.ts, then review the diff)
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { PriceList } from '@torvan/configurator-core'
import { bomToCsv, bomToText, createBomDocument, rollUpCost } from '@torvan/configurator-core'
import { describe, expect, it } from 'vitest'
import { describeErrors, loadDemoT2, root } from './demo-t2.js'

const golden = join(root, 'fixtures', 'golden')
const { configurator, ruleset } = await loadDemoT2()
const prices = JSON.parse(
  readFileSync(join(root, 'fixtures', 'catalog', 'prices.json'), 'utf8'),
) as PriceList
const samples = readdirSync(join(root, 'fixtures', 'configs'))
  .filter((name) => name.endsWith('.json') && !name.includes('invalid'))
  .sort()

function matchGolden(name: string, actual: string): void {
  const file = join(golden, name)
  if (process.env['UPDATE_GOLDEN'] === '1') writeFileSync(file, actual)
  // a missing golden file is a failure, not a new baseline: it is written only when asked
  expect(
    existsSync(file),
    `${name} has no golden file; write it with UPDATE_GOLDEN=1 and review it`,
  ).toBe(true)
  expect(actual).toBe(readFileSync(file, 'utf8'))
}

describe.each(samples)('%s', (sample) => {
  const configuration = JSON.parse(
    readFileSync(join(root, 'fixtures', 'configs', sample), 'utf8'),
  ) as unknown
  const base = sample.replace(/\.json$/, '')
  const result = createBomDocument(configurator, configuration, {
    now: new Date('2026-01-01T00:00:00Z'),
  })
  if (!result.ok)
    throw new Error(`${sample} does not configure:\n${describeErrors(ruleset, result.findings)}`)
  const { document } = result

  it('gives the golden BOM document, with its cost roll-up', () => {
    // the generator version moves with releases; the golden file pins everything else
    const stable = {
      ...document,
      generator: { ...document.generator, version: 'x' },
      cost: rollUpCost(document.flat, prices),
    }
    matchGolden(`${base}.bom.json`, `${JSON.stringify(stable, null, 2)}\n`)
  })

  it('gives the golden CSV and text tree', () => {
    matchGolden(`${base}.csv`, bomToCsv(document, { prices }))
    matchGolden(`${base}.tree.txt`, bomToText(document))
  })
})

it('keeps no golden file that no sample gives (a renamed or deleted sample leaves none behind)', () => {
  const expected = samples.flatMap((sample) =>
    ['.bom.json', '.csv', '.tree.txt'].map((suffix) => sample.replace(/\.json$/, suffix)),
  )
  expect(readdirSync(golden).sort()).toEqual(expected.sort())
})
