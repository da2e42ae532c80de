/**
 * @torvan/configurator-core: the pure heart of the TORVAN configurator. No I/O: callers hand it data.
 *
 * @packageDocumentation
 */

/** Issues: problems in input data, returned as data. */
export type { Issue, PathSegment, Severity } from './issues.js'
export type { IssueCode } from './issue-codes.js'
export { formatIssue, formatPath, sortIssues } from './issues.js'
export { zodIssues } from './zod-issues.js'

/** Errors: mistakes in how the library is called. */
export type { ConfiguratorErrorCode } from './errors.js'
export { ConfiguratorError } from './errors.js'

/** Did-you-mean suggestions for ids, facts and option values. */
export { didYouMean, suggest } from './text/suggest.js'

/** The catalog: categories, subcategories, parts and assemblies, as a validated in-memory graph. */
export type {
  CatalogData,
  Category,
  Component,
  Item,
  SourceRef,
  Subcategory,
} from './catalog/types.js'
export type { Catalog, CatalogBuildResult, CatalogNode } from './catalog/graph.js'
export { buildCatalog } from './catalog/graph.js'

/** Traversals: exploded trees, flattened part lists and where-used. */
export type {
  BomRoot,
  ExplodedLine,
  FlatLine,
  QuantityInput,
  WhereUsedLine,
} from './catalog/explode.js'
export { explode, flatten, whereUsed } from './catalog/explode.js'

/** Configurations: checking a configuration against a product's options. */
export type { Finding, FindingSeverity } from './findings.js'
export type { ConfigurationLimits } from './configuration/limits.js'
export { DEFAULT_LIMITS } from './configuration/limits.js'

/** Rules: the rule language's schemas, compiling a product's rules, and configuring. */
export type {
  CasesFile,
  Condition,
  CustomPartTemplate,
  NumbersFile,
  ProductFile,
  Rule,
  RuleCase,
  RuleEvent,
  RuleFile,
} from './rules/schema.js'
export type { OptionSpec } from './configuration/option-schema.js'
export type { JsonSchemaObject, ProductOptions } from './configuration/json-schema.js'
export { configurationJsonSchema } from './configuration/json-schema.js'
export { ruleSchemas } from './rules/schema.js'
export type { Ruleset, RulesetCompileResult, RulesetFile, RulesetSource } from './rules/ruleset.js'
export { compileRuleset } from './rules/ruleset.js'
export type {
  CustomOperators,
  DecoratorDefinition,
  OperandType,
  OperatorDefinition,
} from './rules/custom-operators.js'
export type { Configurator, ConfigureResult } from './rules/configure.js'
export type { BomLine, CustomPartSpec } from './bom-line.js'
export { createConfigurator } from './rules/configure.js'
export type { CaseFailure, CasesFileResult } from './rules/cases.js'
export { mergePatch, runRuleCases } from './rules/cases.js'

/** Explanations: what can still be chosen and why, and why a line is (not) in the BOM. */
export type {
  Interval,
  OptionDomain,
  OptionKind,
  OptionsResult,
  OptionsSettings,
  OptionsTruncation,
  Reason,
  RuledOutInterval,
  RuledOutValue,
} from './explain/options.js'
export { DEFAULT_MAX_REASONS, DEFAULT_OPTIONS_BUDGET, options } from './explain/options.js'
export type { OptionsAsyncSettings } from './explain/options-async.js'
export { optionsAsync } from './explain/options-async.js'
export type { AbortSignalLike, Truncation, TruncationReason } from './explain/work-budget.js'
export type { ConditionTrace, ExplainRequest, Explanation, RuleTrace } from './explain/explain.js'
export { DEFAULT_EXPLAIN_BUDGET, explain, explainAsync } from './explain/explain.js'
export type { ConfigurationChange, SuggestedChange } from './explain/why-not.js'
export { DEFAULT_CHANGE_BUDGET } from './explain/why-not.js'
export type { Derivation, DerivationField } from './explain/derivation.js'

/** BOM documents: versioned, hashed, exploded and flattened; diffs, consolidation, cost and exports. */
export { VERSION } from './version.js'
export { canonicalJson, sha256 } from './bom/hash.js'
export type { BomDocument, BomDocumentResult, BomTreeLine } from './bom/document.js'
export {
  createBomDocument,
  explodeLines,
  flattenLines,
  hashCatalog,
  hashLines,
  hashRuleset,
} from './bom/document.js'
export type { BomDiff, LineChanges, QuantityLine } from './bom/diff.js'
export { applyLineChanges, diffBoms, diffLines } from './bom/diff.js'
export type { ConsolidatedBom, ConsolidatedLine } from './bom/consolidate.js'
export { consolidateBoms } from './bom/consolidate.js'
export type { CostLine, CostRollup, PriceList } from './bom/cost.js'
export { PriceListSchema, parsePriceList, rollUpCost } from './bom/cost.js'
export type {
  OrderTerms,
  OrderTotals,
  PricedLine,
  SellingPriceList,
  SinkPrice,
} from './bom/price.js'
export {
  SellingPriceListSchema,
  orderTotals,
  parseSellingPriceList,
  priceSink,
} from './bom/price.js'
export type { CustomPart } from './bom/custom-parts.js'
export { customPartsOf } from './bom/custom-parts.js'
export type { BomRow } from './bom/export.js'
export { bomRows, bomToCsv, bomToText, formatCsv } from './bom/export.js'

/** Product facts: what each product declares for the `when` of its QC and task templates (docs/qc.md). */
export type { FactSpec, ProductFacts } from './facts/types.js'
export { PRODUCT_FACTS } from './facts/product-facts.js'
export type { When, WhenValue } from './facts/when.js'

/** QC templates: the forms as data, inspections of one build, recorded values and scores (docs/qc.md). */
export type {
  QcItem,
  QcItemKind,
  QcKind,
  QcOption,
  QcQuantity,
  QcSection,
  QcTemplate,
  QcTemplateParseResult,
} from './qc/template.js'
export { QC_ITEM_KINDS, QC_KINDS, QcTemplateSchema, parseQcTemplate } from './qc/template.js'
export { qcSchemas } from './production/json-schema.js'
export type { InspectionItem, InspectionOption } from './qc/instantiate.js'
export { instantiateInspection } from './qc/instantiate.js'
export type { QcOutcome, QcRecord, QcValue, RecordResult } from './qc/record.js'
export { NA, recordValue } from './qc/record.js'
export type { InspectionResult, InspectionScore } from './qc/score.js'
export { scoreInspection } from './qc/score.js'
export { compareVersions } from './qc/version.js'

/** Production tasks: task templates as data, one sink's plan, and whether a task may start (docs/qc.md). */
export type {
  TaskTemplate,
  TaskTemplateFile,
  TaskTemplatesParseResult,
  TaskType,
} from './production/tasks.js'
export {
  TASK_DOCUMENT_TYPES,
  TASK_TYPES,
  TaskTemplateFileSchema,
  parseTaskTemplates,
} from './production/tasks.js'
export type { PlannedTask, StartCheck, TaskStatus } from './production/plan.js'
export { canStart, planTasks } from './production/plan.js'
