import { versionFromIfMatch } from '../http/if-match.js'
import { canStart } from '@torvan/configurator-core'
import type { SQL } from 'drizzle-orm'
import { and, asc, eq, inArray } from 'drizzle-orm'
import { z } from 'zod'
import { RowId } from '../http/row-id.js'
import { writeAudit } from '../audit.js'
import { emitEvent } from '../events/emit.js'
import type { AuthUser } from '../auth/users.js'
import type { Executor } from '../db/open.js'
import { orderItems, orders, productionTasks, taskStatus, userRoles, users } from '../db/schema.js'
import { ProblemError } from '../http/problem.js'
import { checkTaskInspection, taskDetail } from '../production/task-detail.js'
import { defineRoute, signedIn } from '../http/route.js'

const STATUSES = taskStatus.enumValues
type Status = (typeof STATUSES)[number]

/** Which status may follow which: COMPLETED and CANCELLED are final. */
const NEXT: Record<Status, readonly Status[]> = {
  PENDING: ['IN_PROGRESS', 'ON_HOLD', 'CANCELLED'],
  IN_PROGRESS: ['COMPLETED', 'ON_HOLD', 'CANCELLED'],
  ON_HOLD: ['IN_PROGRESS', 'CANCELLED'],
  COMPLETED: [],
  CANCELLED: [],
}

const Task = z.object({
  id: z.number(),
  orderId: z.number(),
  orderNumber: z.string(),
  orderItemId: z.number(),
  buildNumber: z.string(),
  key: z.string(),
  name: z.string(),
  dependsOn: z.array(z.string()),
  status: z.enum(STATUSES),
  assigneeId: z.number().nullable(),
  estimatedHours: z.string().nullable(),
  actualHours: z.string().nullable(),
  progress: z.number(),
  version: z.number(),
  startedAt: z.string().nullable(),
  completedAt: z.string().nullable(),
  type: z.string().nullable(),
  sequence: z.number().nullable(),
  description: z.string().nullable(),
  workInstructions: z.string().nullable(),
  requiredTools: z.array(z.string()),
  safetyNotes: z.string().nullable(),
  qcTemplate: z.string().nullable(),
  qcKind: z.string().nullable(),
  documentTypes: z.array(z.string()),
  assignedBy: z.number().nullable(),
  assignedAt: z.string().nullable(),
})
type TaskView = z.infer<typeof Task>

const TaskDetail = Task.extend({
  documents: z
    .array(z.record(z.string(), z.unknown()))
    .describe('the task’s own documents, and the sink’s and order’s of the types the task shows'),
  notes: z.array(
    z.object({
      id: z.number(),
      kind: z.enum(['NOTE', 'PROBLEM']),
      text: z.string(),
      ncrId: z.number().nullable(),
      user: z.string().nullable(),
      at: z.string(),
    }),
  ),
  inspections: z.array(
    z.object({
      id: z.number(),
      status: z.string(),
      result: z.string().nullable(),
      approval: z.string().nullable(),
    }),
  ),
})

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

