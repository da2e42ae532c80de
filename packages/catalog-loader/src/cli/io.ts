import type { Issue } from '@torvan/configurator-core'

/** Where a command writes; tests pass buffers, `main.ts` passes the process streams. */
export interface CliIo {
  stdout: (text: string) => void
  stderr: (text: string) => void
  /** true when stdout is a terminal (tables and colours), false for pipes and tests */
  isTTY: boolean
}

/** A failure the user can fix: printed as one line to stderr, with its exit code. */
export class CliError extends Error {
  readonly exitCode: number

  constructor(message: string, exitCode: number) {
    super(message)
    this.name = 'CliError'
    this.exitCode = exitCode
  }
}

/** Exit codes shared by every command. */
export const EXIT = {
  ok: 0,
  /** the input was read and has problems (catalog errors, an unknown id, an invalid configuration) */
  problems: 1,
  /** the command could not run: bad usage, a missing file, unreadable input */
  unusable: 2,
} as const

/** Prints JSON the same way every time: two-space indent and a final newline. */
export function formatJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`
}

/** Stops a command whose directory is missing: the loaders report that as a `missing_directory` issue. */
export function stopIfMissingDirectory(issues: readonly Issue[]): void {
  const missing = issues.find((issue) => issue.code === 'missing_directory')
  if (missing !== undefined) throw new CliError(missing.message, EXIT.unusable)
}
