import { access } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import type { Issue } from '@torvan/configurator-core'

/** The JSON Schema each kind of file in a rules folder names in `$schema`. */
const SCHEMA_FILES = {
  product: 'product.schema.json',
  numbers: 'numbers.schema.json',
  rules: 'rules.schema.json',
  cases: 'cases.schema.json',
} as const

export type SchemaKind = keyof typeof SCHEMA_FILES

const KIND_WORDS: Record<SchemaKind, string> = {
  product: 'a product model',
  numbers: 'a numbers file',
  rules: 'a rule file',
  cases: 'a test-case file',
}

/**
 * Checks a file's `$schema`: missing is a warning (editors then check nothing as you type), a schema
 * of another kind of file is an error, and a relative path to nowhere is a warning.
 *
 * @example await schemaReferenceIssues({ file: 'rules/t2/basins.json', content, kind: 'rules' })
 */
export async function schemaReferenceIssues(input: {
  file: string
  content: unknown
  kind: SchemaKind
}): Promise<Issue[]> {
  const { file, content, kind } = input
  const expected = SCHEMA_FILES[kind]
  if (typeof content !== 'object' || content === null || Array.isArray(content)) return []
  const reference = (content as Record<string, unknown>)['$schema']
  if (reference === undefined) {
    return [
      {
        code: 'missing_schema',
        severity: 'warning',
        file,
        path: [],
        message: `the file names no "$schema", so editors cannot check it as you type`,
        hint: `add "$schema": "../schema/${expected}", the path from this file to rules/schema/${expected}`,
      },
    ]
  }
  if (typeof reference !== 'string') return []
  const name = reference.slice(reference.lastIndexOf('/') + 1)
  if (name !== expected) {
    const fixed = `${reference.slice(0, reference.lastIndexOf('/') + 1)}${expected}`
    return [
      {
        code: 'wrong_schema',
        severity: 'error',
        file,
        path: ['$schema'],
        message: `"$schema" names ${JSON.stringify(name)}, but this is ${KIND_WORDS[kind]}: its schema is ${expected}`,
        hint: `write "${fixed}"`,
      },
    ]
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(reference)) return []
  const target = resolve(dirname(file), reference)
  const exists = await access(target).then(
    () => true,
    () => false,
  )
  if (exists) return []
  return [
    {
      code: 'missing_schema_file',
      severity: 'warning',
      file,
      path: ['$schema'],
      message: `"$schema" points at ${target}, which does not exist, so editors cannot check the file`,
      hint: `write the path from this file to rules/schema/${expected}`,
    },
  ]
}
