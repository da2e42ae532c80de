import { baseName } from '../util.js'
import type { Catalog } from '../catalog/graph.js'
import type { ConfigurationLimits } from '../configuration/limits.js'
import { DEFAULT_LIMITS, modelDepth, resolveLimits } from '../configuration/limits.js'
import type { Issue, PathSegment } from '../issues.js'
import { sortIssues } from '../issues.js'
import { didYouMean } from '../text/suggest.js'
import { zodIssues } from '../zod-issues.js'
import type {
  CompiledTemplate,
  Compiled,
  FactDef,
  Getter,
  LeafInfo,
  Predicate,
  Scope,
} from './compile.js'
import { Compiler } from './compile.js'
import type { ReadPattern } from './read-pattern.js'
import { CURRENT_INDEX } from './read-pattern.js'
import { isObject } from '../util.js'
import type { CustomOperators } from './custom-operators.js'
import { checkCustomOperators } from './custom-operators.js'
import { DECORATOR_NAMES, OPERATOR_NAMES } from './operators.js'
import type { CustomPartTemplate, ProductFile, Rule, RuleEvent } from './schema.js'
import type { OptionSpec } from '../configuration/option-schema.js'
import { NumbersFileSchema, ProductFileSchema, RuleFileSchema, RuleSchema } from './schema.js'
import { z } from 'zod'

const RuleFileEnvelopeSchema = RuleFileSchema.extend({ rules: z.array(z.unknown()) })
import { exclusiveIssues } from './exclusive.js'
import { unreachableIssues } from './reachability.js'
import { NUMBER, STRING, shapeOfOption } from './shape.js'
import { templateTexts } from './template-domain.js'

/** A JSON file of a ruleset as the loader read it: its display name and parsed content. */
export interface RulesetFile {
  file: string
  content: unknown
}

/** The files of one product's rules folder. */
export interface RulesetSource {
  product: RulesetFile
  numbers?: RulesetFile | undefined
  rules: RulesetFile[]
}

export interface CompiledEventAdd {
  type: 'add'
  item: CompiledTemplate
  quantity: Getter
  notes: CompiledTemplate | undefined
}
export interface CompiledEventCustomPart {
  type: 'customPart'
  template: string
  spec: { key: string; kind: 'number' | 'string'; value: Getter }[]
  quantity: Getter
}
interface CompiledEventFinding {
  type: 'error' | 'warning' | 'notice'
  path: CompiledTemplate
  message: CompiledTemplate
  hint: CompiledTemplate | undefined
}
export type CompiledEvent = CompiledEventAdd | CompiledEventCustomPart | CompiledEventFinding

/** One rule, compiled. */
export interface CompiledRule {
  name: string
  file: string
  /** its position in the file's `rules` */
  index: number
  /** the rule as written, for the reference engine and explanations */
  source: Rule
  forEach:
    | {
        list: Getter
        slots: [number, number, number]
        /** the configuration path of the list, e.g. `basins`, when it is an option */
        configPath: PathSegment[] | undefined
      }
    | undefined
  when: Predicate
  reads: ReadPattern[]
  events: CompiledEvent[]
}

/** A derived fact, compiled. */
export interface CompiledFact {
  name: string
  slot: number
  value: Getter
  reads: ReadPattern[]
}

/** A custom-part template, compiled over its spec fields. */
export interface CompiledCustomPart extends CustomPartTemplate {
  key: string
  idTemplate: CompiledTemplate
  nameTemplate: CompiledTemplate
  fieldSlots: Readonly<Record<string, number>>
  slotCount: number
}

/** A product's rules, checked and compiled once; give it to {@link createConfigurator}. */
export interface Ruleset {
  product: string
  name: string | undefined
  version: string | undefined
  options: Readonly<Record<string, OptionSpec>>
  /** the product model's limits on configurations, defaults filled in */
  limits: Readonly<ConfigurationLimits>
  numbers: ReadonlyMap<string, string>
  optionSlots: readonly (readonly [string, number])[]
  facts: readonly CompiledFact[]
  rules: readonly CompiledRule[]
  customParts: ReadonlyMap<string, CompiledCustomPart>
  slotCount: number
  /** the sources, for hashing and for the reference engine */
  source: RulesetSource
  /** the developer's operators and decorators the rules were compiled with (explain() traces them) */
  customOperators: CustomOperators
}

