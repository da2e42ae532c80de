import { readFile } from 'node:fs/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { apiRoutes } from '../src/app.js'
import type { Permission, RoleCode } from '../src/permissions.js'
import { PERMISSIONS, ROLE_PERMISSIONS, ROLES } from '../src/permissions.js'
import type { TestApi } from './harness.js'
import { createTestApi, json, USERS } from './harness.js'

let t: TestApi
let bomId: number

const sample = JSON.parse(
  await readFile(new URL('../../../fixtures/configs/t2-b2-standard.json', import.meta.url), 'utf8'),
) as Record<string, unknown>

beforeAll(async () => {
  t = await createTestApi()
  const created = await t.call('POST', '/boms', {
    token: await t.token(USERS.SALES_MANAGER),
    body: { configuration: sample },
  })
  expect(created.status).toBe(201)
  bomId = (await json<{ id: number }>(created)).id
}, 120_000)
afterAll(async () => {
  await t.close()
})

const routes = apiRoutes()
const roles = Object.keys(ROLES) as RoleCode[]

/** a concrete path for a route: ids of things that exist */
function concrete(path: string): string {
  return path
    .replace('{asset}', 'swagger-ui.css')
    .replace('/items/{id}', '/items/T2-BSN-ESK-KIT')
    .replace('{otherId}', String(bomId))
    .replace('/boms/{id}', `/boms/${bomId}`)
    .replace('{id}', '1')
}

describe('every route declares who may call it', () => {
  it('has an access rule naming a known permission, or public / authenticated', () => {
    for (const route of routes) {
      expect(
        route.access === 'public' ||
          route.access === 'authenticated' ||
          route.access in PERMISSIONS,
        `${route.method} ${route.path}`,
      ).toBe(true)
    }
    const open = routes
      .filter((route) => route.access === 'public')
      .map((r) => `${r.method} ${r.path}`)
    expect(open.sort()).toEqual([
      // the configurator page and its files carry no data: the page signs in
      'get /app',
      'get /app/assets/{file}',
      'get /docs',
      'get /docs/swagger-init.js',
      'get /docs/{asset}',
      'get /health',
      'get /openapi.json',
      'post /auth/login',
    ])
  })

  it('answers 401 with a problem document and a challenge to requests without a token', async () => {
    for (const route of routes.filter((r) => r.access !== 'public')) {
      const response = await t.call(route.method.toUpperCase(), concrete(route.path), { body: {} })
      expect(response.status, `${route.method} ${route.path}`).toBe(401)
      expect(response.headers.get('content-type')).toBe('application/problem+json')
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/)
    }
  })

  it('refuses forged, malformed and expired tokens', async () => {
    const token = await t.token(USERS.ADMIN)
    const forged = `${token.slice(0, -4)}AAAA`
    for (const header of [`Bearer ${forged}`, 'Bearer', 'Basic YWRtaW46eA==', token]) {
      const response = await t.call('GET', '/me', { headers: { Authorization: header } })
      expect(response.status, header).toBe(401)
    }
    t.clock.advance(9 * 60 * 60 * 1000)
    try {
      const expired = await t.call('GET', '/me', { token })
      expect(expired.status).toBe(401)
      expect((await json(expired))['detail']).toMatch(/expired/)
    } finally {
      t.clock.advance(-9 * 60 * 60 * 1000)
    }
  })
})

describe('the role matrix: every route × every role', () => {
  const guarded = routes.filter(
    (route) => route.access !== 'public' && route.access !== 'authenticated',
  )
  for (const role of roles) {
    it(`${role}: allowed exactly where the matrix grants the permission`, async () => {
      const token = await t.token(USERS[role])
      const granted = new Set<Permission>(ROLE_PERMISSIONS[role])
      for (const route of guarded) {
        // empty bodies: an allowed call fails validation (400), never authorisation
        const response = await t.call(route.method.toUpperCase(), concrete(route.path), {
          token,
          body: {},
        })
        const label = `${role} ${route.method.toUpperCase()} ${route.path} (${route.access})`
        const needed = [route.access as Permission, ...(route.alsoNeeds ?? [])]
        if (needed.every((permission) => granted.has(permission))) {
          expect([401, 403], label).not.toContain(response.status)
        } else {
          expect(response.status, label).toBe(403)
          const body = await json(response)
          expect(body['type']).toBe('https://torvan.dev/problems/forbidden')
          const missing = needed.find((permission) => !granted.has(permission))
          expect(body['detail']).toContain(`needs the permission "${missing}"`)
        }
      }
    })
  }
})

describe('prices and costs only for users with financials:read', () => {
  const priceKeys = /"(unitPrice|unitCost|cost|totalCost|currency|prices?)"/

  it('shows them to a sales manager', async () => {
    const token = await t.token(USERS.SALES_MANAGER)
    const item = await json(await t.call('GET', '/items/DEMO-FRAME-61-72', { token }))
    expect(item['unitPrice']).toMatch(/^\d+(\.\d+)?$/)
    const bom = await json(await t.call('GET', `/boms/${bomId}`, { token }))
    expect(bom['cost']).toMatchObject({ currency: 'USD' })
    const csv = await (
      await t.call('GET', `/boms/${bomId}`, { token, headers: { Accept: 'text/csv' } })
    ).text()
    expect(csv.split('\n')[1]).toMatch(/,\d+(\.\d+)?,\d+(\.\d+)?\r?$/)
  })

  for (const role of roles.filter((r) => !ROLE_PERMISSIONS[r].includes('financials:read'))) {
    it(`hides them from ${role}`, async () => {
      const token = await t.token(USERS[role])
      const answers = [
        await t.call('GET', '/items?q=frame', { token }),
        await t.call('GET', '/items/DEMO-FRAME-61-72', { token }),
        await t.call('GET', '/items/T2-BSN-ESK-KIT/explode?flat=true', { token }),
        await t.call('GET', `/boms/${bomId}`, { token }),
      ]
      for (const answer of answers) {
        expect(answer.status).toBe(200)
        expect(await answer.text()).not.toMatch(priceKeys)
      }
      const csv = await (
        await t.call('GET', `/boms/${bomId}`, { token, headers: { Accept: 'text/csv' } })
      ).text()
      const rows = csv.trim().split(/\r?\n/)
      expect(rows.length).toBeGreaterThan(5)
      // the cost columns are there (the format is fixed) but empty
      expect(rows.slice(1).every((row) => row.endsWith(',,'))).toBe(true)
    })
  }
})

describe('the OpenAPI document', () => {
  it('lists every route with its permission, and renders its reference page', async () => {
    const document = await json<{
      openapi: string
      paths: Record<string, Record<string, { 'x-permission': string }>>
    }>(await t.call('GET', '/openapi.json'))
    expect(document.openapi).toBe('3.1.0')
    for (const route of routes) {
      expect(document.paths[route.path]?.[route.method]?.['x-permission']).toBe(route.access)
    }
    const page = await t.call('GET', '/docs')
    expect(page.headers.get('content-type')).toMatch(/text\/html/)
    expect(await page.text()).toContain('/docs/swagger-init.js')
    expect(await (await t.call('GET', '/docs/swagger-init.js')).text()).toContain('/openapi.json')
    const script = await t.call('GET', '/docs/swagger-ui-bundle.js')
    expect(script.status).toBe(200)
    expect((await script.text()).length).toBeGreaterThan(100_000)
  })
})
