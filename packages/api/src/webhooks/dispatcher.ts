import { randomUUID } from 'node:crypto'
import { asc, eq, gt, sql } from 'drizzle-orm'
import { PgBoss } from 'pg-boss'
import type { Job } from 'pg-boss'
import type { JobDatabase } from '../db/open.js'
import { events, outboxCursors, webhookDeliveries, webhooks } from '../db/schema/index.js'
import type { Services } from '../services.js'
import { deliver } from './deliver.js'
import { jobExecutor } from './job-executor.js'
import type { DeliverySettings } from './settings.js'

/** The pg-boss queue of webhook deliveries. */
export const DELIVERY_QUEUE = 'webhook-delivery'

/** the most events one relay round turns into deliveries */
const RELAY_BATCH = 200

/** What a delivery job carries: the delivery's id. */
export interface DeliveryJob {
  deliveryId: number
}

/** A running dispatcher: relays events to deliveries and delivers them, until stopped. */
export interface Dispatcher {
  boss: PgBoss
  /** one relay round now; the number of events it relayed */
  relay: () => Promise<number>
  stop: () => Promise<void>
}

/**
 * A job id that sorts by event sequence: pg-boss orders one key's jobs by creation time, then id,
 * and one relay round creates its jobs at one time.
 */
function orderedJobId(seq: number): string {
  const hex = seq.toString(16).padStart(12, '0')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${randomUUID().slice(14)}`
}

/** The deliveries of one order to one subscription go in order; other events in any order. */
function deliveryKey(webhookId: number, event: { seq: number; orderId: number | null }) {
  return event.orderId === null
    ? `${webhookId}:event:${event.seq}`
    : `${webhookId}:order:${event.orderId}`
}

/** Creates pg-boss's schema (its own migrations) and the delivery queue, with its retry policy. */
export async function startJobs(jobs: JobDatabase, settings: DeliverySettings): Promise<PgBoss> {
  const boss = new PgBoss({
    ...jobs,
    ...('connectionString' in jobs ? { max: 4 } : {}),
    superviseIntervalSeconds: settings.superviseSeconds,
    monitorIntervalSeconds: settings.monitorSeconds,
    // pg-boss reports transient failures it retries itself; nothing for us to do about them
    persistWarnings: false,
  })
  boss.on('error', () => undefined)
  await boss.start()
  const retries = {
    retryLimit: settings.attempts - 1,
    retryDelay: settings.retryDelaySeconds,
    retryBackoff: true,
    expireInSeconds: settings.expireSeconds,
  }
  await boss.createQueue(DELIVERY_QUEUE, {
    policy: 'key_strict_fifo',
    ...retries,
    retryDelayMax: settings.retryDelayMaxSeconds,
  })
  // createQueue leaves an existing queue as it was: a restart with other retry settings applies them
  // (pg-boss cannot change retryDelayMax after creation: that one keeps its first value)
  await boss.updateQueue(DELIVERY_QUEUE, retries)
  return boss
}

/**
 * Turns the events after the relay's cursor into one delivery (and one pg-boss job) per active
 * subscription that wants them, and moves the cursor: all in one transaction, so an event is
 * relayed exactly once even with several instances (the one holding the cursor's lock relays).
 */
async function relayEvents(services: Services, boss: PgBoss): Promise<number> {
  return services.db.transaction(async (tx) => {
    await tx.insert(outboxCursors).values({ name: 'webhooks', seq: 0 }).onConflictDoNothing()
    const [cursor] = await tx
      .select({ seq: outboxCursors.seq, late: sql<boolean>`now() <= ${outboxCursors.relayedAt}` })
      .from(outboxCursors)
      .where(eq(outboxCursors.name, 'webhooks'))
      .for('update', { skipLocked: true })
    // another instance is relaying, or this transaction began before the last relay's
    if (cursor === undefined || cursor.late) return 0
    const batch = await tx
      .select({ seq: events.seq, type: events.type, orderId: events.orderId })
      .from(events)
      .where(gt(events.seq, cursor.seq))
      .orderBy(asc(events.seq))
      .limit(RELAY_BATCH)
    const last = batch.at(-1)
    if (last === undefined) return 0
    const active = await tx
      .select({ id: webhooks.id, eventTypes: webhooks.eventTypes })
      .from(webhooks)
      .where(eq(webhooks.status, 'ACTIVE'))
    const wanted = batch.flatMap((event) =>
      active
        .filter((hook) => hook.eventTypes.includes('*') || hook.eventTypes.includes(event.type))
        .map((hook) => ({ hook, event })),
    )
    if (wanted.length > 0) {
      const rows = await tx
        .insert(webhookDeliveries)
        .values(wanted.map(({ hook, event }) => ({ webhookId: hook.id, eventSeq: event.seq })))
        .onConflictDoNothing()
        .returning({
          id: webhookDeliveries.id,
          webhookId: webhookDeliveries.webhookId,
          seq: webhookDeliveries.eventSeq,
        })
      const bySeq = new Map(batch.map((event) => [event.seq, event]))
      await boss.insert(
        DELIVERY_QUEUE,
        rows.map((row) => ({
          id: orderedJobId(row.seq),
          data: { deliveryId: row.id } satisfies DeliveryJob,
          singletonKey: deliveryKey(
            row.webhookId,
            bySeq.get(row.seq) ?? { seq: row.seq, orderId: null },
          ),
        })),
        { db: jobExecutor(tx) },
      )
    }
    await tx
      .update(outboxCursors)
      .set({ seq: last.seq, relayedAt: sql`now()` })
      .where(eq(outboxCursors.name, 'webhooks'))
    return batch.length
  })
}

/** Queues a delivery again (a redelivery), in the caller's transaction. */
export async function queueDelivery(
  boss: PgBoss,
  tx: Parameters<typeof jobExecutor>[0],
  delivery: { id: number; webhookId: number; seq: number; orderId: number | null },
): Promise<void> {
  await boss.insert(
    DELIVERY_QUEUE,
    [
      {
        id: orderedJobId(delivery.seq),
        data: { deliveryId: delivery.id } satisfies DeliveryJob,
        singletonKey: deliveryKey(delivery.webhookId, delivery),
      },
    ],
    { db: jobExecutor(tx) },
  )
}

/**
 * Starts relaying and delivering in this process: the relay every `relayIntervalMs`, pg-boss
 * workers for the deliveries. Safe with any number of instances on one database.
 */
export async function startDispatcher(
  services: Services,
  boss: PgBoss,
  settings: DeliverySettings,
): Promise<Dispatcher> {
  let stopped = false
  let timer: NodeJS.Timeout | undefined
  let round: Promise<unknown> = Promise.resolve()
  const relay = () => relayEvents(services, boss)
  const loop = () => {
    round = relay()
      .catch(() => 0)
      .then(() => {
        if (!stopped) timer = setTimeout(loop, settings.relayIntervalMs)
      })
  }
  loop()
  await boss.work<DeliveryJob>(
    DELIVERY_QUEUE,
    {
      includeMetadata: true,
      batchSize: 1,
      localConcurrency: 4,
      pollingIntervalSeconds: settings.pollSeconds,
    },
    async ([job]) => {
      if (job !== undefined)
        await deliver(
          services,
          settings,
          job as Job<DeliveryJob> & { retryCount: number; retryLimit: number },
        )
    },
  )
  return {
    boss,
    relay,
    stop: async () => {
      stopped = true
      clearTimeout(timer)
      await round
      await boss.stop({ graceful: true, timeout: settings.timeoutMs + 1000 })
    },
  }
}
