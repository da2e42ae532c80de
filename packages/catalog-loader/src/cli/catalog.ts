import type { Catalog, ExplodedLine } from '@torvan/configurator-core'
import { didYouMean, explode, flatten, whereUsed } from '@torvan/configurator-core'
import { loadCatalog } from '../load-catalog.js'
import { formatLoadReport } from '../report.js'
import type { CliIo } from './io.js'
import { CliError, EXIT, formatJson, stopIfMissingDirectory } from './io.js'

/** `torvan catalog check <dir> [--json] [--verbose]`: the load report. */
export async function checkCatalogCommand(
  io: CliIo,
  directory: string,
  options: { json: boolean; verbose: boolean },
): Promise<number> {
  const { ok, report } = await loadCatalog(directory)
  if (options.json) io.stdout(formatJson({ ok, ...report }))
  else io.stdout(formatLoadReport(report, { verbose: options.verbose }))
  if (report.errors.some((error) => error.code === 'missing_directory')) return EXIT.unusable
  return ok ? EXIT.ok : EXIT.problems
}

/** Loads a catalog for a command that needs a sound one; a catalog with errors stops it. */
export async function requireCatalog(directory: string): Promise<Catalog> {
  const { ok, catalog, report } = await loadCatalog(directory)
  stopIfMissingDirectory(report.errors)
  if (!ok) {
    throw new CliError(
      `the catalog in ${directory} has ${report.errors.length} error${report.errors.length === 1 ? '' : 's'}; run \`torvan catalog check ${directory}\` to see them`,
      EXIT.unusable,
    )
  }
  return catalog
}

function requireItem(catalog: Catalog, id: string): void {
  if (catalog.get(id) !== undefined) return
  const hint = didYouMean(id, catalog.ids())
  throw new CliError(
    `unknown item ${JSON.stringify(id)}${hint === undefined ? '' : `; ${hint}`}`,
    EXIT.problems,
  )
}

function parseQuantity(text: string): string {
  if (!/^\d+(\.\d+)?$/.test(text) || Number(text) <= 0) {
    throw new CliError(
      `--quantity must be a positive number such as 2 or 1.5, received ${JSON.stringify(text)}`,
      EXIT.unusable,
    )
  }
  return text
}

function treeLines(line: ExplodedLine, out: string[]): void {
  const notes = line.notes === undefined ? '' : `  [${line.notes}]`
  out.push(`${'  '.repeat(line.level)}${line.quantity} × ${line.id}  ${line.name}${notes}`)
  for (const child of line.children) treeLines(child, out)
}

type JsonTreeLine = Omit<ExplodedLine, 'level' | 'children'> & { children?: JsonTreeLine[] }

function jsonTree(line: ExplodedLine): JsonTreeLine {
  const out: JsonTreeLine = { id: line.id, name: line.name, quantity: line.quantity }
  if (line.notes !== undefined) out.notes = line.notes
  if (line.children.length > 0) out.children = line.children.map(jsonTree)
  return out
}

/** `torvan catalog explode <dir> <id> [--quantity N] [--flat] [--json]`. */
export async function explodeCommand(
  io: CliIo,
  args: { directory: string; id: string },
  options: { quantity: string | undefined; flat: boolean; json: boolean },
): Promise<number> {
  const catalog = await requireCatalog(args.directory)
  requireItem(catalog, args.id)
  const quantity = options.quantity === undefined ? '1' : parseQuantity(options.quantity)
  const id = catalog.resolve(args.id) as string
  if (options.flat) {
    const lines = flatten(catalog, id, quantity)
    if (options.json) io.stdout(formatJson({ id, name: catalog.get(id)?.name, quantity, lines }))
    else io.stdout(lines.map((l) => `${l.quantity} × ${l.id}  ${l.name}\n`).join(''))
    return EXIT.ok
  }
  const root = explode(catalog, id, quantity)
  if (options.json) {
    io.stdout(formatJson({ id, name: root.name, quantity, lines: root.children.map(jsonTree) }))
  } else {
    const out: string[] = []
    treeLines(root, out)
    io.stdout(`${out.join('\n')}\n`)
  }
  return EXIT.ok
}

/** `torvan catalog where-used <dir> <id> [--json]`. */
export async function whereUsedCommand(
  io: CliIo,
  args: { directory: string; id: string },
  options: { json: boolean },
): Promise<number> {
  const catalog = await requireCatalog(args.directory)
  requireItem(catalog, args.id)
  const id = catalog.resolve(args.id) as string
  const lines = whereUsed(catalog, id)
  if (options.json) {
    io.stdout(formatJson({ id, lines }))
    return EXIT.ok
  }
  if (lines.length === 0) {
    io.stdout(`${id} is used by no assembly\n`)
    return EXIT.ok
  }
  for (const line of lines) {
    io.stdout(
      `${line.quantity} per ${line.id}${line.direct ? '' : `  via ${line.path.slice(1, -1).join(' > ')}`}\n`,
    )
  }
  return EXIT.ok
}
