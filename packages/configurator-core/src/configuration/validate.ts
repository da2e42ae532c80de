import type { IssueCode } from '../issue-codes.js'
import { MODEL_RULE } from '../findings.js'
import type { Finding } from '../findings.js'
import { z } from 'zod'
import type { PathSegment } from '../issues.js'
import { comparePaths, formatPath } from '../issues.js'
import type { OptionSpec } from './option-schema.js'
import { didYouMean } from '../text/suggest.js'
import { describeValue, zodIssues } from '../zod-issues.js'
import type { ConfigurationLimits } from './limits.js'
import { DEFAULT_LIMITS, listLimit, tooDeepAt } from './limits.js'

/** Which catalog ids an `item` option accepts, and how to describe the others. */
export interface ItemDomain {
  allowed: ReadonlySet<string>
  /** the item's subcategory, when the catalog has the id at all */
  find(id: string): { subcategoryCode: string | null } | undefined
}

/** The result of checking a configuration against the options. */
interface ConfigurationCheck {
  /** the configuration with every default applied where the value was valid */
  value: Record<string, unknown>
  findings: Finding[]
  /** the paths of the values that failed; rules that read them do not run */
  invalidPaths: PathSegment[][]
}

function jsonType(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'array'
  return typeof value
}

function describeOption(option: OptionSpec): string {
  switch (option.type) {
    case 'enum':
      return `one of ${option.values.map((v) => JSON.stringify(v)).join(', ')}`
    case 'object':
      return `an object with ${Object.keys(option.properties).join(', ')}`
    case 'list':
      return 'a list'
    case 'oneOf':
      return option.variants.map(describeOption).join(' or ')
    case 'string':
    case 'item':
      return 'text'
    case 'number':
    case 'integer':
    case 'boolean':
      return `a ${option.type}`
  }
}

function decimalsOf(value: number): number {
  const text = String(value)
  if (text.includes('e')) return Number.POSITIVE_INFINITY
  const dot = text.indexOf('.')
  return dot < 0 ? 0 : text.length - dot - 1
}

/** Does the value have the JSON type the option wants? Used to pick a `oneOf` variant. */
function fitsType(option: OptionSpec, value: unknown): boolean {
  switch (option.type) {
    case 'string':
    case 'enum':
    case 'item':
      return typeof value === 'string'
    case 'number':
    case 'integer':
      return typeof value === 'number'
    case 'boolean':
      return typeof value === 'boolean'
    case 'object':
      return (
        (typeof value === 'object' && value !== null && !Array.isArray(value)) ||
        (value === null && option.nullable === true)
      )
    case 'list':
      return Array.isArray(value)
    case 'oneOf':
      return option.variants.some((variant) => fitsType(variant, value))
  }
}

/** Builds the zod schema of one option. */
function schemaOf(
  option: OptionSpec,
  items: (option: OptionSpec & { type: 'item' }) => ItemDomain,
  limits: ConfigurationLimits,
): z.ZodType {
  switch (option.type) {
    case 'string':
      return stringSchema(option)
    case 'enum':
      return z.enum(option.values as [string, ...string[]])
    case 'number':
    case 'integer':
      return numberSchema(option)
    case 'boolean':
      return z.boolean()
    case 'object': {
      const shape: Record<string, z.ZodType> = {}
      for (const [key, property] of Object.entries(option.properties)) {
        const schema = schemaOf(property, items, limits)
        shape[key] = property.required === true ? schema : schema.optional()
      }
      const object = z.strictObject(shape)
      return option.nullable === true ? object.nullable() : object
    }
    case 'list': {
      let schema = z.array(schemaOf(option.items, items, limits))
      if (option.minItems !== undefined) schema = schema.min(option.minItems)
      return schema.max(listLimit(option, limits))
    }
    case 'oneOf':
      return oneOfSchema(option, items, limits)
    case 'item':
      return itemSchema(option, items)
  }
}

/** a text option's schema: its lengths and pattern */
function stringSchema(option: OptionSpec & { type: 'string' }): z.ZodType {
  let schema = z.string()
  if (option.minLength !== undefined) schema = schema.min(option.minLength)
  if (option.maxLength !== undefined) schema = schema.max(option.maxLength)
  if (option.pattern !== undefined) {
    const pattern = new RegExp(option.pattern)
    const hint = option.patternHint
    schema = schema.regex(pattern, {
      error: (issue) =>
        `expected ${hint ?? `text matching ${option.pattern ?? ''}`}, received ${describeValue(issue.input)}`,
    })
  }
  return schema
}

