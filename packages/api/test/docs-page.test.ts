import { existsSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import type { Browser, Locator, Page } from 'playwright-core'
import { chromium } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TestApi } from './harness.js'
import { PASSWORD, createTestApi } from './harness.js'

const CHROMIUM = '/usr/bin/chromium'

let t: TestApi
let server: ReturnType<typeof serve> | undefined
let browser: Browser | undefined

async function listen(): Promise<number> {
  server ??= serve({ fetch: t.api.app.fetch, port: 0, hostname: '127.0.0.1' })
  if (!server.listening) await new Promise((resolve) => server?.once('listening', resolve))
  return (server.address() as AddressInfo).port
}

/** one Chromium for the file's tests, started by the first that needs it */
async function launch(): Promise<Browser> {
  browser ??= await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-gpu'],
  })
  return browser
}

/** swagger-ui's block of one operation, by its tag and operationId */
const operation = (page: Page, tag: string, id: string) => page.locator(`#operations-${tag}-${id}`)

/** opens an operation, presses "Try it out", lets `edit` fill it in, executes, and answers the response */
async function tryIt(
  block: Locator,
  edit: (block: Locator) => Promise<void> = () => Promise.resolve(),
): Promise<{ status: string; body: string }> {
  await block.locator('.opblock-summary').first().click()
  await block.locator('.try-out__btn').click()
  await edit(block)
  await block.locator('button.execute').click()
  const live = block.locator('.live-responses-table .response').first()
  await live.waitFor({ timeout: 30_000 })
  return {
    status: (await live.locator('.response-col_status').innerText()).trim(),
    body: await live.locator('.response-col_description pre').first().innerText(),
  }
}

beforeAll(async () => {
  t = await createTestApi()
}, 120_000)
afterAll(async () => {
  await browser?.close()
  const running = server
  if (running !== undefined) await new Promise((resolve) => running.close(resolve))
  await t.close()
})

describe('the API reference page', () => {
  it.skipIf(!existsSync(CHROMIUM))('renders every endpoint in headless Chromium', async () => {
    const port = await listen()
    const page = await (await launch()).newPage()
    try {
      await page.goto(`http://127.0.0.1:${port}/docs`)
      // swagger-ui builds one block per operation from /openapi.json
      await page
        .locator('[data-path="/boms/{id}/diff/{otherId}"]')
        .first()
        .waitFor({ state: 'attached', timeout: 30_000 })
      const html = await page.content()
      for (const path of [
        '/auth/login',
        '/items/{id}/explode',
        '/boms',
        '/boms/{id}/diff/{otherId}',
      ]) {
        expect(html).toContain(`data-path="${path}"`)
      }
      expect(html).toContain('TORVAN configurator API')
    } finally {
      await page.close()
    }
  })

  it.skipIf(!existsSync(CHROMIUM))(
    'lets a user sign in, generate a BOM and read it, through "Try it out" in Chromium',
    async () => {
      const port = await listen()
      const page = await (await launch()).newPage({ viewport: { width: 1280, height: 1000 } })
      const pageErrors: string[] = []
      page.on('pageerror', (error) => pageErrors.push(error.message))
      await page.goto(`http://127.0.0.1:${port}/docs`)

      // sign in: the example body names the demo user; the user types the password they were given
      const login = await tryIt(operation(page, 'Auth', 'postAuthLogin'), async (block) => {
        const body = block.locator('textarea.body-param__text')
        const example = JSON.parse(await body.inputValue()) as { username: string }
        expect(example.username).toBe('sales')
        await body.fill(JSON.stringify({ username: 'sales', password: PASSWORD }))
      })
      expect(login.status).toBe('200')
      const { token } = JSON.parse(login.body) as { token: string }

      // Authorize with the token, as the page's description says
      await page.locator('.auth-wrapper button.authorize').click()
      await page.locator('.modal-ux input').first().fill(token)
      await page.locator('.modal-ux button.authorize').click()
      await page.locator('.modal-ux button.btn-done').click()

      // generate a BOM from the example configuration, unchanged
      const generated = await tryIt(operation(page, 'BOMs', 'postBoms'))
      expect(generated.status).toBe('201')
      const bom = JSON.parse(generated.body) as { id: number; document: { lines: unknown[] } }
      expect(bom.document.lines.length).toBeGreaterThan(0)

      // and read it back by its id
      const read = await tryIt(operation(page, 'BOMs', 'getBomsById'), async (block) => {
        await block.locator('input[placeholder="id"]').fill(String(bom.id))
      })
      expect(read.status).toBe('200')
      expect((JSON.parse(read.body) as { id: number }).id).toBe(bom.id)
      expect(pageErrors).toEqual([])
    },
    120_000,
  )
})
