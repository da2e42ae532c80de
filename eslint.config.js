// @ts-check
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import { importX } from 'eslint-plugin-import-x'
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript'

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
    // the api's services know no HTTP: requests and answers are read and written in http/ and routes/
    // (and wired in app.ts, start.ts and the serve command); hono/jwt is only a token library
    files: ['packages/api/src/**/*.ts'],
    ignores: [
      'packages/api/src/http/**',
      'packages/api/src/routes/**',
      'packages/api/src/app.ts',
      'packages/api/src/start.ts',
      'packages/api/src/cli/run.ts',
      '**/*.test.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(hono|@hono/[^/]+)(/(?!jwt$).*)?$',
              message:
                'services know no HTTP: read the request in routes/ or http/ and pass plain values in',
            },
          ],
        },
      ],
    },
  },
  {
    // no import cycles inside a package: a folder's modules may use another folder's only one way round
    // (docs/architecture.md); tests may import anything
    files: ['packages/*/src/**/*.ts'],
    ignores: ['**/*.test.ts'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [
        createTypeScriptImportResolver({
          project: 'packages/*/tsconfig.json',
          noWarnOnMultipleProjects: true,
        }),
      ],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    files: ['**/*.js', '**/*.config.ts', 'vitest.setup.ts', 'vitest.global-setup.ts'],
    ...tseslint.configs.disableTypeChecked,
  },
)
