import type { Configurator } from '../src/index.js'
import { buildCatalog, compileRuleset, createConfigurator } from '../src/index.js'

/** a small catalog and product that exercise every part of the rule language */
export const demoCatalog = buildCatalog({
  categories: [{ code: '1', name: 'ALL' }],
  subcategories: [
    { code: '1.1', categoryCode: '1', name: 'KITS' },
    { code: '1.2', categoryCode: '1', name: 'ACCESSORIES' },
  ],
  items: [
    {
      id: 'BODY-S',
      name: 'SHORT BODY',
      kind: 'assembly',
      subcategoryCode: '1.1',
      components: [{ id: 'SCREW', quantity: 4 }],
    },
    { id: 'BODY-L', name: 'LONG BODY', kind: 'assembly', subcategoryCode: '1.1' },
    { id: 'BASIN-KIT', name: 'BASIN KIT', kind: 'assembly', subcategoryCode: '1.1' },
    { id: 'BASIN20X20', name: 'BASIN 20 X 20', kind: 'part' },
    { id: 'BASIN30X20', name: 'BASIN 30 X 20', kind: 'part' },
    { id: 'LIGHT', name: 'LIGHT', kind: 'part', subcategoryCode: '1.2' },
    { id: 'SHELF', name: 'SHELF', kind: 'part', subcategoryCode: '1.2' },
    { id: 'SCREW', name: 'SCREW', kind: 'part' },
  ],
}).catalog

export const demoProduct = {
  product: 'DEMO',
  options: {
    lengthIn: {
      type: 'number',
      minimum: 48,
      maximum: 120,
      decimals: 2,
      required: true,
      hint: 'sinks are 48–120 in',
    },
    basins: {
      type: 'list',
      required: true,
      items: {
        type: 'object',
        properties: {
          size: {
            type: 'oneOf',
            required: true,
            variants: [
              { type: 'enum', values: ['20X20', '30X20'] },
              {
                type: 'object',
                properties: {
                  widthIn: { type: 'number', required: true },
                  lengthIn: { type: 'number', required: true },
                },
              },
            ],
          },
          light: { type: 'boolean', default: false },
        },
      },
    },
    accessories: {
      type: 'list',
      default: [],
      items: {
        type: 'object',
        properties: {
          id: { type: 'item', required: true, subcategories: ['1.2'] },
          quantity: { type: 'integer', minimum: 1, default: 1 },
        },
      },
    },
  },
  facts: {
    lights: {
      value: {
        count: {
          list: 'basins',
          as: 'basin',
          where: { all: [{ fact: 'basin', path: '$.light', operator: 'equal', value: true }] },
        },
      },
    },
  },
  customParts: {
    basin: {
      family: '720.1',
      id: 'BASIN-{widthIn}x{lengthIn}',
      name: 'CUSTOM BASIN {widthIn} X {lengthIn}',
      spec: { widthIn: 'number', lengthIn: 'number' },
    },
  },
}

export const demoRules = {
  rules: [
    {
      name: 'body-short',
      conditions: { all: [{ fact: 'lengthIn', operator: 'lessThan', value: 61 }] },
      event: { type: 'add', params: { item: 'BODY-S' } },
    },
    {
      name: 'body-long',
      conditions: { all: [{ fact: 'lengthIn', operator: 'greaterThanInclusive', value: 61 }] },
      event: { type: 'add', params: { item: 'BODY-L' } },
    },
    {
      name: 'basin-kit',
      forEach: { list: 'basins', as: 'basin' },
      conditions: { all: [] },
      event: { type: 'add', params: { item: 'BASIN-KIT' } },
    },
    {
      name: 'basin-size',
      forEach: { list: 'basins', as: 'basin' },
      conditions: {
        all: [{ fact: 'basin', path: '$.size', operator: 'in', value: ['20X20', '30X20'] }],
      },
      event: { type: 'add', params: { item: 'BASIN{basin.size}' } },
    },
    {
      name: 'basin-custom',
      forEach: { list: 'basins', as: 'basin' },
      conditions: {
        all: [{ fact: 'basin', path: '$.size.widthIn', operator: 'greaterThan', value: 0 }],
      },
      event: {
        type: 'customPart',
        params: {
          template: 'basin',
          spec: {
            widthIn: { fact: 'basin', path: '$.size.widthIn' },
            lengthIn: { fact: 'basin', path: '$.size.lengthIn' },
          },
        },
      },
    },
    {
      name: 'lights',
      conditions: { all: [{ fact: 'lights', operator: 'greaterThan', value: 0 }] },
      events: [
        { type: 'add', params: { item: 'LIGHT', quantity: { fact: 'lights' } } },
        { type: 'notice', params: { path: 'basins', message: '{lights} basin light(s) added' } },
      ],
    },
    {
      name: 'accessory',
      forEach: { list: 'accessories', as: 'accessory' },
      conditions: { all: [] },
      event: {
        type: 'add',
        params: { item: '{accessory.id}', quantity: { fact: 'accessory', path: '$.quantity' } },
      },
    },
    {
      name: 'shelf-long-only',
      forEach: { list: 'accessories', as: 'accessory' },
      conditions: {
        all: [
          { fact: 'accessory', path: '$.id', operator: 'equal', value: 'SHELF' },
          { fact: 'lengthIn', operator: 'lessThan', value: 84 },
        ],
      },
      event: {
        type: 'error',
        params: {
          path: 'accessories[{accessoryIndex}].id',
          message: 'SHELF needs a sink of 84 in or more; this one is {lengthIn} in',
        },
      },
    },
  ],
}

/** the demo product compiled against the demo catalog, ready to configure */
export function demoConfigurator(): Configurator {
  const { ruleset } = compileRuleset(
    {
      product: { file: 'product.json', content: demoProduct },
      rules: [{ file: 'main.json', content: demoRules }],
    },
    { catalog: demoCatalog },
  )
  if (ruleset === undefined) throw new Error('the demo ruleset does not compile')
  return createConfigurator({ catalog: demoCatalog, ruleset })
}