/** a number option's schema: its bounds, and its decimals */
function numberSchema(option: OptionSpec & { type: 'number' | 'integer' }): z.ZodType {
  let schema = option.type === 'integer' ? z.number().int() : z.number()
  if (option.minimum !== undefined) schema = schema.min(option.minimum)
  if (option.maximum !== undefined) schema = schema.max(option.maximum)
  const decimals = option.type === 'number' ? option.decimals : undefined
  if (decimals !== undefined && option.type === 'number') {
    return schema.refine((value) => decimalsOf(value) <= decimals, {
      error: (issue) =>
        `expected at most ${decimals} decimals, received ${describeValue(issue.input)}`,
    })
  }
  return schema
}

/** a oneOf option's schema: the variant is picked by the value's JSON type */
function oneOfSchema(
  option: OptionSpec & { type: 'oneOf' },
  items: (option: OptionSpec & { type: 'item' }) => ItemDomain,
  limits: ConfigurationLimits,
): z.ZodType {
  const variants = option.variants.map((variant) => ({
    variant,
    schema: schemaOf(variant, items, limits),
  }))
  // the variant is picked by the value's JSON type, so that errors come from the variant meant
  return z.unknown().superRefine((value, context) => {
    const chosen = variants.find(({ variant }) => fitsType(variant, value))
    if (chosen === undefined) {
      const missing = value === undefined
      context.addIssue({
        code: 'custom',
        message: missing
          ? `required: expected ${describeOption(option)}`
          : `expected ${describeOption(option)}, received ${describeValue(value)}`,
        input: value,
        ...(missing ? { params: { code: 'required' } } : {}),
      })
      return
    }
    const result = chosen.schema.safeParse(value, { reportInput: true })
    if (!result.success) {
      for (const issue of result.error.issues) context.addIssue({ ...issue })
    }
  })
}

/** an item option's schema: an id of its domain, or an issue naming why not */
function itemSchema(
  option: OptionSpec & { type: 'item' },
  items: (option: OptionSpec & { type: 'item' }) => ItemDomain,
): z.ZodType {
  const domain = items(option)
  return z.string().superRefine((id, context) => {
    if (domain.allowed.has(id)) return
    const known = domain.find(id)
    const hint = known === undefined ? didYouMean(id, domain.allowed) : undefined
    context.addIssue({
      code: 'custom',
      input: id,
      message:
        known === undefined
          ? `unknown item ${JSON.stringify(id)}${hint === undefined ? '' : `; ${hint}`}`
          : `${JSON.stringify(id)} cannot be chosen here (it is in subcategory ${known.subcategoryCode ?? 'none'})`,
      params: { code: known === undefined ? 'unknown_item' : 'item_not_allowed' },
    })
  })
}

/**
 * A plain-JS check that a value is valid for an option: exactly what the zod schema accepts, without
 * building issues. Valid configurations (the hot path) take it; zod reports the others in full.
 */
function validityOf(
  option: OptionSpec,
  items: (option: OptionSpec & { type: 'item' }) => ItemDomain,
  limits: ConfigurationLimits,
): (value: unknown) => boolean {
  switch (option.type) {
    case 'string': {
      const pattern = option.pattern === undefined ? undefined : new RegExp(option.pattern)
      const { minLength, maxLength } = option
      return (value) =>
        typeof value === 'string' &&
        (minLength === undefined || value.length >= minLength) &&
        (maxLength === undefined || value.length <= maxLength) &&
        (pattern === undefined || pattern.test(value))
    }
    case 'enum': {
      const values = new Set<unknown>(option.values)
      return (value) => values.has(value)
    }
    case 'number':
    case 'integer':
      return numberValidity(option)
    case 'boolean':
      return (value) => typeof value === 'boolean'
    case 'object':
      return objectValidity(option, items, limits)
    case 'list': {
      const valid = validityOf(option.items, items, limits)
      const { minItems } = option
      const maxItems = listLimit(option, limits)
      return (value) =>
        Array.isArray(value) &&
        (minItems === undefined || value.length >= minItems) &&
        value.length <= maxItems &&
        value.every((item) => valid(item))
    }
    case 'oneOf': {
      const variants = option.variants.map((variant) => ({
        variant,
        valid: validityOf(variant, items, limits),
      }))
      return (value) => {
        const chosen = variants.find(({ variant }) => fitsType(variant, value))
        return chosen !== undefined && chosen.valid(value)
      }
    }
    case 'item': {
      const { allowed } = items(option)
      return (value) => typeof value === 'string' && allowed.has(value)
    }
  }
}

