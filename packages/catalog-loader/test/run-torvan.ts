import type { CliExtension } from '../src/cli/run.js'
import { runCli } from '../src/cli/run.js'

/** Runs `torvan` (the file commands, and an extension's if given) in this process: its exit code and output. */
export async function runTorvan(
  argv: readonly string[],
  extension?: CliExtension,
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = ''
  let stderr = ''
  const code = await runCli(
    argv,
    { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), isTTY: false },
    extension,
  )
  return { code, stdout, stderr }
}
