import { and, desc, eq, inArray, notInArray, sql } from 'drizzle-orm'
import { writeAudit } from '../audit.js'
import type { AuthUser } from '../auth/users.js'
import type { Executor } from '../db/open.js'
import { emitEvent } from '../events/emit.js'
import { bomLinesPayload } from '../events/payloads.js'
import {
  boms,
  inspections,
  orderItems,
  orderPhaseHistory,
  orders,
  productionTasks,
  qcTemplates,
} from '../db/schema/index.js'
import { ProblemError } from '../http/problem.js'
import { openNcrsOf } from '../ncrs/store.js'
import { createProductionTasks } from '../production/create.js'
import { hasFinalQc } from '../qc/templates.js'
import { storeOrderPrices } from './pricing.js'
import type { Models, Services } from '../services.js'
import type { EffectName, GuardName, Move, Phase, ShippingField } from './phases.js'
import { MOVES, movesFrom } from './phases.js'
import type { OrderRow } from './store.js'
import { checkVersion, itemsOf, lockOrder } from './store.js'

/** What a guard found wrong, as a sentence. */
type GuardCheck = (tx: Executor, order: OrderRow, models: Models) => Promise<string | undefined>

/** the order's items that need a final QC: those of a product some final QC template applies to */
async function itemsWithFinalQc(tx: Executor, order: OrderRow) {
  const items = await itemsOf(tx, [order.id])
  const needed = new Map<string, boolean>()
  for (const item of items) {
    const product = item.document?.product ?? ''
    if (!needed.has(product)) needed.set(product, await hasFinalQc(tx, product))
  }
  return items
    .filter((item) => needed.get(item.document?.product ?? '') === true)
    .map((item) => ({ id: item.id, buildNumber: item.buildNumber }))
}

async function latestFinalResults(tx: Executor, order: OrderRow) {
  const items = await itemsWithFinalQc(tx, order)
  const results = new Map<number, { result: string | null; approval: string | null }>()
  if (items.length > 0) {
    const rows = await tx
      .select({
        itemId: inspections.orderItemId,
        result: inspections.result,
        approval: inspections.approval,
      })
      .from(inspections)
      .innerJoin(qcTemplates, eq(qcTemplates.id, inspections.templateId))
      .where(
        and(
          inArray(
            inspections.orderItemId,
            items.map((item) => item.id),
          ),
          eq(inspections.status, 'SUBMITTED'),
          eq(qcTemplates.kind, 'FINAL_QC'),
        ),
      )
      .orderBy(desc(inspections.submittedAt), desc(inspections.id))
    for (const row of rows) if (!results.has(row.itemId)) results.set(row.itemId, row)
  }
  return items.map((item) => ({
    ...item,
    result: results.get(item.id)?.result,
    approval: results.get(item.id)?.approval ?? null,
  }))
}

