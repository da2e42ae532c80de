import { z } from 'zod'

// The product model's options: what a configuration may hold (docs/rules.md#options).

const description = (text: string) => ({ description: text })

interface OptionBase {
  required?: boolean | undefined
  default?: unknown
  description?: string | undefined
  hint?: string | undefined
}
/** One option of the product model (docs/rules.md#options). */
export type OptionSpec =
  | (OptionBase & {
      type: 'string'
      pattern?: string | undefined
      patternHint?: string | undefined
      minLength?: number | undefined
      maxLength?: number | undefined
    })
  | (OptionBase & { type: 'enum'; values: string[] })
  | (OptionBase & {
      type: 'number'
      minimum?: number | undefined
      maximum?: number | undefined
      decimals?: number | undefined
      unit?: string | undefined
    })
  | (OptionBase & { type: 'integer'; minimum?: number | undefined; maximum?: number | undefined })
  | (OptionBase & { type: 'boolean' })
  | (OptionBase & {
      type: 'object'
      properties: Record<string, OptionSpec>
      nullable?: boolean | undefined
    })
  | (OptionBase & {
      type: 'list'
      items: OptionSpec
      minItems?: number | undefined
      maxItems?: number | undefined
    })
  | (OptionBase & { type: 'oneOf'; variants: OptionSpec[] })
  | (OptionBase & {
      type: 'item'
      subcategories?: string[] | undefined
      include?: string[] | undefined
    })

const optionBase = {
  required: z.boolean().optional(),
  default: z.unknown().optional(),
  description: z.string().optional(),
  hint: z.string().optional(),
}

/** Every type an option can have (docs/rules.md#options). */
export const OPTION_TYPES = [
  'string',
  'enum',
  'number',
  'integer',
  'boolean',
  'object',
  'list',
  'oneOf',
  'item',
] as const

export const OptionSchema: z.ZodType<OptionSpec> = z
  .discriminatedUnion('type', [
    z.strictObject({
      ...optionBase,
      type: z.literal('string'),
      pattern: z.string().optional(),
      patternHint: z.string().optional(),
      minLength: z.number().int().min(0).optional(),
      maxLength: z.number().int().min(0).optional(),
    }),
    z.strictObject({ ...optionBase, type: z.literal('enum'), values: z.array(z.string()).min(1) }),
    z.strictObject({
      ...optionBase,
      type: z.literal('number'),
      minimum: z.number().optional(),
      maximum: z.number().optional(),
      decimals: z.number().int().min(0).max(10).optional(),
      unit: z.string().optional(),
    }),
    z.strictObject({
      ...optionBase,
      type: z.literal('integer'),
      minimum: z.number().optional(),
      maximum: z.number().optional(),
    }),
    z.strictObject({ ...optionBase, type: z.literal('boolean') }),
    z.strictObject({
      ...optionBase,
      type: z.literal('object'),
      get properties() {
        return z.record(z.string(), OptionSchema)
      },
      nullable: z.boolean().optional(),
    }),
    z.strictObject({
      ...optionBase,
      type: z.literal('list'),
      get items() {
        return OptionSchema
      },
      minItems: z.number().int().min(0).optional(),
      maxItems: z
        .number()
        .int()
        .min(0)
        .optional()
        .meta(description("the most entries; without it, the product's limits.maxListItems")),
    }),
    z.strictObject({
      ...optionBase,
      type: z.literal('oneOf'),
      get variants() {
        return z.array(OptionSchema).min(1)
      },
    }),
    z.strictObject({
      ...optionBase,
      type: z.literal('item'),
      subcategories: z.array(z.string()).optional(),
      include: z.array(z.string()).optional(),
    }),
  ])
  .meta({
    id: 'Option',
    description: `one option of the configuration; "type" is ${OPTION_TYPES.join(', ')}`,
  })
