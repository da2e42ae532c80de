// options() against brute force: on a small product, a value is allowed exactly when some valid full
// configuration agrees with the partial one and has the value
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Configurator } from '../index.js'
import { buildCatalog, compileRuleset, createConfigurator } from '../index.js'
import type { Interval, OptionDomain } from './options.js'
import { options } from './options.js'

const catalog = buildCatalog({
  categories: [{ code: '1', name: 'ALL' }],
  subcategories: [{ code: '1.1', categoryCode: '1', name: 'KITS' }],
  items: ['BODY-X', 'BODY-Y', 'BODY-Z', 'HOOK', 'RAIL', 'PEGBOARD'].map((id) => ({
    id,
    name: id,
    kind: 'part',
    subcategoryCode: '1.1',
  })),
}).catalog

const leaf = (fact: string, operator: string, value: unknown) => ({ fact, operator, value })
const at = (fact: string, path: string) => (operator: string, value: unknown) => ({
  fact,
  path,
  operator,
  value,
})
const error = (path: string, message: string) => ({ type: 'error', params: { path, message } })

const product = {
  product: 'SMALL',
  options: {
    a: { type: 'enum', values: ['X', 'Y', 'Z'], required: true },
    b: { type: 'boolean', default: false },
    n: { type: 'number', minimum: 0, maximum: 10, decimals: 1, required: true },
    p: {
      type: 'object',
      nullable: true,
      default: null,
      properties: { kind: { type: 'enum', values: ['K1', 'K2'], required: true } },
    },
    extras: {
      type: 'list',
      default: [],
      items: {
        type: 'object',
        properties: { id: { type: 'item', required: true, subcategories: ['1.1'] } },
      },
    },
  },
}

const rules = {
  rules: [
    {
      name: 'body',
      conditions: { all: [] },
      event: { type: 'add', params: { item: 'BODY-{a}' } },
    },
    {
      name: 'z-without-b',
      conditions: { all: [leaf('a', 'equal', 'Z'), leaf('b', 'equal', true)] },
      event: error('b', 'Z cannot have b'),
    },
    {
      name: 'short-no-pegboard',
      conditions: { all: [leaf('n', 'lessThan', 3), leaf('p', 'notEqual', null)] },
      event: error('p', 'a sink under 3 has no pegboard'),
    },
    {
      name: 'k2-not-x',
      conditions: { all: [at('p', '$.kind')('equal', 'K2'), leaf('a', 'equal', 'X')] },
      event: error('p.kind', 'K2 does not fit X'),
    },
    {
      name: 'hook-needs-pegboard',
      forEach: { list: 'extras', as: 'extra' },
      conditions: { all: [at('extra', '$.id')('equal', 'HOOK'), leaf('p', 'equal', null)] },
      event: error('extras[{extraIndex}].id', 'HOOK needs a pegboard'),
    },
    {
      name: 'rail-long-y',
      forEach: { list: 'extras', as: 'extra' },
      conditions: {
        all: [
          at('extra', '$.id')('equal', 'RAIL'),
          { any: [leaf('n', 'lessThanInclusive', 6.5), leaf('a', 'notEqual', 'Y')] },
        ],
      },
      event: error('extras[{extraIndex}].id', 'RAIL needs Y and more than 6.5'),
    },
    {
      name: 'y-short',
      conditions: { all: [leaf('n', 'greaterThanInclusive', 7), leaf('a', 'equal', 'Y')] },
      event: error('n', 'Y is shorter than 7'),
    },
  ],
}

const { ruleset, issues } = compileRuleset(
  {
    product: { file: 'product.json', content: product },
    rules: [{ file: 'rules.json', content: rules }],
  },
  { catalog },
)
if (ruleset === undefined) throw new Error(JSON.stringify(issues))
const configurator: Configurator = createConfigurator({ catalog, ruleset })

const A = ['X', 'Y', 'Z']
const B = [false, true]
const N = Array.from({ length: 101 }, (_, i) => i / 10)
const P = [null, { kind: 'K1' }, { kind: 'K2' }]
const IDS = ['BODY-X', 'BODY-Y', 'BODY-Z', 'HOOK', 'PEGBOARD', 'RAIL']

interface Full {
  a: string
  b: boolean
  n: number
  p: { kind: string } | null
  extras: { id: string }[]
}

/** every full configuration with these extras, and whether it is valid */
function fullConfigurations(extras: { id: string }[]): { config: Full; valid: boolean }[] {
  const out: { config: Full; valid: boolean }[] = []
  for (const a of A)
    for (const b of B)
      for (const n of N)
        for (const p of P) {
          const config = { a, b, n, p, extras }
          out.push({ config, valid: configurator.configure(config).ok })
        }
  return out
}

type Partial = Record<string, unknown>

const partials: fc.Arbitrary<Partial> = fc.record(
  {
    a: fc.constantFrom(...A),
    b: fc.boolean(),
    n: fc.constantFrom(...N),
    p: fc.constantFrom<unknown>(null, {}, { kind: 'K1' }, { kind: 'K2' }),
    extras: fc.array(
      fc.constantFrom(...IDS).map((id) => ({ id })),
      { maxLength: 2 },
    ),
  },
  { requiredKeys: [] },
)

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null

