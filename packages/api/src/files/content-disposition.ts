/**
 * A `Content-Disposition` header for a download (RFC 6266): a plain-ASCII `filename` for old clients and,
 * when the name is not plain ASCII, a `filename*` with the UTF-8 name percent-encoded (RFC 8187).
 *
 * @example contentDisposition('attachment', 'Zeichnung ü.pdf') // attachment; filename="Zeichnung _.pdf"; filename*=UTF-8''Zeichnung%20%C3%BC.pdf
 */
export function contentDisposition(disposition: 'inline' | 'attachment', filename: string): string {
  // quoted-string: printable ASCII without the quote and the backslash
  const fallback = filename.replace(/[^\x20-\x21\x23-\x5b\x5d-\x7e]/g, '_')
  if (fallback === filename) return `${disposition}; filename="${fallback}"`
  return `${disposition}; filename="${fallback}"; filename*=UTF-8''${encodeExtValue(filename)}`
}

/** RFC 8187 attr-chars stay, everything else is percent-encoded UTF-8. */
function encodeExtValue(value: string): string {
  return encodeURIComponent(value).replace(
    /['()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  )
}
