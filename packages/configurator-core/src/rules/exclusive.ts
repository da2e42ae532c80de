import type { Catalog } from '../catalog/graph.js'
import type { Issue, PathSegment } from '../issues.js'
import { formatPath } from '../issues.js'
import { didYouMean } from '../text/suggest.js'
import { isObject } from '../util.js'
import type { LeafInfo } from './compile.js'
import { computeFacts } from './configure.js'
import type { Reading } from './reachability.js'
import { ConditionReader, groupByFact, satisfying } from './reachability.js'
import type { CompiledRule, Ruleset } from './ruleset.js'
import type { OptionSpec } from '../configuration/option-schema.js'
import { templateTexts } from './template-domain.js'

/** One group of items a configuration holds at most one of (product.json's `exclusive`). */
export interface ExclusiveGroup {
  description?: string | undefined
  items?: string[] | undefined
  subcategories?: string[] | undefined
}

/** the most combinations of fact values tried for one pair of rules */
const MAX_WITNESSES = 2_000

interface Adder {
  rule: CompiledRule
  path: PathSegment[]
  ids: string[]
}

/** a deep copy of JSON data */
function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T
}

/** a configuration with every default of the product model, objects filled in */
function defaultsOf(options: Readonly<Record<string, OptionSpec>>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [key, option] of Object.entries(options)) {
    if (option.default !== undefined) out[key] = clone(option.default)
    else if (option.type === 'object') out[key] = defaultsOf(option.properties)
  }
  return out
}

/** sets `value` at `path` (object keys) in `target`, making objects on the way */
function setAt(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let node = target
  path.forEach((key, i) => {
    if (i === path.length - 1) node[key] = value
    else {
      const next = node[key]
      node = isObject(next) ? next : (node[key] = {})
    }
  })
}

/** a value the option itself accepts: within its range and with its decimals */
function validFor(leaf: LeafInfo, value: unknown): boolean {
  const { shape } = leaf
  if (value === undefined) return false
  if (typeof value !== 'number') return true
  if (!Number.isFinite(value)) return false
  if (shape.kind !== 'number') return true
  const { minimum, maximum, step } = shape
  if (minimum !== undefined && value < minimum) return false
  if (maximum !== undefined && value > maximum) return false
  return step === undefined || Math.abs(value / step - Math.round(value / step)) < 1e-9
}

/**
 * A configuration's fact values under which both rules fire, found by trying one value per piece
 * of each fact's domain; undefined when none is found or the conditions cannot be read completely.
 */
function witness(
  ruleset: Ruleset,
  pair: { a: CompiledRule; b: CompiledRule; readings: [Reading, Reading] },
): string | undefined {
  const [first, second] = pair.readings
  if (!first.complete || !second.complete || first.never || second.never) return undefined
  const options = new Map(ruleset.optionSlots.map(([name, slot]) => [slot, name]))
  const choices: { path: string[]; label: string; values: unknown[] }[] = []
  for (const group of groupByFact([...first.leaves, ...second.leaves])) {
    const leaf = group[0] as LeafInfo
    const option = options.get(leaf.slot)
    // only options can be set; a derived fact's leaf leaves the answer open
    if (option === undefined || !leaf.segments.every((s) => typeof s === 'string')) return undefined
    const values = (satisfying(group) ?? []).filter((value) => validFor(leaf, value))
    if (values.length === 0) return undefined
    choices.push({ path: [option, ...(leaf.segments as string[])], label: leaf.label, values })
  }
  const base = defaultsOf(ruleset.options)
  let tried = 0
  const pick = (i: number, chosen: unknown[]): string | undefined => {
    if (tried > MAX_WITNESSES) return undefined
    if (i === choices.length) {
      tried++
      const configuration = clone(base)
      choices.forEach((choice, j) => {
        setAt(configuration, choice.path, chosen[j])
      })
      const values = computeFacts(ruleset, configuration)
      if (!pair.a.when(values) || !pair.b.when(values)) return undefined
      return choices.map((c, j) => `${c.label} is ${JSON.stringify(chosen[j])}`).join(' and ')
    }
    for (const value of (choices[i] as (typeof choices)[number]).values) {
      const found = pick(i + 1, [...chosen, value])
      if (found !== undefined) return found
    }
    return undefined
  }
  return pick(0, [])
}

