import { describe, expect, it } from 'vitest'
import { createTorvanClient, expectOk, ProblemError } from './index.js'

/** a fetch that records each request and answers from a table of `METHOD path` → Response */
function fakeFetch(answers: Record<string, () => Response>) {
  const seen: Request[] = []
  const fetch = (request: Request) => {
    seen.push(request)
    const key = `${request.method} ${new URL(request.url).pathname}`
    const answer = answers[key]
    return Promise.resolve(
      answer === undefined ? new Response('no such route', { status: 404 }) : answer(),
    )
  }
  return { fetch, seen }
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })

describe('createTorvanClient', () => {
  it('sends the token it signed in with, and none after signing out', async () => {
    const { fetch, seen } = fakeFetch({
      'POST /auth/login': () =>
        json({ token: 'tok-1', tokenType: 'Bearer', expiresAt: '2030-01-01T00:00:00Z' }),
      'GET /me': () => json({ id: 1, username: 'sales' }),
    })
    const client = createTorvanClient({ baseUrl: 'http://api.test//', fetch })
    await client.signIn('sales', 'secret')
    expect(client.token).toBe('tok-1')
    await client.GET('/me')
    client.signOut()
    await client.GET('/me')
    expect(seen.map((r) => r.url)).toEqual([
      'http://api.test/auth/login',
      'http://api.test/me',
      'http://api.test/me',
    ])
    expect(seen[0]?.headers.get('Authorization')).toBeNull()
    expect(await seen[0]?.json()).toEqual({ username: 'sales', password: 'secret' })
    expect(seen[1]?.headers.get('Authorization')).toBe('Bearer tok-1')
    expect(seen[2]?.headers.get('Authorization')).toBeNull()
  })

  it('starts with a given token, and a call’s own Authorization header wins', async () => {
    const { fetch, seen } = fakeFetch({ 'GET /me': () => json({ id: 1 }) })
    const client = createTorvanClient({ baseUrl: 'http://api.test', token: 'given', fetch })
    await client.GET('/me')
    await client.GET('/me', { headers: { Authorization: 'Bearer other' } })
    expect(seen.map((r) => r.headers.get('Authorization'))).toEqual([
      'Bearer given',
      'Bearer other',
    ])
  })

  it('throws the problem of a failed sign-in and keeps no token', async () => {
    const problem = {
      type: 'https://torvan.example/problems/unauthorized',
      title: 'Unauthorized',
      status: 401,
      detail: 'The username or password is wrong.',
    }
    const { fetch } = fakeFetch({ 'POST /auth/login': () => json(problem, 401) })
    const client = createTorvanClient({ baseUrl: 'http://api.test', fetch })
    const error = await client.signIn('sales', 'wrong').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ProblemError)
    expect((error as ProblemError).problem).toEqual(problem)
    expect((error as ProblemError).message).toBe(
      '401 Unauthorized: The username or password is wrong.',
    )
    expect(client.token).toBeUndefined()
  })
})

describe('expectOk', () => {
  it('answers the data of a success', () => {
    expect(expectOk({ data: { id: 3 }, response: new Response(null, { status: 200 }) })).toEqual({
      id: 3,
    })
  })

  it('makes a problem of an error answer that is not one (a proxy’s page)', () => {
    const response = new Response('Bad gateway', { status: 502, statusText: 'Bad Gateway' })
    const error = (() => {
      try {
        expectOk({ error: '<html>Bad gateway</html>', response })
      } catch (e) {
        return e
      }
      return undefined
    })()
    expect(error).toBeInstanceOf(ProblemError)
    expect((error as ProblemError).status).toBe(502)
    expect((error as ProblemError).problem).toMatchObject({
      type: 'about:blank',
      title: 'Bad Gateway',
      status: 502,
      detail: '<html>Bad gateway</html>',
    })
  })
})
