import type { IssueCode } from '../issue-codes.js'
import { z } from 'zod'
import type { Issue, PathSegment } from '../issues.js'
import { sortIssues } from '../issues.js'
import { didYouMean } from '../text/suggest.js'
import { zodIssues } from '../zod-issues.js'
import type { FactSpec } from '../facts/types.js'
import { declaredFacts, productWithoutFacts } from '../facts/product-facts.js'
import { WhenSchema, checkWhen } from '../facts/when.js'

/**
 * The kinds of item a QC form holds.
 *
 * @example QC_ITEM_KINDS.includes('CHECK_NA') // true
 * @see docs/qc.md#item-kinds
 */
export const QC_ITEM_KINDS = [
  'CHECK',
  'CHECK_NA',
  'CHOICE',
  'TEXT',
  'NUM',
  'DATE',
  'SIG',
  'PROC',
  'TEST',
] as const
/** One of {@link QC_ITEM_KINDS}. */
export type QcItemKind = (typeof QC_ITEM_KINDS)[number]

/**
 * The kinds of inspection a template (or one of its sections) is used for.
 *
 * @example instantiateInspection(template, configuration, { kind: QC_KINDS[0] }) // the Pre-QC rows
 */
export const QC_KINDS = ['PRE_QC', 'PRODUCTION_CHECK', 'FINAL_QC', 'END_OF_LINE_TEST'] as const
/** One of {@link QC_KINDS}. */
export type QcKind = (typeof QC_KINDS)[number]

const ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/
const idMessage = 'expected letters, digits, ".", "_" or "-" (and no "#")'
const meta = (description: string) => ({ description })

const QcOptionSchema = z.union([
  z.string().min(1).meta(meta('an option whose value is also its label')),
  z.strictObject({
    value: z.string().min(1).meta(meta('what is recorded, e.g. LEVELING_CASTERS')),
    label: z.string().min(1).optional().meta(meta('what the inspector reads; default: the value')),
    text: z
      .boolean()
      .optional()
      .meta(meta('true: choosing it needs a text too, e.g. "Other: ___"')),
    when: WhenSchema.optional().meta(meta('offer the option only on these sinks (or basins)')),
  }),
])
/** A CHOICE option: a string, or `{ value, label?, text?, when? }`. */
export type QcOption = z.infer<typeof QcOptionSchema>

const QcQuantitySchema = z
  .strictObject({
    each: z.number().int().min(1).meta(meta('how many per sink or per counted basin')),
    per: z.enum(['sink', 'basin']),
    where: WhenSchema.optional().meta(meta('per basin: which basins count, e.g. E_DRAIN ones')),
  })
  .meta(meta('how many of a thing to check, e.g. 1 per E-Drain basin'))
/** How many of a packed or installed thing a row is about. */
export type QcQuantity = z.infer<typeof QcQuantitySchema>

const QcItemSchema = z
  .strictObject({
    id: z.string().regex(ID, idMessage).meta(meta('unique in the template, e.g. "1.6a"')),
    label: z.string().min(1).meta(meta('the text of the row')),
    kind: z.enum(QC_ITEM_KINDS),
    description: z.string().optional(),
    procedure: z
      .array(z.string().min(1))
      .min(1)
      .optional()
      .meta(meta('PROC and TEST: the steps to follow')),
    options: z.array(QcOptionSchema).min(1).optional().meta(meta('CHOICE: the options')),
    perBasinOptions: z
      .partialRecord(z.enum(['1', '2', '3']), z.array(QcOptionSchema).min(1))
      .optional()
      .meta(meta('CHOICE repeated per basin: the options of each basin number')),
    expected: z
      .union([z.number(), z.string()])
      .optional()
      .meta(meta('NUM and TEST: the number to reach; CHOICE: the option that passes')),
    expectedFrom: z
      .string()
      .optional()
      .meta(meta('take the expected value from this fact of the sink, e.g. "feet"')),
    tolerance: z.number().min(0).optional().meta(meta('NUM and TEST: allowed ± around expected')),
    unit: z.string().min(1).optional(),
    naAllowed: z.boolean().optional().meta(meta('N/A may be recorded (CHECK_NA: always)')),
    required: z.boolean().optional().meta(meta('must be answered (default true)')),
    critical: z
      .boolean()
      .optional()
      .meta(meta('false: a failure here can still give a conditional pass (default true)')),
    perBasin: z.boolean().optional().meta(meta('repeat the row for basins 1..n')),
    when: WhenSchema.optional(),
    quantity: QcQuantitySchema.optional(),
    photos: z
      .number()
      .int()
      .min(1)
      .max(20)
      .optional()
      .meta(
        meta('photos the row needs before the inspection can be submitted, e.g. 1 of the label'),
      ),
  })
  .meta({ id: 'QcItem' })
