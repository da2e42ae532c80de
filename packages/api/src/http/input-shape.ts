import { ProblemError } from './problem.js'

/** how deeply a request's JSON may nest: a T2 configuration needs 5 levels */
const MAX_JSON_DEPTH = 32

type Where = 'body' | 'query' | 'params'

function refuse(path: string, message: string, code: string): never {
  throw new ProblemError('validation', `${path}: ${message}.`, {
    extensions: { errors: [{ path, message, code }] },
  })
}

/**
 * Checks what no schema can check cheaply before it recurses: that JSON nests at most
 * {@link MAX_JSON_DEPTH} levels, and that no string or key holds a NUL character (PostgreSQL text cannot
 * store one). Iterative, so a body nested 100,000 levels deep costs a loop, not the stack.
 */
export function checkInputShape(value: unknown, where: Where): void {
  const stack: { value: unknown; path: string; depth: number }[] = [
    { value, path: where, depth: 0 },
  ]
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const { value: current, path, depth } = next
    if (typeof current === 'string') {
      if (current.includes('\u0000'))
        refuse(path, 'must not contain a NUL character', 'nul_character')
      continue
    }
    if (typeof current !== 'object' || current === null) continue
    if (depth >= MAX_JSON_DEPTH) {
      refuse(path, `nests deeper than ${MAX_JSON_DEPTH} levels`, 'too_deep')
    }
    if (Array.isArray(current)) {
      current.forEach((element, index) => {
        stack.push({ value: element, path: `${path}[${index}]`, depth: depth + 1 })
      })
      continue
    }
    for (const [key, element] of Object.entries(current)) {
      if (key.includes('\u0000')) refuse(path, 'has a key with a NUL character', 'nul_character')
      stack.push({ value: element, path: `${path}.${key}`, depth: depth + 1 })
    }
  }
}
