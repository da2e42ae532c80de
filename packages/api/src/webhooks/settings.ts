import { hostname } from 'node:os'

/** How webhooks are delivered; tests shorten the times. */
export interface DeliverySettings {
  /** false: this instance neither relays nor delivers (another one does) */
  enabled: boolean
  /** attempts per delivery before it is marked failed */
  attempts: number
  /** the first retry's delay; each next one doubles, with jitter, up to the cap */
  retryDelaySeconds: number
  retryDelayMaxSeconds: number
  /** how long a receiver may take to answer */
  timeoutMs: number
  /** a delivery still running after this is taken as lost (its instance died) and retried */
  expireSeconds: number
  /** how often pg-boss runs its maintenance */
  superviseSeconds: number
  /**
   * how often one of the instances looks for lost (expired) deliveries: a delivery whose instance
   * died is retried after at most `expireSeconds` + this
   */
  monitorSeconds: number
  /** deliveries in a row that failed every attempt before the subscription is disabled */
  disableAfter: number
  /** how often the relay turns new events into deliveries */
  relayIntervalMs: number
  /** how often an idle worker asks for deliveries */
  pollSeconds: number
  /** hosts a webhook may reach although they are loopback or private (WEBHOOK_ALLOWED_HOSTS) */
  allowedHosts: ReadonlySet<string>
  /** this instance's name in the attempt log */
  instance: string
}

/**
 * The production defaults: 10 attempts, the retries 2 min, 4 min, … doubling with jitter to at most
 * 8 h apart (about 17 h in all, so a receiver down for most of a day still gets everything).
 */
export function defaultDeliverySettings(
  overrides: Partial<DeliverySettings> = {},
): DeliverySettings {
  return {
    enabled: true,
    attempts: 10,
    retryDelaySeconds: 120,
    retryDelayMaxSeconds: 8 * 60 * 60,
    timeoutMs: 10_000,
    expireSeconds: 60,
    superviseSeconds: 30,
    monitorSeconds: 60,
    disableAfter: 5,
    relayIntervalMs: 500,
    pollSeconds: 1,
    allowedHosts: new Set(),
    instance: `${hostname()}:${process.pid}`,
    ...overrides,
  }
}

/** The allowed hosts of a comma-separated setting such as `127.0.0.1,localhost`. */
export function parseAllowedHosts(value: string | undefined): Set<string> {
  return new Set(
    (value ?? '')
      .split(',')
      .map((host) =>
        host
          .trim()
          .toLowerCase()
          .replace(/^\[|\]$/g, ''),
      )
      .filter((host) => host !== ''),
  )
}
