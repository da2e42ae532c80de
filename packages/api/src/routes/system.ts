import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { z } from 'zod'
import { openApiDocument } from '../http/openapi.js'
import type { AnyRoute } from '../http/route.js'
import { defineRoute } from '../http/route.js'
import { VERSION } from '../version.js'

const swaggerDirectory = dirname(
  createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'),
)

const ASSETS = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
} as const

const DOCS_PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>TORVAN configurator API</title>
  <link rel="stylesheet" href="/docs/swagger-ui.css">
</head>
<body>
  <div id="api-reference"></div>
  <script src="/docs/swagger-ui-bundle.js"></script>
  <script src="/docs/swagger-init.js"></script>
</body>
</html>
`

// a file of its own, not an inline script, so that the page's Content-Security-Policy can forbid inline scripts
const INIT_SCRIPT = `window.ui = SwaggerUIBundle({ url: '/openapi.json', dom_id: '#api-reference', deepLinking: true, persistAuthorization: true })\n`

/** Health, the OpenAPI document and the interactive API reference (served from this machine). */
export function systemRoutes(routes: () => readonly AnyRoute[]): AnyRoute[] {
  let document: unknown
  return [
    defineRoute({
      method: 'get',
      path: '/health',
      summary: 'Is the service up, which database, catalog and rules does it run on',
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
          ruleset: z.object({ product: z.string(), version: z.number() }).nullable(),
        }),
      },
      handler: async ({ services }) => {
        await services.db.execute('select 1')
        const model = services.model
        return {
          body: {
            status: 'ok',
            version: VERSION,
            database: services.database.kind,
            catalog:
              model === undefined
                ? null
                : { hash: model.catalogHash, items: model.catalog.items.length },
            ruleset:
              model === undefined
                ? null
                : { product: model.ruleset.product, version: model.rulesetVersion },
          },
        }
      },
    }),
    defineRoute({
      method: 'get',
      path: '/openapi.json',
      summary: 'This API as an OpenAPI 3.1 document',
      tag: 'System',
      access: 'public',
      response: { status: 200, description: 'The OpenAPI document' },
      handler: ({ c }) => {
        document ??= openApiDocument(routes())
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
      handler: ({ c }) => Promise.resolve(c.html(DOCS_PAGE)),
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
