import type { z } from 'zod'
import type { PathSegment } from './issues.js'

interface Def {
  type: string
  shape?: Record<string, z.ZodType>
  element?: z.ZodType
  valueType?: z.ZodType
  innerType?: z.ZodType
  in?: z.ZodType
  getter?: () => z.ZodType
  options?: z.ZodType[]
  discriminator?: string
  values?: unknown[]
}

function defOf(schema: z.ZodType): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def
}

/** the schema under optional, nullable, default, lazy and pipe wrappers */
function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema
  for (let i = 0; i < 20; i++) {
    const def = defOf(current)
    const inner =
      def.innerType ?? def.in ?? (def.type === 'lazy' && def.getter ? def.getter() : undefined)
    if (inner === undefined) return current
    current = inner
  }
  return current
}

/** the object schemas that `value` may be parsed with at this point */
function objectsFor(schema: z.ZodType, value: unknown): z.ZodType[] {
  const inner = unwrap(schema)
  const def = defOf(inner)
  if (def.type === 'object') return [inner]
  if (def.type !== 'union') return []
  let options = def.options ?? []
  const key = def.discriminator
  if (key !== undefined && typeof value === 'object' && value !== null) {
    const tag = (value as Record<string, unknown>)[key]
    const matching = options.filter((option) => {
      const literal = defOf(unwrap(option)).shape?.[key]
      return literal !== undefined && (defOf(unwrap(literal)).values ?? []).includes(tag)
    })
    if (matching.length > 0) options = matching
  }
  return options.flatMap((option) => objectsFor(option, value))
}

function childSchemas(schema: z.ZodType, segment: PathSegment, value: unknown): z.ZodType[] {
  const inner = unwrap(schema)
  const def = defOf(inner)
  switch (def.type) {
    case 'array':
      return def.element === undefined ? [] : [def.element]
    case 'record':
      return def.valueType === undefined ? [] : [def.valueType]
    case 'object':
    case 'union':
      return objectsFor(inner, value).flatMap((object) => {
        const child = defOf(object).shape?.[String(segment)]
        return child === undefined ? [] : [child]
      })
    default:
      return []
  }
}

/**
 * The keys a zod schema allows for the object at `path` inside `input`, for did-you-mean hints on
 * unknown keys; unions are narrowed by their discriminator where the input has one.
 *
 * @example knownKeysAt(RuleSchema, rule, ['event', 'params']) // ['item', 'quantity', 'notes']
 */
export function knownKeysAt(
  schema: z.ZodType,
  input: unknown,
  path: readonly PathSegment[],
): string[] {
  let schemas = [schema]
  let value = input
  for (const segment of path) {
    schemas = schemas.flatMap((s) => childSchemas(s, segment, value))
    value =
      typeof value === 'object' && value !== null
        ? (value as Record<string, unknown>)[String(segment)]
        : undefined
  }
  const keys = new Set<string>()
  for (const s of schemas)
    for (const object of objectsFor(s, value))
      for (const key of Object.keys(defOf(object).shape ?? {})) keys.add(key)
  return [...keys]
}