/** does the full configuration agree with the partial one on what the partial one sets? */
function agrees(full: Full, partial: Partial, except: string): boolean {
  for (const key of ['a', 'b', 'n'] as const) {
    if (key === except || partial[key] === undefined) continue
    if (full[key] !== partial[key]) return false
  }
  const p = partial['p']
  if (except === 'p' || p === undefined) return true
  if (p === null) return full.p === null
  const kind = isRecord(p) ? p['kind'] : undefined
  return full.p !== null && (kind === undefined || kind === full.p.kind)
}

function inInterval(value: number, interval: Interval): boolean {
  const above =
    interval.from === null ||
    value > interval.from ||
    (interval.fromInclusive && value === interval.from)
  const below =
    interval.to === null || value < interval.to || (interval.toInclusive && value === interval.to)
  return above && below
}

function domainAt(domains: OptionDomain[], path: string): OptionDomain {
  const domain = domains.find((d) => d.path === path)
  if (domain === undefined) throw new Error(`no option ${path}`)
  return domain
}

function expectDiscrete(domain: OptionDomain, value: unknown, possible: boolean): void {
  const allowed = domain.allowed.some((v) => JSON.stringify(v) === JSON.stringify(value))
  const ruledOut = domain.ruledOut.find((r) => JSON.stringify(r.value) === JSON.stringify(value))
  expect({ path: domain.path, value, allowed }).toEqual({
    path: domain.path,
    value,
    allowed: possible,
  })
  expect(ruledOut === undefined).toBe(possible)
  if (ruledOut !== undefined) expect(ruledOut.reasons.length).toBeGreaterThan(0)
}

describe('options() on a small product', () => {
  it('allows exactly the values that some valid completion has', () => {
    const tables = new Map<string, { config: Full; valid: boolean }[]>()
    const table = (extras: { id: string }[]) => {
      const key = JSON.stringify(extras)
      let found = tables.get(key)
      if (found === undefined) {
        found = fullConfigurations(extras)
        tables.set(key, found)
      }
      return found
    }
    fc.assert(
      fc.property(partials, (partial) => {
        const result = options(configurator, partial)
        expect(result.ok).toBe(true)
        const extras = (partial['extras'] ?? []) as { id: string }[]
        const rows = table(extras)
        const possible = (except: string, test: (full: Full) => boolean) =>
          rows.some((row) => row.valid && agrees(row.config, partial, except) && test(row.config))
        for (const a of A)
          expectDiscrete(
            domainAt(result.options, 'a'),
            a,
            possible('a', (f) => f.a === a),
          )
        for (const b of B)
          expectDiscrete(
            domainAt(result.options, 'b'),
            b,
            possible('b', (f) => f.b === b),
          )
        expectDiscrete(
          domainAt(result.options, 'p'),
          null,
          possible('p', (f) => f.p === null),
        )
        // choosing a pegboard keeps the one given, if any
        const given = partial['p'] as { kind?: string } | null | undefined
        expectDiscrete(
          domainAt(result.options, 'p'),
          {},
          possible('p', (f) => f.p !== null && (given?.kind ?? f.p.kind) === f.p.kind),
        )
        for (const kind of ['K1', 'K2']) {
          expectDiscrete(
            domainAt(result.options, 'p.kind'),
            kind,
            possible('p', (f) => f.p?.kind === kind),
          )
        }
        const n = domainAt(result.options, 'n')
        for (const value of N) {
          const allowed = n.intervals?.allowed.some((i) => inInterval(value, i)) ?? false
          const ruledOut = n.intervals?.ruledOut.some((r) => inInterval(value, r.interval)) ?? false
          const expected = possible('n', (f) => f.n === value)
          expect({ value, allowed }).toEqual({ value, allowed: expected })
          expect(ruledOut).toBe(!expected)
        }
        const add = domainAt(result.options, 'extras')
        for (const id of IDS) {
          const longer = table([...extras, { id }])
          const expected = longer.some((row) => row.valid && agrees(row.config, partial, ''))
          expectDiscrete(add, id, expected)
        }
        extras.forEach((_extra, i) => {
          const domain = domainAt(result.options, `extras[${String(i)}].id`)
          for (const id of IDS) {
            const changed = extras.map((e, j) => (j === i ? { id } : e))
            const expected = table(changed).some(
              (row) => row.valid && agrees(row.config, partial, ''),
            )
            expectDiscrete(domain, id, expected)
          }
        })
      }),
      { numRuns: 150 },
    )
  })

  it('gives the same JSON for the same input', () => {
    fc.assert(
      fc.property(partials, (partial) => {
        const copy = JSON.parse(JSON.stringify(partial)) as unknown
        expect(JSON.stringify(options(configurator, copy))).toBe(
          JSON.stringify(options(configurator, partial)),
        )
      }),
      { numRuns: 50 },
    )
  })
})
