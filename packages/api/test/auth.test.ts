import { and, asc, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { LOCK_MINUTES, MAX_FAILED_LOGINS } from '../src/auth/login.js'
import { auditLog, users } from '../src/db/schema/index.js'
import type { TestApi } from './harness.js'
import { createTestApi, json, PASSWORD, USERS } from './harness.js'

let t: TestApi

beforeAll(async () => {
  t = await createTestApi()
}, 120_000)
afterAll(async () => {
  await t.close()
})

const login = (username: string, password: string) =>
  t.call('POST', '/auth/login', { body: { username, password } })

async function auditRows(action: string, actor?: string) {
  return t.api.services.db
    .select()
    .from(auditLog)
    .where(
      actor === undefined
        ? eq(auditLog.action, action)
        : and(eq(auditLog.action, action), eq(auditLog.actor, actor)),
    )
}

describe('POST /auth/login', () => {
  it('issues a bearer token that /me accepts', async () => {
    const response = await login(USERS.QC_INSPECTOR, PASSWORD)
    expect(response.status).toBe(200)
    const { token, tokenType, expiresAt } = await json<{
      token: string
      tokenType: string
      expiresAt: string
    }>(response)
    expect(tokenType).toBe('Bearer')
    expect(Date.parse(expiresAt)).toBeGreaterThan(Date.now())
    const me = await json(await t.call('GET', '/me', { token }))
    expect(me).toMatchObject({ username: 'qc', roles: ['QC_INSPECTOR'] })
    expect(me['permissions']).toContain('qc:inspect')
  })

  it('stores passwords as scrypt hashes, never in clear', async () => {
    const rows = await t.api.services.db.select({ hash: users.passwordHash }).from(users)
    expect(rows.length).toBe(6)
    for (const row of rows) {
      expect(row.hash).toMatch(/^scrypt\$32768\$8\$1\$[\w-]{22}\$[\w-]{43}$/)
      expect(row.hash).not.toContain(PASSWORD)
    }
  })

  it('answers a wrong password and an unknown user alike, and audits both', async () => {
    const wrong = await login(USERS.CUSTOMER_SERVICE, 'not the password')
    const unknown = await login('nobody', 'whatever')
    for (const response of [wrong, unknown]) {
      expect(response.status).toBe(401)
      expect(response.headers.get('content-type')).toBe('application/problem+json')
      expect((await json(response))['detail']).toBe('The username or password is wrong.')
    }
    expect(await auditRows('auth.login_failed', 'nobody')).toHaveLength(1)
    expect(await auditRows('auth.login_failed', USERS.CUSTOMER_SERVICE)).toHaveLength(1)
    // a success resets the count of failures
    expect((await login(USERS.CUSTOMER_SERVICE, PASSWORD)).status).toBe(200)
  })

  it(`locks an account after ${MAX_FAILED_LOGINS} failures in a row, for ${LOCK_MINUTES} minutes`, async () => {
    for (let attempt = 1; attempt <= MAX_FAILED_LOGINS; attempt++) {
      expect((await login(USERS.ASSEMBLY_TECHNICIAN, `wrong ${attempt}`)).status).toBe(401)
    }
    const locked = await login(USERS.ASSEMBLY_TECHNICIAN, PASSWORD)
    expect(locked.status).toBe(423)
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(LOCK_MINUTES * 60 - 5)
    expect((await json(locked))['detail']).toMatch(/^Too many failed sign-ins for this username/)
    expect(await auditRows('auth.login_failed', USERS.ASSEMBLY_TECHNICIAN)).toHaveLength(
      MAX_FAILED_LOGINS + 1,
    )

    t.clock.advance((LOCK_MINUTES + 1) * 60_000)
    expect((await login(USERS.ASSEMBLY_TECHNICIAN, PASSWORD)).status).toBe(200)
  })

  it('counts parallel wrong passwords atomically: only 5 are checked, and the right one after them is refused', async () => {
    const guesses = Array.from({ length: 30 }, (_, i) =>
      login(USERS.SALES_MANAGER, i === 25 ? PASSWORD : `guess ${i}`),
    )
    const statuses = (await Promise.all(guesses)).map((response) => response.status)
    expect(statuses.filter((status) => status === 401)).toHaveLength(MAX_FAILED_LOGINS)
    expect(statuses.filter((status) => status === 423)).toHaveLength(30 - MAX_FAILED_LOGINS)
    expect(statuses).not.toContain(200)
    expect((await login(USERS.SALES_MANAGER, PASSWORD)).status).toBe(423)
    t.clock.advance((LOCK_MINUTES + 1) * 60_000)
    expect((await login(USERS.SALES_MANAGER, PASSWORD)).status).toBe(200)
  })

  it('locks an unknown username like a real one, with the same words (no account enumeration)', async () => {
    const answers = []
    for (const username of ['ghost', USERS.PRODUCTION_MANAGER]) {
      for (let attempt = 1; attempt <= MAX_FAILED_LOGINS; attempt++) {
        expect((await login(username, `wrong ${attempt}`)).status).toBe(401)
      }
      const locked = await login(username, 'wrong again')
      expect(locked.status).toBe(423)
      answers.push((await json(locked))['detail'])
    }
    expect(answers[0]).toBe(answers[1])
    expect(String(answers[0])).not.toContain(USERS.PRODUCTION_MANAGER)
    t.clock.advance((LOCK_MINUTES + 1) * 60_000)
  })

  it('locks a client address after 20 failures across usernames, and not other addresses', async () => {
    for (let i = 0; i < 20; i++) {
      const response = await t.call('POST', '/auth/login', {
        body: { username: `spray${i % 4}`, password: `wrong ${i}` },
        address: '203.0.113.7',
      })
      expect(response.status).toBe(401)
    }
    const blocked = await t.call('POST', '/auth/login', {
      body: { username: USERS.QC_INSPECTOR, password: PASSWORD },
      address: '203.0.113.7',
    })
    expect(blocked.status).toBe(423)
    const elsewhere = await t.call('POST', '/auth/login', {
      body: { username: USERS.QC_INSPECTOR, password: PASSWORD },
      address: '198.51.100.2',
    })
    expect(elsewhere.status).toBe(200)
    t.clock.advance((LOCK_MINUTES + 1) * 60_000)
  })

  it('names every invalid field of a malformed request', async () => {
    const response = await t.call('POST', '/auth/login', { body: { user: 'admin' } })
    expect(response.status).toBe(400)
    const body = await json<{ errors: { path: string }[] }>(response)
    expect(body.errors.map((error) => error.path).sort()).toEqual([
      'body.password',
      'body.user',
      'body.username',
    ])
    const notJson = await t.call('POST', '/auth/login', { body: '{"username": ' })
    expect(notJson.status).toBe(400)
    expect((await json(notJson))['detail']).toMatch(/not valid JSON/)
    const wrongType = await t.call('POST', '/auth/login', {
      body: 'username=admin',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    })
    expect(wrongType.status).toBe(415)
  })
})

describe('users management', () => {
  it('creates a user who can sign in with the roles given, and audits it', async () => {
    const admin = await t.token(USERS.ADMIN)
    const created = await t.call('POST', '/users', {
      token: admin,
      body: {
        username: 'jo.sales',
        displayName: 'Jo Sales',
        password: 'a long enough password',
        roles: ['SALES_MANAGER', 'CUSTOMER_SERVICE'],
      },
    })
    expect(created.status).toBe(201)
    const user = await json<{ id: number; roles: string[] }>(created)
    expect(created.headers.get('location')).toBe(`/users/${user.id}`)
    expect(user.roles).toEqual(['CUSTOMER_SERVICE', 'SALES_MANAGER'])
    expect((await login('jo.sales', 'a long enough password')).status).toBe(200)
    const [audit] = await t.api.services.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'user.create'), eq(auditLog.entityId, String(user.id))))
    expect(audit?.after).toMatchObject({ username: 'jo.sales' })
    expect(audit?.requestId).toMatch(/[\w-]{8,}/)

    const duplicate = await t.call('POST', '/users', {
      token: admin,
      body: {
        username: 'jo.sales',
        displayName: 'Jo',
        password: 'another long password',
        roles: ['ADMIN'],
      },
    })
    expect(duplicate.status).toBe(409)
    expect((await json(duplicate))['detail']).toBe('The username "jo.sales" is taken.')
  })

  it('rejects weak passwords, unknown roles and bad usernames with their paths', async () => {
    const response = await t.call('POST', '/users', {
      token: await t.token(USERS.ADMIN),
      body: { username: 'X', displayName: '', password: 'short', roles: ['WIZARD'] },
    })
    expect(response.status).toBe(400)
    const body = await json<{ errors: { path: string; message: string }[] }>(response)
    expect(body.errors.map((error) => error.path).sort()).toEqual([
      'body.displayName',
      'body.password',
      'body.roles[0]',
      'body.username',
    ])
    expect(body.errors.find((error) => error.path === 'body.password')?.message).toMatch(
      /12 characters/,
    )
  })

  it('changes roles (effective at once), deactivates, and resets passwords', async () => {
    const admin = await t.token(USERS.ADMIN)
    const created = await json<{ id: number }>(
      await t.call('POST', '/users', {
        token: admin,
        body: {
          username: 'kim',
          displayName: 'Kim',
          password: 'first password 123',
          roles: ['CUSTOMER_SERVICE'],
        },
      }),
    )
    const kim = await json<{ token: string }>(await login('kim', 'first password 123'))
    expect((await t.call('GET', '/users', { token: kim.token })).status).toBe(403)

    const promoted = await t.call('PATCH', `/users/${created.id}`, {
      token: admin,
      body: { roles: ['ADMIN'] },
    })
    expect(promoted.status).toBe(200)
    expect((await t.call('GET', '/users', { token: kim.token })).status).toBe(200)

    // a reset signs the user out everywhere, exactly (the clock does not move: same millisecond);
    // the new password works, the old one does not
    const reset = await t.call('POST', `/users/${created.id}/password`, {
      token: admin,
      body: { password: 'second password 456' },
    })
    expect(reset.status).toBe(204)
    expect((await t.call('GET', '/me', { token: kim.token })).status).toBe(401)
    expect((await login('kim', 'first password 123')).status).toBe(401)
    const again = await json<{ token: string }>(await login('kim', 'second password 456'))

    const deactivated = await t.call('PATCH', `/users/${created.id}`, {
      token: admin,
      body: { active: false },
    })
    expect(await json(deactivated)).toMatchObject({ active: false })
    expect((await t.call('GET', '/me', { token: again.token })).status).toBe(401)
    expect((await login('kim', 'second password 456')).status).toBe(401)

    const audit = await t.api.services.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'user'), eq(auditLog.entityId, String(created.id))))
      .orderBy(asc(auditLog.id))
    expect(audit.map((row) => row.action)).toEqual([
      'user.create',
      'auth.login',
      'user.update',
      'user.password_reset',
      'auth.login_failed',
      'auth.login',
      'user.update',
      'auth.login_failed',
    ])
    const update = audit.find((row) => row.action === 'user.update')
    expect(update?.before).toMatchObject({ roles: ['CUSTOMER_SERVICE'] })
    expect(update?.after).toMatchObject({ roles: ['ADMIN'] })
  })

  it('does not let administrators lock themselves out', async () => {
    const admin = await t.token(USERS.ADMIN)
    const me = await json<{ id: number }>(await t.call('GET', '/me', { token: admin }))
    for (const body of [{ active: false }, { roles: ['SALES_MANAGER'] }]) {
      const response = await t.call('PATCH', `/users/${me.id}`, { token: admin, body })
      expect(response.status).toBe(409)
    }
    expect(
      (await t.call('PATCH', '/users/99999', { token: admin, body: { displayName: 'x' } })).status,
    ).toBe(404)
  })
})
