import { compareVersions } from '@torvan/configurator-core'
import type { Executor } from '../db/open.js'
import { qcTemplates } from '../db/schema/index.js'

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
