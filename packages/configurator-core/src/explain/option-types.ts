import type { Finding } from '../findings.js'
import type { PathSegment } from '../issues.js'
import type { ReadPattern } from '../rules/read-pattern.js'
import type { Configurator } from '../rules/configure.js'
import type { OptionSpec } from '../configuration/option-schema.js'

/** A range of numbers; `null` ends are unbounded. */
export interface Interval {
  from: number | null
  to: number | null
  fromInclusive: boolean
  toInclusive: boolean
}

/** Why a value is ruled out: an error finding that every configuration with the value runs into. */
export interface Reason {
  rule: string
  path: string
  message: string
}

/**
 * What an option is: a plain value (`enum`, `boolean`, `item`, `number`, `integer`, `text`), whether a
 * nullable object is given (`presence`: `null` or `{}`), which variant a `oneOf` takes (`variant`: an
 * enum value or `{}` for the custom object), how many elements a required list holds (`count`), or which
 * element keys can be appended to a list (`add`, e.g. the accessory ids that can still be added).
 */
export type OptionKind =
  | 'enum'
  | 'boolean'
  | 'item'
  | 'number'
  | 'integer'
  | 'text'
  | 'presence'
  | 'variant'
  | 'count'
  | 'add'

/** A value that no completion makes valid, and why. */
export interface RuledOutValue {
  value: unknown
  reasons: Reason[]
  /** how many more reasons there are than `reasons` lists (only when there are more) */
  moreReasons?: number
}

/** A range of numbers that no completion makes valid, and why. */
export interface RuledOutInterval {
  interval: Interval
  reasons: Reason[]
  /** how many more reasons there are than `reasons` lists (only when there are more) */
  moreReasons?: number
}

/** The values one option can still take. `null` in `allowed` means the option may stay unset. */
export interface OptionDomain {
  /** the configuration path, e.g. `basins[0].type`; for `add`, the list, e.g. `accessories` */
  path: string
  kind: OptionKind
  /** true when the partial configuration gives a value */
  set: boolean
  /** the value given, when set */
  value?: unknown
  /** discrete options: the values some completion accepts */
  allowed: unknown[]
  /** discrete options: the values no completion accepts, with the errors they run into */
  ruledOut: RuledOutValue[]
  /** number and integer options: the allowed and ruled-out ranges */
  intervals?: { allowed: Interval[]; ruledOut: RuledOutInterval[] }
}

/** one option of a configuration (internal: options() and the why-not search share it) */
export interface Slot {
  path: PathSegment[]
  option: OptionSpec
  kind: OptionKind
  value: unknown
  set: boolean
  /** add: the key property of a new element */
  key?: string
  /** whether the option may be left unset */
  optional: boolean
}

export interface Piece {
  interval: Interval
  value: number
}

/** what options() knows of a configurator, built once (internal) */
export interface Context {
  configurator: Configurator
  /** rule name → the configuration paths it reads */
  reads: ReadonlyMap<string, readonly ReadPattern[]>
  /** the constants that conditions reading an option compare with: its numbers' breakpoints */
  breakpoints: (path: readonly PathSegment[]) => number[]
  items: (option: OptionSpec & { type: 'item' }) => string[]
  maxListLength: number
  /** every rule, fact and template as text, to find the ids that rules name */
  sourceText: string
  /** per item option, its ids that no rule names (see interchangeable) */
  unnamed: Map<OptionSpec, string[]>
}

/** a witness is a valid completion (defaults not yet applied) */
export type Outcome = { ok: true; witness?: unknown } | { ok: false; reasons: Finding[] }
