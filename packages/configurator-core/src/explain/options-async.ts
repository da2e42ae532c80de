import type { Configurator } from '../rules/configure.js'
import type { OptionsResult, OptionsSettings } from './options.js'
import { optionSteps } from './options.js'

/** Settings of {@link optionsAsync}: those of `options()`, and how long it works between pauses. */
export interface OptionsAsyncSettings extends OptionsSettings {
  /** milliseconds of work between two pauses for the event loop (default 10) */
  sliceMs?: number
}

// timers exist wherever JavaScript runs; the core declares only what it uses
const timers = globalThis as unknown as {
  setTimeout?: (callback: () => void, ms: number) => unknown
}

function pause(): Promise<void> {
  return new Promise((resolve) => {
    if (timers.setTimeout === undefined) resolve()
    else timers.setTimeout(resolve, 0)
  })
}

/**
 * {@link options} that pauses for the event loop every `sliceMs`, so that a server stays responsive
 * and sees `signal` abort (a client that went away): the answer is then truncated, reason `aborted`.
 *
 * @example await optionsAsync(configurator, partial, { signal: request.signal })
 */
export async function optionsAsync(
  configurator: Configurator,
  partial: unknown,
  settings: OptionsAsyncSettings = {},
): Promise<OptionsResult> {
  const { sliceMs = 10, ...rest } = settings
  const steps = optionSteps(configurator, partial, rest)
  let started = Date.now()
  for (;;) {
    const step = steps.next()
    if (step.done === true) return step.value
    if (Date.now() - started >= sliceMs) {
      await pause()
      started = Date.now()
    }
  }
}