const GUARDS: Record<GuardName, GuardCheck> = {
  itemsConfigured: async (tx, order, models) => {
    const items = await itemsOf(tx, [order.id])
    if (items.length === 0) return 'the order has no items: add at least one sink'
    const missing = items.filter((item) => item.bomId === null).map((item) => item.buildNumber)
    if (missing.length > 0) return `builds ${missing.join(', ')} have no BOM`
    const stale = items
      .filter((item) => {
        // each sink against the active rules of its own product
        const model = models.loaded.get(item.document?.product ?? '')
        return (
          model === undefined ||
          item.rulesetId !== model.rulesetId ||
          item.catalogHash !== model.catalogHash
        )
      })
      .map((item) => item.buildNumber)
    if (stale.length > 0) {
      return `the BOMs of builds ${stale.join(', ')} were made with an older catalog or older rules: save their configurations again`
    }
    return undefined
  },
  tasksCompleted: async (tx, order) => {
    const open = await tx
      .select({
        key: productionTasks.key,
        buildNumber: orderItems.buildNumber,
        status: productionTasks.status,
      })
      .from(productionTasks)
      .innerJoin(orderItems, eq(orderItems.id, productionTasks.orderItemId))
      .where(
        and(
          eq(orderItems.orderId, order.id),
          notInArray(productionTasks.status, ['COMPLETED', 'CANCELLED']),
        ),
      )
      .orderBy(orderItems.buildNumber, productionTasks.key)
    if (open.length === 0) return undefined
    const shown = open.slice(0, 5).map((task) => `${task.buildNumber}/${task.key} (${task.status})`)
    return `${open.length} production task${open.length === 1 ? ' is' : 's are'} not completed: ${shown.join(', ')}${open.length > 5 ? ', …' : ''}`
  },
  finalInspectionsPassed: async (tx, order) => {
    const items = await latestFinalResults(tx, order)
    const failing = items.filter(
      (item) =>
        (item.result !== 'PASS' && item.result !== 'CONDITIONAL_PASS') ||
        item.approval === 'REJECTED',
    )
    if (failing.length === 0) return undefined
    return `the final quality check has not passed for builds ${failing.map((item) => `${item.buildNumber} (${item.approval === 'REJECTED' ? 'rejected by its approver' : (item.result ?? 'not submitted')})`).join(', ')}`
  },
  finalInspectionsApproved: async (tx, order) => {
    const items = await latestFinalResults(tx, order)
    const pending = items.filter((item) => item.approval === 'PENDING')
    if (pending.length === 0) return undefined
    return `the final quality checks of builds ${pending.map((item) => item.buildNumber).join(', ')} await a second person's approval (qc:approve)`
  },
  finalInspectionFailed: async (tx, order) => {
    const items = await latestFinalResults(tx, order)
    if (items.some((item) => item.result === 'FAIL' || item.approval === 'REJECTED'))
      return undefined
    return 'rework needs a failed (or rejected) final quality check, and no build has one'
  },
  ncrsDispositioned: async (tx, order) => {
    const items = await itemsOf(tx, [order.id])
    const open = (
      await openNcrsOf(
        tx,
        items.map((item) => item.id),
      )
    ).filter((ncr) => ncr.status !== 'RESOLVED' && ncr.disposition === null)
    if (open.length === 0) return undefined
    return `the NCRs ${open.map((ncr) => `${ncr.id} (${ncr.buildNumber}, ${ncr.status})`).join(', ')} have no disposition yet`
  },
  noOpenNcrs: async (tx, order) => {
    const items = await itemsOf(tx, [order.id])
    const open = await openNcrsOf(
      tx,
      items.map((item) => item.id),
    )
    if (open.length === 0) return undefined
    const shown = open
      .slice(0, 5)
      .map((ncr) => `${ncr.id} (${ncr.buildNumber}, ${ncr.severity}, ${ncr.status})`)
    return `${open.length} NCR${open.length === 1 ? ' is' : 's are'} still open: ${shown.join(', ')}${open.length > 5 ? ', …' : ''}; verify or reject ${open.length === 1 ? 'it' : 'them'} first`
  },
}

/** What stops each move allowed from an order's phase: the guards that fail, with their sentences. */
export async function blockedMoves(
  tx: Executor,
  order: OrderRow,
  models: Models,
): Promise<{ to: Phase; permission: string; blockedBy: { guard: GuardName; detail: string }[] }[]> {
  const out = []
  for (const candidate of MOVES.filter((m) => m.from === order.phase)) {
    const blockedBy: { guard: GuardName; detail: string }[] = []
    for (const guard of candidate.guards) {
      const detail = await GUARDS[guard](tx, order, models)
      if (detail !== undefined) blockedBy.push({ guard, detail })
    }
    out.push({ to: candidate.to, permission: candidate.permission, blockedBy })
  }
  return out
}

const EFFECTS: Record<
  EffectName,
  (
    tx: Executor,
    order: OrderRow,
    context: { now: Date; services: Services; user: AuthUser; requestId: string },
  ) => Promise<void>
