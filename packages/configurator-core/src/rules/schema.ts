import { OptionSchema } from '../configuration/option-schema.js'
import { OPTION_TYPES } from '../configuration/option-schema.js'
import { z } from 'zod'

/** A json-rules-engine condition: `all` / `any` / `not`, or a leaf comparing a fact with a value. */
export interface Condition {
  all?: Condition[] | undefined
  any?: Condition[] | undefined
  not?: Condition | undefined
  fact?: string | undefined
  path?: string | undefined
  operator?: string | undefined
  value?: unknown
  condition?: string | undefined
  params?: unknown
  name?: string | undefined
  priority?: number | undefined
}

const description = (text: string) => ({ description: text })

/** the built-in operators and decorators, for the JSON Schema (the compiler checks with did-you-mean) */
const OPERATORS = [
  'equal',
  'notEqual',
  'lessThan',
  'lessThanInclusive',
  'greaterThan',
  'greaterThanInclusive',
  'in',
  'notIn',
  'contains',
  'doesNotContain',
] as const
const DECORATORS = ['someFact', 'everyFact', 'someValue', 'everyValue', 'swap', 'not'] as const

/** A condition's operator: parsed as any text, so that `rules check` can say what is close. */
const OperatorSchema = z.string().meta({
  description: `how to compare the fact with the value: ${OPERATORS.join(', ')}, each may be written after decorators (${DECORATORS.map((d) => `${d}:`).join(', ')})`,
  examples: [...OPERATORS],
})

/** One condition node; exactly which keys may go together is checked by the compiler. */
const ConditionSchema: z.ZodType<Condition> = z
  .strictObject({
    get all() {
      return z.array(ConditionSchema).meta(description('every condition must hold')).optional()
    },
    get any() {
      return z
        .array(ConditionSchema)
        .meta(description('at least one condition must hold'))
        .optional()
    },
    get not() {
      return ConditionSchema.meta(description('the condition must not hold')).optional()
    },
    fact: z
      .string()
      .meta(description('the fact to read: an option, a derived fact, or a forEach element'))
      .optional(),
    path: z
      .string()
      .meta(description('a simple JSONPath into the fact, e.g. $.lengthIn'))
      .optional(),
    operator: OperatorSchema.optional(),
    value: z
      .unknown()
      .meta(description('the value to compare with, or { "fact": …, "path": … }'))
      .optional(),
    condition: z
      .string()
      .meta(description('a reference to a shared condition of the file, by name'))
      .optional(),
    // accepted here so that the compiler can say what to write instead
    params: z.unknown().meta(description('not supported: use "path" or a derived fact')).optional(),
    name: z.string().optional(),
    priority: z.number().optional(),
  })
  .meta({ id: 'Condition', description: 'A json-rules-engine condition' })

/** A list the rule or expression walks: a fact name or `{ fact, path }`. */
const ListRefSchema = z.union([
  z.string(),
  z.strictObject({ fact: z.string(), path: z.string().optional() }),
])

const IterationSchema = z.strictObject({
  list: ListRefSchema.meta(description('the list to walk: a fact name or { "fact", "path" }')),
  as: z
    .string()
    .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'expected a name of letters, digits and _')
    .meta(description('the element fact; <as>Index and <as>Number are defined too')),
})

/** A list walked with a name for its element: `{ "list": "basins", "as": "basin" }`. */
export type Iteration = z.infer<typeof IterationSchema>

const ExpressionObjectShape = {
  fact: z.string().optional(),
  path: z.string().optional(),
  literal: z.unknown().optional(),
  get count() {
    return IterationSchema.extend({ where: ConditionSchema.optional() }).optional()
  },
  get some() {
    return IterationSchema.extend({ where: ConditionSchema.optional() }).optional()
  },
  get sum() {
    return IterationSchema.extend({
      value: ExpressionSchema,
      where: ConditionSchema.optional(),
    }).optional()
  },
  get collect() {
    return IterationSchema.extend({
      value: ExpressionSchema,
      where: ConditionSchema.optional(),
    }).optional()
  },
  condition: ConditionSchema.optional(),
  get cases() {
    return z.array(z.strictObject({ when: ConditionSchema, then: ExpressionSchema })).optional()
  },
  get else() {
    return ExpressionSchema.optional()
  },
  get lookup() {
    return z
      .strictObject({
        key: ExpressionSchema,
        table: z.record(z.string(), z.unknown()),
        else: ExpressionSchema.optional(),
      })
      .optional()
  },
  format: z.string().optional(),
  get add() {
    return z.array(ExpressionSchema).min(1).optional()
  },
  get subtract() {
    return z.array(ExpressionSchema).length(2).optional()
  },
  get multiply() {
    return z.array(ExpressionSchema).min(1).optional()
  },
  get min() {
    return z.array(ExpressionSchema).min(1).optional()
  },
  get max() {
    return z.array(ExpressionSchema).min(1).optional()
  },
}

