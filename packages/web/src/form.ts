import type { OptionSpec, PathSegment } from '@torvan/configurator-core'
import { formatPath } from '@torvan/configurator-core'

// the form is data made from the product model: the page renders any product's options without
// code of its own per field

interface FieldBase {
  /** the option's key in its object ('' for a list element's own value) */
  key: string
  /** a label for people, made from the key */
  label: string
  required: boolean
  default?: unknown
  description?: string
  hint?: string
}

/** One control of the form, made from one option of the product model. */
export type Field =
  | (FieldBase & { kind: 'enum'; values: readonly string[] })
  | (FieldBase & {
      kind: 'number' | 'integer'
      min?: number
      max?: number
      /** the input's step: 1 for integers, 10^-decimals for numbers */
      step: number
      unit?: string
    })
  | (FieldBase & { kind: 'text'; pattern?: string; patternHint?: string })
  | (FieldBase & { kind: 'boolean' })
  | (FieldBase & {
      kind: 'item'
      subcategories: readonly string[]
      include: readonly string[]
    })
  | (FieldBase & { kind: 'group'; fields: readonly Field[]; nullable: boolean })
  | (FieldBase & { kind: 'variant'; variants: readonly Variant[] })
  | (FieldBase & {
      kind: 'list'
      item: Field
      minItems?: number
      maxItems?: number
      /** the required enum or item key of the elements: new elements are picked by it */
      addKey?: string
    })

/** One variant of a `oneOf` option: a choice of fixed values, or an object of its own fields. */
export type Variant =
  | { kind: 'values'; label: string; values: readonly string[] }
  | { kind: 'object'; label: string; field: Field & { kind: 'group' } }

/** The kinds of {@link Field}. */
export type FieldKind = Field['kind']

const WORDS = /([a-z0-9])([A-Z])/g

/**
 * A label from an option key: `lengthIn` with unit `in` → `Length (in)`, `pTrap` → `P trap`.
 *
 * @example labelOf('buildNumber') // 'Build number'
 */
export function labelOf(key: string, unit?: string): string {
  let words = key.replace(WORDS, '$1 $2').replace(/[_-]+/g, ' ').trim()
  if (unit !== undefined && words.toLowerCase().endsWith(` ${unit.toLowerCase()}`))
    words = words.slice(0, -unit.length - 1)
  const text = words.toLowerCase()
  const label = text.charAt(0).toUpperCase() + text.slice(1)
  return unit === undefined ? label : `${label} (${unit})`
}

function base(key: string, spec: OptionSpec, unit?: string): FieldBase {
  const out: FieldBase = { key, label: labelOf(key, unit), required: spec.required === true }
  if (spec.default !== undefined) out.default = spec.default
  if (spec.description !== undefined) out.description = spec.description
  if (spec.hint !== undefined) out.hint = spec.hint
  return out
}

/**
 * The control for one option of the product model.
 *
 * @example fieldOf('feet', { type: 'enum', values: ['A', 'B'], required: true }).kind // 'enum'
 */
export function fieldOf(key: string, spec: OptionSpec): Field {
  switch (spec.type) {
    case 'enum':
      return { ...base(key, spec), kind: 'enum', values: spec.values }
    case 'number': {
      const field: Field = {
        ...base(key, spec, spec.unit),
        kind: 'number',
        step: spec.decimals === undefined ? 0.01 : 10 ** -spec.decimals,
      }
      if (spec.minimum !== undefined) field.min = spec.minimum
      if (spec.maximum !== undefined) field.max = spec.maximum
      if (spec.unit !== undefined) field.unit = spec.unit
      return field
    }
    case 'integer': {
      const field: Field = { ...base(key, spec), kind: 'integer', step: 1 }
      if (spec.minimum !== undefined) field.min = spec.minimum
      if (spec.maximum !== undefined) field.max = spec.maximum
      return field
    }
    case 'string': {
      const field: Field = { ...base(key, spec), kind: 'text' }
      if (spec.pattern !== undefined) field.pattern = spec.pattern
      if (spec.patternHint !== undefined) field.patternHint = spec.patternHint
      return field
    }
    case 'boolean':
      return { ...base(key, spec), kind: 'boolean' }
    case 'item':
      return {
        ...base(key, spec),
        kind: 'item',
        subcategories: spec.subcategories ?? [],
        include: spec.include ?? [],
      }
    case 'object':
      return {
        ...base(key, spec),
        kind: 'group',
        fields: Object.entries(spec.properties).map(([name, child]) => fieldOf(name, child)),
        nullable: spec.nullable === true,
      }
    case 'oneOf':
      return {
        ...base(key, spec),
        kind: 'variant',
        variants: spec.variants.map((variant, index): Variant => {
          if (variant.type === 'enum')
            return { kind: 'values', label: variant.values.join(', '), values: variant.values }
          const field = fieldOf(key, variant)
          if (field.kind !== 'group')
            return { kind: 'values', label: `variant ${index + 1}`, values: [] }
          return { kind: 'object', label: 'custom', field }
        }),
      }
    case 'list': {
      const item = fieldOf('', spec.items)
      const field: Field = { ...base(key, spec), kind: 'list', item }
      if (spec.minItems !== undefined) field.minItems = spec.minItems
      if (spec.maxItems !== undefined) field.maxItems = spec.maxItems
      if (item.kind === 'group') {
        const pick = item.fields.find(
          (child) => child.required && (child.kind === 'enum' || child.kind === 'item'),
        )
        // a list with more required keys than its pick (basins: type and size) adds empty elements
        const required = item.fields.filter((child) => child.required).length
        if (pick !== undefined && required === 1) field.addKey = pick.key
      }
      return field
    }
  }
}

