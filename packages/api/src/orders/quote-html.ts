import type { Address } from '../db/schema/index.js'
import type { Quote, QuoteSink } from './quote.js'

/**
 * Escapes text for HTML content and quoted attributes: every value a quote shows goes through it.
 *
 * @example escapeHtml('<b>"A&B"</b>') // '&lt;b&gt;&quot;A&amp;B&quot;&lt;/b&gt;'
 */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
}

/** the page's only style sheet: inline, so the document needs nothing from elsewhere to print */
const STYLE = `
@page { size: auto; margin: 16mm 14mm; }
* { box-sizing: border-box; }
body { font: 10pt/1.4 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: #111; margin: 0 auto; max-width: 190mm; padding: 8mm; }
h1 { font-size: 18pt; margin: 0 0 2mm; }
h2 { font-size: 12pt; margin: 6mm 0 2mm; border-bottom: 1px solid #999; }
h3 { font-size: 10.5pt; margin: 4mm 0 1mm; }
.meta, .parties { display: flex; gap: 8mm; flex-wrap: wrap; }
.parties > div { flex: 1 1 70mm; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.5mm 4mm; margin: 0; }
dt { color: #555; }
dd { margin: 0; }
table { width: 100%; border-collapse: collapse; margin: 1mm 0 3mm; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th, td { border-bottom: 1px solid #ccc; padding: 1mm 1.5mm; text-align: left; vertical-align: top; }
th { background: #f0f0f0; font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.sink { break-inside: avoid-page; page-break-inside: avoid; }
.bom td:first-child { white-space: nowrap; }
.totals { width: auto; margin-left: auto; min-width: 70mm; }
.totals tr.total td { font-weight: 700; border-top: 2px solid #111; }
.note { color: #555; font-size: 9pt; }
@media print { body { padding: 0; max-width: none; } a { color: inherit; text-decoration: none; } }
`

function text(value: string | number | null | undefined): string {
  return value === null || value === undefined || value === '' ? '—' : escapeHtml(String(value))
}

function addressLines(address: Address | null): string {
  if (address === null) return '—'
  const place = [address.postalCode, address.city, address.region].filter(
    (part) => part !== undefined && part !== '',
  )
  return [...address.lines, place.join(' '), address.country].map(escapeHtml).join('<br>')
}

function definitions(rows: readonly [string, string][]): string {
  return `<dl>${rows.map(([term, value]) => `<dt>${escapeHtml(term)}</dt><dd>${value}</dd>`).join('')}</dl>`
}

function sinkSection(sink: QuoteSink, currency: string | undefined): string {
  const options = sink.options
    .map(
      (option) =>
        `<tr><th scope="row">${text(option.name)}</th><td>${text(option.value)}</td></tr>`,
    )
    .join('')
  const priced = new Map(sink.prices?.lines.map((line) => [line.id, line]))
  const showPrices = sink.prices !== undefined && sink.prices.lines.length > 0
  const rows = sink.bom
    .map((row) => {
      const price = row.level === 1 ? priced.get(row.id) : undefined
      const cells = [
        `<td>${'&nbsp;&nbsp;'.repeat(row.level - 1)}${row.level}</td>`,
        `<td>${text(row.id)}</td>`,
        `<td>${text(row.number)}</td>`,
        `<td>${text(row.name)}</td>`,
        `<td class="num">${text(row.quantity)}</td>`,
      ]
      if (showPrices) {
        cells.push(
          `<td class="num">${price === undefined ? '' : text(price.unitPrice)}</td>`,
          `<td class="num">${price === undefined ? '' : text(price.total)}</td>`,
        )
      }
      return `<tr>${cells.join('')}</tr>`
    })
    .join('')
  const priceHeads = showPrices
    ? `<th class="num">Unit price</th><th class="num">Line total</th>`
    : ''
  const sinkPrice =
    sink.prices === undefined
      ? ''
      : `<p><strong>Sink price: ${text(sink.prices.unitPrice)} ${text(currency)}</strong>${
          sink.prices.unpriced.length === 0
            ? ''
            : ` <span class="note">(no list price for ${sink.prices.unpriced.map(escapeHtml).join(', ')}: not included)</span>`
        }</p>`
  return `<section class="sink">
<h3>Build ${text(sink.buildNumber)}${sink.bomRevision === null ? '' : ` <span class="note">BOM revision ${text(sink.bomRevision)}</span>`}</h3>
<table class="options"><tbody>${options}</tbody></table>
${sinkPrice}
<table class="bom"><thead><tr><th>Level</th><th>Item</th><th>Number</th><th>Description</th><th class="num">Qty</th>${priceHeads}</tr></thead><tbody>${rows}</tbody></table>
</section>`
}

