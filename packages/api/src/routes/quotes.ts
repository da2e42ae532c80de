import { z } from 'zod'
import { ProblemError } from '../http/problem.js'
import { defineRoute } from '../http/route.js'
import { RowId } from '../http/row-id.js'
import { renderQuoteHtml } from '../orders/quote-html.js'
import { buildQuote, QUOTE_FORMAT, QUOTE_VALIDITY_DAYS } from '../orders/quote.js'

/** html when asked by `?format=html` or an Accept naming text/html; a 406 problem for neither */
function wantsHtml(format: 'json' | 'html' | undefined, accept: string): boolean {
  if (format !== undefined) return format === 'html'
  if (/\btext\/html\b/.test(accept)) return true
  if (/application\/json|application\/\*|\*\/\*/.test(accept)) return false
  throw new ProblemError(
    'notAcceptable',
    `The quote is application/json or text/html (or ?format=json|html); the request accepts only "${accept}".`,
  )
}

/** Quotes: an order's customer, sinks, BOM tables and (permitted) prices, as JSON or a printable page. */
export const quoteRoutes = [
  defineRoute({
    method: 'get',
    path: '/orders/{id}/quote',
    summary:
      'The order’s quote: customer, PO, each sink with its options, BOM table and price, totals and validity date (JSON, or printable HTML)',
    description: `JSON by default; a self-contained HTML page suited to print (inline print CSS, no external assets) with \`Accept: text/html\` or \`?format=html\`. Prices and totals (exact decimals) only for users with financials:read; an approved order shows the amounts stored at approval, an order before approval today's list prices. A quote is valid for ${QUOTE_VALIDITY_DAYS} days from the day it is issued.`,
    tag: 'Orders',
    access: 'orders:read',
    alsoNeeds: ['boms:read'],
    params: z.object({ id: RowId }),
    query: z.strictObject({ format: z.enum(['json', 'html']).optional() }),
    response: {
      status: 200,
      description: 'The quote',
      schema: z.object({ format: z.literal(QUOTE_FORMAT) }).loose(),
      mediaTypes: ['application/json', 'text/html'],
    },
    problems: [404, 406],
    handler: async ({ params, query, user, services, c }) => {
      const html = wantsHtml(query.format, c.req.header('Accept') ?? '*/*')
      const quote = await buildQuote(services.db, {
        orderId: params.id,
        financial: user.permissions.has('financials:read'),
        now: services.now(),
      })
      if (!html) return { body: quote, headers: { 'Cache-Control': 'private, no-store' } }
      return c.body(renderQuoteHtml(quote), 200, {
        'Content-Type': 'text/html; charset=utf-8',
        'Cache-Control': 'private, no-store',
        // the page is static: no scripts, no requests, only its own inline styles
        'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; img-src data:",
        'Content-Disposition': `inline; filename="${quote.order.number}-quote.html"`,
      })
    },
  }),
]
