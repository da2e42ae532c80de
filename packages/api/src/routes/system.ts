import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { z } from 'zod'
import { migrationStatus } from '../db/migrations.js'
import { docsOutline } from '../http/docs-outline.js'
import { openApiDocument } from '../http/openapi.js'
import { ProblemError } from '../http/problem.js'
import type { AnyRoute } from '../http/route.js'
import { defineRoute } from '../http/route.js'
import { knownProducts } from '../http/require-model.js'
import type { Models, Services } from '../services.js'
import { VERSION } from '../version.js'

/** What GET /ready checks, each `ok` or what is wrong. */
async function readiness(services: Services): Promise<Record<string, string>> {
  const checks: Record<string, string> = {}
  try {
    const status = await migrationStatus(services.db)
    checks['database'] = 'ok'
    checks['migrations'] =
      status.pending === 0
        ? 'ok'
        : `${status.pending} of ${status.committed} migrations not applied (torvan db migrate)`
  } catch {
    // the cause stays in the server's log (a 503 of a query elsewhere); this answer is public
    checks['database'] = 'unreachable'
    checks['migrations'] = 'unknown'
  }
  checks['catalog'] =
    services.models.catalog === undefined || services.models.loaded.size === 0
      ? 'no catalog and rules loaded (torvan db import-catalog <dir> --rules <dir>)'
      : 'ok'
  return checks
}

const ProductState = z.object({
  product: z.string(),
  version: z.number().describe('the active ruleset’s version'),
  state: z.enum(['loaded', 'failed']),
  reason: z.string().optional().describe('why a failed product’s rules do not load'),
})

/** Each product with an active ruleset, in product order: loaded, or failed and why. */
function productStates(models: Models): z.infer<typeof ProductState>[] {
  return knownProducts(models).map((product) => {
    const model = models.loaded.get(product)
    if (model !== undefined) return { product, version: model.rulesetVersion, state: 'loaded' }
    const failure = models.failed.get(product)
    return {
      product,
      version: failure?.version ?? 0,
      state: 'failed',
      reason: failure?.reason ?? '',
    }
  })
}

const swaggerDirectory = dirname(
  createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'),
)

const ASSETS = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
} as const

