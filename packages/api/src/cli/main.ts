#!/usr/bin/env node
import { runCli } from '@torvan/catalog-loader'
import { apiCommands } from './run.js'

// the only place that touches the process: everything else takes an io object
const io = {
  stdout: (text: string) => process.stdout.write(text),
  stderr: (text: string) => process.stderr.write(text),
  isTTY: process.stderr.isTTY,
}
const argv = process.argv.slice(2)
if (argv[0] === 'serve') watchForFaults()

/**
 * A lost database connection that nothing awaited is logged and survived (the pool reconnects); any
 * other uncaught error leaves the process in a state nobody knows, so it is logged and the process ends
 * with code 1 for its supervisor to restart it.
 */
function watchForFaults(): void {
  const known = new Set([
    'CONNECTION_CLOSED',
    'CONNECTION_ENDED',
    'CONNECTION_DESTROYED',
    'ECONNRESET',
    'EPIPE',
    '57P01',
  ])
  const fault = (kind: string) => (error: unknown) => {
    const code = (error as { code?: unknown } | null)?.code
    const text = error instanceof Error ? (error.stack ?? error.message) : String(error)
    if (kind === 'unhandled rejection' && typeof code === 'string' && known.has(code)) {
      process.stderr.write(
        `torvan: a database connection was lost (${code}); the pool reconnects\n`,
      )
      return
    }
    process.stderr.write(
      `torvan: ${kind}, stopping so that a supervisor restarts the service: ${text}\n`,
    )
    process.exit(1)
  }
  process.on('unhandledRejection', fault('unhandled rejection'))
  process.on('uncaughtException', fault('uncaught exception'))
}
// the file commands look at stdout (tables), the service's at stderr (progress bars)
const code = await runCli(
  argv,
  { ...io, isTTY: process.stdout.isTTY },
  apiCommands({ ...io, env: process.env, signals: process }),
).catch((error: unknown) => {
  process.stderr.write(
    `torvan: internal error: ${error instanceof Error ? error.message : String(error)}\n`,
  )
  return 3
})
process.exitCode = code
// a stopped server has closed its listener and its database; requests that were still running when
// the database closed may hold a socket or two, which must not keep the process alive
if (argv[0] === 'serve') process.exit(code)
