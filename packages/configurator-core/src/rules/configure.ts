import type { CustomPartSpec } from '../bom-line.js'
import type { BomLine } from '../bom-line.js'
import Decimal from 'decimal.js'
import type { Catalog } from '../catalog/graph.js'
import type { Finding } from '../findings.js'
import { itemDomain } from '../configuration/item-domain.js'
import { createConfigurationValidator } from '../configuration/validate.js'
import { ConfiguratorError } from '../errors.js'
import type { PathSegment } from '../issues.js'
import { formatPath } from '../issues.js'
import { didYouMean } from '../text/suggest.js'
import { isObject } from '../util.js'
import { describeValue } from '../zod-issues.js'
import type { Values } from './compile.js'
import { bindElement } from './element-binding.js'
import { readsTouchAny } from './read-pattern.js'
import type {
  CompiledCustomPart,
  CompiledEvent,
  CompiledEventAdd,
  CompiledEventCustomPart,
  CompiledRule,
  Ruleset,
} from './ruleset.js'
import { fitsSpecField } from './spec-field.js'

/** What {@link Configurator.configure} returns: lines when there is no error, and every finding. */
export interface ConfigureResult {
  /** false when any finding is an error; there are then no lines */
  ok: boolean
  product: string
  /** the configuration as the rules saw it, with defaults applied */
  configuration: Record<string, unknown>
  lines: BomLine[]
  findings: Finding[]
}

/** A configurator for one product, built once from a catalog and a ruleset. */
export interface Configurator {
  readonly catalog: Catalog
  readonly ruleset: Ruleset
  /** Validates a configuration and runs every rule; never throws for bad input. */
  readonly configure: (configuration: unknown) => ConfigureResult
}

/** every field always present, so that V8 keeps one object shape (a spread here cost 8× the whole run) */
interface LineDraft {
  id: string
  name: string
  number: string | null
  quantity: number
  exact: Decimal | undefined
  custom: boolean
  family: string | undefined
  spec: CustomPartSpec | undefined
  notes: string | undefined
  rules: string[]
  elements: string[]
}

function canonicalNumber(value: number): string {
  // String() gives the shortest round-trip form: 28, 28.5, 28.25
  return String(value)
}

function formatQuantity(line: LineDraft): string {
  return line.exact === undefined ? String(line.quantity) : line.exact.toFixed()
}

const CALLED_WITH = ['catalog', 'ruleset']

/** what plain JavaScript may pass that TypeScript would refuse: a mistake names the call that fixes it */
function checkConfiguratorInput(input: unknown): void {
  const fail = (message: string): never => {
    throw new ConfiguratorError('invalid_argument', `createConfigurator(): ${message}`)
  }
  if (typeof input !== 'object' || input === null)
    fail(`expected { catalog, ruleset }, received ${describeValue(input)}`)
  const given = input as Record<string, unknown>
  for (const key of ['operators', 'decorators'])
    if (Object.hasOwn(given, key))
      fail(
        `${key} belong to the rules, not the configurator: give them to compileRuleset(source, { ${key} }) or loadRules(dir, { ${key} }), whose ruleset then runs them`,
      )
  const unknown = Object.keys(given).filter((key) => !CALLED_WITH.includes(key))
  const [first] = unknown
  if (first !== undefined) {
    const hint = didYouMean(first, CALLED_WITH)
    fail(
      `unknown option ${unknown.map((key) => JSON.stringify(key)).join(', ')}${hint === undefined ? '' : ` (${hint})`}; it takes { catalog, ruleset }`,
    )
  }
  const { catalog, ruleset } = given
  if (
    typeof catalog !== 'object' ||
    catalog === null ||
    typeof (catalog as Partial<Catalog>).resolve !== 'function'
  )
    fail(
      `catalog must be a catalog built with buildCatalog() or loadCatalog(), received ${describeValue(catalog)}`,
    )
  const compiled = ruleset as Partial<Ruleset> | null | undefined
  if (
    typeof compiled !== 'object' ||
    compiled === null ||
    !Array.isArray(compiled.rules) ||
    !Array.isArray(compiled.facts) ||
    !(compiled.customParts instanceof Map)
  )
    fail(
      isObject(ruleset) && Object.hasOwn(ruleset, 'issues')
        ? 'ruleset is the result of compileRuleset() or loadRules(); give its .ruleset (undefined while it has errors: check its issues first)'
        : `ruleset must be the ruleset compileRuleset() or loadRules() gives, received ${describeValue(ruleset)}${isObject(ruleset) ? ' with no compiled rules' : ''}`,
    )
}