function docsPage(outline: string): string {
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>TORVAN configurator API</title>
  <link rel="stylesheet" href="/docs/swagger-ui.css">
</head>
<body>
  <div id="api-reference">${outline}</div>
  <script src="/docs/swagger-ui-bundle.js"></script>
  <script src="/docs/swagger-init.js"></script>
</body>
</html>
`
}

// a file of its own, not an inline script, so that the page's Content-Security-Policy can forbid inline scripts
const INIT_SCRIPT = `window.ui = SwaggerUIBundle({ url: '/openapi.json', dom_id: '#api-reference', deepLinking: true, persistAuthorization: true })\n`

/** Health, the OpenAPI document and the interactive API reference (served from this machine). */
export function systemRoutes(routes: () => readonly AnyRoute[]): AnyRoute[] {
  let document: unknown
  let documentModels: Models | undefined
  let page: string | undefined
  return [
    defineRoute({
      method: 'get',
      path: '/health',
      summary: 'Is the process up (liveness), which database, catalog and rules does it run on',
      description:
        'Answers without touching the database, so that a supervisor restarts only a process that stopped answering; a load balancer asks GET /ready.',
      tag: 'System',
      access: 'public',
      response: {
        status: 200,
        description: 'The service is up',
        schema: z.object({
          status: z.literal('ok'),
          version: z.string(),
          database: z.enum(['postgres', 'pglite']),
          catalog: z.object({ hash: z.string(), items: z.number() }).nullable(),
          products: z
            .array(ProductState)
            .describe('every product with active rules: served (loaded), or not and why (failed)'),
        }),
      },
      handler: ({ services }) => {
        const { catalog } = services.models
        return Promise.resolve({
          body: {
            status: 'ok',
            version: VERSION,
            database: services.database.kind,
            catalog:
              catalog === undefined
                ? null
                : { hash: catalog.catalogHash, items: catalog.catalog.items.length },
            products: productStates(services.models),
          },
        })
      },
    }),
    defineRoute({
      method: 'get',
      path: '/ready',
      summary:
        'Can this instance take requests: database reachable, migrations current, catalog and rules loaded',
      description:
        'For load balancers and supervisors: 200 when every check passes, else 503 with the checks that failed, so that a starting or broken instance gets no traffic.',
      tag: 'System',
      access: 'public',
      problems: [503],
      response: {
        status: 200,
        description: 'Every check passed',
        schema: z.object({ status: z.literal('ready'), checks: z.record(z.string(), z.string()) }),
      },
      handler: async ({ services }) => {
        const checks = await readiness(services)
        const failed = Object.entries(checks).filter(([, value]) => value !== 'ok')
        if (failed.length === 0) return { body: { status: 'ready', checks } }
        throw new ProblemError(
          'unavailable',
          `This instance is not ready: ${failed.map(([name, value]) => `${name}: ${value}`).join('; ')}.`,
          { extensions: { checks }, headers: { 'Retry-After': '5' } },
        )
      },
    }),
    defineRoute({
      method: 'get',
      path: '/metrics',
      summary: 'Prometheus metrics of this instance',
      description:
        'Requests by route template and status, database statements and pool, event-loop lag, heap, BOMs generated, webhook deliveries, failed sign-ins. Prometheus text format.',
      tag: 'System',
      access: 'metrics',
      response: { status: 200, description: 'The metrics', mediaTypes: ['text/plain'] },
      handler: async ({ services, c }) => {
        const { registry } = services.metrics
        return c.body(await registry.metrics(), 200, { 'Content-Type': registry.contentType })
      },
    }),
    defineRoute({
      method: 'get',
      path: '/openapi.json',
      summary: 'This API as an OpenAPI 3.1 document',
      tag: 'System',
      access: 'public',
      response: { status: 200, description: 'The OpenAPI document' },
      handler: ({ c, services }) => {
        // built once per set of loaded models: the configuration's schema is generated from them
        if (document === undefined || documentModels !== services.models) {
          document = openApiDocument(routes(), services.models)
          documentModels = services.models
        }
        return Promise.resolve(c.json(document))
      },
    }),
    defineRoute({
      method: 'get',
      path: '/docs',
      summary: 'The interactive API reference',
      tag: 'System',
      access: 'public',
      response: { status: 200, description: 'An HTML page', mediaTypes: ['text/html'] },
      handler: ({ c }) => {
        page ??= docsPage(docsOutline(routes()))
        return Promise.resolve(c.html(page))
      },
    }),
    defineRoute({
      method: 'get',
      path: '/docs/swagger-init.js',
      summary: 'The API reference page’s start-up script',
      tag: 'System',
      access: 'public',
      response: { status: 200, description: 'The script', mediaTypes: ['text/javascript'] },
      handler: ({ c }) =>
        Promise.resolve(
          c.body(INIT_SCRIPT, 200, { 'Content-Type': 'text/javascript; charset=utf-8' }),
        ),
    }),
    defineRoute({
      method: 'get',
      path: '/docs/{asset}',
      summary: 'The API reference page’s script and style sheet',
      tag: 'System',
      access: 'public',
      params: z.object({ asset: z.enum(Object.keys(ASSETS) as [keyof typeof ASSETS]) }),
      response: { status: 200, description: 'The file', mediaTypes: Object.values(ASSETS) },
      handler: async ({ params, c }) => {
        const content = await readFile(join(swaggerDirectory, params.asset))
        return c.body(content, 200, {
          'Content-Type': ASSETS[params.asset],
          'Cache-Control': 'public, max-age=86400',
        })
      },
    }),
  ]
}
