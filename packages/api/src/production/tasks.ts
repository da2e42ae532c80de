import { canStart } from '@torvan/configurator-core'
import type { SQL } from 'drizzle-orm'
import { and, asc, eq, inArray } from 'drizzle-orm'
import { writeAudit } from '../audit.js'
import type { AuthUser } from '../auth/users.js'
import type { Executor } from '../db/open.js'
import {
  orderItems,
  orders,
  productionTasks,
  taskStatus,
  userRoles,
  users,
} from '../db/schema/index.js'
import { emitEvent } from '../events/emit.js'
import { ProblemError } from '../http/problem.js'
import type { Services } from '../services.js'
import { checkTaskInspection, taskDetail } from './task-detail.js'

/** A production task's statuses, in the column's order. */
export const TASK_STATUSES = taskStatus.enumValues
/** A production task's status. */
export type TaskStatus = (typeof TASK_STATUSES)[number]

/** Which status may follow which: COMPLETED and CANCELLED are final. */
const NEXT: Record<TaskStatus, readonly TaskStatus[]> = {
  PENDING: ['IN_PROGRESS', 'ON_HOLD', 'CANCELLED'],
  IN_PROGRESS: ['COMPLETED', 'ON_HOLD', 'CANCELLED'],
  ON_HOLD: ['IN_PROGRESS', 'CANCELLED'],
  COMPLETED: [],
  CANCELLED: [],
}

/** A production task as the API returns it, with its order and build. */
export interface TaskView {
  id: number
  orderId: number
  orderNumber: string
  orderItemId: number
  buildNumber: string
  key: string
  name: string
  dependsOn: string[]
  status: TaskStatus
  assigneeId: number | null
  estimatedHours: string | null
  actualHours: string | null
  progress: number
  version: number
  startedAt: string | null
  completedAt: string | null
  type: string | null
  sequence: number | null
  description: string | null
  workInstructions: string | null
  requiredTools: string[]
  safetyNotes: string | null
  qcTemplate: string | null
  qcKind: string | null
  documentTypes: string[]
  assignedBy: number | null
  assignedAt: string | null
}

function taskQuery(db: Executor) {
  return db
    .select({
      task: productionTasks,
      orderId: orders.id,
      orderNumber: orders.number,
      orderPhase: orders.phase,
      buildNumber: orderItems.buildNumber,
    })
    .from(productionTasks)
    .innerJoin(orderItems, eq(orderItems.id, productionTasks.orderItemId))
    .innerJoin(orders, eq(orders.id, orderItems.orderId))
}

type TaskRow = Awaited<ReturnType<typeof taskQuery>>[number]

function view(row: TaskRow): TaskView {
  const { task } = row
  return {
    id: task.id,
    orderId: row.orderId,
    orderNumber: row.orderNumber,
    orderItemId: task.orderItemId,
    buildNumber: row.buildNumber,
    key: task.key,
    name: task.name,
    dependsOn: task.dependsOn,
    status: task.status,
    assigneeId: task.assigneeId,
    estimatedHours: task.estimatedHours,
    actualHours: task.actualHours,
    progress: task.progress,
    version: task.version,
    startedAt: task.startedAt?.toISOString() ?? null,
    completedAt: task.completedAt?.toISOString() ?? null,
    type: task.type,
    sequence: task.sequence,
    description: task.description,
    workInstructions: task.workInstructions,
    requiredTools: task.requiredTools,
    safetyNotes: task.safetyNotes,
    qcTemplate: task.qcTemplate,
    qcKind: task.qcKind,
    documentTypes: task.documentTypes,
    assignedBy: task.assignedBy,
    assignedAt: task.assignedAt?.toISOString() ?? null,
  }
}

/** Assembly technicians see and change only the tasks assigned to them. */
function ownOnly(user: AuthUser): boolean {
  return !user.permissions.has('tasks:manage')
}

async function readTask(db: Executor, id: number, user: AuthUser): Promise<TaskRow> {
  const [row] = await taskQuery(db).where(eq(productionTasks.id, id))
  // another technician's task is as invisible as one that does not exist
  if (row === undefined || (ownOnly(user) && row.task.assigneeId !== user.id)) {
    throw new ProblemError('notFound', `There is no production task ${id} assigned to you.`)
  }
  return row
}

/**
 * The tasks a user may see, by order, build and plan order (at most 2000): a technician's own only,
 * whatever assignee the filter names.
 */
export async function listTasks(
  db: Executor,
  filter: {
    orderId?: number | undefined
    status?: TaskStatus | undefined
    assigneeId?: number | undefined
  },
  user: AuthUser,
): Promise<TaskView[]> {
  const filters: SQL[] = []
  if (filter.orderId !== undefined) filters.push(eq(orders.id, filter.orderId))
  if (filter.status !== undefined) filters.push(eq(productionTasks.status, filter.status))
  if (ownOnly(user)) filters.push(eq(productionTasks.assigneeId, user.id))
  else if (filter.assigneeId !== undefined)
    filters.push(eq(productionTasks.assigneeId, filter.assigneeId))
  const rows = await taskQuery(db)
    .where(filters.length === 0 ? undefined : and(...filters))
    .orderBy(asc(orders.id), asc(orderItems.id), asc(productionTasks.id))
    .limit(2000)
  return rows.map(view)
}

/** One task with its documents, notes and inspections; 404 for a task the user may not see. */
export async function readTaskDetail(db: Executor, id: number, user: AuthUser) {
  const row = await readTask(db, id, user)
  return { ...view(row), ...(await taskDetail(db, row.task, user)) }
}