/**
 * Builds a configurator from a catalog and a compiled ruleset; `configure()` then turns a
 * configuration into BOM lines and findings, all at once, in microseconds. Anything else (custom
 * `operators`, which compileRuleset() and loadRules() take) throws a ConfiguratorError naming the fix.
 *
 * @example
 * const configurator = createConfigurator({ catalog, ruleset })
 * const { ok, lines, findings } = configurator.configure(config)
 */
export function createConfigurator(input: { catalog: Catalog; ruleset: Ruleset }): Configurator {
  checkConfiguratorInput(input)
  const { catalog, ruleset } = input
  if (ruleset.rules.length === 0 && ruleset.optionSlots.length === 0) {
    throw new ConfiguratorError(
      'invalid_argument',
      'createConfigurator(): the ruleset is empty; was it compiled with compileRuleset()?',
    )
  }
  const validator = createConfigurationValidator(
    { ...ruleset.options },
    itemDomain(catalog),
    ruleset.limits,
  )
  const { numbers, customParts } = ruleset
  const fireEvent = createEventFirer({ catalog, numbers, customParts })

  const configure = (configuration: unknown): ConfigureResult => {
    const checked = validator.check(configuration)
    const findings: Finding[] = [...checked.findings]
    const values = computeFacts(ruleset, checked.value)
    const lines = new Map<string, LineDraft>()
    runRules(ruleset, { values, invalid: checked.invalidPaths }, (rule, index) => {
      const elementPath =
        index === undefined || rule.forEach?.configPath === undefined
          ? undefined
          : [...rule.forEach.configPath, index]
      const element = elementPath === undefined ? undefined : formatPath(elementPath)
      for (const event of rule.events)
        fireEvent({ rule, event, element, elementPath, values, lines, findings })
    })
    const ok = !findings.some((finding) => finding.severity === 'error')
    return {
      ok,
      product: ruleset.product,
      configuration: checked.value,
      lines: ok ? [...lines.values()].map(toBomLine) : [],
      findings,
    }
  }
  return { catalog, ruleset, configure }
}

/** The fact values of a configuration: options by name, then derived facts in dependency order. */
export function computeFacts(
  ruleset: Ruleset,
  configuration: Readonly<Record<string, unknown>>,
): Values {
  const values: Values = new Array<unknown>(ruleset.slotCount)
  for (const [name, slot] of ruleset.optionSlots) values[slot] = configuration[name]
  for (const fact of ruleset.facts) values[fact.slot] = fact.value(values)
  return values
}

/**
 * Calls `fire` for each rule (and each element, for per-element rules) whose conditions hold, in rule
 * order; rules that read an invalid path do not run.
 */
export function runRules(
  ruleset: Ruleset,
  state: { values: Values; invalid: readonly (readonly PathSegment[])[] },
  fire: (rule: CompiledRule, index: number | undefined) => void,
): void {
  const { values, invalid } = state
  for (const rule of ruleset.rules) {
    const forEach = rule.forEach
    if (forEach === undefined) {
      if (invalid.length > 0 && readsTouchAny(rule.reads, invalid)) continue
      if (rule.when(values)) fire(rule, undefined)
      continue
    }
    const list = forEach.list(values)
    if (!Array.isArray(list)) continue
    for (let i = 0; i < list.length; i++) {
      if (invalid.length > 0 && readsTouchAny(rule.reads, invalid, i)) continue
      bindElement(values, forEach.slots, { list, index: i })
      if (rule.when(values)) fire(rule, i)
    }
  }
}

function toBomLine(draft: LineDraft): BomLine {
  const line: BomLine = {
    id: draft.id,
    name: draft.name,
    number: draft.number,
    quantity: formatQuantity(draft),
    custom: draft.custom,
    rules: draft.rules,
    elements: draft.elements,
  }
  if (draft.family !== undefined) line.family = draft.family
  if (draft.spec !== undefined) line.spec = draft.spec
  if (draft.notes !== undefined) line.notes = draft.notes
  return line
}

interface FireInput {
  rule: CompiledRule
  event: CompiledEvent
  element: string | undefined
  elementPath: PathSegment[] | undefined
  values: Values
  lines: Map<string, LineDraft>
  findings: Finding[]
}

/** what firing an event reads besides the event: the catalog, part numbers and custom-part templates */
interface FireContext {
  catalog: Catalog
  numbers: ReadonlyMap<string, string>
  customParts: ReadonlyMap<string, CompiledCustomPart>
}

