import type { QcTemplate } from '@torvan/configurator-core'
import { compareVersions } from '@torvan/configurator-core'
import { eq } from 'drizzle-orm'
import type { Executor } from '../db/open.js'
import { qcTemplates } from '../db/schema/index.js'

/** Whether a QC template applies to a product's builds: it names that product. */
export function templateApplies(template: Pick<QcTemplate, 'product'>, product: string): boolean {
  return template.product === product
}

/** Whether some final QC template applies to the product: its sinks then need a passed one. */
export async function hasFinalQc(tx: Executor, product: string): Promise<boolean> {
  const rows = await tx
    .select({ definition: qcTemplates.definition })
    .from(qcTemplates)
    .where(eq(qcTemplates.kind, 'FINAL_QC'))
  return rows.some((row) => templateApplies(row.definition, product))
}

/** Every version of every QC template, by code and then version (V9 before V10). */
export async function listQcTemplates(db: Executor) {
  const rows = (await db.select().from(qcTemplates)).sort(
    (a, b) => a.code.localeCompare(b.code, 'en') || compareVersions(a.version, b.version),
  )
  return rows.map((row) => ({
    id: row.id,
    code: row.code,
    version: row.version,
    formCode: row.formCode,
    name: row.name,
    kind: row.kind,
    definition: row.definition,
  }))
}