/**
 * Finds pairs of rules that can both fire and both add items of one `exclusive` group (two sink
 * bodies), proving it with fact values under which both fire; where it cannot decide, says nothing.
 */
export function exclusiveIssues(input: {
  ruleset: Ruleset
  groups: Readonly<Record<string, ExclusiveGroup>>
  productFile: string
  catalog: Catalog | undefined
  files: ReadonlyMap<
    string,
    { leaves: ReadonlyMap<string, LeafInfo>; shared: ReadonlyMap<string, unknown> }
  >
}): Issue[] {
  const { ruleset, catalog } = input
  const issues: Issue[] = []
  const readers = new Map<string, ConditionReader>()
  const readingOf = (rule: CompiledRule): Reading => {
    let reader = readers.get(rule.file)
    if (reader === undefined) {
      const file = input.files.get(rule.file)
      reader = new ConditionReader(file?.leaves ?? new Map(), file?.shared ?? new Map())
      readers.set(rule.file, reader)
    }
    return reader.read(rule.source.conditions, ['rules', rule.index, 'conditions'])
  }
  for (const [name, group] of Object.entries(input.groups)) {
    if (catalog !== undefined)
      issues.push(...unknownMembers(catalog, { name, group, file: input.productFile }))
    const members = new Set(group.items ?? [])
    for (const code of group.subcategories ?? [])
      for (const item of catalog?.itemsIn(code) ?? []) members.add(item.id)
    const adders: Adder[] = []
    for (const rule of ruleset.rules) {
      // once per element: several elements may each rightly add one
      if (rule.forEach !== undefined) continue
      rule.events.forEach((event, position) => {
        if (event.type !== 'add') return
        const listed = templateTexts(event.item)
        if (!('texts' in listed)) return
        const ids = listed.texts.filter(
          (id) => members.has(catalog?.resolve(id) ?? id) || members.has(id),
        )
        const eventPath: PathSegment[] =
          rule.source.event !== undefined ? ['event'] : ['events', position]
        if (ids.length > 0)
          adders.push({ rule, path: ['rules', rule.index, ...eventPath, 'params', 'item'], ids })
      })
    }
    for (let j = 1; j < adders.length; j++) {
      for (let i = 0; i < j; i++) {
        const a = adders[i] as Adder
        const b = adders[j] as Adder
        if (a.rule === b.rule) continue
        const found = witness(ruleset, {
          a: a.rule,
          b: b.rule,
          readings: [readingOf(a.rule), readingOf(b.rule)],
        })
        if (found === undefined) continue
        issues.push({
          code: 'exclusive_items',
          severity: 'error',
          file: b.rule.file,
          path: b.path,
          message: `rules ${JSON.stringify(a.rule.name)} (${a.rule.file === b.rule.file ? '' : `${a.rule.file} `}${formatPath(['rules', a.rule.index])}) and ${JSON.stringify(b.rule.name)} can both fire, e.g. when ${found}, and each adds a "${name}" item (${[...new Set([...a.ids, ...b.ids])].slice(0, 4).join(', ')}): a configuration holds at most one`,
          hint: `make their conditions exclude each other${group.description === undefined ? '' : ` (${group.description})`}`,
        })
      }
    }
  }
  return issues
}

/** the group's ids and subcategories that the catalog does not have */
function unknownMembers(
  catalog: Catalog,
  input: { name: string; group: ExclusiveGroup; file: string },
): Issue[] {
  const { name, group, file } = input
  const issues: Issue[] = []
  const codes = new Set(catalog.subcategories.map((s) => s.code))
  group.items?.forEach((id, i) => {
    if (catalog.resolve(id) !== undefined) return
    const hint = didYouMean(id, catalog.ids())
    issues.push({
      code: 'unknown_item',
      severity: 'error',
      file,
      path: ['exclusive', name, 'items', i],
      message: `item ${JSON.stringify(id)} is not in the catalog`,
      ...(hint === undefined ? {} : { hint }),
    })
  })
  group.subcategories?.forEach((code, i) => {
    if (codes.has(code)) return
    const hint = didYouMean(code, codes)
    issues.push({
      code: 'unknown_subcategory',
      severity: 'error',
      file,
      path: ['exclusive', name, 'subcategories', i],
      message: `subcategory ${JSON.stringify(code)} is not in the catalog`,
      ...(hint === undefined ? {} : { hint }),
    })
  })
  return issues
}
