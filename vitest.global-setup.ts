import type { TestProject } from 'vitest/node'
import { PASSWORD } from './packages/api/test/harness.js'
import { buildPgliteImage } from './packages/api/test/pglite-image.js'

/** Once per run: the database image every PGlite test file starts from (packages/api/test/pglite-image.ts). */
export default async function setup(
  project: TestProject,
): Promise<(() => Promise<void>) | undefined> {
  if ((process.env['DATABASE_URL'] ?? '') !== '') {
    project.provide('pgliteImage', '')
    project.provide('pgliteDataDir', '')
    return undefined
  }
  const image = await buildPgliteImage(PASSWORD)
  project.provide('pgliteImage', image.file)
  project.provide('pgliteDataDir', image.dataDir)
  return image.remove
}
