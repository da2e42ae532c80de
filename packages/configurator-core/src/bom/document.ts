import type { ExplodedLine, FlatLine } from '../catalog/explode.js'
import { explode, flatten } from '../catalog/explode.js'
import type { Catalog } from '../catalog/graph.js'
import type { Finding } from '../findings.js'
import { ConfiguratorError } from '../errors.js'
import { compareText } from '../issues.js'
import type { Configurator } from '../rules/configure.js'
import type { BomLine } from '../bom-line.js'
import type { Ruleset } from '../rules/ruleset.js'
import { baseName } from '../util.js'
import { VERSION } from '../version.js'
import { canonicalJson, sha256 } from './hash.js'

/** One line of a BOM document's exploded tree: a top-level line and what it is made of. */
export interface BomTreeLine {
  id: string
  name: string
  /** the 700-series number, where the product defines one */
  number: string | null
  quantity: string
  notes?: string
  children: BomTreeLine[]
}

/** The versioned BOM people order parts from and approve (see docs/bom.md). */
export interface BomDocument {
  format: 'torvan-bom/1'
  product: string
  buildNumber: string | null
  /** 1 for the first BOM of a configuration, n+1 after a change of configuration, catalog or rules */
  revision: number
  /** the content hash of the revision this one replaces */
  parent: string | null
  generator: { name: string; version: string }
  /** when it was generated; the only field the content hash leaves out */
  generatedAt: string
  hashes: { configuration: string; catalog: string; ruleset: string; content: string }
  /** the configuration as validated, with defaults applied */
  configuration: Record<string, unknown>
  /** warnings and notices (a document is only made for a configuration without errors) */
  findings: Finding[]
  lines: BomLine[]
  tree: BomTreeLine[]
  /** every leaf part, quantities summed over the whole BOM, sorted by id */
  flat: FlatLine[]
}

const catalogHashes = new WeakMap<Catalog, string>()
const rulesetHashes = new WeakMap<Ruleset, string>()

/**
 * A hash of the catalog's content (items, structure, quantities, notes), computed once per catalog.
 *
 * @example hashCatalog(catalog) // '9f86d0…'
 */
export function hashCatalog(catalog: Catalog): string {
  let hash = catalogHashes.get(catalog)
  if (hash === undefined) {
    const content = catalog.nodes.map((node) => [
      node.item.id,
      node.item.name,
      node.item.kind,
      node.item.subcategoryCode ?? null,
      node.item.aliases ?? [],
      node.children.map((child, i) => [
        catalog.nodes[child]?.item.id,
        node.quantities[i],
        node.notes[i] ?? null,
      ]),
    ])
    hash = sha256(canonicalJson(content))
    catalogHashes.set(catalog, hash)
  }
  return hash
}

/** custom operators and decorators as text (types and source code), or undefined when there are none */
function customOperatorsText(ruleset: Ruleset): Record<string, unknown> | undefined {
  const { operators = {}, decorators = {} } = ruleset.customOperators
  if (Object.keys(operators).length === 0 && Object.keys(decorators).length === 0) return undefined
  const text: Record<string, unknown> = {}
  for (const [name, d] of Object.entries(operators))
    text[`operator ${name}`] = { fact: d.fact, value: d.value, code: String(d.compare) }
  for (const [name, d] of Object.entries(decorators))
    text[`decorator ${name}`] = { fact: d.fact ?? 'any', code: String(d.apply) }
  return text
}

/**
 * A hash of a ruleset's files (product model, numbers, every rule file, and custom operators when
 * there are any), computed once per ruleset.
 *
 * @example hashRuleset(ruleset) // '2c26b4…'
 */
export function hashRuleset(ruleset: Ruleset): string {
  let hash = rulesetHashes.get(ruleset)
  if (hash === undefined) {
    const { product, numbers, rules } = ruleset.source
    const custom = customOperatorsText(ruleset)
    hash = sha256(
      canonicalJson({
        product: product.content,
        numbers: numbers?.content ?? null,
        // file names without their folder: the hash must not depend on where the rules are read from
        rules: rules
          .map((r) => [baseName(r.file), r.content] as const)
          .sort(([a], [b]) => compareText(a, b)),
        // a developer's operators change what the rules mean: their declarations and code count
        ...(custom === undefined ? {} : { custom }),
      }),
    )
    rulesetHashes.set(ruleset, hash)
  }
  return hash
}

