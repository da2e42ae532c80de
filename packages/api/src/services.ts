import type { Catalog, Configurator, PriceList, Ruleset } from '@torvan/configurator-core'
import { createConfigurator, hashCatalog } from '@torvan/configurator-core'
import { LRUCache } from 'lru-cache'
import type { PgBoss } from 'pg-boss'
import type { createTokenCache } from './auth/token.js'
import type { createAuthCache } from './auth/users.js'
import { readCatalog, readPriceList } from './catalog/read.js'
import type { Database, OpenDatabase } from './db/open.js'
import type { UploadQuota } from './files/quota.js'
import { readActiveRuleset } from './rules/store.js'
import type { DeliverySettings } from './webhooks/settings.js'

/** The product the API configures. One product today; the tables already key rulesets by product. */
export const PRODUCT = 'T2'

/** What the configurator works with, rebuilt from the database after an import. */
export interface Model {
  catalog: Catalog
  catalogHash: string
  priceList: PriceList | undefined
  ruleset: Ruleset
  rulesetId: number
  rulesetVersion: number
  configurator: Configurator
}

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

/** Everything a request handler needs: the database, the model, the token secret and caches. */
export interface Services {
  db: Database
  database: Pick<OpenDatabase, 'kind' | 'location'>
  model: Model | undefined
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
}

/** Builds the in-memory model from the database: undefined until a catalog and a ruleset exist. */
export async function loadModel(db: Database): Promise<Model | undefined> {
  const catalog = await readCatalog(db)
  if (catalog === undefined) return undefined
  const active = await readActiveRuleset(db, PRODUCT, catalog)
  if (active === undefined) return undefined
  return {
    catalog,
    catalogHash: hashCatalog(catalog),
    priceList: await readPriceList(db),
    ruleset: active.ruleset,
    rulesetId: active.id,
    rulesetVersion: active.version,
    configurator: createConfigurator({ catalog, ruleset: active.ruleset }),
  }
}

/** A BOM cache of the given size. */
export function createBomCache(max = 1000): LRUCache<string, CachedBom> {
  return new LRUCache<string, CachedBom>({ max })
}
