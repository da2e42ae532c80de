// The same-work baseline: node:http + postgres.js with prepared statements, no ORM, no auth, no
// validation beyond what the core does. It stores the same rows and answers the same bodies as the
// API's POST /boms, GET /orders?q= and GET /items?q=, so that `pnpm bench` can say how far the API is
// from what this machine can do. Started by bench/http.bench.ts as a child process:
// `DATABASE_URL=… node --import tsx bench/baseline-server.ts` prints "listening on http://…".
import { randomUUID } from 'node:crypto'
import { createServer } from 'node:http'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { BomDocument } from '@torvan/configurator-core'
import { createBomDocument, rollUpCost } from '@torvan/configurator-core'
import { desc, fillPlaceholders } from 'drizzle-orm'
import postgres from 'postgres'
import { orders } from '../packages/api/src/db/schema/index.js'
import type { OrderSearchRow } from '../packages/api/src/orders/search.js'
import { orderSearchStatement } from '../packages/api/src/orders/search.js'
import { openDatabase } from '../packages/api/src/db/open.js'
import { bomLinesPayload } from '../packages/api/src/events/payloads.js'
import { loadModel } from '../packages/api/src/services.js'

const url = process.env['DATABASE_URL'] ?? ''
const opened = await openDatabase({ url })
const model = await loadModel(opened.db, 'T2')
await opened.close()
if (model === undefined) throw new Error('baseline: the database has no catalog or ruleset')
const sql = postgres(url, { max: 10, prepare: true, onnotice: () => undefined })
const [sales] = await sql<{ id: number }[]>`select id from users where username = 'sales'`
if (sales === undefined) throw new Error('baseline: no user "sales"')
const userId = sales.id

function send(response: ServerResponse, status: number, body: string): void {
  response.writeHead(status, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(body),
  })
  response.end(body)
}

function readText(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      resolve(Buffer.concat(chunks).toString('utf8'))
    })
    request.on('error', reject)
  })
}

interface StoredBom {
  id: number
  configuration_id: number
  revision: number
  created_ms: number
  frozen: boolean
  document: BomDocument
}

