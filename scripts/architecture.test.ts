// The core's folders depend on each other one way only (docs/architecture.md): a folder cycle
// (configuration ↔ rules and qc ↔ production once) means a concept sits in the wrong home. The
// import-x/no-cycle lint rule catches cycles between files; this catches them between folders.
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, normalize, relative } from 'node:path'
import { describe, expect, it } from 'vitest'

const SRC = join(import.meta.dirname, '..', 'packages', 'configurator-core', 'src')

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name)
    if (entry.isDirectory()) return sourceFiles(path)
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : []
  })
}

/** folder → the folders its modules import from ('' is the top level of src/, but for index.ts) */
function folderGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>()
  // index.ts re-exports everything: it is its own node
  const folderOf = (file: string) =>
    file === join(SRC, 'index.ts') ? 'index' : (relative(SRC, dirname(file)).split('/')[0] ?? '')
  for (const file of sourceFiles(SRC)) {
    const from = folderOf(file)
    const edges = graph.get(from) ?? new Set<string>()
    graph.set(from, edges)
    for (const [, specifier] of readFileSync(file, 'utf8').matchAll(/from '(\.[^']+)'/g)) {
      const to = folderOf(normalize(join(dirname(file), specifier ?? '')))
      if (to !== from && to !== '') edges.add(to)
    }
  }
  return graph
}

/** one cycle of the graph as `a → b → a`, or undefined */
function findCycle(graph: Map<string, Set<string>>): string | undefined {
  const state = new Map<string, 'open' | 'done'>()
  const path: string[] = []
  const visit = (node: string): string | undefined => {
    if (state.get(node) === 'done') return undefined
    if (state.get(node) === 'open') return [...path.slice(path.indexOf(node)), node].join(' → ')
    state.set(node, 'open')
    path.push(node)
    for (const next of graph.get(node) ?? []) {
      const cycle = visit(next)
      if (cycle !== undefined) return cycle
    }
    path.pop()
    state.set(node, 'done')
    return undefined
  }
  for (const node of [...graph.keys()].sort()) {
    const cycle = visit(node)
    if (cycle !== undefined) return cycle
  }
  return undefined
}

describe('the core’s folders', () => {
  it('import each other one way only', () => {
    expect(findCycle(folderGraph())).toBeUndefined()
  })

  it('would name a cycle', () => {
    const graph = new Map([
      ['a', new Set(['b'])],
      ['b', new Set(['c'])],
      ['c', new Set(['a'])],
    ])
    expect(findCycle(graph)).toBe('a → b → c → a')
  })

  it('top-level modules (issues, findings, util, bom-line) import no folder but text/', () => {
    const graph = folderGraph()
    expect([...(graph.get('') ?? [])].filter((to) => to !== 'text')).toEqual([])
  })
})
