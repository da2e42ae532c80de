import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { gzipSync } from 'node:zlib'
import { serve } from '@hono/node-server'
import type { Browser, Page } from 'playwright-core'
import { chromium } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TestApi } from './harness.js'
import { PASSWORD, createTestApi, json } from './harness.js'

const CHROMIUM = '/usr/bin/chromium'
const run = promisify(execFile)
const ROOT = fileURLToPath(new URL('../../../', import.meta.url))
const WEB = join(ROOT, 'packages/web')
const ARTEFACTS = join(ROOT, '.vitest')
/** the page's budget: its JavaScript gzipped, core included */
const JS_BUDGET_BYTES = 200 * 1024

let t: TestApi
let server: ReturnType<typeof serve> | undefined
let outDir: string
let base = ''
let browser: Browser | undefined
const previousWebDir = process.env['TORVAN_WEB_DIR']

beforeAll(async () => {
  // the page is built from the sources of this checkout, into a folder of this test's own
  outDir = await mkdtemp(join(tmpdir(), 'torvan-web-'))
  await run(
    process.execPath,
    [
      join(WEB, 'node_modules/vite/bin/vite.js'),
      'build',
      '--outDir',
      outDir,
      '--emptyOutDir',
      '--logLevel',
      'warn',
    ],
    { cwd: WEB, timeout: 120_000 },
  )
  process.env['TORVAN_WEB_DIR'] = outDir
  t = await createTestApi()
  server = serve({ fetch: t.api.app.fetch, port: 0, hostname: '127.0.0.1' })
  await new Promise((resolve) => server?.once('listening', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}, 180_000)

afterAll(async () => {
  await browser?.close()
  const running = server
  if (running !== undefined) await new Promise((resolve) => running.close(resolve))
  await t.close()
  if (previousWebDir === undefined) delete process.env['TORVAN_WEB_DIR']
  else process.env['TORVAN_WEB_DIR'] = previousWebDir
  await rm(outDir, { recursive: true, force: true })
})

describe('the configurator page, served at /app', () => {
  it('serves the page uncached, its hashed files for good, under the API’s CSP', async () => {
    const page = await t.call('GET', '/app')
    expect(page.status).toBe(200)
    expect(page.headers.get('Content-Type')).toBe('text/html; charset=utf-8')
    expect(page.headers.get('Cache-Control')).toBe('no-cache')
    expect(page.headers.get('Content-Security-Policy')).toContain("script-src 'self'")
    const html = await page.text()
    const scripts = [...html.matchAll(/src="\/app\/assets\/([^"]+)"/g)].map((m) => m[1] ?? '')
    expect(scripts).toHaveLength(1)
    // no inline script: the policy forbids them
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/)
    const asset = await t.call('GET', `/app/assets/${scripts[0] ?? ''}`, {
      headers: { 'Accept-Encoding': 'gzip' },
    })
    expect(asset.status).toBe(200)
    expect(asset.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable')
    expect(asset.headers.get('Content-Type')).toBe('text/javascript; charset=utf-8')
    expect(asset.headers.get('Content-Encoding')).toBe('gzip')
    const again = await t.call('GET', `/app/assets/${scripts[0] ?? ''}`, {
      headers: { 'If-None-Match': asset.headers.get('ETag') ?? '' },
    })
    expect(again.status).toBe(304)
    expect((await t.call('GET', '/app/assets/index-nothere1.js')).status).toBe(404)
    expect((await t.call('GET', '/app/assets/..%2Fpackage.json')).status).toBe(400)
  })

  it('keeps the page’s JavaScript, core included, within 200 KB gzipped', async () => {
    const names = (await readdir(join(outDir, 'assets'))).filter((name) => name.endsWith('.js'))
    let gzipped = 0
    for (const name of names)
      gzipped += gzipSync(await readFile(join(outDir, 'assets', name))).length
    await mkdir(ARTEFACTS, { recursive: true })
    await writeFile(
      join(ARTEFACTS, 'configurator-page-size.json'),
      `${JSON.stringify({ files: names, gzippedBytes: gzipped, budgetBytes: JS_BUDGET_BYTES })}\n`,
    )
    expect(gzipped).toBeLessThanOrEqual(JS_BUDGET_BYTES)
  })

  it('gives the model once per hash, prices only to users who may see them', async () => {
    expect((await t.call('GET', '/model')).status).toBe(401)
    const sales = await t.call('GET', '/model', { token: await t.token('sales') })
    expect(sales.status).toBe(200)
    expect(sales.headers.get('Cache-Control')).toBe('private, no-cache')
    const etag = sales.headers.get('ETag') ?? ''
    expect(etag).toMatch(/^"[0-9a-f]{64}"$/)
    const model = await json<{
      product: string
      priceList?: unknown
      rules: { rules: unknown[] }
      catalog: { items: unknown[] }
    }>(sales)
    expect(model.product).toBe('T2')
    expect(model.rules.rules.length).toBeGreaterThan(0)
    expect(model.catalog.items.length).toBeGreaterThan(100)
    expect(model.priceList).toBeDefined()
    const unchanged = await t.call('GET', '/model', {
      token: await t.token('sales'),
      headers: { 'If-None-Match': etag },
    })
    expect(unchanged.status).toBe(304)
    // an assembler may read the catalog but not its prices
    const assembler = await t.call('GET', '/model', { token: await t.token('assembler') })
    expect(assembler.status).toBe(200)
    expect(assembler.headers.get('ETag')).not.toBe(etag)
    expect(JSON.stringify(await assembler.json())).not.toMatch(/"(priceList|prices|unitCost)"/)
    const cases = await json<{ files: { file: string }[] }>(
      await t.call('GET', '/model/cases', { token: await t.token('sales') }),
    )
    expect(cases.files.map((f) => f.file)).toContain('tests/pegboard.cases.json')
  })

  it.skipIf(!existsSync(CHROMIUM))(
    'configures a B2 sink in Chromium, saves it to an order and finds it after a reload',
    async () => {
      const customer = await t.call('POST', '/customers', {
        token: await t.token('sales'),
        body: { name: 'Page Test Labs' },
      })
      expect(customer.status).toBe(201)
      browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: ['--no-sandbox', '--disable-background-networking', '--disable-gpu'],
      })
      // a tablet held upright
      const context = await browser.newContext({ viewport: { width: 820, height: 1180 } })
      const page = await context.newPage()
      const pageErrors: string[] = []
      page.on('pageerror', (error) => pageErrors.push(error.message))
      page.on('console', (message) => {
        if (message.type() === 'error') pageErrors.push(message.text())
      })
      await page.goto(`${base}/app`)
      await page.getByLabel('Username').fill('sales')
      await page.getByLabel('Password').fill(PASSWORD)
      await page.getByRole('button', { name: 'Sign in' }).click()
      await expectText(page, '[data-testid=status]', /error/)

      await configureB2(page)
      await expectText(page, '[data-testid=status]', /Valid configuration/)

      // a bolt-on shelf needs a SOLID pegboard
      const accessories = page.getByRole('group', { name: /^Accessories/ })
      await accessories.getByLabel('Search accessory to add').fill('BOLT-ON')
      const shelf = accessories.locator('button[data-value="T-OA-SSSHELF-3612-BOLT-ON-KIT"]')
      await expect.poll(() => shelf.getAttribute('aria-disabled')).toBe('true')
      const reason = accessories
        .locator('li', {
          has: page.locator('button[data-value="T-OA-SSSHELF-3612-BOLT-ON-KIT"]'),
        })
        .locator('.reason')
      expect(await reason.textContent()).toMatch(/SOLID pegboard/)
      // asking says what would have to change
      await accessories
        .getByRole('button', {
          name: 'What would have to change for T-OA-SSSHELF-3612-BOLT-ON-KIT',
        })
        .click()
      await expectText(page, '.why-not .changes', /pegboard\.type: "PERFORATED" → "SOLID"/)

      await choose(page, 'pegboard.type', 'SOLID')
      await expect.poll(() => shelf.getAttribute('aria-disabled')).toBe('false')
      await shelf.click()
      await expect
        .poll(() => page.locator('.tree button[data-item="T-OA-SSSHELF-3612-BOLT-ON-KIT"]').count())
        .toBe(1)

      // a line's explanation: the rule and conditions behind it
      await page.locator('.tree button[data-item="T-OA-SSSHELF-3612-BOLT-ON-KIT"]').click()
      await expectText(page, '.explanation', /fired and adds it/)
      await mkdir(ARTEFACTS, { recursive: true })
      await page.screenshot({ path: join(ARTEFACTS, 'configurator-page.png'), fullPage: true })

      // the flat list with costs (sales may see them)
      await page.getByRole('button', { name: 'Flat list' }).click()
      await expectText(page, '[data-testid=cost]', /Cost: USD \d/)

      // save it to a new order
      await page.getByLabel('Customer').selectOption({ label: 'Page Test Labs' })
      await page.getByRole('button', { name: 'Save', exact: true }).click()
      await expectText(page, '[data-testid=stored-revision]', /revision 1/)
      const orderNumber = (await page.locator('[data-testid=stored-order]').textContent()) ?? ''
      expect(orderNumber).not.toBe('')
      expect(await page.locator('dl.stored').textContent()).toMatch(
        /Ruleset hash[0-9a-f]{64} \(the page’s\)/,
      )

      // a reload keeps the session; the order and its sink are found again
      await page.reload()
      await page.getByRole('button', { name: orderNumber }).click()
      await page.getByRole('button', { name: 'Open build WEB-B2-001' }).click()
      await expectText(page, '[data-testid=status]', /editing build WEB-B2-001/)
      expect(await page.getByLabel('Build number').inputValue()).toBe('WEB-B2-001')
      await expect
        .poll(() => page.locator('.tree button[data-item="T-OA-SSSHELF-3612-BOLT-ON-KIT"]').count())
        .toBe(1)

      // the API has it: the order's item with the BOM the page showed
      const order = await json<{ items: { buildNumber: string; bomRevision: number }[] }>(
        await t.call('GET', `/orders?q=${orderNumber}`, { token: await t.token('sales') }),
      )
      expect(order).toBeDefined()

      await measureB3(page)
      await playground(page)
      expect(pageErrors).toEqual([])
    },
    180_000,
  )
})

