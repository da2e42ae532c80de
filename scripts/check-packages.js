// `pnpm check:packages` (the last step of `pnpm test`, after the build): each package as it would be
// published, packed by pnpm (which applies publishConfig and replaces workspace:* ranges), checked by
// publint (its package.json against the files it ships) and by @arethetypeswrong/cli (its types resolve
// for ESM and CommonJS importers; the API is ESM only). One line a package; exits 1 on any problem.
import { execFileSync } from 'node:child_process'
import console from 'node:console'
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import process from 'node:process'

const PACKAGES = [
  { name: 'configurator-core', profile: 'node16' },
  { name: 'catalog-loader', profile: 'node16' },
  { name: 'client', profile: 'node16' },
  { name: 'api', profile: 'esm-only' },
]
const bin = (name) => join('node_modules', '.bin', name)
const run = (file, args, cwd) => {
  try {
    return { ok: true, output: execFileSync(file, args, { cwd, encoding: 'utf8', stdio: 'pipe' }) }
  } catch (error) {
    return { ok: false, output: `${error.stdout ?? ''}${error.stderr ?? ''}` }
  }
}

const packed = mkdtempSync(join(tmpdir(), 'torvan-packed-'))
let failed = 0
try {
  for (const { name, profile } of PACKAGES) {
    const folder = join('packages', name)
    const before = new Set(readdirSync(packed))
    const pack = run('pnpm', ['pack', '--pack-destination', packed], folder)
    const tarball = readdirSync(packed).find((file) => !before.has(file))
    if (!pack.ok || tarball === undefined) {
      failed++
      console.log(`packages/${name}: pnpm pack failed\n${pack.output}`)
      continue
    }
    const lint = run(bin('publint'), ['run', join(packed, tarball), '--strict'], '.')
    const types = run(
      bin('attw'),
      [join(packed, tarball), '--profile', profile, '--format', 'ascii'],
      '.',
    )
    const verdict = [
      lint.ok ? 'publint ok' : 'publint found problems',
      types.ok ? `types resolve (${profile})` : 'attw found problems',
    ]
    console.log(`packages/${name}: ${tarball}: ${verdict.join(', ')}`)
    if (!lint.ok) console.log(lint.output)
    if (!types.ok) console.log(types.output)
    if (!lint.ok || !types.ok) failed++
  }
} finally {
  rmSync(packed, { recursive: true, force: true })
}
if (failed > 0) {
  console.log(`check:packages: ${failed} of ${PACKAGES.length} packages have problems`)
  process.exitCode = 1
}
