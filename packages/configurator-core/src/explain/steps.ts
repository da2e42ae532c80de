/** Work split into steps: a generator that yields between checks and returns the answer. */
export type Steps<TResult> = Generator<undefined, TResult>

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

/** Runs every step at once and gives the answer. */
export function runSteps<TResult>(steps: Steps<TResult>): TResult {
  for (;;) {
    const step = steps.next()
    if (step.done === true) return step.value
  }
}

/** Runs the steps, pausing for the event loop every `sliceMs` (so that an abort can be seen). */
export async function runStepsAsync<TResult>(
  steps: Steps<TResult>,
  sliceMs: number,
): Promise<TResult> {
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
