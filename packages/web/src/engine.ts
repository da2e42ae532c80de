import type {
  BomTreeLine,
  Catalog,
  CatalogData,
  Configurator,
  ConfigureResult,
  CostRollup,
  FlatLine,
  Issue,
  OptionDomain,
  OptionsResult,
  PriceList,
  Ruleset,
  RulesetSource,
} from '@torvan/configurator-core'
import {
  buildCatalog,
  compileRuleset,
  createConfigurator,
  explodeLines,
  flattenLines,
  hashRuleset,
  options,
  rollUpCost,
} from '@torvan/configurator-core'
import type { Field } from './form.js'
import { fieldPaths, formOf, placeFindings, withValue } from './form.js'

/** What GET /model answers: the inputs the core compiles in the browser. */
export interface ModelPayload {
  product: string
  catalogHash: string
  rulesetHash: string
  rulesetId: number
  rulesetVersion: number
  catalog: CatalogData
  rules: RulesetSource
  priceList?: PriceList
}

/** The core, compiled once from the model: everything an update needs. */
export interface Engine {
  model: ModelPayload
  catalog: Catalog
  ruleset: Ruleset
  configurator: Configurator
  form: Field[]
  /** the locally computed ruleset hash equals the server's */
  hashMatches: boolean
}

/** Builds the catalog and compiles the rules of a model; the issues when they do not compile. */
export function createEngine(model: ModelPayload): { engine?: Engine; issues: Issue[] } {
  const built = buildCatalog(model.catalog)
  if (!built.ok) return { issues: built.issues }
  const compiled = compileRuleset(model.rules, { catalog: built.catalog })
  if (compiled.ruleset === undefined) return { issues: compiled.issues }
  const ruleset = compiled.ruleset
  return {
    issues: [],
    engine: {
      model,
      catalog: built.catalog,
      ruleset,
      configurator: createConfigurator({ catalog: built.catalog, ruleset }),
      form: formOf(ruleset.options),
      hashMatches: hashRuleset(ruleset) === model.rulesetHash,
    },
  }
}

/** The option domains of one configuration (computed in a worker, so typing never waits for them). */
export interface Domains {
  /** the configuration they are for, as JSON */
  for: string
  options: OptionsResult
  /** by path (`sink.lengthIn`, `basins[0].type`, `accessories` for additions) */
  byPath: Map<string, OptionDomain>
  /** how long options() took, in milliseconds */
  ms: number
}

/** Domains from an options() answer. */
export function domainsOf(configuration: unknown, result: OptionsResult, ms: number): Domains {
  return {
    for: JSON.stringify(configuration),
    options: result,
    byPath: new Map(result.options.map((domain) => [domain.path, domain])),
    ms,
  }
}

/** Lists every option's domain for a configuration, in this thread. */
export function computeDomains(engine: Engine, configuration: unknown): Domains {
  const started = performance.now()
  const result = options(engine.configurator, configuration)
  return domainsOf(configuration, result, performance.now() - started)
}

/** Everything the page shows for one configuration, computed in the browser. */
export interface Update {
  result: ConfigureResult
  /** option domains: of this configuration, or of the one before while they are worked out */
  domains: Map<string, OptionDomain>
  /** true while the domains shown are of an earlier configuration */
  domainsPending: boolean
  /** findings by the control they are shown at (`''`: the whole configuration) */
  findings: Map<string, ConfigureResult['findings']>
  tree: BomTreeLine[]
  flat: FlatLine[]
  cost: CostRollup | undefined
  /** how long configure, explosion and cost took, in milliseconds */
  ms: number
}

/** Configures a configuration and explodes and prices its BOM; the domains are given. */
export function computeUpdate(
  engine: Engine,
  configuration: unknown,
  domains: Domains | undefined,
): Update {
  const started = performance.now()
  const result = engine.configurator.configure(configuration)
  const findings = placeFindings(result.findings, fieldPaths(engine.form, configuration))
  const tree = result.ok
    ? explodeLines(engine.catalog, { lines: result.lines, numbers: engine.ruleset.numbers })
    : []
  const flat = result.ok ? flattenLines(engine.catalog, result.lines) : []
  const cost =
    result.ok && engine.model.priceList !== undefined
      ? rollUpCost(flat, engine.model.priceList)
      : undefined
  return {
    result,
    domains: domains?.byPath ?? new Map<string, OptionDomain>(),
    domainsPending: domains?.for !== JSON.stringify(configuration),
    findings,
    tree,
    flat,
    cost,
    ms: performance.now() - started,
  }
}

/** One option that would have to change for a ruled-out value to be allowed, and to what. */
export interface Change {
  path: string
  from: unknown
  to: unknown[]
}

/**
 * What would have to change for a ruled-out value: with the value taken, the options that are set
 * and whose current value is then ruled out, with the values they could take instead.
 */
export function changesFor(
  engine: Engine,
  configuration: unknown,
  choice: { path: readonly (string | number)[]; value: unknown },
): { changes: Change[]; errors: ConfigureResult['findings'] } {
  const tried = withValue(configuration, choice.path, choice.value)
  const result = engine.configurator.configure(tried)
  const errors = result.findings.filter((finding) => finding.severity === 'error')
  const domains = options(engine.configurator, tried).options
  const changes: Change[] = []
  for (const domain of domains) {
    if (!domain.set || domain.kind === 'add') continue
    const current = JSON.stringify(domain.value)
    const ruledOut = domain.ruledOut.some((out) => JSON.stringify(out.value) === current)
    const blockedInterval =
      typeof domain.value === 'number' &&
      (domain.intervals?.ruledOut.some(({ interval }) =>
        inside(domain.value as number, interval),
      ) ??
        false)
    if (!ruledOut && !blockedInterval) continue
    const to =
      domain.intervals === undefined
        ? domain.allowed.filter((value) => JSON.stringify(value) !== current)
        : domain.intervals.allowed.map(intervalText)
    if (to.length > 0) changes.push({ path: domain.path, from: domain.value, to })
  }
  return { changes, errors }
}

function inside(
  value: number,
  interval: {
    from: number | null
    to: number | null
    fromInclusive: boolean
    toInclusive: boolean
  },
): boolean {
  const above =
    interval.from === null ||
    (interval.fromInclusive ? value >= interval.from : value > interval.from)
  const below =
    interval.to === null || (interval.toInclusive ? value <= interval.to : value < interval.to)
  return above && below
}

/** `[48, 60)`, as intervals are written */
export function intervalText(interval: {
  from: number | null
  to: number | null
  fromInclusive: boolean
  toInclusive: boolean
}): string {
  if (interval.from !== null && interval.from === interval.to) return String(interval.from)
  return `${interval.fromInclusive ? '[' : '('}${interval.from ?? '−∞'}, ${interval.to ?? '∞'}${interval.toInclusive ? ']' : ')'}`
}
