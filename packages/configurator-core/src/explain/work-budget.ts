/** Why an answer stops short: its work budget ran out, or the caller aborted. */
export type TruncationReason = 'work_budget' | 'aborted'

/** An answer that stops short says so: why, in a sentence, and what it left out. */
export interface Truncation {
  reason: TruncationReason
  message: string
}

/** Thrown inside a computation when its budget is spent; caught where the answer is put together. */
export class OutOfWork extends Error {
  readonly reason: TruncationReason

  constructor(reason: TruncationReason) {
    super(reason === 'aborted' ? 'aborted' : 'the work budget is spent')
    this.name = 'OutOfWork'
    this.reason = reason
  }
}

/** What the core reads of an `AbortSignal` (any `AbortSignal` is one). */
export interface AbortSignalLike {
  readonly aborted: boolean
}

/** Counts units of work against a limit, and watches the caller's abort signal. */
export interface WorkBudget {
  /** spends units; throws {@link OutOfWork} when the budget is spent or the signal aborted */
  spend(units?: number): void
  /** the units spent so far */
  readonly spent: number
  readonly limit: number
}

/**
 * A budget of `limit` units that also stops when `signal` aborts (a signal is seen between units: a
 * synchronous caller sees only an abort that happened before, or during a yield of an async caller).
 *
 * @example const budget = createWorkBudget(20_000, request.signal); budget.spend()
 */
export function createWorkBudget(limit: number, signal?: AbortSignalLike): WorkBudget {
  let spent = 0
  return {
    get spent() {
      return spent
    },
    limit,
    spend(units = 1) {
      if (signal?.aborted === true) throw new OutOfWork('aborted')
      spent += units
      if (spent > limit) throw new OutOfWork('work_budget')
    },
  }
}

/** Checks a budget setting: a whole number of units, at least 1. */
export function checkBudget(call: string, budget: number): string | undefined {
  return Number.isSafeInteger(budget) && budget >= 1
    ? undefined
    : `${call}: budget must be a whole number >= 1, received ${String(budget)}`
}
