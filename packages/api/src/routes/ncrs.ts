import { versionFromIfMatch } from '../http/if-match.js'
import type { SQL } from 'drizzle-orm'
import { and, asc, eq, inArray, lt } from 'drizzle-orm'
import { z } from 'zod'
import { writeAudit } from '../audit.js'
import type { AuthUser } from '../auth/users.js'
import type { Executor } from '../db/open.js'
import {
  documents,
  inspectionItems,
  inspections,
  ncrs,
  orderItems,
  productionTasks,
  users,
} from '../db/schema/index.js'
import { emitEvent } from '../events/emit.js'
import { ProblemError } from '../http/problem.js'
import { defineRoute } from '../http/route.js'
import type { NcrView } from '../ncrs/store.js'
import {
  lockNcr,
  moveNcr,
  NCR_DISPOSITIONS,
  NCR_SEVERITIES,
  ncrQuery,
  ncrView,
  openNcr,
  toNcrView,
} from '../ncrs/store.js'
import { NCR_STATUSES } from '../ncrs/workflow.js'

const Id = z.coerce.number().int().positive().max(2_147_483_647)
const IdParams = z.object({ id: Id })

const NcrSchema: z.ZodType<NcrView> = z.object({
  id: z.number(),
  orderId: z.number(),
  orderNumber: z.string(),
  orderItemId: z.number(),
  buildNumber: z.string(),
  inspectionId: z.number().nullable(),
  taskId: z.number().nullable(),
  rows: z.array(z.string()),
  photoIds: z.array(z.number()),
  severity: z.enum(NCR_SEVERITIES),
  description: z.string(),
  status: z.enum(NCR_STATUSES),
  statusSince: z.string(),
  moves: z.array(z.enum(NCR_STATUSES)),
  owner: z.object({ id: z.number(), username: z.string() }).nullable(),
  disposition: z.enum(NCR_DISPOSITIONS).nullable(),
  correctiveAction: z.string().nullable(),
  dueDate: z.string().nullable(),
  verifiedByInspectionId: z.number().nullable(),
  version: z.number(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  history: z
    .array(
      z.object({
        from: z.enum(NCR_STATUSES).nullable(),
        to: z.enum(NCR_STATUSES),
        user: z.string().nullable(),
        note: z.string().nullable(),
        at: z.string(),
      }),
    )
    .optional(),
}) as z.ZodType<NcrView>

function versionMismatch(ncr: { id: number; version: number }, version: number): ProblemError {
  return new ProblemError(
    'preconditionFailed',
    `NCR ${ncr.id} has changed since you read it (you have version ${version}, it is at ${ncr.version}).`,
    { extensions: { currentVersion: ncr.version } },
  )
}

async function checkOwner(tx: Executor, ownerId: number): Promise<void> {
  const [owner] = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, ownerId), eq(users.active, true)))
  if (owner === undefined)
    throw new ProblemError('validation', `body.ownerId: user ${ownerId} is not an active user.`, {
      extensions: { errors: [{ path: 'body.ownerId', message: 'not an active user' }] },
    })
}

