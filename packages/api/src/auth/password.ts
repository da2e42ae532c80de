import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto'

/** scrypt cost: N = 2^15, r = 8, p = 1 (32 MiB, about 0.1 s here), stored with each hash */
const PARAMETERS = { N: 2 ** 15, r: 8, p: 1 } as const
const KEY_LENGTH = 32

/** password hashes computed at once: each takes a core for about 0.1 s, and the other requests need one */
const MAX_CONCURRENT_HASHES = 2
/** hashes waiting for a turn before sign-ins are refused as busy (503) */
const MAX_WAITING_HASHES = 64

let running = 0
const waiting: (() => void)[] = []

/** The service is hashing as many passwords as it can take: try again shortly. */
export class PasswordHasherBusyError extends Error {
  constructor() {
    super('too many sign-ins are being checked at once')
    this.name = 'PasswordHasherBusyError'
  }
}

async function inTurn<T>(work: () => Promise<T>): Promise<T> {
  if (running < MAX_CONCURRENT_HASHES) running++
  else if (waiting.length >= MAX_WAITING_HASHES) throw new PasswordHasherBusyError()
  // a finishing hash hands its slot straight to the next in line
  else await new Promise<void>((resolve) => waiting.push(resolve))
  try {
    return await work()
  } finally {
    const next = waiting.shift()
    if (next === undefined) running--
    else next()
  }
}

function derive(
  password: string,
  salt: Buffer,
  parameters: { N: number; r: number; p: number },
): Promise<Buffer> {
  return inTurn(() => scryptOnce(password, salt, parameters))
}

function scryptOnce(
  password: string,
  salt: Buffer,
  parameters: { N: number; r: number; p: number },
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(
      password.normalize('NFC'),
      salt,
      KEY_LENGTH,
      { ...parameters, maxmem: 256 * parameters.N * parameters.r },
      (error, key) => {
        if (error === null) resolve(key)
        else reject(error)
      },
    )
  })
}

/**
 * Hashes a password with scrypt and a random salt: `scrypt$N$r$p$salt$hash` (base64url).
 *
 * @example const stored = await hashPassword('correct horse battery staple')
 */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16)
  const key = await derive(password, salt, PARAMETERS)
  const { N, r, p } = PARAMETERS
  return ['scrypt', N, r, p, salt.toString('base64url'), key.toString('base64url')].join('$')
}

/** Checks a password against a stored hash in constant time; a malformed hash never matches. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$')
  if (scheme !== 'scrypt' || salt === undefined || hash === undefined) return false
  const expected = Buffer.from(hash, 'base64url')
  const key = await derive(password, Buffer.from(salt, 'base64url'), {
    N: Number(n),
    r: Number(r),
    p: Number(p),
  })
  return key.length === expected.length && timingSafeEqual(key, expected)
}

/** A hash to verify against when the user does not exist, so that both answers take as long. */
export const DUMMY_HASH =
  'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'

/** A password for a demo user: 16 random characters that are easy to copy. */
export function generatePassword(): string {
  return randomBytes(12).toString('base64url')
}
