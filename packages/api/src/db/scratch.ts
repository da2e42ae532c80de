import { randomBytes } from 'node:crypto'
import postgres from 'postgres'

/** A database of its own on a PostgreSQL server; `drop` removes it. */
export interface ScratchDatabase {
  url: string
  drop: () => Promise<void>
}

/**
 * Creates an empty database, named `<prefix>_<random>`, on the server `adminUrl` connects to: each test
 * file or benchmark run gets its own and drops it afterwards.
 *
 * @example const { url, drop } = await createScratchDatabase(process.env.DATABASE_URL, 'torvan_test')
 */
export async function createScratchDatabase(
  adminUrl: string,
  prefix: string,
): Promise<ScratchDatabase> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`
  const admin = postgres(adminUrl, { max: 1, onnotice: () => undefined })
  await admin.unsafe(`create database ${name}`)
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    drop: async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`)
      await admin.end()
    },
  }
}
