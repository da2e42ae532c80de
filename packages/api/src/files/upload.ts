import { createHash } from 'node:crypto'
import type { Context } from 'hono'
import { z } from 'zod'
import { ProblemError } from '../http/problem.js'
import type { AppEnv } from '../http/route.js'
import { sniffMediaType } from './sniff.js'

/** What an upload route accepts: which media types, how many bytes, and what it calls the file. */
export interface UploadPolicy {
  /** e.g. "A photo" */
  noun: string
  accepted: readonly string[]
  maxBytes: number
}

/** A photo of an inspection or of one of its rows. */
export const PHOTO_POLICY: UploadPolicy = {
  noun: 'A photo',
  accepted: ['image/jpeg', 'image/png', 'image/webp'],
  maxBytes: 10 * 1024 * 1024,
}

/** A document: PDF or a common image type. */
export const DOCUMENT_POLICY: UploadPolicy = {
  noun: 'A document',
  accepted: ['application/pdf', 'image/jpeg', 'image/png', 'image/webp', 'image/gif', 'image/tiff'],
  maxBytes: 25 * 1024 * 1024,
}

/** A file as received: its sniffed media type, its bytes and their SHA-256. */
export interface Upload {
  mediaType: string
  bytes: Uint8Array
  sha256: string
}

/**
 * A file name as a client may give it: printable, no path, at most 200 characters (any script: the
 * download header encodes it per RFC 6266).
 */
export const FileNameSchema = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .regex(
    /^[^\p{Cc}\p{Cf}/\\]+$/u,
    'expected a file name without control characters or "/" and "\\"',
  )

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
