// the packages as an embedder gets them: packed with pnpm, installed with npm into a fresh project outside
// the workspace, and the README's example run as ESM, as CommonJS and type-checked with TypeScript --strict.
// Slow (a build when dist/ is missing, a registry install of zod and decimal.js): `pnpm test:packages`,
// which .ci/run calls after `pnpm test`.
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ts from 'typescript'
import { beforeAll, describe, expect, it } from 'vitest'

const root = join(import.meta.dirname, '..')
const PACKAGES = ['configurator-core', 'catalog-loader', 'client'] as const
const project = mkdtempSync(join(tmpdir(), 'torvan-embedder-'))
const tarballs: Record<string, string> = {}

const run = (command: string, args: string[], cwd: string) =>
  execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })

/** a package README's TypeScript example (the loader's is also the root README's) */
function readmeExample(name: (typeof PACKAGES)[number] = 'catalog-loader'): string {
  const text = readFileSync(join(root, 'packages', name, 'README.md'), 'utf8')
  const match = /## Example\n\n```ts\n([\s\S]*?)```/.exec(text)
  if (match?.[1] === undefined) throw new Error(`packages/${name}/README.md has no ## Example`)
  return match[1]
}

/** tsc --strict (as an embedder would set it) over files of the fresh project: its output, '' when clean */
function typeCheck(files: string[]): string {
  const options = {
    strict: true,
    exactOptionalPropertyTypes: true,
    noUncheckedIndexedAccess: true,
    module: 'nodenext',
    moduleResolution: 'nodenext',
    target: 'es2022',
    noEmit: true,
    types: ['node'],
    typeRoots: [join(root, 'node_modules', '@types')],
  }
  writeFileSync(join(project, 'tsconfig.json'), JSON.stringify({ compilerOptions: options, files }))
  const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc')
  try {
    return run('node', [tsc, '-p', project], project)
  } catch (error) {
    return String((error as { stdout?: string }).stdout ?? error)
  }
}

/** the example in TypeScript for CommonJS: imports kept, the body in an async function (no top-level await) */
function asCommonJsSource(source: string): string {
  const lines = source.split('\n')
  const imports = lines.filter((line) => line.startsWith('import '))
  const body = lines.filter((line) => !line.startsWith('import '))
  return [...imports, 'void (async () => {', ...body, '})()', ''].join('\n')
}

/** the example as CommonJS JavaScript: imports become requires */
function asCommonJs(source: string): string {
  return ts.transpileModule(asCommonJsSource(source), {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
  }).outputText
}

beforeAll(() => {
  const built = PACKAGES.every((name) =>
    existsSync(join(root, 'packages', name, 'dist', 'index.cjs')),
  )
  if (!built)
    run('pnpm', PACKAGES.flatMap((name) => ['--filter', `@torvan/${name}`]).concat('build'), root)
  for (const name of PACKAGES) {
    const out = run('pnpm', ['pack', '--pack-destination', project], join(root, 'packages', name))
    const tarball = out.trim().split('\n').pop() ?? ''
    tarballs[name] = tarball.startsWith('/') ? tarball : join(project, tarball)
  }
  writeFileSync(join(project, 'package.json'), '{ "name": "embedder", "private": true }\n')
  run(
    'npm',
    ['install', '--no-audit', '--no-fund', ...PACKAGES.map((name) => tarballs[name] ?? '')],
    project,
  )
}, 600_000)

describe.each(PACKAGES)('the packed @torvan/%s', (name) => {
  const manifest = () =>
    JSON.parse(
      run('tar', ['-xzOf', tarballs[name] ?? '', 'package/package.json'], project),
    ) as Record<string, unknown>

  it('holds its README, LICENSE and built dist/, and no workspace: dependency', () => {
    const files = run('tar', ['-tzf', tarballs[name] ?? ''], project).split('\n')
    expect(files).toEqual(
      expect.arrayContaining([
        'package/README.md',
        'package/LICENSE',
        'package/dist/index.js',
        'package/dist/index.cjs',
        'package/dist/index.d.ts',
      ]),
    )
    expect(files.some((file) => file.startsWith('package/src/'))).toBe(false)
    const text = JSON.stringify(manifest())
    expect(text).not.toContain('workspace:')
    expect(text).not.toContain('./src/')
    expect(manifest()['engines']).toEqual({ node: '>=20.19' })
  })
})

describe('a fresh project that installed the tarballs', () => {
  const example = readmeExample()
  const expected = /^\d+ lines, \d+ findings, BOM [0-9a-f]{64}\n$/

  it('shows the same example in the root README', () => {
    expect(readFileSync(join(root, 'README.md'), 'utf8')).toContain(example)
  })

  it('runs the README example as ESM', () => {
    const esm = ts.transpileModule(example, {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
    }).outputText
    writeFileSync(join(project, 'example.mjs'), esm)
    expect(run('node', [join(project, 'example.mjs')], root)).toMatch(expected)
  })

  it('runs the README example as CommonJS', () => {
    writeFileSync(join(project, 'example.cjs'), asCommonJs(example))
    const output = run('node', [join(project, 'example.cjs')], root)
    expect(output).toMatch(expected)
    expect(output).toBe(run('node', [join(project, 'example.mjs')], root))
  })

  it('type-checks the README example with TypeScript --strict, as ESM and as CommonJS', () => {
    writeFileSync(join(project, 'example.mts'), example)
    writeFileSync(join(project, 'example.cts'), asCommonJsSource(example))
    expect(typeCheck(['example.mts', 'example.cts'])).toBe('')
  })

  it('type-checks the typed client’s README example with TypeScript --strict', () => {
    writeFileSync(join(project, 'client-example.mts'), readmeExample('client'))
    expect(typeCheck(['client-example.mts'])).toBe('')
  })

  it('starts the installed torvan bin', () => {
    const bin = join(project, 'node_modules', '.bin', 'torvan')
    expect(run(bin, ['--help'], root)).toContain('torvan rules check')
  })
})
