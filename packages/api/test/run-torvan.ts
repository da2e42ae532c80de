import { runApiCli } from '../src/cli/run.js'

/** Runs `torvan` (with the service commands) in this process: its exit code and everything it printed. */
export async function runTorvan(
  argv: readonly string[],
  env: Record<string, string | undefined> = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = ''
  let stderr = ''
  const code = await runApiCli(argv, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    isTTY: false,
    env,
    signals: { on: () => undefined },
  })
  return { code, stdout, stderr }
}