/**
 * The result of {@link compileRuleset}: the ruleset when there is no error, and every issue. After
 * checking `ok`, `ruleset` is a `Ruleset`, not `Ruleset | undefined`.
 */
export type RulesetCompileResult =
  | { ok: true; ruleset: Ruleset; issues: Issue[] }
  | { ok: false; ruleset: undefined; issues: Issue[] }

/** Fact names an expression mentions, found without compiling it (for ordering derived facts). */
function mentionedFacts(node: unknown, out: Set<string>): void {
  if (Array.isArray(node)) {
    for (const child of node) mentionedFacts(child, out)
    return
  }
  if (!isObject(node)) return
  for (const [key, value] of Object.entries(node)) {
    if ((key === 'fact' || key === 'list') && typeof value === 'string') out.add(value)
    else if (key === 'format' && typeof value === 'string') {
      for (const match of value.matchAll(/\{([A-Za-z_$][A-Za-z0-9_$]*)/g))
        out.add(match[1] as string)
    } else mentionedFacts(value, out)
  }
}

const DEFAULT_QUANTITY: Getter = () => 1

/** rule files in the order product.json declares, then the rest by name */
function inDeclaredOrder(
  files: readonly RulesetFile[],
  declared: readonly string[],
): RulesetFile[] {
  const rank = (file: RulesetFile) => {
    const index = declared.indexOf(baseName(file.file))
    return index < 0 ? declared.length : index
  }
  return [...files].sort(
    (a, b) => rank(a) - rank(b) || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0),
  )
}

/**
 * Checks and compiles a product's rules: the product model, derived facts, every rule file and the
 * 700-series numbers. Every problem comes back at once with its file and JSON path; with a catalog,
 * item ids are checked too (templates are checked for every value their facts can take). A developer's
 * `operators` and `decorators` (declared with their operand types) join the built-in ones: rules may
 * use them, `rules check` checks their operands, and they run compiled like the rest.
 *
 * @example
 * const { ruleset, issues } = compileRuleset(source, { catalog })
 * @example
 * compileRuleset(source, { operators: { within: { fact: 'number', value: 'list', compare: (n: number, [lo, hi]: [number, number]) => lo <= n && n <= hi } } })
 * @see docs/rules.md#custom-operators
 * if (ruleset === undefined) console.error(issues.map(formatIssue).join('\n'))
 */
export function compileRuleset(
  source: RulesetSource,
  options: { catalog?: Catalog } & CustomOperators = {},
): RulesetCompileResult {
  const customOperators: CustomOperators = {}
  if (options.operators !== undefined) customOperators.operators = options.operators
  if (options.decorators !== undefined) customOperators.decorators = options.decorators
  checkCustomOperators('compileRuleset()', customOperators, {
    operators: OPERATOR_NAMES,
    decorators: DECORATOR_NAMES,
  })
  const issues: Issue[] = []
  const productFile = source.product.file
  const parsedProduct = ProductFileSchema.safeParse(source.product.content, { reportInput: true })
  if (!parsedProduct.success) {
    issues.push(
      ...zodIssues(parsedProduct.error.issues, {
        file: productFile,
        parsed: { schema: ProductFileSchema, input: source.product.content },
      }),
    )
    return { ruleset: undefined, issues: sortIssues(issues), ok: false }
  }
  const product: ProductFile = parsedProduct.data
  const limits = resolveLimits(product.limits)
  const depth = modelDepth(product.options)
  if (limits.maxDepth < depth) {
    issues.push({
      code: 'limit_too_low',
      severity: 'error',
      file: productFile,
      path: ['limits', 'maxDepth'],
      message: `limits.maxDepth is ${limits.maxDepth}, but the options nest ${depth} levels deep: every configuration would be refused`,
      hint: `set it to ${depth} or more, or leave it out (default ${DEFAULT_LIMITS.maxDepth})`,
    })
  }

  // options are facts of the same name
  const productCompiler = new Compiler(productFile, 0)
  productCompiler.customOperators = customOperators
  const scope = new Map<string, FactDef>()
  const optionSlots: (readonly [string, number])[] = []
  for (const [name, option] of Object.entries(product.options)) {
    const slot = productCompiler.allocate()
    scope.set(name, { name, slot, shape: shapeOfOption(option), reads: [[name]] })
    optionSlots.push([name, slot])
  }

  // derived facts, each compiled after the facts it uses
  const facts = compileFacts(productCompiler, { product, scope })
  issues.push(...productCompiler.issues)

  // custom-part templates compile over their spec fields
  const customParts = compileCustomParts(product, { productFile, customOperators, issues })

  // rules
  const { rules, fileLeaves, nextSlot } = compileRuleFiles(source, {
    product,
    scope,
    customParts,
    customOperators,
    issues,
    firstSlot: productCompiler.slotCount,
  })

  issues.push(...ruleFileIssues(product.ruleFiles ?? [], { source, productFile }))

  // 700-series numbers
  const numbers = compileNumbers(source, issues)

  if (options.catalog !== undefined) {
    issues.push(
      ...checkAgainstCatalog({
        catalog: options.catalog,
        product,
        productFile,
        rules,
        numbers,
        numbersFile: source.numbers?.file,
      }),
    )
  }

  const ruleset: Ruleset = {
    product: product.product,
    name: product.name,
    version: product.version,
    options: product.options,
    limits,
    numbers,
    optionSlots,
    facts,
    rules,
    customParts,
    slotCount: nextSlot,
    source,
    customOperators,
  }
  if (product.exclusive !== undefined && !issues.some((issue) => issue.severity === 'error')) {
    issues.push(
      ...exclusiveIssues({
        ruleset,
        groups: product.exclusive,
        productFile,
        catalog: options.catalog,
        files: fileLeaves,
      }),
    )
  }
  const sorted = sortIssues(issues)
  return sorted.some((issue) => issue.severity === 'error')
    ? { ok: false, ruleset: undefined, issues: sorted }
    : { ok: true, ruleset, issues: sorted }
}

