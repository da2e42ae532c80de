import type { IssueCode } from '../issue-codes.js'
import { templateText } from '../util.js'
import { isObject } from '../util.js'
import type { Issue, PathSegment } from '../issues.js'
import { didYouMean } from '../text/suggest.js'
import type { CustomOperators } from './custom-operators.js'
import { literalProblem, operandIssues } from './operand-check.js'
import { DECORATOR_NAMES, OPERATOR_NAMES, resolveOperator } from './operators.js'
import { compileFactPath, parseJsonPath, readSegmentsOf } from './path.js'
import type { Comparison, ResolvedOperator } from './operators.js'
import type { Shape } from './shape.js'
import { ANY, BOOLEAN, NUMBER, STRING, enumValues, unionOf, walkShape } from './shape.js'
import { comparedValueProblems } from './value-check.js'
import { assembled, comparison, folded, literalExpression } from './closures.js'
import type { Each } from './closures.js'
import { bindElement } from './element-binding.js'
import type { ReadPattern } from './read-pattern.js'
import type { EXPRESSION_KEYS, Iteration } from './schema.js'
import { ANY_INDEX, SHALLOW } from './read-pattern.js'

/** The facts of one evaluation, by slot; compiled code reads `values[slot]`. */
export type Values = unknown[]
export type Predicate = (values: Values) => boolean
export type Getter = (values: Values) => unknown

/** What the compiler knows of a fact. */
export interface FactDef {
  name: string
  slot: number
  shape: Shape
  /** the configuration paths its value depends on */
  reads: ReadPattern[]
}

export type Scope = ReadonlyMap<string, FactDef>

export interface Compiled<TFn> {
  fn: TFn
  reads: ReadPattern[]
}

/** A condition leaf comparing a fact with a literal, kept for the static reachability checks. */
export interface LeafInfo {
  at: PathSegment[]
  /** the fact and path as a reader writes them: `sink.lengthIn` */
  label: string
  slot: number
  segments: readonly PathSegment[]
  shape: Shape
  operator: string
  value: unknown
  compare: Comparison
}

/** operators the reachability checks can reason about: plain comparisons, maybe negated */
const READABLE =
  /^(not:)*(equal|notEqual|in|notIn|lessThan|lessThanInclusive|greaterThan|greaterThanInclusive)$/

/** `sink` and `$.lengthIn` as one label: `sink.lengthIn` */
function factLabel(fact: string, path: string | undefined): string {
  if (path === undefined) return fact
  const rest = path.startsWith('$') ? path.slice(1) : path
  return rest === '' ? fact : /^[A-Za-z_$]/.test(rest) ? `${fact}.${rest}` : `${fact}${rest}`
}

/** A template such as `T2-ADW-BASIN{basin.size}`, compiled. */
export interface CompiledTemplate extends Compiled<(values: Values) => string> {
  /** the literal text when there are no placeholders */
  constant?: string
  parts: ({ text: string } | { shape: Shape; label: string })[]
}

/** an operator that resolved, with its comparison and the operands it declares */
type Resolved = Extract<ResolvedOperator, { ok: true }>

/** a leaf's value failed to compile (its issue is recorded): the leaf never holds */
const FAILED = Symbol('failed')

const FALSE: Predicate = () => false
const TRUE: Predicate = () => true
const UNDEFINED: Getter = () => undefined

/**
 * Compiles conditions, expressions and templates of one file into plain functions, collecting every
 * problem as an issue with the file and JSON path. Its input has passed the rule file schemas
 * (rules/schema.ts), so it checks what they cannot say, not the shape they already checked.
 */
export class Compiler {
  readonly issues: Issue[] = []
  /** the file's shared conditions by name, for `{ "condition": name }` references */
  sharedConditions: ReadonlyMap<string, unknown> = new Map()
  /** a developer's operators and decorators (compileRuleset's `operators`) */
  customOperators: CustomOperators | undefined
  #nextSlot: number
  /** the shared conditions being compiled, innermost last (a reference to one of them is a cycle) */
  readonly #realizing: string[] = []
  /** issues already recorded: a shared condition compiled at each reference reports once */
  readonly #seen = new Set<string>()
  /** leaves that compare a fact with a literal, by their JSON path */
  readonly leaves = new Map<string, LeafInfo>()

