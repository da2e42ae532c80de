import type { BomDocument } from '@torvan/configurator-core'
import { createBomDocument, customPartsOf, rollUpCost } from '@torvan/configurator-core'
import { randomUUID } from 'node:crypto'
import { sql } from 'drizzle-orm'
import type { AuthUser } from '../auth/users.js'
import type { Executor } from '../db/open.js'
import { prepareStatement, runStatement } from '../db/raw.js'
import { auditLog, bomLines, boms, configurations, events, items } from '../db/schema/index.js'
import { bomPayload } from '../events/payloads.js'
import { currentClient } from '../http/client-context.js'
import { ProblemError } from '../http/problem.js'
import { JsonText } from '../http/route.js'
import type { CachedBom, Model, Services } from '../services.js'
import { requireModel } from '../http/require-model.js'

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
    document: BomDocument
  },
): BomView {
  const document = row.document
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

/** the advisory lock event writers hold to commit (events/emit.ts) */
const EVENT_ORDER_LOCK = 7172010

const ph = (name: string) => sql.placeholder(name)

/** the statements of a generation, rendered once: the first round trip reads, the second writes */
const STATEMENTS = {
  frozen: prepareStatement(
    sql`select ${boms.frozenAt} is not null as "frozen" from ${boms} where ${boms.id} = ${ph('id')}`,
  ),
  lock: prepareStatement(sql`select pg_advisory_xact_lock(hashtext(${ph('key')}))`),
  // Every statement of a generation is a key lookup, and so is the foreign-key check PostgreSQL runs
  // for each BOM line against \`boms\`: a connection plans that check once, at its first BOM, and keeps
  // the plan. On a new database \`boms\` is one page and the kept plan a sequential scan, so every later
  // BOM would read the whole table once per line (cost growing with the BOMs stored, until the
  // connection is replaced or the table analysed). Without sequential scans the plan is an index scan
  // from the first BOM on, whatever the statistics say.
  indexScans: prepareStatement(sql`set local enable_seqscan = off`),
  // the configuration's row, stored once: the same statement inserts it or finds it
  configuration: prepareStatement(sql`with inserted as (
      insert into ${configurations} (product, hash, data)
      values (${ph('product')}, ${ph('hash')}, ${ph('data')}::text::jsonb)
      on conflict (hash) do nothing returning id)
    select id from inserted union all
    select ${configurations.id} from ${configurations} where ${configurations.hash} = ${ph('hash')}
    limit 1`),
  findConfiguration: prepareStatement(
    sql`select ${configurations.id} as id from ${configurations} where ${configurations.hash} = ${ph('hash')}`,
  ),
  // The configuration is looked up first, as a value, and the BOM by the whole generation key: written
  // as a join, a plan kept from a nearly empty database walked every BOM of the ruleset and catalog and
  // looked up the configuration once per BOM (issue 14's growth bench: 2,000 rows per request at 14k).
  existing: prepareStatement(sql`select b.id, b.configuration_id as "configurationId", b.revision,
      (extract(epoch from b.created_at) * 1000)::float8 as "createdMs", b.frozen_at is not null as "frozen",
      b.document
    from ${boms} b
    where b.configuration_id = (select c.id from ${configurations} c where c.hash = ${ph('hash')})
      and b.ruleset_id = ${ph('rulesetId')} and b.catalog_hash = ${ph('catalogHash')}`),
  lastOfConfiguration: prepareStatement(sql`select b.id, b.document from ${boms} b
    where b.configuration_id = (select c.id from ${configurations} c where c.hash = ${ph('hash')})
    order by b.id desc limit 1`),
  byId: prepareStatement(
    sql`select b.id, b.document from ${boms} b where b.id = ${ph('previousId')}`,
  ),
  customParts: prepareStatement(sql`insert into ${items} (id, kind, name, family, spec)
    select p.id, 'custom', p.name, p.family, p.spec
    from jsonb_to_recordset(${ph('parts')}::text::jsonb) as p(id text, name text, family text, spec jsonb)
    on conflict (id) do nothing`),
  // the BOM, its lines and its audit row in one statement; the BOM's document is not sent back
  insert: prepareStatement(sql`with bom as (
      insert into ${boms} (configuration_id, ruleset_id, catalog_hash, content_hash, revision, parent_id,
        document, created_by, created_at)
      values (${ph('configurationId')}, ${ph('rulesetId')}, ${ph('catalogHash')}, ${ph('contentHash')},
        ${ph('revision')}, ${ph('parentId')}, ${ph('document')}::text::jsonb, ${ph('userId')},
        ${ph('createdAt')}::timestamptz)
      returning id),
    line as (
      insert into ${bomLines} (bom_id, position, item_id, number, quantity, rules)
      select bom.id, l.position, l.item_id, l.number, l.quantity, l.rules
      from bom, jsonb_to_recordset(${ph('lines')}::text::jsonb)
        as l(position integer, item_id text, number text, quantity numeric, rules text[])),
    audit as (
      insert into ${auditLog} (action, entity, entity_id, user_id, after, request_id, ip, user_agent)
      select 'bom.create', 'bom', bom.id::text, ${ph('userId')}, ${ph('after')}::text::jsonb,
        ${ph('requestId')}, ${ph('ip')}, ${ph('userAgent')}
      from bom)
    select id from bom`),
  eventLock: prepareStatement(sql`select pg_advisory_xact_lock(${EVENT_ORDER_LOCK})`),
  // the event names the BOM just inserted by its generation key (unique)
  event: prepareStatement(sql`insert into ${events} (id, type, user_id, payload, request_id)
    select ${ph('eventId')}, 'bom.generated', ${ph('userId')},
      jsonb_build_object('bom', jsonb_build_object('id', b.id) || ${ph('payload')}::text::jsonb),
      ${ph('requestId')}
    from ${boms} b
    where b.configuration_id = ${ph('configurationId')} and b.ruleset_id = ${ph('rulesetId')}
      and b.catalog_hash = ${ph('catalogHash')}`),
}

interface StoredRow {
  id: number
  configurationId: number
  revision: number
  createdMs: number
  frozen: boolean
  document: BomDocument
}

/** what a BOM event tells of a BOM, but its id (the statement adds it) */
function bomPayloadWithoutId(document: BomDocument): Record<string, unknown> {
  const payload = bomPayload(0, document)
  Reflect.deleteProperty(payload, 'id')
  return payload
}

/** A JSON answer built from parts: the frozen flag is read on every cache hit, the rest is bytes. */
function bomBody(parts: Pick<CachedBom, 'head' | 'tail'>, frozen: boolean): string {
  return `${parts.head},"frozen":${String(frozen)}${parts.tail}`
}

/** The cache entry (and answer) of a stored BOM: the view's JSON around its frozen flag. */
function bomBytes(
  model: Pick<Model, 'priceList'>,
  bom: {
    id: number
    configurationId: number
    revision: number
    createdAt: string
    document: BomDocument
    documentJson: string
  },
): CachedBom {
  const cost =
    model.priceList === undefined
      ? ''
      : `,"cost":${JSON.stringify(rollUpCost(bom.document.flat, model.priceList))}`
  return {
    id: bom.id,
    configurationId: bom.configurationId,
    head: `{"id":${bom.id},"configurationId":${bom.configurationId},"revision":${bom.revision},"createdAt":${JSON.stringify(bom.createdAt)}`,
    tail: `,"document":${bom.documentJson}${cost}}`,
  }
}

/**
 * Configures with the active ruleset and stores the BOM: the same configuration with the same catalog
 * and rules gives the BOM stored before (status 200), otherwise a new one (201), revision n+1 of the
 * previous BOM: `previousBomId` when given (an order item's BOM before its configuration changed),
 * else the configuration's last BOM. Custom parts are registered once. The answer is JSON text: the
 * document is serialised once, stored from that text and answered with it.
 */
export async function generateBom(
  services: Services,
  input: GenerateInput,
): Promise<{ status: 200 | 201; view: { id: number; configurationId: number }; json: JsonText }> {
  const model = requireModel(services, input.configuration, input.basePath)
  const first = createBomDocument(model.configurator, input.configuration, { now: services.now() })
  if (!first.ok) throw invalidConfiguration(first.findings, input.basePath ?? 'body.configuration')
  const hash = first.document.hashes.configuration
  const key = `${hash}:${model.catalogHash}:${model.rulesetId}`
  const cached = await cachedAnswer(services, key)
  if (cached !== undefined) return cached
  const generation: Generation = { services, model, input, first: first.document, key }
  const result = await services.db.transaction((tx) => generateIn(tx, generation))
  if (result.status === 201) services.metrics.bomGenerated()
  services.bomCache.set(key, result.entry)
  return {
    status: result.status,
    view: { id: result.entry.id, configurationId: result.configurationId },
    json: new JsonText(bomBody(result.entry, result.frozen)),
  }
}

interface GenerateInput {
  configuration: unknown
  user: AuthUser
  requestId: string
  basePath?: string
  previousBomId?: number | null
}

/** one generation: the model, the request, the first document made and the generation key */
interface Generation {
  services: Services
  model: Model
  input: GenerateInput
  first: BomDocument
  key: string
}

/** the answer from the cache, with its frozen flag read again; undefined when not cached (or gone) */
async function cachedAnswer(
  services: Services,
  key: string,
): Promise<
  { status: 200; view: { id: number; configurationId: number }; json: JsonText } | undefined
> {
  const cached = services.bomCache.get(key)
  if (cached === undefined) return undefined
  // the cache keeps what cannot change; whether the BOM is frozen can (approval), so it is read
  const [state] = await runStatement<{ frozen: boolean }>(services.db, STATEMENTS.frozen, {
    id: cached.id,
  })
  if (state !== undefined) {
    return {
      status: 200,
      view: { id: cached.id, configurationId: cached.configurationId },
      json: new JsonText(bomBody(cached, state.frozen)),
    }
  }
  services.bomCache.delete(key)
  return undefined
}

/** the generation's transaction: the BOM stored before for the same key, or a new revision */
async function generateIn(
  tx: Executor,
  generation: Generation,
): Promise<{ status: 200 | 201; entry: CachedBom; configurationId: number; frozen: boolean }> {
  const { services, model, input, key } = generation
  const hash = generation.first.hashes.configuration
  const common = { hash, rulesetId: model.rulesetId, catalogHash: model.catalogHash }
  // one generation per configuration at a time: a concurrent twin waits, then finds this one's row
  const [, , inserted, existing, previous] = await Promise.all([
    runStatement(tx, STATEMENTS.indexScans),
    runStatement(tx, STATEMENTS.lock, { key }),
    runStatement<{ id: number }>(tx, STATEMENTS.configuration, {
      product: generation.first.product,
      hash,
      data: JSON.stringify(generation.first.configuration),
    }),
    runStatement<StoredRow>(tx, STATEMENTS.existing, common),
    input.previousBomId === undefined || input.previousBomId === null
      ? runStatement<{ id: number; document: BomDocument }>(
          tx,
          STATEMENTS.lastOfConfiguration,
          common,
        )
      : runStatement<{ id: number; document: BomDocument }>(tx, STATEMENTS.byId, {
          previousId: input.previousBomId,
        }),
  ])
  // a twin under another key inserted it after this statement began: it is committed now
  const configurationId =
    inserted[0]?.id ??
    (await runStatement<{ id: number }>(tx, STATEMENTS.findConfiguration, { hash }))[0]?.id
  if (configurationId === undefined) throw new Error('the configuration row is missing')
  const stored = existing[0]
  if (stored !== undefined) {
    const document = stored.document
    const entry = bomBytes(model, {
      ...stored,
      createdAt: new Date(stored.createdMs).toISOString(),
      document,
      documentJson: JSON.stringify(document),
    })
    return { status: 200 as const, entry, configurationId, frozen: stored.frozen }
  }
  const last = previous[0]
  let document = generation.first
  if (last !== undefined) {
    const next = createBomDocument(model.configurator, input.configuration, {
      now: services.now(),
      previous: last.document,
    })
    if (next.ok) document = next.document
  }
  const entry = await insertBom(tx, { generation, document, configurationId, parentId: last?.id })
  return { status: 201 as const, entry, configurationId, frozen: false }
}

/** the new BOM, its lines, custom parts, audit row and event, written in one round trip */
async function insertBom(
  tx: Executor,
  bom: {
    generation: Generation
    document: BomDocument
    configurationId: number
    parentId: number | undefined
  },
): Promise<CachedBom> {
  const { generation, document, configurationId } = bom
  const { model, input } = generation
  const documentJson = JSON.stringify(document)
  const parts = customPartsOf(document.lines)
  const client = currentClient()
  const values = {
    configurationId,
    rulesetId: model.rulesetId,
    catalogHash: model.catalogHash,
    contentHash: document.hashes.content,
    revision: document.revision,
    parentId: bom.parentId ?? null,
    document: documentJson,
    userId: input.user.id,
    createdAt: document.generatedAt,
    lines: JSON.stringify(
      document.lines.map((line, position) => ({
        position,
        item_id: line.id,
        number: line.number,
        quantity: line.quantity,
        rules: line.rules,
      })),
    ),
    after: JSON.stringify({
      configurationId,
      revision: document.revision,
      contentHash: document.hashes.content,
      rulesetId: model.rulesetId,
      catalogHash: model.catalogHash,
    }),
    requestId: input.requestId,
    ip: client.ip,
    userAgent: client.userAgent,
    eventId: `evt_${randomUUID().replaceAll('-', '')}`,
    payload: JSON.stringify(bomPayloadWithoutId(document)),
  }
  const [, rows] = await Promise.all([
    parts.length === 0
      ? Promise.resolve([])
      : runStatement(tx, STATEMENTS.customParts, {
          parts: JSON.stringify(
            parts.map((part) => ({
              id: part.id,
              name: part.name,
              family: part.family,
              spec: part.spec,
            })),
          ),
        }),
    runStatement<{ id: number }>(tx, STATEMENTS.insert, values),
    // events are written late, under the lock that keeps their sequence in commit order
    runStatement(tx, STATEMENTS.eventLock),
    runStatement(tx, STATEMENTS.event, values),
  ])
  const id = rows[0]?.id
  if (id === undefined) throw new Error('the BOM insert returned no row')
  return bomBytes(model, {
    id,
    configurationId,
    revision: document.revision,
    createdAt: new Date(document.generatedAt).toISOString(),
    document,
    documentJson,
  })
}
