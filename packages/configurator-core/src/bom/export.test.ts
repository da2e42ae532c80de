import { describe, expect, it } from 'vitest'
import { formatCsv } from './export.js'

describe('formatCsv', () => {
  it('writes RFC 4180 rows with CRLF ends after a UTF-8 byte-order mark', () => {
    expect(
      formatCsv([
        ['id', 'quantity'],
        ['T2-BODY-48-60-HA', '1'],
      ]),
    ).toBe('\ufeffid,quantity\r\nT2-BODY-48-60-HA,1\r\n')
  })

  it('quotes a field with a comma, a quote, a line break or white space at an edge, and only those', () => {
    expect(formatCsv([['a,b', 'say "x"', 'two\nlines', ' lead', 'trail ', 'in side', '¼″']])).toBe(
      '\ufeff"a,b","say ""x""","two\nlines"," lead","trail ",in side,¼″\r\n',
    )
  })
})