/** Where an NCR is raised from: an inspection's failed rows, a task's problem, or an order item. */
async function sourceOf(
  tx: Executor,
  user: AuthUser,
  body: {
    orderItemId?: number | undefined
    inspectionId?: number | undefined
    taskId?: number | undefined
    rows?: string[] | undefined
    photoIds?: number[] | undefined
  },
): Promise<{ orderItemId: number; inspectionId: number | null; taskId: number | null }> {
  const named = (['orderItemId', 'inspectionId', 'taskId'] as const).filter(
    (key) => body[key] !== undefined,
  )
  if (named.length !== 1)
    throw new ProblemError(
      'validation',
      'An NCR is raised on one thing: give one of inspectionId (with its failed rows), taskId or orderItemId.',
      { extensions: { errors: [{ path: 'body', message: 'expected exactly one source' }] } },
    )
  if (body.inspectionId === undefined && (body.rows?.length ?? 0) > 0)
    throw new ProblemError('validation', 'body.rows: rows are given only with inspectionId.', {
      extensions: { errors: [{ path: 'body.rows', message: 'only with inspectionId' }] },
    })
  if (body.inspectionId !== undefined)
    return inspectionSource(tx, user, { ...body, inspectionId: body.inspectionId })
  if ((body.photoIds?.length ?? 0) > 0)
    throw new ProblemError(
      'validation',
      'body.photoIds: photos are given only with inspectionId.',
      {
        extensions: { errors: [{ path: 'body.photoIds', message: 'only with inspectionId' }] },
      },
    )
  if (body.taskId !== undefined) {
    const [task] = await tx
      .select({ orderItemId: productionTasks.orderItemId, assigneeId: productionTasks.assigneeId })
      .from(productionTasks)
      .where(eq(productionTasks.id, body.taskId))
    if (
      task === undefined ||
      (!user.permissions.has('tasks:manage') && task.assigneeId !== user.id)
    )
      throw new ProblemError(
        'notFound',
        `There is no production task ${body.taskId} assigned to you.`,
      )
    return { orderItemId: task.orderItemId, inspectionId: null, taskId: body.taskId }
  }
  const [item] = await tx
    .select({ id: orderItems.id })
    .from(orderItems)
    .where(eq(orderItems.id, body.orderItemId ?? 0))
  if (item === undefined)
    throw new ProblemError('notFound', `There is no order item ${body.orderItemId}.`)
  return { orderItemId: item.id, inspectionId: null, taskId: null }
}

/** an NCR raised from an inspection: a failed or conditional one, with its failed rows and its photos */
async function inspectionSource(
  tx: Executor,
  user: AuthUser,
  body: { inspectionId: number; rows?: string[] | undefined; photoIds?: number[] | undefined },
): Promise<{ orderItemId: number; inspectionId: number; taskId: null }> {
  if (!user.permissions.has('qc:read'))
    throw new ProblemError('forbidden', 'Raising an NCR on an inspection needs "qc:read".', {
      extensions: { permission: 'qc:read' },
    })
  const [inspection] = await tx
    .select()
    .from(inspections)
    .where(eq(inspections.id, body.inspectionId))
  if (inspection === undefined)
    throw new ProblemError('notFound', `There is no inspection ${body.inspectionId}.`)
  if (inspection.status !== 'SUBMITTED' || inspection.result === 'PASS')
    throw new ProblemError(
      'conflict',
      `Inspection ${inspection.id} is ${inspection.status === 'SUBMITTED' ? 'a pass' : 'not submitted'}: an NCR is raised from a failed or conditional inspection.`,
    )
  const rows = body.rows ?? []
  if (rows.length > 0) {
    const found = await tx
      .select({ key: inspectionItems.key, passed: inspectionItems.passed })
      .from(inspectionItems)
      .where(
        and(eq(inspectionItems.inspectionId, inspection.id), inArray(inspectionItems.key, rows)),
      )
    const failed = new Set(found.filter((r) => r.passed === false).map((r) => r.key))
    const wrong = rows.filter((key) => !failed.has(key))
    if (wrong.length > 0)
      throw new ProblemError(
        'validation',
        `body.rows: ${wrong.map((k) => `"${k}"`).join(', ')} ${wrong.length === 1 ? 'is not a failed row' : 'are not failed rows'} of inspection ${inspection.id}.`,
        { extensions: { errors: [{ path: 'body.rows', message: 'expected failed rows' }] } },
      )
  }
  if ((body.photoIds?.length ?? 0) > 0) {
    const photos = await tx
      .select({ id: documents.id })
      .from(documents)
      .where(
        and(inArray(documents.id, body.photoIds ?? []), eq(documents.inspectionId, inspection.id)),
      )
    if (photos.length !== new Set(body.photoIds).size)
      throw new ProblemError(
        'validation',
        `body.photoIds: every photo is one of inspection ${inspection.id}'s.`,
        { extensions: { errors: [{ path: 'body.photoIds', message: 'not photos of it' }] } },
      )
  }
  return { orderItemId: inspection.orderItemId, inspectionId: inspection.id, taskId: null }
}

