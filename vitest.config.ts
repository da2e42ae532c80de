import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts', 'packages/*/test/**/*.test.ts', 'rules/**/*.test.ts'],
    setupFiles: ['./vitest.setup.ts'],
  },
})
