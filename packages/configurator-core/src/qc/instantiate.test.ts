import { describe, expect, it } from 'vitest'
import { ConfiguratorError } from '../errors.js'
import { instantiateInspection } from './instantiate.js'
import type { QcTemplate } from './template.js'
import { parseQcTemplate } from './template.js'

function parsed(json: unknown): QcTemplate {
  const { template, issues } = parseQcTemplate(json)
  if (template === undefined) throw new Error(JSON.stringify(issues))
  return template
}

const template = parsed({
  id: 'demo',
  version: 'V01',
  name: 'Demo',
  formCode: 'DEMO.001.V01',
  kind: 'PRODUCTION_CHECK',
  product: 'T2',
  passThreshold: 100,
  sections: [
    {
      id: '1',
      title: 'Pre-QC',
      kind: 'PRE_QC',
      items: [
        { id: '1.1', label: 'Basins', kind: 'NUM', expectedFrom: 'basinCount', tolerance: 0 },
        {
          id: '1.2',
          label: 'Feet',
          kind: 'CHOICE',
          options: ['LEVELING_CASTERS', { value: 'SEISMIC_FEET', label: 'Levelling feet' }],
          expectedFrom: 'feet',
        },
        { id: '1.3', label: 'Pegboard', kind: 'CHECK_NA', when: { pegboard: true } },
        {
          id: '1.4',
          label: 'Faucet location',
          kind: 'CHOICE',
          perBasin: true,
          perBasinOptions: { '1': ['C1'], '2': ['C2', 'B12'], '3': ['C3'] },
        },
      ],
    },
    {
      id: '2',
      title: 'Basins',
      perBasin: true,
      items: [
        { id: '2.D', label: 'E-Drain valve', kind: 'CHECK', when: { 'basin.type': 'E_DRAIN' } },
        {
          id: '2.S',
          label: 'E-Sink plate',
          kind: 'CHECK',
          when: { 'basin.type': ['E_SINK', 'E_SINK_DI'] },
        },
        { id: '2.T', label: 'Temperature', kind: 'TEST', expected: 40, tolerance: 2, unit: '°C' },
      ],
    },
    {
      id: '3',
      title: 'Packaging',
      when: { not: { language: 'SP' } },
      items: [
        {
          id: '3.1',
          label: 'Sensors',
          kind: 'CHECK',
          quantity: { each: 1, per: 'basin', where: { 'basin.type': 'E_DRAIN' } },
        },
        {
          id: '3.2',
          label: 'Mat',
          kind: 'CHECK',
          quantity: { each: 1, per: 'sink' },
          critical: false,
        },
        {
          id: '3.3',
          label: 'Lifter',
          kind: 'CHECK',
          when: { any: [{ 'legs.height': 'ADJUSTABLE' }, { 'legs.model': 'LC1' }] },
        },
        { id: '3.4', label: 'Read', kind: 'PROC', procedure: ['read it'] },
      ],
    },
  ],
})

const oneEDrain = {
  product: 'T2',
  buildNumber: 'B1',
  model: 'T2-B1',
  sink: { lengthIn: 48, widthIn: 30 },
  legs: { height: 'FIXED', model: 'DL27' },
  feet: 'LEVELING_CASTERS',
  basins: [{ type: 'E_DRAIN', size: '20X20X8' }],
}
const mixed = {
  ...oneEDrain,
  model: 'T2-B2',
  language: 'FR',
  legs: { height: 'ADJUSTABLE', model: 'DL14' },
  pegboard: { type: 'SOLID', color: 'RED', size: 'SAME_AS_SINK' },
  basins: [
    { type: 'E_SINK', size: '20X20X8' },
    { type: 'E_DRAIN', size: '20X20X8', light: true },
  ],
}

