// A ruleset checked against a catalog: the options' subcategories and items, the ids the add events
// give, and the 700-series numbers.

import type { Catalog } from '../catalog/graph.js'
import type { OptionSpec } from '../configuration/option-schema.js'
import type { Issue, PathSegment } from '../issues.js'
import { didYouMean } from '../text/suggest.js'
import type { CompiledRule } from './ruleset.js'
import type { ProductFile } from './schema.js'
import { templateTexts } from './template-domain.js'

/** Every item id and subcategory the options, add events and numbers name, checked in the catalog. */
export function checkAgainstCatalog(input: {
  catalog: Catalog
  product: ProductFile
  productFile: string
  rules: readonly CompiledRule[]
  numbers: ReadonlyMap<string, string>
  numbersFile: string | undefined
}): Issue[] {
  const { catalog } = input
  const issues: Issue[] = []
  for (const [name, option] of Object.entries(input.product.options))
    optionIssues(option, { at: ['options', name], catalog, file: input.productFile, issues })
  for (const rule of input.rules) issues.push(...addEventIssues(rule, catalog))
  for (const id of input.numbers.keys()) {
    if (catalog.resolve(id) !== undefined) continue
    issues.push({
      code: 'unknown_item',
      severity: 'warning',
      file: input.numbersFile ?? 'numbers.json',
      path: ['numbers', id],
      message: `item ${JSON.stringify(id)} has a number but is not in the catalog`,
      ...hintFor(id, catalog.ids()),
    })
  }
  return issues
}

/** an item option's subcategories and included ids, in the option and every option inside it */
function optionIssues(
  option: OptionSpec,
  where: { at: PathSegment[]; catalog: Catalog; file: string; issues: Issue[] },
): void {
  const { at, catalog, file, issues } = where
  const inside = (child: OptionSpec, path: PathSegment[]) => {
    optionIssues(child, { ...where, at: [...at, ...path] })
  }
  switch (option.type) {
    case 'item': {
      const subcategories = new Set(catalog.subcategories.map((s) => s.code))
      option.subcategories?.forEach((code, i) => {
        if (!subcategories.has(code)) {
          issues.push({
            code: 'unknown_subcategory',
            severity: 'error',
            file,
            path: [...at, 'subcategories', i],
            message: `subcategory ${JSON.stringify(code)} is not in the catalog`,
            ...hintFor(code, subcategories),
          })
        }
      })
      option.include?.forEach((id, i) => {
        if (catalog.resolve(id) === undefined) {
          issues.push({
            code: 'unknown_item',
            severity: 'error',
            file,
            path: [...at, 'include', i],
            message: `item ${JSON.stringify(id)} is not in the catalog`,
            ...hintFor(id, catalog.ids()),
          })
        }
      })
      return
    }
    case 'object':
      for (const [key, property] of Object.entries(option.properties))
        inside(property, ['properties', key])
      return
    case 'list':
      inside(option.items, ['items'])
      return
    case 'oneOf':
      option.variants.forEach((variant, i) => {
        inside(variant, ['variants', i])
      })
      return
    case 'string':
    case 'enum':
    case 'number':
    case 'integer':
    case 'boolean':
      return
  }
}

/** the ids a rule's add events can give that the catalog lacks, and templates whose ids cannot all be listed */
function addEventIssues(rule: CompiledRule, catalog: Catalog): Issue[] {
  const issues: Issue[] = []
  const index = rule.source
  rule.events.forEach((event, position) => {
    if (event.type !== 'add') return
    const eventPath: PathSegment[] = index.event !== undefined ? ['event'] : ['events', position]
    const listed = templateTexts(event.item)
    if ('open' in listed) {
      if (listed.open === 'text') return
      const part = event.item.parts.filter((p) => 'label' in p)[listed.placeholder]
      const label = part !== undefined && 'label' in part ? part.label : '…'
      issues.push({
        code: 'open_template',
        severity: 'warning',
        file: rule.file,
        path: ['rules', rule.index, ...eventPath, 'params', 'item'],
        message: `the ids this template gives cannot all be checked against the catalog: {${label}} can be any number`,
        hint: 'bound its option with a minimum, a maximum and decimals, or make it an integer, so that every id it gives is checked',
      })
      return
    }
    if ('tooMany' in listed) return
    const values = listed.texts
    const missing = values.filter((id) => catalog.resolve(id) === undefined)
    if (missing.length === 0) return
    const shown = missing
      .slice(0, 5)
      .map((id) => JSON.stringify(id))
      .join(', ')
    const more = missing.length > 5 ? ` and ${missing.length - 5} more` : ''
    const hint = missing.length === 1 ? hintFor(missing[0] as string, catalog.ids()) : {}
    issues.push({
      code: 'unknown_item',
      severity: 'error',
      file: rule.file,
      path: ['rules', rule.index, ...eventPath, 'params', 'item'],
      message:
        event.item.constant !== undefined
          ? `item ${shown} is not in the catalog`
          : `this template can give ids that are not in the catalog: ${shown}${more}`,
      ...hint,
    })
  })
  return issues
}

function hintFor(value: string, candidates: Iterable<string>): { hint?: string } {
  const hint = didYouMean(value, candidates)
  return hint === undefined ? {} : { hint }
}
