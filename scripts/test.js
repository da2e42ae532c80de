// `pnpm test`: every check of the repository, the independent ones side by side. On a 2-core machine one
// check at a time leaves a core idle most of the way (tsc, ESLint, prettier and knip each use one), so
// the steps run in three stages; a stage starts when the one before it has passed:
//   1. typecheck, lint, format and knip: they read the sources and write nothing the others read
//   2. the unit tests and the build: no test reads dist/, and the build writes only dist/ and a copy of
//      the rule schemas (tsup's temporary config bundles would trip prettier and ESLint: not in stage 1)
//   3. check:packages, which packs what the build made
// Each step runs its package.json script. While several run, every line is prefixed with its step's
// name; a step that has printed nothing for HEARTBEAT_MS gets a line saying it is still running, so
// the command is never silent for long. At the end, one line a step with its time; exits 1 if any failed.
import { spawn } from 'node:child_process'
import console from 'node:console'
import { readFileSync } from 'node:fs'
import { delimiter, join } from 'node:path'
import { performance } from 'node:perf_hooks'
import process from 'node:process'
import { clearInterval, setInterval } from 'node:timers'

const STAGES = [['typecheck', 'lint', 'format', 'knip'], ['test:unit', 'build'], ['check:packages']]
const HEARTBEAT_MS = 5_000

const root = join(import.meta.dirname, '..')
const { scripts } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
const env = {
  ...process.env,
  PATH: [join(root, 'node_modules', '.bin'), process.env.PATH ?? ''].join(delimiter),
  ...(process.stdout.isTTY && process.env.NO_COLOR === undefined ? { FORCE_COLOR: '1' } : {}),
}
const width = Math.max(...STAGES.flat().map((name) => name.length))

const seconds = (ms) =>
  ms < 60_000
    ? `${(ms / 1000).toFixed(1)} s`
    : `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`

/** Runs one package.json script as pnpm would, its output line by line with `prefix`. */
function runStep(name, prefix) {
  const started = performance.now()
  let last = started
  let pending = { stdout: '', stderr: '' }
  const print = (stream, text) => {
    last = performance.now()
    const lines = (pending[stream] + text).split('\n')
    pending[stream] = lines.pop() ?? ''
    const out = stream === 'stdout' ? process.stdout : process.stderr
    for (const line of lines) out.write(`${prefix}${line}\n`)
  }
  const child = spawn('sh', ['-c', scripts[name]], {
    cwd: root,
    env: { ...env, npm_lifecycle_event: name },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout.setEncoding('utf8').on('data', (text) => print('stdout', text))
  child.stderr.setEncoding('utf8').on('data', (text) => print('stderr', text))
  const heartbeat = setInterval(() => {
    const now = performance.now()
    if (now - last < HEARTBEAT_MS) return
    last = now
    process.stdout.write(`${prefix}… still running (${seconds(now - started)})\n`)
  }, 1_000)
  return new Promise((resolve) => {
    child.on('close', (code, signal) => {
      clearInterval(heartbeat)
      for (const stream of ['stdout', 'stderr']) if (pending[stream] !== '') print(stream, '\n')
      resolve({ name, ok: code === 0, code: code ?? signal, ms: performance.now() - started })
    })
  })
}

const started = performance.now()
const results = []
for (const stage of STAGES) {
  console.log(`▶ ${stage.join(', ')}`)
  const ended = await Promise.all(
    stage.map((name) => runStep(name, stage.length > 1 ? `${name.padEnd(width)} │ ` : '')),
  )
  results.push(...ended)
  for (const step of ended)
    console.log(
      `${step.ok ? '✓' : '✗'} ${step.name} ${step.ok ? 'passed' : `failed (exit ${step.code})`} in ${seconds(step.ms)}`,
    )
  if (ended.some((step) => !step.ok)) break
}
const skipped = STAGES.flat().filter((name) => !results.some((step) => step.name === name))
console.log(
  `\npnpm test: ${results.map((step) => `${step.name} ${seconds(step.ms)}${step.ok ? '' : ' (failed)'}`).join(', ')}; ${seconds(performance.now() - started)} in all`,
)
if (skipped.length > 0) console.log(`not run, as an earlier stage failed: ${skipped.join(', ')}`)
if (results.some((step) => !step.ok)) process.exitCode = 1
