import type { Configurator } from '../rules/configure.js'
import type { OptionsResult, OptionsSettings } from './options.js'
import { optionSteps } from './options.js'
import { runStepsAsync } from './steps.js'

/** Settings of {@link optionsAsync}: those of `options()`, and how long it works between pauses. */
export interface OptionsAsyncSettings extends OptionsSettings {
  /** milliseconds of work between two pauses for the event loop (default 10) */
  sliceMs?: number
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
  return runStepsAsync(optionSteps(configurator, partial, rest), sliceMs)
}
