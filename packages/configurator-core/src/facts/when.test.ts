import { describe, expect, it } from 'vitest'
import { formatIssue } from '../issues.js'
import { T2_FACTS } from './t2-facts.js'
import { checkWhen, evaluateWhen } from './when.js'

const configuration = {
  model: 'T2-B2',
  legs: { height: 'FIXED', model: 'DL14' },
  feet: 'SEISMIC_FEET',
  basins: [
    { type: 'E_SINK', light: true },
    { type: 'E_DRAIN', pTrap: true },
  ],
  faucets: [{ type: 'PRE_RINSE' }],
}
const { sink, basins } = T2_FACTS.read(configuration, 'test')
const facts = T2_FACTS.facts

describe('the T2 facts', () => {
  it('applies the configuration defaults and numbers the basins from 1', () => {
    expect(sink).toMatchObject({
      language: 'EN',
      pegboard: false,
      basinCount: 2,
      'basins.type': ['E_SINK', 'E_DRAIN'],
      faucets: true,
      sprayers: false,
    })
    expect(sink['pegboard.type']).toBeUndefined()
    expect(basins.map((b) => [b['basin.number'], b['basin.light'], b['basin.pTrap']])).toEqual([
      [1, true, false],
      [2, false, true],
    ])
  })
})

describe('evaluateWhen', () => {
  it('holds for no when and for {}', () => {
    expect(evaluateWhen(undefined, sink)).toBe(true)
    expect(evaluateWhen({}, sink)).toBe(true)
  })

  it('needs every fact listed, a list meaning any of its values', () => {
    expect(evaluateWhen({ feet: 'SEISMIC_FEET', model: ['T2-B2', 'T2-B3'] }, sink)).toBe(true)
    expect(evaluateWhen({ feet: 'SEISMIC_FEET', model: 'T2-B3' }, sink)).toBe(false)
  })

  it('reads list facts as "some element has the value"', () => {
    expect(evaluateWhen({ 'basins.type': 'E_DRAIN' }, sink)).toBe(true)
    expect(evaluateWhen({ 'basins.type': 'E_SINK_DI' }, sink)).toBe(false)
    expect(evaluateWhen({ 'faucets.type': ['WRIST_BLADE', 'PRE_RINSE'] }, sink)).toBe(true)
    expect(evaluateWhen({ 'sprayers.type': 'AIR_GUN_TURRET' }, sink)).toBe(false)
  })

  it('never holds for a fact the sink lacks', () => {
    expect(evaluateWhen({ 'pegboard.type': ['PERFORATED', 'SOLID'] }, sink)).toBe(false)
  })

  it('combines with any and not', () => {
    expect(evaluateWhen({ any: [{ pegboard: true }, { 'legs.height': 'FIXED' }] }, sink)).toBe(true)
    expect(evaluateWhen({ any: [{ pegboard: true }, { basinCount: 3 }] }, sink)).toBe(false)
    expect(evaluateWhen({ not: { pegboard: true } }, sink)).toBe(true)
    expect(evaluateWhen({ not: { 'basins.type': 'E_SINK' } }, sink)).toBe(false)
  })

  it('reads basin facts per basin', () => {
    expect(basins.map((facts) => evaluateWhen({ 'basin.type': 'E_DRAIN' }, facts))).toEqual([
      false,
      true,
    ])
    expect(basins.map((facts) => evaluateWhen({ 'basin.light': true }, facts))).toEqual([
      true,
      false,
    ])
  })
})

describe('checkWhen', () => {
  it('checks values of every type against the fact', () => {
    expect(
      checkWhen(
        { pegboard: 'yes', basinCount: '2', any: [{ not: { feet: 'CASTERS' } }] },
        ['when'],
        { facts, perBasin: false },
      ).map(formatIssue),
    ).toMatchInlineSnapshot(`
      [
        "when.pegboard: expected one of true | false, received "yes"",
        "when.basinCount: expected one of 1 | 2 | 3, received "2"",
        "when.any[0].not.feet: expected one of "LEVELING_CASTERS" | "SEISMIC_FEET", received "CASTERS" (did you mean "LEVELING_CASTERS"?)",
      ]
    `)
  })

  it('allows basin facts in a per-basin scope', () => {
    expect(checkWhen({ 'basin.pTrap': true }, [], { facts, perBasin: true })).toEqual([])
  })

  it('names a fact the product does not declare, with a did-you-mean', () => {
    expect(
      checkWhen({ any: [{ pegbord: true }, { finish: 'WHITE' }] }, ['when'], {
        facts,
        perBasin: false,
      }).map(formatIssue),
    ).toMatchInlineSnapshot(`
      [
        "when.any[0].pegbord: unknown fact "pegbord" (did you mean "pegboard"?)",
        "when.any[1].finish: unknown fact "finish" (the facts are model, language, legs.height, legs.model, feet, pegboard, pegboard.type, basinCount, basins.type, faucets, faucets.type, sprayers, sprayers.type, basin.type, basin.number, basin.light, basin.pTrap)",
      ]
    `)
  })
})
