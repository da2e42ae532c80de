import { randomBytes } from 'node:crypto'
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type {
  Catalog,
  Issue,
  PriceList,
  Ruleset,
  SellingPriceList,
} from '@torvan/configurator-core'
import {
  formatIssue,
  parsePriceList,
  parseSellingPriceList,
  parseQcTemplate,
  parseTaskTemplates,
} from '@torvan/configurator-core'
import { formatLoadReport, loadCatalog, loadRules } from '@torvan/catalog-loader'
import { count, eq, inArray } from 'drizzle-orm'
import { writeAudit } from './audit.js'
import { generatePassword, hashPassword } from './auth/password.js'
import type { ImportProgress, ImportResult } from './catalog/import.js'
import { importCatalog } from './catalog/import.js'
import type { Database } from './db/open.js'
import {
  catalogImports,
  permissions,
  qcTemplates,
  rolePermissions,
  roles,
  rulesets,
  settings,
  taskTemplates,
  userRoles,
  users,
} from './db/schema/index.js'
import type { Permission, RoleCode } from './permissions.js'
import { DEMO_USERS, PERMISSIONS, ROLE_PERMISSIONS, ROLES } from './permissions.js'
import { storeRuleset } from './rules/store.js'

const T2_RULES = fileURLToPath(new URL('../../../rules/t2', import.meta.url))

/** The repository's demo data: the demo catalog, the rules of its two products, the templates. */
export const DEMO = {
  catalog: fileURLToPath(new URL('../../../fixtures/catalog', import.meta.url)),
  /** the T2 sink's rules (the configurator page's rule cases are in its tests/) */
  rules: T2_RULES,
  /** every demo product's rules folder: the T2 sink and the WS wall shelf unit */
  rulesFolders: [T2_RULES, fileURLToPath(new URL('../../../rules/ws', import.meta.url))],
  qc: fileURLToPath(new URL('../../../fixtures/qc', import.meta.url)),
  tasks: fileURLToPath(new URL('../../../fixtures/production/t2-tasks.json', import.meta.url)),
}

async function readJson(file: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as unknown
  } catch (error) {
    throw new SetupError(`${file} cannot be read as JSON: ${(error as Error).message}`)
  }
}

/**
 * Stores the QC templates (every `*.json` in `qcDir`) and the task templates (`tasksFile`) when the
 * database has none yet; a template with errors stops it before anything is written.
 */
async function seedTemplates(
  db: Database,
  input: { qcDir: string; tasksFile: string },
): Promise<{ qc: number; tasks: boolean }> {
  const [qcCount] = await db.select({ n: count() }).from(qcTemplates)
  const [taskCount] = await db.select({ n: count() }).from(taskTemplates)
  const qcRows: (typeof qcTemplates.$inferInsert)[] = []
  if ((qcCount?.n ?? 0) === 0) {
    const names = (await readdir(input.qcDir)).filter((name) => name.endsWith('.json')).sort()
    for (const name of names) {
      const file = join(input.qcDir, name)
      const parsed = parseQcTemplate(await readJson(file), { file })
      if (parsed.template === undefined) {
        throw new SetupError(
          `${file} is not a valid QC template:\n${parsed.issues.map(formatIssue).join('\n')}`,
        )
      }
      const { template } = parsed
      qcRows.push({
        code: template.id,
        version: template.version,
        formCode: template.formCode,
        name: template.name,
        kind: template.kind,
        definition: template,
      })
    }
  }
  let taskRow: typeof taskTemplates.$inferInsert | undefined
  if ((taskCount?.n ?? 0) === 0) {
    const parsed = parseTaskTemplates(await readJson(input.tasksFile), { file: input.tasksFile })
    if (parsed.templates === undefined) {
      throw new SetupError(
        `${input.tasksFile} is not a valid task-template file:\n${parsed.issues.map(formatIssue).join('\n')}`,
      )
    }
    taskRow = {
      product: parsed.templates.product,
      version: parsed.templates.version,
      definition: parsed.templates,
    }
  }
  await db.transaction(async (tx) => {
    if (qcRows.length > 0) await tx.insert(qcTemplates).values(qcRows)
    if (taskRow !== undefined) await tx.insert(taskTemplates).values(taskRow)
    if (qcRows.length > 0 || taskRow !== undefined) {
      await writeAudit(tx, {
        action: 'templates.seed',
        entity: 'template',
        actor: 'seed',
        after: {
          qc: qcRows.map((row) => `${row.code}@${row.version}`),
          tasks: taskRow?.version ?? null,
        },
      })
    }
  })
  return { qc: qcRows.length, tasks: taskRow !== undefined }
}

/** A failure the person starting the service can fix, printed without a stack trace. */
export class SetupError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'SetupError'
  }
}

