import { basename } from 'node:path'
import type { Catalog, Ruleset, RulesetFile, RulesetSource } from '@torvan/configurator-core'
import { compileRuleset, formatIssue, hashRuleset } from '@torvan/configurator-core'
import { and, asc, desc, eq, sql } from 'drizzle-orm'
import { writeAudit } from '../audit.js'
import { emitEvent } from '../events/emit.js'
import type { Database, Executor } from '../db/open.js'
import { rulesets } from '../db/schema/index.js'

/** rule files named within their folder: an answer never tells where the server read the rules from */
function withFileNames(source: RulesetSource): RulesetSource {
  const named = (file: RulesetFile): RulesetFile => ({ ...file, file: basename(file.file) })
  return {
    product: named(source.product),
    numbers: source.numbers === undefined ? undefined : named(source.numbers),
    rules: source.rules.map(named),
  }
}

/** What storing a ruleset did: its row, and whether it is new. */
export interface StoredRuleset {
  id: number
  version: number
  created: boolean
}

/**
 * Stores a compiled ruleset as the active version of its product. The same rules stored again keep
 * their version (and become active again); different rules become version n+1.
 */
export async function storeRuleset(
  db: Database,
  ruleset: Ruleset,
  options: { userId?: number | null; requestId?: string | null } = {},
): Promise<StoredRuleset> {
  const hash = hashRuleset(ruleset)
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(7172002)`)
    const [known] = await tx
      .select()
      .from(rulesets)
      .where(and(eq(rulesets.product, ruleset.product), eq(rulesets.hash, hash)))
    if (known !== undefined && known.active) {
      return { id: known.id, version: known.version, created: false }
    }
    await tx
      .update(rulesets)
      .set({ active: false })
      .where(and(eq(rulesets.product, ruleset.product), eq(rulesets.active, true)))
    if (known !== undefined) return reactivate(tx, { known, hash, options })
    return insertRuleset(tx, { ruleset, hash, options })
  })
}

type StoreOptions = { userId?: number | null; requestId?: string | null }

/** the same rules stored before become active again, audited, with their event */
async function reactivate(
  tx: Executor,
  at: { known: typeof rulesets.$inferSelect; hash: string; options: StoreOptions },
): Promise<StoredRuleset> {
  const { known, hash, options } = at
  await tx.update(rulesets).set({ active: true }).where(eq(rulesets.id, known.id))
  await writeAudit(tx, {
    action: 'ruleset.activate',
    entity: 'ruleset',
    entityId: known.id,
    after: { product: known.product, version: known.version },
    userId: options.userId ?? null,
    requestId: options.requestId ?? null,
  })
  await emitEvent(tx, {
    type: 'ruleset.imported',
    userId: options.userId ?? null,
    payload: {
      id: known.id,
      product: known.product,
      version: known.version,
      hash,
      reactivated: true,
    },
    requestId: options.requestId ?? null,
  })
  return { id: known.id, version: known.version, created: false }
}

/** new rules: version n+1 of the product, active, audited, with their event */
async function insertRuleset(
  tx: Executor,
  at: { ruleset: Ruleset; hash: string; options: StoreOptions },
): Promise<StoredRuleset> {
  const { ruleset, hash, options } = at
  const [latest] = await tx
    .select({ version: rulesets.version })
    .from(rulesets)
    .where(eq(rulesets.product, ruleset.product))
    .orderBy(desc(rulesets.version))
    .limit(1)
  const version = (latest?.version ?? 0) + 1
  const [row] = await tx
    .insert(rulesets)
    .values({
      product: ruleset.product,
      version,
      hash,
      source: withFileNames(ruleset.source),
      active: true,
    })
    .returning({ id: rulesets.id })
  if (row === undefined) throw new Error('the ruleset insert returned no row')
  await writeAudit(tx, {
    action: 'ruleset.create',
    entity: 'ruleset',
    entityId: row.id,
    after: { product: ruleset.product, version, hash },
    userId: options.userId ?? null,
    requestId: options.requestId ?? null,
  })
  await emitEvent(tx, {
    type: 'ruleset.imported',
    userId: options.userId ?? null,
    payload: { id: row.id, product: ruleset.product, version, hash, reactivated: false },
    requestId: options.requestId ?? null,
  })
  return { id: row.id, version, created: true }
}

/** A stored ruleset that no longer compiles against the catalog: its product stays unserved. */
export class RulesetCompileError extends Error {
  constructor(
    readonly product: string,
    readonly version: number,
    message: string,
  ) {
    super(message)
    this.name = 'RulesetCompileError'
  }
}

/** The products that have an active ruleset, with its version, by product. */
export async function activeRulesets(
  db: Database,
): Promise<{ product: string; version: number }[]> {
  return db
    .select({ product: rulesets.product, version: rulesets.version })
    .from(rulesets)
    .where(eq(rulesets.active, true))
    .orderBy(asc(rulesets.product))
}

/**
 * The product's active ruleset, compiled against the catalog; undefined when none is stored. Throws
 * a {@link RulesetCompileError} when the stored rules no longer compile.
 */
export async function readActiveRuleset(
  db: Database,
  product: string,
  catalog: Catalog,
): Promise<{ id: number; version: number; ruleset: Ruleset } | undefined> {
  const [row] = await db
    .select()
    .from(rulesets)
    .where(and(eq(rulesets.product, product), eq(rulesets.active, true)))
  if (row === undefined) return undefined
  // databases seeded before the names were stored without their folder
  const compiled = compileRuleset(withFileNames(row.source), { catalog })
  if (compiled.ruleset === undefined) {
    const first = compiled.issues.find((issue) => issue.severity === 'error')
    throw new RulesetCompileError(
      product,
      row.version,
      `the active ${product} ruleset (version ${row.version}) no longer compiles against the catalog: ${first === undefined ? '' : formatIssue(first)}`,
    )
  }
  return { id: row.id, version: row.version, ruleset: compiled.ruleset }
}