/** POST /boms: configure, then in one transaction the rows the API writes, in two round trips */
async function postBom(request: IncomingMessage, response: ServerResponse): Promise<void> {
  const input = JSON.parse(await readText(request)) as { configuration: unknown }
  const m = model as NonNullable<typeof model>
  const first = createBomDocument(m.configurator, input.configuration, { now: new Date() })
  if (!first.ok) {
    send(response, 422, JSON.stringify({ findings: first.findings }))
    return
  }
  const hash = first.document.hashes.configuration
  const key = `${hash}:${m.catalogHash}:${m.rulesetId}`
  const requestId = randomUUID()
  const ip = request.socket.remoteAddress ?? null
  const agent = request.headers['user-agent'] ?? null
  const result = await sql.begin(async (tx) => {
    // as the API: key lookups only, so that the foreign-key checks' kept plans are index scans
    const [, , configuration, existing, previous] = await Promise.all([
      tx`set local enable_seqscan = off`,
      tx`select pg_advisory_xact_lock(hashtext(${key}))`,
      tx<{ id: number }[]>`with inserted as (
          insert into configurations (product, hash, data) values (${first.document.product}, ${hash}, ${JSON.stringify(first.document.configuration)}::text::jsonb)
          on conflict (hash) do nothing returning id)
        select id from inserted union all select id from configurations where hash = ${hash} limit 1`,
      tx<
        StoredBom[]
      >`select b.id, b.configuration_id, b.revision, (extract(epoch from b.created_at) * 1000)::float8 as created_ms,
          b.frozen_at is not null as frozen, b.document
        from boms b
        where b.configuration_id = (select id from configurations where hash = ${hash})
          and b.ruleset_id = ${m.rulesetId} and b.catalog_hash = ${m.catalogHash}`,
      tx<{ id: number; document: BomDocument }[]>`select id, document from boms
        where configuration_id = (select id from configurations where hash = ${hash})
        order by id desc limit 1`,
    ])
    const configurationId = configuration[0]?.id
    if (configurationId === undefined) throw new Error('the configuration row is missing')
    const stored = existing[0]
    if (stored !== undefined) return { status: 200, stored }
    let document = first.document
    const last = previous[0]
    if (last !== undefined) {
      const next = createBomDocument(m.configurator, input.configuration, {
        now: new Date(),
        previous: last.document,
      })
      if (next.ok) document = next.document
    }
    const text = JSON.stringify(document)
    const lines = document.lines
    const payload = JSON.stringify({
      product: document.product,
      buildNumber: document.buildNumber,
      revision: document.revision,
      contentHash: document.hashes.content,
      lines: bomLinesPayload(document),
    })
    const custom = lines.filter((line) => line.custom)
    const [, , inserted] = await Promise.all([
      custom.length === 0
        ? Promise.resolve([])
        : tx`insert into items (id, kind, name) select * from unnest(${custom.map((l) => l.id)}::text[], ${custom.map(() => 'custom')}::item_kind[], ${custom.map((l) => l.name)}::text[]) on conflict (id) do nothing`,
      tx`select pg_advisory_xact_lock(7172010)`,
      tx<{ id: number }[]>`with bom as (
          insert into boms (configuration_id, ruleset_id, catalog_hash, content_hash, revision, parent_id, document, created_by, created_at)
          values (${configurationId}, ${m.rulesetId}, ${m.catalogHash}, ${document.hashes.content}, ${document.revision}, ${last?.id ?? null}, ${text}::text::jsonb, ${userId}, ${document.generatedAt}::timestamptz)
          returning id),
        line as (
          insert into bom_lines (bom_id, position, item_id, number, quantity, rules)
          select bom.id, l.position - 1, l.item_id, l.number, l.quantity,
            array(select jsonb_array_elements_text(${JSON.stringify(lines.map((l) => l.rules))}::text::jsonb -> (l.position::int - 1)))
          from bom, unnest(${lines.map((l) => l.id)}::text[], ${lines.map((l) => l.number)}::text[], ${lines.map((l) => l.quantity)}::numeric[])
            with ordinality as l(item_id, number, quantity, position)),
        audit as (
          insert into audit_log (action, entity, entity_id, user_id, after, request_id, ip, user_agent)
          select 'bom.create', 'bom', bom.id::text, ${userId},
            jsonb_build_object('configurationId', ${configurationId}::int, 'revision', ${document.revision}::int, 'contentHash', ${document.hashes.content}::text, 'rulesetId', ${m.rulesetId}::int, 'catalogHash', ${m.catalogHash}::text),
            ${requestId}, ${ip}, ${agent} from bom),
        event as (
          insert into events (id, type, user_id, payload, request_id)
          select ${`evt_${randomUUID().replaceAll('-', '')}`}, 'bom.generated', ${userId},
            jsonb_build_object('bom', jsonb_build_object('id', bom.id) || ${payload}::text::jsonb), ${requestId} from bom)
        select id from bom`,
    ])
    const id = inserted[0]?.id
    if (id === undefined) throw new Error('the BOM insert returned no row')
    return { status: 201, id, configurationId, document, text }
  })
  if ('stored' in result) {
    const s = result.stored
    const view = {
      id: s.id,
      configurationId: s.configuration_id,
      revision: s.revision,
      createdAt: new Date(s.created_ms).toISOString(),
      frozen: s.frozen,
      document: s.document,
      ...(m.priceList === undefined ? {} : { cost: rollUpCost(s.document.flat, m.priceList) }),
    }
    send(response, 200, JSON.stringify(view))
    return
  }
  const { document } = result
  const cost =
    m.priceList === undefined
      ? ''
      : `,"cost":${JSON.stringify(rollUpCost(document.flat, m.priceList))}`
  send(
    response,
    201,
    `{"id":${result.id},"configurationId":${result.configurationId},"revision":${document.revision},"createdAt":${JSON.stringify(new Date(document.generatedAt).toISOString())},"frozen":false,"document":${result.text}${cost}}`,
  )
}

interface OrderRow {
  id: number
  number: string
  customer: string
  poNumber: string | null
  priority: string
  phase: string
  dueDate: string | null
  createdAt: Date
  version: number
}

function page(search: URLSearchParams): { page: number; pageSize: number } {
  return { page: Number(search.get('page') ?? 1), pageSize: Number(search.get('pageSize') ?? 50) }
}

/** GET /orders?q= with the statements the API ran before issue 14 (`/orders-before`) */
async function ordersBefore(search: URLSearchParams, response: ServerResponse): Promise<void> {
  const q = (search.get('q') ?? '').trim()
  const pattern = `%${q.replace(/[\\%_]/g, '\\$&')}%`
  const { page: n, pageSize } = page(search)
  const [rows, totals] = await Promise.all([
    sql<
      OrderRow[]
    >`select o.id, o.number, c.name as customer, o.po_number as "poNumber", o.priority, o.phase,
        o.due_date::text as "dueDate", o.created_at as "createdAt", o.version
      from orders o join customers c on c.id = o.customer_id
      where o.search_text ilike ${pattern}
      order by o.created_at desc, o.id asc limit ${pageSize} offset ${(n - 1) * pageSize}`,
    sql<
      { total: string }[]
    >`select count(*) as total from orders o join customers c on c.id = o.customer_id
      where o.search_text ilike ${pattern}`,
  ])
  send(
    response,
    200,
    JSON.stringify({
      orders: rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() })),
      page: n,
      pageSize,
      total: Number(totals[0]?.total ?? 0),
    }),
  )
}

