import { describe, expect, it } from 'vitest'
import { demoConfigurator } from '../../test/demo-product.js'
import { configurationJsonSchema } from './json-schema.js'

describe('configurationJsonSchema', () => {
  const { ruleset, catalog } = demoConfigurator()

  it('describes every option: types, bounds, hints, defaults, required fields and no unknown keys', () => {
    const schema = configurationJsonSchema(ruleset)
    expect(schema).toMatchObject({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      title: 'DEMO configuration',
      type: 'object',
      additionalProperties: false,
      required: ['lengthIn', 'basins'],
    })
    const properties = schema['properties'] as Record<string, Record<string, unknown>>
    expect(properties['lengthIn']).toEqual({
      type: 'number',
      minimum: 48,
      maximum: 120,
      description: 'sinks are 48–120 in; at most 2 decimals',
    })
    expect(properties['basins']).toEqual({
      type: 'array',
      maxItems: ruleset.limits.maxListItems,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['size'],
        properties: {
          size: {
            oneOf: [
              { type: 'string', enum: ['20X20', '30X20'] },
              {
                type: 'object',
                additionalProperties: false,
                required: ['widthIn', 'lengthIn'],
                properties: { widthIn: { type: 'number' }, lengthIn: { type: 'number' } },
              },
            ],
          },
          light: { type: 'boolean', default: false },
        },
      },
    })
  })

  it('without a catalog names where item ids come from; with one, lists them', () => {
    const id = (schema: Record<string, unknown>) =>
      (
        (
          (schema['properties'] as Record<string, Record<string, unknown>>)['accessories']?.[
            'items'
          ] as Record<string, unknown>
        )['properties'] as Record<string, unknown>
      )['id']
    expect(id(configurationJsonSchema(ruleset))).toEqual({
      type: 'string',
      description: 'a catalog item id from subcategory 1.2',
    })
    const ids = [...catalog.itemsIn('1.2')].map((item) => item.id).sort()
    expect(ids.length).toBeGreaterThan(0)
    expect(id(configurationJsonSchema(ruleset, catalog))).toEqual({
      type: 'string',
      enum: ids,
      description: 'a catalog item id from subcategory 1.2',
    })
  })

  it('is the same document every time (deterministic, plain JSON)', () => {
    const text = JSON.stringify(configurationJsonSchema(ruleset, catalog))
    expect(JSON.stringify(configurationJsonSchema(ruleset, catalog))).toBe(text)
    expect(JSON.parse(text)).toEqual(configurationJsonSchema(ruleset, catalog))
  })
})
