import { ProblemError } from './problem.js'
import type { Model, Services } from '../services.js'

/** The catalog and rules in memory, or a 503 problem that says how to import them. */
export function requireModel(services: Services): Model {
  if (services.model === undefined) {
    throw new ProblemError(
      'unavailable',
      'No catalog and T2 ruleset are loaded yet: import them with "pnpm torvan db import-catalog <dir>" and restart.',
    )
  }
  return services.model
}