/** One row of a QC form, as written in the template. */
export type QcItem = z.infer<typeof QcItemSchema>

const QcSectionSchema = z
  .strictObject({
    id: z.string().regex(ID, idMessage),
    title: z.string().min(1),
    description: z.string().optional(),
    kind: z
      .enum(QC_KINDS)
      .optional()
      .meta(meta("the inspection this section is used in; default: the template's")),
    perBasin: z.boolean().optional().meta(meta('repeat every item of the section for basins 1..n')),
    when: WhenSchema.optional(),
    items: z.array(QcItemSchema).min(1),
  })
  .meta({ id: 'QcSection' })
/** A section of a QC form. */
export type QcSection = z.infer<typeof QcSectionSchema>

/**
 * The zod schema of a QC template file; {@link parseQcTemplate} also checks facts, ids and kinds.
 *
 * @example QcTemplateSchema.safeParse(json).success
 * @see docs/qc.md#a-qc-template
 */
export const QcTemplateSchema = z
  .strictObject({
    $schema: z.string().optional(),
    id: z.string().regex(ID, idMessage).meta(meta('e.g. t2-production')),
    version: z.string().min(1).meta(meta('the form version, e.g. V01')),
    name: z.string().min(1),
    formCode: z.string().min(1).meta(meta('the controlled document code, e.g. CLP.T2.001.V01')),
    kind: z.enum(QC_KINDS),
    product: z
      .string()
      .min(1)
      .meta(
        meta('the product whose builds the form is for, e.g. T2; its facts are what "when" names'),
      ),
    description: z.string().optional(),
    passThreshold: z
      .number()
      .min(0)
      .max(100)
      .meta(
        meta('percent of scored rows that must pass for a conditional pass (docs/qc.md#scoring)'),
      ),
    requiresApproval: z
      .boolean()
      .optional()
      .meta(
        meta('a second person (qc:approve) approves a submitted inspection before the sink passes'),
      ),
    sections: z.array(QcSectionSchema).min(1),
  })
  .meta({ title: 'TORVAN QC template', description: 'A QC form as data: sections of items' })
/** A QC template: a form of sections and items. */
export type QcTemplate = z.infer<typeof QcTemplateSchema>

const KNOWN_KEYS = {
  template: Object.keys(QcTemplateSchema.shape),
  section: Object.keys(QcSectionSchema.shape),
  item: Object.keys(QcItemSchema.shape),
}

function knownKeys(path: PathSegment[]): string[] {
  if (path.length === 0) return KNOWN_KEYS.template
  if (path.length === 2 && path[0] === 'sections') return KNOWN_KEYS.section
  if (path.length === 4 && path[2] === 'items') return KNOWN_KEYS.item
  if (path.at(-1) === 'quantity') return ['each', 'per', 'where']
  if (path.at(-2) === 'options' || path.at(-3) === 'perBasinOptions')
    return ['value', 'label', 'text', 'when']
  return []
}

/** The value of a CHOICE option. */
function optionValue(option: QcOption): string {
  return typeof option === 'string' ? option : option.value
}

/** The message, or the message and a hint (when there is one). */
type Text = string | { message: string; hint: string | undefined }

function error(path: PathSegment[], code: IssueCode, text: Text): Issue {
  const { message, hint } = typeof text === 'string' ? { message: text, hint: undefined } : text
  return { code, severity: 'error', path, message, ...(hint === undefined ? {} : { hint }) }
}

const MEASURED: readonly QcItemKind[] = ['NUM', 'TEST']

