// JSON bodies over a real socket: read from Node's request itself (not the adapter's web Request),
// held to the route's limit whether the client declares a length or streams without one.
import { readFileSync } from 'node:fs'
import { request } from 'node:http'
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import { serve } from '@hono/node-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TestApi } from './harness.js'
import { createTestApi } from './harness.js'

const ROOT = fileURLToPath(new URL('../../..', import.meta.url))
const CONFIGURATION = JSON.parse(
  readFileSync(`${ROOT}/fixtures/configs/t2-b2-standard.json`, 'utf8'),
) as Record<string, unknown>
const LIMIT = 1024 * 1024

let t: TestApi
let server: ReturnType<typeof serve>
let port: number
let token: string

beforeAll(async () => {
  t = await createTestApi()
  token = await t.token('sales')
  server = serve({ fetch: t.api.app.fetch, port: 0, hostname: '127.0.0.1' })
  await new Promise<void>((resolve) => server.once('listening', resolve))
  port = (server.address() as AddressInfo).port
}, 120_000)
afterAll(async () => {
  await new Promise<void>((resolve) =>
    server.close(() => {
      resolve()
    }),
  )
  await t.close()
})

/** POSTs `chunks` to the validation endpoint, with a Content-Length or chunked; status and body */
function post(
  chunks: readonly (string | Buffer)[],
  options: { chunked: boolean },
): Promise<{ status: number; type: string; body: string }> {
  const length = chunks.reduce((sum, chunk) => sum + Buffer.byteLength(chunk), 0)
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/configurations/validate',
        headers: {
          Authorization: `Bearer ${token}`,
          'Content-Type': 'application/json',
          ...(options.chunked ? {} : { 'Content-Length': String(length) }),
        },
      },
      (response) => {
        let body = ''
        response.setEncoding('utf8')
        response.on('data', (chunk: string) => (body += chunk))
        response.on('end', () => {
          resolve({
            status: response.statusCode ?? 0,
            type: response.headers['content-type'] ?? '',
            body,
          })
        })
      },
    )
    // the server may answer (and close) before the whole of an oversized body is sent
    req.on('error', reject)
    const write = (index: number) => {
      if (index === chunks.length) {
        req.end()
        return
      }
      const chunk = chunks[index] as string | Buffer
      if (req.write(chunk))
        setImmediate(() => {
          write(index + 1)
        })
      else
        req.once('drain', () => {
          write(index + 1)
        })
    }
    write(0)
  })
}

describe('JSON request bodies over a socket', () => {
  const text = JSON.stringify({ configuration: CONFIGURATION })

  it('reads a body sent in one piece, in several, or after a byte-order mark, as the same body', async () => {
    const whole = await post([text], { chunked: false })
    expect(whole.status).toBe(200)
    const cut = Buffer.from(text)
    // split inside a multi-byte character too: the pieces are decoded as one
    const pieces = [cut.subarray(0, 7), cut.subarray(7, 500), cut.subarray(500)]
    const split = await post(pieces, { chunked: true })
    expect(split.status).toBe(200)
    expect(split.body).toBe(whole.body)
    const marked = await post([`\uFEFF${text}`], { chunked: false })
    expect(marked.status).toBe(200)
    expect(marked.body).toBe(whole.body)
    const accented = await post(
      [JSON.stringify({ configuration: { ...CONFIGURATION, buildNumber: 'ÉÄ-1' } })],
      {
        chunked: false,
      },
    )
    expect(accented.status).toBe(200)
  })

  it('refuses a declared length over the limit with a 413 problem', async () => {
    const padding = JSON.stringify({
      configuration: { ...CONFIGURATION, notes: 'x'.repeat(LIMIT) },
    })
    const answer = await post([padding], { chunked: false })
    expect(answer.status).toBe(413)
    expect(answer.type).toBe('application/problem+json')
    const problem = JSON.parse(answer.body) as { status: number; detail: string }
    expect(problem.status).toBe(413)
    expect(problem.detail).toMatch(/at most 1048576 bytes/)
  })

  it('stops a body without a length at the limit with a 413 problem, and then serves the next request', async () => {
    const piece = 'x'.repeat(64 * 1024)
    const chunks = [
      '{"configuration":{"notes":"',
      ...Array.from({ length: 40 }, () => piece),
      '"}}',
    ]
    const answer = await post(chunks, { chunked: true }).then(
      (reply) => reply,
      (error: unknown) => (error instanceof Error ? error : new Error(String(error))),
    )
    // the answer comes before the client has sent everything; the socket closes after it
    if (answer instanceof Error) expect(answer.message).toMatch(/EPIPE|ECONNRESET|socket hang up/)
    else {
      expect(answer.status).toBe(413)
      expect(JSON.parse(answer.body)).toMatchObject({ status: 413 })
    }
    expect((await post([text], { chunked: false })).status).toBe(200)
  })

  it('answers a body that is not JSON with a 400 problem, as before', async () => {
    const answer = await post(['{"configuration":'], { chunked: true })
    expect(answer.status).toBe(400)
    expect(answer.body).toMatch(/not valid JSON/)
  })
})
