import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { apiRoutes } from '../src/app.js'
import { sampleConfiguration } from '../src/http/examples.js'
import { openApiDocument } from '../src/http/openapi.js'
import type { AnyRoute } from '../src/http/route.js'
import type { RoleCode } from '../src/permissions.js'
import { ROLE_PERMISSIONS } from '../src/permissions.js'
import type { TestApi } from './harness.js'
import { createTestApi, json, USERS } from './harness.js'

interface Operation {
  parameters: { name: string; in: string }[]
  requestBody?: { content: Record<string, { schema: Record<string, unknown>; example?: unknown }> }
}

let t: TestApi
const routes = apiRoutes()
const document = openApiDocument(routes) as {
  paths: Record<string, Record<string, Operation>>
  info: { description: string }
}
const withBody = routes.filter((route) => route.body !== undefined)

beforeAll(async () => {
  t = await createTestApi()
}, 120_000)
afterAll(async () => {
  await t.close()
})

function operationOf(route: AnyRoute): Operation {
  const operation = document.paths[route.path]?.[route.method]
  if (operation === undefined) throw new Error(`${route.method} ${route.path} is not documented`)
  return operation
}

/** a demo user who may call the route: the first role granting its permission */
async function tokenFor(route: AnyRoute): Promise<string | undefined> {
  if (route.access === 'public') return undefined
  if (route.access === 'authenticated' || route.access === 'metrics')
    return t.token(USERS.SALES_MANAGER)
  const access = route.access
  const role = (Object.keys(USERS) as RoleCode[]).find((code) =>
    ROLE_PERMISSIONS[code].includes(access),
  )
  return t.token(USERS[role ?? 'ADMIN'])
}

// ids that do not exist: the body is validated before the handler looks anything up, and nothing changes
const concrete = (path: string): string => path.replace(/\{[^}]+\}/g, '999999')

function exampleOf(route: AnyRoute): unknown {
  return operationOf(route).requestBody?.content['application/json']?.example
}

describe('the OpenAPI document’s request examples', () => {
  it('has an example for every JSON request body', () => {
    expect(withBody.length).toBeGreaterThan(25)
    const missing = withBody
      .filter((route) => exampleOf(route) === undefined)
      .map((r) => `${r.method} ${r.path}`)
    expect(missing).toEqual([])
  })

  it('takes the configuration examples from fixtures/configs, without the build number an item has', () => {
    const validate = routes.find((route) => route.path === '/configurations/validate')
    expect(validate && exampleOf(validate)).toEqual({
      configuration: sampleConfiguration('t2-b2-standard', { keepBuildNumber: true }),
    })
    const item = routes.find((route) => route.path === '/orders/{id}/items')
    expect(item && exampleOf(item)).toMatchObject({
      buildNumber: '34567',
      configuration: sampleConfiguration('t2-b2-standard'),
    })
    expect(sampleConfiguration('t2-b2-standard')).not.toHaveProperty('buildNumber')
    expect(sampleConfiguration('t2-b2-standard', { keepBuildNumber: true })).toHaveProperty(
      'buildNumber',
      '34567',
    )
  })

  it('has every example accepted by its route', async () => {
    const refused: string[] = []
    // the password routes last: a password change ends the caller's sessions
    const ordered = [...withBody].sort(
      (a, b) => Number(a.path.includes('password')) - Number(b.path.includes('password')),
    )
    for (const route of ordered) {
      const response = await t.call(route.method.toUpperCase(), concrete(route.path), {
        token: await tokenFor(route),
        body: exampleOf(route),
      })
      const text = await response.text()
      // a 403 naming a permission means the wrong role; others (a wrong current password) are the handler's
      const denied = response.status === 403 && text.includes('"permission"')
      if ([400, 415, 422].includes(response.status) || denied)
        refused.push(`${route.method} ${route.path}: ${response.status} ${text}`)
    }
    expect(refused).toEqual([])
  }, 120_000)

  it('answers an unknown top-level key on every JSON body with a 400 naming it', async () => {
    const accepted: string[] = []
    for (const route of withBody) {
      const example = exampleOf(route) as Record<string, unknown>
      const response = await t.call(route.method.toUpperCase(), concrete(route.path), {
        token: await tokenFor(route),
        body: { ...example, exampel: 1 },
      })
      const body = await json<{ errors?: { path: string; message: string }[] }>(response)
      const named = body.errors?.some((error) => error.message.includes('"exampel"')) ?? false
      if (response.status !== 400 || !named)
        accepted.push(`${route.method} ${route.path}: ${response.status}`)
    }
    expect(accepted).toEqual([])
  }, 120_000)
})

describe('one request shape for a configuration', () => {
  it('refuses a bare configuration on validate and options, saying how to wrap it', async () => {
    for (const path of ['/configurations/validate', '/configurations/options', '/boms']) {
      const response = await t.call('POST', path, {
        token: await t.token(USERS.SALES_MANAGER),
        body: sampleConfiguration('t2-b2-standard'),
      })
      expect(response.status, path).toBe(400)
      const problem = await json(response)
      expect(problem['detail'], path).toMatchInlineSnapshot(
        `"The body must be { "configuration": … }: this looks like a bare configuration; wrap it in { "configuration": … }."`,
      )
      expect(problem['errors']).toEqual([
        {
          path: 'body.configuration',
          message: 'required: the configuration goes in this field',
          code: 'bare_configuration',
        },
      ])
    }
  })

  it('names a misspelt key with a did-you-mean', async () => {
    const response = await t.call('POST', '/configurations/validate', {
      token: await t.token(USERS.SALES_MANAGER),
      body: { configuratoin: sampleConfiguration('t2-b2-standard') },
    })
    expect(response.status).toBe(400)
    const problem = await json<{ errors: { path: string; message: string }[] }>(response)
    expect(problem.errors.map((error) => `${error.path}: ${error.message}`)).toMatchInlineSnapshot(`
      [
        "body.configuration: required: expected object",
        "body.configuratoin: unknown key "configuratoin" (did you mean "configuration"?)",
      ]
    `)
  })

  it('validates the wrapped configuration', async () => {
    const response = await t.call('POST', '/configurations/validate', {
      token: await t.token(USERS.SALES_MANAGER),
      body: { configuration: sampleConfiguration('t2-b2-standard', { keepBuildNumber: true }) },
    })
    expect(response.status).toBe(200)
    expect((await json(response))['ok']).toBe(true)
  })
})

