import { configurationJsonSchema } from '@torvan/configurator-core'
import { z } from 'zod'
import { PERMISSIONS } from '../permissions.js'
import { VERSION } from '../version.js'
import type { ProblemKind } from './problem.js'
import { PROBLEMS, problemType } from './problem.js'
import type { Model, Models } from '../services.js'
import { EXAMPLE_PRODUCT } from './examples.js'
import type { AnyRoute } from './route.js'
import { ConfigurationInput } from './configuration-input.js'

type JsonSchema = Record<string, unknown>

const CONFIGURATION_REF = '#/components/schemas/Configuration'

function schemaOf(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const json = z.toJSONSchema(schema, {
    io,
    unrepresentable: 'any',
    target: 'draft-2020-12',
    // every configuration in a body points at the one generated from the product model
    override: ({ zodSchema, jsonSchema }) => {
      if ((zodSchema as unknown) !== ConfigurationInput) return
      const replaced = jsonSchema as JsonSchema
      for (const key of Object.keys(replaced)) Reflect.deleteProperty(replaced, key)
      replaced['$ref'] = CONFIGURATION_REF
    },
  })
  delete json.$schema
  return json
}

/** without a loaded product model, all the document can say of a configuration */
const OPAQUE_CONFIGURATION: JsonSchema = {
  type: 'object',
  description:
    'a configuration of the product; its full schema appears here once a catalog and rules are imported',
}

function parameters(schema: z.ZodType | undefined, where: 'path' | 'query'): JsonSchema[] {
  if (schema === undefined) return []
  const json = schemaOf(schema, 'input')
  const properties = (json['properties'] ?? {}) as Record<string, JsonSchema>
  const required = new Set((json['required'] ?? []) as string[])
  return Object.entries(properties).map(([name, property]) => {
    const { description, ...rest } = property
    return {
      name,
      in: where,
      required: where === 'path' || required.has(name),
      ...(typeof description === 'string' ? { description } : {}),
      schema: rest,
    }
  })
}

const PROBLEM_SCHEMA: JsonSchema = {
  type: 'object',
  description: 'An RFC 9457 problem document.',
  required: ['type', 'title', 'status', 'detail'],
  properties: {
    type: { type: 'string', format: 'uri', description: 'stable: clients switch on it' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string', description: 'what went wrong and how to fix it, as a sentence' },
    instance: { type: 'string' },
    requestId: { type: 'string' },
    errors: {
      type: 'array',
      description: 'for validation problems: every invalid input, by path',
      items: {
        type: 'object',
        required: ['path', 'message'],
        properties: {
          path: { type: 'string', examples: ['body.basins[1].size'] },
          message: { type: 'string' },
          code: { type: 'string' },
        },
      },
    },
  },
}

const IF_MATCH: JsonSchema = {
  name: 'If-Match',
  in: 'header',
  required: false,
  description:
    'The ETag of the version you read, such as `"3"`; instead of, or equal to, the body’s `version`. Stale: 412; neither: 428.',
  schema: { type: 'string', examples: ['"3"'] },
}

const IDEMPOTENCY_KEY: JsonSchema = {
  name: 'Idempotency-Key',
  in: 'header',
  required: false,
  description:
    'Any unique string: a retry with the same key and body answers with the first success (`Idempotent-Replayed: true`); the same key with another body is a 422.',
  schema: { type: 'string', maxLength: 255, examples: ['5f0c8a4e-order-create-1'] },
}

function headers(route: AnyRoute): JsonSchema[] {
  return [
    ...(route.versioned === true ? [IF_MATCH] : []),
    ...(route.idempotent === true ? [IDEMPOTENCY_KEY] : []),
  ]
}

function requestBody(route: AnyRoute): JsonSchema {
  if (route.body !== undefined) {
    const example = route.example?.()
    return {
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: schemaOf(route.body, 'input'),
            ...(example === undefined ? {} : { example }),
          },
        },
      },
    }
  }
  if (route.uploadTypes !== undefined) {
    return {
      requestBody: {
        required: true,
        content: Object.fromEntries(
          route.uploadTypes.map((type) => [type, { schema: { type: 'string', format: 'binary' } }]),
        ),
      },
    }
  }
  return {}
}

function withoutDialect(schema: JsonSchema): JsonSchema {
  return Object.fromEntries(Object.entries(schema).filter(([key]) => key !== '$schema'))
}

/** every kind of problem the API answers, as a Markdown table for the document's description */
function problemTable(): string {
  const rows = Object.entries(PROBLEMS).map(
    ([kind, { status, title }]) =>
      `| \`${problemType(kind as ProblemKind)}\` | ${title} | ${status} |`,
  )
  return ['| type | title | status |', '| --- | --- | --- |', ...rows].join('\n')
}

function titleOf(status: number): string {
  return Object.values(PROBLEMS).find((kind) => kind.status === status)?.title ?? 'Problem'
}

