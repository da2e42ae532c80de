// startApi() notes how long each step of the start took: the start-up message prints them
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TestApi } from './harness.js'
import { createTestApi } from './harness.js'

let t: TestApi
beforeAll(async () => {
  t = await createTestApi()
}, 120_000)
afterAll(async () => {
  await t.close()
})

describe('the start’s steps', () => {
  it('are the database, seeding, the job queue, the catalog and rules and webhook delivery, in order', () => {
    expect(t.api.startup.map((phase) => phase.name)).toEqual([
      'database (open and migrate)',
      'seed',
      'job queue',
      'catalog and rules',
      ...(t.api.dispatcher === undefined ? [] : ['webhook delivery']),
    ])
    for (const phase of t.api.startup) {
      expect(phase.ms, phase.name).toBeGreaterThanOrEqual(0)
      expect(Number.isFinite(phase.ms), phase.name).toBe(true)
    }
  })
})
