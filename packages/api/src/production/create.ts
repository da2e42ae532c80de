import { planTasks } from '@torvan/configurator-core'
import type { TaskTemplateFile } from '@torvan/configurator-core'
import { eq } from 'drizzle-orm'
import type { Executor } from '../db/open.js'
import { productionTasks, taskTemplates } from '../db/schema/index.js'
import { itemsOf } from '../orders/store.js'

/** The active task template of each product that has one. */
async function activeTaskTemplates(tx: Executor): Promise<Map<string, TaskTemplateFile>> {
  const rows = await tx.select().from(taskTemplates).where(eq(taskTemplates.active, true))
  return new Map(rows.map((row) => [row.product, row.definition]))
}

/**
 * Creates each order item's production tasks from the active task template of the item's product,
 * as the item's configuration selects them; an item of a product without a template gets none.
 * Tasks that exist already (an order back from rework) are kept.
 */
export async function createProductionTasks(
  tx: Executor,
  input: { orderId: number; now: Date },
): Promise<number> {
  const templates = await activeTaskTemplates(tx)
  let created = 0
  for (const item of await itemsOf(tx, [input.orderId])) {
    if (item.document === null) continue
    const definition = templates.get(item.document.product)
    if (definition === undefined) continue
    const planned = planTasks(definition, item.document.configuration)
    if (planned.length === 0) continue
    const rows = await tx
      .insert(productionTasks)
      .values(
        planned.map((task) => ({
          orderItemId: item.id,
          key: task.id,
          name: task.name,
          dependsOn: task.dependsOn,
          estimatedHours: String(task.estimatedHours),
          type: task.type,
          sequence: task.sequence,
          description: task.description ?? null,
          workInstructions: task.workInstructions ?? null,
          requiredTools: task.requiredTools ?? [],
          safetyNotes: task.safetyNotes ?? null,
          qcTemplate: task.qcTemplate ?? null,
          qcKind: task.qcKind ?? null,
          documentTypes: task.documents ?? [],
          createdAt: input.now,
        })),
      )
      .onConflictDoNothing()
      .returning({ id: productionTasks.id })
    created += rows.length
  }
  return created
}
