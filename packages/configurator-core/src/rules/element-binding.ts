/** The slots a forEach rule binds per element: the element, its index and its number (index + 1). */
export type ElementSlots = readonly [number, number, number]

/**
 * Binds element `at.index` of `at.list` into the slots of a forEach rule (`as`, `asIndex`,
 * `asNumber`), as every evaluator of a rule must before it runs the rule's conditions and events.
 *
 * @example bindElement(values, rule.forEach.slots, { list, index: 0 }) // values[element] = list[0]
 */
export function bindElement(
  values: unknown[],
  slots: ElementSlots,
  at: { list: readonly unknown[]; index: number },
): void {
  values[slots[0]] = at.list[at.index]
  values[slots[1]] = at.index
  values[slots[2]] = at.index + 1
}
