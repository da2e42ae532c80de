import { parseArgs } from 'node:util'
import { didYouMean } from '@torvan/configurator-core'
import { CliError, EXIT } from './io.js'

/** The options one command knows, as node's `parseArgs` takes them (`multiple`: a string option given more than once, read as a list). */
export type CliOptions = Readonly<
  Record<
    string,
    { type: 'string' | 'boolean'; short?: string; default?: string | boolean; multiple?: boolean }
  >
>

type OptionValue<TOption> = TOption extends { multiple: true }
  ? string[]
  : TOption extends { type: 'boolean' }
    ? boolean
    : string

/** What a command line parsed to: options with a default are always there, the others may be absent. */
export interface ParsedCommandLine<TOptions extends CliOptions> {
  values: {
    -readonly [
      K in keyof TOptions as TOptions[K] extends { default: unknown } ? K : never
    ]: OptionValue<TOptions[K]>
  } & {
    -readonly [
      K in keyof TOptions as TOptions[K] extends { default: unknown } ? never : K
    ]?: OptionValue<TOptions[K]>
  }
  positionals: string[]
}

/** How every usage mistake ends: where the whole usage is. */
const SEE_HELP = 'torvan --help lists every command and option'

/** A usage mistake: one line with the exit code 2, never the whole usage. */
export function usageError(message: string): CliError {
  return new CliError(`${message}; ${SEE_HELP}`, EXIT.unusable)
}

function optionNames(options: CliOptions): string[] {
  return Object.entries(options).flatMap(([name, option]) => [
    `--${name}`,
    ...(option.short === undefined ? [] : [`-${option.short}`]),
  ])
}

/** what an option's value looks like, for the line that says it is missing */
const PLACEHOLDERS: Readonly<Record<string, string>> = {
  '--catalog': '<dir>',
  '--rules': '<dir>',
  '--prices': '<file>',
  '--format': 'json|csv|tree',
  '--quantity': '<N>',
  '--port': '<N>',
  '--limit': '<N>',
}

/** node's parseArgs message, said as one sentence with a did-you-mean */
function describeParseError(error: unknown, options: CliOptions): string {
  const message = error instanceof Error ? error.message : String(error)
  const code = (error as { code?: unknown } | null)?.code
  const named = /option '([^' ]+)/i.exec(message)?.[1]
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && named !== undefined) {
    const hint = didYouMean(named, optionNames(options))
    return `unknown option ${named}${hint === undefined ? '' : ` (${hint})`}`
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && named !== undefined) {
    return message.includes('argument missing')
      ? `${named} needs a value: ${named} ${PLACEHOLDERS[named] ?? '<value>'}`
      : `${named} takes no value: write ${named} alone`
  }
  return message
}

/**
 * Parses a command's arguments strictly; an unknown option or a missing value is a one-line usage error.
 *
 * @example const { values, positionals } = parseCommandLine(['bom', 'a.json', '--json'], { json: { type: 'boolean' } })
 */
export function parseCommandLine<const TOptions extends CliOptions>(
  argv: readonly string[],
  options: TOptions,
): ParsedCommandLine<TOptions> {
  try {
    const parsed = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true })
    return parsed as unknown as ParsedCommandLine<TOptions>
  } catch (error) {
    throw usageError(describeParseError(error, options))
  }
}

/**
 * An unknown command as one line, with the closest known command where one is close.
 *
 * @example unknownCommand('catalog chek', ['catalog check', 'catalog explode'])
 */
export function unknownCommand(given: string, known: readonly string[]): CliError {
  const hint = didYouMean(given, known)
  return usageError(`unknown command "torvan ${given}"${hint === undefined ? '' : ` (${hint})`}`)
}
