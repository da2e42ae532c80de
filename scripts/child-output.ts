import type { ChildProcessByStdio } from 'node:child_process'
import type { Readable } from 'node:stream'

/** How a command ended, with its stdout and stderr interleaved as they came. */
export interface Ended {
  code: number | null
  signal: NodeJS.Signals | null
  output: string
}

/**
 * Collects a spawned command's stdout and stderr as one text: `output()` while it runs, `ended` once it
 * has exited and its streams have closed.
 */
export function collectOutput(child: ChildProcessByStdio<null, Readable, Readable>): {
  output: () => string
  ended: Promise<Ended>
} {
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const ended = new Promise<Ended>((resolve) => {
    child.on('close', (code, signal) => {
      resolve({ code, signal, output })
    })
  })
  return { output: () => output, ended }
}