/** Inserts the roles, permissions and role → permission matrix that are missing; never overwrites. */
export async function seedRoles(db: Database): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .insert(permissions)
      .values(
        (Object.entries(PERMISSIONS) as [Permission, string][]).map(([code, description]) => {
          const [resource = code, action = ''] = code.split(':')
          return { code, resource, action, description }
        }),
      )
      .onConflictDoNothing()
    const created = await tx
      .insert(roles)
      .values(
        (Object.entries(ROLES) as [RoleCode, { name: string; description: string }][]).map(
          ([code, role]) => ({ code, ...role }),
        ),
      )
      .onConflictDoNothing()
      .returning({ code: roles.code })
    const matrix = created.flatMap(({ code }) =>
      ROLE_PERMISSIONS[code as RoleCode].map((permissionCode) => ({
        roleCode: code,
        permissionCode,
      })),
    )
    if (matrix.length > 0) await tx.insert(rolePermissions).values(matrix).onConflictDoNothing()
  })
}

/** The secret tokens are signed with: `AUTH_SECRET`, or one generated on first start and kept. */
export async function tokenSecret(db: Database, fromEnvironment?: string): Promise<string> {
  if (fromEnvironment !== undefined && fromEnvironment !== '') {
    if (fromEnvironment.length < 32) {
      throw new SetupError('AUTH_SECRET must have at least 32 characters.')
    }
    return fromEnvironment
  }
  await db
    .insert(settings)
    .values({ key: 'token_secret', value: randomBytes(32).toString('base64url') })
    .onConflictDoNothing()
  const [row] = await db.select().from(settings).where(eq(settings.key, 'token_secret'))
  if (row === undefined) throw new Error('the token secret was not stored')
  return row.value
}

/** A demo login, with its password when it was just created. */
export interface DemoLogin {
  username: string
  role: RoleCode
  password: string | undefined
}

/**
 * Creates one demo user per role when there are no users yet: password `demoPassword` when given,
 * otherwise a generated one per user, returned once to be printed.
 */
async function seedDemoUsers(db: Database, demoPassword?: string): Promise<DemoLogin[]> {
  const [existing] = await db.select({ users: count() }).from(users)
  const known = await db
    .select({ username: users.username, role: userRoles.roleCode })
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .where(
      inArray(
        users.username,
        DEMO_USERS.map((user) => user.username),
      ),
    )
  if ((existing?.users ?? 0) > 0) {
    return DEMO_USERS.filter((demo) => known.some((row) => row.username === demo.username)).map(
      (demo) => ({ username: demo.username, role: demo.role, password: undefined }),
    )
  }
  const logins: DemoLogin[] = []
  const rows: ((typeof DEMO_USERS)[number] & { passwordHash: string })[] = []
  for (const demo of DEMO_USERS) {
    const password =
      demoPassword !== undefined && demoPassword !== '' ? demoPassword : generatePassword()
    logins.push({ username: demo.username, role: demo.role, password })
    rows.push({ ...demo, passwordHash: await hashPassword(password) })
  }
  await db.transaction(async (tx) => {
    for (const row of rows) {
      const [user] = await tx
        .insert(users)
        .values({
          username: row.username,
          displayName: row.displayName,
          passwordHash: row.passwordHash,
        })
        .returning({ id: users.id })
      if (user === undefined) throw new Error('the demo user insert returned no row')
      await tx.insert(userRoles).values({ userId: user.id, roleCode: row.role })
      await writeAudit(tx, {
        action: 'user.create',
        entity: 'user',
        entityId: user.id,
        actor: 'seed',
        after: { username: row.username, roles: [row.role] },
      })
    }
  })
  return logins
}

/** A JSON file of a catalog folder, checked by `parse`; undefined when the folder has none. */
async function readOptionalList<T>(
  file: string,
  parse: (value: unknown, file: string) => { list: T | undefined; issues: Issue[] },
): Promise<T | undefined> {
  const text = await readFile(file, 'utf8').catch(() => undefined)
  if (text === undefined) return undefined
  const parsed = parse(JSON.parse(text) as unknown, file)
  if (parsed.list === undefined) {
    throw new SetupError(
      `${file} is not a valid price list; nothing was imported:\n${parsed.issues.map(formatIssue).join('\n')}`,
    )
  }
  return parsed.list
}

/**
 * Reads a catalog folder, with its unit costs (prices.json) and selling prices (list-prices.json) when
 * it has them; a load error stops everything.
 */
export async function readCatalogFolder(directory: string): Promise<{
  catalog: Catalog
  priceList: PriceList | undefined
  sellingPrices: SellingPriceList | undefined
  warnings: number
}> {
  const loaded = await loadCatalog(directory)
  if (!loaded.ok) {
    throw new SetupError(
      `the catalog in ${directory} has errors; nothing was imported:\n${formatLoadReport(loaded.report)}`,
    )
  }
  const priceList = await readOptionalList(join(directory, 'prices.json'), (value, file) => {
    const parsed = parsePriceList(value, file)
    return { list: parsed.priceList, issues: parsed.issues }
  })
  const sellingPrices = await readOptionalList(
    join(directory, 'list-prices.json'),
    (value, file) => {
      const parsed = parseSellingPriceList(value, file)
      return { list: parsed.priceList, issues: parsed.issues }
    },
  )
  return {
    catalog: loaded.catalog,
    priceList,
    sellingPrices,
    warnings: loaded.report.warnings.length,
  }
}

