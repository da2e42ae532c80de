import { defineConfig } from 'drizzle-kit'

// `pnpm --filter @torvan/api db:generate` writes a migration after a change of src/db/schema/
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/schema/index.ts',
  out: './drizzle',
})
