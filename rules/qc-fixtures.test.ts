// the QC and production-task fixtures: every file parses with no issues, and instantiates sensibly
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import type { QcTemplate } from '@torvan/configurator-core'
import {
  formatIssue,
  instantiateInspection,
  parseQcTemplate,
  parseTaskTemplates,
  planTasks,
} from '@torvan/configurator-core'
import { describe, expect, it } from 'vitest'

const root = join(import.meta.dirname, '..')
const read = (...path: string[]): unknown => JSON.parse(readFileSync(join(root, ...path), 'utf8'))
const jsonFiles = (directory: string) =>
  readdirSync(join(root, directory))
    .filter((name) => name.endsWith('.json'))
    .sort()

const templates = new Map<string, QcTemplate>()
for (const name of jsonFiles('fixtures/qc')) {
  const { template } = parseQcTemplate(read('fixtures/qc', name))
  if (template !== undefined) templates.set(template.formCode, template)
}
function template(formCode: string): QcTemplate {
  const found = templates.get(formCode)
  if (found === undefined) throw new Error(`${formCode} is not in fixtures/qc`)
  return found
}
const configs = Object.fromEntries(
  jsonFiles('fixtures/configs')
    .filter((name) => !name.includes('invalid'))
    .map((name) => [name.replace(/\.json$/, ''), read('fixtures/configs', name)]),
)
const config = (name: string): unknown => configs[name]
const basinCount = (name: string) => (configs[name] as { basins: unknown[] }).basins.length