/** The operator keys of an expression object. */
export const EXPRESSION_KEYS = [
  'fact',
  'literal',
  'count',
  'some',
  'sum',
  'collect',
  'condition',
  'cases',
  'lookup',
  'format',
  'add',
  'subtract',
  'multiply',
  'min',
  'max',
] as const

/** An expression (docs/rules.md#derived-facts). */
const ExpressionSchema: z.ZodType = z
  .union([
    z.number(),
    z.string(),
    z.boolean(),
    z.null(),
    z.array(z.unknown()),
    z.strictObject(ExpressionObjectShape),
  ])
  .meta({ id: 'Expression', description: 'A literal, a fact reference or an expression object' })

const Text = z.string().min(1)

const AddParamsSchema = z.strictObject({
  item: Text.meta(description('the catalog id, or a template such as T2-ADW-BASIN{basin.size}')),
  quantity: ExpressionSchema.optional(),
  notes: z.string().optional(),
})
const CustomPartParamsSchema = z.strictObject({
  template: Text.meta(description('a key of customParts in product.json')),
  spec: z.record(z.string(), ExpressionSchema),
  quantity: ExpressionSchema.optional(),
})
const FindingParamsSchema = z.strictObject({
  path: z
    .string()
    .meta(description('the configuration path, e.g. accessories[{accessoryIndex}].id')),
  message: Text,
  hint: z.string().optional(),
})

/** The events a rule can fire. */
const EventSchema = z
  .discriminatedUnion('type', [
    z.strictObject({ type: z.literal('add'), params: AddParamsSchema }),
    z.strictObject({ type: z.literal('customPart'), params: CustomPartParamsSchema }),
    z.strictObject({ type: z.literal('error'), params: FindingParamsSchema }),
    z.strictObject({ type: z.literal('warning'), params: FindingParamsSchema }),
    z.strictObject({ type: z.literal('notice'), params: FindingParamsSchema }),
  ])
  .meta({ id: 'Event' })
export type RuleEvent = z.infer<typeof EventSchema>

export const RuleSchema = z
  .strictObject({
    name: z
      .string()
      .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'expected letters, digits, ".", "_" or "-"')
      .meta(description('unique across the product, e.g. legs-lc1-fixed')),
    description: z.string().optional(),
    priority: z.number().int().min(1).optional(),
    forEach: IterationSchema.optional(),
    untested: z
      .string()
      .min(1)
      .optional()
      .meta(
        description(
          'why no test case fires this rule: rules test then does not fail for it (docs/rules.md#test-cases)',
        ),
      ),
    conditions: ConditionSchema,
    event: EventSchema.optional(),
    events: z.array(EventSchema).min(1).optional(),
  })
  .meta({ id: 'Rule' })
export type Rule = z.infer<typeof RuleSchema>

export const RuleFileSchema = z
  .strictObject({
    $schema: z.string().optional(),
    description: z.string().optional(),
    conditions: z
      .record(z.string(), ConditionSchema)
      .meta(
        description(
          'shared conditions by name: a rule of this file refers to one with { "condition": name }',
        ),
      )
      .optional(),
    rules: z.array(RuleSchema),
  })
  .meta({
    title: 'TORVAN rule file',
    description: 'Product rules in json-rules-engine condition format',
  })
export type RuleFile = z.infer<typeof RuleFileSchema>

const CustomPartTemplateSchema = z.strictObject({
  family: z.string().min(1).meta(description('the 700-series family number, e.g. 720.215.001')),
  id: z
    .string()
    .min(1)
    .meta(description('the id template, e.g. T2-ADW-BASIN-{widthIn}x{lengthIn}x{depthIn}')),
  name: z.string().min(1),
  spec: z.record(z.string(), z.enum(['number', 'string'])),
})
export type CustomPartTemplate = z.infer<typeof CustomPartTemplateSchema>

const DerivedFactSchema = z.strictObject({
  description: z.string().optional(),
  value: ExpressionSchema,
})

