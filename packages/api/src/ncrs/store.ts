import { and, asc, desc, eq, inArray } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import { writeAudit } from '../audit.js'
import type { AuthUser } from '../auth/users.js'
import type { Executor } from '../db/open.js'
import { emitEvent } from '../events/emit.js'
import {
  inspections,
  ncrDisposition,
  ncrHistory,
  ncrs,
  ncrSeverity,
  orderItems,
  orders,
  users,
} from '../db/schema/index.js'
import { ProblemError } from '../http/problem.js'
import type { NcrGuardName, NcrMove, NcrStatus } from './workflow.js'
import { NCR_MOVES, ncrMovesFrom } from './workflow.js'

export const NCR_SEVERITIES = ncrSeverity.enumValues
type NcrSeverity = (typeof NCR_SEVERITIES)[number]
export const NCR_DISPOSITIONS = ncrDisposition.enumValues
type NcrDisposition = (typeof NCR_DISPOSITIONS)[number]

type NcrRow = typeof ncrs.$inferSelect

/** An NCR as the API shows it. */
export interface NcrView {
  id: number
  orderId: number
  orderNumber: string
  orderItemId: number
  buildNumber: string
  inspectionId: number | null
  taskId: number | null
  rows: string[]
  photoIds: number[]
  severity: NcrSeverity
  description: string
  status: NcrStatus
  statusSince: string
  moves: NcrStatus[]
  owner: { id: number; username: string } | null
  disposition: NcrDisposition | null
  correctiveAction: string | null
  dueDate: string | null
  verifiedByInspectionId: number | null
  version: number
  createdBy: string | null
  createdAt: string
  updatedAt: string
  history?: {
    from: NcrStatus | null
    to: NcrStatus
    user: string | null
    note: string | null
    at: string
  }[]
}

const owner = alias(users, 'owner')
const creator = alias(users, 'creator')

/** The select every NCR read shares: the NCR with its order, build, owner and creator. */
export function ncrQuery(db: Executor) {
  return db
    .select({
      ncr: ncrs,
      orderId: orders.id,
      orderNumber: orders.number,
      buildNumber: orderItems.buildNumber,
      owner: owner.username,
      createdBy: creator.username,
    })
    .from(ncrs)
    .innerJoin(orderItems, eq(orderItems.id, ncrs.orderItemId))
    .innerJoin(orders, eq(orders.id, orderItems.orderId))
    .leftJoin(owner, eq(owner.id, ncrs.ownerId))
    .leftJoin(creator, eq(creator.id, ncrs.createdBy))
}

/** One row of {@link ncrQuery} as the API shows it. */
export function toNcrView(row: Awaited<ReturnType<typeof ncrQuery>>[number]): NcrView {
  const { ncr } = row
  return {
    id: ncr.id,
    orderId: row.orderId,
    orderNumber: row.orderNumber,
    orderItemId: ncr.orderItemId,
    buildNumber: row.buildNumber,
    inspectionId: ncr.inspectionId,
    taskId: ncr.taskId,
    rows: ncr.rows,
    photoIds: ncr.photoIds,
    severity: ncr.severity,
    description: ncr.description,
    status: ncr.status,
    statusSince: ncr.statusSince.toISOString(),
    moves: ncrMovesFrom(ncr.status),
    owner: ncr.ownerId === null ? null : { id: ncr.ownerId, username: row.owner ?? '' },
    disposition: ncr.disposition,
    correctiveAction: ncr.correctiveAction,
    dueDate: ncr.dueDate,
    verifiedByInspectionId: ncr.verifiedByInspectionId,
    version: ncr.version,
    createdBy: row.createdBy,
    createdAt: ncr.createdAt.toISOString(),
    updatedAt: ncr.updatedAt.toISOString(),
  }
}

/** One NCR with its status history, or a 404. */
export async function ncrView(db: Executor, id: number): Promise<NcrView> {
  const [row] = await ncrQuery(db).where(eq(ncrs.id, id))
  if (row === undefined) throw new ProblemError('notFound', `There is no NCR ${id}.`)
  const history = await db
    .select({ history: ncrHistory, user: users.username })
    .from(ncrHistory)
    .leftJoin(users, eq(users.id, ncrHistory.userId))
    .where(eq(ncrHistory.ncrId, id))
    .orderBy(asc(ncrHistory.at), asc(ncrHistory.id))
  return {
    ...toNcrView(row),
    history: history.map((h) => ({
      from: h.history.fromStatus,
      to: h.history.toStatus,
      user: h.user,
      note: h.history.note,
      at: h.history.at.toISOString(),
    })),
  }
}

