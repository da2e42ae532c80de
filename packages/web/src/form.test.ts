import { readFileSync } from 'node:fs'
import type { OptionSpec } from '@torvan/configurator-core'
import { describe, expect, it } from 'vitest'
import type { Field } from './form.js'
import {
  fieldPaths,
  formOf,
  labelOf,
  parentPath,
  placeFindings,
  startingConfiguration,
  valueAt,
  withValue,
} from './form.js'

const T2 = (
  JSON.parse(readFileSync(new URL('../../../rules/t2/product.json', import.meta.url), 'utf8')) as {
    options: Record<string, OptionSpec>
  }
).options

function find(form: readonly Field[], ...keys: string[]): Field {
  let fields = form
  let found: Field | undefined
  for (const key of keys) {
    found = fields.find((field) => field.key === key)
    if (found === undefined) throw new Error(`no field ${keys.join('.')}`)
    if (found.kind === 'group') fields = found.fields
    else if (found.kind === 'list' && found.item.kind === 'group') fields = found.item.fields
  }
  if (found === undefined) throw new Error('no keys')
  return found
}

describe('the form of a product model', () => {
  const form = formOf(T2)

  it('has one field per T2 option, in the product model’s order', () => {
    expect(form.map((field) => `${field.key}:${field.kind}`)).toEqual(
      Object.entries(T2).map(([key, spec]) => {
        const kinds: Record<string, string> = { string: 'text', object: 'group', oneOf: 'variant' }
        return `${key}:${kinds[spec.type] ?? spec.type}`
      }),
    )
  })

  it('makes number inputs with their bounds, step and unit from the model', () => {
    expect(find(form, 'sink', 'lengthIn')).toEqual({
      key: 'lengthIn',
      label: 'Length (in)',
      kind: 'number',
      required: true,
      min: 48,
      max: 120,
      step: 0.01,
      unit: 'in',
      hint: 'T2 sinks are 48–120 in long',
    })
    expect(find(form, 'faucets', 'quantity')).toMatchObject({ kind: 'integer', step: 1, min: 1 })
  })

  it('gives the pegboard a none-or-one choice and its size a standard or custom variant', () => {
    const pegboard = find(form, 'pegboard')
    expect(pegboard).toMatchObject({ kind: 'group', nullable: true, default: null })
    const size = find(form, 'pegboard', 'size')
    if (size.kind !== 'variant') throw new Error('expected a variant')
    expect(size.variants.map((v) => v.kind)).toEqual(['values', 'object'])
    expect(size.variants[0]).toEqual({
      kind: 'values',
      label: 'SAME_AS_SINK',
      values: ['SAME_AS_SINK'],
    })
    const custom = size.variants[1]
    if (custom?.kind !== 'object') throw new Error('expected the custom object')
    expect(custom.field.fields.map((f) => f.label)).toEqual(['Width (in)', 'Height (in)'])
  })

  it('adds faucets, sprayers and accessories by their key, basins as empty elements', () => {
    const lists = form.filter((field) => field.kind === 'list')
    expect(
      Object.fromEntries(lists.map((list) => [list.key, 'addKey' in list ? list.addKey : null])),
    ).toEqual({ basins: null, faucets: 'type', sprayers: 'type', accessories: 'id' })
    expect(find(form, 'accessories', 'id')).toMatchObject({
      kind: 'item',
      required: true,
      subcategories: ['720.702', '720.703', '720.704', '720.705', '720.707'],
    })
    expect(find(form, 'basins', 'pTrap')).toMatchObject({
      kind: 'boolean',
      label: 'P trap',
      default: false,
    })
  })

  it('gives a new product its form with no code of its own', () => {
    const product: Record<string, OptionSpec> = {
      product: { type: 'enum', values: ['K9'], required: true },
      finish: { type: 'enum', values: ['MATTE', 'GLOSS'], default: 'MATTE' },
      heightMm: { type: 'integer', minimum: 700, maximum: 1200, required: true },
      doors: {
        type: 'list',
        maxItems: 4,
        items: {
          type: 'object',
          properties: {
            hinge: { type: 'enum', values: ['LEFT', 'RIGHT'], required: true },
            glass: { type: 'boolean' },
          },
        },
      },
    }
    const k9 = formOf(product)
    expect(k9.map((f) => [f.key, f.kind, f.label])).toEqual([
      ['product', 'enum', 'Product'],
      ['finish', 'enum', 'Finish'],
      ['heightMm', 'integer', 'Height mm'],
      ['doors', 'list', 'Doors'],
    ])
    expect(k9[3]).toMatchObject({ kind: 'list', maxItems: 4, addKey: 'hinge' })
    expect(startingConfiguration(k9)).toEqual({ product: 'K9' })
    expect(fieldPaths(k9, { doors: [{ hinge: 'LEFT' }] })).toEqual([
      'product',
      'finish',
      'heightMm',
      'doors',
      'doors[0]',
      'doors[0].hinge',
      'doors[0].glass',
    ])
  })
})