export const ProductFileSchema = z
  .strictObject({
    $schema: z.string().optional(),
    product: z.string().min(1),
    name: z.string().optional(),
    version: z.string().optional(),
    description: z.string().optional(),
    options: z.record(z.string(), OptionSchema),
    facts: z.record(z.string(), DerivedFactSchema).optional(),
    customParts: z.record(z.string(), CustomPartTemplateSchema).optional(),
    limits: z
      .strictObject({
        maxListItems: z
          .number()
          .int()
          .min(1)
          .optional()
          .meta(
            description(
              'the most entries of a list option without a maxItems of its own (default 100)',
            ),
          ),
        maxDepth: z
          .number()
          .int()
          .min(1)
          .max(1000)
          .optional()
          .meta(
            description(
              'the deepest nesting of objects and lists in a configuration, the configuration being 1 (default 32)',
            ),
          ),
      })
      .optional()
      .meta(
        description(
          'bounds a real configuration never reaches and a hostile one always does; checked before anything else',
        ),
      ),
    exclusive: z
      .record(
        z.string(),
        z.strictObject({
          description: z.string().optional(),
          items: z.array(z.string()).optional().meta(description('catalog ids')),
          subcategories: z
            .array(z.string())
            .optional()
            .meta(description('every item of these subcategories')),
        }),
      )
      .meta(
        description(
          'groups of items a configuration holds at most one of (one body per sink): rules check proves that no two rules can both add one',
        ),
      )
      .optional(),
    ruleFiles: z
      .array(z.string())
      .meta(
        description(
          'rule files in BOM order (their lines come out in this order); files not listed follow, by name',
        ),
      )
      .optional(),
  })
  .meta({
    title: 'TORVAN product model',
    description: 'The options of a product, derived facts and custom-part templates',
  })
export type ProductFile = z.infer<typeof ProductFileSchema>

export const NumbersFileSchema = z
  .strictObject({
    $schema: z.string().optional(),
    description: z.string().optional(),
    numbers: z.record(z.string(), z.string().min(1)),
  })
  .meta({ title: 'TORVAN 700-series numbers', description: 'Item id → display number' })
export type NumbersFile = z.infer<typeof NumbersFileSchema>

const ExpectedLineSchema = z.strictObject({
  id: z.string(),
  quantity: z.string().optional(),
  custom: z.boolean().optional(),
  notes: z.string().optional(),
  elements: z.array(z.string()).optional(),
})
const ExpectedFindingSchema = z.strictObject({
  severity: z.enum(['error', 'warning', 'notice']),
  path: z.string(),
  rule: z.string().optional(),
  message: z.string().optional().meta(description('text the message must contain')),
})
export const RuleCaseSchema = z.strictObject({
  name: z.string().min(1),
  config: z.unknown().optional(),
  patch: z.unknown().optional(),
  expect: z.strictObject({
    ok: z.boolean().optional(),
    lines: z.array(ExpectedLineSchema).optional(),
    exactLines: z.boolean().optional(),
    absent: z.array(z.string()).optional(),
    findings: z.array(ExpectedFindingSchema).optional(),
  }),
})
export const CasesFileSchema = z
  .strictObject({
    $schema: z.string().optional(),
    description: z.string().optional(),
    base: z.unknown().optional(),
    cases: z.array(RuleCaseSchema),
  })
  .meta({ title: 'TORVAN rule test cases' })
export type CasesFile = z.infer<typeof CasesFileSchema>
export type RuleCase = z.infer<typeof RuleCaseSchema>

/**
 * The JSON Schemas that editors use to complete and check rule files, generated from the zod schemas.
 *
 * @example writeFileSync('rules/schema/rules.schema.json', JSON.stringify(ruleSchemas()['rules.schema.json']))
 */
export function ruleSchemas(): Record<string, unknown> {
  const generate = (schema: z.ZodType) =>
    z.toJSONSchema(schema, {
      target: 'draft-2020-12',
      unrepresentable: 'any',
      io: 'input',
      override: (context) => {
        // editors flag a misspelt operator and complete the known ones
        if ((context.zodSchema as unknown) === OperatorSchema) {
          context.jsonSchema.anyOf = [
            { enum: [...OPERATORS] },
            {
              type: 'string',
              pattern: `^((${DECORATORS.join('|')}):)+(${OPERATORS.join('|')})$`,
            },
          ]
        }
        // one clear message for a misspelt option type, and completion of the nine
        if ((context.zodSchema as unknown) === OptionSchema) {
          const variants = context.jsonSchema.oneOf ?? []
          delete context.jsonSchema.oneOf
          context.jsonSchema.allOf = [
            {
              type: 'object',
              properties: { type: { enum: [...OPTION_TYPES] } },
              required: ['type'],
            },
            { oneOf: variants },
          ]
        }
      },
    })
  return {
    'product.schema.json': generate(ProductFileSchema),
    'numbers.schema.json': generate(NumbersFileSchema),
    'rules.schema.json': generate(RuleFileSchema),
    'cases.schema.json': generate(CasesFileSchema),
  }
}