/** Nonconformance reports: raised, dispositioned, resolved and verified, with their history. */
export const ncrRoutes = [
  defineRoute({
    method: 'post',
    path: '/ncrs',
    summary:
      'Raise a nonconformance report on an inspection’s failed rows, a task or an order item',
    tag: 'Nonconformances',
    access: 'ncrs:raise',
    example: () => ({ orderItemId: 1, severity: 'MINOR', description: 'Scratch on the left leg.' }),
    idempotent: true,
    body: z.strictObject({
      inspectionId: Id.optional(),
      rows: z.array(z.string().min(1).max(200)).max(100).optional(),
      photoIds: z.array(Id).max(50).optional(),
      taskId: Id.optional(),
      orderItemId: Id.optional(),
      severity: z.enum(NCR_SEVERITIES),
      description: z.string().trim().min(1).max(4000),
      ownerId: Id.optional(),
    }),
    response: { status: 201, description: 'The new NCR', schema: NcrSchema },
    problems: [404, 409],
    handler: async ({ body, user: me, services, requestId }) => {
      const id = await services.db.transaction(async (tx) => {
        const source = await sourceOf(tx, me, body)
        if (body.ownerId !== undefined) await checkOwner(tx, body.ownerId)
        return openNcr(tx, {
          ...source,
          rows: body.rows ?? [],
          photoIds: [...new Set(body.photoIds ?? [])],
          severity: body.severity,
          description: body.description,
          ownerId: body.ownerId ?? null,
          userId: me.id,
          now: services.now(),
          requestId,
        })
      })
      return {
        status: 201,
        body: await ncrView(services.db, id),
        headers: { Location: `/ncrs/${id}` },
      }
    },
  }),
  defineRoute({
    method: 'get',
    path: '/ncrs',
    summary: 'Nonconformance reports by status, severity, order, owner or age, oldest first',
    tag: 'Nonconformances',
    access: 'ncrs:read',
    query: z.strictObject({
      status: z.enum(NCR_STATUSES).optional(),
      severity: z.enum(NCR_SEVERITIES).optional(),
      orderId: Id.optional(),
      orderItemId: Id.optional(),
      ownerId: Id.optional(),
      olderThanDays: z.coerce
        .number()
        .int()
        .min(0)
        .max(3650)
        .optional()
        .describe('open at least this many days'),
      limit: z.coerce.number().int().min(1).max(500).default(100),
    }),
    response: {
      status: 200,
      description: 'The NCRs',
      schema: z.object({ ncrs: z.array(NcrSchema) }),
    },
    handler: async ({ query, services }) => {
      const filters: SQL[] = []
      if (query.status !== undefined) filters.push(eq(ncrs.status, query.status))
      if (query.severity !== undefined) filters.push(eq(ncrs.severity, query.severity))
      if (query.orderId !== undefined) filters.push(eq(orderItems.orderId, query.orderId))
      if (query.orderItemId !== undefined) filters.push(eq(ncrs.orderItemId, query.orderItemId))
      if (query.ownerId !== undefined) filters.push(eq(ncrs.ownerId, query.ownerId))
      if (query.olderThanDays !== undefined)
        filters.push(
          lt(ncrs.createdAt, new Date(services.now().getTime() - query.olderThanDays * 86_400_000)),
        )
      const rows = await ncrQuery(services.db)
        .where(filters.length === 0 ? undefined : and(...filters))
        .orderBy(asc(ncrs.createdAt), asc(ncrs.id))
        .limit(query.limit)
      return { body: { ncrs: rows.map(toNcrView) } }
    },
  }),
  defineRoute({
    method: 'get',
    path: '/ncrs/{id}',
    summary: 'One nonconformance report with its status history',
    tag: 'Nonconformances',
    access: 'ncrs:read',
    params: IdParams,
    response: { status: 200, description: 'The NCR', schema: NcrSchema },
    problems: [404],
    handler: async ({ params, services }) => ({ body: await ncrView(services.db, params.id) }),
  }),
  defineRoute({
    method: 'patch',
    path: '/ncrs/{id}',
    summary:
      'Assign, disposition or describe an NCR: owner, disposition, corrective action and due date',
    tag: 'Nonconformances',
    access: 'ncrs:manage',
    example: () => ({
      version: 1,
      disposition: 'REWORK',
      correctiveAction: 'Polish and re-inspect.',
    }),
    params: IdParams,
    versioned: true,
    body: z
      .strictObject({
        version: z.number().int().positive().optional().describe('or the If-Match header'),
        ownerId: Id.nullable().optional(),
        disposition: z.enum(NCR_DISPOSITIONS).nullable().optional(),
        correctiveAction: z.string().trim().min(1).max(4000).nullable().optional(),
        dueDate: z.iso.date().nullable().optional(),
        severity: z.enum(NCR_SEVERITIES).optional(),
        description: z.string().trim().min(1).max(4000).optional(),
      })
      .refine(
        (body) => Object.keys(body).some((key) => key !== 'version'),
        'expected a field to change besides version',
      ),
    response: { status: 200, description: 'The NCR as changed', schema: NcrSchema },
    problems: [404, 409, 412, 428],
    handler: async ({ params, body, user: me, services, requestId, c }) => {
      const expected = versionFromIfMatch(c, body.version, 'the NCR')
      const now = services.now()
      await services.db.transaction(async (tx) => {
        const ncr = await lockNcr(tx, params.id)
        if (ncr.version !== expected) throw versionMismatch(ncr, expected)
        if (ncr.status === 'VERIFIED' || ncr.status === 'REJECTED')
          throw new ProblemError('conflict', `NCR ${ncr.id} is ${ncr.status}: it is closed.`)
        if (body.ownerId !== undefined && body.ownerId !== null) await checkOwner(tx, body.ownerId)
        const changed: Partial<Omit<typeof body, 'version'>> = { ...body }
        delete (changed as { version?: number }).version
        await tx
          .update(ncrs)
          .set({ ...changed, version: ncr.version + 1, updatedAt: now })
          .where(eq(ncrs.id, ncr.id))
        const before = Object.fromEntries(
          Object.keys(changed).map((key) => [key, ncr[key as keyof typeof ncr]]),
        )
        await writeAudit(tx, {
          action: 'ncr.update',
          entity: 'ncr',
          entityId: ncr.id,
          userId: me.id,
          before: { ...before, version: ncr.version },
          after: { ...changed, version: ncr.version + 1 },
          requestId,
        })
        const [item] = await tx
          .select({ orderId: orderItems.orderId })
          .from(orderItems)
          .where(eq(orderItems.id, ncr.orderItemId))
        await emitEvent(tx, {
          type: 'ncr.changed',
          orderId: item?.orderId ?? null,
          userId: me.id,
          payload: { ncrId: ncr.id, changed, version: ncr.version + 1 },
          requestId,
        })
      })
      return { body: await ncrView(services.db, params.id) }
    },
  }),
  defineRoute({
    method: 'post',
    path: '/ncrs/{id}/transitions',
    summary: 'Move an NCR: OPEN → IN_PROGRESS → RESOLVED → VERIFIED, back to work, or REJECTED',
    description:
      'A refused move is a 409 problem naming its guard and the moves allowed; verifying needs qc:inspect.',
    tag: 'Nonconformances',
    access: 'ncrs:manage',
    example: () => ({ version: 1, to: 'IN_PROGRESS', note: 'Rework started.' }),
    idempotent: true,
    params: IdParams,
    versioned: true,
    body: z.strictObject({
      version: z.number().int().positive().optional().describe('or the If-Match header'),
      to: z.enum(NCR_STATUSES),
      note: z.string().trim().min(1).max(2000).optional(),
    }),
    response: { status: 200, description: 'The NCR as moved', schema: NcrSchema },
    problems: [404, 409, 412, 428],
    handler: async ({ params, body, user: me, services, requestId, c }) => {
      const expected = versionFromIfMatch(c, body.version, 'the NCR')
      await services.db.transaction(async (tx) => {
        const ncr = await lockNcr(tx, params.id)
        if (ncr.version !== expected) throw versionMismatch(ncr, expected)
        await moveNcr(tx, {
          ncr,
          to: body.to,
          note: body.note,
          user: me,
          now: services.now(),
          requestId,
        })
      })
      return { body: await ncrView(services.db, params.id) }
    },
  }),
]
