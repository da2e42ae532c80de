import type { components } from './schema.js'

/** An RFC 9457 problem document, as the API answers every error. */
export type Problem = components['schemas']['Problem']

/** The problem a call answered, thrown by {@link expectOk}: its status, type, title and detail. */
export class ProblemError extends Error {
  override readonly name = 'ProblemError'
  /** the problem document, or a synthetic one when the answer was not a problem (a proxy's 502 page) */
  readonly problem: Problem
  readonly status: number

  constructor(problem: Problem, status: number) {
    super(`${status} ${problem.title}: ${problem.detail}`)
    this.problem = problem
    this.status = status
  }
}

/** The result of one call of an openapi-fetch client. */
export interface CallResult<Data> {
  data?: Data
  error?: unknown
  response: Response
}

function isProblem(value: unknown): value is Problem {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { title?: unknown }).title === 'string' &&
    typeof (value as { status?: unknown }).status === 'number'
  )
}

/**
 * The data of a successful call, or a {@link ProblemError} thrown for an error answer.
 *
 * @example const order = expectOk(await client.GET('/orders/{id}', { params: { path: { id: 7 } } }))
 */
export function expectOk<Data>(result: CallResult<Data>): Data {
  const { response } = result
  if (response.ok) return result.data as Data
  const problem: Problem = isProblem(result.error)
    ? result.error
    : {
        type: 'about:blank',
        title: response.statusText === '' ? 'The request failed' : response.statusText,
        status: response.status,
        detail:
          typeof result.error === 'string' && result.error !== ''
            ? result.error.slice(0, 500)
            : `${response.url} answered ${response.status} without a problem document`,
      }
  throw new ProblemError(problem, response.status)
}