/** each kind of problem a status stands for, as a named example (Swagger UI offers them in a list) */
function problemExamples(status: number): Record<string, { summary: string; value: unknown }> {
  return Object.fromEntries(
    Object.entries(PROBLEMS)
      .filter(([, problem]) => problem.status === status)
      .map(([kind, problem]) => [
        kind,
        {
          summary: problem.title,
          value: {
            type: problemType(kind as ProblemKind),
            title: problem.title,
            status,
            detail: problem.example,
          },
        },
      ]),
  )
}

function operation(route: AnyRoute, model: Model | undefined): JsonSchema {
  const responses: Record<string, unknown> = {}
  const success = route.response
  const mediaTypes = success.mediaTypes ?? ['application/json']
  const example = success.example?.(model)
  responses[String(success.status)] = {
    description: success.description,
    ...(success.status === 204
      ? {}
      : {
          content: Object.fromEntries(
            mediaTypes.map((type) => [
              type,
              type === 'application/json' && success.schema !== undefined
                ? {
                    schema: schemaOf(success.schema, 'output'),
                    ...(example === undefined ? {} : { example }),
                  }
                : {},
            ]),
          ),
        }),
  }
  const statuses = new Set([400, 500, ...(route.problems ?? [])])
  if (route.access !== 'public') {
    statuses.add(401)
    if (route.access !== 'authenticated' && route.access !== 'metrics') statuses.add(403)
  }
  for (const status of [...statuses].sort((a, b) => a - b)) {
    responses[String(status)] = {
      description: titleOf(status),
      content: {
        'application/problem+json': {
          schema: { $ref: '#/components/schemas/Problem' },
          examples: problemExamples(status),
        },
      },
    }
  }
  const access =
    route.access === 'public'
      ? 'Public.'
      : route.access === 'authenticated'
        ? 'Any signed-in user.'
        : route.access === 'metrics'
          ? 'Needs the metrics token (`METRICS_TOKEN`) as a bearer token; refused to everyone while none is set.'
          : `Needs the permission \`${route.access}\` (${PERMISSIONS[route.access]})${(route.alsoNeeds ?? []).map((also) => ` and \`${also}\` (${PERMISSIONS[also]})`).join('')}.`
  return {
    operationId: `${route.method}${route.path.replace(/\{([^}]+)\}/g, 'By-$1').replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string | undefined) => (c ?? '').toUpperCase())}`,
    summary: route.summary,
    description: `${route.description === undefined ? '' : `${route.description}\n\n`}${access}`,
    tags: [route.tag],
    'x-permission': route.access,
    ...(route.alsoNeeds === undefined ? {} : { 'x-also-needs': [...route.alsoNeeds] }),
    ...(route.access === 'public' ? { security: [] } : {}),
    parameters: [
      ...parameters(route.params, 'path'),
      ...parameters(route.query, 'query'),
      ...headers(route),
    ],
    ...requestBody(route),
    responses,
  }
}

/** a product's configuration schema's name among the components, e.g. `ConfigurationT2` */
function configurationName(product: string): string {
  return `Configuration${product.replace(/[^A-Za-z0-9._-]/g, '_')}`
}

/**
 * The configuration schemas: one per loaded product (`configurationJsonSchema` of its model), and
 * `Configuration`, which is one of them as its `product` says.
 */
function configurationSchemas(models: Models | undefined): Record<string, JsonSchema> {
  const loaded = [...(models?.loaded ?? new Map<string, Model>())]
  if (loaded.length === 0) return { Configuration: OPAQUE_CONFIGURATION }
  const refs = loaded.map(([product]): [string, string] => [
    product,
    `#/components/schemas/${configurationName(product)}`,
  ])
  return {
    Configuration: {
      description: `a configuration of one of the products (${loaded.map(([product]) => product).join(', ')}), as its \`product\` says`,
      oneOf: refs.map(([, ref]) => ({ $ref: ref })),
      discriminator: { propertyName: 'product', mapping: Object.fromEntries(refs) },
    },
    ...Object.fromEntries(
      loaded.map(([product, model]) => [
        configurationName(product),
        withoutDialect(configurationJsonSchema(model.ruleset, model.catalog)),
      ]),
    ),
  }
}

/**
 * The OpenAPI 3.1 document of the routes, generated from the zod schemas they validate with; with
 * loaded product models, the configuration's schema is one of theirs by `product`
 * (`configurationJsonSchema` of each), and the answers' examples are computed with the model of the
 * samples' product.
 */
export function openApiDocument(routes: readonly AnyRoute[], models?: Models): JsonSchema {
  const model = models?.loaded.get(EXAMPLE_PRODUCT)
  const paths: Record<string, Record<string, unknown>> = {}
  for (const route of routes) {
    const entry = (paths[route.path] ??= {})
    entry[route.method] = operation(route, model)
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'TORVAN configurator API',
      version: VERSION,
      description:
        'Catalog, configurations and BOMs for TORVAN CleanStation sinks. Sign in with `POST /auth/login` and send the token as `Authorization: Bearer <token>` (or use Authorize above). Every error is an RFC 9457 problem document (`application/problem+json`); its `type` is one of these:\n\n' +
        problemTable(),
    },
    servers: [{ url: '/' }],
    security: [{ bearer: [] }],
    paths,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas: { Problem: PROBLEM_SCHEMA, ...configurationSchemas(models) },
    },
  }
}
