import { existsSync } from 'node:fs'
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm'
import { DatabaseError } from '../db/open.js'

/** the file a serving process keeps in its PGlite data folder, with its process id */
export const PID_FILE = 'torvan-serve.pid'

/** Marks a PGlite data folder as in use by this process; the returned function unmarks it. */
export async function markInUse(dataDir: string): Promise<() => Promise<void>> {
  const file = join(dataDir, PID_FILE)
  await writeFile(file, `${process.pid}\n`)
  return () => rm(file, { force: true })
}

async function refuseWhileServed(dataDir: string, what: string): Promise<void> {
  const file = join(dataDir, PID_FILE)
  if (!existsSync(file)) return
  const pid = Number((await readFile(file, 'utf8')).trim())
  let alive: boolean
  try {
    process.kill(pid, 0)
    alive = Number.isInteger(pid) && pid > 0
  } catch (error) {
    // EPERM: it exists under another user
    alive = (error as { code?: string }).code === 'EPERM'
  }
  if (alive) {
    throw new DatabaseError(
      `the PGlite database in ${dataDir} is in use by a running service (process ${pid}): stop it before ${what} (PGlite serves one process at a time)`,
    )
  }
}

/**
 * Writes a consistent copy of a PGlite data folder to `file` (a gzipped tar, PGlite's own
 * `dumpDataDir`): the folder is opened alone, checkpointed and dumped. The service must be stopped.
 *
 * @example await backupPglite('./data', './backups/torvan-2026-12-02.tar.gz')
 */
export async function backupPglite(dataDir: string, file: string): Promise<{ bytes: number }> {
  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    throw new DatabaseError(`there is no PGlite database in ${dataDir} to back up (DATA_DIR)`)
  }
  await refuseWhileServed(dataDir, 'backing it up')
  const client = await PGlite.create(dataDir, { extensions: { pg_trgm } })
  let dump: Blob
  try {
    await client.exec('checkpoint')
    dump = await client.dumpDataDir('gzip')
  } finally {
    await client.close()
  }
  const bytes = new Uint8Array(await dump.arrayBuffer())
  await mkdir(dirname(resolve(file)), { recursive: true })
  // a half-written backup must not look like a whole one
  const partial = `${file}.partial`
  await writeFile(partial, bytes)
  await rename(partial, file)
  return { bytes: bytes.length }
}

/**
 * Restores a backup made by {@link backupPglite} into `dataDir`, which must be empty or absent; with
 * `replace`, an existing folder is first moved aside to `<dataDir>.before-restore-<time>`.
 *
 * @example await restorePglite('./backups/torvan-2026-12-02.tar.gz', './data', { replace: false })
 */
export async function restorePglite(
  file: string,
  dataDir: string,
  options: { replace: boolean; now?: Date },
): Promise<{ movedAside: string | undefined }> {
  let archive: Buffer
  try {
    archive = await readFile(file)
  } catch (error) {
    throw new DatabaseError(`cannot read the backup ${file} (${(error as Error).message})`)
  }
  let movedAside: string | undefined
  const entries = existsSync(dataDir) ? await readdir(dataDir) : []
  if (entries.length > 0) {
    await refuseWhileServed(dataDir, 'restoring over it')
    if (!options.replace) {
      throw new DatabaseError(
        `${dataDir} is not empty: restore into an empty DATA_DIR, or add --replace to move the current one aside first`,
      )
    }
    movedAside = `${dataDir}.before-restore-${(options.now ?? new Date()).toISOString().replace(/[:.]/g, '-')}`
    await rename(dataDir, movedAside)
  }
  await mkdir(dataDir, { recursive: true })
  try {
    const client = await PGlite.create(dataDir, {
      loadDataDir: new Blob([new Uint8Array(archive)]),
      extensions: { pg_trgm },
    })
    try {
      await client.query('select 1')
    } finally {
      await client.close()
    }
  } catch (error) {
    await rm(dataDir, { recursive: true, force: true })
    if (movedAside !== undefined) await rename(movedAside, dataDir)
    throw new DatabaseError(
      `${file} is not a PGlite backup this version can open (${(error as Error).message}); nothing was changed`,
      { cause: error },
    )
  }
  return { movedAside }
}
