// `pnpm check:packages` (the last step of `pnpm test`, after the build): each package as it would be
// published, packed by pnpm (which applies publishConfig and replaces workspace:* ranges), checked by
// publint (its package.json against the files it ships) and by @arethetypeswrong/cli (its types resolve
// for ESM and CommonJS importers; the API is ESM only). One line a package; exits 1 on any problem.
import { execFile } from 'node:child_process'
import console from 'node:console'
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import process from 'node:process'
import { promisify } from 'node:util'

const PACKAGES = [
  { name: 'configurator-core', profile: 'node16' },
  { name: 'catalog-loader', profile: 'node16' },
  { name: 'client', profile: 'node16' },
  { name: 'api', profile: 'esm-only' },
]
const bin = (name) => join('node_modules', '.bin', name)
const execFileAsync = promisify(execFile)
const run = async (file, args, cwd) => {
  try {
    const { stdout } = await execFileAsync(file, args, { cwd, encoding: 'utf8' })
    return { ok: true, output: stdout }
  } catch (error) {
    return { ok: false, output: `${error.stdout ?? ''}${error.stderr ?? ''}` }
  }
}

/** packs one package into a folder of its own and checks the tarball; answers whether it passed */
async function check({ name, profile }, packed) {
  const folder = join('packages', name)
  const destination = join(packed, name)
  mkdirSync(destination)
  const pack = await run('pnpm', ['pack', '--pack-destination', destination], folder)
  const tarball = pack.ok ? readdirSync(destination)[0] : undefined
  if (tarball === undefined) {
    console.log(`packages/${name}: pnpm pack failed\n${pack.output}`)
    return false
  }
  const file = join(destination, tarball)
  const [lint, types] = await Promise.all([
    run(bin('publint'), ['run', file, '--strict'], '.'),
    run(bin('attw'), [file, '--profile', profile, '--format', 'ascii'], '.'),
  ])
  const verdict = [
    lint.ok ? 'publint ok' : 'publint found problems',
    types.ok ? `types resolve (${profile})` : 'attw found problems',
  ]
  console.log(`packages/${name}: ${tarball}: ${verdict.join(', ')}`)
  if (!lint.ok) console.log(lint.output)
  if (!types.ok) console.log(types.output)
  return lint.ok && types.ok
}

// the packages side by side: each is a few short processes, mostly starting up
const packed = mkdtempSync(join(tmpdir(), 'torvan-packed-'))
const passed = await Promise.all(PACKAGES.map((pkg) => check(pkg, packed))).finally(() => {
  rmSync(packed, { recursive: true, force: true })
})
const failed = passed.filter((ok) => !ok).length
if (failed > 0) {
  console.log(`check:packages: ${failed} of ${PACKAGES.length} packages have problems`)
  process.exitCode = 1
}