/** Where a row sits: the facts of the template's product (none: not checked), and whether it is per basin. */
interface Row {
  facts: Readonly<Record<string, FactSpec>> | undefined
  perBasin: boolean
}

/** CHOICE options: where they may be, one list per basin, no duplicates; returns every option value too. */
function checkOptions(
  item: QcItem,
  at: PathSegment[],
  row: Row,
): { issues: Issue[]; values: Set<string> } {
  const { perBasin } = row
  const issues: Issue[] = []
  const { kind } = item
  const isChoice = kind === 'CHOICE'
  if (isChoice && item.options === undefined && item.perBasinOptions === undefined)
    issues.push(error(at, 'missing_options', 'a CHOICE item needs "options" or "perBasinOptions"'))
  if (item.options !== undefined && item.perBasinOptions !== undefined)
    issues.push(
      error(
        [...at, 'perBasinOptions'],
        'conflicting_keys',
        'give "options" or "perBasinOptions", not both',
      ),
    )
  for (const key of ['options', 'perBasinOptions'] as const) {
    if (item[key] !== undefined && !isChoice)
      issues.push(
        error([...at, key], 'not_for_kind', `a ${kind} item has no ${key}; only CHOICE items do`),
      )
  }
  if (item.perBasinOptions !== undefined && !perBasin)
    issues.push(
      error([...at, 'perBasinOptions'], 'not_per_basin', {
        message: 'perBasinOptions need a row repeated per basin',
        hint: 'set "perBasin": true on the item or its section',
      }),
    )
  if (item.perBasinOptions !== undefined) {
    const missing = ['1', '2', '3'].filter((n) => item.perBasinOptions?.[n as '1'] === undefined)
    if (missing.length > 0)
      issues.push(
        error([...at, 'perBasinOptions'], 'missing_options', {
          message: `perBasinOptions has no options for basin ${missing.join(', ')}`,
          hint: 'a T2 sink has up to 3 basins: give options for "1", "2" and "3"',
        }),
      )
  }
  const optionLists: [PathSegment[], QcOption[]][] = [
    ...(item.options === undefined
      ? []
      : [[[...at, 'options'], item.options] as [PathSegment[], QcOption[]]]),
    ...Object.entries(item.perBasinOptions ?? {}).map(
      ([n, list]) => [[...at, 'perBasinOptions', n], list] as [PathSegment[], QcOption[]],
    ),
  ]
  for (const [path, list] of optionLists) issues.push(...checkOptionList(list, path, row))
  const allValues = new Set(optionLists.flatMap(([, list]) => list.map(optionValue)))
  return { issues, values: allValues }
}

/** one list of CHOICE options: their conditions, and no value twice */
function checkOptionList(list: QcOption[], path: PathSegment[], row: Row): Issue[] {
  const issues: Issue[] = []
  const seen = new Set<string>()
  list.forEach((option, i) => {
    if (typeof option !== 'string' && option.when !== undefined)
      issues.push(...checkWhen(option.when, [...path, i, 'when'], row))
    const value = optionValue(option)
    if (seen.has(value))
      issues.push(
        error([...path, i], 'duplicate_option', `option ${JSON.stringify(value)} is listed twice`),
      )
    seen.add(value)
  })
  return issues
}

/** expected, expectedFrom, tolerance and unit: on the kinds that have them, with values they can take. */
function checkExpected(
  item: QcItem,
  at: PathSegment[],
  row: Row & { values: Set<string> },
): Issue[] {
  const issues: Issue[] = []
  const { kind } = item
  const allValues = row.values
  const isChoice = kind === 'CHOICE'
  for (const key of ['tolerance', 'unit'] as const) {
    if (item[key] !== undefined && !MEASURED.includes(kind))
      issues.push(
        error(
          [...at, key],
          'not_for_kind',
          `a ${kind} item has no ${key}; only NUM and TEST items do`,
        ),
      )
  }
  if (item.expected !== undefined) {
    if (MEASURED.includes(kind) && typeof item.expected !== 'number')
      issues.push(
        error(
          [...at, 'expected'],
          'invalid_type',
          `a ${kind} item expects a number, received ${JSON.stringify(item.expected)}`,
        ),
      )
    else if (isChoice && !allValues.has(String(item.expected))) {
      issues.push(
        error([...at, 'expected'], 'unknown_option', {
          message: `expected ${JSON.stringify(item.expected)} is not one of the options`,
          hint: didYouMean(String(item.expected), allValues),
        }),
      )
    } else if (!MEASURED.includes(kind) && !isChoice)
      issues.push(
        error(
          [...at, 'expected'],
          'not_for_kind',
          `a ${kind} item has no expected value; only NUM, TEST and CHOICE items do`,
        ),
      )
  }
  if (
    item.tolerance !== undefined &&
    item.expected === undefined &&
    item.expectedFrom === undefined
  )
    issues.push(
      error(
        [...at, 'tolerance'],
        'missing_expected',
        'a tolerance needs "expected" (or "expectedFrom") to be around',
      ),
    )
  issues.push(...checkExpectedFrom(item, at, row))
  return issues
}

