// The README's shell blocks, taken from the README itself and run in order, as pasted, on a fresh clone by
// a user who has only Node.js: no pnpm on PATH, npm's global prefix an empty folder (so that npx cannot
// reuse a global pnpm), an empty home (so nothing is cached), and a PostgreSQL-free machine (PGlite).
// A block is run with `bash -euo pipefail`; the start command runs in the background until the end, when
// it gets SIGINT as Ctrl-C in a terminal sends it (to its process group) and must stop with exit code 0.
// The clone is of the committed HEAD. Slow (a full install from the registry): `pnpm test:readme`, which
// .ci/run calls.
//
// A block may be preceded by `<!-- readme-test: skip <why> -->` (a block that needs what a user must
// supply, a PostgreSQL of theirs) or `<!-- readme-test: background -->` (a command that serves until it is
// stopped). `<from the start-up message>` is what the user copies from the start-up message: a demo password.
import type { ChildProcess } from 'node:child_process'
import { execFileSync, spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Ended } from './child-output.js'
import { collectOutput } from './child-output.js'

const root = join(import.meta.dirname, '..')
const scratch = mkdtempSync(join(tmpdir(), 'torvan-readme-'))
const clone = join(scratch, 'repo')

/** One fenced `sh` block of the README, with its directive and the line it starts on. */
interface Block {
  line: number
  text: string
  directive: 'run' | 'background' | { skip: string }
}

/** The README's `sh` blocks in order. */
function shellBlocks(markdown: string): Block[] {
  const blocks: Block[] = []
  const pattern = /(?:<!-- readme-test: (skip [^>]+|background) -->\n)?```sh\n([\s\S]*?)```/g
  for (const match of markdown.matchAll(pattern)) {
    const line = markdown.slice(0, match.index).split('\n').length
    const said = match[1]
    const directive =
      said === undefined
        ? 'run'
        : said === 'background'
          ? 'background'
          : { skip: said.slice('skip '.length) }
    blocks.push({ line, text: match[2] ?? '', directive })
  }
  return blocks
}

/** A PATH that has what a Debian machine has, without pnpm, yarn or corepack. */
function pathWithoutPnpm(): string {
  const bin = join(scratch, 'bin')
  mkdirSync(bin)
  for (const name of readdirSync('/usr/bin')) {
    if (/^(pnpm|pnpx|yarn|yarnpkg|corepack)$/.test(name)) continue
    symlinkSync(join('/usr/bin', name), join(bin, name))
  }
  return bin
}

function environment(): NodeJS.ProcessEnv {
  const home = join(scratch, 'home')
  const prefix = join(scratch, 'npm-prefix')
  mkdirSync(home)
  mkdirSync(prefix)
  const env: NodeJS.ProcessEnv = {
    PATH: pathWithoutPnpm(),
    HOME: home,
    NPM_CONFIG_PREFIX: prefix,
    npm_config_prefix: prefix,
    LANG: 'C.UTF-8',
    TERM: 'dumb',
  }
  // the machine's own trust store, proxy and registry (a user's machine has them too), nothing else
  for (const [name, value] of Object.entries(process.env)) {
    if (/^(TMPDIR|NODE_EXTRA_CA_CERTS|SSL_CERT_\w+|\w+_CA_BUNDLE|\w+_proxy|\w+_PROXY)$/.test(name))
      env[name] = value
  }
  for (const setting of ['registry', 'cafile']) {
    const value = execFileSync('npm', ['config', 'get', setting], { encoding: 'utf8' }).trim()
    if (value !== '' && value !== 'null' && value !== 'undefined')
      env[`npm_config_${setting}`] = value
  }
  return env
}

function runBlock(text: string, env: NodeJS.ProcessEnv): Promise<Ended> {
  // stdin is /dev/null: on a socket (node's default pipe) bash thinks sshd started it and reads bashrc
  const child = spawn('bash', ['-euo', 'pipefail', '-c', text], {
    cwd: clone,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  return collectOutput(child).ended
}

const markdown = readFileSync(join(root, 'README.md'), 'utf8')
const blocks = shellBlocks(markdown)
const env = environment()
let server: { child: ChildProcess; output: () => string; ended: Promise<Ended> } | undefined
let password: string | undefined

beforeAll(() => {
  execFileSync('git', ['clone', '--quiet', '--no-hardlinks', root, clone])
}, 120_000)

afterAll(() => {
  if (server?.child.pid !== undefined && server.child.exitCode === null) {
    try {
      process.kill(-server.child.pid, 'SIGKILL')
    } catch {
      // already gone
    }
  }
})

function startInBackground(text: string) {
  const child = spawn('bash', ['-euo', 'pipefail', '-c', text], {
    cwd: clone,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  return { child, ...collectOutput(child) }
}

async function waitForStart(started: NonNullable<typeof server>): Promise<void> {
  const until = Date.now() + 10 * 60_000
  while (
    !/Demo logins/.test(started.output()) ||
    !/http:\/\/localhost:\d+/.test(started.output())
  ) {
    if (started.child.exitCode !== null)
      throw new Error(`the start command ended:\n${started.output()}`)
    if (Date.now() > until)
      throw new Error(`no start-up message after 10 minutes:\n${started.output()}`)
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  await new Promise((resolve) => setTimeout(resolve, 500))
}

describe('the README, pasted in order on a machine with only Node.js', () => {
  it('has shell blocks, the start command among them', () => {
    expect(blocks.length).toBeGreaterThan(2)
    expect(blocks.some((block) => block.directive === 'background')).toBe(true)
  })

  for (const block of blocks) {
    const title = `line ${block.line}: ${block.text.split('\n')[0] ?? ''}`
    if (typeof block.directive === 'object') {
      it.skip(`${title} (skipped: ${block.directive.skip})`, () => undefined)
      continue
    }
    if (block.directive === 'background') {
      it(
        `${title} (starts the service)`,
        async () => {
          server = startInBackground(block.text)
          await waitForStart(server)
          const sales = /^\s*sales\s.*password: (\S+)/m.exec(server.output())
          password = sales?.[1]
          expect(password, server.output()).toEqual(expect.any(String))
        },
        15 * 60_000,
      )
      continue
    }
    it(
      title,
      async () => {
        const text = block.text.replaceAll('<from the start-up message>', password ?? '')
        const ran = await runBlock(text, env)
        expect(ran.code, ran.output).toBe(0)
        expect(ran.output).not.toContain('ELIFECYCLE')
        expect(ran.output, 'an answer was a problem document').not.toMatch(
          /"type":"https:\/\/torvan\.dev\/problems\//,
        )
      },
      10 * 60_000,
    )
  }

  it('leaves the clone clean: nothing the blocks wrote is untracked or changed', () => {
    const status = execFileSync('git', ['status', '--porcelain'], { cwd: clone, encoding: 'utf8' })
    expect(status).toBe('')
  })

  it('stops the service on Ctrl-C with exit code 0 and no ELIFECYCLE line', async () => {
    if (server?.child.pid === undefined) throw new Error('the start command did not run')
    process.kill(-server.child.pid, 'SIGINT')
    const ran = await server.ended
    expect(ran.signal, ran.output).toBeNull()
    expect(ran.code, ran.output).toBe(0)
    expect(ran.output).not.toContain('ELIFECYCLE')
  }, 60_000)
})
