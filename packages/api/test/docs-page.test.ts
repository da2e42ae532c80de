import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { serve } from '@hono/node-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TestApi } from './harness.js'
import { createTestApi } from './harness.js'

const CHROMIUM = '/usr/bin/chromium'
const run = promisify(execFile)

let t: TestApi
let server: ReturnType<typeof serve> | undefined

beforeAll(async () => {
  t = await createTestApi()
}, 120_000)
afterAll(async () => {
  const running = server
  if (running !== undefined) await new Promise((resolve) => running.close(resolve))
  await t.close()
})

describe('the API reference page', () => {
  it.skipIf(!existsSync(CHROMIUM))('renders every endpoint in headless Chromium', async () => {
    server = serve({ fetch: t.api.app.fetch, port: 0, hostname: '127.0.0.1' })
    await new Promise((resolve) => server?.once('listening', resolve))
    const { port } = server.address() as AddressInfo
    const profile = await mkdtemp(join(tmpdir(), 'torvan-chromium-'))
    try {
      const { stdout } = await run(
        CHROMIUM,
        [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--disable-quic',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          `--user-data-dir=${profile}`,
          '--virtual-time-budget=10000',
          '--dump-dom',
          `http://127.0.0.1:${port}/docs`,
        ],
        { timeout: 60_000, maxBuffer: 64 * 1024 * 1024 },
      )
      // swagger-ui builds one block per operation from /openapi.json
      for (const path of [
        '/auth/login',
        '/items/{id}/explode',
        '/boms',
        '/boms/{id}/diff/{otherId}',
      ]) {
        expect(stdout).toContain(`data-path="${path}"`)
      }
      expect(stdout).toContain('TORVAN configurator API')
    } finally {
      await rm(profile, { recursive: true, force: true })
    }
  })
})