/** expectedFrom: a declared fact with one value (of the row's basin when per basin) the item can expect */
function checkExpectedFrom(
  item: QcItem,
  at: PathSegment[],
  row: Row & { values: Set<string> },
): Issue[] {
  if (item.expectedFrom === undefined) return []
  const issues: Issue[] = []
  const { kind } = item
  const { perBasin, values: allValues, facts } = row
  const isChoice = kind === 'CHOICE'
  const path = [...at, 'expectedFrom']
  if (item.expected !== undefined)
    issues.push(error(path, 'conflicting_keys', 'give "expected" or "expectedFrom", not both'))
  // no declared facts: the template is refused for its product instead
  if (facts === undefined) return issues
  const spec = Object.hasOwn(facts, item.expectedFrom) ? facts[item.expectedFrom] : undefined
  if (spec === undefined) {
    issues.push(
      error(path, 'unknown_fact', {
        message: `unknown fact ${JSON.stringify(item.expectedFrom)}`,
        hint: didYouMean(item.expectedFrom, Object.keys(facts)),
      }),
    )
  } else if (spec.list === true) {
    issues.push(
      error(
        path,
        'not_for_kind',
        `${item.expectedFrom} is a list, so it cannot be one expected value`,
      ),
    )
  } else if (spec.basin === true && !perBasin) {
    issues.push(
      error(
        path,
        'basin_fact_outside_basin',
        `${item.expectedFrom} describes one basin, but this row is not repeated per basin`,
      ),
    )
  } else if (isChoice) {
    for (const value of spec.values) {
      if (!allValues.has(String(value)))
        issues.push(
          error(path, 'missing_option', {
            message: `${item.expectedFrom} can be ${JSON.stringify(value)}, which is not an option`,
            hint: 'add an option with that value',
          }),
        )
    }
  } else if (MEASURED.includes(kind)) {
    if (!spec.values.every((v) => typeof v === 'number'))
      issues.push(
        error(
          path,
          'invalid_type',
          `${item.expectedFrom} is not a number, so a ${kind} item cannot expect it`,
        ),
      )
  } else {
    issues.push(
      error(
        path,
        'not_for_kind',
        `a ${kind} item has no expected value; only NUM, TEST and CHOICE items do`,
      ),
    )
  }
  return issues
}

/** N/A and procedures against the kind. */
function checkAnswerKeys(item: QcItem, at: PathSegment[]): Issue[] {
  const issues: Issue[] = []
  const { kind } = item
  if (item.naAllowed !== undefined) {
    const path = [...at, 'naAllowed']
    if (kind === 'CHECK' && item.naAllowed)
      issues.push(
        error(path, 'not_for_kind', {
          message: 'a CHECK item never takes N/A',
          hint: 'use kind CHECK_NA',
        }),
      )
    if (kind === 'CHECK_NA' && !item.naAllowed)
      issues.push(
        error(path, 'not_for_kind', {
          message: 'a CHECK_NA item always takes N/A',
          hint: 'use kind CHECK',
        }),
      )
    if (kind === 'PROC')
      issues.push(error(path, 'not_for_kind', 'a PROC item records nothing, not even N/A'))
  }
  if (kind === 'PROC' && item.procedure === undefined)
    issues.push(
      error(at, 'missing_procedure', 'a PROC item needs "procedure": the steps to follow'),
    )
  if (item.procedure !== undefined && kind !== 'PROC' && kind !== 'TEST')
    issues.push(
      error(
        [...at, 'procedure'],
        'not_for_kind',
        `a ${kind} item has no procedure; only PROC and TEST items do`,
      ),
    )
  return issues
}

