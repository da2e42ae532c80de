// The closures compiled rules run: a leaf's comparison, the folds over a list, literals and templates.

import { templateText } from '../util.js'
import type { Comparison } from './operators.js'
import type { Compiled, CompiledTemplate, Getter, Predicate, Values } from './compile.js'
import type { ReadPattern } from './read-pattern.js'
import type { Shape } from './shape.js'
import { ANY, BOOLEAN, NUMBER } from './shape.js'

/** the predicate of a leaf: the fact read by `left` compared with a literal or with `right` */
export function comparison(
  left: Compiled<Getter>,
  leaf: {
    operator: string
    compare: Comparison
    value: unknown
    right: Compiled<Getter> | undefined
  },
): Compiled<Predicate> {
  const { operator, compare, value, right } = leaf
  const get = left.fn
  if (right === undefined && (operator === 'in' || operator === 'notIn') && Array.isArray(value)) {
    // a literal list: a Set answers as indexOf does, but for NaN, which indexOf never finds
    const members = new Set<unknown>(value)
    const inList = (fact: unknown) => fact === fact && members.has(fact)
    const fn: Predicate =
      operator === 'in' ? (values) => inList(get(values)) : (values) => !inList(get(values))
    return { fn, reads: left.reads }
  }
  if (right === undefined) return { fn: (values) => compare(get(values), value), reads: left.reads }
  const other = right.fn
  return {
    fn: (values) => compare(get(values), other(values)),
    reads: [...left.reads, ...right.reads],
  }
}

/** visits each element of a list (those its `where` keeps) until `visit` answers false */
export type Each = (values: Values, visit: (values: Values) => boolean | undefined) => void

/** count, some, sum and collect over the elements `each` visits; `get` is the sum's or collect's value */
export function folded(
  kind: 'count' | 'some' | 'sum' | 'collect',
  over: { each: Each; get: Getter; valueShape: Shape | undefined },
): { fn: Getter; shape: Shape } {
  const { each, get, valueShape } = over
  switch (kind) {
    case 'count':
      return {
        fn: (values) => {
          let n = 0
          each(values, () => {
            n++
            return undefined
          })
          return n
        },
        shape: NUMBER,
      }
    case 'some':
      return {
        fn: (values) => {
          let found = false
          each(values, () => {
            found = true
            return false
          })
          return found
        },
        shape: BOOLEAN,
      }
    case 'sum':
      return {
        fn: (values) => {
          let total = 0
          each(values, (v) => {
            const x = get(v)
            if (typeof x === 'number') total += x
            return undefined
          })
          return total
        },
        shape: NUMBER,
      }
    case 'collect':
      return {
        fn: (values) => {
          const out: unknown[] = []
          each(values, (v) => {
            out.push(get(v))
            return undefined
          })
          return out
        },
        shape: { kind: 'list', items: valueShape ?? ANY },
      }
  }
}

/** a JSON literal as an expression (null, a number, a boolean, a text or a list), else undefined */
export function literalExpression(
  node: unknown,
): (Compiled<Getter> & { shape: Shape }) | undefined {
  if (node === null) return { fn: () => null, reads: [], shape: { kind: 'null' } }
  if (typeof node === 'number') return { fn: () => node, reads: [], shape: NUMBER }
  if (typeof node === 'boolean') return { fn: () => node, reads: [], shape: BOOLEAN }
  if (typeof node === 'string')
    return { fn: () => node, reads: [], shape: { kind: 'string', values: [node] } }
  if (Array.isArray(node)) {
    const list: unknown[] = node
    return { fn: () => list, reads: [], shape: { kind: 'list', items: ANY } }
  }
  return undefined
}

/** a template's parts as one function (a constant when there are no placeholders) */
export function assembled(
  parts: readonly ({ text: string } | { get: Getter; shape: Shape; label: string })[],
  reads: ReadPattern[],
): CompiledTemplate {
  const publicParts = parts.map((p) =>
    'text' in p ? { text: p.text } : { shape: p.shape, label: p.label },
  )
  if (parts.every((p) => 'text' in p)) {
    const constant = parts.map((p) => ('text' in p ? p.text : '')).join('')
    return { fn: () => constant, reads, constant, parts: publicParts }
  }
  const pieces = parts.map((p) =>
    'text' in p ? () => p.text : (values: Values) => templateText(p.get(values)),
  )
  return {
    fn: (values) => {
      let out = ''
      for (const piece of pieces) out += piece(values)
      return out
    },
    reads,
    parts: publicParts,
  }
}