> = {
  freezeBoms: async (tx, order, { now, user, requestId }) => {
    const items = await itemsOf(tx, [order.id])
    const ids = items.map((item) => item.bomId).filter((id): id is number => id !== null)
    if (ids.length > 0) {
      await tx
        .update(boms)
        .set({ frozenAt: now })
        .where(and(inArray(boms.id, ids), sql`${boms.frozenAt} is null`))
    }
    const builds = items.map((item) => ({
      itemId: item.id,
      buildNumber: item.buildNumber,
      bomId: item.bomId,
      revision: item.document?.revision ?? null,
      contentHash: item.document?.hashes.content ?? null,
      lines: item.document === null ? [] : bomLinesPayload(item.document),
    }))
    await emitEvent(tx, {
      type: 'order.bom_frozen',
      orderId: order.id,
      userId: user.id,
      payload: { orderNumber: order.number, frozenAt: now.toISOString(), builds },
      requestId,
      at: now,
    })
  },
  storePrices: async (tx, order, { now }) => {
    await storeOrderPrices(tx, order, now)
  },
  createTasks: async (tx, order, { now }) => {
    await createProductionTasks(tx, { orderId: order.id, now })
  },
}

/** The shipping data a move to SHIPPING or DELIVERED names. */
type ShippingInput = Partial<Record<ShippingField, string | undefined>>

/** The shipping fields of the move, or a 400 problem naming each one missing or not taken. */
function shippingFields(
  move: Move,
  order: OrderRow,
  input: ShippingInput,
): Partial<Record<ShippingField, string>> {
  const errors: { path: string; message: string; code: string }[] = []
  const taken: Partial<Record<ShippingField, string>> = {}
  for (const field of move.fields) {
    const value = input[field]
    if (value === undefined)
      errors.push({
        path: `body.${field}`,
        message: `required to move to ${move.to}`,
        code: 'required',
      })
    else taken[field] = value
  }
  for (const [field, value] of Object.entries(input)) {
    if (value !== undefined && !move.fields.includes(field as ShippingField)) {
      errors.push({
        path: `body.${field}`,
        message: `only the moves to SHIPPING and DELIVERED take shipping data, not ${move.from} → ${move.to}`,
        code: 'unexpected',
      })
    }
  }
  for (const field of ['shipDate', 'deliveredDate'] as const) {
    const value = taken[field]
    if (value !== undefined && order.orderDate !== null && value < order.orderDate) {
      errors.push({
        path: `body.${field}`,
        message: `expected a date on or after the order date ${order.orderDate}, received ${value}`,
        code: 'too_small',
      })
    }
  }
  const shipped = taken.shipDate ?? order.shipDate
  if (taken.deliveredDate !== undefined && shipped !== null && taken.deliveredDate < shipped) {
    errors.push({
      path: 'body.deliveredDate',
      message: `expected a date on or after the ship date ${shipped}, received ${taken.deliveredDate}`,
      code: 'too_small',
    })
  }
  const first = errors[0]
  if (first !== undefined) {
    throw new ProblemError(
      'validation',
      errors.length === 1
        ? `${first.path}: ${first.message}.`
        : `${errors.length} problems with the move's shipping data; see errors.`,
      { extensions: { errors } },
    )
  }
  return taken
}

function refuse(
  order: OrderRow,
  to: Phase,
  reason: { detail: string; guard?: GuardName },
): ProblemError {
  const { detail, guard } = reason
  return new ProblemError('conflict', detail, {
    extensions: {
      from: order.phase,
      to,
      allowed: movesFrom(order.phase),
      ...(guard === undefined ? {} : { guard }),
    },
  })
}

function shippingOf(order: OrderRow): Record<ShippingField, string | null> {
  const { carrier, trackingNumber, shipDate, deliveredDate } = order
  return { carrier, trackingNumber, shipDate, deliveredDate }
}

/**
 * Moves an order to another phase, if the move is allowed, the user may make it and its guards pass;
 * records the history (with the hours spent in the phase left) and the audit row in one transaction.
 */
