// `pnpm start` (and `npm start`, the README's way on a machine with only Node.js) stops cleanly: Ctrl-C in
// a terminal sends SIGINT to the whole process group, a supervisor sends SIGINT or SIGTERM to the process
// it started. Either way the service closes its listener and database and the command ends with exit code 0,
// without pnpm's ` ELIFECYCLE  Command failed.` line. The start script execs node, so that no pnpm, tsx or
// shell in between turns a signal into a failure.
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { Ended } from './child-output.js'
import { collectOutput } from './child-output.js'

const root = join(import.meta.dirname, '..')
const dataDir = mkdtempSync(join(tmpdir(), 'torvan-start-'))

afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true })
})

/** pnpm as the test was started by it (CI's pnpm comes through npx), else the one on PATH */
function pnpm(): [string, string[]] {
  const execPath = process.env['npm_execpath'] ?? ''
  return /pnpm/.test(execPath) ? [process.execPath, [execPath]] : ['pnpm', []]
}

/** starts the command in a process group of its own, waits until it answers /health, then signals it */
async function startThenSignal(
  command: [string, string[]],
  signal: 'SIGINT' | 'SIGTERM',
  target: 'process' | 'group',
): Promise<Ended> {
  const [file, args] = command
  const child = spawn(file, [...args, 'start'], {
    cwd: root,
    env: { ...process.env, PORT: '0', DATA_DIR: dataDir, DEMO_PASSWORD: 'start-test-password' },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const { output, ended: stopped } = collectOutput(child)
  const pid = child.pid
  if (pid === undefined) throw new Error(`${file} could not be started`)
  // whatever happens, no server is left behind
  const kill = () => {
    try {
      process.kill(-pid, 'SIGKILL')
    } catch {
      // gone already
    }
  }
  try {
    const until = Date.now() + 100_000
    let url: string | undefined
    while (url === undefined) {
      if (child.exitCode !== null) throw new Error(`the start command ended:\n${output()}`)
      if (Date.now() > until) throw new Error(`no start-up message after 100 s:\n${output()}`)
      url = /listening on (http:\/\/localhost:\d+)/.exec(output())?.[1]
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    expect((await fetch(`${url}/health`)).status).toBe(200)
  } catch (error) {
    kill()
    throw error
  }
  process.kill(target === 'group' ? -pid : pid, signal)
  const timer = setTimeout(kill, 30_000)
  const result = await stopped
  clearTimeout(timer)
  return result
}

function expectCleanStop(stopped: Ended): void {
  expect(stopped.signal, stopped.output).toBeNull()
  expect(stopped.code, stopped.output).toBe(0)
  expect(stopped.output).toContain('Stopping: finishing open requests, closing the database.')
  // the start-up message says where the start's time went
  expect(stopped.output).toMatch(
    /started in: +\d+\.\d s \(loading the code \d+\.\d s, database \(open and migrate\) \d+\.\d s, seed \d+\.\d s, job queue/,
  )
  expect(stopped.output).not.toContain('ELIFECYCLE')
}

describe('stopping the started service', () => {
  it('pnpm start: Ctrl-C (SIGINT to the process group) ends it with exit code 0', async () => {
    expectCleanStop(await startThenSignal(pnpm(), 'SIGINT', 'group'))
  }, 150_000)

  it('pnpm start: SIGTERM to the pnpm process ends it with exit code 0', async () => {
    expectCleanStop(await startThenSignal(pnpm(), 'SIGTERM', 'process'))
  }, 150_000)

  it('pnpm start: SIGINT to the pnpm process ends it with exit code 0', async () => {
    expectCleanStop(await startThenSignal(pnpm(), 'SIGINT', 'process'))
  }, 150_000)

  it('npm start (the README, with only Node.js): Ctrl-C ends it with exit code 0', async () => {
    expectCleanStop(await startThenSignal(['npm', []], 'SIGINT', 'group'))
  }, 150_000)
})