async function expectText(page: Page, selector: string, pattern: RegExp): Promise<void> {
  await expect
    .poll(async () => (await page.locator(selector).first().textContent()) ?? '', {
      timeout: 15_000,
    })
    .toMatch(pattern)
}

/** presses the value's button of the control at a configuration path */
async function choose(page: Page, path: string, value: string): Promise<void> {
  await page
    .locator(`[data-path="${path}"]`)
    .getByRole('button', { name: value, exact: true })
    .first()
    .click()
}

async function configureB2(page: Page): Promise<void> {
  const form = page.locator('form.configuration')
  await form.getByLabel('Build number').fill('WEB-B2-001')
  await choose(page, 'model', 'T2-B2')
  const sink = form.getByRole('group', { name: 'Sink', exact: true })
  await sink.getByLabel('Length (in)').fill('60')
  await sink.getByLabel('Width (in)').fill('30')
  await choose(page, 'legs.height', 'ADJUSTABLE')
  await choose(page, 'legs.model', 'DL14')
  await choose(page, 'feet', 'LEVELING_CASTERS')
  await choose(page, 'pegboard', 'with pegboard')
  await choose(page, 'pegboard.type', 'PERFORATED')
  await choose(page, 'pegboard.color', 'BLUE')
  const basins = form.getByRole('group', { name: /^Basins/ })
  for (const [index, [type, size]] of [
    ['E_SINK', '30X20X10'],
    ['E_DRAIN', '24X20X10'],
  ].entries()) {
    await basins.getByRole('button', { name: 'Add basin' }).click()
    await choose(page, `basins[${index}].type`, type ?? '')
    await choose(page, `basins[${index}].size`, size ?? '')
  }
}

