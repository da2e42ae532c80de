import { describe, expect, it } from 'vitest'
import { formatIssue } from '../issues.js'
import { parseTaskTemplates } from './tasks.js'

function file(tasks: unknown[]): unknown {
  return { product: 'T2', version: '1', tasks }
}
const task = (id: string, dependsOn: string[] = [], extra: Record<string, unknown> = {}) => ({
  id,
  name: id,
  type: 'ASSEMBLY',
  estimatedHours: 1,
  dependsOn,
  ...extra,
})
const issues = (json: unknown) =>
  parseTaskTemplates(json, { file: 'tasks.json' }).issues.map(formatIssue)

describe('parseTaskTemplates', () => {
  it('returns a valid file with no issues', () => {
    const result = parseTaskTemplates(file([task('a'), task('b', ['a'])]))
    expect(result.issues).toEqual([])
    expect(result.templates?.tasks.map((t) => t.id)).toEqual(['a', 'b'])
  })

  it('names unknown dependency ids with a did-you-mean', () => {
    expect(issues(file([task('mount-legs'), task('b', ['mount-leg', 'zzz'])])))
      .toMatchInlineSnapshot(`
      [
        "tasks.json: tasks[1].dependsOn[0]: unknown task "mount-leg" (did you mean "mount-legs"?)",
        "tasks.json: tasks[1].dependsOn[1]: unknown task "zzz"",
      ]
    `)
  })

  it('names a dependency cycle with its path', () => {
    expect(issues(file([task('a', ['b']), task('b', ['c']), task('c', ['a']), task('d', ['d'])])))
      .toMatchInlineSnapshot(`
      [
        "tasks.json: tasks[0].dependsOn[0]: the tasks depend on each other in a cycle: a → b → c → a (remove one of these dependencies)",
        "tasks.json: tasks[3].dependsOn[0]: the tasks depend on each other in a cycle: d → d (remove one of these dependencies)",
      ]
    `)
  })

  it('names duplicate ids and dependencies', () => {
    expect(issues(file([task('a'), task('a'), task('b', ['a', 'a'])]))).toMatchInlineSnapshot(`
      [
        "tasks.json: tasks[1].id: task id "a" is also tasks[0]",
        "tasks.json: tasks[2].dependsOn[1]: "a" is listed twice",
      ]
    `)
  })

  it('checks the shape, the type and the hours, with did-you-means for keys', () => {
    expect(
      issues(file([{ id: 'x y', name: '', type: 'ASEMBLY', estimatedHours: 0, dependson: [] }])),
    ).toMatchInlineSnapshot(`
      [
        "tasks.json: tasks[0].dependson: unknown key "dependson" (did you mean "dependsOn"?)",
        "tasks.json: tasks[0].estimatedHours: expected number > 0, received 0",
        "tasks.json: tasks[0].id: expected letters, digits, ".", "_" or "-"",
        "tasks.json: tasks[0].name: expected text of at least 1 characters, received """,
        "tasks.json: tasks[0].type: expected one of "ASSEMBLY" | "FABRICATION" | "INSPECTION" | "PACKAGING" | "TESTING", received "ASEMBLY" (did you mean "ASSEMBLY"?)",
      ]
    `)
    expect(issues({ tasks: [] })).toMatchInlineSnapshot(`
      [
        "tasks.json: product: required: expected string",
        "tasks.json: tasks: expected at least 1 entry, received 0",
        "tasks.json: version: required: expected string",
      ]
    `)
  })

  it('checks when: facts, values, and no basin facts', () => {
    expect(
      issues(
        file([
          task('a', [], { when: { pegbord: true } }),
          task('b', [], { when: { 'legs.height': 'ADJ' } }),
          task('c', [], { when: { 'basin.type': 'E_DRAIN' } }),
        ]),
      ),
    ).toMatchInlineSnapshot(`
      [
        "tasks.json: tasks[0].when.pegbord: unknown fact "pegbord" (did you mean "pegboard"?)",
        "tasks.json: tasks[1].when["legs.height"]: expected one of "ADJUSTABLE" | "FIXED", received "ADJ"",
        "tasks.json: tasks[2].when["basin.type"]: basin.type describes one basin, but a task is for the whole sink (use "basins.type": some basin has the type)",
      ]
    `)
  })

  it('refuses a file for a product that declares no facts, naming the product', () => {
    expect(
      issues({
        product: 'WS',
        version: '1',
        tasks: [task('mount-brackets', [], { when: { shelves: 4 } })],
      }),
    ).toMatchInlineSnapshot(`
      [
        "tasks.json: product: WS declares no facts, so there can be no task template for it (only T2 declares facts; a new product declares its facts in PRODUCT_FACTS, see docs/qc.md#facts-per-product)",
      ]
    `)
  })
})
