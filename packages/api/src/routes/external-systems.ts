import { asc, eq } from 'drizzle-orm'
import { z } from 'zod'
import { writeAudit } from '../audit.js'
import type { Executor } from '../db/open.js'
import { externalSystemKind, externalSystems, webhooks } from '../db/schema/index.js'
import { EVENT_TYPE_NAMES } from '../events/types.js'
import { ProblemError } from '../http/problem.js'
import { defineRoute } from '../http/route.js'
import { acceptUrl, createWebhook, findWebhook, webhookView } from './webhooks.js'

const IdParams = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) })
const EventTypes = z
  .array(z.union([z.literal('*'), z.enum(EVENT_TYPE_NAMES)]))
  .min(1)
  .max(EVENT_TYPE_NAMES.length + 1)

const ExternalSystem = z.object({
  id: z.number(),
  name: z.string(),
  kind: z.enum(externalSystemKind.enumValues),
  baseUrl: z.string(),
  webhook: z.object({
    id: z.number(),
    url: z.string(),
    eventTypes: z.array(z.string()),
    status: z.string(),
  }),
  createdAt: z.string(),
  updatedAt: z.string(),
})

async function systemView(db: Executor, id: number) {
  const [row] = await db
    .select({ system: externalSystems, hook: webhooks })
    .from(externalSystems)
    .innerJoin(webhooks, eq(webhooks.id, externalSystems.webhookId))
    .where(eq(externalSystems.id, id))
  if (row === undefined) throw new ProblemError('notFound', `There is no external system ${id}.`)
  const hook = webhookView(row.hook)
  return {
    id: row.system.id,
    name: row.system.name,
    kind: row.system.kind,
    baseUrl: row.system.baseUrl,
    webhook: { id: hook.id, url: hook.url, eventTypes: hook.eventTypes, status: hook.status },
    createdAt: row.system.createdAt.toISOString(),
    updatedAt: row.system.updatedAt.toISOString(),
  }
}

function duplicateName(name: string): ProblemError {
  return new ProblemError(
    'conflict',
    `There is already an external system named ${JSON.stringify(name)}.`,
  )
}