/** Locks an NCR for a change, or answers 404. */
export async function lockNcr(tx: Executor, id: number): Promise<NcrRow> {
  const [row] = await tx.select().from(ncrs).where(eq(ncrs.id, id)).for('update')
  if (row === undefined) throw new ProblemError('notFound', `There is no NCR ${id}.`)
  return row
}

async function orderOfItem(tx: Executor, orderItemId: number): Promise<number | null> {
  const [item] = await tx
    .select({ orderId: orderItems.orderId })
    .from(orderItems)
    .where(eq(orderItems.id, orderItemId))
  return item?.orderId ?? null
}

/** What opening an NCR needs. */
export interface OpenNcrInput {
  orderItemId: number
  inspectionId?: number | null
  taskId?: number | null
  rows?: readonly string[]
  photoIds?: readonly number[]
  severity: NcrSeverity
  description: string
  ownerId?: number | null
  userId: number
  now: Date
  requestId: string
  /** why it was opened, for the history: e.g. "critical failure in inspection 12" */
  note?: string
}

/** Opens an NCR with its first history row, audit row and event, in the caller's transaction. */
export async function openNcr(tx: Executor, input: OpenNcrInput): Promise<number> {
  const [row] = await tx
    .insert(ncrs)
    .values({
      orderItemId: input.orderItemId,
      inspectionId: input.inspectionId ?? null,
      taskId: input.taskId ?? null,
      rows: [...(input.rows ?? [])],
      photoIds: [...(input.photoIds ?? [])],
      severity: input.severity,
      description: input.description,
      ownerId: input.ownerId ?? null,
      createdBy: input.userId,
      statusSince: input.now,
      createdAt: input.now,
      updatedAt: input.now,
    })
    .returning({ id: ncrs.id })
  if (row === undefined) throw new Error('the NCR insert returned no row')
  await tx.insert(ncrHistory).values({
    ncrId: row.id,
    fromStatus: null,
    toStatus: 'OPEN',
    userId: input.userId,
    note: input.note ?? null,
    at: input.now,
  })
  const after = {
    orderItemId: input.orderItemId,
    inspectionId: input.inspectionId ?? null,
    taskId: input.taskId ?? null,
    severity: input.severity,
    rows: input.rows ?? [],
    status: 'OPEN',
  }
  await writeAudit(tx, {
    action: 'ncr.open',
    entity: 'ncr',
    entityId: row.id,
    userId: input.userId,
    after,
    requestId: input.requestId,
  })
  await emitEvent(tx, {
    type: 'ncr.opened',
    orderId: await orderOfItem(tx, input.orderItemId),
    userId: input.userId,
    payload: { ncrId: row.id, ...after, description: input.description },
    requestId: input.requestId,
  })
  return row.id
}

type NcrGuard = (tx: Executor, ncr: NcrRow, note: string | undefined) => Promise<string | undefined>

const GUARDS: Record<NcrGuardName, NcrGuard> = {
  hasOwner: (_tx, ncr) =>
    Promise.resolve(ncr.ownerId === null ? 'it has no owner: assign one first' : undefined),
  hasDisposition: (_tx, ncr) =>
    Promise.resolve(
      ncr.disposition === null
        ? 'it has no disposition (REWORK, USE_AS_IS, SCRAP or RETURN_TO_SUPPLIER)'
        : undefined,
    ),
  hasCorrectiveAction: (_tx, ncr) =>
    Promise.resolve(
      (ncr.correctiveAction ?? '').trim() === '' ? 'it has no corrective action' : undefined,
    ),
  hasNote: (_tx, _ncr, note) =>
    Promise.resolve((note ?? '').trim() === '' ? 'the move needs a note saying why' : undefined),
  verifiedByInspection: async (tx, ncr) => {
    // only rework is checked again by an inspection; the other dispositions end with the decision
    if (ncr.disposition !== 'REWORK') return undefined
    const passed = await tx
      .select({ id: inspections.id, result: inspections.result, approval: inspections.approval })
      .from(inspections)
      .where(and(eq(inspections.verifiesNcrId, ncr.id), eq(inspections.status, 'SUBMITTED')))
      .orderBy(desc(inspections.submittedAt), desc(inspections.id))
    const good = passed.find(
      (i) =>
        (i.result === 'PASS' || i.result === 'CONDITIONAL_PASS') &&
        (i.approval === null || i.approval === 'APPROVED'),
    )
    return good === undefined
      ? 'reworked sinks are verified by a re-inspection that links to the NCR and passed (and was approved where the form asks)'
      : undefined
  },
}

/**
 * Moves an NCR along its workflow if the move exists, the user may make it and its guards pass; records
 * the history, the audit row and the event. `automatic` moves (an approval verifying its NCR) skip the
 * permission: the decision was the inspection's.
 */
