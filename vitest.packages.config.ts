import { defineConfig } from 'vitest/config'

// the packed packages installed into a fresh project: slow, so not part of `pnpm test` (see scripts/packages.test.ts)
export default defineConfig({
  test: {
    include: ['scripts/packages.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 600_000,
  },
})