/** External systems (the document's §7.2.1): an ERP, a carrier, a document store, each fed by a webhook. */
export const externalSystemRoutes = [
  defineRoute({
    method: 'post',
    path: '/external-systems',
    summary:
      'Register an external system; its events go to its URL through a webhook (secret shown once)',
    tag: 'Integration',
    access: 'webhooks:manage',
    example: () => ({
      name: 'ERP',
      kind: 'ERP',
      baseUrl: 'https://erp.example.com/api',
      eventTypes: ['order.created'],
    }),
    body: z.strictObject({
      name: z.string().trim().min(1).max(100),
      kind: z.enum(externalSystemKind.enumValues),
      baseUrl: z.string().trim().max(2000).describe('where its events are posted'),
      eventTypes: EventTypes,
    }),
    response: {
      status: 201,
      description: 'The system, with its webhook’s signing secret',
      schema: ExternalSystem.extend({ secret: z.string() }),
    },
    problems: [409],
    handler: async ({ body, user, services, requestId }) => {
      const actor = user
      const url = acceptUrl(services, body.baseUrl, 'body.baseUrl')
      const created = await services.db.transaction(async (tx) => {
        const [taken] = await tx
          .select({ id: externalSystems.id })
          .from(externalSystems)
          .where(eq(externalSystems.name, body.name))
        if (taken !== undefined) throw duplicateName(body.name)
        const hook = await createWebhook(tx, {
          url,
          eventTypes: body.eventTypes,
          description: `external system ${body.name}`,
          userId: actor.id,
          requestId,
        })
        const [row] = await tx
          .insert(externalSystems)
          .values({ name: body.name, kind: body.kind, baseUrl: url, webhookId: hook.id })
          .onConflictDoNothing()
          .returning({ id: externalSystems.id })
        if (row === undefined) throw duplicateName(body.name)
        const view = await systemView(tx, row.id)
        await writeAudit(tx, {
          action: 'external_system.create',
          entity: 'external_system',
          entityId: row.id,
          userId: actor.id,
          after: view,
          requestId,
        })
        return { ...view, secret: hook.secret }
      })
      return {
        status: 201,
        body: created,
        headers: { Location: `/external-systems/${created.id}` },
      }
    },
  }),
  defineRoute({
    method: 'get',
    path: '/external-systems',
    summary: 'Every external system with its webhook',
    tag: 'Integration',
    access: 'webhooks:manage',
    response: {
      status: 200,
      description: 'The systems',
      schema: z.object({ systems: z.array(ExternalSystem) }),
    },
    handler: async ({ services }) => {
      const rows = await services.db
        .select({ id: externalSystems.id })
        .from(externalSystems)
        .orderBy(asc(externalSystems.name))
        .limit(100)
      const systems = []
      for (const row of rows) systems.push(await systemView(services.db, row.id))
      return { body: { systems } }
    },
  }),
  defineRoute({
    method: 'get',
    path: '/external-systems/{id}',
    summary: 'One external system',
    tag: 'Integration',
    access: 'webhooks:manage',
    params: IdParams,
    response: { status: 200, description: 'The system', schema: ExternalSystem },
    problems: [404],
    handler: async ({ params, services }) => ({ body: await systemView(services.db, params.id) }),
  }),
  defineRoute({
    method: 'patch',
    path: '/external-systems/{id}',
    summary: 'Rename an external system, move it, or change the events it receives',
    tag: 'Integration',
    access: 'webhooks:manage',
    example: () => ({ name: 'ERP (production)' }),
    params: IdParams,
    body: z.strictObject({
      name: z.string().trim().min(1).max(100).optional(),
      baseUrl: z.string().trim().max(2000).optional(),
      eventTypes: EventTypes.optional(),
    }),
    response: { status: 200, description: 'The system as changed', schema: ExternalSystem },
    problems: [404, 409],
    handler: async ({ params, body, user, services, requestId }) => {
      const actor = user
      const url =
        body.baseUrl === undefined ? undefined : acceptUrl(services, body.baseUrl, 'body.baseUrl')
      const changed = await services.db.transaction(async (tx) => {
        const before = await systemView(tx, params.id)
        if (body.name !== undefined && body.name !== before.name) {
          const [taken] = await tx
            .select({ id: externalSystems.id })
            .from(externalSystems)
            .where(eq(externalSystems.name, body.name))
          if (taken !== undefined) throw duplicateName(body.name)
        }
        await findWebhook(tx, before.webhook.id, true)
        await tx
          .update(externalSystems)
          .set({
            ...(body.name === undefined ? {} : { name: body.name }),
            ...(url === undefined ? {} : { baseUrl: url }),
            updatedAt: services.now(),
          })
          .where(eq(externalSystems.id, params.id))
        if (url !== undefined || body.eventTypes !== undefined) {
          await tx
            .update(webhooks)
            .set({
              ...(url === undefined ? {} : { url }),
              ...(body.eventTypes === undefined
                ? {}
                : { eventTypes: [...new Set(body.eventTypes)] }),
              updatedAt: services.now(),
            })
            .where(eq(webhooks.id, before.webhook.id))
        }
        const after = await systemView(tx, params.id)
        await writeAudit(tx, {
          action: 'external_system.update',
          entity: 'external_system',
          entityId: params.id,
          userId: actor.id,
          before,
          after,
          requestId,
        })
        return after
      })
      return { body: changed }
    },
  }),
  defineRoute({
    method: 'delete',
    path: '/external-systems/{id}',
    summary: 'Remove an external system and its webhook',
    tag: 'Integration',
    access: 'webhooks:manage',
    params: IdParams,
    response: { status: 204, description: 'Removed' },
    problems: [404],
    handler: async ({ params, user, services, requestId }) => {
      const actor = user
      await services.db.transaction(async (tx) => {
        const before = await systemView(tx, params.id)
        await tx.delete(externalSystems).where(eq(externalSystems.id, params.id))
        await tx.delete(webhooks).where(eq(webhooks.id, before.webhook.id))
        await writeAudit(tx, {
          action: 'external_system.delete',
          entity: 'external_system',
          entityId: params.id,
          userId: actor.id,
          before,
          requestId,
        })
      })
      return { status: 204, body: null }
    },
  }),
]