/** an object's validity: known keys only, the required ones present, each valid (or null when nullable) */
function objectValidity(
  option: OptionSpec & { type: 'object' },
  items: (option: OptionSpec & { type: 'item' }) => ItemDomain,
  limits: ConfigurationLimits,
): (value: unknown) => boolean {
  const properties = Object.entries(option.properties).map(([key, property]) => ({
    key,
    required: property.required === true,
    valid: validityOf(property, items, limits),
  }))
  const known = new Set(Object.keys(option.properties))
  const nullable = option.nullable === true
  return (value) => {
    if (value === null) return nullable
    if (typeof value !== 'object' || Array.isArray(value)) return false
    const record = value as Record<string, unknown>
    for (const key in record) if (!known.has(key)) return false
    for (const property of properties) {
      const item = record[property.key]
      if (item === undefined ? property.required : !property.valid(item)) return false
    }
    return true
  }
}

/** a number's validity: finite, whole for an integer, within its bounds and decimals */
function numberValidity(
  option: OptionSpec & { type: 'number' | 'integer' },
): (value: unknown) => boolean {
  const { minimum, maximum } = option
  const decimals = option.type === 'number' ? option.decimals : undefined
  const integer = option.type === 'integer'
  return (value) =>
    typeof value === 'number' &&
    Number.isFinite(value) &&
    (!integer || Number.isSafeInteger(value)) &&
    (minimum === undefined || value >= minimum) &&
    (maximum === undefined || value <= maximum) &&
    (decimals === undefined || decimalsOf(value) <= decimals)
}

/** The option at a path of the model, following objects, lists and oneOf variants. */
function optionAt(options: Record<string, OptionSpec>, path: readonly PathSegment[]): OptionSpec[] {
  let current: OptionSpec[] = [{ type: 'object', properties: options }]
  for (const segment of path) {
    const next: OptionSpec[] = []
    const expand = (option: OptionSpec): void => {
      if (option.type === 'oneOf') option.variants.forEach(expand)
      else if (
        option.type === 'object' &&
        typeof segment === 'string' &&
        Object.hasOwn(option.properties, segment)
      ) {
        next.push(option.properties[segment] as OptionSpec)
      } else if (option.type === 'list' && typeof segment === 'number') next.push(option.items)
    }
    current.forEach(expand)
    current = next
  }
  return current
}

/** a fresh copy of a default each time (defaults are JSON from product.json), made without JSON text */
function copierOf(value: unknown): () => unknown {
  if (typeof value !== 'object' || value === null) return () => value
  const text = JSON.stringify(value)
  if (text === '[]') return () => []
  if (text === '{}') return () => ({})
  return () => JSON.parse(text) as unknown
}

const SAME = (value: unknown): unknown => value

/** Compiles an option's defaults into a function that returns the value with every default applied. */
function defaultsOf(option: OptionSpec): (value: unknown) => unknown {
  switch (option.type) {
    case 'object': {
      const properties = Object.entries(option.properties).map(([key, property]) => ({
        key,
        fill: defaultsOf(property),
        fallback: property.default === undefined ? undefined : copierOf(property.default),
      }))
      const known = new Set(Object.keys(option.properties))
      return (value) => {
        if (typeof value !== 'object' || value === null || Array.isArray(value)) return value
        const source = value as Record<string, unknown>
        const out: Record<string, unknown> = {}
        for (const { key, fill, fallback } of properties) {
          const given = source[key]
          if (given !== undefined) out[key] = fill(given)
          else if (fallback !== undefined) out[key] = fallback()
        }
        // unknown keys are kept so that nothing the user wrote disappears; validation reports them
        for (const key of Object.keys(source))
          if (!known.has(key) && source[key] !== undefined) out[key] = source[key]
        return out
      }
    }
    case 'list': {
      const fill = defaultsOf(option.items)
      return (value) => (Array.isArray(value) ? value.map((item) => fill(item)) : value)
    }
    case 'oneOf': {
      const variants = option.variants.map((variant) => ({ variant, fill: defaultsOf(variant) }))
      return (value) => {
        const chosen = variants.find(({ variant }) => fitsType(variant, value))
        return chosen === undefined ? value : chosen.fill(value)
      }
    }
    case 'string':
    case 'enum':
    case 'number':
    case 'integer':
    case 'boolean':
    case 'item':
      return SAME
  }
}

