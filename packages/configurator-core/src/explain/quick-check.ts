import type { Finding } from '../findings.js'
import type { PathSegment } from '../issues.js'
import { formatPath } from '../issues.js'
import { readSegments } from '../rules/path.js'
import { isObject } from '../util.js'
import type { IncrementalCheck } from './incremental.js'
import type { Context, Slot } from './option-types.js'
import { touches } from './option-search.js'
import { isLeaf, newElement } from './option-slots.js'
import type { WorkBudget } from './work-budget.js'

/* one value of one option checked against the witness with the rules that read it only */

/** what a quick check needs of the answer under way */
export interface QuickCheckEnv {
  context: Context
  budget: WorkBudget
  /** the check around a valid completion of the partial configuration, when there is one */
  incremental: IncrementalCheck | undefined
  /** the options the partial configuration leaves open */
  open: readonly Slot[]
}

/**
 * The errors a value at `slot` runs into in every completion, from the rules that read it; `undefined`
 * when the quick check cannot tell (the search then decides).
 */
export function quickCheckOf(
  env: QuickCheckEnv,
  slot: Slot,
): (value: unknown) => Finding[] | undefined {
  const { context, budget } = env
  if (env.incremental === undefined) return () => undefined
  const check = env.incremental
  const own = formatPath(slot.path)
  const others = env.open
    .filter((o) => {
      const path = formatPath(o.path)
      return path !== own && !path.startsWith(`${own}.`) && !path.startsWith(`${own}[`)
    })
    .map((o) => o.path)
  return (value) => {
    budget.spend()
    const errors = quickCheck(context, { slot, value, check, others })
    budget.spend(errors?.length ?? 0)
    return errors
  }
}

/** the errors, when none of them reads an option still to be chosen */
function final(
  context: Context,
  errors: Finding[] | undefined,
  choosable: readonly (readonly PathSegment[])[],
): Finding[] | undefined {
  return errors?.every((f) => !choosable.some((path) => touches(context, f, path))) === true
    ? errors
    : undefined
}

function quickCheck(
  context: Context,
  at: { slot: Slot; value: unknown; check: IncrementalCheck; others: PathSegment[][] },
): Finding[] | undefined {
  const { slot, value, others } = at
  const incremental = at.check
  // a value set where its parent object is missing would create fields still to be chosen
  const parent = slot.path.slice(0, -1)
  if (parent.length > 0 && !isObject(readSegments(incremental.baseline, parent))) return undefined
  if (slot.kind === 'text') return undefined
  if (isLeaf(slot))
    return final(
      context,
      incremental.errorsWith(slot.path, value === null ? undefined : value),
      others,
    )
  const current = readSegments(incremental.baseline, slot.path)
  switch (slot.kind) {
    case 'presence':
    case 'variant':
      // keeping the object given changes nothing; another value replaces it whole
      if (isObject(value)) return isObject(current) ? [] : undefined
      return final(context, incremental.errorsWith(slot.path, value), others)
    case 'add': {
      const element = newElement(slot, value)
      const list = readSegments(incremental.baseline, slot.path)
      if (element === undefined || !Array.isArray(list)) return undefined
      // the new element's other fields may still be chosen too
      const at = [...slot.path, list.length]
      const chosen = Object.keys(element)
        .filter((key) => key !== slot.key)
        .map((key) => [...at, key])
      const errors =
        slot.key === undefined
          ? incremental.errorsWith(slot.path, [...(list as unknown[]), element])
          : incremental.errorsWithAdded(slot.path, { element, key: slot.key })
      return final(context, errors, [...others, ...chosen])
    }
    case 'count':
    case 'enum':
    case 'boolean':
    case 'item':
    case 'number':
    case 'integer':
      return undefined
  }
}