/** the derived facts, each compiled after the facts it uses; a fact that uses itself is an error */
function compileFacts(
  productCompiler: Compiler,
  at: { product: ProductFile; scope: Map<string, FactDef> },
): CompiledFact[] {
  const { product, scope } = at
  const facts: CompiledFact[] = []
  const declared = product.facts ?? {}
  const state = new Map<string, 'compiling' | 'done'>()
  const compileFact = (name: string, chain: string[]): void => {
    if (state.get(name) === 'done') return
    if (state.get(name) === 'compiling') {
      const loop = [...chain.slice(chain.indexOf(name)), name]
      productCompiler.error(
        ['facts', name, 'value'],
        'fact_cycle',
        `fact ${JSON.stringify(name)} depends on itself: ${loop.join(' → ')}`,
      )
      return
    }
    state.set(name, 'compiling')
    const definition = declared[name]
    const mentioned = new Set<string>()
    mentionedFacts(definition?.value, mentioned)
    for (const other of [...mentioned].sort()) {
      if (Object.hasOwn(declared, other) && !scope.has(other)) compileFact(other, [...chain, name])
    }
    if (scope.has(name) && !Object.hasOwn(declared, name)) return
    if (product.options[name] !== undefined) {
      productCompiler.error(
        ['facts', name],
        'shadowed_fact',
        `fact ${JSON.stringify(name)} has the name of an option; choose another name`,
      )
    }
    const compiled = productCompiler.expression(definition?.value, ['facts', name, 'value'], scope)
    const slot = productCompiler.allocate()
    scope.set(name, { name, slot, shape: compiled.shape, reads: compiled.reads })
    facts.push({ name, slot, value: compiled.fn, reads: compiled.reads })
    state.set(name, 'done')
  }
  for (const name of Object.keys(declared).sort()) compileFact(name, [])
  return facts
}

/** the custom-part templates, compiled over their spec fields */
function compileCustomParts(
  product: ProductFile,
  at: { productFile: string; customOperators: CustomOperators; issues: Issue[] },
): Map<string, CompiledCustomPart> {
  const { productFile, customOperators, issues } = at
  const customParts = new Map<string, CompiledCustomPart>()
  for (const [key, template] of Object.entries(product.customParts ?? {})) {
    const compiler = new Compiler(productFile, 0)
    compiler.customOperators = customOperators
    const fieldScope = new Map<string, FactDef>()
    const fieldSlots: Record<string, number> = {}
    for (const [field, kind] of Object.entries(template.spec)) {
      const slot = compiler.allocate()
      fieldSlots[field] = slot
      fieldScope.set(field, {
        name: field,
        slot,
        shape: kind === 'number' ? NUMBER : STRING,
        reads: [],
      })
    }
    const idTemplate = compiler.template(template.id, ['customParts', key, 'id'], fieldScope)
    const nameTemplate = compiler.template(template.name, ['customParts', key, 'name'], fieldScope)
    issues.push(...compiler.issues)
    customParts.set(key, {
      ...template,
      key,
      idTemplate,
      nameTemplate,
      fieldSlots,
      slotCount: compiler.slotCount,
    })
  }
  return customParts
}