/** the page's timings of its updates (see packages/web/src/app.tsx) */
interface Timing {
  coreMs: number
  totalMs: number
}
async function timingsOf(page: Page): Promise<Timing[]> {
  return page.evaluate<Timing[]>('globalThis.torvanTimings ?? []')
}
/** the timings of the option domains, worked out in the page's worker */
interface OptionsTiming {
  workerMs: number
  totalMs: number
}
async function optionsTimingsOf(page: Page): Promise<OptionsTiming[]> {
  return page.evaluate<OptionsTiming[]>('globalThis.torvanOptionsTimings ?? []')
}

/** the B3 every-option sample, changed a few times: the page's own timings, kept as an artefact */
async function measureB3(page: Page): Promise<void> {
  const sample = await readFile(join(ROOT, 'fixtures/configs/t2-b3-every-option.json'), 'utf8')
  await page.locator('details.json summary').click()
  await page.getByLabel('Load a configuration (JSON)').fill(sample)
  await page.getByRole('button', { name: 'Use this configuration' }).click()
  await expectText(page, '[data-testid=status]', /Valid configuration/)
  const before = (await timingsOf(page)).length
  const optionsBefore = (await optionsTimingsOf(page)).length
  const colours = ['BLACK', 'YELLOW', 'GREY', 'RED', 'BLUE', 'ORANGE', 'WHITE', 'GREEN']
  for (const colour of [...colours, ...colours]) await choose(page, 'pegboard.color', colour)
  await expectText(page, '[data-testid=status]', /Valid configuration/)
  // the last change's domains have arrived
  await expect
    .poll(async () => (await page.locator('[data-testid=status]').textContent()) ?? '')
    .not.toMatch(/checking the options/)
  const timings = (await timingsOf(page)).slice(before)
  const optionsTimings = (await optionsTimingsOf(page)).slice(optionsBefore)
  expect(timings.length).toBeGreaterThanOrEqual(colours.length * 2)
  const median = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b)
    return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN
  }
  await writeFile(
    join(ARTEFACTS, 'configurator-page-timings.json'),
    `${JSON.stringify(
      {
        sample: 't2-b3-every-option',
        updates: timings.length,
        bom: {
          what: 'configure, BOM tree, flat list and cost in the page, to the page rendered',
          medianTotalMs: median(timings.map((x) => x.totalMs)),
          medianCoreMs: median(timings.map((x) => x.coreMs)),
          maxTotalMs: Math.max(...timings.map((x) => x.totalMs)),
        },
        options: {
          what: 'options() in the worker, to the domains rendered (changes made meanwhile are sent as one)',
          answers: optionsTimings.length,
          medianTotalMs: median(optionsTimings.map((x) => x.totalMs)),
          medianWorkerMs: median(optionsTimings.map((x) => x.workerMs)),
          maxTotalMs: Math.max(...optionsTimings.map((x) => x.totalMs)),
        },
      },
      null,
      2,
    )}\n`,
  )
}

async function playground(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Rule playground' }).click()
  await page.getByRole('button', { name: 'Run the test cases' }).click()
  await expectText(page, '[data-testid=coverage]', /rule coverage: \d+ of \d+ rules fired/)
  expect(await page.locator('[data-testid=coverage]').textContent()).toMatch(/, 0 failed/)
  const file = page.getByLabel('Rule file')
  const label = await file.locator('option', { hasText: 'accessories.json' }).first().textContent()
  await file.selectOption({ label: label ?? '' })
  const editor = page.getByLabel(/^JSON of /)
  const text = await editor.inputValue()
  expect(text).toContain('"hasSolidPegboard"')
  await editor.fill(text.replace('"hasSolidPegboard"', '"hasSolidPegbord"'))
  const diagnostics = page.locator('.diagnostics li[data-code=unknown_fact]')
  await expect.poll(() => diagnostics.count()).toBe(1)
  const issue = (await diagnostics.textContent()) ?? ''
  expect(issue).toMatch(/accessories\.json: rules\[\d+\]\.conditions\.all\[\d+\]\.fact/)
  expect(issue).toMatch(/hasSolidPegbord/)
  expect(issue).toMatch(/hasSolidPegboard/)
}
