import { readdir, stat } from 'node:fs/promises'
import { join } from 'node:path'
import type {
  BomDocument,
  Configurator,
  BomLine,
  ConfigureResult,
  Finding,
  LineChanges,
  PriceList,
} from '@torvan/configurator-core'
import {
  bomToCsv,
  bomToText,
  createBomDocument,
  diffBoms,
  formatIssue,
  parsePriceList,
  rollUpCost,
} from '@torvan/configurator-core'
import { readJsonFile } from '../read-json-file.js'
import type { CliIo } from './io.js'
import { CliError, EXIT } from './io.js'
import { requireConfigurator } from './rules.js'

/** A JSON input's value, or why it cannot be used: missing, not JSON, or a repeated key. */
async function readInput(file: string): Promise<{ value: unknown } | { error: string }> {
  const read = await readJsonFile(file, file)
  if (read.document === undefined || read.issues.some((issue) => issue.severity === 'error')) {
    return { error: read.issues.map(formatIssue).join('; ') }
  }
  return { value: read.document.value }
}

/** A JSON input's value; a file that cannot be used stops the command. */
export async function requireInput(file: string): Promise<unknown> {
  const input = await readInput(file)
  if ('error' in input) throw new CliError(input.error, EXIT.unusable)
  return input.value
}

/** Expands the arguments into configuration files: files as given, directories as their sorted *.json. */
async function configurationFiles(paths: readonly string[]): Promise<string[]> {
  const files: string[] = []
  for (const path of paths) {
    const info = await stat(path).catch(() => undefined)
    if (info === undefined) throw new CliError(`${path} does not exist`, EXIT.unusable)
    if (!info.isDirectory()) {
      files.push(path)
      continue
    }
    const names = (await readdir(path)).filter((name) => name.endsWith('.json')).sort()
    if (names.length === 0)
      throw new CliError(`${path} holds no .json configuration`, EXIT.unusable)
    files.push(...names.map((name) => join(path, name)))
  }
  return files
}

/** The `--json` form of a result: exactly `{ ok, lines, findings }`. */
function jsonResult(result: ConfigureResult): {
  ok: boolean
  lines: BomLine[]
  findings: Finding[]
} {
  return { ok: result.ok, lines: result.lines, findings: result.findings }
}

function pad(text: string, width: number): string {
  return text.length >= width ? text : text + ' '.repeat(width - text.length)
}

function formatTable(file: string, result: ConfigureResult): string {
  const out: string[] = []
  const build =
    typeof result.configuration['buildNumber'] === 'string'
      ? ` build ${result.configuration['buildNumber']}`
      : ''
  const errors = result.findings.filter((f) => f.severity === 'error').length
  out.push(
    `${file}: ${result.product}${build}: ${result.ok ? `${result.lines.length} lines` : `${errors} error${errors === 1 ? '' : 's'}, no BOM`}`,
  )
  if (result.lines.length > 0) {
    const idWidth = Math.max(2, ...result.lines.map((l) => l.id.length))
    const numberWidth = Math.max(3, ...result.lines.map((l) => (l.number ?? '').length))
    const quantityWidth = Math.max(3, ...result.lines.map((l) => l.quantity.length))
    out.push(
      `  ${pad('No.', numberWidth)}  ${pad('Id', idWidth)}  ${'Qty'.padStart(quantityWidth)}  Name`,
    )
    for (const line of result.lines) {
      const notes = line.notes === undefined ? '' : ` [${line.notes}]`
      const custom = line.custom ? ' (custom)' : ''
      out.push(
        `  ${pad(line.number ?? '', numberWidth)}  ${pad(line.id, idWidth)}  ${line.quantity.padStart(quantityWidth)}  ${line.name}${notes}${custom}`,
      )
    }
  }
  if (result.findings.length > 0) {
    out.push('  Findings:')
    for (const finding of result.findings) {
      const where = finding.path === '' ? '' : `${finding.path}: `
      const hint = finding.hint === undefined ? '' : ` (${finding.hint})`
      out.push(
        `    ${pad(finding.severity, 7)} ${where}${finding.message}${hint}  [${finding.rule}]`,
      )
    }
  }
  return `${out.join('\n')}\n`
}

/** The output formats of `torvan bom --format`. */
export type BomFormat = 'json' | 'csv' | 'tree'

async function readPrices(file: string): Promise<PriceList> {
  const { priceList, issues } = parsePriceList(await requireInput(file), file)
  if (priceList === undefined) throw new CliError(issues.map(formatIssue).join('\n'), EXIT.unusable)
  return priceList
}

/** A BOM document as --format json prints it: with its cost roll-up when a price list is given. */
function documentJson(document: BomDocument, prices: PriceList | undefined): unknown {
  return prices === undefined ? document : { ...document, cost: rollUpCost(document.flat, prices) }
}

