import { z } from 'zod'
import { TaskTemplateFileSchema } from './tasks.js'
import { everyDeclaredFact } from '../facts/product-facts.js'
import { QcTemplateSchema } from '../qc/template.js'
import { WhenSchema } from '../facts/when.js'

// editors complete every product's facts and their values; the checker names a fact its product lacks
function factProperties(): Record<string, z.core.JSONSchema.JSONSchema> {
  return Object.fromEntries(
    Object.entries(everyDeclaredFact()).map(([name, spec]) => {
      const value: z.core.JSONSchema.JSONSchema = { enum: [...spec.values] }
      return [
        name,
        {
          description: spec.description,
          anyOf: [value, { type: 'array', minItems: 1, items: value }],
        },
      ]
    }),
  )
}

/**
 * The JSON Schemas editors use to complete and check QC templates and task template files.
 *
 * @example writeFileSync('rules/schema/qc-template.schema.json', JSON.stringify(qcSchemas()['qc-template.schema.json']))
 */
export function qcSchemas(): Record<string, unknown> {
  const generate = (schema: z.ZodType) =>
    z.toJSONSchema(schema, {
      target: 'draft-2020-12',
      unrepresentable: 'any',
      io: 'input',
      override: (ctx) => {
        if ((ctx.zodSchema as unknown) === WhenSchema) {
          ctx.jsonSchema.properties = { ...factProperties(), ...ctx.jsonSchema.properties }
        }
      },
    })
  return {
    'qc-template.schema.json': generate(QcTemplateSchema),
    'task-templates.schema.json': generate(TaskTemplateFileSchema),
  }
}
