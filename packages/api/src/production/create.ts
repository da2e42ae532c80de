import { planTasks } from '@torvan/configurator-core'
import { and, eq } from 'drizzle-orm'
import type { Executor } from '../db/open.js'
import { productionTasks, taskTemplates } from '../db/schema/index.js'
import { itemsOf } from '../orders/store.js'
import { PRODUCT } from '../services.js'

/**
 * Creates each order item's production tasks from the active task templates, as the item's
 * configuration selects them. Tasks that exist already (an order back from rework) are kept.
 */
export async function createProductionTasks(
  tx: Executor,
  input: { orderId: number; now: Date },
): Promise<number> {
  const [template] = await tx
    .select()
    .from(taskTemplates)
    .where(and(eq(taskTemplates.product, PRODUCT), eq(taskTemplates.active, true)))
  if (template === undefined) return 0
  const definition = template.definition
  let created = 0
  for (const item of await itemsOf(tx, [input.orderId])) {
    if (item.document === null) continue
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