describe('instantiateInspection', () => {
  it('gives a 1-basin E-Drain sink no E-Sink rows, no pegboard row and per-basin rows once', () => {
    const rows = instantiateInspection(template, oneEDrain)
    expect(rows.map((row) => row.key)).toEqual([
      '1.1',
      '1.2',
      '1.4#basin1',
      '2.D#basin1',
      '2.T#basin1',
      '3.1',
      '3.2',
      '3.4',
    ])
  })

  it('repeats per-basin rows for each basin, basin by basin in a per-basin section', () => {
    const rows = instantiateInspection(template, mixed)
    expect(rows.map((row) => row.key)).toEqual([
      '1.1',
      '1.2',
      '1.3',
      '1.4#basin1',
      '1.4#basin2',
      '2.S#basin1',
      '2.T#basin1',
      '2.D#basin2',
      '2.T#basin2',
      '3.1',
      '3.2',
      '3.3',
      '3.4',
    ])
    expect(rows.find((row) => row.key === '2.D#basin2')).toMatchObject({
      basin: 2,
      basinType: 'E_DRAIN',
      sectionId: '2',
      sectionTitle: 'Basins',
    })
  })

  it('fills expected values from the sink, and options per basin', () => {
    const rows = instantiateInspection(template, mixed)
    const byKey = new Map(rows.map((row) => [row.key, row]))
    expect(byKey.get('1.1')).toMatchObject({ kind: 'NUM', expected: 2, tolerance: 0 })
    expect(byKey.get('1.2')).toMatchObject({
      expected: 'LEVELING_CASTERS',
      options: [
        { value: 'LEVELING_CASTERS', label: 'LEVELING_CASTERS', text: false },
        { value: 'SEISMIC_FEET', label: 'Levelling feet', text: false },
      ],
    })
    expect(byKey.get('1.4#basin2')?.options?.map((o) => o.value)).toEqual(['C2', 'B12'])
    expect(byKey.get('2.T#basin1')).toMatchObject({ expected: 40, tolerance: 2, unit: '°C' })
  })

  it('counts quantities, and flags N/A, required and critical', () => {
    const rows = instantiateInspection(template, mixed)
    const byKey = new Map(rows.map((row) => [row.key, row]))
    expect(byKey.get('3.1')?.quantity).toBe(1)
    expect(byKey.get('3.2')).toMatchObject({ quantity: 1, critical: false, required: true })
    expect(byKey.get('1.3')).toMatchObject({ naAllowed: true, critical: true })
    expect(byKey.get('3.4')).toMatchObject({ kind: 'PROC', required: false })
  })

  it('drops a quantity row that counts nothing, and a section whose when fails', () => {
    const noEDrain = { ...mixed, basins: [{ type: 'E_SINK', size: '20X20X8' }] }
    expect(instantiateInspection(template, noEDrain).map((row) => row.key)).not.toContain('3.1')
    const spanish = { ...mixed, language: 'SP' }
    expect(instantiateInspection(template, spanish).filter((row) => row.sectionId === '3')).toEqual(
      [],
    )
  })

  it('picks the rows of one inspection kind', () => {
    expect(
      instantiateInspection(template, oneEDrain, { kind: 'PRE_QC' }).map((row) => row.key),
    ).toEqual(['1.1', '1.2', '1.4#basin1'])
    expect(
      instantiateInspection(template, oneEDrain, { kind: 'FINAL_QC' }).map((row) => row.key),
    ).toEqual([])
  })

  it('throws a ConfiguratorError naming the path when the configuration lacks a fact', () => {
    const call = () =>
      instantiateInspection(template, { ...oneEDrain, basins: [{ type: 'E_DRAN' }] })
    expect(call).toThrow(ConfiguratorError)
    expect(call).toThrowErrorMatchingInlineSnapshot(
      `[ConfiguratorError: instantiateInspection(): the configuration is not a T2 configuration: basins[0].type: expected one of "E_SINK" | "E_SINK_DI" | "E_DRAIN", received "E_DRAN" (did you mean "E_DRAIN"?); check it with createConfigurator().configure() first]`,
    )
    expect(() => instantiateInspection(template, null)).toThrowErrorMatchingInlineSnapshot(
      `[ConfiguratorError: instantiateInspection(): the configuration is not a T2 configuration: expected object, received null; check it with createConfigurator().configure() first]`,
    )
  })

  it("refuses a configuration of another product than the template's", () => {
    const shelf = { product: 'WS', buildNumber: 'WS-1', widthIn: 36, shelves: 2 }
    expect(() => instantiateInspection(template, shelf)).toThrow(ConfiguratorError)
    expect(() => instantiateInspection(template, shelf)).toThrowErrorMatchingInlineSnapshot(
      `[ConfiguratorError: instantiateInspection(): the QC template demo is for T2 builds, but the configuration is a WS; use a template of WS]`,
    )
  })

  it('refuses a template for a product that declares no facts, which parseQcTemplate() refuses too', () => {
    const unchecked = { ...template, product: 'WS' }
    const shelf = { product: 'WS', buildNumber: 'WS-1', widthIn: 36, shelves: 2 }
    expect(() => instantiateInspection(unchecked, shelf)).toThrowErrorMatchingInlineSnapshot(
      `[ConfiguratorError: instantiateInspection(): the QC template demo is for WS, which declares no facts (PRODUCT_FACTS); was it checked with parseQcTemplate()?]`,
    )
  })
})