type FileLeaves = Map<
  string,
  { leaves: ReadonlyMap<string, LeafInfo>; shared: ReadonlyMap<string, unknown> }
>

/** every rule file in the declared order: its envelope first, then each rule on its own */
function compileRuleFiles(
  source: RulesetSource,
  at: {
    product: ProductFile
    scope: Scope
    customParts: ReadonlyMap<string, CompiledCustomPart>
    customOperators: CustomOperators
    issues: Issue[]
    firstSlot: number
  },
): { rules: CompiledRule[]; fileLeaves: FileLeaves; nextSlot: number } {
  const { issues } = at
  const rules: CompiledRule[] = []
  const ruleNames = new Map<string, string>()
  const fileLeaves: FileLeaves = new Map()
  let nextSlot = at.firstSlot
  for (const { file, content } of inDeclaredOrder(source.rules, at.product.ruleFiles ?? [])) {
    // the file's envelope first, then each rule on its own so that one bad rule hides no other
    const envelope = RuleFileEnvelopeSchema.safeParse(content, { reportInput: true })
    if (!envelope.success) {
      issues.push(
        ...zodIssues(envelope.error.issues, {
          file,
          parsed: { schema: RuleFileEnvelopeSchema, input: content },
        }),
      )
      continue
    }
    const compiler = new Compiler(file, nextSlot)
    compiler.customOperators = at.customOperators
    compiler.sharedConditions = new Map(Object.entries(envelope.data.conditions ?? {}))
    envelope.data.rules.forEach((raw, index) => {
      const rule = parseRule(compiler, { raw, index, ruleNames, issues })
      if (rule === undefined) return
      const compiledRule = compileRule(compiler, {
        rule,
        at: ['rules', index],
        index,
        scope: at.scope,
        customParts: at.customParts,
        file,
      })
      if (compiledRule !== undefined) rules.push(compiledRule)
    })
    nextSlot = compiler.slotCount
    issues.push(...compiler.issues)
    fileLeaves.set(file, { leaves: compiler.leaves, shared: compiler.sharedConditions })
    issues.push(
      ...unreachableIssues({
        file,
        leaves: compiler.leaves,
        shared: compiler.sharedConditions,
        rules: rules
          .filter((rule) => rule.file === file)
          .map((rule) => ({
            name: rule.name,
            index: rule.index,
            conditions: rule.source.conditions,
          })),
        errors: compiler.issues.filter((i) => i.severity === 'error').map((i) => i.path),
      }),
    )
  }
  return { rules, fileLeaves, nextSlot }
}

/** one rule checked against its schema, with its name unique and no priority */
function parseRule(
  compiler: Compiler,
  at: { raw: unknown; index: number; ruleNames: Map<string, string>; issues: Issue[] },
): Rule | undefined {
  const { raw, ruleNames } = at
  const { file } = compiler
  const path: PathSegment[] = ['rules', at.index]
  const parsed = RuleSchema.safeParse(raw, { reportInput: true })
  if (!parsed.success) {
    at.issues.push(
      ...zodIssues(parsed.error.issues, {
        file,
        basePath: path,
        parsed: { schema: RuleSchema, input: raw },
      }),
    )
    return undefined
  }
  const rule = parsed.data
  const first = ruleNames.get(rule.name)
  if (first !== undefined) {
    compiler.error(
      [...path, 'name'],
      'duplicate_rule',
      `rule name ${JSON.stringify(rule.name)} is already used in ${first}`,
    )
  } else ruleNames.set(rule.name, file)
  if (rule.priority !== undefined) {
    compiler.warn([...path, 'priority'], 'priority_ignored', {
      message:
        'priority has no effect here: every rule runs, and lines and findings come in the order of ruleFiles and of the rules in each file',
      hint: 'order the rules instead, and remove "priority"',
    })
  }
  return rule
}

/** the 700-series numbers, by id */
function compileNumbers(source: RulesetSource, issues: Issue[]): Map<string, string> {
  const numbers = new Map<string, string>()
  if (source.numbers === undefined) return numbers
  const parsed = NumbersFileSchema.safeParse(source.numbers.content, { reportInput: true })
  if (!parsed.success)
    issues.push(
      ...zodIssues(parsed.error.issues, {
        file: source.numbers.file,
        parsed: { schema: NumbersFileSchema, input: source.numbers.content },
      }),
    )
  else for (const [id, number] of Object.entries(parsed.data.numbers)) numbers.set(id, number)
  return numbers
}