/** A configuration checker built once per product model. */
export interface ConfigurationValidator {
  check(configuration: unknown): ConfigurationCheck
  /** what the zod schema alone says, for tests that pin the fast check to it */
  schemaAccepts(configuration: unknown): boolean
  /** what the fast check alone says */
  quickAccepts(configuration: unknown): boolean
}

/**
 * Builds a checker for configurations of a product: every problem comes back at once, with its
 * configuration path, what was expected and what was received.
 *
 * @example createConfigurationValidator(product.options, items).check(config).findings
 */
export function createConfigurationValidator(
  options: Record<string, OptionSpec>,
  items: (option: OptionSpec & { type: 'item' }) => ItemDomain,
  limits: ConfigurationLimits = DEFAULT_LIMITS,
): ConfigurationValidator {
  const root: OptionSpec = { type: 'object', properties: options }
  const schema = schemaOf(root, items, limits)
  const valid = validityOf(root, items, limits)
  const applyDefaults = defaultsOf(root)
  const knownKeys = (path: PathSegment[]): string[] =>
    optionAt(options, path).flatMap((o) => (o.type === 'object' ? Object.keys(o.properties) : []))
  return {
    schemaAccepts: (configuration) => schema.safeParse(configuration).success,
    quickAccepts: (configuration) => valid(configuration),
    check(configuration) {
      const refused = refusedWhole(configuration, limits)
      if (refused !== undefined) return refused
      const value = applyDefaults(configuration) as Record<string, unknown>
      if (valid(configuration)) return { value, findings: [], invalidPaths: [] }
      const result = schema.safeParse(configuration, { reportInput: true })
      if (result.success) return { value, findings: [], invalidPaths: [] }
      // by path; at one path, in the order the schema checks (a stable sort)
      const issues = zodIssues(result.error.issues, { known: knownKeys }).sort((a, b) =>
        comparePaths(a.path, b.path),
      )
      const findings = issues.map((issue): Finding => {
        const hint =
          issue.hint ??
          (issue.code === 'too_small' || issue.code === 'too_big'
            ? hintAt({ options, limits }, issue.path, issue.code)
            : undefined)
        return {
          severity: 'error',
          path: formatPath(issue.path),
          message: issue.message,
          rule: MODEL_RULE,
          code: issue.code,
          ...(hint === undefined ? {} : { hint }),
        }
      })
      return { value, findings, invalidPaths: issues.map((issue) => issue.path) }
    },
  }
}

/** a configuration checked no further: not a JSON object, or nested deeper than the limit */
function refusedWhole(
  configuration: unknown,
  limits: ConfigurationLimits,
): ConfigurationCheck | undefined {
  if (typeof configuration !== 'object' || configuration === null || Array.isArray(configuration)) {
    return {
      value: {},
      findings: [
        {
          severity: 'error',
          path: '',
          code: 'invalid_type',
          message: `a configuration is a JSON object, received ${jsonType(configuration)}`,
          rule: MODEL_RULE,
        },
      ],
      invalidPaths: [[]],
    }
  }
  // before anything recursive looks at it
  const deep = tooDeepAt(configuration, limits.maxDepth)
  if (deep === undefined) return undefined
  return {
    value: {},
    findings: [
      {
        severity: 'error',
        path: formatPath(deep),
        code: 'too_deep',
        message: `expected at most ${limits.maxDepth} levels of nested objects and lists, received more`,
        rule: MODEL_RULE,
        hint: `the configuration is checked no further; the limit is the product model's limits.maxDepth`,
      },
    ],
    invalidPaths: [[]],
  }
}

/** the option's own hint at a path; for a list over the product's default limit, where that comes from */
function hintAt(
  model: { options: Record<string, OptionSpec>; limits: ConfigurationLimits },
  path: PathSegment[],
  code: IssueCode,
): string | undefined {
  const at = optionAt(model.options, path)
  const own = at.find((o) => o.hint !== undefined)?.hint
  if (own !== undefined || code !== 'too_big') return own
  const list = at.find((o) => o.type === 'list' && o.maxItems === undefined)
  return list === undefined
    ? undefined
    : `a list holds at most ${model.limits.maxListItems} entries (the product model's limits.maxListItems)`
}