/**
 * The whole form of a product: one field per option of its product model, in the model's order.
 *
 * @example formOf(ruleset.options).map((field) => field.key) // ['product', 'buildNumber', …]
 */
export function formOf(options: Readonly<Record<string, OptionSpec>>): Field[] {
  return Object.entries(options).map(([key, spec]) => fieldOf(key, spec))
}

/**
 * A configuration to start from: options with exactly one value (`product: 'T2'`) are set.
 *
 * @example startingConfiguration(formOf(ruleset.options)) // { product: 'T2' }
 */
export function startingConfiguration(form: readonly Field[]): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const field of form) {
    if (field.kind === 'enum' && field.required && field.values.length === 1)
      out[field.key] = field.values[0]
  }
  return out
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * The value at a path of a configuration, or undefined.
 *
 * @example valueAt({ sink: { lengthIn: 60 } }, ['sink', 'lengthIn']) // 60
 */
export function valueAt(value: unknown, path: readonly PathSegment[]): unknown {
  let at: unknown = value
  for (const segment of path) {
    if (typeof segment === 'number') at = Array.isArray(at) ? at[segment] : undefined
    else at = isRecord(at) ? at[segment] : undefined
    if (at === undefined) return undefined
  }
  return at
}

/**
 * A copy of a configuration with the value at a path replaced; `undefined` removes the key. Objects
 * on the way are created.
 *
 * @example withValue({}, ['sink', 'lengthIn'], 60) // { sink: { lengthIn: 60 } }
 */
export function withValue(value: unknown, path: readonly PathSegment[], next: unknown): unknown {
  const [head, ...rest] = path
  if (head === undefined) return next
  if (typeof head === 'number') {
    const list = Array.isArray(value) ? [...(value as unknown[])] : []
    if (rest.length === 0 && next === undefined) list.splice(head, 1)
    else list[head] = withValue(list[head], rest, next)
    return list
  }
  const object = isRecord(value) ? value : {}
  const child = withValue(object[head], rest, next)
  // keys keep their order; undefined removes one
  const out = Object.fromEntries(
    Object.entries(object)
      .map(([key, old]): [string, unknown] => [key, key === head ? child : old])
      .filter(([, entry]) => entry !== undefined),
  )
  if (child !== undefined && !(head in object)) out[head] = child
  return out
}

/**
 * The paths the form shows a control for, given the configuration (list elements and given
 * objects unfold): where findings are placed.
 *
 * @example fieldPaths(form, { basins: [{}] }) // […, 'basins', 'basins[0]', 'basins[0].type', …]
 */
export function fieldPaths(form: readonly Field[], configuration: unknown): string[] {
  const out: string[] = []
  const visit = (field: Field, path: PathSegment[]) => {
    out.push(formatPath(path))
    const value = valueAt(configuration, path)
    if (field.kind === 'group') {
      if (field.nullable && (value === null || value === undefined)) return
      for (const child of field.fields) visit(child, [...path, child.key])
    } else if (field.kind === 'variant') {
      if (!isRecord(value)) return
      for (const variant of field.variants)
        if (variant.kind === 'object')
          for (const child of variant.field.fields) visit(child, [...path, child.key])
    } else if (field.kind === 'list' && Array.isArray(value)) {
      value.forEach((_, index) => {
        visit(field.item, [...path, index])
      })
    }
  }
  for (const field of form) visit(field, [field.key])
  return out
}

/**
 * Places each finding at the deepest control whose path is its own or an ancestor of it; findings
 * about the whole configuration (or no control) go under `''`.
 *
 * @example placeFindings([{ path: 'sink.lengthIn', … }], ['sink', 'sink.lengthIn']).get('sink.lengthIn')
 */
export function placeFindings<TFinding extends { path: string }>(
  findings: readonly TFinding[],
  paths: readonly string[],
): Map<string, TFinding[]> {
  const known = new Set(paths)
  const placed = new Map<string, TFinding[]>()
  for (const finding of findings) {
    let at = finding.path
    while (at !== '' && !known.has(at)) at = parentPath(at)
    let list = placed.get(at)
    if (list === undefined) placed.set(at, (list = []))
    list.push(finding)
  }
  return placed
}

/**
 * The path one level up: `basins[0].size` → `basins[0]` → `basins` → `''`.
 *
 * @example parentPath('basins[0].size') // 'basins[0]'
 */
export function parentPath(path: string): string {
  const match = /^(.*?)(\.[A-Za-z_$][A-Za-z0-9_$]*|\[[^\]]*\])$/.exec(path)
  return match === null ? '' : (match[1] ?? '')
}
