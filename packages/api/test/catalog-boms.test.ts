import { readFile } from 'node:fs/promises'
import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditLog, items } from '../src/db/schema/index.js'
import type { TestApi } from './harness.js'
import { createTestApi, json, USERS } from './harness.js'

let t: TestApi
let sales: string

async function config(name: string): Promise<Record<string, unknown>> {
  const url = new URL(`../../../fixtures/configs/${name}.json`, import.meta.url)
  return JSON.parse(await readFile(url, 'utf8')) as Record<string, unknown>
}

beforeAll(async () => {
  t = await createTestApi()
  sales = await t.token(USERS.SALES_MANAGER)
}, 120_000)
afterAll(async () => {
  await t.close()
})

describe('catalog endpoints', () => {
  it('returns the category tree with item counts', async () => {
    const body = await json<{ categories: { code: string; subcategories: { items: number }[] }[] }>(
      await t.call('GET', '/categories', { token: sales }),
    )
    expect(body.categories.map((category) => category.code)).toContain('718')
    const counted = body.categories
      .flatMap((c) => c.subcategories)
      .reduce((sum, s) => sum + s.items, 0)
    expect(counted).toBeGreaterThan(0)
  })

  it('finds items by words of their id or name, exact id first, with paging', async () => {
    const search = await json<{ items: { id: string }[]; total: number }>(
      await t.call('GET', '/items?q=pan%20head&pageSize=2', { token: sales }),
    )
    expect(search.total).toBeGreaterThanOrEqual(1)
    expect(search.items.length).toBeLessThanOrEqual(2)
    expect(search.items[0]?.id).toMatch(/PAN HEAD/)
    const exact = await json<{ items: { id: string }[] }>(
      await t.call('GET', `/items?q=${encodeURIComponent('T2-BSN-ESK-KIT')}`, { token: sales }),
    )
    expect(exact.items[0]?.id).toBe('T2-BSN-ESK-KIT')
    const assemblies = await json<{ items: { kind: string }[]; total: number }>(
      await t.call('GET', '/items?type=assembly&pageSize=200', { token: sales }),
    )
    expect(assemblies.items.every((item) => item.kind === 'assembly')).toBe(true)
    const page2 = await json<{ items: { id: string }[]; page: number }>(
      await t.call('GET', '/items?type=assembly&page=2&pageSize=5', { token: sales }),
    )
    expect(page2.items[0]?.id).toBe((assemblies.items as unknown as { id: string }[])[5]?.id)
    // punctuation in the query is safe
    expect(
      (await t.call('GET', `/items?q=${encodeURIComponent("':*&|!()")}`, { token: sales })).status,
    ).toBe(200)
    const bad = await t.call('GET', '/items?page=0&pageSize=1000&colour=red', { token: sales })
    expect(bad.status).toBe(400)
    expect(
      (await json<{ errors: { path: string }[] }>(bad)).errors.map((e) => e.path).sort(),
    ).toEqual(['query.colour', 'query.page', 'query.pageSize'])
  })

  it('serves items whose ids have spaces, slashes and quotes, percent-encoded', async () => {
    const id = '10-32 X 1/2" PAN HEAD SCREW'
    const response = await t.call('GET', `/items/${encodeURIComponent(id)}`, { token: sales })
    expect(response.status).toBe(200)
    expect(await json(response)).toMatchObject({ id, kind: 'part' })
    const usedIn = await json<{ usedIn: { id: string }[] }>(
      await t.call('GET', `/items/${encodeURIComponent(id)}/where-used`, { token: sales }),
    )
    expect(usedIn.usedIn.length).toBeGreaterThan(0)
  })

  it('explodes an item as a tree or a flat list, for any quantity', async () => {
    const tree = await json<{ tree: { id: string; quantity: string; children: unknown[] } }>(
      await t.call('GET', '/items/T2-BSN-ESK-KIT/explode?quantity=2', { token: sales }),
    )
    expect(tree.tree).toMatchObject({ id: 'T2-BSN-ESK-KIT', quantity: '2' })
    expect(tree.tree.children.length).toBeGreaterThan(0)
    const once = await json<{ flat: { id: string; quantity: string }[] }>(
      await t.call('GET', '/items/T2-BSN-ESK-KIT/explode?flat=true', { token: sales }),
    )
    const twice = await json<{ flat: { id: string; quantity: string }[] }>(
      await t.call('GET', '/items/T2-BSN-ESK-KIT/explode?flat=1&quantity=2', { token: sales }),
    )
    expect(twice.flat.map((line) => Number(line.quantity))).toEqual(
      once.flat.map((line) => 2 * Number(line.quantity)),
    )
    const bad = await t.call('GET', '/items/T2-BSN-ESK-KIT/explode?quantity=-1&flat=yes', {
      token: sales,
    })
    expect(bad.status).toBe(400)
  })

  it('answers an unknown item with a 404 problem and a suggestion', async () => {
    const response = await t.call('GET', '/items/T2-BSN-ESK-KT/explode', { token: sales })
    expect(response.status).toBe(404)
    expect(await json(response)).toMatchObject({
      type: 'https://torvan.dev/problems/not-found',
      detail: 'There is no item "T2-BSN-ESK-KT" in the catalog: did you mean "T2-BSN-ESK-KIT"?',
    })
  })
})