/** `torvan bom <config.json|dir>... --catalog <dir> --rules <dir> [--json | --format json|csv|tree] [--flat] [--prices <file>]`. */
export async function bomCommand(
  io: CliIo,
  args: { configs: readonly string[]; catalog: string; rules: string },
  options: {
    json: boolean
    format?: BomFormat | undefined
    flat: boolean
    prices?: string | undefined
  },
): Promise<number> {
  const files = await configurationFiles(args.configs)
  const prices = options.prices === undefined ? undefined : await readPrices(options.prices)
  const { configurator } = await requireConfigurator(io, args.rules, args.catalog)
  if (options.format !== undefined)
    return documentCommand(
      io,
      { files, configurator, prices },
      { format: options.format, flat: options.flat },
    )
  const several = files.length > 1
  let exit: number = EXIT.ok
  for (const file of files) {
    const input = await readInput(file)
    if ('error' in input) {
      if (several && options.json)
        io.stdout(`${JSON.stringify({ file, ok: false, error: input.error })}\n`)
      else io.stderr(`torvan: ${input.error}\n`)
      exit = EXIT.unusable
      continue
    }
    const result = configurator.configure(input.value)
    if (!result.ok && exit === EXIT.ok) exit = EXIT.problems
    if (!options.json) io.stdout(formatTable(file, result))
    else if (several) io.stdout(`${JSON.stringify({ file, ...jsonResult(result) })}\n`)
    else io.stdout(`${JSON.stringify(jsonResult(result), null, 2)}\n`)
  }
  return exit
}

async function documentCommand(
  io: CliIo,
  input: {
    files: readonly string[]
    configurator: Configurator
    prices: PriceList | undefined
  },
  options: { format: BomFormat; flat: boolean },
): Promise<number> {
  let exit: number = EXIT.ok
  for (const file of input.files) {
    const read = await readInput(file)
    if ('error' in read) {
      io.stderr(`torvan: ${read.error}\n`)
      exit = EXIT.unusable
      continue
    }
    const result = createBomDocument(input.configurator, read.value)
    if (!result.ok) {
      for (const finding of result.findings)
        io.stderr(
          `${file}: ${finding.severity}: ${finding.path === '' ? '' : `${finding.path}: `}${finding.message}\n`,
        )
      if (exit === EXIT.ok) exit = EXIT.problems
      continue
    }
    const prices = input.prices === undefined ? {} : { prices: input.prices }
    switch (options.format) {
      case 'json':
        io.stdout(
          input.files.length > 1
            ? `${JSON.stringify(documentJson(result.document, input.prices))}\n`
            : `${JSON.stringify(documentJson(result.document, input.prices), null, 2)}\n`,
        )
        break
      case 'csv':
        io.stdout(bomToCsv(result.document, { flat: options.flat, ...prices }))
        break
      case 'tree':
        if (input.files.length > 1) io.stdout(`${file}:\n`)
        io.stdout(bomToText(result.document, { flat: options.flat, ...prices }))
        break
    }
  }
  return exit
}

function changeLines(title: string, changes: LineChanges): string[] {
  const out = [
    `${title}: ${changes.added.length} added, ${changes.removed.length} removed, ${changes.changed.length} changed`,
  ]
  for (const line of changes.added)
    out.push(
      `  + ${line.id}${line.notes === undefined ? '' : ` [${line.notes}]`}  ${line.quantity}`,
    )
  for (const line of changes.removed)
    out.push(
      `  - ${line.id}${line.notes === undefined ? '' : ` [${line.notes}]`}  ${line.quantity}`,
    )
  for (const line of changes.changed)
    out.push(
      `  ~ ${line.id}${line.notes === undefined ? '' : ` [${line.notes}]`}  ${line.from} → ${line.to}`,
    )
  return out
}

async function readDocument(file: string): Promise<BomDocument> {
  const value = (await requireInput(file)) as Partial<BomDocument> | null
  if (
    value === null ||
    typeof value !== 'object' ||
    value.format !== 'torvan-bom/1' ||
    !Array.isArray(value.lines) ||
    !Array.isArray(value.flat)
  ) {
    throw new CliError(
      `${file} is not a BOM document; make one with \`torvan bom <config> --format json\``,
      EXIT.unusable,
    )
  }
  return value as BomDocument
}

/** `torvan bom diff <a.json> <b.json> [--json]`: what changed between two BOM documents. */
export async function bomDiffCommand(
  io: CliIo,
  args: { before: string; after: string },
  options: { json: boolean },
): Promise<number> {
  const diff = diffBoms(await readDocument(args.before), await readDocument(args.after))
  if (options.json) io.stdout(`${JSON.stringify(diff, null, 2)}\n`)
  else
    io.stdout(
      `${[...changeLines('lines', diff.lines), ...changeLines('parts', diff.flat)].join('\n')}\n`,
    )
  return EXIT.ok
}