export async function moveNcr(tx: Executor, input: NcrMoveInput): Promise<void> {
  const { ncr, to } = input
  await checkNcrMove(tx, input)
  await tx
    .update(ncrs)
    .set({
      status: to,
      statusSince: input.now,
      version: ncr.version + 1,
      updatedAt: input.now,
      ...(input.verifiedByInspectionId === undefined
        ? {}
        : { verifiedByInspectionId: input.verifiedByInspectionId }),
    })
    .where(eq(ncrs.id, ncr.id))
  await tx.insert(ncrHistory).values({
    ncrId: ncr.id,
    fromStatus: ncr.status,
    toStatus: to,
    userId: input.user.id,
    note: input.note ?? null,
    at: input.now,
  })
  const change = { from: ncr.status, to, version: ncr.version + 1, note: input.note ?? null }
  await writeAudit(tx, {
    action: 'ncr.transition',
    entity: 'ncr',
    entityId: ncr.id,
    userId: input.user.id,
    before: { status: ncr.status, version: ncr.version },
    after: change,
    requestId: input.requestId,
  })
  await emitEvent(tx, {
    type: 'ncr.changed',
    orderId: await orderOfItem(tx, ncr.orderItemId),
    userId: input.user.id,
    payload: { ncrId: ncr.id, ...change },
    requestId: input.requestId,
  })
}

interface NcrMoveInput {
  ncr: NcrRow
  to: NcrStatus
  note?: string | undefined
  user: AuthUser | { id: number; automatic: true }
  now: Date
  requestId: string
  verifiedByInspectionId?: number
}

/** the move exists, the user may make it (unless it is automatic) and its guards pass, or a problem */
async function checkNcrMove(tx: Executor, input: NcrMoveInput): Promise<void> {
  const { ncr, to } = input
  const found: NcrMove | undefined = NCR_MOVES.find((m) => m.from === ncr.status && m.to === to)
  const allowed = ncrMovesFrom(ncr.status)
  const extensions = { from: ncr.status, to, allowed }
  if (found === undefined)
    throw new ProblemError(
      'conflict',
      `NCR ${ncr.id} cannot move from ${ncr.status} to ${to}; from ${ncr.status} it can move to ${allowed.length === 0 ? 'nothing: the status is final' : allowed.join(', ')}.`,
      { extensions },
    )
  if (!('automatic' in input.user) && !input.user.permissions.has(found.permission))
    throw new ProblemError(
      'forbidden',
      `Moving an NCR from ${found.from} to ${found.to} needs the permission "${found.permission}", which your roles do not grant.`,
      { extensions: { permission: found.permission } },
    )
  for (const guard of found.guards) {
    const failure = await GUARDS[guard](tx, ncr, input.note)
    if (failure !== undefined)
      throw new ProblemError(
        'conflict',
        `NCR ${ncr.id} cannot move from ${ncr.status} to ${to}: ${failure}.`,
        { extensions: { ...extensions, guard } },
      )
  }
}

/**
 * An inspection that counts as passed (submitted without needing approval, or approved) verifies the
 * NCR it links to, when that NCR is RESOLVED; an NCR not resolved yet is verified by hand later.
 */
export async function verifyLinkedNcr(
  tx: Executor,
  input: { inspectionId: number; userId: number; now: Date; requestId: string },
): Promise<void> {
  const [inspection] = await tx
    .select({ ncrId: inspections.verifiesNcrId })
    .from(inspections)
    .where(eq(inspections.id, input.inspectionId))
  if (inspection?.ncrId === null || inspection?.ncrId === undefined) return
  const ncr = await lockNcr(tx, inspection.ncrId)
  if (ncr.status !== 'RESOLVED') return
  await moveNcr(tx, {
    ncr,
    to: 'VERIFIED',
    note: `verified by inspection ${input.inspectionId}`,
    user: { id: input.userId, automatic: true },
    now: input.now,
    requestId: input.requestId,
    verifiedByInspectionId: input.inspectionId,
  })
}

/** The NCRs of some order items that are still open (not verified, not rejected). */
export async function openNcrsOf(tx: Executor, orderItemIds: readonly number[]) {
  if (orderItemIds.length === 0) return []
  return tx
    .select({
      id: ncrs.id,
      status: ncrs.status,
      disposition: ncrs.disposition,
      severity: ncrs.severity,
      orderItemId: ncrs.orderItemId,
      buildNumber: orderItems.buildNumber,
    })
    .from(ncrs)
    .innerJoin(orderItems, eq(orderItems.id, ncrs.orderItemId))
    .where(
      and(
        inArray(ncrs.orderItemId, [...orderItemIds]),
        inArray(ncrs.status, ['OPEN', 'IN_PROGRESS', 'RESOLVED']),
      ),
    )
    .orderBy(asc(ncrs.id))
}
