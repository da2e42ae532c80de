import type { Catalog } from '../catalog/graph.js'
import { itemDomain } from './item-domain.js'
import type { ConfigurationLimits } from './limits.js'
import { listLimit } from './limits.js'
import type { OptionSpec } from './option-schema.js'

/** What the schema is generated from: a compiled `Ruleset` has all of it. */
export interface ProductOptions {
  product: string
  name?: string | undefined
  version?: string | undefined
  options: Readonly<Record<string, OptionSpec>>
  limits: Readonly<ConfigurationLimits>
}

/** A JSON Schema (draft 2020-12) as plain data. */
export type JsonSchemaObject = { [keyword: string]: unknown }

interface Context {
  limits: ConfigurationLimits
  items: ((option: OptionSpec & { type: 'item' }) => ReadonlySet<string>) | undefined
}

function describe(option: OptionSpec, extra: string[] = []): JsonSchemaObject {
  const text = [option.description, option.hint, ...extra].filter(
    (part): part is string => part !== undefined && part !== '',
  )
  return {
    ...(text.length === 0 ? {} : { description: text.join('; ') }),
    ...(option.default === undefined ? {} : { default: option.default }),
  }
}

function schemaOf(option: OptionSpec, context: Context): JsonSchemaObject {
  switch (option.type) {
    case 'string':
      return {
        type: 'string',
        ...(option.minLength === undefined ? {} : { minLength: option.minLength }),
        ...(option.maxLength === undefined ? {} : { maxLength: option.maxLength }),
        ...(option.pattern === undefined ? {} : { pattern: option.pattern }),
        ...describe(option, option.patternHint === undefined ? [] : [option.patternHint]),
      }
    case 'enum':
      return { type: 'string', enum: [...option.values], ...describe(option) }
    case 'number':
    case 'integer':
      return numberSchema(option)
    case 'boolean':
      return { type: 'boolean', ...describe(option) }
    case 'object':
      return objectSchema(option, context)
    case 'list':
      return {
        type: 'array',
        items: schemaOf(option.items, context),
        ...(option.minItems === undefined ? {} : { minItems: option.minItems }),
        maxItems: listLimit(option, context.limits),
        ...describe(option),
      }
    case 'oneOf':
      return {
        oneOf: option.variants.map((variant) => schemaOf(variant, context)),
        ...describe(option),
      }
    case 'item':
      return itemSchema(option, context)
  }
}

/** a number's bounds, and its unit and decimals in its description */
function numberSchema(option: OptionSpec & { type: 'number' | 'integer' }): JsonSchemaObject {
  const decimals = option.type === 'number' ? option.decimals : undefined
  const unit = option.type === 'number' ? option.unit : undefined
  return {
    type: option.type,
    ...(option.minimum === undefined ? {} : { minimum: option.minimum }),
    ...(option.maximum === undefined ? {} : { maximum: option.maximum }),
    // not multipleOf: 0.1 is not a multiple of 0.01 in binary floating point
    ...describe(option, [
      ...(unit === undefined ? [] : [`unit: ${unit}`]),
      ...(decimals === undefined ? [] : [`at most ${decimals} decimals`]),
    ]),
  }
}

/** an object's properties, the required ones listed; no other keys */
function objectSchema(option: OptionSpec & { type: 'object' }, context: Context): JsonSchemaObject {
  const object: JsonSchemaObject = {
    type: option.nullable === true ? ['object', 'null'] : 'object',
    properties: Object.fromEntries(
      Object.entries(option.properties).map(([key, property]) => [
        key,
        schemaOf(property, context),
      ]),
    ),
    additionalProperties: false,
    ...describe(option),
  }
  const required = Object.entries(option.properties)
    .filter(([, property]) => property.required === true)
    .map(([key]) => key)
  if (required.length > 0) object['required'] = required
  return object
}

/** an item id: the catalog ids it takes when the context lists them, and where they come from */
function itemSchema(option: OptionSpec & { type: 'item' }, context: Context): JsonSchemaObject {
  const where = [
    ...(option.subcategories ?? []).map((code) => `subcategory ${code}`),
    ...(option.include === undefined || option.include.length === 0 ? [] : ['the listed items']),
  ]
  const ids = context.items?.(option)
  return {
    type: 'string',
    ...(ids === undefined ? {} : { enum: [...ids].sort() }),
    ...describe(option, where.length === 0 ? [] : [`a catalog item id from ${where.join('; ')}`]),
  }
}

/**
 * The JSON Schema of a product's configurations, generated from its product model: every option with
 * its description, enum values, bounds, defaults and required fields; with a catalog, the item ids
 * each item option accepts. It describes what `Configurator.configure` accepts, for editors,
 * forms and API documents; the configurator's own check stays the authority (it also applies the rules).
 *
 * @example const schema = configurationJsonSchema(ruleset, catalog)
 */
export function configurationJsonSchema(
  ruleset: ProductOptions,
  catalog?: Catalog,
): JsonSchemaObject {
  const domain = catalog === undefined ? undefined : itemDomain(catalog)
  const root = schemaOf(
    { type: 'object', properties: { ...ruleset.options } },
    {
      limits: ruleset.limits,
      items: domain === undefined ? undefined : (option) => domain(option).allowed,
    },
  )
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: `${ruleset.name ?? ruleset.product} configuration`,
    ...(ruleset.version === undefined
      ? {}
      : { $comment: `product model version ${ruleset.version}` }),
    ...root,
  }
}