function totalsTable(quote: Quote): string {
  const money = quote.money
  if (money === undefined) return ''
  if (money.total === null) {
    return '<p class="note">No selling price list is loaded: this quote has no prices.</p>'
  }
  const row = (label: string, value: string | null, css = '') =>
    `<tr${css === '' ? '' : ` class="${css}"`}><td>${escapeHtml(label)}</td><td class="num">${text(value)} ${escapeHtml(money.currency)}</td></tr>`
  const tax = money.taxExempt ? 'Tax (customer exempt)' : `Tax ${money.taxRatePercent} %`
  return `<table class="totals"><tbody>
${row('Subtotal', money.subtotal)}
${row(`Discount ${money.discountPercent} %`, money.discountAmount === null ? null : `−${money.discountAmount}`)}
${row(tax, money.taxAmount)}
${row('Shipping', money.shippingAmount)}
${row('Total', money.total, 'total')}
</tbody></table>
<p class="note">${
    money.basis === 'stored'
      ? `Prices fixed when the order was approved (${text(money.pricedAt?.slice(0, 10))}).`
      : 'Prices from the current list price; they are fixed when the order is approved.'
  }</p>`
}

/**
 * Renders a quote as one self-contained HTML page for printing: inline print CSS, no scripts, no
 * external assets, every value escaped. Prices appear only when the quote carries them.
 *
 * @example c.html(renderQuoteHtml(await buildQuote(db, { orderId, financial, now })))
 */
export function renderQuoteHtml(quote: Quote): string {
  const { order, customer } = quote
  const currency = quote.money?.currency
  const head = definitions([
    ['Quote for order', text(order.number)],
    ['Customer PO', text(order.poNumber)],
    ['Issued', text(quote.issuedOn)],
    ['Valid until', `<strong>${text(quote.validUntil)}</strong>`],
    ['Order type', text(order.type)],
    ['Requested delivery', text(order.requestedDate)],
    ['Promised delivery', text(order.promisedDate)],
    ['Payment terms', `net ${text(customer.paymentTermsDays)} days`],
  ])
  const buyer = definitions([
    [
      'Customer',
      `${text(customer.name)}${customer.code === null ? '' : ` (${text(customer.code)})`}`,
    ],
    ['Contact', text(customer.contactName)],
    ['E-mail', text(customer.email)],
    ['Phone', text(customer.phone)],
  ])
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Quote ${text(order.number)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>TORVAN MEDICAL — Quote ${text(order.number)}</h1>
<div class="meta">${head}</div>
</header>
<h2>Customer</h2>
<div class="parties">
<div>${buyer}</div>
<div><h3>Bill to</h3><p>${addressLines(customer.billingAddress)}</p></div>
<div><h3>Ship to</h3><p>${addressLines(customer.shippingAddress)}</p></div>
</div>
${order.specialInstructions === null ? '' : `<h2>Special instructions</h2><p>${text(order.specialInstructions)}</p>`}
<h2>Sinks (${quote.sinks.length})</h2>
${quote.sinks.length === 0 ? '<p class="note">The order has no sinks yet.</p>' : quote.sinks.map((sink) => sinkSection(sink, currency)).join('\n')}
${quote.money === undefined ? '' : `<h2>Totals</h2>${totalsTable(quote)}`}
</body>
</html>
`
}
