import { and, asc, desc, eq, inArray, lt } from 'drizzle-orm'
import { z } from 'zod'
import { writeAudit } from '../audit.js'
import type { Executor } from '../db/open.js'
import {
  deliveryStatus,
  events,
  externalSystems,
  webhookAttempts,
  webhookDeliveries,
  webhooks,
} from '../db/schema/index.js'
import { EVENT_TYPE_NAMES } from '../events/types.js'
import { ProblemError } from '../http/problem.js'
import { defineRoute } from '../http/route.js'
import type { Services } from '../services.js'
import { checkWebhookUrl } from '../webhooks/destination.js'
import { queueDelivery } from '../webhooks/dispatcher.js'
import { createWebhookSecret } from '../webhooks/secret.js'

/** the most subscriptions the service keeps: each event is relayed to every one */
const MAX_WEBHOOKS = 100

const IdParams = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) })
const EventTypes = z
  .array(z.union([z.literal('*'), z.enum(EVENT_TYPE_NAMES)]))
  .min(1)
  .max(EVENT_TYPE_NAMES.length + 1)
  .describe('event types, or ["*"] for every type')
const Url = z.string().trim().max(2000)

const Webhook = z.object({
  id: z.number(),
  url: z.string(),
  eventTypes: z.array(z.string()),
  status: z.enum(['ACTIVE', 'PAUSED', 'DISABLED']),
  description: z.string().nullable(),
  failures: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
})

type WebhookRow = typeof webhooks.$inferSelect

/** A subscription as the API shows it: never its secret. */
export function webhookView(row: WebhookRow) {
  return {
    id: row.id,
    url: row.url,
    eventTypes: row.eventTypes,
    status: row.status,
    description: row.description,
    failures: row.failures,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  }
}

/** The URL, or a 400 problem saying why a webhook may not call it. */
export function acceptUrl(services: Services, url: string, path: string): string {
  const refused = checkWebhookUrl(url, services.webhooks.settings.allowedHosts)
  if (refused !== undefined) {
    throw new ProblemError('validation', `${path}: ${refused}.`, {
      extensions: { errors: [{ path, message: refused, code: 'invalid_url' }] },
    })
  }
  return url
}

/** A subscription; a 404 problem when there is none. */
export async function findWebhook(db: Executor, id: number, lock = false): Promise<WebhookRow> {
  const query = db.select().from(webhooks).where(eq(webhooks.id, id))
  const [row] = lock ? await query.for('update') : await query
  if (row === undefined) throw new ProblemError('notFound', `There is no webhook ${id}.`)
  return row
}

/** Creates a subscription in the caller's transaction; the answer holds its secret. */
export async function createWebhook(
  tx: Executor,
  input: {
    url: string
    eventTypes: string[]
    description?: string | undefined
    userId: number
    requestId: string
  },
) {
  const count = await tx.$count(webhooks)
  if (count >= MAX_WEBHOOKS) {
    throw new ProblemError(
      'conflict',
      `The service keeps at most ${MAX_WEBHOOKS} webhooks; delete one you no longer need first.`,
    )
  }
  const secret = createWebhookSecret()
  const [row] = await tx
    .insert(webhooks)
    .values({
      url: input.url,
      eventTypes: [...new Set(input.eventTypes)],
      secret,
      description: input.description ?? null,
      createdBy: input.userId,
    })
    .returning()
  if (row === undefined) throw new Error('the webhook insert returned no row')
  await writeAudit(tx, {
    action: 'webhook.create',
    entity: 'webhook',
    entityId: row.id,
    userId: input.userId,
    after: webhookView(row),
    requestId: input.requestId,
  })
  return { ...webhookView(row), secret }
}