function compileRule(
  compiler: Compiler,
  input: {
    rule: Rule
    at: PathSegment[]
    index: number
    scope: Scope
    customParts: ReadonlyMap<string, CompiledCustomPart>
    file: string
  },
): CompiledRule | undefined {
  const { rule, at, customParts, file } = input
  let scope = input.scope
  let forEach: CompiledRule['forEach']
  const reads: ReadPattern[] = []
  if (rule.forEach !== undefined) {
    const bound = compiler.iteration(rule.forEach, [...at, 'forEach'], {
      scope,
      elementIndex: CURRENT_INDEX,
    })
    if (bound === undefined) return undefined
    scope = bound.scope
    reads.push(...bound.list.reads)
    const listName = typeof rule.forEach.list === 'string' ? rule.forEach.list : undefined
    const option = listName === undefined ? undefined : input.scope.get(listName)
    const configPath =
      option !== undefined && option.reads.length === 1 && option.reads[0]?.length === 1
        ? [listName as string]
        : undefined
    forEach = { list: bound.list.fn, slots: bound.slots, configPath }
  }
  const when = compiler.condition(rule.conditions, [...at, 'conditions'], scope)
  reads.push(...when.reads)
  const declared: RuleEvent[] = [
    ...(rule.event === undefined ? [] : [rule.event]),
    ...(rule.events ?? []),
  ]
  if (declared.length === 0) {
    compiler.error(
      at,
      'missing_event',
      'a rule needs an "event" (or a list of "events") that says what happens',
    )
  }
  if (rule.event !== undefined && rule.events !== undefined) {
    compiler.error(at, 'malformed_rule', 'a rule has "event" or "events", not both')
  }
  const events: CompiledEvent[] = []
  declared.forEach((event, position) => {
    const eventAt =
      rule.event !== undefined && position === 0
        ? [...at, 'event']
        : [...at, 'events', rule.event === undefined ? position : position - 1]
    const compiled = compileEvent(compiler, {
      event,
      at: [...eventAt, 'params'],
      scope,
      customParts,
    })
    if (compiled !== undefined) {
      events.push(compiled.event)
      reads.push(...compiled.reads)
    }
  })
  return {
    name: rule.name,
    file,
    index: input.index,
    source: rule,
    forEach,
    when: when.fn,
    reads,
    events,
  }
}

function compileQuantity(
  compiler: Compiler,
  quantity: unknown,
  where: { at: PathSegment[]; scope: Scope },
): Compiled<Getter> {
  const { at, scope } = where
  if (quantity === undefined) return { fn: DEFAULT_QUANTITY, reads: [] }
  if (typeof quantity === 'number' && !(quantity > 0 && Number.isFinite(quantity))) {
    compiler.error(
      at,
      'invalid_quantity',
      `a quantity must be a positive number, received ${quantity}`,
    )
  }
  return compiler.expression(quantity, at, scope)
}

