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
    // test files share their worker's modules instead of importing the app, PGlite's WebAssembly and the
    // compiled T2 rules again for every file (about 3 s a file): the unit tests took 1.6–1.8× as long
    // isolated. Each file still makes its own database and API; nothing in the tests mocks modules.
    isolate: false,
    // the API tests start a database per file (PGlite takes seconds); no test asserts on time
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
})
