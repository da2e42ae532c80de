import { ConfiguratorError } from '../errors.js'
import type { Issue } from '../issues.js'
import { T2_FACTS } from './t2-facts.js'
import type { FactSpec, ProductFacts, SinkFacts } from './types.js'

/**
 * The facts each product declares, by product; QC and task templates exist only for the products listed (the WS
 * demo product declares none). A new product adds its declaration here, in `facts/<product>-facts.ts`.
 *
 * @example PRODUCT_FACTS['T2']?.facts['legs.height']?.values // ['ADJUSTABLE', 'FIXED']
 * @see docs/qc.md#facts-per-product
 */
export const PRODUCT_FACTS: Readonly<Record<string, ProductFacts>> = { T2: T2_FACTS }

/** The facts a product declares, or undefined when it declares none. */
export function declaredFacts(product: string): ProductFacts | undefined {
  return Object.hasOwn(PRODUCT_FACTS, product) ? PRODUCT_FACTS[product] : undefined
}

/**
 * The issue of a template whose product declares no facts: its `when`s could not be checked nor evaluated, so
 * the template is refused (a product in the wrong case gets a did-you-mean).
 */
export function productWithoutFacts(product: string, kind: string): Issue | undefined {
  if (declaredFacts(product) !== undefined) return undefined
  const products = Object.keys(PRODUCT_FACTS)
  const cased = products.find((known) => known.toLowerCase() === product.toLowerCase())
  return {
    code: 'product_without_facts',
    severity: 'error',
    path: ['product'],
    message: `${product} declares no facts, so there can be no ${kind} for it`,
    // only a difference of case: any two short product codes are "close"
    hint:
      cased === undefined
        ? `only ${products.join(', ')} declare${products.length === 1 ? 's' : ''} facts; a new product declares its facts in PRODUCT_FACTS, see docs/qc.md#facts-per-product`
        : `did you mean ${JSON.stringify(cased)}?`,
  }
}

/** Every fact some product declares (for the editors' JSON Schema, which cannot tell the products apart). */
export function everyDeclaredFact(): Readonly<Record<string, FactSpec>> {
  return Object.fromEntries(
    Object.values(PRODUCT_FACTS).flatMap((product) => Object.entries(product.facts)),
  )
}

/**
 * Reads the facts of a configuration for a template of `product`: a configuration of another product, or of a
 * product without declared facts, is a ConfiguratorError naming the call.
 */
export function readProductFacts(
  configuration: unknown,
  template: { product: string; name: string; caller: string; check: string },
): SinkFacts {
  const { product, name, caller, check } = template
  const declared = declaredFacts(product)
  if (declared === undefined)
    throw new ConfiguratorError(
      'invalid_argument',
      `${caller}(): ${name} is for ${product}, which declares no facts (PRODUCT_FACTS); was it checked with ${check}?`,
    )
  if (typeof configuration === 'object' && configuration !== null) {
    const named: unknown = (configuration as Record<string, unknown>)['product']
    if (named !== product)
      throw new ConfiguratorError(
        'invalid_argument',
        typeof named === 'string'
          ? `${caller}(): ${name} is for ${product} builds, but the configuration is a ${named}; use a template of ${named}`
          : `${caller}(): ${name} is for ${product} builds, but the configuration names no product; a ${product} configuration has "product": "${product}"`,
      )
  }
  return declared.read(configuration, caller)
}
