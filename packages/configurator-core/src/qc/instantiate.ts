import type { FactValues } from '../facts/types.js'
import { readProductFacts } from '../facts/product-facts.js'
import type { QcItem, QcItemKind, QcKind, QcOption, QcSection, QcTemplate } from './template.js'
import { evaluateWhen } from '../facts/when.js'

/** A CHOICE option of an inspection item, with its label and whether it needs a text. */
export interface InspectionOption {
  value: string
  label: string
  /** choosing it needs a text too, e.g. "Other: ___" */
  text: boolean
}

/** One row of an inspection of one sink: a template item, for one basin when it repeats per basin. */
export interface InspectionItem {
  /** stable within the template: the item id, plus `#basin<n>` when repeated per basin, e.g. `1.7#basin2` */
  key: string
  itemId: string
  sectionId: string
  sectionTitle: string
  /** the inspection the row belongs to (its section's kind, or the template's) */
  inspectionKind: QcKind
  kind: QcItemKind
  label: string
  /** the basin number (from 1) for per-basin rows */
  basin?: number
  /** the basin's type for per-basin rows, e.g. E_DRAIN */
  basinType?: string
  description?: string
  procedure?: string[]
  options?: InspectionOption[]
  /** NUM/TEST: the number to reach; CHOICE: the option that passes */
  expected?: number | string
  tolerance?: number
  unit?: string
  /** 1-based position in the inspection */
  sequence: number
  /** how many of the thing the row is about, from the item's quantity rule */
  quantity?: number
  naAllowed: boolean
  required: boolean
  critical: boolean
  /** photos the row needs before submitting (unless it is N/A) */
  photos?: number
}

function toOption(option: QcOption): InspectionOption {
  return typeof option === 'string'
    ? { value: option, label: option, text: false }
    : { value: option.value, label: option.label ?? option.value, text: option.text === true }
}

function quantityOf(
  item: QcItem,
  sink: FactValues,
  basins: readonly FactValues[],
): number | undefined {
  const rule = item.quantity
  if (rule === undefined) return undefined
  if (rule.per === 'sink') return rule.each
  return rule.each * basins.filter((facts) => evaluateWhen(rule.where, facts)).length
}

interface Scope {
  template: QcTemplate
  section: QcSection
  /** the facts the row is evaluated against: the basin's in a per-basin row */
  facts: FactValues
  sink: FactValues
  basins: readonly FactValues[]
}

function instantiateItem(item: QcItem, scope: Scope): Omit<InspectionItem, 'sequence'> | undefined {
  const { facts, section } = scope
  if (!evaluateWhen(item.when, facts)) return undefined
  const quantity = quantityOf(item, scope.sink, scope.basins)
  // nothing to check: e.g. "1 per E-Drain basin" on a sink without one
  if (quantity === 0) return undefined
  const basin = facts['basin.number'] as number | undefined
  const options =
    item.options ?? (basin === undefined ? undefined : item.perBasinOptions?.[String(basin) as '1'])
  const expected =
    item.expected ??
    (item.expectedFrom === undefined
      ? undefined
      : (facts[item.expectedFrom] as number | string | undefined))
  return {
    key: basin === undefined ? item.id : `${item.id}#basin${basin}`,
    itemId: item.id,
    sectionId: section.id,
    sectionTitle: section.title,
    inspectionKind: section.kind ?? scope.template.kind,
    kind: item.kind,
    label: item.label,
    ...(basin === undefined ? {} : { basin, basinType: facts['basin.type'] as string }),
    ...(item.description === undefined ? {} : { description: item.description }),
    ...(item.procedure === undefined ? {} : { procedure: [...item.procedure] }),
    ...(options === undefined
      ? {}
      : {
          options: options
            .filter((option) => typeof option === 'string' || evaluateWhen(option.when, facts))
            .map(toOption),
        }),
    ...(expected === undefined ? {} : { expected }),
    ...(item.tolerance === undefined ? {} : { tolerance: item.tolerance }),
    ...(item.unit === undefined ? {} : { unit: item.unit }),
    ...(quantity === undefined ? {} : { quantity }),
    ...(item.photos === undefined ? {} : { photos: item.photos }),
    naAllowed: item.kind === 'CHECK_NA' || item.naAllowed === true,
    required: item.kind !== 'PROC' && item.required !== false,
    critical: item.critical !== false,
  }
}

/**
 * The rows of a template that apply to one build, in form order; per-basin rows are repeated for basins 1..n.
 * Applicability reads the facts the template's product declares.
 *
 * Throws a ConfiguratorError for a configuration of another product than the template's, or one that lacks
 * what applicability reads (basins, legs, feet…).
 *
 * @example instantiateInspection(template, configuration).filter((row) => row.basin === 2)
 * @see docs/qc.md#instantiating-recording-and-scoring
 */
export function instantiateInspection(
  template: QcTemplate,
  configuration: unknown,
  options: { kind?: QcKind } = {},
): InspectionItem[] {
  const { sink, basins } = readProductFacts(configuration, {
    product: template.product,
    name: `the QC template ${template.id}`,
    caller: 'instantiateInspection',
    check: 'parseQcTemplate()',
  })
  const rows: InspectionItem[] = []
  const push = (row: Omit<InspectionItem, 'sequence'> | undefined) => {
    if (row !== undefined) rows.push({ ...row, sequence: rows.length + 1 })
  }
  for (const section of template.sections) {
    if (options.kind !== undefined && (section.kind ?? template.kind) !== options.kind) continue
    const scope = { template, section, sink, basins }
    if (section.perBasin === true) {
      // basin by basin: the form's BASIN 1, BASIN 2… blocks
      for (const facts of basins) {
        if (!evaluateWhen(section.when, facts)) continue
        for (const item of section.items) push(instantiateItem(item, { ...scope, facts }))
      }
      continue
    }
    if (!evaluateWhen(section.when, sink)) continue
    for (const item of section.items) {
      if (item.perBasin === true) {
        for (const facts of basins) push(instantiateItem(item, { ...scope, facts }))
      } else push(instantiateItem(item, { ...scope, facts: sink }))
    }
  }
  return rows
}
