import { availableParallelism } from 'node:os'
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
    // at least two files at a time: vitest's default (one worker fewer than cores) is one worker on a
    // 2-core machine, whose second core then idles while a file waits on a spawned server, Chromium or
    // a webhook retry (start, docs-page, webhooks: a minute of waiting with a few seconds of work)
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // the API tests start a database per file (PGlite takes seconds); no test asserts on time
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
})
