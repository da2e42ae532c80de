import { didYouMean } from '@torvan/configurator-core'
import { ProblemError } from './problem.js'
import type { LoadedCatalog, Model, Models, Services } from '../services.js'

const IMPORT_HINT =
  'import them with "pnpm torvan db import-catalog <dir> --rules <rules-dir>" and restart'

/** The catalog in memory, or a 503 problem that says how to import it. */
export function requireCatalog(services: Services): LoadedCatalog {
  if (services.models.catalog === undefined) {
    throw new ProblemError('unavailable', `No catalog is loaded yet: ${IMPORT_HINT}.`)
  }
  return services.models.catalog
}

/** Every product the service knows: loaded, or with an active ruleset that did not load. */
export function knownProducts(models: Models): string[] {
  return [...new Set([...models.loaded.keys(), ...models.failed.keys()])].sort()
}

/** the 422 problem of a configuration whose `product` names no product the service knows */
function unknownProduct(product: unknown, known: readonly string[], at: string): ProblemError {
  const path = `${at}.product`
  const received = typeof product === 'string' ? JSON.stringify(product) : 'no product'
  const hint = typeof product === 'string' ? didYouMean(product, known) : undefined
  const message = `expected one of ${known.map((name) => JSON.stringify(name)).join(' | ')}, received ${received}`
  return new ProblemError(
    'invalidConfiguration',
    `${path}: ${message}${hint === undefined ? '' : ` (${hint})`}; this service configures ${known.join(', ')}.`,
    {
      extensions: {
        errors: [
          { path, message, code: 'unknown_product', ...(hint === undefined ? {} : { hint }) },
        ],
        products: known,
      },
    },
  )
}

/**
 * The model of the configuration's product: a 422 problem naming `<at>.product` when the service
 * knows no such product, a 503 when its rules (or any catalog and rules) are not loaded.
 *
 * @example const { configurator } = requireModel(services, body.configuration)
 */
export function requireModel(
  services: Services,
  configuration: unknown,
  at = 'body.configuration',
): Model {
  const { models } = services
  const known = knownProducts(models)
  if (models.catalog === undefined || known.length === 0) {
    throw new ProblemError('unavailable', `No catalog and rules are loaded yet: ${IMPORT_HINT}.`)
  }
  const product =
    typeof configuration === 'object' && configuration !== null
      ? (configuration as Record<string, unknown>)['product']
      : undefined
  const model = typeof product === 'string' ? models.loaded.get(product) : undefined
  if (model !== undefined) return model
  const failure = typeof product === 'string' ? models.failed.get(product) : undefined
  if (failure === undefined) throw unknownProduct(product, known, at)
  throw new ProblemError(
    'unavailable',
    `The ${String(product)} rules (version ${failure.version}) are not loaded: ${failure.reason}. Import ${String(product)} rules that compile against the catalog and restart; the other products are served.`,
  )
}
