import { z } from 'zod'
import { ConfiguratorError } from '../errors.js'
import { formatIssue } from '../issues.js'
import { zodIssues } from '../zod-issues.js'
import type { FactSpec, FactValues, ProductFacts, SinkFacts } from './types.js'

const BASIN_TYPES = ['E_SINK', 'E_SINK_DI', 'E_DRAIN'] as const
const FAUCET_TYPES = ['WRIST_BLADE', 'PRE_RINSE', 'DI_GOOSENECK'] as const
const SPRAYER_TYPES = [
  'DI_WATER_GUN_TURRET',
  'DI_WATER_GUN_ROSETTE',
  'AIR_GUN_TURRET',
  'AIR_GUN_ROSETTE',
] as const

// the T2 sink's facts, by name, with the values each takes
const SINK_FACTS: Readonly<Record<string, FactSpec>> = {
  model: { values: ['T2-B1', 'T2-B2', 'T2-B3'], description: 'the sink model' },
  language: { values: ['EN', 'FR', 'SP'], description: 'the language of the manuals' },
  'legs.height': {
    values: ['ADJUSTABLE', 'FIXED'],
    description: 'height-adjustable or fixed legs',
  },
  'legs.model': { values: ['DL27', 'DL14', 'LC1'], description: 'the leg kit model' },
  feet: { values: ['LEVELING_CASTERS', 'SEISMIC_FEET'], description: 'castors or seismic feet' },
  pegboard: { values: [true, false], description: 'the sink has a pegboard' },
  'pegboard.type': { values: ['PERFORATED', 'SOLID'], description: 'the pegboard type' },
  basinCount: { values: [1, 2, 3], description: 'the number of basins' },
  'basins.type': { values: BASIN_TYPES, list: true, description: 'some basin has this type' },
  faucets: { values: [true, false], description: 'at least one faucet is ordered' },
  'faucets.type': { values: FAUCET_TYPES, list: true, description: 'some faucet has this type' },
  sprayers: { values: [true, false], description: 'at least one sprayer is ordered' },
  'sprayers.type': {
    values: SPRAYER_TYPES,
    list: true,
    description: 'some sprayer has this type',
  },
  'basin.type': { values: BASIN_TYPES, basin: true, description: "this basin's type" },
  'basin.number': { values: [1, 2, 3], basin: true, description: "this basin's number, from 1" },
  'basin.light': { values: [true, false], basin: true, description: 'this basin has a light' },
  'basin.pTrap': { values: [true, false], basin: true, description: 'this basin has a P-trap' },
}

// only the fields QC and production read; other keys of the configuration are left alone
const BasinSchema = z.looseObject({
  type: z.enum(BASIN_TYPES),
  light: z.boolean().default(false),
  pTrap: z.boolean().default(false),
})
const SinkConfigurationSchema = z.looseObject({
  model: z.enum(['T2-B1', 'T2-B2', 'T2-B3']),
  language: z.enum(['EN', 'FR', 'SP']).default('EN'),
  legs: z.looseObject({
    height: z.enum(['ADJUSTABLE', 'FIXED']),
    model: z.enum(['DL27', 'DL14', 'LC1']),
  }),
  feet: z.enum(['LEVELING_CASTERS', 'SEISMIC_FEET']),
  pegboard: z
    .looseObject({ type: z.enum(['PERFORATED', 'SOLID']) })
    .nullable()
    .default(null),
  basins: z.array(BasinSchema).min(1).max(3),
  faucets: z.array(z.looseObject({ type: z.enum(FAUCET_TYPES) })).default([]),
  sprayers: z.array(z.looseObject({ type: z.enum(SPRAYER_TYPES) })).default([]),
})

/** Reads the facts of a T2 configuration; throws a ConfiguratorError naming the path when it lacks what they need. */
function readSinkFacts(configuration: unknown, caller: string): SinkFacts {
  const parsed = SinkConfigurationSchema.safeParse(configuration, { reportInput: true })
  if (!parsed.success) {
    const first = zodIssues(parsed.error.issues)[0]
    const where = first === undefined ? '' : formatIssue(first)
    throw new ConfiguratorError(
      'invalid_argument',
      `${caller}(): the configuration is not a T2 configuration: ${where}; check it with createConfigurator().configure() first`,
      { cause: parsed.error },
    )
  }
  const c = parsed.data
  const sink: FactValues = {
    model: c.model,
    language: c.language,
    'legs.height': c.legs.height,
    'legs.model': c.legs.model,
    feet: c.feet,
    pegboard: c.pegboard !== null,
    ...(c.pegboard === null ? {} : { 'pegboard.type': c.pegboard.type }),
    basinCount: c.basins.length,
    'basins.type': c.basins.map((b) => b.type),
    faucets: c.faucets.length > 0,
    'faucets.type': c.faucets.map((f) => f.type),
    sprayers: c.sprayers.length > 0,
    'sprayers.type': c.sprayers.map((s) => s.type),
  }
  const basins = c.basins.map((basin, index): FactValues => ({
    ...sink,
    'basin.type': basin.type,
    'basin.number': index + 1,
    'basin.light': basin.light,
    'basin.pTrap': basin.pTrap,
  }))
  return { sink, basins }
}

/**
 * The facts the T2 sink declares: its options as QC and task templates read them, and one basin's.
 *
 * @example T2_FACTS.facts['legs.height']?.values // ['ADJUSTABLE', 'FIXED']
 */
export const T2_FACTS: ProductFacts = { facts: SINK_FACTS, read: readSinkFacts }
