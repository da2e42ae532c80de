import { describe, expect, expectTypeOf, it } from 'vitest'
import type {
  InspectionItem,
  InspectionScore,
  PlannedTask,
  ProductFacts,
  QcTemplate,
  QcTemplateParseResult,
  QcValue,
  RecordResult,
  StartCheck,
  TaskStatus,
  TaskTemplateFile,
  TaskTemplatesParseResult,
  Catalog,
  CatalogBuildResult,
  ConfiguratorError,
  ConfiguratorErrorCode,
  ExplodedLine,
  FlatLine,
  Issue,
  PathSegment,
  QuantityInput,
  WhereUsedLine,
} from './index.js'
import {
  PRODUCT_FACTS,
  buildCatalog,
  canStart,
  explode,
  flatten,
  instantiateInspection,
  parseQcTemplate,
  parseTaskTemplates,
  planTasks,
  recordValue,
  scoreInspection,
  whereUsed,
} from './index.js'

describe('the public API', () => {
  it('exports exactly these values, so that nothing new leaks out unseen', async () => {
    const api = await import('./index.js')
    expect(Object.keys(api).sort()).toMatchInlineSnapshot(`
      [
        "ConfiguratorError",
        "DEFAULT_CHANGE_BUDGET",
        "DEFAULT_EXPLAIN_BUDGET",
        "DEFAULT_LIMITS",
        "DEFAULT_MAX_REASONS",
        "DEFAULT_OPTIONS_BUDGET",
        "NA",
        "PRODUCT_FACTS",
        "PriceListSchema",
        "QC_ITEM_KINDS",
        "QC_KINDS",
        "QcTemplateSchema",
        "SellingPriceListSchema",
        "TASK_DOCUMENT_TYPES",
        "TASK_TYPES",
        "TaskTemplateFileSchema",
        "VERSION",
        "applyLineChanges",
        "bomRows",
        "bomToCsv",
        "bomToText",
        "buildCatalog",
        "canStart",
        "canonicalJson",
        "compareVersions",
        "compileRuleset",
        "configurationJsonSchema",
        "consolidateBoms",
        "createBomDocument",
        "createConfigurator",
        "customPartsOf",
        "didYouMean",
        "diffBoms",
        "diffLines",
        "explain",
        "explainAsync",
        "explode",
        "explodeLines",
        "flatten",
        "flattenLines",
        "formatCsv",
        "formatIssue",
        "formatPath",
        "hashCatalog",
        "hashLines",
        "hashRuleset",
        "instantiateInspection",
        "mergePatch",
        "options",
        "optionsAsync",
        "orderTotals",
        "parsePriceList",
        "parseQcTemplate",
        "parseSellingPriceList",
        "parseTaskTemplates",
        "planTasks",
        "priceSink",
        "qcSchemas",
        "recordValue",
        "rollUpCost",
        "ruleSchemas",
        "runRuleCases",
        "scoreInspection",
        "sha256",
        "sortIssues",
        "suggest",
        "whereUsed",
        "zodIssues",
      ]
    `)
  })

  it('types the catalog functions', () => {
    expectTypeOf(buildCatalog).parameter(0).toBeUnknown()
    expectTypeOf(buildCatalog).returns.toEqualTypeOf<CatalogBuildResult>()
    expectTypeOf<CatalogBuildResult>().toEqualTypeOf<{
      catalog: Catalog
      issues: Issue[]
      ok: boolean
    }>()
    expectTypeOf(explode).parameters.toEqualTypeOf<
      [catalog: Catalog, id: string, quantity?: QuantityInput]
    >()
    expectTypeOf(explode).returns.toEqualTypeOf<ExplodedLine>()
    expectTypeOf(flatten).returns.toEqualTypeOf<FlatLine[]>()
    expectTypeOf(whereUsed).returns.toEqualTypeOf<WhereUsedLine[]>()
    expectTypeOf<QuantityInput>().toEqualTypeOf<number | string>()
    expectTypeOf<ExplodedLine['quantity']>().toBeString()
    expectTypeOf<ExplodedLine>().toHaveProperty('notes').toEqualTypeOf<string | undefined>()
  })

  it('types issues and errors', () => {
    expectTypeOf<Issue['path']>().toEqualTypeOf<PathSegment[]>()
    expectTypeOf<PathSegment>().toEqualTypeOf<string | number>()
    expectTypeOf<Issue['severity']>().toEqualTypeOf<'error' | 'warning'>()
    expectTypeOf<ConfiguratorError['code']>().toEqualTypeOf<ConfiguratorErrorCode>()
    expectTypeOf<ConfiguratorErrorCode>().toEqualTypeOf<
      'unknown_item' | 'cycle' | 'invalid_argument'
    >()
    expectTypeOf<ConfiguratorError>().toExtend<Error>()
  })

  it('types the QC and production-task functions', () => {
    expectTypeOf(parseQcTemplate).parameter(0).toBeUnknown()
    expectTypeOf(parseQcTemplate).returns.toEqualTypeOf<QcTemplateParseResult>()
    expectTypeOf<QcTemplateParseResult>().toEqualTypeOf<{
      template: QcTemplate | undefined
      issues: Issue[]
    }>()
    expectTypeOf<QcTemplate['product']>().toEqualTypeOf<string>()
    expectTypeOf(PRODUCT_FACTS).toEqualTypeOf<Readonly<Record<string, ProductFacts>>>()
    expectTypeOf(instantiateInspection).parameter(0).toEqualTypeOf<QcTemplate>()
    expectTypeOf(instantiateInspection).returns.toEqualTypeOf<InspectionItem[]>()
    expectTypeOf(recordValue).parameters.toEqualTypeOf<[item: InspectionItem, value: QcValue]>()
    expectTypeOf(recordValue).returns.toEqualTypeOf<RecordResult>()
    expectTypeOf(scoreInspection).returns.toEqualTypeOf<InspectionScore>()
    expectTypeOf<InspectionScore['result']>().toEqualTypeOf<
      'PASS' | 'FAIL' | 'CONDITIONAL_PASS' | 'INCOMPLETE'
    >()
    expectTypeOf(parseTaskTemplates).returns.toEqualTypeOf<TaskTemplatesParseResult>()
    expectTypeOf(planTasks).parameters.toEqualTypeOf<
      [templates: TaskTemplateFile, configuration: unknown]
    >()
    expectTypeOf(planTasks).returns.toEqualTypeOf<PlannedTask[]>()
    expectTypeOf(canStart).parameter(1).toEqualTypeOf<Readonly<Record<string, TaskStatus>>>()
    expectTypeOf(canStart).returns.toEqualTypeOf<StartCheck>()
  })
})
