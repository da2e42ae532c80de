import { didYouMean } from '@torvan/configurator-core'
import type { ParsedCommandLine } from './args.js'
import { parseCommandLine, unknownCommand, usageError } from './args.js'
import type { BomFormat } from './bom.js'
import { bomCommand, bomDiffCommand } from './bom.js'
import { checkCatalogCommand, explodeCommand, whereUsedCommand } from './catalog.js'
import { explainCommand, optionsCommand } from './explain.js'
import { checkRulesCommand, testRulesCommand } from './rules.js'
import type { CliIo } from './io.js'
import { CliError, EXIT } from './io.js'

const USAGE = `torvan: check TORVAN catalogs and rules, configure products and explode BOMs

Usage:
  torvan catalog check <dir> [--json] [--verbose]
      Load a catalog (categories.json, assemblies.json, parts.json) and print its report.
      Exit 0 when it has no errors, 1 when it has.
  torvan catalog explode <dir> <id> [--quantity N] [--flat] [--json]
      Print the item's exploded tree, or with --flat its leaf parts with summed quantities.
  torvan catalog where-used <dir> <id> [--json]
      Print every assembly that contains the item, directly or through sub-assemblies.
  torvan rules check <rules-dir> --catalog <dir> [--json]
      Check a product's rule files before anything runs: unknown facts, paths, items, values,
      operators, duplicate rule names, malformed events. Exit 1 on any error.
  torvan rules test <rules-dir> --catalog <dir> [--json]
      Run the rules' test cases (tests/*.cases.json) and print rule coverage. Exit 1 on a failure.
  torvan bom <config.json|dir>... --catalog <dir> --rules <dir> [--json]
      Configure each configuration: BOM lines and findings. With several, --json prints one object a line.
      Exit 0 when every configuration is valid, 1 when one has errors, 2 for unusable input.
  torvan bom <config.json|dir>... --catalog <dir> --rules <dir> --format json|csv|tree [--flat] [--prices <file>]
      The BOM document (hashes, lines, exploded tree, flattened parts; with --prices, the cost roll-up),
      as JSON, RFC 4180 CSV or an indented tree; --flat lists the flattened parts.
  torvan bom diff <a.json> <b.json> [--json]
      Lines and parts added, removed and changed in quantity between two BOM documents.
  torvan options <partial.json> --catalog <dir> --rules <dir> [--json]
      For every option of a partial configuration: the values that can still lead to a valid
      configuration, and for each other value the rule and message that rule it out.
      Exit 1 when the configuration is malformed (a wrong type, an unknown key or value).
  torvan explain <config.json> <itemId>... --catalog <dir> --rules <dir> [--all] [--json]
      Why each item is in the BOM (the rules, their conditions and the fact values, derived facts
      down to the configuration), or why not and the smallest change that would add it; --all lists
      also the rules that fired but gave another id. Exit 1 for an unknown item or a configuration
      with errors.
`

const OPTIONS_HELP = `Options:
  --json       machine-readable output on stdout
  --verbose    list every warning (the report groups them otherwise)
  --quantity   how many of the item to explode (default 1)
  --catalog    the catalog directory (categories.json, assemblies.json, parts.json)
  --rules      the product's rules directory (product.json, rule files, tests/)
  --format     json, csv or tree: print the BOM document in that form
  --flat       with --format csv or tree: the flattened part list instead of the tree
  --prices     a price list ({ "currency", "prices": { id: "12.50" } }) for costs
  --all        with explain: also the rules that fired but gave another id
  -h, --help   this text

Exit codes: 0 ok, 1 the input has problems, 2 the command could not run (bad usage, missing files),
3 an internal error (a bug in torvan: please report it with the command you ran).
`

