import { describe, expect, it } from 'vitest'
import { transientFailure } from './transient-failure.js'

function pgError(code: string): Error {
  return Object.assign(new Error(`postgres says ${code}`), { code })
}

describe('transientFailure', () => {
  it('recognises deadlocks, serialization failures and lost connections, also as a cause', () => {
    expect(transientFailure(pgError('40P01'))).toMatch(/collided with another request/)
    expect(transientFailure(pgError('40001'))).toMatch(/nothing of it was saved/)
    expect(transientFailure(pgError('CONNECTION_CLOSED'))).toMatch(/connection was lost/)
    // drizzle wraps the driver's error in its own query error
    expect(
      transientFailure(new Error('Failed query: update …', { cause: pgError('40P01') })),
    ).toMatch(/collided/)
  })

  it('leaves every other error alone', () => {
    expect(transientFailure(pgError('23505'))).toBeUndefined()
    expect(transientFailure(new Error('boom'))).toBeUndefined()
    expect(transientFailure('not an error')).toBeUndefined()
  })
})