/** Compiles a rules folder against a catalog and stores it as the active ruleset. */
async function importRules(
  db: Database,
  input: { directory: string; catalog: Catalog },
): Promise<{ product: string; version: number; created: boolean }> {
  const loaded = await loadRules(input.directory, { catalog: input.catalog })
  if (!loaded.ok) {
    const errors = loaded.issues.filter((issue) => issue.severity === 'error')
    throw new SetupError(
      `the rules in ${input.directory} have errors; nothing was stored:\n${errors.map(formatIssue).join('\n')}`,
    )
  }
  return { product: loaded.ruleset.product, ...(await storeRuleset(db, loaded.ruleset)) }
}

/**
 * Compiles rules folders against a catalog, every one before any is stored: a folder with errors, or two folders
 * of one product, stops them all.
 */
export async function loadRulesFolders(
  directories: readonly string[],
  catalog: Catalog,
): Promise<{ directory: string; ruleset: Ruleset }[]> {
  const loaded: { directory: string; ruleset: Ruleset }[] = []
  const problems: string[] = []
  for (const directory of directories) {
    const result = await loadRules(directory, { catalog })
    if (!result.ok) {
      const errors = result.issues.filter((issue) => issue.severity === 'error')
      problems.push(`the rules in ${directory} have errors:\n${errors.map(formatIssue).join('\n')}`)
      continue
    }
    const twin = loaded.find((other) => other.ruleset.product === result.ruleset.product)
    if (twin !== undefined)
      problems.push(
        `${twin.directory} and ${directory} are both rules of ${result.ruleset.product}: give one folder per product`,
      )
    else loaded.push({ directory, ruleset: result.ruleset })
  }
  if (problems.length > 0) throw new SetupError(`${problems.join('\n')}\nNothing was stored.`)
  return loaded
}

/** What the first start put in the database. */
export interface SeedResult {
  catalog: ImportResult | undefined
  /** the rulesets stored, by product */
  rulesets: { product: string; version: number; created: boolean }[]
  logins: DemoLogin[]
}

/** The product a rules folder defines, as its product.json names it. */
async function productOf(directory: string): Promise<string> {
  const model = await readJson(join(directory, 'product.json'))
  const product = (model as { product?: unknown } | null)?.product
  if (typeof product !== 'string') {
    throw new SetupError(`${join(directory, 'product.json')} names no "product".`)
  }
  return product
}

/** The rules folders whose product has no ruleset in the database yet. */
async function unseededFolders(db: Database, folders: readonly string[]): Promise<string[]> {
  const stored = new Set(
    (await db.selectDistinct({ product: rulesets.product }).from(rulesets)).map((r) => r.product),
  )
  const missing: string[] = []
  for (const folder of folders) if (!stored.has(await productOf(folder))) missing.push(folder)
  return missing
}

/**
 * Prepares a database on start: roles and permissions, the token secret, and on first start the demo
 * catalog, the rules of every demo product (each stored for a product that has none yet) and one demo
 * user per role. A database that has them already is left alone.
 */
export async function seedDatabase(
  db: Database,
  options: {
    catalogDir?: string
    /** the rules folders to seed (default: every demo product's) */
    rulesDirs?: readonly string[]
    demoPassword?: string | undefined
    onProgress?: (progress: ImportProgress) => void
  } = {},
): Promise<SeedResult> {
  await seedRoles(db)
  const [imports] = await db.select({ imports: count() }).from(catalogImports)
  const folders = await unseededFolders(db, options.rulesDirs ?? DEMO.rulesFolders)
  let catalogResult: ImportResult | undefined
  const stored: SeedResult['rulesets'] = []
  if ((imports?.imports ?? 0) === 0 || folders.length > 0) {
    const directory = options.catalogDir ?? DEMO.catalog
    const { catalog, priceList, sellingPrices } = await readCatalogFolder(directory)
    if ((imports?.imports ?? 0) === 0) {
      catalogResult = await importCatalog(
        db,
        { catalog, priceList, sellingPrices, source: directory },
        options.onProgress === undefined ? {} : { onProgress: options.onProgress },
      )
    }
    for (const folder of folders) stored.push(await importRules(db, { directory: folder, catalog }))
  }
  await seedTemplates(db, { qcDir: DEMO.qc, tasksFile: DEMO.tasks })
  const logins = await seedDemoUsers(db, options.demoPassword)
  return { catalog: catalogResult, rulesets: stored, logins }
}
