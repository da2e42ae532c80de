import { describe, expect, it } from 'vitest'
import { contentDisposition } from './content-disposition.js'

describe('contentDisposition', () => {
  it('quotes a plain ASCII name as it is', () => {
    expect(contentDisposition('inline', 'scratch 1.png')).toBe('inline; filename="scratch 1.png"')
  })

  it('adds an RFC 8187 filename* for a name that is not plain ASCII, with an ASCII fallback', () => {
    expect(contentDisposition('attachment', 'Zeichnung ü.pdf')).toBe(
      `attachment; filename="Zeichnung _.pdf"; filename*=UTF-8''Zeichnung%20%C3%BC.pdf`,
    )
    expect(contentDisposition('inline', '図面.pdf')).toBe(
      `inline; filename="__.pdf"; filename*=UTF-8''%E5%9B%B3%E9%9D%A2.pdf`,
    )
  })

  it('never lets a quote, a backslash or a line break out of the quoted name', () => {
    const header = contentDisposition('inline', 'a"b\\c\r\nSet-Cookie: x=1\'(*).png')
    expect(header).toBe(
      `inline; filename="a_b_c__Set-Cookie: x=1'(*).png"; filename*=UTF-8''a%22b%5Cc%0D%0ASet-Cookie%3A%20x%3D1%27%28%2A%29.png`,
    )
    // a header value may not hold a line break
    expect(header).not.toMatch(/[\r\n]/)
    expect(() => new Headers({ 'Content-Disposition': header })).not.toThrow()
  })
})
