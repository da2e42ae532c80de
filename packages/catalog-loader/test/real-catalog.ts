import { existsSync } from 'node:fs'
import { join } from 'node:path'

/** The customer's real catalog, beside the repository; tests that need it skip where it is absent. */
export const REAL_CATALOG = join(
  import.meta.dirname,
  '..',
  '..',
  '..',
  '..',
  'shared',
  'torvan-catalog',
)
export const HAS_REAL_CATALOG = existsSync(join(REAL_CATALOG, 'assemblies.json'))
/** the suite title says why it was skipped */
export const REAL_CATALOG_TITLE = HAS_REAL_CATALOG
  ? 'the real Torvan catalog'
  : `the real Torvan catalog (skipped: ${REAL_CATALOG} is absent)`

/** Our demo catalog and the T2 rules, in the repository. */
export const DEMO_CATALOG = join(import.meta.dirname, '..', '..', '..', 'fixtures', 'catalog')
export const T2_RULES = join(import.meta.dirname, '..', '..', '..', 'rules', 't2')
export const CONFIGS = join(import.meta.dirname, '..', '..', '..', 'fixtures', 'configs')
