// fast-check arbitraries for configurations, generated from a product model's options
import fc from 'fast-check'
import type { OptionSpec } from '../src/index.js'

export interface ArbitraryOptions {
  /** the ids an `item` option may take */
  items: (option: OptionSpec & { type: 'item' }) => readonly string[]
  /** list lengths, by option key (e.g. { basins: [1, 3] }) */
  lengths?: Record<string, [number, number]>
}

function numberIn(
  option: {
    minimum?: number | undefined
    maximum?: number | undefined
    decimals?: number | undefined
  },
  integer: boolean,
): fc.Arbitrary<number> {
  const min = option.minimum ?? 0
  const max = option.maximum ?? min + 100
  if (integer) return fc.integer({ min: Math.ceil(min), max: Math.floor(max) })
  const scale = 10 ** (option.decimals ?? 2)
  return fc
    .integer({ min: Math.ceil(min * scale), max: Math.floor(max * scale) })
    .map((n) => n / scale)
}

/** An arbitrary of values valid for `option`. */
function arbitraryFor(
  option: OptionSpec,
  settings: ArbitraryOptions,
  key = '',
): fc.Arbitrary<unknown> {
  switch (option.type) {
    case 'string':
      return option.pattern === undefined
        ? fc.string({ minLength: 1, maxLength: 8 })
        : fc.stringMatching(new RegExp(option.pattern))
    case 'enum':
      return fc.constantFrom(...option.values)
    case 'number':
      return numberIn(option, false)
    case 'integer':
      return numberIn(
        {
          minimum: option.minimum,
          maximum: Math.min(option.maximum ?? 5, (option.minimum ?? 1) + 4),
        },
        true,
      )
    case 'boolean':
      return fc.boolean()
    case 'item':
      return fc.constantFrom(...settings.items(option))
    case 'oneOf':
      return fc.oneof(...option.variants.map((variant) => arbitraryFor(variant, settings, key)))
    case 'list': {
      const [minLength, maxLength] = settings.lengths?.[key] ?? [
        option.minItems ?? 0,
        Math.min(option.maxItems ?? 3, 3),
      ]
      return fc.array(arbitraryFor(option.items, settings, key), { minLength, maxLength })
    }
    case 'object': {
      const required: Record<string, fc.Arbitrary<unknown>> = {}
      const keys: string[] = []
      for (const [name, property] of Object.entries(option.properties)) {
        required[name] = arbitraryFor(property, settings, name)
        if (property.required === true) keys.push(name)
      }
      const record = fc.record(required, { requiredKeys: keys })
      return option.nullable === true ? fc.option(record, { nil: null }) : record
    }
  }
}

/** An arbitrary of configurations valid for the options (the rules may still refuse them). */
export function arbitraryConfiguration(
  options: Record<string, OptionSpec>,
  settings: ArbitraryOptions,
): fc.Arbitrary<Record<string, unknown>> {
  return arbitraryFor({ type: 'object', properties: options }, settings) as fc.Arbitrary<
    Record<string, unknown>
  >
}
