import type { BomDocument } from '@torvan/configurator-core'
import { createBomDocument, customPartsOf, rollUpCost } from '@torvan/configurator-core'
import { and, desc, eq, sql } from 'drizzle-orm'
import { writeAudit } from '../audit.js'
import type { AuthUser } from '../auth/users.js'
import type { Executor } from '../db/open.js'
import { bomLines, boms, configurations, items } from '../db/schema.js'
import { emitEvent } from '../events/emit.js'
import { bomPayload } from '../events/payloads.js'
import { ProblemError } from '../http/problem.js'
import type { Model, Services } from '../services.js'
import { requireModel } from '../routes/model.js'

/** A stored BOM as the API returns it. */
export interface BomView {
  id: number
  configurationId: number
  revision: number
  createdAt: string
  frozen: boolean
  document: BomDocument
  cost?: ReturnType<typeof rollUpCost>
}

/** Builds the API's view of a stored BOM, with its cost roll-up when there is a price list. */
export function bomView(
  model: Pick<Model, 'priceList'>,
  row: {
    id: number
    configurationId: number
    revision: number
    createdAt: Date
    frozenAt: Date | null
    document: unknown
  },
): BomView {
  const document = row.document as BomDocument
  return {
    id: row.id,
    configurationId: row.configurationId,
    revision: row.revision,
    createdAt: row.createdAt.toISOString(),
    frozen: row.frozenAt !== null,
    document,
    ...(model.priceList === undefined ? {} : { cost: rollUpCost(document.flat, model.priceList) }),
  }
}

/** The findings of an invalid configuration as a 422 problem naming each path. */
function invalidConfiguration(
  findings: readonly {
    severity: string
    path: string
    message: string
    rule: string
    code?: string
  }[],
  basePath: string,
): ProblemError {
  const errors = findings
    .filter((finding) => finding.severity === 'error')
    .map((finding) => ({
      path: finding.path === '' ? basePath : `${basePath}.${finding.path}`.replace('.[', '['),
      message: finding.message,
      code: finding.code ?? finding.rule,
    }))
  const first = errors[0]
  return new ProblemError(
    'invalidConfiguration',
    errors.length === 1 && first !== undefined
      ? `${first.path}: ${first.message}`
      : `The configuration has ${errors.length} errors; see errors.`,
    { extensions: { errors, findings } },
  )
}

async function storeCustomParts(tx: Executor, document: BomDocument): Promise<void> {
  const parts = customPartsOf(document.lines)
  if (parts.length === 0) return
  await tx
    .insert(items)
    .values(
      parts.map((part) => ({
        id: part.id,
        kind: 'custom' as const,
        name: part.name,
        family: part.family,
        spec: part.spec,
      })),
    )
    .onConflictDoNothing({ target: items.id })
}

/**
 * Configures with the active ruleset and stores the BOM: the same configuration with the same catalog
 * and rules gives the BOM stored before (status 200), otherwise a new one (201), revision n+1 of the
 * previous BOM: `previousBomId` when given (an order item's BOM before its configuration changed),
 * else the configuration's last BOM. Custom parts are registered once.
 */
export async function generateBom(
  services: Services,
  input: {
    configuration: unknown
    user: AuthUser
    requestId: string
    basePath?: string
    previousBomId?: number | null
  },
): Promise<{ status: 200 | 201; view: BomView }> {
  const model = requireModel(services)
  const first = createBomDocument(model.configurator, input.configuration, { now: services.now() })
  if (!first.ok) throw invalidConfiguration(first.findings, input.basePath ?? 'body.configuration')
  const key = `${first.document.hashes.configuration}:${model.catalogHash}:${model.rulesetId}`
  const cached = services.bomCache.get(key)
  if (cached !== undefined) {
    // the cache keeps what cannot change; whether the BOM is frozen can (approval), so it is read
    const [state] = await services.db
      .select({ frozenAt: boms.frozenAt })
      .from(boms)
      .where(eq(boms.id, cached.id))
    if (state !== undefined) {
      const view = cached.body as unknown as BomView
      return { status: 200, view: { ...view, frozen: state.frozenAt !== null } }
    }
    services.bomCache.delete(key)
  }

  const result = await services.db.transaction(async (tx) => {
    // one generation per configuration at a time: a concurrent twin waits, then finds this one's row
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${key}))`)
    const hash = first.document.hashes.configuration
    await tx
      .insert(configurations)
      .values({ product: first.document.product, hash, data: first.document.configuration })
      .onConflictDoNothing({ target: configurations.hash })
    const [configuration] = await tx
      .select({ id: configurations.id })
      .from(configurations)
      .where(eq(configurations.hash, hash))
    if (configuration === undefined) throw new Error('the configuration row is missing')
    const [existing] = await tx
      .select()
      .from(boms)
      .where(
        and(
          eq(boms.configurationId, configuration.id),
          eq(boms.rulesetId, model.rulesetId),
          eq(boms.catalogHash, model.catalogHash),
        ),
      )
    if (existing !== undefined) return { status: 200 as const, view: bomView(model, existing) }

    const [previous] = await tx
      .select()
      .from(boms)
      .where(
        input.previousBomId === undefined || input.previousBomId === null
          ? eq(boms.configurationId, configuration.id)
          : eq(boms.id, input.previousBomId),
      )
      .orderBy(desc(boms.id))
      .limit(1)
    let document = first.document
    if (previous !== undefined) {
      const next = createBomDocument(model.configurator, input.configuration, {
        now: services.now(),
        previous: previous.document as BomDocument,
      })
      if (next.ok) document = next.document
    }
    await storeCustomParts(tx, document)
    const [row] = await tx
      .insert(boms)
      .values({
        configurationId: configuration.id,
        rulesetId: model.rulesetId,
        catalogHash: model.catalogHash,
        contentHash: document.hashes.content,
        revision: document.revision,
        parentId: previous?.id ?? null,
        document,
        createdBy: input.user.id,
        createdAt: new Date(document.generatedAt),
      })
      .returning()
    if (row === undefined) throw new Error('the BOM insert returned no row')
    await tx.insert(bomLines).values(
      document.lines.map((line, position) => ({
        bomId: row.id,
        position,
        itemId: line.id,
        number: line.number,
        quantity: line.quantity,
        rules: line.rules,
      })),
    )
    await writeAudit(tx, {
      action: 'bom.create',
      entity: 'bom',
      entityId: row.id,
      userId: input.user.id,
      after: {
        configurationId: configuration.id,
        revision: row.revision,
        contentHash: row.contentHash,
        rulesetId: model.rulesetId,
        catalogHash: model.catalogHash,
      },
      requestId: input.requestId,
    })
    await emitEvent(tx, {
      type: 'bom.generated',
      userId: input.user.id,
      payload: { bom: bomPayload(row.id, document) },
      requestId: input.requestId,
    })
    return { status: 201 as const, view: bomView(model, row) }
  })
  if (result.status === 201) services.metrics.bomGenerated()
  services.bomCache.set(key, {
    id: result.view.id,
    body: result.view as unknown as Record<string, unknown>,
  })
  return result
}
