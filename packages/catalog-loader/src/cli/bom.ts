import { readdir, stat } from 'node:fs/promises'
import { join } from 'node:path'
import type { BomLine, ConfigureResult, Finding } from '@torvan/configurator-core'
import { formatIssue } from '@torvan/configurator-core'
import { readJsonFile } from '../read-json-file.js'
import type { CliIo } from './io.js'
import { CliError, EXIT } from './io.js'
import { requireConfigurator } from './rules.js'

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

/** `torvan bom <config.json|dir>... --catalog <dir> --rules <dir> [--json]`. */
export async function bomCommand(
  io: CliIo,
  args: { configs: readonly string[]; catalog: string; rules: string },
  options: { json: boolean },
): Promise<number> {
  const files = await configurationFiles(args.configs)
  const { configurator } = await requireConfigurator(io, args.rules, args.catalog)
  const several = files.length > 1
  let exit: number = EXIT.ok
  for (const file of files) {
    const read = await readJsonFile(file, file)
    if (read.document === undefined || read.issues.some((issue) => issue.severity === 'error')) {
      const message = read.issues.map(formatIssue).join('; ')
      if (several && options.json)
        io.stdout(`${JSON.stringify({ file, ok: false, error: message })}\n`)
      else io.stderr(`torvan: ${message}\n`)
      exit = EXIT.unusable
      continue
    }
    const result = configurator.configure(read.document.value)
    if (!result.ok && exit === EXIT.ok) exit = EXIT.problems
    if (!options.json) io.stdout(formatTable(file, result))
    else if (several) io.stdout(`${JSON.stringify({ file, ...jsonResult(result) })}\n`)
    else io.stdout(`${JSON.stringify(jsonResult(result), null, 2)}\n`)
  }
  return exit
}
