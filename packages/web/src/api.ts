// the page's calls to the API: same origin, bearer token, problem documents turned into errors

/** An RFC 9457 problem the API answered with. */
export class ApiError extends Error {
  readonly status: number
  readonly problem: Record<string, unknown>
  constructor(status: number, problem: Record<string, unknown>) {
    const detail = typeof problem['detail'] === 'string' ? problem['detail'] : `HTTP ${status}`
    super(detail)
    this.status = status
    this.problem = problem
  }
}

const TOKEN_KEY = 'torvan.token'

/** The signed-in session, kept in the tab so a reload stays signed in. */
export interface Session {
  token: string
  user: { username: string; displayName?: string; roles: string[]; permissions: string[] }
}

export function savedSession(): Session | undefined {
  const text = sessionStorage.getItem(TOKEN_KEY)
  if (text === null) return undefined
  try {
    return JSON.parse(text) as Session
  } catch {
    return undefined
  }
}

export function keepSession(session: Session | undefined): void {
  if (session === undefined) sessionStorage.removeItem(TOKEN_KEY)
  else sessionStorage.setItem(TOKEN_KEY, JSON.stringify(session))
}

/** Calls the API; a problem answer throws {@link ApiError}. */
export async function call<T>(
  method: string,
  path: string,
  input: { token?: string | undefined; body?: unknown; headers?: Record<string, string> } = {},
): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', ...input.headers }
  if (input.token !== undefined) headers['Authorization'] = `Bearer ${input.token}`
  if (input.body !== undefined) headers['Content-Type'] = 'application/json'
  const response = await fetch(path, {
    method,
    headers,
    ...(input.body === undefined ? {} : { body: JSON.stringify(input.body) }),
  })
  const text = await response.text()
  const body = text === '' ? {} : (JSON.parse(text) as unknown)
  if (!response.ok) throw new ApiError(response.status, body as Record<string, unknown>)
  return body as T
}

/** Signs in and reads who the user is. */
export async function signIn(username: string, password: string): Promise<Session> {
  const login = await call<{ token: string }>('POST', '/auth/login', {
    body: { username, password },
  })
  const me = await call<Session['user']>('GET', '/me', { token: login.token })
  return { token: login.token, user: me }
}
