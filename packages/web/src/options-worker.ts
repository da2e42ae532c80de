// options() off the page's thread: the B3 sample takes tens of milliseconds, typing must not wait
import type { OptionsResult } from '@torvan/configurator-core'
import { options } from '@torvan/configurator-core'
import type { Engine, ModelPayload } from './engine.js'
import { createEngine } from './engine.js'

/** What the page sends: the model once, then configurations. */
export type WorkerRequest =
  { kind: 'model'; model: ModelPayload } | { kind: 'options'; id: number; configuration: unknown }

/** What the worker answers, per configuration. */
export type WorkerAnswer =
  | { kind: 'options'; id: number; result: OptionsResult; ms: number }
  | { kind: 'error'; id: number; message: string }

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null
  postMessage: (answer: WorkerAnswer) => void
}
let engine: Engine | undefined

scope.onmessage = (event) => {
  const request = event.data
  if (request.kind === 'model') {
    engine = createEngine(request.model).engine
    return
  }
  if (engine === undefined) {
    scope.postMessage({ kind: 'error', id: request.id, message: 'the model does not compile' })
    return
  }
  const started = performance.now()
  const result = options(engine.configurator, request.configuration)
  scope.postMessage({ kind: 'options', id: request.id, result, ms: performance.now() - started })
}
