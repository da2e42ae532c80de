// One rule compiled: its forEach binding, its conditions and its events.

import type { PathSegment } from '../issues.js'
import { didYouMean } from '../text/suggest.js'
import type { Compiled, Compiler, Getter, Scope } from './compile.js'
import type { ReadPattern } from './read-pattern.js'
import { CURRENT_INDEX } from './read-pattern.js'
import type {
  CompiledCustomPart,
  CompiledEvent,
  CompiledEventCustomPart,
  CompiledRule,
} from './ruleset.js'
import type { Rule, RuleEvent } from './schema.js'

const DEFAULT_QUANTITY: Getter = () => 1

/** One rule compiled at `at` in its file, or undefined when its forEach list cannot be read. */
export function compileRule(
  compiler: Compiler,
  input: {
    rule: Rule
    at: PathSegment[]
    index: number
    scope: Scope
    customParts: ReadonlyMap<string, CompiledCustomPart>
    file: string
  },
): CompiledRule | undefined {
  const { rule, at, customParts, file } = input
  let scope = input.scope
  let forEach: CompiledRule['forEach']
  const reads: ReadPattern[] = []
  if (rule.forEach !== undefined) {
    const bound = compileForEach(compiler, { forEach: rule.forEach, at, scope })
    if (bound === undefined) return undefined
    scope = bound.scope
    reads.push(...bound.reads)
    forEach = bound.forEach
  }
  const when = compiler.condition(rule.conditions, [...at, 'conditions'], scope)
  reads.push(...when.reads)
  const events = compileEvents(compiler, { rule, at, scope, customParts, reads })
  return {
    name: rule.name,
    file,
    index: input.index,
    source: rule,
    forEach,
    when: when.fn,
    reads,
    events,
  }
}

/** a rule's forEach: the list it runs over, and the scope with the element bound */
function compileForEach(
  compiler: Compiler,
  input: { forEach: NonNullable<Rule['forEach']>; at: PathSegment[]; scope: Scope },
):
  | { forEach: NonNullable<CompiledRule['forEach']>; scope: Scope; reads: ReadPattern[] }
  | undefined {
  const { forEach, at, scope } = input
  const bound = compiler.iteration(forEach, [...at, 'forEach'], {
    scope,
    elementIndex: CURRENT_INDEX,
  })
  if (bound === undefined) return undefined
  const listName = typeof forEach.list === 'string' ? forEach.list : undefined
  const option = listName === undefined ? undefined : scope.get(listName)
  const configPath =
    option !== undefined && option.reads.length === 1 && option.reads[0]?.length === 1
      ? [listName as string]
      : undefined
  return {
    forEach: { list: bound.list.fn, slots: bound.slots, configPath },
    scope: bound.scope,
    reads: bound.list.reads,
  }
}

/** a rule's "event" or "events", each compiled; their reads join the rule's */
function compileEvents(
  compiler: Compiler,
  input: {
    rule: Rule
    at: PathSegment[]
    scope: Scope
    customParts: ReadonlyMap<string, CompiledCustomPart>
    reads: ReadPattern[]
  },
): CompiledEvent[] {
  const { rule, at, scope, customParts, reads } = input
  const declared: RuleEvent[] = [
    ...(rule.event === undefined ? [] : [rule.event]),
    ...(rule.events ?? []),
  ]
  if (declared.length === 0) {
    compiler.error(
      at,
      'missing_event',
      'a rule needs an "event" (or a list of "events") that says what happens',
    )
  }
  if (rule.event !== undefined && rule.events !== undefined) {
    compiler.error(at, 'malformed_rule', 'a rule has "event" or "events", not both')
  }
  const events: CompiledEvent[] = []
  declared.forEach((event, position) => {
    const eventAt =
      rule.event !== undefined && position === 0
        ? [...at, 'event']
        : [...at, 'events', rule.event === undefined ? position : position - 1]
    const compiled = compileEvent(compiler, {
      event,
      at: [...eventAt, 'params'],
      scope,
      customParts,
    })
    if (compiled !== undefined) {
      events.push(compiled.event)
      reads.push(...compiled.reads)
    }
  })
  return events
}