/** GET /orders?q= with the API's statement since issue 14 (packages/api/src/orders/search.ts) */
async function ordersNow(search: URLSearchParams, response: ServerResponse): Promise<void> {
  const q = (search.get('q') ?? '').trim()
  const { page: n, pageSize } = page(search)
  const { statement, values } = orderSearchStatement({
    q,
    sort: { key: '-created', order: desc(orders.createdAt) },
    limit: pageSize,
    offset: (n - 1) * pageSize,
  })
  const found = await sql.unsafe<OrderSearchRow[]>(
    statement.sql,
    fillPlaceholders(statement.params, values) as never[],
    { prepare: true },
  )
  send(
    response,
    200,
    JSON.stringify({
      orders: found.flatMap((row) =>
        row.id === null
          ? []
          : [
              {
                id: row.id,
                number: row.number,
                customer: row.customer,
                poNumber: row.poNumber,
                priority: row.priority,
                phase: row.phase,
                dueDate: row.dueDate,
                createdAt: new Date(Number(row.createdMs)).toISOString(),
                version: row.version,
              },
            ],
      ),
      page: n,
      pageSize,
      total: Number(found[0]?.total ?? 0),
    }),
  )
}

/** words to prefix-match, as the API builds its tsquery */
function tsquery(text: string): string | undefined {
  const words = text.split(/[^\p{L}\p{N}]+/u).filter((word) => word.length > 0)
  if (words.length === 0) return undefined
  return words
    .slice(0, 10)
    .map((word) => `${word.toLowerCase()}:*`)
    .join(' & ')
}

/** GET /items?q=: the API's two statements, as prepared statements */
async function itemsSearch(search: URLSearchParams, response: ServerResponse): Promise<void> {
  const text = (search.get('q') ?? '').trim()
  const words = tsquery(text) ?? ''
  const { page: n, pageSize } = page(search)
  const [rows, totals] = await Promise.all([
    sql`select i.id, i.name, i.kind, i.subcategory_code as "subcategoryCode", p.unit_price as "unitPrice"
      from items i
      left join price_lists pl on pl.name = 'default'
      left join prices p on p.price_list_id = pl.id and p.item_id = i.id
      where i.retired = false and (i.search @@ to_tsquery('simple', ${words}) or i.id = ${text})
      order by i.id = ${text} desc, ts_rank(i.search, to_tsquery('simple', ${words})) desc, i.id asc
      limit ${pageSize} offset ${(n - 1) * pageSize}`,
    sql<{ total: string }[]>`select count(*) as total from items
      where retired = false and (search @@ to_tsquery('simple', ${words}) or id = ${text})`,
  ])
  send(
    response,
    200,
    JSON.stringify({ items: rows, page: n, pageSize, total: Number(totals[0]?.total ?? 0) }),
  )
}

function notFound(response: ServerResponse): Promise<void> {
  send(response, 404, '{"title":"not found"}')
  return Promise.resolve()
}

const server = createServer((request, response) => {
  const target = new URL(request.url ?? '/', 'http://baseline')
  const route = `${request.method ?? 'GET'} ${target.pathname}`
  const handle =
    route === 'POST /boms'
      ? postBom(request, response)
      : route === 'GET /orders'
        ? ordersNow(target.searchParams, response)
        : route === 'GET /orders-before'
          ? ordersBefore(target.searchParams, response)
          : route === 'GET /items'
            ? itemsSearch(target.searchParams, response)
            : notFound(response)
  handle.catch((error: unknown) => {
    process.stderr.write(`baseline ${route} failed: ${String((error as Error).stack)}\n`)
    if (!response.headersSent) send(response, 500, '{"title":"internal"}')
  })
})
server.listen(0, '127.0.0.1', () => {
  const address = server.address()
  const port = typeof address === 'object' && address !== null ? address.port : 0
  process.stdout.write(`listening on http://127.0.0.1:${port}\n`)
})
process.on('SIGTERM', () => {
  server.close()
  void sql.end({ timeout: 2 }).then(() => process.exit(0))
})
