import pino from 'pino'
import type { Logger } from 'pino'
import pretty from 'pino-pretty'

export type { Logger } from 'pino'

/** the levels LOG_LEVEL takes */
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const

/** Keys whose values never reach a log line, wherever they sit (two levels deep). */
const REDACTED_KEYS = [
  'password',
  'newPassword',
  'currentPassword',
  'token',
  'secret',
  'authorization',
  'cookie',
  'apiKey',
  'authSecret',
  'demoPassword',
] as const

const REDACTED: ReadonlySet<string> = new Set(REDACTED_KEYS.map((key) => key.toLowerCase()))

/**
 * A copy of a log object without the values of {@link REDACTED_KEYS}, at any depth up to 4. A walk
 * over the few keys a line has costs about a microsecond; pino's wildcard paths cost a hundred.
 */
function redactObject(value: Record<string, unknown>, depth = 0): Record<string, unknown> {
  let copy: Record<string, unknown> | undefined
  for (const key in value) {
    const child = value[key]
    let replaced: unknown = child
    if (REDACTED.has(key.toLowerCase())) replaced = '[redacted]'
    else if (
      depth < 4 &&
      child !== null &&
      typeof child === 'object' &&
      !(child instanceof Error) &&
      !Array.isArray(child)
    ) {
      replaced = redactObject(child as Record<string, unknown>, depth + 1)
    }
    if (replaced !== child) {
      copy ??= { ...value }
      copy[key] = replaced
    }
  }
  return copy ?? value
}

/**
 * Removes what looks like a credential from free text (an error message, a stack): the password in a
 * connection URL, bearer tokens and `password=…` pairs.
 *
 * @example redactText('connect postgres://app:hunter2@db/torvan') // 'connect postgres://app:***@db/torvan'
 */
export function redactText(text: string): string {
  return text
    .replace(/(\b[a-z][\w+.-]*:\/\/[^:/@\s]*:)[^@\s]+@/gi, '$1***@')
    .replace(/\b(Bearer\s+)[\w.~+/=-]+/gi, '$1***')
    .replace(/\b(password|passwd|secret|token)(\s*[=:]\s*)("[^"]*"|'[^']*'|[^\s,;&]+)/gi, '$1$2***')
}

function errorSerializer(error: unknown): unknown {
  const serialized = pino.stdSerializers.err(error as Error) as unknown as Record<string, unknown>
  for (const key of ['message', 'stack']) {
    const value = serialized[key]
    if (typeof value === 'string') serialized[key] = redactText(value)
  }
  return serialized
}

/** Where log lines go and how much: a level, and a line sink (tests) or the terminal's pretty form. */
export interface LoggerOptions {
  level?: string | undefined
  /** readable lines instead of JSON (a terminal) */
  pretty?: boolean
  /** each JSON line, without its newline; default: standard error */
  write?: (line: string) => void
}

/**
 * The service's logger: one JSON object a line (pino), secrets redacted, pretty on a terminal.
 *
 * @example const logger = createLogger({ level: process.env.LOG_LEVEL, pretty: process.stderr.isTTY })
 */
export function createLogger(options: LoggerOptions = {}): Logger {
  const level = options.level ?? 'info'
  if (!(LOG_LEVELS as readonly string[]).includes(level)) {
    throw new Error(
      `createLogger(): LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, received ${JSON.stringify(level)}`,
    )
  }
  const settings = {
    level,
    serializers: { err: errorSerializer },
    formatters: { log: (object: Record<string, unknown>) => redactObject(object) },
  }
  const write = options.write
  if (write !== undefined) {
    return pino(settings, {
      write: (line: string) => {
        write(line.replace(/\n$/, ''))
      },
    })
  }
  if (options.pretty === true) {
    return pino(
      settings,
      pretty({
        destination: 2,
        sync: true,
        ignore: 'pid,hostname',
        translateTime: 'SYS:HH:MM:ss.l',
      }),
    )
  }
  // written by libuv, not the request's thread: standard error is often a pipe (a supervisor, a
  // container's log driver, the bench's parent), and a synchronous write waits whenever its reader
  // is slow; what is still buffered when the process exits is written synchronously then (pino)
  return pino(settings, pino.destination({ fd: 2, sync: false }))
}