/** A quantity's where picks basins, so it needs per basin. */
function checkQuantity(item: QcItem, at: PathSegment[], row: Row): Issue[] {
  const issues: Issue[] = []
  if (item.quantity !== undefined) {
    const path = [...at, 'quantity']
    if (item.quantity.where !== undefined) {
      if (item.quantity.per === 'sink')
        issues.push(
          error(
            [...path, 'where'],
            'not_per_basin',
            '"where" picks basins, so it needs "per": "basin"',
          ),
        )
      else
        issues.push(
          ...checkWhen(item.quantity.where, [...path, 'where'], { ...row, perBasin: true }),
        )
    }
  }
  return issues
}

function checkItem(item: QcItem, at: PathSegment[], row: Row): Issue[] {
  const options = checkOptions(item, at, row)
  return [
    ...(item.when === undefined ? [] : checkWhen(item.when, [...at, 'when'], row)),
    ...options.issues,
    ...checkExpected(item, at, { ...row, values: options.values }),
    ...checkAnswerKeys(item, at),
    ...checkQuantity(item, at, row),
  ]
}

/** The semantic checks the schema cannot make: the product, facts, ids, kinds and their keys. */
function checkTemplate(template: QcTemplate): Issue[] {
  const refused = productWithoutFacts(template.product, 'QC template')
  const issues: Issue[] = refused === undefined ? [] : [refused]
  const facts = declaredFacts(template.product)?.facts
  const sectionIds = new Map<string, number>()
  const itemIds = new Map<string, PathSegment[]>()
  template.sections.forEach((section, s) => {
    const at: PathSegment[] = ['sections', s]
    const first = sectionIds.get(section.id)
    if (first !== undefined)
      issues.push(
        error(
          [...at, 'id'],
          'duplicate_id',
          `section id ${JSON.stringify(section.id)} is also sections[${first}]`,
        ),
      )
    else sectionIds.set(section.id, s)
    if (section.when !== undefined)
      issues.push(
        ...checkWhen(section.when, [...at, 'when'], {
          facts,
          perBasin: section.perBasin === true,
        }),
      )
    section.items.forEach((item, i) => {
      const path: PathSegment[] = [...at, 'items', i]
      const other = itemIds.get(item.id)
      if (other !== undefined)
        issues.push(
          error(
            [...path, 'id'],
            'duplicate_id',
            `item id ${JSON.stringify(item.id)} is also sections[${other[1]}].items[${other[3]}]`,
          ),
        )
      else itemIds.set(item.id, path)
      if (section.perBasin === true && item.perBasin === false)
        issues.push(
          error(
            [...path, 'perBasin'],
            'conflicting_keys',
            'the section is repeated per basin, so its items are too',
          ),
        )
      const perBasin = section.perBasin === true || item.perBasin === true
      issues.push(...checkItem(item, path, { facts, perBasin }))
    })
  })
  return issues
}

/** The result of {@link parseQcTemplate}: the template when it has no errors, and every issue found. */
export interface QcTemplateParseResult {
  template: QcTemplate | undefined
  issues: Issue[]
}

/**
 * Validates a QC template read from JSON; every problem comes back as an issue naming its JSON path.
 *
 * @example parseQcTemplate(JSON.parse(text), { file: 'clp-t2-001.json' }).issues.map(formatIssue)
 */
export function parseQcTemplate(
  json: unknown,
  options: { file?: string } = {},
): QcTemplateParseResult {
  const parsed = QcTemplateSchema.safeParse(json, { reportInput: true })
  const where = { file: options.file, known: knownKeys }
  if (!parsed.success)
    return { template: undefined, issues: sortIssues(zodIssues(parsed.error.issues, where)) }
  const issues = checkTemplate(parsed.data).map((issue) =>
    options.file === undefined ? issue : { ...issue, file: options.file },
  )
  const sorted = sortIssues(issues)
  return { template: sorted.length === 0 ? parsed.data : undefined, issues: sorted }
}
