import { randomUUID } from 'node:crypto'
import type { MiddlewareHandler } from 'hono'
import type { AppEnv } from './route.js'

/** what a client's own request id may look like to be kept (and logged) beside ours */
const CLIENT_ID = /^[\w.:-]{1,128}$/

/**
 * Gives every request an id of the server's own (audit rows and problems name it; the answer carries it
 * as `X-Request-Id`). A client's `X-Request-Id` is never trusted as ours: a well-formed one is kept
 * apart as `clientRequestId`, for the logs, and echoed as `X-Client-Request-Id`.
 */
export function requestIds(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const id = randomUUID()
    c.set('requestId', id)
    c.header('X-Request-Id', id)
    const client = c.req.header('X-Request-Id')
    if (client !== undefined && CLIENT_ID.test(client)) {
      c.set('clientRequestId', client)
      c.header('X-Client-Request-Id', client)
    }
    await next()
  }
}