function compileEvent(
  compiler: Compiler,
  input: {
    event: RuleEvent
    at: PathSegment[]
    scope: Scope
    customParts: ReadonlyMap<string, CompiledCustomPart>
  },
): { event: CompiledEvent; reads: ReadPattern[] } | undefined {
  const { event, at, scope } = input
  switch (event.type) {
    case 'add': {
      const item = compiler.template(event.params.item, [...at, 'item'], scope)
      const quantity = compileQuantity(compiler, event.params.quantity, {
        at: [...at, 'quantity'],
        scope,
      })
      const notes =
        event.params.notes === undefined
          ? undefined
          : compiler.template(event.params.notes, [...at, 'notes'], scope)
      return {
        event: { type: 'add', item, quantity: quantity.fn, notes },
        reads: [...item.reads, ...quantity.reads, ...(notes?.reads ?? [])],
      }
    }
    case 'customPart': {
      const template = input.customParts.get(event.params.template)
      if (template === undefined) {
        compiler.error([...at, 'template'], 'unknown_template', {
          message: `no custom-part template ${JSON.stringify(event.params.template)} in product.json`,
          hint: didYouMean(event.params.template, input.customParts.keys()),
        })
        return undefined
      }
      const spec: CompiledEventCustomPart['spec'] = []
      const reads: ReadPattern[] = []
      for (const key of Object.keys(event.params.spec)) {
        if (template.spec[key] === undefined) {
          compiler.error([...at, 'spec', key], 'unknown_key', {
            message: `template ${JSON.stringify(template.key)} has no spec field ${JSON.stringify(key)}`,
            hint: didYouMean(key, Object.keys(template.spec)),
          })
        }
      }
      for (const [key, kind] of Object.entries(template.spec)) {
        if (!Object.hasOwn(event.params.spec, key)) {
          compiler.error(
            [...at, 'spec'],
            'missing_field',
            `template ${JSON.stringify(template.key)} needs spec field ${JSON.stringify(key)}`,
          )
          continue
        }
        const value = compiler.expression(event.params.spec[key], [...at, 'spec', key], scope)
        spec.push({ key, kind, value: value.fn })
        reads.push(...value.reads)
      }
      const quantity = compileQuantity(compiler, event.params.quantity, {
        at: [...at, 'quantity'],
        scope,
      })
      return {
        event: { type: 'customPart', template: template.key, spec, quantity: quantity.fn },
        reads: [...reads, ...quantity.reads],
      }
    }
    case 'error':
    case 'warning':
    case 'notice': {
      const path = compiler.template(event.params.path, [...at, 'path'], scope)
      const message = compiler.template(event.params.message, [...at, 'message'], scope)
      const hint =
        event.params.hint === undefined
          ? undefined
          : compiler.template(event.params.hint, [...at, 'hint'], scope)
      return {
        event: { type: event.type, path, message, hint },
        reads: [...path.reads, ...message.reads, ...(hint?.reads ?? [])],
      }
    }
  }
}

function checkAgainstCatalog(input: {
  catalog: Catalog
  product: ProductFile
  productFile: string
  rules: readonly CompiledRule[]
  numbers: ReadonlyMap<string, string>
  numbersFile: string | undefined
}): Issue[] {
  const { catalog } = input
  const issues: Issue[] = []
  const subcategories = new Set(catalog.subcategories.map((s) => s.code))
  const visitOption = (option: OptionSpec, at: PathSegment[]): void => {
    switch (option.type) {
      case 'item':
        option.subcategories?.forEach((code, i) => {
          if (!subcategories.has(code)) {
            issues.push({
              code: 'unknown_subcategory',
              severity: 'error',
              file: input.productFile,
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
              file: input.productFile,
              path: [...at, 'include', i],
              message: `item ${JSON.stringify(id)} is not in the catalog`,
              ...hintFor(id, catalog.ids()),
            })
          }
        })
        return
      case 'object':
        for (const [key, property] of Object.entries(option.properties))
          visitOption(property, [...at, 'properties', key])
        return
      case 'list':
        visitOption(option.items, [...at, 'items'])
        return
      case 'oneOf':
        option.variants.forEach((variant, i) => {
          visitOption(variant, [...at, 'variants', i])
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
  for (const [name, option] of Object.entries(input.product.options))
    visitOption(option, ['options', name])

  for (const rule of input.rules) {
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
  }
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

function hintFor(value: string, candidates: Iterable<string>): { hint?: string } {
  const hint = didYouMean(value, candidates)
  return hint === undefined ? {} : { hint }
}

/** entries of `ruleFiles` that name no rule file of the folder (that file would silently not load) */
function ruleFileIssues(
  declared: readonly string[],
  where: { source: RulesetSource; productFile: string },
): Issue[] {
  const present = where.source.rules.map((rule) => baseName(rule.file))
  const issues: Issue[] = []
  declared.forEach((name, i) => {
    const at: PathSegment[] = ['ruleFiles', i]
    if (declared.indexOf(name) < i) {
      issues.push({
        code: 'duplicate_rule_file',
        severity: 'error',
        file: where.productFile,
        path: at,
        message: `${JSON.stringify(name)} is listed twice; each rule file has one place in the BOM order`,
      })
      return
    }
    if (present.includes(name)) return
    const hint =
      didYouMean(name, present) ??
      (present.length === 0 ? undefined : `the rule files here: ${present.join(', ')}`)
    issues.push({
      code: 'unknown_rule_file',
      severity: 'error',
      file: where.productFile,
      path: at,
      message: `${JSON.stringify(name)} is not a rule file of this product, so ruleFiles loads nothing for it`,
      ...(hint === undefined ? {} : { hint }),
    })
  })
  return issues
}