describe('If-Match wherever a version is named', () => {
  it('declares If-Match and Idempotency-Key as header parameters', () => {
    const headersOf = (route: AnyRoute) =>
      operationOf(route)
        .parameters.filter((parameter) => parameter.in === 'header')
        .map((parameter) => parameter.name)
    for (const route of routes) {
      const headers = headersOf(route)
      expect(headers.includes('If-Match'), `${route.method} ${route.path}`).toBe(
        route.versioned === true,
      )
      expect(headers.includes('Idempotency-Key'), `${route.method} ${route.path}`).toBe(
        route.idempotent === true,
      )
    }
    const versioned = routes.filter((route) => route.versioned === true).map((r) => r.path)
    expect(versioned).toEqual(
      expect.arrayContaining(['/tasks/{id}', '/ncrs/{id}', '/ncrs/{id}/transitions']),
    )
  })

  it('asks a task or NCR write for a version, and refuses a header and body that differ', async () => {
    const token = await t.token(USERS.ADMIN)
    for (const [path, method, body] of [
      ['/tasks/999999', 'PATCH', { progress: 10 }],
      ['/ncrs/999999', 'PATCH', { description: 'x' }],
      ['/ncrs/999999/transitions', 'POST', { to: 'IN_PROGRESS' }],
      ['/customers/999999', 'PATCH', { name: 'x' }],
      ['/orders/999999', 'PATCH', { notes: 'x' }],
    ] as const) {
      const none = await t.call(method, path, { token, body })
      expect(none.status, path).toBe(428)
      const both = await t.call(method, path, {
        token,
        body: { ...body, version: 2 },
        headers: { 'If-Match': '"3"' },
      })
      expect(both.status, path).toBe(412)
      expect((await json(both))['detail'], path).toMatch(
        /^If-Match names version 3 of the \w+ and the body's "version" 2: send one, or the same in both\.$/,
      )
      const header = await t.call(method, path, { token, body, headers: { 'If-Match': '"3"' } })
      expect(header.status, path).toBe(404)
    }
  })
})

describe('the configuration’s schema in the document', () => {
  it('is one of the loaded product models’ by product, and every configuration in a body points at it', async () => {
    const live = await json<{
      paths: Record<string, Record<string, Operation>>
      components: { schemas: Record<string, Record<string, unknown>> }
    }>(await t.call('GET', '/openapi.json'))
    expect(live.components.schemas['Configuration']?.['oneOf']).toContainEqual({
      $ref: '#/components/schemas/ConfigurationT2',
    })
    const configuration = live.components.schemas['ConfigurationT2'] ?? {}
    expect(configuration).toMatchObject({
      title: 'T2 CleanStation sink (MDRD family) configuration',
      type: 'object',
      additionalProperties: false,
      required: expect.arrayContaining(['product', 'buildNumber', 'model', 'sink']) as unknown,
    })
    const properties = configuration['properties'] as Record<string, Record<string, unknown>>
    expect(properties['model']).toMatchObject({ enum: ['T2-B1', 'T2-B2', 'T2-B3'] })
    for (const path of ['/configurations/validate', '/boms', '/orders/{id}/items']) {
      const body = live.paths[path]?.['post']?.requestBody?.content['application/json']?.schema
      expect({
        path,
        configuration: (body?.['properties'] as Record<string, unknown> | undefined)?.[
          'configuration'
        ],
      }).toEqual({
        path,
        configuration: { $ref: '#/components/schemas/Configuration' },
      })
    }
  })

  it('is an opaque object, saying why, while no product model is loaded', () => {
    const components = (document as unknown as { components: { schemas: Record<string, unknown> } })
      .components
    expect(components.schemas['Configuration']).toMatchObject({ type: 'object' })
    expect(JSON.stringify(components.schemas['Configuration'])).toContain(
      'once a catalog and rules are imported',
    )
  })
})

describe('the rest of the document', () => {
  it('lists every problem type with its title and status', () => {
    expect(document.info.description).toContain(
      '| `https://torvan.dev/problems/precondition-failed` | Precondition failed | 412 |',
    )
  })

  it('declares the media types of the uploads, as binary', () => {
    const photos = document.paths['/inspections/{id}/photos']?.['post']?.requestBody?.content
    expect(photos?.['image/png']).toEqual({ schema: { type: 'string', format: 'binary' } })
    const documents = document.paths['/documents']?.['post']?.requestBody?.content
    expect(Object.keys(documents ?? {})).toContain('application/pdf')
  })

  it('shows how to sign in and every operation on /docs before its scripts load', async () => {
    const response = await t.call('GET', '/docs')
    const page = await response.text()
    const reference = /<div id="api-reference">([\s\S]*?)<\/div>/.exec(page)?.[1] ?? ''
    expect(reference).toContain('<a href="/openapi.json">/openapi.json</a>')
    expect(reference).toContain(
      '<li><code>POST /configurations/validate</code>: Check a configuration: every finding, with its path and the rule that said it</li>',
    )
    expect(reference.match(/<li>/g)?.length).toBe(routes.length)
  })
})
