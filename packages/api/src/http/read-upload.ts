import { createHash } from 'node:crypto'
import type { Context } from 'hono'
import type { Upload, UploadPolicy } from '../files/upload.js'
import { sniffMediaType } from '../files/sniff.js'
import { ProblemError } from './problem.js'
import type { AppEnv } from './route.js'

// aliases some clients send
const ALIASES: Record<string, string> = { 'image/jpg': 'image/jpeg', 'image/pjpeg': 'image/jpeg' }

/**
 * Reads an upload's body: the declared Content-Type must be one the policy accepts (else 415), the size
 * within its limit (413), and the bytes must be what the type says, by their magic number (415 naming
 * what they are instead). The sniffed type is what is stored and served.
 */
export async function readUpload(c: Context<AppEnv>, policy: UploadPolicy): Promise<Upload> {
  const header = (c.req.header('Content-Type') ?? '').split(';')[0]?.trim().toLowerCase() ?? ''
  const declared = ALIASES[header] ?? header
  if (!policy.accepted.includes(declared)) {
    throw new ProblemError(
      'unsupportedMediaType',
      `${policy.noun} is ${policy.accepted.join(', ')}; received ${header === '' ? 'no Content-Type' : `"${header}"`}.`,
      { extensions: { accepted: policy.accepted } },
    )
  }
  const bytes = new Uint8Array(await c.req.arrayBuffer())
  if (bytes.length === 0) throw new ProblemError('validation', `${policy.noun} cannot be empty.`)
  if (bytes.length > policy.maxBytes)
    throw new ProblemError(
      'payloadTooLarge',
      `${policy.noun} has at most ${policy.maxBytes} bytes; this one has ${bytes.length}.`,
    )
  const sniffed = await sniffMediaType(bytes)
  if (sniffed !== declared) {
    throw new ProblemError(
      'contentMismatch',
      sniffed === undefined
        ? `The file was sent as ${declared}, but its content is not ${declared} (nor any file type we recognise).`
        : `The file was sent as ${declared}, but its content is ${sniffed}.`,
      { extensions: { declared, detected: sniffed ?? null } },
    )
  }
  return { mediaType: sniffed, bytes, sha256: createHash('sha256').update(bytes).digest('hex') }
}