/**
 * The content hash of BOM lines: equal lines give equal hashes, any change of a line changes it.
 *
 * @example hashLines(document.lines) === document.hashes.content
 */
export function hashLines(lines: readonly BomLine[]): string {
  return sha256(canonicalJson(lines))
}

function treeLine(line: ExplodedLine, numbers: ReadonlyMap<string, string>): BomTreeLine {
  const out: BomTreeLine = {
    id: line.id,
    name: line.name,
    number: numbers.get(line.id) ?? null,
    quantity: line.quantity,
    children: line.children.map((child) => treeLine(child, numbers)),
  }
  if (line.notes !== undefined) out.notes = line.notes
  return out
}

/** The exploded tree of BOM lines; custom parts have no structure in the catalog and are leaves. */
export function explodeLines(
  catalog: Catalog,
  input: { lines: readonly BomLine[]; numbers: ReadonlyMap<string, string> },
): BomTreeLine[] {
  return input.lines.map((line) => {
    if (line.custom) {
      return {
        id: line.id,
        name: line.name,
        number: line.number,
        quantity: line.quantity,
        children: [],
      }
    }
    const tree = treeLine(explode(catalog, line.id, line.quantity), input.numbers)
    tree.number = line.number
    if (line.notes !== undefined) tree.notes = line.notes
    return tree
  })
}

/** The flattened part list of BOM lines: catalog leaves summed, custom parts as their own leaves. */
export function flattenLines(catalog: Catalog, lines: readonly BomLine[]): FlatLine[] {
  const standard = lines.filter((line) => !line.custom)
  const flat =
    standard.length === 0
      ? []
      : flatten(
          catalog,
          standard.map((line) => ({ id: line.id, quantity: line.quantity })),
        )
  const custom = lines
    .filter((line) => line.custom)
    .map((line) => ({ id: line.id, name: line.name, quantity: line.quantity }))
  return [...flat, ...custom].sort((a, b) => compareText(a.id, b.id))
}

/** The result of {@link createBomDocument}: a document, or the findings that stop one. */
export type BomDocumentResult =
  { ok: true; document: BomDocument } | { ok: false; findings: Finding[] }

/**
 * Configures and turns the result into a versioned BOM document. Given the previous revision, it keeps
 * its revision when nothing changed and otherwise makes revision n+1 pointing at it.
 *
 * @example
 * const first = createBomDocument(configurator, config, { now: new Date() })
 * const second = createBomDocument(configurator, changed, { previous: first.document })
 */
export function createBomDocument(
  configurator: Configurator,
  configuration: unknown,
  options: { previous?: BomDocument; now?: Date } = {},
): BomDocumentResult {
  const result = configurator.configure(configuration)
  if (!result.ok) return { ok: false, findings: result.findings }
  const { catalog, ruleset } = configurator
  const hashes = {
    configuration: sha256(canonicalJson(result.configuration)),
    catalog: hashCatalog(catalog),
    ruleset: hashRuleset(ruleset),
    content: hashLines(result.lines),
  }
  const previous = options.previous
  if (previous !== undefined && previous.product !== result.product) {
    throw new ConfiguratorError(
      'invalid_argument',
      `createBomDocument(): the previous revision is a ${previous.product} BOM, this is ${result.product}`,
    )
  }
  const unchanged =
    previous !== undefined &&
    previous.hashes.configuration === hashes.configuration &&
    previous.hashes.catalog === hashes.catalog &&
    previous.hashes.ruleset === hashes.ruleset
  const buildNumber = result.configuration['buildNumber']
  const document: BomDocument = {
    format: 'torvan-bom/1',
    product: result.product,
    buildNumber: typeof buildNumber === 'string' ? buildNumber : null,
    revision: previous === undefined ? 1 : unchanged ? previous.revision : previous.revision + 1,
    parent: previous === undefined ? null : unchanged ? previous.parent : previous.hashes.content,
    generator: { name: '@torvan/configurator-core', version: VERSION },
    generatedAt: (options.now ?? new Date()).toISOString(),
    hashes,
    configuration: result.configuration,
    findings: result.findings,
    lines: result.lines,
    tree: explodeLines(catalog, { lines: result.lines, numbers: ruleset.numbers }),
    flat: flattenLines(catalog, result.lines),
  }
  return { ok: true, document }
}
