import { ConfigurationInput } from '../http/configuration-input.js'
import { sampleConfiguration } from '../http/examples.js'
import {
  bomToCsv,
  ConfiguratorError,
  createBomDocument,
  diffBoms,
  explain,
  explainAsync,
  options,
  optionsAsync,
} from '@torvan/configurator-core'
import { eq } from 'drizzle-orm'
import { z } from 'zod'
import { RowId } from '../http/row-id.js'
import type { BomView as StoredBom } from '../boms/generate.js'
import { bomView, generateBom } from '../boms/generate.js'
import type { Model } from '../services.js'
import type { Database } from '../db/open.js'
import { boms } from '../db/schema/index.js'
import { ProblemError } from '../http/problem.js'
import { defineRoute } from '../http/route.js'
import { requireCatalog, requireModel } from '../http/require-model.js'

/** the one request shape of every route that takes a configuration */
const ConfigurationBody = z.strictObject({ configuration: ConfigurationInput })

const Finding = z.object({
  severity: z.enum(['error', 'warning', 'notice']),
  path: z.string(),
  message: z.string(),
  rule: z.string(),
  code: z.string().optional(),
  hint: z.string().optional(),
})

const BomView = z.object({
  id: z.number(),
  configurationId: z.number(),
  revision: z.number(),
  createdAt: z.string(),
  frozen: z.boolean(),
  document: z.record(z.string(), z.unknown()).describe('the BOM document (docs/bom.md)'),
  cost: z.unknown().optional().describe('only for users with financials:read'),
})

const IdParams = z.object({ id: RowId })

/** the answer of the request example: the T2-B2 standard sample's BOM, as the first one stored */
function exampleBom(model: Model | undefined): StoredBom | undefined {
  if (model === undefined) return undefined
  const createdAt = new Date('2026-12-01T09:30:00.000Z')
  const generated = createBomDocument(
    model.configurator,
    sampleConfiguration('t2-b2-standard', { keepBuildNumber: true }),
    { now: createdAt },
  )
  if (!generated.ok) return undefined
  return bomView(model, {
    id: 1,
    configurationId: 1,
    revision: 1,
    createdAt,
    frozenAt: null,
    document: generated.document,
  })
}

async function readBom(db: Database, id: number) {
  const [row] = await db.select().from(boms).where(eq(boms.id, id))
  if (row === undefined) throw new ProblemError('notFound', `There is no BOM ${id}.`)
  return row
}

