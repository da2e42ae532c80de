// writes rules/schema/*.json from the zod schemas of the rule language, QC templates and task templates
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { qcSchemas, ruleSchemas } from '@torvan/configurator-core'

const directory = join(import.meta.dirname, '..', 'rules', 'schema')
const schemas = { ...ruleSchemas(), ...qcSchemas() }
for (const [name, schema] of Object.entries(schemas)) {
  writeFileSync(join(directory, name), `${JSON.stringify(schema, null, 2)}\n`)
}
process.stdout.write(`wrote ${Object.keys(schemas).length} schemas to rules/schema/\n`)
