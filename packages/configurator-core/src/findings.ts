// What the configurator says about a configuration: shared by validation, rules, explanations and BOMs.

import type { IssueCode } from './issue-codes.js'

/** How bad a finding about a configuration is. Errors stop the BOM; warnings and notices ride along. */
export type FindingSeverity = 'error' | 'warning' | 'notice'

/** Something the configurator says about a configuration, at a configuration path. */
export interface Finding {
  severity: FindingSeverity
  /** the configuration path, e.g. `basins[1].size` (empty for the whole configuration) */
  path: string
  message: string
  /** the rule that said it, or `product-model` for what the options forbid */
  rule: string
  /** a stable code for what the options forbid, e.g. `too_small`, `unknown_key` */
  code?: IssueCode
  hint?: string
}

/** The rule name of findings that come from the product model's options. */
export const MODEL_RULE = 'product-model'