const Delivery = z.object({
  id: z.number(),
  eventId: z.string(),
  eventType: z.string(),
  sequence: z.number(),
  status: z.enum(deliveryStatus.enumValues),
  attempts: z.number(),
  createdAt: z.string(),
  completedAt: z.string().nullable(),
  log: z.array(
    z.object({
      at: z.string(),
      url: z.string(),
      status: z.number().nullable(),
      durationMs: z.number(),
      response: z.string().nullable(),
      error: z.string().nullable(),
      instance: z.string(),
    }),
  ),
})

/** the most attempts a delivery lists (the latest) */
const MAX_LOG = 20

/** Webhook subscriptions (Standard Webhooks signatures), their deliveries and redelivery. */
export const webhookRoutes = [
  defineRoute({
    method: 'post',
    path: '/webhooks',
    summary: 'Subscribe a URL to event types; the answer shows the signing secret, once',
    description:
      'Deliveries are signed per the Standard Webhooks specification (webhook-id, webhook-timestamp, webhook-signature). The URL is http or https; loopback and private addresses only where WEBHOOK_ALLOWED_HOSTS names them.',
    tag: 'Integration',
    access: 'webhooks:manage',
    example: () => ({
      url: 'https://hooks.example.com/torvan',
      eventTypes: ['order.created'],
      description: 'ERP sync',
    }),
    body: z.strictObject({
      url: Url,
      eventTypes: EventTypes,
      description: z.string().trim().max(500).optional(),
    }),
    response: {
      status: 201,
      description: 'The subscription with its secret',
      schema: Webhook.extend({ secret: z.string() }),
    },
    problems: [409],
    handler: async ({ body, user, services, requestId }) => {
      const actor = user
      const url = acceptUrl(services, body.url, 'body.url')
      const created = await services.db.transaction((tx) =>
        createWebhook(tx, { ...body, url, userId: actor.id, requestId }),
      )
      return { status: 201, body: created, headers: { Location: `/webhooks/${created.id}` } }
    },
  }),
  defineRoute({
    method: 'get',
    path: '/webhooks',
    summary: 'Every webhook subscription (without secrets)',
    tag: 'Integration',
    access: 'webhooks:manage',
    response: {
      status: 200,
      description: 'The subscriptions',
      schema: z.object({ webhooks: z.array(Webhook) }),
    },
    handler: async ({ services }) => {
      const rows = await services.db
        .select()
        .from(webhooks)
        .orderBy(asc(webhooks.id))
        .limit(MAX_WEBHOOKS)
      return { body: { webhooks: rows.map(webhookView) } }
    },
  }),
  defineRoute({
    method: 'get',
    path: '/webhooks/{id}',
    summary: 'One webhook subscription (without its secret)',
    tag: 'Integration',
    access: 'webhooks:manage',
    params: IdParams,
    response: { status: 200, description: 'The subscription', schema: Webhook },
    problems: [404],
    handler: async ({ params, services }) => ({
      body: webhookView(await findWebhook(services.db, params.id)),
    }),
  }),
  defineRoute({
    method: 'patch',
    path: '/webhooks/{id}',
    summary: 'Change a subscription: URL, event types, pause or resume it, or a new secret',
    description:
      'Resuming (status ACTIVE) a subscription that was disabled after failed deliveries clears its failure count. rotateSecret: true answers with the new secret, once.',
    tag: 'Integration',
    access: 'webhooks:manage',
    example: () => ({ status: 'PAUSED' }),
    params: IdParams,
    body: z.strictObject({
      url: Url.optional(),
      eventTypes: EventTypes.optional(),
      description: z.string().trim().max(500).nullable().optional(),
      status: z.enum(['ACTIVE', 'PAUSED']).optional(),
      rotateSecret: z.literal(true).optional(),
    }),
    response: {
      status: 200,
      description: 'The subscription as changed (with the new secret after rotateSecret)',
      schema: Webhook.extend({ secret: z.string().optional() }),
    },
    problems: [404],
    handler: async ({ params, body, user, services, requestId }) => {
      const actor = user
      const url = body.url === undefined ? undefined : acceptUrl(services, body.url, 'body.url')
      const changed = await services.db.transaction(async (tx) => {
        const before = await findWebhook(tx, params.id, true)
        const secret = body.rotateSecret === true ? createWebhookSecret() : undefined
        const [row] = await tx
          .update(webhooks)
          .set({
            ...(url === undefined ? {} : { url }),
            ...(body.eventTypes === undefined ? {} : { eventTypes: [...new Set(body.eventTypes)] }),
            ...(body.description === undefined ? {} : { description: body.description }),
            ...(body.status === undefined ? {} : { status: body.status }),
            ...(body.status === 'ACTIVE' ? { failures: 0 } : {}),
            ...(secret === undefined ? {} : { secret }),
            updatedAt: services.now(),
          })
          .where(eq(webhooks.id, params.id))
          .returning()
        if (row === undefined) throw new Error('the webhook update returned no row')
        await writeAudit(tx, {
          action: 'webhook.update',
          entity: 'webhook',
          entityId: row.id,
          userId: actor.id,
          before: webhookView(before),
          after: { ...webhookView(row), secretRotated: secret !== undefined },
          requestId,
        })
        return { ...webhookView(row), ...(secret === undefined ? {} : { secret }) }
      })
      return { body: changed }
    },
  }),
  defineRoute({
    method: 'delete',
    path: '/webhooks/{id}',
    summary: 'Delete a subscription and its delivery log',
    tag: 'Integration',
    access: 'webhooks:manage',
    params: IdParams,
    response: { status: 204, description: 'Deleted' },
    problems: [404, 409],
    handler: async ({ params, user, services, requestId }) => {
      const actor = user
      await services.db.transaction(async (tx) => {
        const before = await findWebhook(tx, params.id, true)
        const [system] = await tx
          .select({ id: externalSystems.id, name: externalSystems.name })
          .from(externalSystems)
          .where(eq(externalSystems.webhookId, params.id))
        if (system !== undefined) {
          throw new ProblemError(
            'conflict',
            `Webhook ${params.id} belongs to the external system ${system.name}: delete the system (DELETE /external-systems/${system.id}) instead.`,
          )
        }
        await tx.delete(webhooks).where(eq(webhooks.id, params.id))
        await writeAudit(tx, {
          action: 'webhook.delete',
          entity: 'webhook',
          entityId: params.id,
          userId: actor.id,
          before: webhookView(before),
          requestId,
        })
      })
      return { status: 204, body: null }
    },
  }),
  defineRoute({
    method: 'get',
    path: '/webhooks/{id}/deliveries',
    summary: 'A subscription’s deliveries, newest first, each with its attempts (the sync log)',
    tag: 'Integration',
    access: 'webhooks:manage',
    params: IdParams,
    query: z.strictObject({
      status: z.enum(deliveryStatus.enumValues).optional(),
      before: z.coerce
        .number()
        .int()
        .positive()
        .max(2_147_483_647)
        .optional()
        .describe('a delivery id: older ones'),
      limit: z.coerce.number().int().min(1).max(200).default(50),
    }),
    response: {
      status: 200,
      description: 'The deliveries',
      schema: z.object({ deliveries: z.array(Delivery) }),
    },
    problems: [404],
    handler: async ({ params, query, services }) => {
      await findWebhook(services.db, params.id)
      const where = [eq(webhookDeliveries.webhookId, params.id)]
      if (query.status !== undefined) where.push(eq(webhookDeliveries.status, query.status))
      if (query.before !== undefined) where.push(lt(webhookDeliveries.id, query.before))
      const rows = await services.db
        .select({ delivery: webhookDeliveries, eventId: events.id, eventType: events.type })
        .from(webhookDeliveries)
        .innerJoin(events, eq(events.seq, webhookDeliveries.eventSeq))
        .where(and(...where))
        .orderBy(desc(webhookDeliveries.id))
        .limit(query.limit)
      const ids = rows.map((row) => row.delivery.id)
      const attempts =
        ids.length === 0
          ? []
          : await services.db
              .select()
              .from(webhookAttempts)
              .where(inArray(webhookAttempts.deliveryId, ids))
              .orderBy(asc(webhookAttempts.id))
      const byDelivery = new Map<number, (typeof attempts)[number][]>()
      for (const attempt of attempts) {
        byDelivery.set(attempt.deliveryId, [...(byDelivery.get(attempt.deliveryId) ?? []), attempt])
      }
      return {
        body: {
          deliveries: rows.map(({ delivery, eventId, eventType }) => ({
            id: delivery.id,
            eventId,
            eventType,
            sequence: delivery.eventSeq,
            status: delivery.status,
            attempts: delivery.attempts,
            createdAt: delivery.createdAt.toISOString(),
            completedAt: delivery.completedAt?.toISOString() ?? null,
            log: (byDelivery.get(delivery.id) ?? []).slice(-MAX_LOG).map((attempt) => ({
              at: attempt.at.toISOString(),
              url: attempt.url,
              status: attempt.status,
              durationMs: attempt.durationMs,
              response: attempt.response,
              error: attempt.error,
              instance: attempt.instance,
            })),
          })),
        },
      }
    },
  }),
  defineRoute({
    method: 'post',
    path: '/webhooks/{id}/deliveries/{deliveryId}/redeliver',
    summary: 'Send a delivery again (with the same webhook-id), after the ones queued before it',
    tag: 'Integration',
    access: 'webhooks:manage',
    params: z.object({
      id: z.coerce.number().int().positive().max(2_147_483_647),
      deliveryId: z.coerce.number().int().positive().max(2_147_483_647),
    }),
    response: {
      status: 202,
      description: 'Queued',
      schema: z.object({ id: z.number(), status: z.literal('PENDING') }),
    },
    problems: [404, 409],
    handler: async ({ params, user, services, requestId }) => {
      const actor = user
      await services.db.transaction(async (tx) => {
        const hook = await findWebhook(tx, params.id, true)
        if (hook.status !== 'ACTIVE') {
          throw new ProblemError(
            'conflict',
            `Webhook ${hook.id} is ${hook.status}: resume it (PATCH status ACTIVE) before redelivering.`,
          )
        }
        const [delivery] = await tx
          .select({ delivery: webhookDeliveries, orderId: events.orderId })
          .from(webhookDeliveries)
          .innerJoin(events, eq(events.seq, webhookDeliveries.eventSeq))
          .where(
            and(
              eq(webhookDeliveries.id, params.deliveryId),
              eq(webhookDeliveries.webhookId, hook.id),
            ),
          )
          .for('update', { of: webhookDeliveries })
        if (delivery === undefined) {
          throw new ProblemError(
            'notFound',
            `Webhook ${hook.id} has no delivery ${params.deliveryId}.`,
          )
        }
        if (delivery.delivery.status === 'PENDING') {
          throw new ProblemError(
            'conflict',
            `Delivery ${params.deliveryId} is still pending: it is sent (or retried) already.`,
          )
        }
        await tx
          .update(webhookDeliveries)
          .set({ status: 'PENDING', completedAt: null })
          .where(eq(webhookDeliveries.id, params.deliveryId))
        await queueDelivery(services.webhooks.jobs, tx, {
          id: params.deliveryId,
          webhookId: hook.id,
          seq: delivery.delivery.eventSeq,
          orderId: delivery.orderId,
        })
        await writeAudit(tx, {
          action: 'webhook.redeliver',
          entity: 'webhook_delivery',
          entityId: params.deliveryId,
          userId: actor.id,
          before: { status: delivery.delivery.status },
          after: { status: 'PENDING' },
          requestId,
        })
      })
      return { status: 202, body: { id: params.deliveryId, status: 'PENDING' } }
    },
  }),
]
