// writes rules/schema/*.json from the zod schemas of the rule language
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { ruleSchemas } from '@torvan/configurator-core'

const directory = join(import.meta.dirname, '..', 'rules', 'schema')
for (const [name, schema] of Object.entries(ruleSchemas())) {
  writeFileSync(join(directory, name), `${JSON.stringify(schema, null, 2)}\n`)
}
process.stdout.write(`wrote ${Object.keys(ruleSchemas()).length} schemas to rules/schema/\n`)