describe('configurations and BOMs', () => {
  it('validates a configuration: findings with paths and rules', async () => {
    const valid = await json(
      await t.call('POST', '/configurations/validate', {
        token: sales,
        body: { configuration: await config('t2-b2-standard') },
      }),
    )
    expect(valid['ok']).toBe(true)
    const invalid = await json<{
      ok: boolean
      findings: { severity: string; path: string; rule: string }[]
    }>(
      await t.call('POST', '/configurations/validate', {
        token: sales,
        body: { configuration: await config('t2-b2-invalid') },
      }),
    )
    expect(invalid.ok).toBe(false)
    expect(invalid.findings.filter((f) => f.severity === 'error').length).toBeGreaterThan(0)
    expect(invalid.findings.every((f) => typeof f.path === 'string' && f.rule !== '')).toBe(true)
  })

  it('lists what can still be chosen, with the reasons for what cannot', async () => {
    const partial = { product: 'T2', model: 'T2-B2', pegboard: { type: 'PERFORATED' } }
    const response = await t.call('POST', '/configurations/options', {
      token: sales,
      body: { configuration: partial },
    })
    expect(response.status).toBe(200)
    const result = await json<{
      ok: boolean
      options: {
        path: string
        allowed?: unknown[]
        ruledOut?: { value: unknown; reasons: { rule: string; message: string }[] }[]
      }[]
    }>(response)
    expect(result.ok).toBe(true)
    const ruledOut = result.options.flatMap((option) => option.ruledOut ?? [])
    expect(ruledOut.length).toBeGreaterThan(0)
    expect(
      ruledOut.every(
        (value) => value.reasons.length > 0 && value.reasons.every((r) => r.rule !== ''),
      ),
    ).toBe(true)
    const malformed = await json<{ ok: boolean; problems: { path: string }[] }>(
      await t.call('POST', '/configurations/options', {
        token: sales,
        body: { configuration: { product: 'T2', model: 'T9' } },
      }),
    )
    expect(malformed.ok).toBe(false)
    expect(malformed.problems.map((problem) => problem.path)).toContain('model')
  })

  it('explains why a line is in the BOM, and answers an unknown item with a 404 problem', async () => {
    const configuration = await config('t2-b2-standard')
    const first = await json<{ document: { lines: { id: string }[] } }>(
      await t.call('POST', '/boms', { token: sales, body: { configuration } }),
    )
    const line = first.document.lines[0]?.id ?? ''
    const response = await t.call('POST', '/configurations/explain', {
      token: sales,
      body: { configuration, items: [line] },
    })
    expect(response.status).toBe(200)
    const { explanations } = await json<{
      explanations: { verdict: string; rules: { adds: boolean }[] }[]
    }>(response)
    expect(explanations[0]?.verdict).toBe('added')
    expect(explanations[0]?.rules.some((rule) => rule.adds)).toBe(true)
    // a derived fact is followed down to the configuration fields that decided it
    const control = await json<{
      explanations: { rules: { conditions: { conditions?: unknown[] } }[] }[]
    }>(
      await t.call('POST', '/configurations/explain', {
        token: sales,
        body: { configuration, items: ['T2-CTRL-EDR1-ESK1'] },
      }),
    )
    expect(control.explanations[0]?.rules[0]?.conditions.conditions?.[0]).toMatchObject({
      fact: 'controlBoxId',
      actual: 'T2-CTRL-EDR1-ESK1',
      derivation: {
        fact: 'controlBoxId',
        facts: expect.arrayContaining([
          expect.objectContaining({
            fact: 'eDrainCount',
            value: 1,
            fields: [{ path: 'basins[1].type', value: 'E_DRAIN' }],
          }),
          expect.objectContaining({
            fact: 'eSinkCount',
            value: 1,
            fields: [{ path: 'basins[0].type', value: 'E_SINK' }],
          }),
        ]) as unknown,
      },
    })
    // why not: the smallest change that would add it; all: true lists every rule that can give it
    const whyNot = await json<{
      explanations: { verdict: string; change?: { message: string }; rules: unknown[] }[]
    }>(
      await t.call('POST', '/configurations/explain', {
        token: sales,
        body: { configuration, items: ['T2-ADW-PB-6036-BLUE-SOLID-KIT'], all: true },
      }),
    )
    expect(whyNot.explanations[0]).toMatchObject({
      verdict: 'not-added',
      change: { message: 'set pegboard.type to "SOLID"' },
    })
    const unknown = await t.call('POST', '/configurations/explain', {
      token: sales,
      body: { configuration, items: ['T2-BSN-ESK-KT'] },
    })
    expect(unknown.status).toBe(404)
    expect((await json(unknown))['detail']).toContain('did you mean "T2-BSN-ESK-KIT"')
  })

  it('stores a BOM once per configuration, catalog and rules', async () => {
    const configuration = await config('t2-b2-custom')
    const first = await t.call('POST', '/boms', { token: sales, body: { configuration } })
    expect(first.status).toBe(201)
    const created = await json<{
      id: number
      revision: number
      document: { lines: { id: string; custom: boolean }[] }
    }>(first)
    expect(first.headers.get('location')).toBe(`/boms/${created.id}`)
    expect(created.revision).toBe(1)
    const custom = created.document.lines.filter((line) => line.custom)
    expect(custom.length).toBeGreaterThan(0)

    // the same configuration, keys in another order: the same BOM
    const reordered = Object.fromEntries(Object.entries(configuration).reverse())
    const again = await t.call('POST', '/boms', {
      token: sales,
      body: { configuration: reordered },
    })
    expect(again.status).toBe(200)
    expect((await json<{ id: number }>(again)).id).toBe(created.id)

    // custom parts are registered once, and can be looked up
    for (const line of custom) {
      const rows = await t.api.services.db.select().from(items).where(eq(items.id, line.id))
      expect(rows).toHaveLength(1)
      expect(rows[0]?.kind).toBe('custom')
      const item = await json(
        await t.call('GET', `/items/${encodeURIComponent(line.id)}`, { token: sales }),
      )
      expect(item).toMatchObject({ id: line.id, kind: 'custom' })
      expect(item['spec']).toBeTypeOf('object')
    }
    const audits = await t.api.services.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'bom'), eq(auditLog.entityId, String(created.id))))
    expect(audits.map((row) => row.action)).toEqual(['bom.create'])
  })

  it('returns a BOM as JSON or CSV, and diffs two BOMs', async () => {
    const a = await json<{ id: number; document: { hashes: { content: string } } }>(
      await t.call('POST', '/boms', {
        token: sales,
        body: { configuration: await config('t2-b1-minimal') },
      }),
    )
    const b = await json<{ id: number }>(
      await t.call('POST', '/boms', {
        token: sales,
        body: { configuration: await config('t2-b2-standard') },
      }),
    )
    const read = await json<{ id: number; document: { hashes: { content: string } } }>(
      await t.call('GET', `/boms/${a.id}`, { token: sales }),
    )
    expect(read.document.hashes.content).toBe(a.document.hashes.content)
    const csv = await t.call('GET', `/boms/${a.id}`, {
      token: sales,
      headers: { Accept: 'text/csv' },
    })
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect((await csv.text()).replace(/^\uFEFF/, '')).toMatch(
      /^level,path,number,id,name,quantity,unit_cost,line_total\r?\n/,
    )
    const xml = await t.call('GET', `/boms/${a.id}`, {
      token: sales,
      headers: { Accept: 'application/xml' },
    })
    expect(xml.status).toBe(406)
    const diff = await json<{
      from: number
      to: number
      lines: { added: unknown[]; removed: unknown[] }
    }>(await t.call('GET', `/boms/${a.id}/diff/${b.id}`, { token: sales }))
    expect(diff).toMatchObject({ from: a.id, to: b.id })
    expect(diff.lines.added.length + diff.lines.removed.length).toBeGreaterThan(0)
    expect((await t.call('GET', '/boms/999999', { token: sales })).status).toBe(404)
    expect((await t.call('GET', '/boms/abc', { token: sales })).status).toBe(400)
  })

  it('answers an invalid configuration with a 422 problem naming each path, and stores nothing', async () => {
    const before = await t.api.services.db.select().from(auditLog)
    const response = await t.call('POST', '/boms', {
      token: sales,
      body: { configuration: await config('t2-b2-invalid') },
    })
    expect(response.status).toBe(422)
    const problem = await json<{
      type: string
      errors: { path: string; message: string }[]
      findings: unknown[]
    }>(response)
    expect(problem.type).toBe('https://torvan.dev/problems/invalid-configuration')
    expect(problem.errors.length).toBeGreaterThan(0)
    expect(problem.errors.every((error) => error.path.startsWith('body.configuration'))).toBe(true)
    expect(await t.api.services.db.select().from(auditLog)).toHaveLength(before.length)
    const missing = await t.call('POST', '/boms', { token: sales, body: { config: {} } })
    expect(missing.status).toBe(400)
  })

  it('never answers with a stack trace', async () => {
    const huge = 'x'.repeat(2 * 1024 * 1024)
    const tooLarge = await t.call('POST', '/boms', {
      token: sales,
      body: { configuration: { huge } },
    })
    expect(tooLarge.status).toBe(413)
    expect(tooLarge.headers.get('content-type')).toBe('application/problem+json')
    const text = await (await t.call('POST', '/boms', { token: sales, body: '[1,' })).text()
    expect(text).not.toMatch(/\bat .*\.(ts|js):\d+/)
  })
})
