// catalog benchmarks: building a 110k-item catalog, exploding and flattening its largest root against a
// naive recursion over plain objects, and loading the demo and the real catalog files
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { loadCatalog } from '@torvan/catalog-loader'
import type { ExplodedLine, FlatLine, Item } from '@torvan/configurator-core'
import { buildCatalog, explode, flatten } from '@torvan/configurator-core'
import { Bench } from 'tinybench'
import { generateCatalog, largestRoot } from './generate-catalog.js'
import type { BenchResult, BenchTask } from './measure.js'
import { measure } from './measure.js'

const root = join(import.meta.dirname, '..')
const realCatalog = join(root, '..', 'shared', 'torvan-catalog')
const SIZE = { parts: 100_000, assemblies: 10_000, depth: 8, seed: 42 }

/** the obvious explosion: a Map from id (and alias) to item, recursion, numbers for quantities */
function naiveExplode(
  items: ReadonlyMap<string, Item>,
  line: { id: string; quantity: number },
  level = 0,
): ExplodedLine {
  const item = items.get(line.id) as Item
  const children = (item.components ?? []).map((component) => {
    const child = naiveExplode(
      items,
      { id: component.id, quantity: line.quantity * component.quantity },
      level + 1,
    )
    if (component.notes !== undefined && component.notes !== null) child.notes = component.notes
    return child
  })
  return { id: item.id, name: item.name, quantity: String(line.quantity), level, children }
}

/** the obvious flattening: the same recursion, summing leaves in a Map, then sorting by id */
function naiveFlatten(items: ReadonlyMap<string, Item>, id: string): FlatLine[] {
  const totals = new Map<string, number>()
  const visit = (item: Item, quantity: number): void => {
    const components = item.components ?? []
    if (components.length === 0) totals.set(item.id, (totals.get(item.id) ?? 0) + quantity)
    for (const component of components)
      visit(items.get(component.id) as Item, quantity * component.quantity)
  }
  visit(items.get(id) as Item, 1)
  return [...totals]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([leaf, quantity]) => ({
      id: leaf,
      name: (items.get(leaf) as Item).name,
      quantity: String(quantity),
    }))
}

function countLines(line: ExplodedLine): number {
  return line.children.reduce((sum, child) => sum + countLines(child), 1)
}

function deepest(line: ExplodedLine): number {
  return line.children.reduce((level, child) => Math.max(level, deepest(child)), line.level)
}

/** one slow task (a second or more per call) in its own Bench: few samples, one warm-up call */
async function measureSlow(task: BenchTask, options: { quick: boolean }): Promise<BenchResult> {
  const bench = new Bench({
    time: options.quick ? 100 : 2000,
    iterations: options.quick ? 1 : 5,
    warmupTime: 0,
    warmupIterations: 1,
  })
  bench.add(task.name, task.fn)
  await bench.run()
  const result = bench.tasks[0]?.result
  if (result === undefined || !('latency' in result)) {
    const error = result !== undefined && 'error' in result ? String(result.error) : 'no result'
    throw new Error(`benchmark ${task.name} failed: ${error}`)
  }
  return {
    name: task.name,
    median_ms: Number(result.latency.p50.toPrecision(4)),
    p99_ms: Number(result.latency.p99.toPrecision(4)),
    samples: result.latency.samplesCount,
    ...(task.target_ms === undefined ? {} : { target_ms: task.target_ms }),
  }
}

/**
 * Measures buildCatalog() on 100,000 parts and 10,000 assemblies in 8 levels, explode() and flatten()
 * of its largest root (about 5,000 lines) next to a naive recursion, and loading the catalog files.
 *
 * @example const results = await benchCatalog({ quick: true })
 */
export async function benchCatalog(options: { quick: boolean }): Promise<BenchResult[]> {
  const data = generateCatalog(SIZE)
  const built = buildCatalog(data)
  if (!built.ok) throw new Error('the generated catalog has errors')
  const { catalog } = built
  const { id } = largestRoot(data)

  const plain = new Map<string, Item>()
  for (const item of data.items) {
    plain.set(item.id, item)
    for (const alias of item.aliases ?? []) plain.set(alias, item)
  }
  // the baselines must build exactly what we build, or the ratio means nothing
  const tree = explode(catalog, id)
  if (JSON.stringify(naiveExplode(plain, { id, quantity: 1 })) !== JSON.stringify(tree))
    throw new Error('the naive explosion builds a different tree')
  if (JSON.stringify(naiveFlatten(plain, id)) !== JSON.stringify(flatten(catalog, id)))
    throw new Error('the naive flattening gives different totals')
  const lines = countLines(tree)
  process.stdout.write(
    `  generated catalog: ${SIZE.parts} parts, ${SIZE.assemblies} assemblies; largest root ${id}: ` +
      `${lines} lines, ${deepest(tree)} levels, ${flatten(catalog, id).length} distinct leaves\n`,
  )

  const naiveExplodeName = `naive recursive explode (${lines} lines)`
  const naiveFlattenName = `naive recursive flatten (${lines} lines)`
  const tasks: BenchTask[] = [
    { name: naiveExplodeName, fn: () => naiveExplode(plain, { id, quantity: 1 }) },
    {
      name: `explode (${lines} lines)`,
      fn: () => explode(catalog, id),
      target_ms: 2,
      baseline: naiveExplodeName,
    },
    { name: naiveFlattenName, fn: () => naiveFlatten(plain, id) },
    {
      name: `flatten (${lines} lines)`,
      fn: () => flatten(catalog, id),
      target_ms: 2,
      baseline: naiveFlattenName,
    },
    {
      name: 'load demo catalog (3 files)',
      fn: () => loadCatalog(join(root, 'fixtures', 'catalog')),
      target_ms: 50,
    },
  ]
  if (existsSync(join(realCatalog, 'assemblies.json')))
    tasks.push({
      name: 'load real Torvan catalog (3 files)',
      fn: () => loadCatalog(realCatalog),
      target_ms: 50,
    })
  const fast = await measure(tasks, options)
  const build = await measureSlow(
    { name: 'buildCatalog (100k parts, 10k assemblies)', fn: () => buildCatalog(data) },
    options,
  )
  return [build, ...fast]
}
