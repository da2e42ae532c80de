import { defineConfig } from 'vitest/config'

// the README's shell blocks on a fresh clone with only Node.js: slow (an install from the registry), so not
// part of `pnpm test` (see scripts/readme.test.ts)
export default defineConfig({
  test: {
    include: ['scripts/readme.test.ts'],
    // the blocks run in order, against one clone and one server
    sequence: { concurrent: false },
    testTimeout: 600_000,
    hookTimeout: 120_000,
  },
})
