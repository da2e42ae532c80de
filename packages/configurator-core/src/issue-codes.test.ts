import { describe, expect, expectTypeOf, it } from 'vitest'
import type { Finding } from './findings.js'
import type { IssueCode } from './issue-codes.js'
import { isIssueCode } from './issue-codes.js'
import type { Issue } from './issues.js'

describe('issue codes', () => {
  it('types the code of an issue and of a finding, so a misspelt code does not compile', () => {
    expectTypeOf<Issue['code']>().toEqualTypeOf<IssueCode>()
    expectTypeOf<Finding['code']>().toEqualTypeOf<IssueCode | undefined>()
    expectTypeOf<'unknown_fact'>().toExtend<IssueCode>()
    expectTypeOf<'unknown_fcat'>().not.toExtend<IssueCode>()
  })

  it('tells a known code from an unknown string', () => {
    expect(isIssueCode('unknown_fact')).toBe(true)
    expect(isIssueCode('too_small')).toBe(true)
    expect(isIssueCode('unknown_fcat')).toBe(false)
    expect(isIssueCode('toString')).toBe(false)
  })
})