function compileQuantity(
  compiler: Compiler,
  quantity: unknown,
  where: { at: PathSegment[]; scope: Scope },
): Compiled<Getter> {
  const { at, scope } = where
  if (quantity === undefined) return { fn: DEFAULT_QUANTITY, reads: [] }
  if (typeof quantity === 'number' && !(quantity > 0 && Number.isFinite(quantity))) {
    compiler.error(
      at,
      'invalid_quantity',
      `a quantity must be a positive number, received ${quantity}`,
    )
  }
  return compiler.expression(quantity, at, scope)
}

type EventInput<TType extends RuleEvent['type']> = {
  event: Extract<RuleEvent, { type: TType }>
  at: PathSegment[]
  scope: Scope
  customParts: ReadonlyMap<string, CompiledCustomPart>
}

type CompiledEventOf = { event: CompiledEvent; reads: ReadPattern[] }

function compileEvent(
  compiler: Compiler,
  input: {
    event: RuleEvent
    at: PathSegment[]
    scope: Scope
    customParts: ReadonlyMap<string, CompiledCustomPart>
  },
): CompiledEventOf | undefined {
  const { event } = input
  switch (event.type) {
    case 'add':
      return compileAddEvent(compiler, { ...input, event })
    case 'customPart':
      return compileCustomPartEvent(compiler, { ...input, event })
    case 'error':
    case 'warning':
    case 'notice':
      return compileFindingEvent(compiler, { ...input, event })
  }
}

/** `add`: the item's template, its quantity and its notes */
function compileAddEvent(compiler: Compiler, input: EventInput<'add'>): CompiledEventOf {
  const { event, at, scope } = input
  const item = compiler.template(event.params.item, [...at, 'item'], scope)
  const quantity = compileQuantity(compiler, event.params.quantity, {
    at: [...at, 'quantity'],
    scope,
  })
  const notes =
    event.params.notes === undefined
      ? undefined
      : compiler.template(event.params.notes, [...at, 'notes'], scope)
  return {
    event: { type: 'add', item, quantity: quantity.fn, notes },
    reads: [...item.reads, ...quantity.reads, ...(notes?.reads ?? [])],
  }
}

/** `customPart`: a template of product.json, every spec field it needs, and the quantity */
function compileCustomPartEvent(
  compiler: Compiler,
  input: EventInput<'customPart'>,
): CompiledEventOf | undefined {
  const { event, at, scope } = input
  const template = input.customParts.get(event.params.template)
  if (template === undefined) {
    compiler.error([...at, 'template'], 'unknown_template', {
      message: `no custom-part template ${JSON.stringify(event.params.template)} in product.json`,
      hint: didYouMean(event.params.template, input.customParts.keys()),
    })
    return undefined
  }
  const spec: CompiledEventCustomPart['spec'] = []
  const reads: ReadPattern[] = []
  for (const key of Object.keys(event.params.spec)) {
    if (template.spec[key] === undefined) {
      compiler.error([...at, 'spec', key], 'unknown_key', {
        message: `template ${JSON.stringify(template.key)} has no spec field ${JSON.stringify(key)}`,
        hint: didYouMean(key, Object.keys(template.spec)),
      })
    }
  }
  for (const [key, kind] of Object.entries(template.spec)) {
    if (!Object.hasOwn(event.params.spec, key)) {
      compiler.error(
        [...at, 'spec'],
        'missing_field',
        `template ${JSON.stringify(template.key)} needs spec field ${JSON.stringify(key)}`,
      )
      continue
    }
    const value = compiler.expression(event.params.spec[key], [...at, 'spec', key], scope)
    spec.push({ key, kind, value: value.fn })
    reads.push(...value.reads)
  }
  const quantity = compileQuantity(compiler, event.params.quantity, {
    at: [...at, 'quantity'],
    scope,
  })
  return {
    event: { type: 'customPart', template: template.key, spec, quantity: quantity.fn },
    reads: [...reads, ...quantity.reads],
  }
}

/** `error`, `warning` and `notice`: the finding's path, message and hint templates */
function compileFindingEvent(
  compiler: Compiler,
  input: EventInput<'error' | 'warning' | 'notice'>,
): CompiledEventOf {
  const { event, at, scope } = input
  const path = compiler.template(event.params.path, [...at, 'path'], scope)
  const message = compiler.template(event.params.message, [...at, 'message'], scope)
  const hint =
    event.params.hint === undefined
      ? undefined
      : compiler.template(event.params.hint, [...at, 'hint'], scope)
  return {
    event: { type: event.type, path, message, hint },
    reads: [...path.reads, ...message.reads, ...(hint?.reads ?? [])],
  }
}
