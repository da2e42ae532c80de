import { createHash } from 'node:crypto'
import { readdir, readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { hashRuleset } from '@torvan/configurator-core'
import type { Context } from 'hono'
import { z } from 'zod'
import { ProblemError } from '../http/problem.js'
import { withoutFinancials } from '../http/redact.js'
import type { AppEnv } from '../http/route.js'
import { defineRoute } from '../http/route.js'
import { DEMO } from '../seed.js'
import type { Model } from '../services.js'
import { requireModel } from '../http/require-model.js'

/**
 * Where the built page is: `TORVAN_WEB_DIR` (tests build into a folder of their own), else the
 * `dist` folder of @torvan/web.
 */
function webDirectory(): string {
  const configured = process.env['TORVAN_WEB_DIR']
  if (configured !== undefined && configured !== '') return configured
  return join(dirname(createRequire(import.meta.url).resolve('@torvan/web/package.json')), 'dist')
}

/** the repository's rule cases, beside the rules the demo database is seeded with */
const CASES_DIRECTORY = join(DEMO.rules, 'tests')

/** the product the configurator page configures, and whose rule cases it plays */
const PAGE_PRODUCT = 'T2'
const MAX_CASE_FILES = 100

const TYPES: Record<string, string> = {
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  svg: 'image/svg+xml',
  woff2: 'font/woff2',
}

/** hashed file names only, as Vite writes them: `index-Ab12_cd3.js` */
const Asset = z
  .string()
  .max(200)
  .regex(/^[\w.-]+-[\w-]{6,}\.(js|css|svg|woff2)$/, 'expected a file name of the built page')

interface Encoded {
  plain: Buffer
  gzip: Buffer
  etag: string
}

function encode(content: Buffer): Encoded {
  return {
    plain: content,
    gzip: gzipSync(content),
    etag: `"${createHash('sha256').update(content).digest('hex')}"`,
  }
}

/** the bytes to send: gzip when the client takes it */
function send(c: Context<AppEnv>, file: Encoded, headers: Record<string, string>): Response {
  const all: Record<string, string> = { ...headers, ETag: file.etag, Vary: 'Accept-Encoding' }
  if (c.req.header('If-None-Match') === file.etag) return c.body(null, 304, all)
  if (/\bgzip\b/.test(c.req.header('Accept-Encoding') ?? '')) {
    return c.body(new Uint8Array(file.gzip), 200, { ...all, 'Content-Encoding': 'gzip' })
  }
  return c.body(new Uint8Array(file.plain), 200, all)
}

// built files by path, read once per process (a new build means a new start)
const files = new Map<string, Encoded>()

async function builtFile(name: string): Promise<Encoded | undefined> {
  const path = join(webDirectory(), name)
  let file = files.get(path)
  if (file === undefined) {
    const content = await readFile(path).catch(() => undefined)
    if (content === undefined) return undefined
    file = encode(content)
    files.set(path, file)
  }
  return file
}

// the model's JSON, once per model and audience (with or without prices)
const models = new WeakMap<Model, Map<boolean, Encoded>>()

function modelBody(model: Model, financial: boolean): Encoded {
  let byAudience = models.get(model)
  if (byAudience === undefined) models.set(model, (byAudience = new Map<boolean, Encoded>()))
  let encoded = byAudience.get(financial)
  if (encoded === undefined) {
    const { catalog, ruleset } = model
    const body = {
      product: ruleset.product,
      catalogHash: model.catalogHash,
      rulesetHash: hashRuleset(ruleset),
      rulesetId: model.rulesetId,
      rulesetVersion: model.rulesetVersion,
      catalog: {
        categories: catalog.categories,
        subcategories: catalog.subcategories,
        items: catalog.items,
      },
      rules: ruleset.source,
      ...(financial && model.priceList !== undefined ? { priceList: model.priceList } : {}),
    }
    // no price or cost field reaches a user without financials:read, at any depth
    encoded = encode(Buffer.from(JSON.stringify(financial ? body : withoutFinancials(body))))
    byAudience.set(financial, encoded)
  }
  return encoded
}

/** The configurator page (`/app`) and what it runs on: the product's model and the rule cases. */
export const webRoutes = [
  defineRoute({
    method: 'get',
    path: '/app',
    summary: 'The configurator page: sign in, configure a sink, see its BOM, save it to an order',
    description:
      'The page runs the configurator core in the browser on the model from GET /model; it is built from packages/web.',
    tag: 'Configurator page',
    access: 'public',
    response: { status: 200, description: 'An HTML page', mediaTypes: ['text/html'] },
    problems: [503],
    handler: async ({ c }) => {
      const page = await builtFile('index.html')
      if (page === undefined) {
        throw new ProblemError(
          'unavailable',
          `The configurator page is not built: run "pnpm build" (it is looked for in ${webDirectory()}).`,
        )
      }
      // the page names its hashed files: it is checked on every load, they never change
      return send(c, page, {
        'Content-Type': 'text/html; charset=utf-8',
        'Cache-Control': 'no-cache',
      })
    },
  }),
  defineRoute({
    method: 'get',
    path: '/app/assets/{file}',
    summary: 'A script or style sheet of the configurator page (content-hashed: cached for good)',
    tag: 'Configurator page',
    access: 'public',
    params: z.object({ file: Asset }),
    response: {
      status: 200,
      description: 'The file',
      mediaTypes: ['text/javascript', 'text/css'],
    },
    problems: [404],
    handler: async ({ params, c }) => {
      const file = await builtFile(join('assets', params.file))
      if (file === undefined)
        throw new ProblemError('notFound', `The page has no file ${params.file}; reload /app.`)
      const extension = params.file.slice(params.file.lastIndexOf('.') + 1)
      return send(c, file, {
        'Content-Type': TYPES[extension] ?? 'application/octet-stream',
        'Cache-Control': 'public, max-age=31536000, immutable',
      })
    },
  }),
  defineRoute({
    method: 'get',
    path: '/model',
    summary:
      'The product’s model for configuring in the browser: catalog, rule files and product model (prices with financials:read)',
    description:
      'Build it with buildCatalog(catalog) and compileRuleset(rules, { catalog }) from @torvan/configurator-core. The ETag is the hash of the body: send If-None-Match to get 304 while it is unchanged.',
    tag: 'Configurator page',
    access: 'catalog:read',
    query: z.strictObject({
      product: z
        .string()
        .min(1)
        .default(PAGE_PRODUCT)
        .describe(`the product (default ${PAGE_PRODUCT}, the configurator page’s)`),
    }),
    response: {
      status: 200,
      description: 'The model; 304 when If-None-Match names its ETag',
      schema: z.object({
        product: z.string(),
        catalogHash: z.string(),
        rulesetHash: z.string(),
        rulesetId: z.number(),
        rulesetVersion: z.number(),
        catalog: z.object({
          categories: z.array(z.unknown()),
          subcategories: z.array(z.unknown()),
          items: z.array(z.unknown()),
        }),
        rules: z.object({
          product: z.object({ file: z.string(), content: z.unknown() }),
          numbers: z.object({ file: z.string(), content: z.unknown() }).optional(),
          rules: z.array(z.object({ file: z.string(), content: z.unknown() })),
        }),
        priceList: z.unknown().optional().describe('only for users with financials:read'),
      }),
    },
    problems: [422, 503],
    handler: ({ query, services, user, c }) => {
      const financial = user.permissions.has('financials:read')
      const body = modelBody(requireModel(services, query, 'query'), financial)
      return Promise.resolve(
        send(c, body, {
          'Content-Type': 'application/json',
          // per user (prices), and checked with the server on each use
          'Cache-Control': 'private, no-cache',
        }),
      )
    },
  }),
  defineRoute({
    method: 'get',
    path: '/model/cases',
    summary: 'The rule test cases that ship with the service, for the rule playground',
    description:
      'The playground runs them with runRuleCases() against rules being edited; nothing is stored.',
    tag: 'Configurator page',
    access: 'catalog:read',
    response: {
      status: 200,
      description: `The cases files (at most ${MAX_CASE_FILES}); none when the service runs without the repository's rules folder`,
      schema: z.object({ files: z.array(z.object({ file: z.string(), content: z.unknown() })) }),
    },
    handler: async () => {
      const names = await readdir(CASES_DIRECTORY).catch(() => [] as string[])
      const files = await Promise.all(
        names
          .filter((name) => name.endsWith('.cases.json'))
          .sort()
          .slice(0, MAX_CASE_FILES)
          .map(async (name) => ({
            file: `tests/${name}`,
            content: JSON.parse(await readFile(join(CASES_DIRECTORY, name), 'utf8')) as unknown,
          })),
      )
      return { body: { files } }
    },
  }),
]
