import type { BomLine, CustomPartSpec } from '../bom-line.js'

/** A 700-series custom part, as registered the first time a BOM used it. */
export interface CustomPart {
  id: string
  name: string
  family: string
  spec: CustomPartSpec
}

/**
 * Where custom parts are kept. The library keeps them in memory; the API stores them in its database,
 * registering each id once even under concurrent requests.
 */
export interface CustomPartRegistry {
  /** Registers the part unless its id is known; says whether this call created it. */
  register(part: CustomPart): Promise<{ part: CustomPart; created: boolean }>
  get(id: string): Promise<CustomPart | undefined>
}

/**
 * A registry in memory: the same dimensions always give the same part, registered once.
 *
 * @example const registry = createMemoryCustomPartRegistry(); await registry.register(part)
 */
export function createMemoryCustomPartRegistry(): CustomPartRegistry & { readonly size: number } {
  const parts = new Map<string, CustomPart>()
  return {
    get size() {
      return parts.size
    },
    register(part) {
      const known = parts.get(part.id)
      if (known !== undefined) return Promise.resolve({ part: known, created: false })
      const copy = { ...part, spec: { ...part.spec } }
      parts.set(part.id, copy)
      return Promise.resolve({ part: copy, created: true })
    },
    get(id) {
      return Promise.resolve(parts.get(id))
    },
  }
}

/**
 * The custom parts a BOM's lines use, ready to register.
 *
 * @example for (const part of customPartsOf(document.lines)) await registry.register(part)
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
