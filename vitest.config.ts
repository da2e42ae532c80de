import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: [
      'packages/*/src/**/*.test.ts',
      'packages/*/test/**/*.test.ts',
      'rules/**/*.test.ts',
      'scripts/architecture.test.ts',
      'scripts/start.test.ts',
    ],
    setupFiles: ['./vitest.setup.ts'],
    globalSetup: ['./vitest.global-setup.ts'],
    // the API tests start a database per file (PGlite takes seconds); no test asserts on time
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
})
