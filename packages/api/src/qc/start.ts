import type { QcKind } from '@torvan/configurator-core'
import { compareVersions, instantiateInspection } from '@torvan/configurator-core'
import { and, eq } from 'drizzle-orm'
import { writeAudit } from '../audit.js'
import type { AuthUser } from '../auth/users.js'
import type { Executor } from '../db/open.js'
import {
  boms,
  inspectionItems,
  inspections,
  ncrs,
  orderItems,
  orders,
  productionTasks,
  qcTemplates,
} from '../db/schema/index.js'
import { ProblemError } from '../http/problem.js'
import { OPEN_NCR_STATUSES } from '../ncrs/workflow.js'
import type { Services } from '../services.js'
import { templateApplies } from './templates.js'

/** The latest version of a template (by code, or by form code), or the version asked for; 404 names the known ones. */
async function pickTemplate(
  tx: Executor,
  input: { code: string | undefined; formCode: string | undefined; version: string | undefined },
) {
  const { code, formCode, version } = input
  if (code === undefined && formCode === undefined)
    throw new ProblemError(
      'validation',
      'body.template: name the template (or start from a task).',
      {
        extensions: { errors: [{ path: 'body.template', message: 'required without taskId' }] },
      },
    )
  const candidates = await tx
    .select()
    .from(qcTemplates)
    .where(
      and(
        ...(code === undefined ? [] : [eq(qcTemplates.code, code)]),
        ...(formCode === undefined ? [] : [eq(qcTemplates.formCode, formCode)]),
        ...(version === undefined ? [] : [eq(qcTemplates.version, version)]),
      ),
    )
  const [template] = candidates.sort((a, b) => compareVersions(b.version, a.version))
  if (template !== undefined) return template
  const known = await tx.select({ code: qcTemplates.code }).from(qcTemplates)
  const named = code === undefined ? `for the form ${formCode ?? ''}` : `"${code}"`
  throw new ProblemError(
    'notFound',
    `There is no QC template ${named}${version === undefined ? '' : ` version ${version}`}${code !== undefined && formCode !== undefined ? ` that the task's form ${formCode} uses` : ''}; the templates are ${[...new Set(known.map((k) => k.code))].join(', ')}.`,
  )
}

/** The production task an inspection fills in: on the same sink, naming a QC form. */
async function taskToFill(tx: Executor, taskId: number, orderItemId: number) {
  const [task] = await tx
    .select()
    .from(productionTasks)
    .where(and(eq(productionTasks.id, taskId), eq(productionTasks.orderItemId, orderItemId)))
  if (task === undefined)
    throw new ProblemError(
      'notFound',
      `Order item ${orderItemId} has no production task ${taskId}.`,
    )
  if (task.qcTemplate === null)
    throw new ProblemError('conflict', `Task ${task.key} fills in no QC form.`)
  if (task.status === 'COMPLETED' || task.status === 'CANCELLED')
    throw new ProblemError('conflict', `Task ${task.key} is ${task.status}.`)
  return task
}

/** A re-inspection verifies an open NCR of the same sink. */
async function checkVerifiedNcr(tx: Executor, ncrId: number, orderItemId: number): Promise<void> {
  const [ncr] = await tx
    .select({ status: ncrs.status, orderItemId: ncrs.orderItemId })
    .from(ncrs)
    .where(eq(ncrs.id, ncrId))
  if (ncr === undefined || ncr.orderItemId !== orderItemId)
    throw new ProblemError('notFound', `Order item ${orderItemId} has no NCR ${ncrId}.`)
  if (!OPEN_NCR_STATUSES.includes(ncr.status))
    throw new ProblemError('conflict', `NCR ${ncrId} is ${ncr.status}: there is nothing to verify.`)
}

/** The sink an inspection is of: its order in PRODUCTION or QUALITY_CONTROL, its BOM's configuration. */
async function itemToInspect(tx: Executor, orderItemId: number) {
  const [item] = await tx
    .select({
      item: orderItems,
      phase: orders.phase,
      number: orders.number,
      document: boms.document,
    })
    .from(orderItems)
    .innerJoin(orders, eq(orders.id, orderItems.orderId))
    .leftJoin(boms, eq(boms.id, orderItems.bomId))
    .where(eq(orderItems.id, orderItemId))
  if (item === undefined)
    throw new ProblemError('notFound', `There is no order item ${orderItemId}.`)
  if (item.phase !== 'PRODUCTION' && item.phase !== 'QUALITY_CONTROL') {
    throw new ProblemError(
      'conflict',
      `Order ${item.number} is in ${item.phase}: sinks are inspected in PRODUCTION or QUALITY_CONTROL.`,
    )
  }
  if (item.document === null)
    throw new ProblemError(
      'conflict',
      `Build ${item.item.buildNumber} has no configuration to inspect against.`,
    )
  return { ...item, document: item.document }
}

/** What an inspection starts from: the template (or the task's form), and what it verifies. */
export interface StartInspection {
  orderItemId: number
  /** the template code; with a task, the task's form decides */
  template?: string | undefined
  /** the template version; the latest by default */
  version?: string | undefined
  /** the production task the inspection fills in */
  taskId?: number | undefined
  /** the NCR a re-inspection verifies */
  verifiesNcrId?: number | undefined
}

/**
 * Starts an inspection of one sink with only the rows that apply to its configuration, audited; the
 * order must be in PRODUCTION or QUALITY_CONTROL. Returns the inspection's id.
 */
export async function startInspection(
  services: Services,
  input: { start: StartInspection; user: AuthUser; requestId: string },
): Promise<number> {
  const { start, user: me, requestId } = input
  return services.db.transaction(async (tx) => {
    const item = await itemToInspect(tx, start.orderItemId)
    const task =
      start.taskId === undefined ? undefined : await taskToFill(tx, start.taskId, item.item.id)
    const template = await pickTemplate(tx, {
      code: start.template,
      formCode: task?.qcTemplate ?? undefined,
      version: start.version,
    })
    if (!templateApplies(template.definition, item.document.product)) {
      throw new ProblemError(
        'conflict',
        `The QC template ${template.code} is for ${template.definition.product} builds; build ${item.item.buildNumber} is a ${item.document.product}.`,
      )
    }
    if (start.verifiesNcrId !== undefined)
      await checkVerifiedNcr(tx, start.verifiesNcrId, item.item.id)
    const rows = instantiateInspection(
      template.definition,
      item.document.configuration,
      task?.qcKind === null || task?.qcKind === undefined ? {} : { kind: task.qcKind as QcKind },
    )
    const [inspection] = await tx
      .insert(inspections)
      .values({
        orderItemId: item.item.id,
        templateId: template.id,
        inspectorId: me.id,
        startedAt: services.now(),
        taskId: task?.id ?? null,
        verifiesNcrId: start.verifiesNcrId ?? null,
      })
      .returning({ id: inspections.id })
    if (inspection === undefined) throw new Error('the inspection insert returned no row')
    if (rows.length > 0) {
      await tx.insert(inspectionItems).values(
        rows.map((row, position) => ({
          inspectionId: inspection.id,
          key: row.key,
          position,
          definition: row,
        })),
      )
    }
    await writeAudit(tx, {
      action: 'inspection.create',
      entity: 'inspection',
      entityId: inspection.id,
      userId: me.id,
      after: {
        orderItemId: item.item.id,
        template: template.code,
        version: template.version,
        rows: rows.length,
        taskId: task?.id ?? null,
        verifiesNcrId: start.verifiesNcrId ?? null,
      },
      requestId,
    })
    return inspection.id
  })
}