describe('fixtures/qc', () => {
  it.each(jsonFiles('fixtures/qc'))('%s has no issues', (name) => {
    const result = parseQcTemplate(read('fixtures/qc', name), { file: name })
    expect(result.issues.map(formatIssue)).toEqual([])
  })

  it('holds the three T2 forms', () => {
    expect([...templates.keys()].sort()).toEqual([
      'CLP.T2.001.V01',
      'CLQ.T2.001.V01',
      'CLT.T2.001.V01',
    ])
  })

  it('covers every item of the paper forms (counts from ../shared/specs/qc-checklists.md)', () => {
    const counts = (formCode: string) =>
      Object.fromEntries(
        template(formCode).sections.map((section) => [
          section.id,
          // section ticks are the paper's unlabelled boxes, not the items the spec counts
          section.items.filter((item) => !/\.(done|verified)$/.test(item.id)).length,
        ]),
      )
    // CLP: 3 header + 5 sink + 5 per-basin; 2 header + 14; 4 E-Drain + 7 E-Sink; 15; sign-off
    expect(counts('CLP.T2.001.V01')).toEqual({ H: 3, '1': 13, '2': 16, '3': 11, '4': 15, SO: 4 })
    // CLQ: 6 + 10 + 6 per basin (item 2 split by basin type) + 8 = 42 leaf items per 3-basin sink
    expect(counts('CLQ.T2.001.V01')).toEqual({ H: 6, A: 6, B: 10, 'C-E': 7, F: 8 })
    // CLT: 3 general + 7 E-Drain + 9 serials + 10 E-Sink, 4 instruction blocks, the added sign-off
    expect(counts('CLT.T2.001.V01')).toEqual({ H: 3, P: 4, G: 3, D: 7, I: 9, S: 10, SO: 3 })
  })

  it.each(Object.keys(configs))(
    '%s: section 1 of the production form has 5 rows per basin',
    (name) => {
      const rows = instantiateInspection(template('CLP.T2.001.V01'), config(name))
      const perBasin = rows.filter((row) => row.sectionId === '1' && row.basin !== undefined)
      expect(perBasin).toHaveLength(5 * basinCount(name))
      expect(rows.filter((row) => row.sectionId === '1' && row.basin === undefined)).toHaveLength(
        // 3 header fields, 1.1–1.5, less 1.3 without a pegboard
        (configs[name] as { pegboard?: unknown }).pegboard ? 8 : 7,
      )
    },
  )

  it('gives the 1-basin E-Drain sink no E-Sink rows in any form', () => {
    for (const form of templates.values()) {
      const rows = instantiateInspection(form, config('t2-b1-minimal'))
      const labels = rows.map((row) => `${row.key} ${row.label}`)
      expect(labels.filter((label) => /E-Sink/.test(label) && !/E-Drain/.test(label))).toEqual([])
      expect(rows.every((row) => row.basin === undefined || row.basin === 1)).toBe(true)
    }
  })

  it('gives basin production rows by basin type: 4 per E-Drain basin, 7 per E-Sink, 6 per E-Sink DI', () => {
    const rows = instantiateInspection(template('CLP.T2.001.V01'), config('t2-b3-every-option'))
    const section3 = (basin: number) =>
      rows.filter((row) => row.sectionId === '3' && row.basin === basin).length
    // basin 1 is E_SINK_DI (no dosing port), 2 E_SINK, 3 E_DRAIN
    expect([section3(1), section3(2), section3(3)]).toEqual([6, 7, 4])
  })

  it('takes expected values from the sink: the basin count and the feet', () => {
    const rows = instantiateInspection(template('CLP.T2.001.V01'), config('t2-b3-every-option'))
    expect(rows.find((row) => row.key === '1.H2')?.expected).toBe(3)
    expect(rows.find((row) => row.key === '1.5')?.expected).toBe('SEISMIC_FEET')
    expect(rows.find((row) => row.key === '1.8#basin3')?.options?.map((o) => o.value)).toEqual([
      'BETWEEN_BASINS_2_3',
      'CENTER_OF_BASIN_3',
    ])
  })

  it('offers only faucet locations between basins the sink has', () => {
    const options = (name: string, key: string) =>
      instantiateInspection(template('CLP.T2.001.V01'), config(name))
        .find((row) => row.key === key)
        ?.options?.map((o) => o.value)
    expect(options('t2-b1-minimal', '1.8#basin1')).toEqual(['CENTER_OF_BASIN_1'])
    expect(options('t2-b2-standard', '1.8#basin2')).toEqual([
      'BETWEEN_BASINS_1_2',
      'CENTER_OF_BASIN_2',
    ])
  })

  it('numbers the rows 1..n in form order', () => {
    const rows = instantiateInspection(template('CLQ.T2.001.V01'), config('t2-b2-standard'))
    expect(rows.map((row) => row.sequence)).toEqual(rows.map((_, i) => i + 1))
  })

  it('gives the French manuals to French sinks only', () => {
    const keys = (name: string) =>
      instantiateInspection(template('CLP.T2.001.V01'), config(name)).map((row) => row.key)
    expect(keys('t2-b3-every-option')).toEqual(expect.arrayContaining(['4.14', '4.15']))
    expect(keys('t2-b3-every-option')).not.toContain('4.13')
    expect(keys('t2-b2-standard')).toContain('4.13')
    expect(keys('t2-b2-standard')).not.toContain('4.14')
  })

  it('repeats the end-of-line tests per basin by type', () => {
    const rows = instantiateInspection(template('CLT.T2.001.V01'), config('t2-b3-every-option'))
    const count = (section: string, basin: number) =>
      rows.filter((row) => row.sectionId === section && row.basin === basin).length
    expect([count('D', 1), count('D', 2), count('D', 3)]).toEqual([0, 0, 7])
    expect([count('S', 1), count('S', 2), count('S', 3)]).toEqual([10, 10, 0])
    // the DI basin has no dosing pump: 6 serial fields instead of 9
    expect([count('I', 1), count('I', 2), count('I', 3)]).toEqual([6, 9, 0])
    expect(rows.find((row) => row.key === 'S.2B#basin2')).toMatchObject({
      kind: 'TEST',
      expected: 40,
      tolerance: 4,
      unit: '°C',
    })
  })
})

describe('fixtures/production', () => {
  it.each(jsonFiles('fixtures/production'))('%s has no issues', (name) => {
    const result = parseTaskTemplates(read('fixtures/production', name), { file: name })
    expect(result.issues.map(formatIssue)).toEqual([])
  })

  const { templates: tasks } = parseTaskTemplates(read('fixtures/production', 't2-tasks.json'))
  if (tasks === undefined) throw new Error('t2-tasks.json does not parse')
  const plan = (name: string) => planTasks(tasks, config(name)).map((task) => task.id)

  it('installs a pegboard only on sinks with one, and a lifter controller only with adjustable legs', () => {
    expect(plan('t2-b1-minimal')).not.toContain('install-pegboard')
    expect(plan('t2-b1-minimal')).toContain('install-lifter-controller')
    expect(plan('t2-b3-every-option')).toContain('install-pegboard')
    expect(plan('t2-b3-every-option')).not.toContain('install-lifter-controller')
  })

  it('starts with the Pre-QC and ends with the crate for every sample', () => {
    for (const name of Object.keys(configs)) {
      expect(plan(name)[0]).toBe('pre-qc')
      expect(plan(name).at(-1)).toBe('crate')
    }
  })

  it('names only QC forms that exist', () => {
    const forms = new Set(tasks.tasks.flatMap((task) => task.qcTemplate ?? []))
    expect([...forms].filter((form) => !templates.has(form))).toEqual([])
  })
})
