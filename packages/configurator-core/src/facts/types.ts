/** What a `when` fact can hold: its values, and whether it is a list ("any element has this value"). */
export interface FactSpec {
  /** the values the fact takes; `when` values are checked against them */
  values: readonly (string | number | boolean)[]
  /** true for facts about every element of a list, e.g. `faucets.type` */
  list?: boolean
  /** true for facts about one basin: they need a per-basin section or item */
  basin?: boolean
  description: string
}

/** The values of the facts for one build (and, in a per-basin scope, one basin). */
export type FactValues = Readonly<Record<string, string | number | boolean | readonly string[]>>

/** One build's facts: the build-level ones, and the basin-level ones for each basin (index 0 = basin 1). */
export interface SinkFacts {
  sink: FactValues
  basins: FactValues[]
}

/**
 * The facts a product declares for the `when` and `expectedFrom` of its QC and task templates, and how they are
 * read from one configuration of the product.
 *
 * @example const facts: ProductFacts = { facts: { finish: { values: ['SS304', 'WHITE'], description: 'the finish' } }, read }
 * @see docs/qc.md#facts-per-product
 */
export interface ProductFacts {
  /** the facts templates may name, by name, with the values each takes */
  facts: Readonly<Record<string, FactSpec>>
  /** reads the facts of one configuration; throws a ConfiguratorError naming `caller` when it lacks what they need */
  read: (configuration: unknown, caller: string) => SinkFacts
}
