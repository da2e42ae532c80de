import type { Catalog } from '../catalog/graph.js'
import type { ConfigurationLimits } from '../configuration/limits.js'
import { DEFAULT_LIMITS, modelDepth, resolveLimits } from '../configuration/limits.js'
import type { OptionSpec } from '../configuration/option-schema.js'
import type { Issue, PathSegment } from '../issues.js'
import { sortIssues } from '../issues.js'
import { zodIssues } from '../zod-issues.js'
import { checkAgainstCatalog } from './catalog-check.js'
import type { CompiledTemplate, FactDef, Getter, Predicate } from './compile.js'
import { Compiler } from './compile.js'
import type { CustomOperators } from './custom-operators.js'
import { checkCustomOperators } from './custom-operators.js'
import { compileCustomParts } from './custom-part-templates.js'
import { compileFacts } from './derived-facts.js'
import { exclusiveIssues } from './exclusive.js'
import { DECORATOR_NAMES, OPERATOR_NAMES } from './operators.js'
import type { ReadPattern } from './read-pattern.js'
import type { FileLeaves } from './rule-files.js'
import { compileRuleFiles, ruleFileIssues } from './rule-files.js'
import type { CustomPartTemplate, ProductFile, Rule } from './schema.js'
import { NumbersFileSchema, ProductFileSchema } from './schema.js'
import { shapeOfOption } from './shape.js'

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
  const customOperators = checkedOperators(options)
  const issues: Issue[] = []
  const productFile = source.product.file
  const parsed = parseProduct(source.product, issues)
  if (parsed === undefined) return { ruleset: undefined, issues: sortIssues(issues), ok: false }
  const { product, limits } = parsed

  // options are facts of the same name
  const productCompiler = new Compiler(productFile, 0)
  productCompiler.customOperators = customOperators
  const { scope, optionSlots } = optionFacts(productCompiler, product)

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
  checkCompiled(ruleset, { catalog: options.catalog, product, fileLeaves, issues })
  const sorted = sortIssues(issues)
  return sorted.some((issue) => issue.severity === 'error')
    ? { ok: false, ruleset: undefined, issues: sorted }
    : { ok: true, ruleset, issues: sorted }
}

/** the compiled rules against the catalog, then (when nothing failed) the exclusive groups */
function checkCompiled(
  ruleset: Ruleset,
  at: {
    catalog: Catalog | undefined
    product: ProductFile
    fileLeaves: FileLeaves
    issues: Issue[]
  },
): void {
  const { catalog, product, issues } = at
  const productFile = ruleset.source.product.file
  if (catalog !== undefined) {
    issues.push(
      ...checkAgainstCatalog({
        catalog,
        product,
        productFile,
        rules: ruleset.rules,
        numbers: ruleset.numbers,
        numbersFile: ruleset.source.numbers?.file,
      }),
    )
  }
  if (product.exclusive !== undefined && !issues.some((issue) => issue.severity === 'error')) {
    issues.push(
      ...exclusiveIssues({
        ruleset,
        groups: product.exclusive,
        productFile,
        catalog,
        files: at.fileLeaves,
      }),
    )
  }
}

/** the developer's operators and decorators, checked (a programmer error throws) */
function checkedOperators(options: CustomOperators): CustomOperators {
  const customOperators: CustomOperators = {}
  if (options.operators !== undefined) customOperators.operators = options.operators
  if (options.decorators !== undefined) customOperators.decorators = options.decorators
  checkCustomOperators('compileRuleset()', customOperators, {
    operators: OPERATOR_NAMES,
    decorators: DECORATOR_NAMES,
  })
  return customOperators
}

/** product.json checked against its schema, and its limits against the options' depth */
function parseProduct(
  file: RulesetFile,
  issues: Issue[],
): { product: ProductFile; limits: ConfigurationLimits } | undefined {
  const parsedProduct = ProductFileSchema.safeParse(file.content, { reportInput: true })
  if (!parsedProduct.success) {
    issues.push(
      ...zodIssues(parsedProduct.error.issues, {
        file: file.file,
        parsed: { schema: ProductFileSchema, input: file.content },
      }),
    )
    return undefined
  }
  const product: ProductFile = parsedProduct.data
  const limits = resolveLimits(product.limits)
  const depth = modelDepth(product.options)
  if (limits.maxDepth < depth) {
    issues.push({
      code: 'limit_too_low',
      severity: 'error',
      file: file.file,
      path: ['limits', 'maxDepth'],
      message: `limits.maxDepth is ${limits.maxDepth}, but the options nest ${depth} levels deep: every configuration would be refused`,
      hint: `set it to ${depth} or more, or leave it out (default ${DEFAULT_LIMITS.maxDepth})`,
    })
  }
  return { product, limits }
}

/** every option as a fact of its name, each in its own slot */
function optionFacts(
  productCompiler: Compiler,
  product: ProductFile,
): { scope: Map<string, FactDef>; optionSlots: (readonly [string, number])[] } {
  const scope = new Map<string, FactDef>()
  const optionSlots: (readonly [string, number])[] = []
  for (const [name, option] of Object.entries(product.options)) {
    const slot = productCompiler.allocate()
    scope.set(name, { name, slot, shape: shapeOfOption(option), reads: [[name]] })
    optionSlots.push([name, slot])
  }
  return { scope, optionSlots }
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