  constructor(
    readonly file: string,
    firstSlot: number,
  ) {
    this.#nextSlot = firstSlot
  }

  get slotCount(): number {
    return this.#nextSlot
  }

  allocate(): number {
    return this.#nextSlot++
  }

  /** Records a warning: the rules compile, but something in them does not do what it says. */
  warn(path: PathSegment[], code: IssueCode, problem: { message: string; hint: string }): void {
    this.issues.push({ code, severity: 'warning', file: this.file, path, ...problem })
  }

  /** Records an error; `problem` is its message, or its message and a hint such as a did-you-mean. */
  error(
    path: PathSegment[],
    code: IssueCode,
    problem: string | { message: string; hint: string | undefined },
  ): void {
    const { message, hint } =
      typeof problem === 'string' ? { message: problem, hint: undefined } : problem
    const key = JSON.stringify([path, code, message])
    if (this.#seen.has(key)) return
    this.#seen.add(key)
    this.issues.push({
      code,
      severity: 'error',
      file: this.file,
      path,
      message,
      ...(hint === undefined ? {} : { hint }),
    })
  }

  /** A fact by name, or an issue naming the closest facts. */
  lookupFact(scope: Scope, name: string, path: PathSegment[]): FactDef | undefined {
    const fact = scope.get(name)
    if (fact !== undefined) return fact
    const hint = didYouMean(name, scope.keys())
    this.error(path, 'unknown_fact', { message: `unknown fact ${JSON.stringify(name)}`, hint })
    return undefined
  }

  /** Reads `fact` at `path` (a JSONPath string) with json-rules-engine's semantics. */
  factReader(
    scope: Scope,
    ref: { fact: string; path?: string | undefined },
    at: PathSegment[],
  ): (Compiled<Getter> & { shape: Shape; slot: number; segments: PathSegment[] }) | undefined {
    const fact = this.lookupFact(scope, ref.fact, [...at, 'fact'])
    if (fact === undefined) return undefined
    let segments: PathSegment[] = []
    if (ref.path !== undefined) {
      const parsed = parseJsonPath(ref.path)
      if (!parsed.ok) {
        this.error(
          [...at, 'path'],
          'invalid_path',
          `${JSON.stringify(ref.path)}: ${parsed.message}`,
        )
        return undefined
      }
      segments = parsed.segments
    }
    const walked = walkShape(fact.shape, segments)
    if (!walked.ok) {
      const hint = typeof walked.key === 'string' ? didYouMean(walked.key, walked.known) : undefined
      const where = segments
        .slice(0, walked.at)
        .map((s) => (typeof s === 'number' ? `[${s}]` : `.${s}`))
        .join('')
      this.error([...at, 'path'], 'unknown_path', {
        message: `fact ${JSON.stringify(ref.fact)} has no ${JSON.stringify(walked.key)} at $${where} (it has ${walked.known.map((k) => JSON.stringify(k)).join(', ')})`,
        hint,
      })
      return undefined
    }
    const slot = fact.slot
    const read = readSegmentsOf(segments)
    const reads = fact.reads.map((pattern) => [...pattern, ...read])
    const path = compileFactPath(segments)
    const fn: Getter =
      segments.length === 0 ? (values) => values[slot] : (values) => path(values[slot])
    return { fn, reads, shape: walked.shape, slot, segments }
  }

  /** Compiles a json-rules-engine condition into a predicate. */
  condition(input: unknown, at: PathSegment[], scope: Scope): Compiled<Predicate> {
    // ConditionSchema made it an object
    const node = input as Record<string, unknown>
    const kinds = (['all', 'any', 'not', 'fact', 'condition'] as const).filter(
      (k) => node[k] !== undefined,
    )
    if (kinds.length !== 1) {
      this.error(
        at,
        'malformed_condition',
        kinds.length === 0
          ? 'a condition needs one of "all", "any", "not" or "fact"'
          : `a condition has one of "all", "any", "not" or "fact", not ${kinds.map((k) => JSON.stringify(k)).join(' and ')}`,
      )
      return { fn: FALSE, reads: [] }
    }
    const kind = kinds[0] as 'all' | 'any' | 'not' | 'fact' | 'condition'
    switch (kind) {
      case 'all':
      case 'any': {
        const list = node[kind] as unknown[]
        const parts = list.map((child, i) => this.condition(child, [...at, kind, i], scope))
        const fns = parts.map((p) => p.fn)
        const reads = parts.flatMap((p) => p.reads)
        // json-rules-engine: an empty "all" and an empty "any" both hold
        if (fns.length === 0) return { fn: TRUE, reads }
        const fn: Predicate =
          kind === 'all'
            ? (values) => {
                for (const f of fns) if (!f(values)) return false
                return true
              }
            : (values) => {
                for (const f of fns) if (f(values)) return true
                return false
              }
        return { fn, reads }
      }
      case 'not': {
        const inner = this.condition(node['not'], [...at, 'not'], scope)
        return { fn: (values) => !inner.fn(values), reads: inner.reads }
      }
      case 'condition':
        return this.reference(node, at, scope)
      case 'fact':
        return this.leaf(node, at, scope)
    }
  }

  /** `{ "condition": name }`: the file's shared condition of that name, compiled in place */
  private reference(
    node: Record<string, unknown>,
    at: PathSegment[],
    scope: Scope,
  ): Compiled<Predicate> {
    const name = node['condition'] as string
    const extra = Object.keys(node).filter((key) => key !== 'condition' && key !== 'name')
    if (extra.length > 0) {
      this.error(
        [...at, extra[0] as string],
        'malformed_condition',
        `a condition reference holds only "condition" (and "name"), not ${JSON.stringify(extra[0])}`,
      )
      return { fn: FALSE, reads: [] }
    }
    if (!this.sharedConditions.has(name)) {
      const known = [...this.sharedConditions.keys()]
      this.error([...at, 'condition'], 'unknown_condition', {
        message: `unknown shared condition ${JSON.stringify(name)}${known.length === 0 ? '; this file declares none (declare it under "conditions")' : ''}`,
        hint: didYouMean(name, known),
      })
      return { fn: FALSE, reads: [] }
    }
    if (this.#realizing.includes(name)) {
      const loop = [...this.#realizing.slice(this.#realizing.indexOf(name)), name]
      this.error(['conditions', name], 'condition_cycle', {
        message: `shared condition ${JSON.stringify(name)} refers to itself: ${loop.join(' → ')}`,
        hint: undefined,
      })
      return { fn: FALSE, reads: [] }
    }
    this.#realizing.push(name)
    try {
      return this.condition(this.sharedConditions.get(name), ['conditions', name], scope)
    } finally {
      this.#realizing.pop()
    }
  }

  private leaf(
    node: Record<string, unknown>,
    at: PathSegment[],
    scope: Scope,
  ): Compiled<Predicate> {
    // ConditionSchema made fact and path text
    const { fact, path, operator } = node as { fact: string; path?: string; operator?: unknown }
    if (node['params'] !== undefined) this.refuseParams([...at, 'params'])
    const left = this.factReader(scope, { fact, path }, at)
    if (typeof operator !== 'string') {
      this.error(
        [...at, 'operator'],
        'malformed_condition',
        `"operator" is missing; use one of ${OPERATOR_NAMES.join(', ')}`,
      )
      return { fn: FALSE, reads: [] }
    }
    const resolved = this.leafOperator(operator, at)
    if (resolved === undefined) return { fn: FALSE, reads: [] }
    if (!Object.hasOwn(node, 'value')) {
      this.error(at, 'malformed_condition', 'the condition has no "value" to compare with')
      return { fn: FALSE, reads: [] }
    }
    const value = node['value']
    const right = this.leafValue(scope, { fact, path, operator, left, resolved, value }, at)
    if (right === FAILED || left === undefined) return { fn: FALSE, reads: [] }
    if (resolved.declared !== undefined) {
      const problems = operandIssues(resolved.declared, {
        fact,
        path,
        left: left.shape,
        value,
        right,
      })
      for (const problem of problems) this.error([...at, problem.key], 'operand_type', problem)
    }
    const compare = resolved.compare
    if (right === undefined && READABLE.test(operator))
      this.leaves.set(JSON.stringify(at), {
        at,
        label: factLabel(fact, path),
        slot: left.slot,
        segments: left.segments,
        shape: left.shape,
        operator,
        value,
        compare,
      })
    return comparison(left, { operator, compare, value, right })
  }

  /** A leaf's operator, with its decorators, or an issue naming the closest ones. */
  private leafOperator(operator: string, at: PathSegment[]): Resolved | undefined {
    const resolved = resolveOperator(operator, this.customOperators)
    if (resolved.ok) return resolved
    const operators = [...OPERATOR_NAMES, ...Object.keys(this.customOperators?.operators ?? {})]
    const decorators = [...DECORATOR_NAMES, ...Object.keys(this.customOperators?.decorators ?? {})]
    const hint = didYouMean(
      resolved.unknown,
      resolved.decorator ? decorators : [...operators, ...decorators],
    )
    this.error([...at, 'operator'], 'unknown_operator', {
      message: `unknown ${resolved.decorator ? 'decorator' : 'operator'} ${JSON.stringify(resolved.unknown)}`,
      hint,
    })
    return undefined
  }

  /**
   * A leaf's value: another fact's reader for `{ fact, path }`, else undefined for a literal (checked
   * against the operator and the fact it is compared with), or FAILED after an issue.
   */
  private leafValue(
    scope: Scope,
    leaf: {
      fact: string
      path: string | undefined
      operator: string
      left: { shape: Shape } | undefined
      resolved: Resolved
      value: unknown
    },
    at: PathSegment[],
  ): (Compiled<Getter> & { shape: Shape }) | undefined | typeof FAILED {
    const { operator, left, value } = leaf
    if (isObject(value) && Object.hasOwn(value, 'fact')) {
      // json-rules-engine: a value of { fact, path } reads another fact
      if (typeof value['fact'] !== 'string') {
        this.error([...at, 'value', 'fact'], 'malformed_condition', '"fact" is the name of a fact')
        return FAILED
      }
      if (value['params'] !== undefined) this.refuseParams([...at, 'value', 'params'])
      const path = typeof value['path'] === 'string' ? value['path'] : undefined
      return this.factReader(scope, { fact: value['fact'], path }, [...at, 'value']) ?? FAILED
    }
    if (leaf.resolved.value !== undefined) {
      const problem = literalProblem(leaf.resolved.value, value, [...at, 'value'])
      if (problem !== undefined) {
        this.error(problem.path, problem.code, {
          message: `operator ${JSON.stringify(operator)} ${problem.message}`,
          hint: problem.hint,
        })
        return FAILED
      }
    }
    if (left !== undefined) {
      this.checkEnumValue(left.shape, { operator, value }, [...at, 'value'])
      this.checkValueType(left, { operator, value, fact: factLabel(leaf.fact, leaf.path) }, at)
    }
    return undefined
  }

  /** json-rules-engine passes params to a fact's function; a configurator fact is a value */
  private refuseParams(at: PathSegment[]): void {
    this.error(at, 'unsupported', {
      message:
        'fact params are not supported: a fact here is a value of the configuration, not a function',
      hint: 'read a part of the fact with "path" (e.g. "$.size.widthIn"), or declare a derived fact in product.json (docs/rules.md#derived-facts)',
    })
  }

  /** A literal compared with a fact must be of the fact's type, and the operator must suit the fact. */
  private checkValueType(
    left: { shape: Shape },
    compared: { operator: string; value: unknown; fact: string },
    at: PathSegment[],
  ): void {
    for (const problem of comparedValueProblems(left.shape, compared)) {
      this.error([...at, ...problem.path], problem.code, {
        message: problem.message,
        hint: problem.hint,
      })
    }
  }

  /** A literal compared with an enum option must be one of its values. */
  private checkEnumValue(
    shape: Shape,
    compared: { operator: string; value: unknown },
    at: PathSegment[],
  ): void {
    const { operator, value } = compared
    const allowed = enumValues(shape)
    if (allowed === undefined) return
    const base = operator.split(':').pop()
    const candidates: [unknown, PathSegment[]][] =
      (base === 'in' || base === 'notIn') && Array.isArray(value)
        ? value.map((v, i) => [v, [...at, i]])
        : base === 'equal' || base === 'notEqual'
          ? [[value, at]]
          : []
    for (const [candidate, path] of candidates) {
      if (typeof candidate !== 'string' || allowed.includes(candidate)) continue
      this.error(path, 'unknown_value', {
        message: `${JSON.stringify(candidate)} is not a value this option can take (${allowed.map((v) => JSON.stringify(v)).join(', ')})`,
        hint: didYouMean(candidate, allowed),
      })
    }
  }

  /** Binds an iteration's element, index and number facts in a child scope. */
  iteration(
    iteration: Iteration,
    at: PathSegment[],
    binding: { scope: Scope; elementIndex: number },
  ): { list: Compiled<Getter>; scope: Scope; slots: [number, number, number] } | undefined {
    const { scope, elementIndex } = binding
    const { list: listRef, as } = iteration
    const ref = typeof listRef === 'string' ? { fact: listRef } : listRef
    const reader = this.factReader(scope, ref, typeof listRef === 'string' ? at : [...at, 'list'])
    if (reader === undefined) return undefined
    const itemShape =
      reader.shape.kind === 'list'
        ? reader.shape.items
        : reader.shape.kind === 'any'
          ? ANY
          : undefined
    if (itemShape === undefined) {
      this.error(
        [...at, 'list'],
        'not_a_list',
        `${JSON.stringify(ref.fact)}${ref.path ?? ''} is not a list`,
      )
      return undefined
    }
    for (const name of [as, `${as}Index`, `${as}Number`]) {
      if (scope.has(name))
        this.error(
          [...at, 'as'],
          'shadowed_fact',
          `"${name}" is already a fact; choose another name for the element`,
        )
    }
    const slots: [number, number, number] = [this.allocate(), this.allocate(), this.allocate()]
    const child = new Map(scope)
    const elementReads = reader.reads.map((pattern) => [...pattern, elementIndex])
    child.set(as, { name: as, slot: slots[0], shape: itemShape, reads: elementReads })
    child.set(`${as}Index`, { name: `${as}Index`, slot: slots[1], shape: NUMBER, reads: [] })
    child.set(`${as}Number`, { name: `${as}Number`, slot: slots[2], shape: NUMBER, reads: [] })
    const list = { fn: reader.fn, reads: reader.reads.map((pattern) => [...pattern, SHALLOW]) }
    return { list, scope: child, slots }
  }

  /** Compiles an expression (docs/rules.md#derived-facts). */
  expression(node: unknown, at: PathSegment[], scope: Scope): Compiled<Getter> & { shape: Shape } {
    const literal = literalExpression(node)
    if (literal !== undefined) return literal
    // ExpressionSchema made anything else an object of its keys (an unknown key is its issue)
    const object = node as Record<string, unknown>
    const keys = Object.keys(object).filter((k) => k !== 'path' && k !== 'else')
    if (keys.length !== 1) {
      this.error(
        at,
        'malformed_expression',
        keys.length === 0
          ? 'an expression object needs one operator such as "fact", "count", "sum", "cases" or "lookup"'
          : `an expression object has one operator, not ${keys.map((k) => JSON.stringify(k)).join(' and ')}`,
      )
      return { fn: UNDEFINED, reads: [], shape: ANY }
    }
    const key = keys[0] as (typeof EXPRESSION_KEYS)[number]
    const body = object[key]
    const failed = { fn: UNDEFINED, reads: [], shape: ANY }
    switch (key) {
      case 'fact': {
        const { path } = object as { path?: string }
        return this.factReader(scope, { fact: body as string, path }, at) ?? failed
      }
      case 'literal':
        return {
          fn: () => body,
          reads: [],
          shape: typeof body === 'string' ? { kind: 'string', values: [body] } : ANY,
        }
      case 'count':
      case 'some':
      case 'sum':
      case 'collect':
        return this.iterationExpression({ kind: key, body }, [...at, key], scope)
      case 'condition': {
        const condition = this.condition(body, [...at, key], scope)
        return { ...condition, shape: BOOLEAN }
      }
      case 'cases':
        return this.casesExpression({ body, otherwise: object['else'] }, at, scope)
      case 'lookup':
        return this.lookupExpression(body, [...at, key], scope)
      case 'format': {
        const template = this.template(body as string, [...at, key], scope)
        return { fn: template.fn, reads: template.reads, shape: STRING }
      }
      case 'add':
      case 'subtract':
      case 'multiply':
      case 'min':
      case 'max':
        return this.arithmetic({ kind: key, body }, [...at, key], scope)
    }
  }

  private iterationExpression(
    expression: { kind: 'count' | 'some' | 'sum' | 'collect'; body: unknown },
    at: PathSegment[],
    scope: Scope,
  ): Compiled<Getter> & { shape: Shape } {
    const { kind } = expression
    // ExpressionSchema made it an iteration with "where" and, for sum and collect, a "value"
    const body = expression.body as Iteration & { where?: unknown; value?: unknown }
    const bound = this.iteration(body, at, { scope, elementIndex: ANY_INDEX })
    if (bound === undefined) return { fn: UNDEFINED, reads: [], shape: ANY }
    const where =
      body.where === undefined
        ? undefined
        : this.condition(body.where, [...at, 'where'], bound.scope)
    const value =
      kind === 'sum' || kind === 'collect'
        ? this.expression(body.value, [...at, 'value'], bound.scope)
        : undefined
    const slots = bound.slots
    const list = bound.list.fn
    const test = where?.fn
    const get = value?.fn ?? UNDEFINED
    const reads = [...bound.list.reads, ...(where?.reads ?? []), ...(value?.reads ?? [])]
    const each: Each = (values, visit) => {
      const items = list(values)
      if (!Array.isArray(items)) return
      for (let i = 0; i < items.length; i++) {
        bindElement(values, slots, { list: items, index: i })
        if (test !== undefined && !test(values)) continue
        if (visit(values) === false) return
      }
    }
    return { ...folded(kind, { each, get, valueShape: value?.shape }), reads }
  }

  private casesExpression(
    expression: { body: unknown; otherwise: unknown },
    at: PathSegment[],
    scope: Scope,
  ): Compiled<Getter> & { shape: Shape } {
    const { otherwise } = expression
    // ExpressionSchema made it a list of { when, then }
    const body = expression.body as { when: unknown; then: unknown }[]
    const branches = body.map((branch, i) => {
      const where = [...at, 'cases', i]
      return {
        when: this.condition(branch.when, [...where, 'when'], scope),
        then: this.expression(branch.then, [...where, 'then'], scope),
      }
    })
    const fallback =
      otherwise === undefined
        ? { fn: () => null, reads: [], shape: { kind: 'null' } as Shape }
        : this.expression(otherwise, [...at, 'else'], scope)
    const whens = branches.map((b) => b.when.fn)
    const thens = branches.map((b) => b.then.fn)
    const otherwiseFn = fallback.fn
    return {
      fn: (values) => {
        for (let i = 0; i < whens.length; i++)
          if ((whens[i] as Predicate)(values)) return (thens[i] as Getter)(values)
        return otherwiseFn(values)
      },
      reads: [...branches.flatMap((b) => [...b.when.reads, ...b.then.reads]), ...fallback.reads],
      shape: unionOf([...branches.map((b) => b.then.shape), fallback.shape]),
    }
  }

  private lookupExpression(
    input: unknown,
    at: PathSegment[],
    scope: Scope,
  ): Compiled<Getter> & { shape: Shape } {
    // ExpressionSchema made it { key, table, else? }
    const body = input as { key: unknown; table: Record<string, unknown>; else?: unknown }
    const key = this.expression(body.key, [...at, 'key'], scope)
    const table = new Map(Object.entries(body.table))
    const allowed = enumValues(key.shape)
    if (allowed !== undefined) {
      for (const entry of table.keys()) {
        if (!allowed.includes(entry)) {
          this.error([...at, 'table', entry], 'unknown_value', {
            message: `the key can never be ${JSON.stringify(entry)} (it is one of ${allowed.map((v) => JSON.stringify(v)).join(', ')})`,
            hint: didYouMean(entry, allowed),
          })
        }
      }
    }
    const fallback =
      body.else === undefined ? undefined : this.expression(body.else, [...at, 'else'], scope)
    const fallbackFn = fallback?.fn ?? (() => null)
    const keyFn = key.fn
    const values = [...table.values()]
    const shape = unionOf([
      ...values.map((v): Shape =>
        typeof v === 'string'
          ? { kind: 'string', values: [v] }
          : typeof v === 'number'
            ? NUMBER
            : ANY,
      ),
      fallback?.shape ?? { kind: 'null' },
    ])
    return {
      fn: (v) => {
        const k = templateText(keyFn(v))
        return table.has(k) ? table.get(k) : fallbackFn(v)
      },
      reads: [...key.reads, ...(fallback?.reads ?? [])],
      shape,
    }
  }

  private arithmetic(
    expression: { kind: 'add' | 'subtract' | 'multiply' | 'min' | 'max'; body: unknown },
    at: PathSegment[],
    scope: Scope,
  ): Compiled<Getter> & { shape: Shape } {
    const { kind } = expression
    // ExpressionSchema made it a list of at least one value (of two for subtract)
    const body = expression.body as unknown[]
    const parts = body.map((part, i) => this.expression(part, [...at, i], scope))
    const fns = parts.map((p) => p.fn)
    const num = (v: unknown): number => (typeof v === 'number' ? v : Number.NaN)
    const reduce = {
      add: (a: number, b: number) => a + b,
      subtract: (a: number, b: number) => a - b,
      multiply: (a: number, b: number) => a * b,
      min: Math.min,
      max: Math.max,
    }[kind]
    return {
      fn: (values) => {
        let acc = num((fns[0] as Getter)(values))
        for (let i = 1; i < fns.length; i++) acc = reduce(acc, num((fns[i] as Getter)(values)))
        return acc
      },
      reads: parts.flatMap((p) => p.reads),
      shape: NUMBER,
    }
  }

  /** Compiles `text` with `{fact.path}` placeholders; `{{` and `}}` are literal braces. */
  template(text: string, at: PathSegment[], scope: Scope): CompiledTemplate {
    const parts: ({ text: string } | { get: Getter; shape: Shape; label: string })[] = []
    const reads: ReadPattern[] = []
    let literal = ''
    for (let i = 0; i < text.length; i++) {
      const ch = text[i] as string
      if ((ch === '{' || ch === '}') && text[i + 1] === ch) {
        literal += ch
        i++
        continue
      }
      if (ch === '}') {
        this.error(
          at,
          'malformed_template',
          `a lone "}" in ${JSON.stringify(text)}; write "}}" for a brace`,
        )
        continue
      }
      if (ch !== '{') {
        literal += ch
        continue
      }
      const end = text.indexOf('}', i)
      if (end < 0) {
        this.error(at, 'malformed_template', `"{" is never closed in ${JSON.stringify(text)}`)
        break
      }
      const reference = text.slice(i + 1, end).trim()
      i = end
      const reader = this.placeholder(reference, at, scope)
      if (reader === FAILED) continue
      if (literal !== '') parts.push({ text: literal })
      literal = ''
      if (reader === undefined) continue
      parts.push({ get: reader.fn, shape: reader.shape, label: reference })
      reads.push(...reader.reads)
    }
    if (literal !== '') parts.push({ text: literal })
    return assembled(parts, reads)
  }

  /** A template's `{fact.path}`: its reader, undefined for an unknown fact or path, FAILED for no fact name. */
  private placeholder(
    reference: string,
    at: PathSegment[],
    scope: Scope,
  ): (Compiled<Getter> & { shape: Shape }) | undefined | typeof FAILED {
    const match = /^([A-Za-z_$][A-Za-z0-9_$]*)(.*)$/.exec(reference)
    if (match === null) {
      this.error(at, 'malformed_template', `{${reference}} does not name a fact`)
      return FAILED
    }
    const [, fact, rest] = match as unknown as [string, string, string]
    return this.factReader(scope, { fact, path: rest === '' ? undefined : `$${rest}` }, at)
  }
}