describe('labels', () => {
  it('reads keys as words, with the unit in brackets', () => {
    expect([
      labelOf('buildNumber'),
      labelOf('lengthIn', 'in'),
      labelOf('pTrap'),
      labelOf('workflowDirection'),
      labelOf('max_items'),
    ]).toMatchInlineSnapshot(`
      [
        "Build number",
        "Length (in)",
        "P trap",
        "Workflow direction",
        "Max items",
      ]
    `)
  })
})

describe('values at paths', () => {
  const configuration = {
    model: 'T2-B2',
    sink: { lengthIn: 60, widthIn: 30 },
    basins: [{ type: 'E_SINK' }, { type: 'E_DRAIN' }],
  }

  it('reads and replaces values without changing the configuration', () => {
    expect(valueAt(configuration, ['basins', 1, 'type'])).toBe('E_DRAIN')
    expect(valueAt(configuration, ['pegboard', 'type'])).toBeUndefined()
    const next = withValue(configuration, ['sink', 'lengthIn'], 72)
    expect(next).toEqual({ ...configuration, sink: { lengthIn: 72, widthIn: 30 } })
    expect(Object.keys(next as object)).toEqual(['model', 'sink', 'basins'])
    expect(configuration.sink.lengthIn).toBe(60)
    expect(withValue(configuration, ['pegboard', 'type'], 'SOLID')).toMatchObject({
      pegboard: { type: 'SOLID' },
    })
  })

  it('removes a key or a list element with undefined', () => {
    expect(withValue(configuration, ['basins', 0], undefined)).toEqual({
      ...configuration,
      basins: [{ type: 'E_DRAIN' }],
    })
    expect(withValue(configuration, ['sink', 'widthIn'], undefined)).toEqual({
      ...configuration,
      sink: { lengthIn: 60 },
    })
    expect(withValue(configuration, ['basins', 2], {})).toMatchObject({
      basins: [{ type: 'E_SINK' }, { type: 'E_DRAIN' }, {}],
    })
  })
})

describe('findings at their fields', () => {
  const form = formOf(T2)

  it('unfolds list elements and a given pegboard, not an absent one', () => {
    const paths = fieldPaths(form, { basins: [{ size: { widthIn: 20 } }], pegboard: null })
    expect(paths).toContain('basins[0].size.depthIn')
    expect(paths).toContain('pegboard')
    expect(paths).not.toContain('pegboard.type')
    expect(fieldPaths(form, { pegboard: {} })).toContain('pegboard.type')
  })

  it('places a finding at its field, else at the nearest field above it, else at the top', () => {
    const paths = fieldPaths(form, { basins: [{}], accessories: [{ id: 'X' }] })
    const placed = placeFindings(
      [
        { path: 'basins[0].type', message: 'a' },
        { path: 'accessories[0].id', message: 'b' },
        { path: 'accessories[3].id', message: 'c' },
        { path: '', message: 'd' },
        { path: 'nonsense.deep', message: 'e' },
      ],
      paths,
    )
    expect(
      Object.fromEntries([...placed].map(([path, list]) => [path, list.map((f) => f.message)])),
    ).toEqual({
      'basins[0].type': ['a'],
      'accessories[0].id': ['b'],
      accessories: ['c'],
      '': ['d', 'e'],
    })
  })

  it('walks paths up one step at a time', () => {
    expect(['basins[0].size', 'basins[0]', 'basins', 'a["odd key"]'].map(parentPath)).toEqual([
      'basins[0]',
      'basins',
      '',
      'a',
    ])
  })
})
