import { fileTypeFromBuffer } from 'file-type'

/**
 * The media type a file's first bytes say it is (its magic number), or undefined when they match no known
 * format (text, HTML, random bytes). Never the type a client claims.
 *
 * @example await sniffMediaType(pdfBytes) // 'application/pdf'
 */
export async function sniffMediaType(bytes: Uint8Array): Promise<string | undefined> {
  const found = await fileTypeFromBuffer(bytes)
  return found?.mime
}
