import { z } from 'zod'
import { ProblemError } from '../http/problem.js'
import { defineRoute } from '../http/route.js'
import { EXPORT_FORMAT, exportOrder, exportToCsv } from '../orders/export.js'
import { orderView } from '../orders/store.js'

/** The ERP export of an order: its frozen BOMs per sink and consolidated, as JSON or CSV. */
export const exportRoutes = [
  defineRoute({
    method: 'get',
    path: '/orders/{id}/export',
    summary: `The order for the ERP (${EXPORT_FORMAT}): each sink’s frozen BOM and the consolidated lines and parts, JSON or CSV`,
    description:
      'Lines carry 700-series numbers, quantities and units; unit and line costs only for users with financials:read (the CSV keeps its cost columns, empty). Only an approved order (its BOMs frozen) is exported: otherwise a 409 problem. The format is described in docs/integration.md.',
    tag: 'Integration',
    access: 'boms:read',
    params: z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) }),
    query: z.strictObject({ format: z.enum(['json', 'csv']).optional() }),
    response: {
      status: 200,
      description: 'The export',
      schema: z.object({ format: z.literal(EXPORT_FORMAT) }).loose(),
      mediaTypes: ['application/json', 'text/csv'],
    },
    problems: [404, 406, 409],
    handler: async ({ params, query, user, services, c }) => {
      const accept = c.req.header('Accept') ?? '*/*'
      const csv =
        query.format === 'csv' || (query.format === undefined && /\btext\/csv\b/.test(accept))
      if (
        query.format === undefined &&
        !csv &&
        !/application\/json|\*\/\*|application\/\*/.test(accept)
      ) {
        throw new ProblemError(
          'notAcceptable',
          `The export is application/json or text/csv; the request accepts only "${accept}".`,
        )
      }
      const financial = user.permissions.has('financials:read')
      const order = await orderView(services.db, params.id)
      const document = await exportOrder(services.db, order, {
        prices: financial ? services.models.catalog?.priceList : undefined,
        now: services.now(),
      })
      if (csv) {
        return c.body(exportToCsv(document), 200, {
          'Content-Type': 'text/csv; charset=utf-8',
          'Content-Disposition': `attachment; filename="${order.number}-erp.csv"`,
        })
      }
      return { body: document }
    },
  }),
]
