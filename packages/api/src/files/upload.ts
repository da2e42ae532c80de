import { z } from 'zod'

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
