import type { PathSegment } from '../issues.js'
import type { OptionSpec } from './option-schema.js'

/**
 * How big a configuration may be: bounds that a real configuration never reaches and a hostile one
 * always does, so that checking, configuring and searching it stay bounded (docs/rules.md#limits).
 */
export interface ConfigurationLimits {
  /** the most elements of a list option that declares no `maxItems` of its own */
  maxListItems: number
  /** the deepest nesting of objects and lists in a configuration, the configuration itself being 1 */
  maxDepth: number
}

/** The limits of a product model that declares none: far above a T2 sink (4 levels, 20 accessories). */
export const DEFAULT_LIMITS: Readonly<ConfigurationLimits> = { maxListItems: 100, maxDepth: 32 }

/** The product model's limits with the defaults filled in. */
export function resolveLimits(
  declared: { maxListItems?: number | undefined; maxDepth?: number | undefined } | undefined,
): ConfigurationLimits {
  return {
    maxListItems: declared?.maxListItems ?? DEFAULT_LIMITS.maxListItems,
    maxDepth: declared?.maxDepth ?? DEFAULT_LIMITS.maxDepth,
  }
}

/** The most elements a list option accepts: its own `maxItems`, else the product's default. */
export function listLimit(
  option: OptionSpec & { type: 'list' },
  limits: ConfigurationLimits,
): number {
  return option.maxItems ?? limits.maxListItems
}

/** How deep a valid configuration of the options nests (objects and lists, the configuration being 1). */
export function modelDepth(options: Readonly<Record<string, OptionSpec>>): number {
  const depthOf = (option: OptionSpec): number => {
    switch (option.type) {
      case 'object':
        return 1 + Math.max(0, ...Object.values(option.properties).map(depthOf))
      case 'list':
        return 1 + depthOf(option.items)
      case 'oneOf':
        return Math.max(0, ...option.variants.map(depthOf))
      case 'string':
      case 'enum':
      case 'number':
      case 'integer':
      case 'boolean':
      case 'item':
        return 0
    }
  }
  return depthOf({ type: 'object', properties: { ...options } })
}

/**
 * The path of the first object or list nested deeper than `maxDepth` (the value itself being at depth
 * 1), or undefined. Iterative: a value nested a million levels deep costs no stack.
 *
 * @example tooDeepAt({ a: [[1]] }, 2) // ['a', 0]
 */
export function tooDeepAt(value: unknown, maxDepth: number): PathSegment[] | undefined {
  if (typeof value !== 'object' || value === null) return undefined
  // each entry: a container, its depth and the entry it was reached from (for the path)
  interface Step {
    value: object
    depth: number
    parent: Step | undefined
    key: PathSegment | undefined
  }
  const stack: Step[] = [{ value, depth: 1, parent: undefined, key: undefined }]
  for (let step = stack.pop(); step !== undefined; step = stack.pop()) {
    if (step.depth > maxDepth) {
      const path: PathSegment[] = []
      for (let at: Step | undefined = step; at?.key !== undefined; at = at.parent) path.push(at.key)
      return path.reverse()
    }
    const children: [PathSegment, unknown][] = Array.isArray(step.value)
      ? step.value.map((child, i): [PathSegment, unknown] => [i, child])
      : Object.entries(step.value)
    // pushed in reverse so that the first child is looked at first
    for (let i = children.length - 1; i >= 0; i--) {
      const [key, child] = children[i] as [PathSegment, unknown]
      if (typeof child === 'object' && child !== null)
        stack.push({ value: child, depth: step.depth + 1, parent: step, key })
    }
  }
  return undefined
}