/** What a task update may change: each field left out stays as it is. */
export interface TaskChanges {
  status?: TaskStatus | undefined
  progress?: number | undefined
  actualHours?: number | undefined
  /** null unassigns; needs tasks:manage */
  assigneeId?: number | null | undefined
}

/** An assignee must be an active assembly technician or production manager (else a 422 problem). */
async function checkAssignee(tx: Executor, assigneeId: number): Promise<void> {
  const [assignee] = await tx
    .select({ id: users.id })
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .where(
      and(
        eq(users.id, assigneeId),
        eq(users.active, true),
        inArray(userRoles.roleCode, ['ASSEMBLY_TECHNICIAN', 'PRODUCTION_MANAGER']),
      ),
    )
  if (assignee === undefined) {
    throw new ProblemError(
      'validation',
      `User ${assigneeId} is not an active assembly technician or production manager.`,
      {
        extensions: {
          errors: [{ path: 'body.assigneeId', message: 'not an active assembler' }],
        },
      },
    )
  }
}

/** The columns a status change sets, after checking that the move is allowed and may happen now. */
async function statusChange(
  tx: Executor,
  task: TaskRow['task'],
  input: { to: TaskStatus; now: Date },
): Promise<Partial<typeof productionTasks.$inferInsert>> {
  const { to, now } = input
  if (!NEXT[task.status].includes(to)) {
    throw new ProblemError(
      'conflict',
      `Task ${task.key} is ${task.status}; it can become ${NEXT[task.status].join(', ') || 'nothing else: it is final'}.`,
      { extensions: { allowed: NEXT[task.status] } },
    )
  }
  const set: Partial<typeof productionTasks.$inferInsert> = { status: to }
  if (to === 'IN_PROGRESS') {
    const siblings = await tx
      .select({ key: productionTasks.key, status: productionTasks.status })
      .from(productionTasks)
      .where(eq(productionTasks.orderItemId, task.orderItemId))
    const check = canStart(task, Object.fromEntries(siblings.map((s) => [s.key, s.status])))
    if (!check.ok) {
      throw new ProblemError(
        'conflict',
        `Task ${task.key} cannot start before ${check.blockedBy.join(', ')} ${check.blockedBy.length === 1 ? 'is' : 'are'} completed.`,
        {
          extensions: { blockedBy: check.blockedBy },
        },
      )
    }
    set.startedAt = task.startedAt ?? now
  }
  if (to === 'COMPLETED') {
    await checkTaskInspection(tx, task)
    set.completedAt = now
    set.progress = 100
  }
  return set
}

/** the task, locked, at the version the caller read and with its order in PRODUCTION, or a problem */
async function lockedTask(tx: Executor, at: { id: number; expected: number; me: AuthUser }) {
  const { id, expected, me } = at
  // lock, then compare: of concurrent updates with one version exactly one passes
  await tx
    .select({ id: productionTasks.id })
    .from(productionTasks)
    .where(eq(productionTasks.id, id))
    .for('update')
  const row = await readTask(tx, id, me)
  const { task } = row
  if (task.version !== expected) {
    throw new ProblemError(
      'preconditionFailed',
      `Task ${task.id} has changed since you read it (you have version ${expected}, it is at ${task.version}).`,
      { extensions: { currentVersion: task.version } },
    )
  }
  if (row.orderPhase !== 'PRODUCTION') {
    throw new ProblemError(
      'conflict',
      `Order ${row.orderNumber} is in ${row.orderPhase}: its tasks change only in PRODUCTION.`,
    )
  }
  return row
}

/**
 * Assigns a task or moves it along, in one transaction with its audit row and (on a status change) its
 * event: the version must be the task's (412), its order in PRODUCTION (409), assigning needs
 * tasks:manage (403), a start needs the tasks it depends on completed (409).
 */
export async function updateTask(
  services: Services,
  input: { id: number; expected: number; changes: TaskChanges; user: AuthUser; requestId: string },
): Promise<TaskView> {
  const { id, expected, changes, user: me, requestId } = input
  const now = services.now()
  return services.db.transaction(async (tx) => {
    const row = await lockedTask(tx, { id, expected, me })
    const { task } = row
    let set: Partial<typeof productionTasks.$inferInsert> = { version: task.version + 1 }
    if (changes.assigneeId !== undefined) {
      if (!me.permissions.has('tasks:manage')) {
        throw new ProblemError(
          'forbidden',
          'Assigning a task needs the permission "tasks:manage".',
          {
            extensions: { permission: 'tasks:manage' },
          },
        )
      }
      if (changes.assigneeId !== null) await checkAssignee(tx, changes.assigneeId)
      set.assigneeId = changes.assigneeId
      set.assignedBy = me.id
      set.assignedAt = now
    }
    if (changes.status !== undefined && changes.status !== task.status)
      set = { ...set, ...(await statusChange(tx, task, { to: changes.status, now })) }
    if (changes.progress !== undefined) set.progress = changes.progress
    if (changes.actualHours !== undefined) set.actualHours = String(changes.actualHours)
    await tx.update(productionTasks).set(set).where(eq(productionTasks.id, task.id))
    const after = await readTask(tx, task.id, me)
    await writeAudit(tx, {
      action: 'task.update',
      entity: 'production_task',
      entityId: task.id,
      userId: me.id,
      before: view(row),
      after: view(after),
      requestId,
    })
    if (after.task.status !== task.status)
      await emitEvent(tx, {
        type: 'task.status_changed',
        orderId: after.orderId,
        userId: me.id,
        payload: { task: view(after), from: task.status, to: after.task.status },
        requestId,
      })
    return view(after)
  })
}