function createEventFirer(context: FireContext): (input: FireInput) => void {
  return (input) => {
    const { event } = input
    switch (event.type) {
      case 'add':
        fireAdd(context, input, event)
        return
      case 'customPart':
        fireCustomPart(context, input, event)
        return
      case 'error':
      case 'warning':
      case 'notice': {
        const { values } = input
        const hint = event.hint?.fn(values)
        input.findings.push({
          severity: event.type,
          path: event.path.fn(values),
          message: event.message.fn(values),
          rule: input.rule.name,
          ...(hint === undefined ? {} : { hint }),
        })
        return
      }
    }
  }
}

function fireAdd(context: FireContext, input: FireInput, event: CompiledEventAdd): void {
  const { catalog, numbers } = context
  const { values } = input
  const requested = event.item.fn(values)
  const id = catalog.resolve(requested)
  if (id === undefined) {
    ruleFailure(
      input,
      `rule ${input.rule.name} adds ${JSON.stringify(requested)}, which is not in the catalog`,
    )
    return
  }
  const quantity = quantityOf(input, event.quantity(values), id)
  if (quantity === undefined) return
  const item = catalog.get(id)
  const notes = event.notes?.fn(values)
  addLine(
    input,
    {
      id,
      name: item?.name ?? id,
      number: numbers.get(id) ?? numbers.get(requested) ?? null,
      custom: false,
      family: undefined,
      spec: undefined,
      notes,
    },
    quantity,
  )
}

function fireCustomPart(
  context: FireContext,
  input: FireInput,
  event: CompiledEventCustomPart,
): void {
  const { values } = input
  const template = context.customParts.get(event.template) as CompiledCustomPart
  const spec: CustomPartSpec = {}
  const slots: Values = new Array<unknown>(template.slotCount)
  for (const field of event.spec) {
    const value = field.value(values)
    if (!fitsSpecField(field.kind, value)) {
      ruleFailure(
        input,
        `rule ${input.rule.name} gave custom part field ${field.key} the value ${describeValue(value)}; it must be a ${field.kind}`,
      )
      return
    }
    spec[field.key] = value as string | number
    slots[template.fieldSlots[field.key] as number] =
      field.kind === 'number' ? canonicalNumber(value as number) : value
  }
  const id = template.idTemplate.fn(slots)
  if (context.catalog.resolve(id) !== undefined) {
    input.findings.push({
      severity: 'error',
      path: input.element ?? '',
      message: `the custom part id ${JSON.stringify(id)} is already a catalog item; the template ${JSON.stringify(template.key)} must give ids of its own`,
      rule: input.rule.name,
      code: 'custom_part_collision',
    })
    return
  }
  const quantity = quantityOf(input, event.quantity(values), id)
  if (quantity === undefined) return
  addLine(
    input,
    {
      id,
      name: template.nameTemplate.fn(slots),
      number: template.family,
      custom: true,
      family: template.family,
      spec,
      notes: undefined,
    },
    quantity,
  )
}

function ruleFailure(input: FireInput, message: string): void {
  input.findings.push({
    severity: 'error',
    path: input.element ?? '',
    message,
    rule: input.rule.name,
    code: 'rule_failed',
  })
}

function quantityOf(input: FireInput, value: unknown, what: string): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value) && value > 0) return value
  ruleFailure(
    input,
    `rule ${input.rule.name} gave ${what} the quantity ${describeValue(value)}; a quantity must be a positive number`,
  )
  return undefined
}

/** adds to the line of the id (and notes), or starts it; exact decimals once a sum is no safe integer */
function addLine(
  input: FireInput,
  line: Omit<LineDraft, 'rules' | 'elements' | 'quantity' | 'exact'>,
  quantity: number,
): void {
  const key = line.notes === undefined ? line.id : `${line.id}\u0000${line.notes}`
  let draft = input.lines.get(key)
  if (draft === undefined) {
    draft = {
      id: line.id,
      name: line.name,
      number: line.number,
      quantity: 0,
      exact: undefined,
      custom: line.custom,
      family: line.family,
      spec: line.spec,
      notes: line.notes,
      rules: [],
      elements: [],
    }
    input.lines.set(key, draft)
  }
  if (
    draft.exact === undefined &&
    Number.isInteger(quantity) &&
    Number.isSafeInteger(draft.quantity + quantity)
  ) {
    draft.quantity += quantity
  } else {
    draft.exact = (draft.exact ?? new Decimal(draft.quantity)).plus(quantity)
  }
  if (!draft.rules.includes(input.rule.name)) draft.rules.push(input.rule.name)
  if (input.element !== undefined && !draft.elements.includes(input.element))
    draft.elements.push(input.element)
}
