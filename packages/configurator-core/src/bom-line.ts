// A BOM line as the rules produce it: born in rules/configure.ts, read by every module of bom/ and explain/.

/** A custom part's specification: the values its template was filled with. */
export type CustomPartSpec = Record<string, string | number>

/** One top-level line of a configured BOM. */
export interface BomLine {
  id: string
  name: string
  /** the 700-series display number, where the product defines one */
  number: string | null
  /** a decimal string: exact, never in exponent notation */
  quantity: string
  /** true for a 700-series custom part made for this configuration */
  custom: boolean
  /** custom parts: the family number and the specification */
  family?: string
  spec?: CustomPartSpec
  notes?: string
  /** the rules that put the line here, in rule order */
  rules: string[]
  /** the list elements it came from, e.g. `basins[0]`, for per-element rules */
  elements: string[]
}
