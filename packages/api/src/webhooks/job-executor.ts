import type { SQL } from 'drizzle-orm'
import { sql } from 'drizzle-orm'
import type { Executor } from '../db/open.js'

/**
 * pg-boss's view of one of our transactions: its statements (`$1`, `$2` placeholders) run in the
 * transaction, so a job is created with the change that needs it, or not at all.
 */
export function jobExecutor(tx: Executor) {
  return {
    executeSql: async (text: string, values: unknown[] = []): Promise<{ rows: unknown[] }> => {
      const chunks: SQL[] = text
        .split(/\$(\d+)\b/)
        .map((part, i) => (i % 2 === 0 ? sql.raw(part) : sql`${values[Number(part) - 1]}`))
      const result: unknown = await tx.execute(sql.join(chunks))
      // postgres-js answers with the rows, PGlite with { rows }
      return Array.isArray(result)
        ? { rows: [...(result as unknown[])] }
        : { rows: (result as { rows: unknown[] }).rows }
    },
  }
}
