import type { ServerResponse } from 'node:http'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Webhook } from 'standardwebhooks'

/** What a test receiver does with one request. */
type Behaviour = 'ok' | 'fail' | 'hang'

/** A delivery the receiver verified. */
interface Received {
  id: string
  type: string
  orderId: number | null
  sequence: number
}

/** A webhook receiver on loopback that verifies every signature, as a real one would. */
export interface Receiver {
  url: string
  /** verified deliveries, in arrival order (repeats included) */
  received: Received[]
  /** requests whose signature did not verify */
  rejected: number
  /** what the next requests get; after the list, `fallback` */
  plan: Behaviour[]
  fallback: Behaviour
  /** the secret to verify with (set once the webhook is made) */
  secret: string
  /** resolves when a request arrives that the plan makes hang */
  hanging: Promise<void>
  close: () => Promise<void>
}

/** Starts a receiver on 127.0.0.1 and a free port. */
export async function startReceiver(): Promise<Receiver> {
  let hung: () => void = () => undefined
  const open = new Set<ServerResponse>()
  const receiver: Receiver = {
    url: '',
    received: [],
    rejected: 0,
    plan: [],
    fallback: 'ok',
    secret: '',
    hanging: new Promise<void>((resolve) => {
      hung = resolve
    }),
    close: async () => {
      for (const response of open) response.destroy()
      await new Promise<void>((resolve) => {
        server.close(() => {
          resolve()
        })
      })
    },
  }
  const server = createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8')
      const behaviour = receiver.plan.shift() ?? receiver.fallback
      if (behaviour === 'hang') {
        open.add(response)
        hung()
        return
      }
      if (behaviour === 'fail') {
        response
          .writeHead(500, { 'Content-Type': 'text/plain' })
          .end('receiver is down for maintenance')
        return
      }
      try {
        const headers = Object.fromEntries(
          Object.entries(request.headers).map(([key, value]) => [key, String(value)]),
        )
        const event = new Webhook(receiver.secret).verify(body, headers) as Received
        if (headers['webhook-id'] !== event.id) throw new Error('webhook-id is not the event id')
        receiver.received.push({
          id: event.id,
          type: event.type,
          orderId: event.orderId,
          sequence: event.sequence,
        })
        response.writeHead(204).end()
      } catch {
        receiver.rejected += 1
        response.writeHead(400).end('bad signature')
      }
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`
  return receiver
}

/** Waits until `done()` holds, polling; fails with `what` after `limitMs`. */
export async function waitFor(
  what: string,
  done: () => boolean | Promise<boolean>,
  limitMs = 60_000,
): Promise<void> {
  const until = Date.now() + limitMs
  while (!(await done())) {
    if (Date.now() > until) throw new Error(`gave up waiting: ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

/** Delivery settings for tests: seconds instead of hours, loopback allowed. */
export const FAST_DELIVERY = {
  attempts: 4,
  retryDelaySeconds: 1,
  retryDelayMaxSeconds: 2,
  timeoutMs: 1000,
  expireSeconds: 4,
  superviseSeconds: 1,
  disableAfter: 2,
  relayIntervalMs: 100,
  pollSeconds: 0.5,
  allowedHosts: new Set(['127.0.0.1']),
}
