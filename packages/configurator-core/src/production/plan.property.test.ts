import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { canStart, planTasks } from './plan.js'
import type { TaskStatus } from './plan.js'
import { parseTaskTemplates } from './tasks.js'

// a random sink: only what applicability reads
const sinks = fc.record({
  product: fc.constant('T2'),
  model: fc.constant('T2-B1'),
  feet: fc.constantFrom('LEVELING_CASTERS', 'SEISMIC_FEET'),
  legs: fc.record({
    height: fc.constantFrom('ADJUSTABLE', 'FIXED'),
    model: fc.constantFrom('DL27', 'DL14'),
  }),
  pegboard: fc.option(fc.record({ type: fc.constantFrom('PERFORATED', 'SOLID') }), {
    nil: null,
  }),
  basins: fc.array(fc.record({ type: fc.constantFrom('E_SINK', 'E_SINK_DI', 'E_DRAIN') }), {
    minLength: 1,
    maxLength: 3,
  }),
})

const conditions = [
  undefined,
  { pegboard: true },
  { 'legs.height': 'ADJUSTABLE' },
  { 'basins.type': 'E_DRAIN' },
  { not: { feet: 'SEISMIC_FEET' } },
]

// a random acyclic task graph: task i depends only on tasks j < i, listed in a shuffled order
const graphs = fc
  .integer({ min: 1, max: 12 })
  .chain((n) =>
    fc.record({
      deps: fc.tuple(
        ...Array.from({ length: n }, (_, i) =>
          fc.uniqueArray(fc.integer({ min: 0, max: Math.max(0, i - 1) }), {
            maxLength: i === 0 ? 0 : 3,
          }),
        ),
      ),
      whens: fc.array(fc.integer({ min: 0, max: conditions.length - 1 }), {
        minLength: n,
        maxLength: n,
      }),
      order: fc.shuffledSubarray(
        Array.from({ length: n }, (_, i) => i),
        { minLength: n, maxLength: n },
      ),
    }),
  )
  .map(({ deps, whens, order }) => {
    const tasks = order.map((i) => {
      const when = conditions[whens[i] ?? 0]
      return {
        id: `t${i}`,
        name: `task ${i}`,
        type: 'ASSEMBLY',
        estimatedHours: 1,
        dependsOn: (deps[i] ?? []).map((j) => `t${j}`),
        ...(when === undefined ? {} : { when }),
      }
    })
    return { deps: deps, json: { product: 'T2', version: '1', tasks } }
  })

/** Does task `from` wait for task `to`, through any chain of dependencies? */
function reaches(deps: number[][], from: number, to: number): boolean {
  const stack = [...(deps[from] ?? [])]
  const seen = new Set<number>()
  while (stack.length > 0) {
    const next = stack.pop() as number
    if (next === to) return true
    if (seen.has(next)) continue
    seen.add(next)
    stack.push(...(deps[next] ?? []))
  }
  return false
}

describe('planTasks, on random task graphs and sinks', () => {
  it('puts every task after every applicable task it waits for, even through skipped ones', () => {
    fc.assert(
      fc.property(graphs, sinks, ({ deps, json }, sink) => {
        const { templates, issues } = parseTaskTemplates(json)
        expect(issues).toEqual([])
        if (templates === undefined) return
        const plan = planTasks(templates, sink)
        const position = new Map(plan.map((task, i) => [Number(task.id.slice(1)), i]))
        for (const [a, pa] of position)
          for (const [b, pb] of position) if (reaches(deps, a, b)) expect(pb).toBeLessThan(pa)
        for (const task of plan)
          for (const id of task.dependsOn) expect(position.has(Number(id.slice(1)))).toBe(true)
        expect(plan.map((task) => task.sequence)).toEqual(plan.map((_, i) => i + 1))
      }),
    )
  })

  it('lets each task start once the tasks before it are completed', () => {
    fc.assert(
      fc.property(graphs, sinks, ({ json }, sink) => {
        const { templates } = parseTaskTemplates(json)
        if (templates === undefined) return
        const statuses: Record<string, TaskStatus> = {}
        for (const task of planTasks(templates, sink)) {
          expect(canStart(task, statuses)).toEqual({ ok: true, blockedBy: [] })
          statuses[task.id] = 'COMPLETED'
        }
      }),
    )
  })

  it('gives the same plan for the same input', () => {
    fc.assert(
      fc.property(graphs, sinks, ({ json }, sink) => {
        const { templates } = parseTaskTemplates(json)
        if (templates === undefined) return
        expect(planTasks(templates, sink)).toEqual(
          planTasks(templates, JSON.parse(JSON.stringify(sink))),
        )
      }),
    )
  })
})

describe('parseTaskTemplates, on random graphs with one back edge', () => {
  it('names a cycle whenever a task depends on one that waits for it', () => {
    fc.assert(
      fc.property(graphs, fc.nat(), ({ deps, json }, pick) => {
        // add t_a → t_b where t_b already reaches t_a: a cycle
        const pairs: [number, number][] = []
        deps.forEach((_, b) => {
          deps.forEach((__, a) => {
            if (a === b || reaches(deps, b, a)) pairs.push([a, b])
          })
        })
        const pair = pairs[pick % Math.max(1, pairs.length)]
        if (pair === undefined) return
        const [a, b] = pair
        const tasks = json.tasks.map((task) =>
          task.id === `t${a}` ? { ...task, dependsOn: [...task.dependsOn, `t${b}`] } : task,
        )
        const { templates, issues } = parseTaskTemplates({ ...json, tasks })
        // a === b is a self-dependency; otherwise b reaches a, and a now depends on b
        expect(templates).toBeUndefined()
        expect(issues.map((issue) => issue.code)).toContain('dependency_cycle')
      }),
    )
  })
})
