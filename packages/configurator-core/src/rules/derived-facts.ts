// Derived facts: product.json's facts, each compiled after the facts it uses.

import { isObject } from '../util.js'
import type { Compiler, FactDef } from './compile.js'
import type { CompiledFact } from './ruleset.js'
import type { ProductFile } from './schema.js'

/**
 * Fact names an expression mentions, found without compiling it (for ordering derived facts, and for
 * explaining them).
 */
export function mentionedFacts(node: unknown, out: Set<string>): void {
  if (Array.isArray(node)) {
    for (const child of node) mentionedFacts(child, out)
    return
  }
  if (!isObject(node)) return
  for (const [key, value] of Object.entries(node)) {
    if ((key === 'fact' || key === 'list') && typeof value === 'string') out.add(value)
    else if (key === 'format' && typeof value === 'string') {
      for (const match of value.matchAll(/\{([A-Za-z_$][A-Za-z0-9_$]*)/g))
        out.add(match[1] as string)
    } else mentionedFacts(value, out)
  }
}

/** the derived facts, each compiled after the facts it uses; a fact that uses itself is an error */
export function compileFacts(
  productCompiler: Compiler,
  at: { product: ProductFile; scope: Map<string, FactDef> },
): CompiledFact[] {
  const { product, scope } = at
  const facts: CompiledFact[] = []
  const declared = product.facts ?? {}
  const state = new Map<string, 'compiling' | 'done'>()
  const compileFact = (name: string, chain: string[]): void => {
    if (state.get(name) === 'done') return
    if (state.get(name) === 'compiling') {
      const loop = [...chain.slice(chain.indexOf(name)), name]
      productCompiler.error(
        ['facts', name, 'value'],
        'fact_cycle',
        `fact ${JSON.stringify(name)} depends on itself: ${loop.join(' → ')}`,
      )
      return
    }
    state.set(name, 'compiling')
    const definition = declared[name]
    const mentioned = new Set<string>()
    mentionedFacts(definition?.value, mentioned)
    for (const other of [...mentioned].sort()) {
      if (Object.hasOwn(declared, other) && !scope.has(other)) compileFact(other, [...chain, name])
    }
    if (scope.has(name) && !Object.hasOwn(declared, name)) return
    if (product.options[name] !== undefined) {
      productCompiler.error(
        ['facts', name],
        'shadowed_fact',
        `fact ${JSON.stringify(name)} has the name of an option; choose another name`,
      )
    }
    const compiled = productCompiler.expression(definition?.value, ['facts', name, 'value'], scope)
    const slot = productCompiler.allocate()
    scope.set(name, { name, slot, shape: compiled.shape, reads: compiled.reads })
    facts.push({ name, slot, value: compiled.fn, reads: compiled.reads })
    state.set(name, 'done')
  }
  for (const name of Object.keys(declared).sort()) compileFact(name, [])
  return facts
}