/** Validating configurations and generating, reading and comparing BOMs. */
export const bomRoutes = [
  defineRoute({
    method: 'post',
    path: '/configurations/validate',
    summary: 'Check a configuration: every finding, with its path and the rule that said it',
    tag: 'Configurations',
    access: 'configurations:validate',
    example: () => ({
      configuration: sampleConfiguration('t2-b2-standard', { keepBuildNumber: true }),
    }),
    body: ConfigurationBody,
    response: {
      status: 200,
      description: '`ok` is false when a finding is an error',
      schema: z.object({ ok: z.boolean(), findings: z.array(Finding) }),
      example: (model) => {
        if (model === undefined) return undefined
        const result = model.configurator.configure(
          sampleConfiguration('t2-b2-invalid', { keepBuildNumber: true }),
        )
        return { ok: result.ok, findings: result.findings }
      },
    },
    problems: [503],
    handler: ({ body, services }) => {
      const { configurator } = requireModel(services, body.configuration)
      const result = configurator.configure(body.configuration)
      return Promise.resolve({ body: { ok: result.ok, findings: result.findings } })
    },
  }),
  defineRoute({
    method: 'post',
    path: '/configurations/options',
    summary:
      'What can still be chosen: for every option, the values that keep a valid completion, and why the others are ruled out',
    tag: 'Configurations',
    access: 'configurations:validate',
    example: () => ({
      configuration: sampleConfiguration('t2-b1-minimal', { keepBuildNumber: true }),
    }),
    body: ConfigurationBody,
    response: {
      status: 200,
      description:
        'Each option’s possible values (numbers as intervals) and each ruled-out value’s reasons (docs/options.md)',
      schema: z.object({
        ok: z.boolean(),
        product: z.string(),
        options: z.array(z.unknown()),
        problems: z.array(Finding),
      }),
      example: (model) =>
        model === undefined
          ? undefined
          : options(
              model.configurator,
              sampleConfiguration('t2-b1-minimal', { keepBuildNumber: true }),
            ),
    },
    problems: [503],
    handler: async ({ body, services, c }) => {
      const { configurator } = requireModel(services, body.configuration)
      // pauses for the event loop between slices, and stops when the client goes away
      return {
        body: await optionsAsync(configurator, body.configuration, { signal: c.req.raw.signal }),
      }
    },
  }),
  defineRoute({
    method: 'post',
    path: '/configurations/explain',
    summary:
      'Why items are (or are not) in a configuration’s BOM: the rules that can add them, their conditions and fact values',
    tag: 'Configurations',
    access: 'configurations:validate',
    example: () => ({
      configuration: sampleConfiguration('t2-b2-standard', { keepBuildNumber: true }),
      items: ['T2-BSN-ESK-KIT'],
    }),
    body: z.strictObject({
      configuration: ConfigurationInput,
      items: z.array(z.string().min(1)).min(1).max(50).describe('item ids to explain'),
      all: z
        .boolean()
        .optional()
        .describe('also list the rules that fired but gave another id (default false)'),
    }),
    response: {
      status: 200,
      description: 'One explanation per item, in the order asked',
      schema: z.object({ explanations: z.array(z.unknown()) }),
      example: (model) =>
        model === undefined
          ? undefined
          : {
              explanations: [
                explain(
                  model.configurator,
                  sampleConfiguration('t2-b2-standard', { keepBuildNumber: true }),
                  { item: 'T2-BSN-ESK-KIT' },
                ),
              ],
            },
    },
    problems: [404, 503],
    handler: async ({ body, services, c }) => {
      const { configurator } = requireModel(services, body.configuration)
      // the search for a change pauses for the event loop, and stops when the client goes away
      const signal = c.req.raw.signal
      try {
        const explanations = []
        for (const item of body.items)
          explanations.push(
            await explainAsync(configurator, body.configuration, {
              item,
              all: body.all === true,
              signal,
            }),
          )
        return { body: { explanations } }
      } catch (error) {
        if (error instanceof ConfiguratorError && error.code === 'unknown_item') {
          throw new ProblemError(
            'notFound',
            error.message.replace(/^explain\(\): item/, 'The item'),
          )
        }
        throw error
      }
    },
  }),
  defineRoute({
    method: 'post',
    path: '/boms',
    summary: 'Configure with the active rules and store the BOM',
    description:
      'The same configuration with the same catalog and rules answers with the BOM stored before (200); otherwise a new BOM is stored (201), the next revision of the configuration’s previous one. An invalid configuration is a 422 problem listing each path.',
    tag: 'BOMs',
    access: 'boms:generate',
    example: () => ({
      configuration: sampleConfiguration('t2-b2-standard', { keepBuildNumber: true }),
    }),
    idempotent: true,
    body: ConfigurationBody,
    response: {
      status: 201,
      description: 'The stored BOM (200 when it was stored before)',
      schema: BomView,
      example: exampleBom,
    },
    problems: [422, 503],
    handler: async ({ body, user, services, requestId }) => {
      const { status, view, json } = await generateBom(services, {
        configuration: body.configuration,
        user: user,
        requestId,
      })
      return { status, body: json, headers: { Location: `/boms/${view.id}` } }
    },
  }),
  defineRoute({
    method: 'get',
    path: '/boms/{id}',
    summary: 'A stored BOM as JSON, or as CSV with "Accept: text/csv"',
    tag: 'BOMs',
    access: 'boms:read',
    params: IdParams,
    response: {
      status: 200,
      description: 'The BOM; the CSV has costs only for users with financials:read',
      schema: BomView,
      mediaTypes: ['application/json', 'text/csv'],
      example: exampleBom,
    },
    problems: [404, 406],
    handler: async ({ params, user, services, c }) => {
      const model = requireCatalog(services)
      const row = await readBom(services.db, params.id)
      const accept = c.req.header('Accept') ?? '*/*'
      if (/\btext\/csv\b/.test(accept)) {
        const financial = user.permissions.has('financials:read')
        const csv = bomToCsv(
          row.document,
          financial && model.priceList !== undefined ? { prices: model.priceList } : {},
        )
        return c.body(csv, 200, {
          'Content-Type': 'text/csv; charset=utf-8',
          'Content-Disposition': `attachment; filename="bom-${row.id}.csv"`,
        })
      }
      if (!/(application\/json|application\/\*|\*\/\*)/.test(accept)) {
        throw new ProblemError(
          'notAcceptable',
          `A BOM is available as application/json or text/csv; the request accepts only "${accept}".`,
        )
      }
      return { body: bomView(model, row) }
    },
  }),
  defineRoute({
    method: 'get',
    path: '/boms/{id}/diff/{otherId}',
    summary: 'What changed from one BOM to another: lines and parts added, removed, changed',
    tag: 'BOMs',
    access: 'boms:read',
    params: z.object({
      id: RowId,
      otherId: RowId,
    }),
    response: {
      status: 200,
      description: 'The differences from `id` to `otherId`',
      schema: z.object({ from: z.number(), to: z.number(), lines: z.unknown(), flat: z.unknown() }),
    },
    problems: [404],
    handler: async ({ params, services }) => {
      const [from, to] = await Promise.all([
        readBom(services.db, params.id),
        readBom(services.db, params.otherId),
      ])
      const diff = diffBoms(from.document, to.document)
      return { body: { from: from.id, to: to.id, ...diff } }
    },
  }),
]
