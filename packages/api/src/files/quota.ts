import { and, eq, gt, sql } from 'drizzle-orm'
import type { Executor } from '../db/open.js'
import { documentVersions } from '../db/schema/index.js'
import { ProblemError } from '../http/problem.js'

/** How much one user may upload: bytes per rolling window. */
export interface UploadQuota {
  bytes: number
  windowHours: number
}

/** The default: 500 MB per user per 24 hours. */
export const DEFAULT_UPLOAD_QUOTA: UploadQuota = { bytes: 500 * 1024 * 1024, windowHours: 24 }

// the first key of the advisory lock that serialises one user's uploads
const QUOTA_LOCK = 7_160_016

/**
 * Refuses an upload that would take the user past the quota (a 429 problem with `Retry-After`). Holds a
 * per-user lock until the transaction ends, so parallel uploads cannot all pass on the same reading.
 */
export async function checkUploadQuota(
  tx: Executor,
  input: { userId: number; size: number; now: Date; quota: UploadQuota },
): Promise<void> {
  const { userId, size, now, quota } = input
  await tx.execute(sql`select pg_advisory_xact_lock(${QUOTA_LOCK}, ${userId})`)
  const since = new Date(now.getTime() - quota.windowHours * 3_600_000)
  const [used] = await tx
    .select({
      bytes: sql<string>`coalesce(sum(${documentVersions.size}), 0)`,
      oldest: sql<string | null>`min(${documentVersions.createdAt})`,
    })
    .from(documentVersions)
    .where(and(eq(documentVersions.uploadedBy, userId), gt(documentVersions.createdAt, since)))
  const bytes = Number(used?.bytes ?? 0)
  if (bytes + size <= quota.bytes) return
  const oldest = used?.oldest === null || used?.oldest === undefined ? now : new Date(used.oldest)
  const retryAfter = Math.max(
    1,
    Math.ceil((oldest.getTime() + quota.windowHours * 3_600_000 - now.getTime()) / 1000),
  )
  throw new ProblemError(
    'tooManyRequests',
    `This upload of ${size} bytes would take you past your quota of ${quota.bytes} bytes per ${quota.windowHours} hours (${bytes} used).`,
    {
      extensions: { quotaBytes: quota.bytes, usedBytes: bytes, windowHours: quota.windowHours },
      headers: { 'Retry-After': String(retryAfter) },
    },
  )
}
