// The OpenAPI document's answers: an example for the main success answers (computed with the loaded
// product model, so they are the API's own answers to the request examples) and one per problem type.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { apiRoutes } from '../src/app.js'
import { sampleConfiguration } from '../src/http/examples.js'
import { openApiDocument } from '../src/http/openapi.js'
import { PROBLEMS, problemType } from '../src/http/problem.js'
import type { AnyRoute } from '../src/http/route.js'
import type { TestApi } from './harness.js'
import { createTestApi, json, USERS } from './harness.js'

interface Media {
  example?: unknown
  examples?: Record<string, { value: { type: string; status: number; detail: string } }>
}
interface Operation {
  requestBody?: { content: Record<string, Media> }
  responses: Record<string, { content?: Record<string, Media> }>
}
type Document = { paths: Record<string, Record<string, Operation>> }

let t: TestApi
let document: Document
const routes = apiRoutes()
const route = (method: string, path: string): AnyRoute => {
  const found = routes.find((r) => r.method === method && r.path === path)
  if (found === undefined) throw new Error(`no route ${method} ${path}`)
  return found
}
const operation = (r: AnyRoute): Operation => {
  const found = document.paths[r.path]?.[r.method]
  if (found === undefined) throw new Error(`${r.method} ${r.path} is not documented`)
  return found
}
const requestExample = (r: AnyRoute) =>
  operation(r).requestBody?.content['application/json']?.example
const responseExample = (r: AnyRoute) =>
  operation(r).responses[String(r.response.status)]?.content?.['application/json']?.example

beforeAll(async () => {
  t = await createTestApi()
  document = openApiDocument(routes, t.api.services.models) as Document
}, 120_000)
afterAll(async () => {
  await t.close()
})

describe('the OpenAPI document’s answers', () => {
  it('has an example for the main answers, each valid by its route’s schema', () => {
    const main = [
      ['post', '/auth/login'],
      ['post', '/configurations/validate'],
      ['post', '/configurations/options'],
      ['post', '/configurations/explain'],
      ['post', '/boms'],
      ['get', '/boms/{id}'],
    ] as const
    for (const [method, path] of main)
      expect(responseExample(route(method, path)), `${method} ${path}`).toBeDefined()
    const invalid = routes.flatMap((r) => {
      const example = responseExample(r)
      if (example === undefined || r.response.schema === undefined) return []
      const parsed = r.response.schema.safeParse(example)
      return parsed.success ? [] : [`${r.method} ${r.path}: ${parsed.error.message}`]
    })
    expect(invalid).toEqual([])
  })

  it('has no configuration-computed examples without a product model', () => {
    const bare = openApiDocument(routes) as Document
    const boms = bare.paths['/boms']?.['post']?.responses['201']?.content?.['application/json']
    expect(boms?.example).toBeUndefined()
  })

  it('shows the answers the API gives to the request examples', async () => {
    const token = await t.token(USERS.SALES_MANAGER)
    for (const path of ['/configurations/options', '/configurations/explain']) {
      const r = route('post', path)
      const response = await t.call('POST', path, { token, body: requestExample(r) })
      expect(response.status, path).toBe(200)
      expect(await json(response), path).toEqual(responseExample(r))
    }
    // validate's answer is shown for the invalid sample: findings say more than an empty list
    const validate = route('post', '/configurations/validate')
    const invalid = await t.call('POST', '/configurations/validate', {
      token,
      body: { configuration: sampleConfiguration('t2-b2-invalid', { keepBuildNumber: true }) },
    })
    const answer = await json<{ ok: boolean; findings: unknown[] }>(invalid)
    expect(answer.ok).toBe(false)
    expect(answer).toEqual(responseExample(validate))

    const boms = route('post', '/boms')
    const created = await t.call('POST', '/boms', { token, body: requestExample(boms) })
    expect(created.status).toBe(201)
    const stored = await json<{ document: Record<string, unknown> }>(created)
    const example = responseExample(boms) as Record<string, unknown> & {
      document: Record<string, unknown>
    }
    const { id, configurationId, createdAt, document: shown, ...rest } = example
    expect({ id, configurationId, createdAt }).toEqual({
      id: 1,
      configurationId: 1,
      createdAt: '2026-12-01T09:30:00.000Z',
    })
    expect(stored).toMatchObject(rest)
    expect({ ...stored.document, generatedAt: shown['generatedAt'] }).toEqual(shown)
    expect(responseExample(route('get', '/boms/{id}'))).toEqual(example)
  })

  it('lists every problem type under the statuses that carry it', () => {
    const shown = new Map<string, number>()
    for (const operations of Object.values(document.paths))
      for (const op of Object.values(operations))
        for (const [status, answer] of Object.entries(op.responses)) {
          const examples = answer.content?.['application/problem+json']?.examples
          for (const example of Object.values(examples ?? {})) {
            expect(String(example.value.status)).toBe(status)
            expect(example.value.detail).toMatch(/^[A-Zb].*\S$/)
            shown.set(example.value.type, example.value.status)
          }
        }
    const used = new Set(
      Object.values(document.paths).flatMap((ops) =>
        Object.values(ops).flatMap((op) => Object.keys(op.responses).map(Number)),
      ),
    )
    const expected = Object.entries(PROBLEMS)
      .filter(([, problem]) => used.has(problem.status))
      .map(([kind, problem]) => [problemType(kind as keyof typeof PROBLEMS), problem.status])
    expect(expected.length).toBeGreaterThan(12)
    expect([...shown].sort()).toEqual(expected.sort())
  })
})