/** Production tasks: what the shop floor does for each sink, in dependency order. */
export const taskRoutes = [
  defineRoute({
    method: 'get',
    path: '/tasks',
    summary: 'Production tasks; assembly technicians see only theirs',
    tag: 'Production',
    access: 'tasks:read',
    query: z.strictObject({
      orderId: RowId.optional(),
      status: z.enum(STATUSES).optional(),
      assigneeId: RowId.optional(),
    }),
    response: {
      status: 200,
      description: 'The tasks, by order, build and plan order',
      schema: z.object({ tasks: z.array(Task) }),
    },
    handler: async ({ query, user, services }) => {
      const me = signedIn(user)
      const filters: SQL[] = []
      if (query.orderId !== undefined) filters.push(eq(orders.id, query.orderId))
      if (query.status !== undefined) filters.push(eq(productionTasks.status, query.status))
      if (ownOnly(me)) filters.push(eq(productionTasks.assigneeId, me.id))
      else if (query.assigneeId !== undefined)
        filters.push(eq(productionTasks.assigneeId, query.assigneeId))
      const rows = await taskQuery(services.db)
        .where(filters.length === 0 ? undefined : and(...filters))
        .orderBy(asc(orders.id), asc(orderItems.id), asc(productionTasks.id))
        .limit(2000)
      return { body: { tasks: rows.map(view) } }
    },
  }),
  defineRoute({
    method: 'get',
    path: '/tasks/{id}',
    summary: 'One production task',
    tag: 'Production',
    access: 'tasks:read',
    params: z.object({ id: RowId }),
    response: {
      status: 200,
      description: 'The task with its documents, notes and inspections',
      schema: TaskDetail,
    },
    problems: [404],
    handler: async ({ params, user, services }) => {
      const me = signedIn(user)
      const row = await readTask(services.db, params.id, me)
      return { body: { ...view(row), ...(await taskDetail(services.db, row.task, me)) } }
    },
  }),
  defineRoute({
    method: 'patch',
    path: '/tasks/{id}',
    summary: 'Assign a task, or move it along: start, progress, hours, complete, hold, cancel',
    description:
      'Needs the task’s `version` (or `If-Match`). Assigning needs tasks:manage. A task starts only when the tasks it depends on are completed, and only while its order is in PRODUCTION.',
    tag: 'Production',
    access: 'tasks:update',
    example: () => ({ version: 1, status: 'IN_PROGRESS', progress: 10 }),
    params: z.object({ id: RowId }),
    versioned: true,
    body: z.strictObject({
      version: z.number().int().positive().optional().describe('or the If-Match header'),
      status: z.enum(STATUSES).optional(),
      progress: z.number().int().min(0).max(100).optional(),
      actualHours: z.number().min(0).max(10_000).optional(),
      assigneeId: z.number().int().positive().nullable().optional(),
    }),
    response: { status: 200, description: 'The task as changed', schema: Task },
    problems: [404, 409, 412, 428],
    handler: async ({ params, body, user, services, requestId, c }) => {
      const me = signedIn(user)
      const now = services.now()
      const expected = versionFromIfMatch(c, body.version, 'the task')
      const changed = await services.db.transaction(async (tx) => {
        // lock, then compare: of concurrent updates with one version exactly one passes
        await tx
          .select({ id: productionTasks.id })
          .from(productionTasks)
          .where(eq(productionTasks.id, params.id))
          .for('update')
        const row = await readTask(tx, params.id, me)
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
        const set: Partial<typeof productionTasks.$inferInsert> = { version: task.version + 1 }
        if (body.assigneeId !== undefined) {
          if (!me.permissions.has('tasks:manage')) {
            throw new ProblemError(
              'forbidden',
              'Assigning a task needs the permission "tasks:manage".',
              { extensions: { permission: 'tasks:manage' } },
            )
          }
          if (body.assigneeId !== null) {
            const [assignee] = await tx
              .select({ id: users.id })
              .from(users)
              .innerJoin(userRoles, eq(userRoles.userId, users.id))
              .where(
                and(
                  eq(users.id, body.assigneeId),
                  eq(users.active, true),
                  inArray(userRoles.roleCode, ['ASSEMBLY_TECHNICIAN', 'PRODUCTION_MANAGER']),
                ),
              )
            if (assignee === undefined) {
              throw new ProblemError(
                'validation',
                `User ${body.assigneeId} is not an active assembly technician or production manager.`,
                {
                  extensions: {
                    errors: [{ path: 'body.assigneeId', message: 'not an active assembler' }],
                  },
                },
              )
            }
          }
          set.assigneeId = body.assigneeId
          set.assignedBy = me.id
          set.assignedAt = now
        }
        if (body.status !== undefined && body.status !== task.status) {
          if (!NEXT[task.status].includes(body.status)) {
            throw new ProblemError(
              'conflict',
              `Task ${task.key} is ${task.status}; it can become ${NEXT[task.status].join(', ') || 'nothing else: it is final'}.`,
              { extensions: { allowed: NEXT[task.status] } },
            )
          }
          if (body.status === 'IN_PROGRESS') {
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
          if (body.status === 'COMPLETED') {
            await checkTaskInspection(tx, task)
            set.completedAt = now
            set.progress = 100
          }
          set.status = body.status
        }
        if (body.progress !== undefined) set.progress = body.progress
        if (body.actualHours !== undefined) set.actualHours = String(body.actualHours)
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
      return { body: changed }
    },
  }),
]
