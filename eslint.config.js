// @ts-check
import js from '@eslint/js'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  {
    ignores: [
      'packages/client/src/schema.ts',
      '**/dist/**',
      '**/node_modules/**',
      '**/.tsbuild/**',
      'coverage/**',
      'data/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      'max-params': ['error', 3],
    },
  },
  {
    files: ['packages/configurator-core/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', 'fs', 'fs/*', 'path', 'pg', 'postgres', 'hono', 'hono/*'],
              message: 'configurator-core is pure: read files in catalog-loader',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.config.ts', 'vitest.setup.ts'],
    ...tseslint.configs.disableTypeChecked,
  },
)
