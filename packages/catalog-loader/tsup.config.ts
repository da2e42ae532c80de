import { copyFileSync, mkdirSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Options } from 'tsup'
import { defineConfig } from 'tsup'

// the rule files' JSON Schemas ship in the package: "$schema": "node_modules/@torvan/catalog-loader/schema/…"
const schemas = join(import.meta.dirname, '..', '..', 'rules', 'schema')
const copySchemas = () => {
  const target = join(import.meta.dirname, 'schema')
  mkdirSync(target, { recursive: true })
  for (const name of readdirSync(schemas).filter((n) => n.endsWith('.json')))
    copyFileSync(join(schemas, name), join(target, name))
  return Promise.resolve()
}

const shared: Options = {
  dts: { entry: 'src/index.ts' },
  sourcemap: true,
  target: 'node20',
  tsconfig: 'tsconfig.build.json',
  // the core is a dependency, not inlined
  external: ['@torvan/configurator-core'],
}

export default defineConfig([
  // the library, for import and require
  {
    ...shared,
    entry: ['src/index.ts'],
    format: ['esm', 'cjs'],
    clean: true,
    onSuccess: copySchemas,
  },
  // the command line (it awaits at the top level: ESM only)
  { ...shared, entry: { 'cli/main': 'src/cli/main.ts' }, format: ['esm'], dts: false },
])
