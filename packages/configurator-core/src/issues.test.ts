import { describe, expect, it } from 'vitest'
import type { Issue } from './issues.js'
import { comparePaths, compareText, formatIssue, formatPath, sortIssues } from './issues.js'

function issue(fields: Partial<Issue> & Pick<Issue, 'path'>): Issue {
  return { code: 'invalid_value', severity: 'error', message: 'bad', ...fields }
}

describe('formatPath()', () => {
  it('prints a path the way zod and JavaScript do', () => {
    expect(formatPath(['assemblies', 'T2-KIT', 'components', 3, 'part_id'])).toBe(
      'assemblies["T2-KIT"].components[3].part_id',
    )
    expect(formatPath(['sink', 'lengthIn'])).toBe('sink.lengthIn')
    expect(formatPath([0, 'a', 1, 2])).toBe('[0].a[1][2]')
    expect(formatPath(['719.016', '', 'odd key', '$ok', '_ok'])).toBe(
      '["719.016"][""]["odd key"].$ok._ok',
    )
    expect(formatPath(['quote"d'])).toBe('["quote\\"d"]')
    expect(formatPath([])).toBe('')
  })
})

describe('formatIssue()', () => {
  it('writes file, path, message and hint on one line', () => {
    expect(
      formatIssue(
        issue({
          file: 'rules/t2/basins.json',
          path: ['rules', 3, 'conditions', 'all', 1, 'fact'],
          message: "unknown fact 'basinCount'",
          hint: "did you mean 'basins.count'?",
        }),
      ),
    ).toMatchInlineSnapshot(
      `"rules/t2/basins.json: rules[3].conditions.all[1].fact: unknown fact 'basinCount' (did you mean 'basins.count'?)"`,
    )
  })

  it('leaves out what it does not know', () => {
    expect(formatIssue(issue({ path: ['sink', 'lengthIn'], message: 'too short' }))).toBe(
      'sink.lengthIn: too short',
    )
    expect(formatIssue(issue({ file: 'parts.json', path: [], message: 'not JSON' }))).toBe(
      'parts.json: not JSON',
    )
    expect(formatIssue(issue({ file: '', path: [], message: 'bad', hint: 'fix it' }))).toBe(
      'bad (fix it)',
    )
  })
})

describe('comparePaths()', () => {
  it('orders indexes numerically, before keys, and a prefix first', () => {
    const paths = [['b'], ['a', 10], ['a', 2], ['a', 'x'], ['a'], [3], ['a', 2, 'z']]
    expect([...paths].sort(comparePaths)).toEqual([
      [3],
      ['a'],
      ['a', 2],
      ['a', 2, 'z'],
      ['a', 10],
      ['a', 'x'],
      ['b'],
    ])
    expect(comparePaths(['a', 1], ['a', 1])).toBe(0)
  })
})

describe('compareText()', () => {
  it('orders by character code, the same in every locale', () => {
    expect(['b', 'B', 'a', 'é', 'A', '10', '9'].sort(compareText)).toEqual([
      '10',
      '9',
      'A',
      'B',
      'a',
      'b',
      'é',
    ])
    expect(compareText('x', 'x')).toBe(0)
  })
})

describe('sortIssues()', () => {
  it('sorts by file, then path, then code, then message, leaving its input alone', () => {
    const issues = [
      issue({ file: 'b.json', path: ['a'], code: 'cycle' }),
      issue({ file: 'a.json', path: ['z'], code: 'cycle' }),
      issue({ path: ['z'], code: 'cycle' }),
      issue({ file: 'a.json', path: ['items', 10], code: 'cycle' }),
      issue({ file: 'a.json', path: ['items', 2], code: 'duplicate_id', message: 'b' }),
      issue({ file: 'a.json', path: ['items', 2], code: 'duplicate_id', message: 'a' }),
      issue({ file: 'a.json', path: ['items', 2], code: 'cycle' }),
    ]
    const before = [...issues]
    expect(sortIssues(issues).map(formatIssue)).toEqual([
      'z: bad',
      'a.json: items[2]: bad',
      'a.json: items[2]: a',
      'a.json: items[2]: b',
      'a.json: items[10]: bad',
      'a.json: z: bad',
      'b.json: a: bad',
    ])
    expect(issues).toEqual(before)
  })
})
