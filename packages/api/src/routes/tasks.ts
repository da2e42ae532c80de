import { z } from 'zod'
import { versionFromIfMatch } from '../http/if-match.js'
import { defineRoute } from '../http/route.js'
import { RowId } from '../http/row-id.js'
import type { TaskView } from '../production/tasks.js'
import { listTasks, readTaskDetail, TASK_STATUSES, updateTask } from '../production/tasks.js'

const STATUSES = TASK_STATUSES

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
}) satisfies z.ZodType<TaskView>

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
    handler: async ({ query, user, services }) => ({
      body: { tasks: await listTasks(services.db, query, user) },
    }),
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
    handler: async ({ params, user, services }) => ({
      body: await readTaskDetail(services.db, params.id, user),
    }),
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
      const { version, ...changes } = body
      const changed = await updateTask(services, {
        id: params.id,
        expected: versionFromIfMatch(c, version, 'the task'),
        changes,
        user: user,
        requestId,
      })
      return { body: changed }
    },
  }),
]
