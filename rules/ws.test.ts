// The second demo product (rules/ws: a wall shelf unit, its items in the demo catalog's category 730)
// through the library and the command line, beside the T2 rules on the same catalog: nothing in the
// configurator may assume the T2 sink.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { loadRules } from '@torvan/catalog-loader'
import type { Configurator } from '@torvan/configurator-core'
import {
  createBomDocument,
  createConfigurator,
  explain,
  formatIssue,
  options,
  runRuleCases,
} from '@torvan/configurator-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { runTorvan } from '../packages/catalog-loader/test/run-torvan.js'
import { loadDemoT2, root } from './demo-t2.js'

const sample = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(join(root, 'fixtures', 'ws', `${name}.json`), 'utf8')) as Record<
    string,
    unknown
  >

let ws: Configurator
let t2: Configurator

beforeAll(async () => {
  // the T2 configurator and the WS one share the demo catalog, read once
  const demo = await loadDemoT2()
  const { catalog } = demo
  t2 = demo.configurator
  const loaded = await loadRules(join(root, 'rules', 'ws'), { catalog })
  if (loaded.ruleset === undefined) throw new Error(loaded.issues.map(formatIssue).join('\n'))
  expect(loaded.issues).toEqual([])
  ws = createConfigurator({ catalog, ruleset: loaded.ruleset })
  // every case file of the product passes
  for (const file of loaded.cases) {
    const result = runRuleCases(ws, file)
    expect(result.failed, file.file).toEqual([])
    expect(result.issues, file.file).toEqual([])
  }
})

describe('the WS product through the library', () => {
  it('configures stock shelves on a rail: one kit per shelf, the rail kit', () => {
    const result = ws.configure(sample('ws-stock'))
    expect(result.ok).toBe(true)
    expect(result.lines.map((line) => [line.id, line.quantity])).toEqual([
      ['WS-SHELF-48-SS304', '3'],
      ['WS-RAIL-MOUNT-KIT', '1'],
    ])
  })

  it('makes a shelf of another width to measure, with the custom part’s family and spec', () => {
    const result = ws.configure(sample('ws-custom'))
    expect(result.ok).toBe(true)
    const custom = result.lines.find((line) => line.custom)
    expect(custom).toMatchObject({
      id: 'WS-SHELF-C62.5-WHITE',
      family: '730.900.001',
      spec: { widthIn: 62.5, finish: 'WHITE' },
    })
    expect(custom?.quantity.toString()).toBe('4')
  })

  it('gives byte-identical BOM documents for the same configuration', () => {
    const now = new Date('2026-12-01T00:00:00.000Z')
    const first = createBomDocument(ws, sample('ws-custom'), { now })
    const second = createBomDocument(ws, sample('ws-custom'), { now })
    expect(first.ok && second.ok).toBe(true)
    expect(JSON.stringify(first)).toBe(JSON.stringify(second))
    if (first.ok) expect(first.document.configuration['product']).toBe('WS')
  })

  it('offers options and explains a line down to the configuration field that decided it', () => {
    const partial = { product: 'WS', buildNumber: 'WS-0003', shelves: 4, mount: 'RAIL' }
    const answer = options(ws, partial)
    const shelves = answer.options.find((option) => option.path === 'shelves')
    expect(shelves, JSON.stringify(answer.options.map((o) => o.path))).toBeDefined()
    const why = explain(ws, sample('ws-custom'), { item: 'WS-SHELF-48-WHITE' })
    const text = JSON.stringify(why)
    expect(text).toContain('widthIn')
    expect(text).toContain('48')
  })

  it('is refused by the T2 rules, and a T2 sink by the WS rules, each naming the product', () => {
    const t2Answer = t2.configure(sample('ws-stock'))
    expect(t2Answer.ok).toBe(false)
    expect(t2Answer.findings.some((f) => f.path === 'product')).toBe(true)
    const sink = JSON.parse(
      readFileSync(join(root, 'fixtures', 'configs', 't2-b2-standard.json'), 'utf8'),
    ) as unknown
    const wsAnswer = ws.configure(sink)
    expect(wsAnswer.ok).toBe(false)
    expect(wsAnswer.findings.some((f) => f.path === 'product')).toBe(true)
  })
})

describe('the WS product through the command line', () => {
  const withRules = ['--catalog', 'fixtures/catalog', '--rules', 'rules/ws']

  it('checks and tests its rules without a finding', async () => {
    const check = await runTorvan(['rules', 'check', 'rules/ws', '--catalog', 'fixtures/catalog'])
    expect(check.stdout + check.stderr).toContain('0 errors, 0 warnings')
    expect(check.code).toBe(0)
    const test = await runTorvan(['rules', 'test', 'rules/ws', '--catalog', 'fixtures/catalog'])
    expect(test.stdout).toContain('6 of 6 rules fired')
    expect(test.code).toBe(0)
  })

  it('prints the BOM of each sample and says why a stock shelf is not in the custom one', async () => {
    const bom = await runTorvan(['bom', 'fixtures/ws', ...withRules, '--json'])
    expect(bom.code, bom.stderr).toBe(0)
    const results = bom.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { file: string; ok: boolean; lines: { id: string }[] })
    expect(results.map((r) => [r.file, r.ok, r.lines.map((l) => l.id)])).toEqual([
      ['fixtures/ws/ws-custom.json', true, ['WS-SHELF-C62.5-WHITE', 'WS-WALL-MOUNT-KIT']],
      ['fixtures/ws/ws-stock.json', true, ['WS-SHELF-48-SS304', 'WS-RAIL-MOUNT-KIT']],
    ])
    const why = await runTorvan([
      'explain',
      'fixtures/ws/ws-custom.json',
      'WS-SHELF-48-WHITE',
      ...withRules,
    ])
    expect(why.code).toBe(0)
    expect(why.stdout).toContain('← widthIn = 62.5')
    expect(why.stdout).toContain('to add it: set widthIn to 48')
  })
})