const OPTIONS = {
  json: { type: 'boolean', default: false },
  verbose: { type: 'boolean', default: false },
  flat: { type: 'boolean', default: false },
  all: { type: 'boolean', default: false },
  quantity: { type: 'string' },
  catalog: { type: 'string' },
  rules: { type: 'string' },
  format: { type: 'string' },
  prices: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const

/** Commands another package adds to `torvan`: the API's `serve` and `db …`. */
export interface CliExtension {
  /** each command group it runs, with its subcommands (none: the group is the command) */
  commands: Readonly<Record<string, readonly string[]>>
  /** its part of `torvan --help` */
  help: string
  /** runs a command of one of its groups and returns the exit code */
  run: (argv: readonly string[]) => Promise<number>
}

/** the file commands, by group: the groups that are commands themselves have no subcommands */
const COMMANDS: Readonly<Record<string, readonly string[]>> = {
  catalog: ['check', 'explode', 'where-used'],
  rules: ['check', 'test'],
  bom: [],
  options: [],
  explain: [],
}

/** what the folders a command needs hold, for the line that says one is missing */
const FOLDERS = {
  catalog: 'the catalog folder: categories.json, assemblies.json, parts.json',
  rules: "the product's rules folder: product.json and rule files",
} as const

/**
 * The whole usage of `torvan`: the file commands, and the extension's commands where there is one.
 *
 * @example io.stdout(helpText())
 */
export function helpText(extension?: CliExtension): string {
  return [USAGE, extension?.help, OPTIONS_HELP].filter((part) => part !== undefined).join('\n')
}

function positionals(
  values: readonly string[],
  names: readonly string[],
  command: string,
): string[] {
  if (values.length !== names.length) {
    throw usageError(
      `${command} takes ${names.map((n) => `<${n}>`).join(' ')}, received ${values.length === 0 ? 'nothing' : values.map((v) => JSON.stringify(v)).join(' ')}`,
    )
  }
  return [...values]
}

function requireOption(
  value: string | undefined,
  option: keyof typeof FOLDERS,
  command: string,
): string {
  if (value === undefined || value === '')
    throw new CliError(`${command} needs --${option} <dir> (${FOLDERS[option]})`, EXIT.unusable)
  return value
}

/** the groups and commands `torvan` knows, for the did-you-mean of an unknown one */
function knownCommands(extension: CliExtension | undefined): Record<string, readonly string[]> {
  return { ...COMMANDS, ...extension?.commands }
}

function noCommand(extension: CliExtension | undefined): CliError {
  const groups = Object.keys(knownCommands(extension))
  return new CliError(
    `which command? ${groups.slice(0, -1).join(', ')} or ${groups.at(-1) ?? ''}; torvan --help explains each`,
    EXIT.unusable,
  )
}

/** an unknown group, or a group's unknown or missing subcommand */
function checkCommand(
  group: string,
  command: string | undefined,
  extension: CliExtension | undefined,
): void {
  const known = knownCommands(extension)
  const subcommands = known[group]
  if (subcommands === undefined) {
    if (extension === undefined && (group === 'serve' || group === 'db'))
      throw new CliError(
        `${group} is a command of the API (@torvan/api): run it from the repository, e.g. pnpm start; this torvan has the file commands only`,
        EXIT.unusable,
      )
    throw unknownCommand(group, Object.keys(known))
  }
  if (subcommands.length === 0) return
  if (command === undefined)
    throw usageError(
      `${group} needs a command: ${subcommands.slice(0, -1).join(', ')} or ${subcommands.at(-1) ?? ''}`,
    )
  if (!subcommands.includes(command))
    throw unknownCommand(
      `${group} ${command}`,
      subcommands.map((name) => `${group} ${name}`),
    )
}

/**
 * Runs the `torvan` command line with `argv` (without node and the script) and returns the exit code; an
 * extension adds its commands (the API's `serve` and `db …`) to the same usage, help and did-you-mean.
 *
 * @example process.exitCode = await runCli(process.argv.slice(2), io)
 */
export async function runCli(
  argv: readonly string[],
  io: CliIo,
  extension?: CliExtension,
): Promise<number> {
  try {
    // usage only when asked for, wherever the flag is
    if (argv[0] === 'help' || argv.includes('--help') || argv.includes('-h')) {
      io.stdout(helpText(extension))
      return EXIT.ok
    }
    const first = argv[0]
    if (first !== undefined && extension?.commands[first] !== undefined) {
      checkCommand(
        first,
        argv.slice(1).find((arg) => !arg.startsWith('-')),
        extension,
      )
      return await extension.run(argv)
    }
    const { values, positionals: words } = parseCommandLine(argv, OPTIONS)
    const [group, command, ...rest] = words
    if (group === undefined) throw noCommand(extension)
    // bom diff is bom's one subcommand: anything else after bom is a configuration
    if (group !== 'bom') checkCommand(group, command, extension)
    return await runFileCommand(io, { group, command, rest }, values)
  } catch (error) {
    if (error instanceof CliError) {
      io.stderr(`torvan: ${error.message}${error.message.endsWith('\n') ? '' : '\n'}`)
      return error.exitCode
    }
    throw error
  }
}

type CliValues = ParsedCommandLine<typeof OPTIONS>['values']

/** the file commands: catalog, rules, options, explain and bom */
async function runFileCommand(
  io: CliIo,
  words: { group: string; command: string | undefined; rest: string[] },
  values: CliValues,
): Promise<number> {
  const { group, command, rest } = words
  const name = `${group} ${command ?? ''}`.trim()
  switch (name) {
    case 'catalog check': {
      const [directory] = positionals(rest, ['dir'], name)
      return await checkCatalogCommand(io, directory as string, values)
    }
    case 'catalog explode': {
      const [directory, id] = positionals(rest, ['dir', 'id'], name) as [string, string]
      return await explodeCommand(
        io,
        { directory, id },
        { quantity: values.quantity, flat: values.flat, json: values.json },
      )
    }
    case 'catalog where-used': {
      const [directory, id] = positionals(rest, ['dir', 'id'], name) as [string, string]
      return await whereUsedCommand(io, { directory, id }, values)
    }
    case 'rules check':
    case 'rules test': {
      const [rules] = positionals(rest, ['rules-dir'], name) as [string]
      const catalog = requireOption(values.catalog, 'catalog', name)
      const run = command === 'check' ? checkRulesCommand : testRulesCommand
      return await run(io, { rules, catalog }, values)
    }
    default:
      if (group === 'options' || group === 'explain') {
        const files = command === undefined ? [] : [command, ...rest]
        return await runModelCommand(io, { group, files }, values)
      }
      if (command === 'diff') {
        const [before, after] = positionals(rest, ['a.json', 'b.json'], 'bom diff') as [
          string,
          string,
        ]
        return await bomDiffCommand(io, { before, after }, values)
      }
      return await runBom(io, command === undefined ? [] : [command, ...rest], values)
  }
}

/** options and explain: a configuration against the catalog and the rules */
async function runModelCommand(
  io: CliIo,
  words: { group: 'options' | 'explain'; files: string[] },
  values: CliValues,
): Promise<number> {
  const { group, files } = words
  const catalog = requireOption(values.catalog, 'catalog', group)
  const rules = requireOption(values.rules, 'rules', group)
  if (group === 'options') {
    const [file] = positionals(files, ['partial.json'], group) as [string]
    return await optionsCommand(io, { file, catalog, rules }, values)
  }
  const [file, ...items] = files
  if (file === undefined || items.length === 0)
    throw usageError(
      `explain takes <config.json> and one or more item ids, received ${files.length === 0 ? 'nothing' : files.map((v) => JSON.stringify(v)).join(' ')}`,
    )
  return await explainCommand(io, { file, items, catalog, rules }, values)
}

/** bom: the BOMs of configuration files or directories */
async function runBom(io: CliIo, configs: string[], values: CliValues): Promise<number> {
  const format = values.format
  if (format !== undefined && !['json', 'csv', 'tree'].includes(format)) {
    const hint = didYouMean(format, ['json', 'csv', 'tree'])
    throw usageError(
      `--format takes json, csv or tree, received ${JSON.stringify(format)}${hint === undefined ? '' : ` (${hint})`}`,
    )
  }
  if (configs.length === 0)
    throw usageError('bom takes one or more configuration files or directories, received nothing')
  const catalog = requireOption(values.catalog, 'catalog', 'bom')
  const rules = requireOption(values.rules, 'rules', 'bom')
  return await bomCommand(
    io,
    { configs, catalog, rules },
    {
      json: values.json,
      format: format as BomFormat | undefined,
      flat: values.flat,
      prices: values.prices,
    },
  )
}
