import { and, eq, sql } from 'drizzle-orm'
import type { Job } from 'pg-boss'
import { writeAudit } from '../audit.js'
import type { Executor } from '../db/open.js'
import { events, users, webhookAttempts, webhookDeliveries, webhooks } from '../db/schema/index.js'
import { emitEvent } from '../events/emit.js'
import { eventView } from '../events/read.js'
import type { Services } from '../services.js'
import { checkDestination } from './destination.js'
import type { DeliveryJob } from './dispatcher.js'
import { signDelivery } from './secret.js'
import type { DeliverySettings } from './settings.js'

/** the most characters of a receiver's answer the attempt log keeps */
const EXCERPT = 1000

/** What one attempt got: the status (none without an answer), an excerpt, an error. */
interface Outcome {
  ok: boolean
  status: number | null
  response: string | null
  error: string | null
  durationMs: number
}

async function excerpt(response: Response): Promise<string> {
  const reader = response.body?.getReader()
  if (reader === undefined) return ''
  const decoder = new TextDecoder()
  let text = ''
  while (text.length < EXCERPT) {
    const chunk = (await reader.read()) as { done: boolean; value?: Uint8Array }
    if (chunk.done) break
    text += decoder.decode(chunk.value, { stream: true })
  }
  await reader.cancel().catch(() => undefined)
  return text.slice(0, EXCERPT)
}

async function post(
  settings: DeliverySettings,
  input: { url: string; secret: string; id: string; body: string },
): Promise<Outcome> {
  const started = performance.now()
  const elapsed = () => Math.round(performance.now() - started)
  const url = new URL(input.url)
  try {
    const refused = await checkDestination(url, settings.allowedHosts)
    if (refused !== undefined) {
      return {
        ok: false,
        status: null,
        response: null,
        error: `refused: ${refused}`,
        durationMs: elapsed(),
      }
    }
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'User-Agent': 'torvan-webhooks/1',
        ...signDelivery(input.secret, { id: input.id, at: new Date(), body: input.body }),
      },
      body: input.body,
      // a redirect could lead anywhere, the internal network too: it counts as a failure
      redirect: 'manual',
      signal: AbortSignal.timeout(settings.timeoutMs),
    })
    const text = await excerpt(response)
    const ok = response.status >= 200 && response.status < 300
    return {
      ok,
      status: response.status,
      response: text,
      error: ok ? null : `the receiver answered ${response.status}`,
      durationMs: elapsed(),
    }
  } catch (error) {
    const timedOut =
      error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')
    const cause =
      error instanceof Error
        ? ((error.cause as Error | undefined)?.message ?? error.message)
        : String(error)
    return {
      ok: false,
      status: null,
      response: null,
      error: timedOut ? `no answer within ${settings.timeoutMs} ms` : cause,
      durationMs: elapsed(),
    }
  }
}

/**
 * One attempt at one delivery: signs and posts the event, records the attempt, and marks the
 * delivery done, or throws so that pg-boss retries it later; the last attempt marks it failed
 * instead, and a subscription that fails `disableAfter` deliveries in a row is disabled.
 */
export async function deliver(
  services: Services,
  settings: DeliverySettings,
  job: Job<DeliveryJob> & { retryCount: number; retryLimit: number },
): Promise<void> {
  const { deliveryId } = job.data
  const [row] = await services.db
    .select({
      delivery: webhookDeliveries,
      hook: webhooks,
      event: events,
      username: users.username,
    })
    .from(webhookDeliveries)
    .innerJoin(webhooks, eq(webhooks.id, webhookDeliveries.webhookId))
    .innerJoin(events, eq(events.seq, webhookDeliveries.eventSeq))
    .leftJoin(users, eq(users.id, events.userId))
    .where(eq(webhookDeliveries.id, deliveryId))
  // the subscription was deleted, or the delivery is done (a job run twice after a lost instance)
  if (row === undefined || row.delivery.status !== 'PENDING') return
  if (row.hook.status !== 'ACTIVE') {
    await services.db
      .update(webhookDeliveries)
      .set({ status: 'CANCELLED', completedAt: new Date() })
      .where(eq(webhookDeliveries.id, deliveryId))
    return
  }
  const body = JSON.stringify(eventView({ ...row.event, username: row.username }, false))
  const outcome = await post(settings, {
    url: row.hook.url,
    secret: row.hook.secret,
    id: row.event.id,
    body,
  })
  const final = !outcome.ok && job.retryCount >= job.retryLimit
  await services.db.transaction(async (tx) => {
    // locks in the order every transaction here takes them, subscription before delivery (a
    // redelivery request locks both): the other order deadlocks with it
    await tx
      .select({ id: webhooks.id })
      .from(webhooks)
      .where(eq(webhooks.id, row.hook.id))
      .for('no key update')
    await tx.insert(webhookAttempts).values({
      deliveryId,
      url: row.hook.url,
      status: outcome.status,
      durationMs: outcome.durationMs,
      response: outcome.response,
      error: outcome.error,
      instance: settings.instance,
    })
    const done = outcome.ok || final
    await tx
      .update(webhookDeliveries)
      .set({
        attempts: sql`${webhookDeliveries.attempts} + 1`,
        ...(done ? { status: outcome.ok ? 'SUCCEEDED' : 'FAILED', completedAt: new Date() } : {}),
      })
      .where(eq(webhookDeliveries.id, deliveryId))
    if (outcome.ok) {
      await tx.update(webhooks).set({ failures: 0 }).where(eq(webhooks.id, row.hook.id))
      return
    }
    if (final) await countFailure(tx, { hook: row.hook, error: outcome.error, settings })
  })
  services.metrics.webhookDelivery(outcome.ok ? 'succeeded' : final ? 'failed' : 'retried')
  if (!outcome.ok && !final) {
    throw new Error(
      `delivery ${deliveryId} to ${row.hook.url} failed: ${outcome.error ?? 'no answer'}`,
    )
  }
}

/** a delivery that failed for good: one failure more, and past `disableAfter` the webhook is disabled */
async function countFailure(
  tx: Executor,
  at: {
    hook: { id: number; url: string }
    error: string | null
    settings: DeliverySettings
  },
): Promise<void> {
  const [hook] = await tx
    .update(webhooks)
    .set({ failures: sql`${webhooks.failures} + 1` })
    .where(eq(webhooks.id, at.hook.id))
    .returning({ failures: webhooks.failures, status: webhooks.status })
  if (hook === undefined || hook.status !== 'ACTIVE' || hook.failures < at.settings.disableAfter)
    return
  await tx
    .update(webhooks)
    .set({ status: 'DISABLED', updatedAt: new Date() })
    .where(and(eq(webhooks.id, at.hook.id), eq(webhooks.status, 'ACTIVE')))
  const payload = {
    webhook: { id: at.hook.id, url: at.hook.url },
    failures: hook.failures,
    lastError: at.error,
  }
  await writeAudit(tx, {
    action: 'webhook.disable',
    entity: 'webhook',
    entityId: at.hook.id,
    actor: at.settings.instance,
    after: payload,
  })
  await emitEvent(tx, { type: 'webhook.disabled', payload })
}
