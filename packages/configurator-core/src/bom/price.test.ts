import { describe, expect, it } from 'vitest'
import type { SellingPriceList } from './price.js'
import { orderTotals, parseSellingPriceList, priceSink } from './price.js'

const list: SellingPriceList = {
  currency: 'USD',
  prices: { BODY: '1000.00', KIT: '19.99', BASIN: '300.00' },
  customParts: [{ family: '720.215.001', base: 'BASIN', markupPercent: '33.333' }],
}

const line = (id: string, quantity: string, custom = false) => ({
  id,
  name: id,
  number: null,
  quantity,
  custom,
  ...(custom ? { family: '720.215.001' } : {}),
})

describe('priceSink', () => {
  it('prices list items and custom parts (base price plus markup, rounded to cents)', () => {
    const price = priceSink(
      [line('BODY', '1'), line('KIT', '3'), line('CUSTOM-28', '2', true)],
      list,
    )
    // 300 × 1.33333 = 399.999 → 400.00; 19.99 × 3 = 59.97
    expect(price.lines.map((l) => [l.id, l.unitPrice, l.total, l.basis])).toEqual([
      ['BODY', '1000.00', '1000.00', 'list'],
      ['KIT', '19.99', '59.97', 'list'],
      ['CUSTOM-28', '400.00', '800.00', 'custom'],
    ])
    expect(price).toMatchObject({ unitPrice: '1859.97', complete: true, unpriced: [] })
  })

  it('lists a line without a price instead of counting it as 0', () => {
    const price = priceSink([line('BODY', '1'), line('UNKNOWN', '1')], list)
    expect(price).toMatchObject({ unitPrice: '1000.00', complete: false, unpriced: ['UNKNOWN'] })
  })
})

describe('orderTotals', () => {
  it('rounds each derived amount to cents, half away from zero, before adding it', () => {
    // 10% of 150.05 = 15.005 → 15.01; 8.25% of 135.04 = 11.1408 → 11.14
    expect(
      orderTotals(['100.00', '50.05'], {
        discountPercent: '10',
        taxRatePercent: '8.25',
        shippingAmount: '20',
        taxExempt: false,
      }),
    ).toEqual({
      subtotal: '150.05',
      discountAmount: '15.01',
      taxAmount: '11.14',
      shippingAmount: '20.00',
      total: '166.18',
    })
  })

  it('charges a tax-exempt customer no tax', () => {
    const totals = orderTotals(['99.99'], {
      discountPercent: '0',
      taxRatePercent: '20',
      shippingAmount: '0',
      taxExempt: true,
    })
    expect(totals).toMatchObject({ taxAmount: '0.00', total: '99.99' })
  })
})

describe('parseSellingPriceList', () => {
  it('names the path of each problem', () => {
    const { priceList, issues } = parseSellingPriceList(
      { currency: 'usd', prices: { A: '1.123456' }, customParts: [{ family: 'F', base: 'A' }] },
      'list-prices.json',
    )
    expect(priceList).toBeUndefined()
    expect(issues.map((issue) => issue.path.join('.'))).toEqual([
      'currency',
      'prices.A',
      'customParts.0.markupPercent',
    ])
  })
})
