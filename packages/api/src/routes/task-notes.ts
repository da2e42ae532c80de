import { eq } from 'drizzle-orm'
import { z } from 'zod'
import { writeAudit } from '../audit.js'
import { productionTasks, taskNotes } from '../db/schema/index.js'
import { ProblemError } from '../http/problem.js'
import { defineRoute } from '../http/route.js'
import { NCR_SEVERITIES, openNcr } from '../ncrs/store.js'

/** Work notes and problems on a production task; a problem can raise an NCR. */
export const taskNoteRoutes = [
  defineRoute({
    method: 'post',
    path: '/tasks/{id}/notes',
    summary: 'Write a work note or a problem met on a task; a problem can raise an NCR at once',
    description:
      'Raising an NCR (`ncr`) needs ncrs:raise. Assembly technicians write on their own tasks.',
    tag: 'Production',
    access: 'tasks:update',
    example: () => ({ kind: 'NOTE', text: 'Basin 2 drain fitted.' }),
    idempotent: true,
    params: z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) }),
    body: z.strictObject({
      kind: z.enum(['NOTE', 'PROBLEM']),
      text: z.string().trim().min(1).max(4000),
      ncr: z
        .strictObject({ severity: z.enum(NCR_SEVERITIES) })
        .optional()
        .describe('with a PROBLEM: raise an NCR of this severity on the task’s sink'),
    }),
    response: {
      status: 201,
      description: 'The note, and the NCR it raised',
      schema: z.object({ id: z.number(), ncrId: z.number().nullable() }),
    },
    problems: [404],
    handler: async ({ params, body, user: me, services, requestId }) => {
      if (body.ncr !== undefined && body.kind !== 'PROBLEM')
        throw new ProblemError('validation', 'body.ncr: only a PROBLEM raises an NCR.', {
          extensions: { errors: [{ path: 'body.ncr', message: 'only with kind PROBLEM' }] },
        })
      if (body.ncr !== undefined && !me.permissions.has('ncrs:raise'))
        throw new ProblemError('forbidden', 'Raising an NCR needs the permission "ncrs:raise".', {
          extensions: { permission: 'ncrs:raise' },
        })
      const now = services.now()
      const created = await services.db.transaction(async (tx) => {
        const [task] = await tx
          .select()
          .from(productionTasks)
          .where(eq(productionTasks.id, params.id))
          .for('update')
        if (
          task === undefined ||
          (!me.permissions.has('tasks:manage') && task.assigneeId !== me.id)
        )
          throw new ProblemError(
            'notFound',
            `There is no production task ${params.id} assigned to you.`,
          )
        const ncrId =
          body.ncr === undefined
            ? null
            : await openNcr(tx, {
                orderItemId: task.orderItemId,
                taskId: task.id,
                severity: body.ncr.severity,
                description: `Problem on task ${task.key}: ${body.text}`,
                userId: me.id,
                now,
                requestId,
                note: `raised from a problem on task ${task.key}`,
              })
        const [note] = await tx
          .insert(taskNotes)
          .values({
            taskId: task.id,
            kind: body.kind,
            text: body.text,
            ncrId,
            userId: me.id,
            at: now,
          })
          .returning({ id: taskNotes.id })
        if (note === undefined) throw new Error('the note insert returned no row')
        await writeAudit(tx, {
          action: 'task.note',
          entity: 'production_task',
          entityId: task.id,
          userId: me.id,
          after: { noteId: note.id, kind: body.kind, text: body.text, ncrId },
          requestId,
        })
        return { id: note.id, ncrId }
      })
      return { status: 201, body: created }
    },
  }),
]
