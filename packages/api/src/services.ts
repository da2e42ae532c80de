import type { Catalog, Configurator, PriceList, Ruleset } from '@torvan/configurator-core'
import { createConfigurator, hashCatalog } from '@torvan/configurator-core'
import { LRUCache } from 'lru-cache'
import type { PgBoss } from 'pg-boss'
import type { createTokenCache } from './auth/token.js'
import type { createAuthCache } from './auth/users.js'
import { readCatalog, readPriceList } from './catalog/read.js'
import type { Database, OpenDatabase } from './db/open.js'
import type { UploadQuota } from './files/quota.js'
import type { Metrics } from './ops/metrics.js'
import { activeRulesets, readActiveRuleset, RulesetCompileError } from './rules/store.js'
import type { DeliverySettings } from './webhooks/settings.js'

/** The catalog the products share, as loaded from the database. */
export interface LoadedCatalog {
  catalog: Catalog
  catalogHash: string
  priceList: PriceList | undefined
}

/** What the configurator of one product works with, rebuilt from the database after an import. */
export interface Model extends LoadedCatalog {
  ruleset: Ruleset
  rulesetId: number
  rulesetVersion: number
  configurator: Configurator
}

/** A product whose active ruleset did not load: its version and why, for the log and /health. */
interface ModelFailure {
  version: number
  reason: string
}

/**
 * The products the service configures: the shared catalog, a model per product with an active
 * ruleset, and the products whose ruleset did not load (the others are served all the same).
 */
export interface Models {
  catalog: LoadedCatalog | undefined
  /** by product, in product order */
  loaded: ReadonlyMap<string, Model>
  failed: ReadonlyMap<string, ModelFailure>
}

/** No catalog and no rules: what a database before its first import gives. */
export const NO_MODELS: Models = { catalog: undefined, loaded: new Map(), failed: new Map() }

/**
 * A stored BOM's answer, cached by configuration, catalog and ruleset: its JSON before and after the
 * frozen flag, which can change (approval) and is read on every hit. Bytes, not an object graph.
 */
export interface CachedBom {
  id: number
  configurationId: number
  head: string
  tail: string
}

/** Everything a request handler needs: the database, the models, the token secret and caches. */
export interface Services {
  db: Database
  database: Pick<OpenDatabase, 'kind' | 'location'>
  models: Models
  tokenSecret: string
  /** BOM responses by `configurationHash:catalogHash:rulesetId` */
  bomCache: LRUCache<string, CachedBom>
  /** the clock, replaceable in tests (lockouts, token expiry) */
  now: () => Date
  /** how long a token lives, in seconds */
  tokenTtlSeconds: number
  /** tokens whose signature was verified, until they expire */
  tokens: ReturnType<typeof createTokenCache>
  /** users as authentication reads them; user changes clear it */
  authCache: ReturnType<typeof createAuthCache>
  /** webhook delivery: its settings and the job engine (pg-boss) on the same database */
  webhooks: { settings: DeliverySettings; jobs: PgBoss }
  /** how much one user may upload (photos and documents) */
  uploadQuota: UploadQuota
  /** the Prometheus metrics of this instance */
  metrics: Metrics
}

/** Builds one product's model from the database: undefined until a catalog and its ruleset exist. */
export async function loadModel(db: Database, product: string): Promise<Model | undefined> {
  const catalog = await loadCatalog(db)
  return catalog === undefined ? undefined : await productModel(db, product, catalog)
}

/**
 * Builds every product's model from the database: one per active ruleset. A ruleset that no longer
 * compiles against the catalog leaves its product in `failed` and the others loaded.
 */
export async function loadModels(db: Database): Promise<Models> {
  const catalog = await loadCatalog(db)
  if (catalog === undefined) return NO_MODELS
  const loaded = new Map<string, Model>()
  const failed = new Map<string, ModelFailure>()
  for (const { product, version } of await activeRulesets(db)) {
    try {
      const model = await productModel(db, product, catalog)
      if (model !== undefined) loaded.set(product, model)
    } catch (error) {
      if (!(error instanceof RulesetCompileError)) throw error
      failed.set(product, { version, reason: error.message })
    }
  }
  return { catalog, loaded, failed }
}

async function loadCatalog(db: Database): Promise<LoadedCatalog | undefined> {
  const catalog = await readCatalog(db)
  if (catalog === undefined) return undefined
  return { catalog, catalogHash: hashCatalog(catalog), priceList: await readPriceList(db) }
}

async function productModel(
  db: Database,
  product: string,
  shared: LoadedCatalog,
): Promise<Model | undefined> {
  const active = await readActiveRuleset(db, product, shared.catalog)
  if (active === undefined) return undefined
  return {
    ...shared,
    ruleset: active.ruleset,
    rulesetId: active.id,
    rulesetVersion: active.version,
    configurator: createConfigurator({ catalog: shared.catalog, ruleset: active.ruleset }),
  }
}

/** A BOM cache of the given size. */
export function createBomCache(max = 1000): LRUCache<string, CachedBom> {
  return new LRUCache<string, CachedBom>({ max })
}