export async function transitionOrder(services: Services, input: TransitionInput): Promise<void> {
  const now = services.now()
  await services.db.transaction(async (tx) => {
    const order = await lockOrder(tx, input.orderId)
    checkVersion(order, input.version)
    const { move, shipping } = await allowedMove(tx, { order, input, models: services.models })
    for (const effect of move.effects)
      await EFFECTS[effect](tx, order, {
        now,
        services,
        user: input.user,
        requestId: input.requestId,
      })
    await recordMove(tx, { order, move, shipping, input, now })
  })
}

interface TransitionInput {
  orderId: number
  to: Phase
  reason: string | undefined
  shipping?: ShippingInput
  version: number
  user: AuthUser
  requestId: string
}

/**
 * the move from the order's phase to the one asked, if it exists, the user may make it, its shipping
 * fields are right and its guards pass
 */
async function allowedMove(
  tx: Executor,
  at: { order: OrderRow; input: TransitionInput; models: Models },
): Promise<{ move: Move; shipping: Partial<Record<ShippingField, string>> }> {
  const { order, input } = at
  const move: Move | undefined = MOVES.find((m) => m.from === order.phase && m.to === input.to)
  if (move === undefined) {
    const allowed = movesFrom(order.phase)
    throw refuse(order, input.to, {
      detail: `Order ${order.number} cannot move from ${order.phase} to ${input.to}; from ${order.phase} it can move to ${allowed.length === 0 ? 'nothing: the phase is final' : allowed.join(', ')}.`,
    })
  }
  if (!input.user.permissions.has(move.permission)) {
    throw new ProblemError(
      'forbidden',
      `Moving an order from ${move.from} to ${move.to} needs the permission "${move.permission}", which your roles do not grant.`,
      { extensions: { permission: move.permission } },
    )
  }
  const shipping = shippingFields(move, order, input.shipping ?? {})
  for (const guard of move.guards) {
    const failure = await GUARDS[guard](tx, order, at.models)
    if (failure !== undefined) {
      throw refuse(order, input.to, {
        detail: `Order ${order.number} cannot move from ${order.phase} to ${input.to}: ${failure}.`,
        guard,
      })
    }
  }
  return { move, shipping }
}

/** the order in its new phase, its history row (with the hours in the phase left), audit and events */
async function recordMove(
  tx: Executor,
  at: {
    order: OrderRow
    move: Move
    shipping: Partial<Record<ShippingField, string>>
    input: TransitionInput
    now: Date
  },
): Promise<void> {
  const { order, move, shipping, input, now } = at
  const hours = Math.max(0, (now.getTime() - order.phaseSince.getTime()) / 3_600_000)
  await tx
    .update(orders)
    .set({
      ...shipping,
      phase: input.to,
      phaseSince: now,
      version: order.version + 1,
      updatedAt: now,
    })
    .where(eq(orders.id, order.id))
  await tx.insert(orderPhaseHistory).values({
    orderId: order.id,
    fromPhase: order.phase,
    toPhase: input.to,
    userId: input.user.id,
    reason: input.reason ?? null,
    hoursInPhase: hours.toFixed(2),
    at: now,
  })
  await writeAudit(tx, {
    action: 'order.transition',
    entity: 'order',
    entityId: order.id,
    userId: input.user.id,
    before: { phase: order.phase, version: order.version },
    after: { phase: input.to, version: order.version + 1, reason: input.reason ?? null },
    requestId: input.requestId,
  })
  const payload = {
    orderNumber: order.number,
    from: order.phase,
    to: input.to,
    reason: input.reason ?? null,
    version: order.version + 1,
    ...(move.fields.length === 0 ? {} : { shipping: { ...shippingOf(order), ...shipping } }),
  }
  const event = {
    orderId: order.id,
    userId: input.user.id,
    payload,
    requestId: input.requestId,
    at: now,
  }
  await emitEvent(tx, { ...event, type: 'order.moved' })
  if (input.to === 'SHIPPING') await emitEvent(tx, { ...event, type: 'order.shipped' })
  if (input.to === 'DELIVERED') await emitEvent(tx, { ...event, type: 'order.delivered' })
}
