import { describe, expect, it } from 'vitest'
import { ConfiguratorError } from '../errors.js'
import { canStart, planTasks } from './plan.js'
import type { TaskTemplateFile } from './tasks.js'
import { parseTaskTemplates } from './tasks.js'

function parsed(tasks: unknown[]): TaskTemplateFile {
  const { templates, issues } = parseTaskTemplates({ product: 'T2', version: '1', tasks })
  if (templates === undefined) throw new Error(JSON.stringify(issues))
  return templates
}
const task = (id: string, dependsOn: string[] = [], extra: Record<string, unknown> = {}) => ({
  id,
  name: `Task ${id}`,
  type: 'ASSEMBLY',
  estimatedHours: 0.5,
  dependsOn,
  ...extra,
})
const sink = (patch: Record<string, unknown> = {}) => ({
  product: 'T2',
  buildNumber: 'B-1',
  model: 'T2-B1',
  sink: { lengthIn: 48, widthIn: 30 },
  legs: { height: 'FIXED', model: 'DL27' },
  feet: 'LEVELING_CASTERS',
  basins: [{ type: 'E_DRAIN', size: '20X20X8' }],
  ...patch,
})

describe('planTasks', () => {
  it("refuses a configuration of another product than the file's", () => {
    const templates = parsed([task('a')])
    const shelf = { product: 'WS', buildNumber: 'WS-1', widthIn: 36, shelves: 2 }
    expect(() => planTasks(templates, shelf)).toThrow(ConfiguratorError)
    expect(() => planTasks(templates, shelf)).toThrowErrorMatchingInlineSnapshot(
      `[ConfiguratorError: planTasks(): the task-template file is for T2 builds, but the configuration is a WS; use a template of WS]`,
    )
    const anonymous: Record<string, unknown> = sink()
    delete anonymous['product']
    expect(() => planTasks(templates, anonymous)).toThrowErrorMatchingInlineSnapshot(
      `[ConfiguratorError: planTasks(): the task-template file is for T2 builds, but the configuration names no product; a T2 configuration has "product": "T2"]`,
    )
  })

  it('orders by dependencies, ties in file order', () => {
    const templates = parsed([task('c', ['b']), task('a'), task('b', ['a']), task('d')])
    expect(planTasks(templates, sink()).map((t) => [t.sequence, t.id])).toEqual([
      [1, 'a'],
      [2, 'b'],
      [3, 'c'],
      [4, 'd'],
    ])
  })

  it('keeps only the tasks that apply, e.g. the pegboard only with a pegboard', () => {
    const templates = parsed([
      task('start'),
      task('pegboard', ['start'], { when: { pegboard: true } }),
      task('lifter', ['start'], { when: { 'legs.height': 'ADJUSTABLE' } }),
    ])
    expect(planTasks(templates, sink()).map((t) => t.id)).toEqual(['start'])
    const full = sink({
      legs: { height: 'ADJUSTABLE', model: 'DL14' },
      pegboard: { type: 'SOLID', color: 'RED', size: 'SAME_AS_SINK' },
    })
    expect(planTasks(templates, full).map((t) => t.id)).toEqual(['start', 'pegboard', 'lifter'])
  })

  it('replaces a dependency that does not apply by its own dependencies', () => {
    const templates = parsed([
      task('a'),
      task('b'),
      task('skipped', ['a'], { when: { pegboard: true } }),
      task('c', ['skipped', 'b']),
    ])
    const plan = planTasks(templates, sink())
    expect(plan.find((t) => t.id === 'c')?.dependsOn).toEqual(['a', 'b'])
  })

  it('drops an inherited dependency another dependency already waits for', () => {
    const templates = parsed([
      task('a'),
      task('b', ['a']),
      task('skipped', ['a'], { when: { pegboard: true } }),
      task('c', ['b', 'skipped']),
    ])
    expect(planTasks(templates, sink()).find((t) => t.id === 'c')?.dependsOn).toEqual(['b'])
  })

  it('copies the name, type, hours and QC form', () => {
    const templates = parsed([
      task('qc', [], { type: 'INSPECTION', estimatedHours: 1.25, qcTemplate: 'CLQ.T2.001.V01' }),
    ])
    expect(planTasks(templates, sink())).toEqual([
      {
        id: 'qc',
        name: 'Task qc',
        type: 'INSPECTION',
        dependsOn: [],
        estimatedHours: 1.25,
        sequence: 1,
        qcTemplate: 'CLQ.T2.001.V01',
      },
    ])
  })

  it('throws a ConfiguratorError naming the tasks of a cycle in a file that was not parsed, and ends on a skipped one', () => {
    const templates = parsed([task('a'), task('b')])
    const cyclic: TaskTemplateFile = {
      ...templates,
      tasks: [task('a', ['c']), task('b'), task('c', ['a'])] as TaskTemplateFile['tasks'],
    }
    const skippedCycle: TaskTemplateFile = {
      ...templates,
      tasks: [
        task('a'),
        task('x', ['y'], { when: { pegboard: true } }),
        task('y', ['x'], { when: { pegboard: true } }),
        task('b', ['x']),
      ] as TaskTemplateFile['tasks'],
    }
    expect(planTasks(skippedCycle, sink()).map((t) => t.id)).toEqual(['a', 'b'])
    expect(() => planTasks(cyclic, sink())).toThrowErrorMatchingInlineSnapshot(
      `[ConfiguratorError: planTasks(): no order exists for a, c: their dependencies form a cycle; check the file with parseTaskTemplates() first]`,
    )
  })

  it('throws a ConfiguratorError for a configuration it cannot read', () => {
    expect(() => planTasks(parsed([task('a')]), sink({ feet: 'WHEELS' }))).toThrow(
      ConfiguratorError,
    )
  })
})

describe('canStart', () => {
  it('lets a task start when every dependency is COMPLETED', () => {
    expect(canStart({ dependsOn: ['a', 'b'] }, { a: 'COMPLETED', b: 'COMPLETED' })).toEqual({
      ok: true,
      blockedBy: [],
    })
    expect(canStart({ dependsOn: [] }, {})).toEqual({ ok: true, blockedBy: [] })
  })

  it('names the dependencies that block it, a missing status counting as pending', () => {
    expect(
      canStart(
        { dependsOn: ['a', 'b', 'c', 'd'] },
        { a: 'COMPLETED', b: 'IN_PROGRESS', d: 'CANCELLED' },
      ),
    ).toEqual({ ok: false, blockedBy: ['b', 'c', 'd'] })
  })

  it('does not read inherited object keys as statuses', () => {
    expect(canStart({ dependsOn: ['toString'] }, {}).blockedBy).toEqual(['toString'])
  })
})
