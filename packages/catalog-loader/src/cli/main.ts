#!/usr/bin/env node
import { runCli } from './run.js'

// the only place that touches the process: everything else takes an io object
const code = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  isTTY: process.stdout.isTTY,
}).catch((error: unknown) => {
  process.stderr.write(
    `torvan: internal error: ${error instanceof Error ? error.message : String(error)}\n`,
  )
  return 3
})
process.exitCode = code
