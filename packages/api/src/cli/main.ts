#!/usr/bin/env node
import { runCli } from '@torvan/catalog-loader'
import { runApiCli } from './run.js'

// the only place that touches the process: everything else takes an io object
const io = {
  stdout: (text: string) => process.stdout.write(text),
  stderr: (text: string) => process.stderr.write(text),
  isTTY: process.stderr.isTTY,
}
const argv = process.argv.slice(2)
const code = await runApiCli(argv, { ...io, env: process.env, signals: process })
  .then((handled) => handled ?? runCli(argv, { ...io, isTTY: process.stdout.isTTY }))
  .catch((error: unknown) => {
    process.stderr.write(
      `torvan: internal error: ${error instanceof Error ? error.message : String(error)}\n`,
    )
    return 3
  })
process.exitCode = code
// a stopped server has closed its listener and its database; requests that were still running when
// the database closed may hold a socket or two, which must not keep the process alive
if (argv[0] === 'serve') process.exit(code)
