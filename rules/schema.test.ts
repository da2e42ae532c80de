import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { qcSchemas, ruleSchemas } from '@torvan/configurator-core'
import { describe, expect, it } from 'vitest'

describe('rules/schema/', () => {
  it.each(Object.entries({ ...ruleSchemas(), ...qcSchemas() }))(
    'holds the current %s (run `pnpm generate:schemas` after changing the rule language, QC or task templates)',
    (name, schema) => {
      const committed: unknown = JSON.parse(
        readFileSync(join(import.meta.dirname, 'schema', name), 'utf8'),
      )
      expect(committed).toEqual(schema)
    },
  )
})
