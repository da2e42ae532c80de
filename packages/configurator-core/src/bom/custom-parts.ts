import type { BomLine, CustomPartSpec } from '../bom-line.js'

/** A 700-series custom part, as registered the first time a BOM used it. */
export interface CustomPart {
  id: string
  name: string
  family: string
  spec: CustomPartSpec
}

/**
 * The custom parts a BOM's lines use, ready to register.
 *
 * @example customPartsOf(document.lines).map((part) => part.id)
 */
export function customPartsOf(lines: readonly BomLine[]): CustomPart[] {
  return lines
    .filter((line) => line.custom && line.family !== undefined && line.spec !== undefined)
    .map((line) => ({
      id: line.id,
      name: line.name,
      family: line.family as string,
      spec: line.spec as CustomPartSpec,
    }))
}
