import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { demoCatalog, demoConfigurator, demoProduct, demoRules } from '../../test/demo-product.js'
import { compileRuleset } from '../rules/ruleset.js'
import { VERSION } from '../version.js'
import { consolidateBoms } from './consolidate.js'
import { rollUpCost } from './cost.js'
import { customPartsOf } from './custom-parts.js'
import { applyLineChanges, diffBoms, diffLines } from './diff.js'
import type { BomDocument } from './document.js'
import { createBomDocument, hashLines, hashRuleset } from './document.js'
import { bomToCsv, bomToText } from './export.js'

const configurator = demoConfigurator()
const now = new Date('2026-11-25T12:00:00Z')

function documentOf(configuration: unknown, previous?: BomDocument): BomDocument {
  const result = createBomDocument(
    configurator,
    configuration,
    previous === undefined ? { now } : { now, previous },
  )
  if (!result.ok) throw new Error(JSON.stringify(result.findings))
  return result.document
}

const sink = {
  lengthIn: 60,
  basins: [{ size: '20X20', light: true }, { size: { widthIn: 28.5, lengthIn: 20 } }],
  accessories: [{ id: 'LIGHT', quantity: 1 }],
}

describe('createBomDocument()', () => {
  it('holds the header, the lines, the exploded tree and the flattened parts', () => {
    const document = documentOf({ ...sink, lengthIn: 90 })
    expect(document).toMatchObject({
      format: 'torvan-bom/1',
      product: 'DEMO',
      revision: 1,
      parent: null,
      generatedAt: '2026-11-25T12:00:00.000Z',
      generator: { version: VERSION },
    })
    expect(document.tree.find((line) => line.id === 'BODY-L')).toBeDefined()
    const body = documentOf(sink).tree.find((line) => line.id === 'BODY-S')
    expect(body?.children).toEqual([
      { id: 'SCREW', name: 'SCREW', number: null, quantity: '4', children: [] },
    ])
    expect(documentOf(sink).flat.map((line) => `${line.quantity} ${line.id}`)).toEqual([
      '1 BASIN-28.5x20',
      '2 BASIN-KIT',
      '1 BASIN20X20',
      '2 LIGHT',
      '4 SCREW',
    ])
  })

  it('gives the same hashes for the same inputs, whatever the time or key order', () => {
    const a = documentOf(sink)
    const b = createBomDocument(
      configurator,
      JSON.parse(
        JSON.stringify({ accessories: sink.accessories, basins: sink.basins, lengthIn: 60 }),
      ) as unknown,
      { now: new Date(0) },
    )
    expect(b.ok && b.document.hashes).toEqual(a.hashes)
  })

  it('makes revision n+1 after a change, pointing at its parent, and keeps the revision when nothing changed', () => {
    const first = documentOf(sink)
    const same = documentOf(sink, first)
    expect([same.revision, same.parent]).toEqual([1, null])
    const second = documentOf({ ...sink, lengthIn: 70 }, first)
    expect([second.revision, second.parent]).toEqual([2, first.hashes.content])
    const third = documentOf({ ...sink, lengthIn: 75 }, second)
    expect([third.revision, third.parent, third.hashes.content === second.hashes.content]).toEqual([
      3,
      second.hashes.content,
      true,
    ])
  })

  it('gives no document for a configuration with errors', () => {
    const result = createBomDocument(configurator, { lengthIn: 10, basins: [] })
    expect(result.ok).toBe(false)
  })
})

const lineArbitrary = fc.record({
  id: fc.constantFrom('A', 'B', 'C', 'D', 'E'),
  quantity: fc.integer({ min: 1, max: 9 }).map(String),
})
const linesArbitrary = fc.uniqueArray(lineArbitrary, { selector: (line) => line.id, maxLength: 5 })

describe('diffs', () => {
  it('are empty between a BOM and itself', () => {
    fc.assert(
      fc.property(linesArbitrary, (lines) => {
        expect(diffLines(lines, lines)).toEqual({ added: [], removed: [], changed: [] })
      }),
    )
  })

  it('turn a into b when applied to a', () => {
    fc.assert(
      fc.property(linesArbitrary, linesArbitrary, (a, b) => {
        const sorted = [...b].sort((x, y) => (x.id < y.id ? -1 : 1))
        expect(applyLineChanges(a, diffLines(a, b))).toEqual(sorted)
      }),
    )
  })

  it('compare documents on their top-level lines and flattened parts', () => {
    const diff = diffBoms(documentOf(sink), documentOf({ ...sink, lengthIn: 90, accessories: [] }))
    expect(diff.lines).toEqual({
      added: [{ id: 'BODY-L', quantity: '1' }],
      removed: [{ id: 'BODY-S', quantity: '1' }],
      changed: [{ id: 'LIGHT', from: '2', to: '1' }],
    })
    expect(diff.flat.removed.map((line) => line.id)).toEqual(['SCREW'])
  })
})

describe('content hashes', () => {
  it('change when and only when a line changes', () => {
    fc.assert(
      fc.property(linesArbitrary, linesArbitrary, (a, b) => {
        const asLines = (lines: typeof a) =>
          lines.map((line) => ({
            ...line,
            name: line.id,
            number: null,
            custom: false,
            rules: [],
            elements: [],
          }))
        const same = JSON.stringify(asLines(a)) === JSON.stringify(asLines(b))
        expect(hashLines(asLines(a)) === hashLines(asLines(b))).toBe(same)
      }),
    )
  })
})

describe('consolidateBoms()', () => {
  it('sums several sinks, each line remembering its build numbers, totals equal to the sum of the sinks', () => {
    const a = documentOf(sink)
    const b = documentOf({ ...sink, lengthIn: 90 })
    const order = consolidateBoms([
      { lines: a.lines, flat: a.flat, buildNumber: 'B-1' },
      { lines: b.lines, flat: b.flat, buildNumber: 'B-2' },
    ])
    expect(order.lines.find((line) => line.id === 'BASIN-KIT')).toMatchObject({
      quantity: '4',
      builds: ['B-1', 'B-2'],
    })
    expect(order.lines.find((line) => line.id === 'BODY-L')).toMatchObject({
      quantity: '1',
      builds: ['B-2'],
    })
    const prices = {
      currency: 'USD',
      prices: {
        'BASIN-KIT': '10.25',
        BASIN20X20: '3',
        LIGHT: '0.1',
        SCREW: '0.0125',
        SHELF: '7',
        'BASIN-28.5x20': '99.99',
      },
    }
    const sum = Number(rollUpCost(a.flat, prices).total) + Number(rollUpCost(b.flat, prices).total)
    expect(Number(rollUpCost(order.flat, prices).total)).toBeCloseTo(sum, 10)
  })
})

describe('rollUpCost()', () => {
  it('totals in exact decimals and reports an unpriced item instead of counting it as zero', () => {
    const cost = rollUpCost(
      [
        { id: 'A', name: 'A', quantity: '3' },
        { id: 'B', name: 'B', quantity: '1' },
      ],
      { currency: 'USD', prices: { A: '0.1' } },
    )
    expect(cost).toEqual({
      currency: 'USD',
      lines: [
        { id: 'A', quantity: '3', unitCost: '0.1', total: '0.3' },
        { id: 'B', quantity: '1', unitCost: null, total: null },
      ],
      total: '0.3',
      complete: false,
      unpriced: ['B'],
    })
  })
})

describe('exports', () => {
  it('writes RFC 4180 CSV that keeps quotes and commas in ids and names intact', () => {
    const document = documentOf(sink)
    const odd = {
      ...document,
      tree: [
        {
          id: '8-32 PAN HEAD, "1/2"',
          name: 'SCREW ¼″',
          number: '700.1',
          quantity: '2',
          children: [],
        },
      ],
    }
    const csv = bomToCsv(odd, {
      prices: { currency: 'USD', prices: { '8-32 PAN HEAD, "1/2"': '0.05' } },
    })
    expect(csv).toBe(
      '\ufefflevel,path,number,id,name,quantity,unit_cost,line_total\r\n1,"8-32 PAN HEAD, ""1/2""",700.1,"8-32 PAN HEAD, ""1/2""",SCREW ¼″,2,0.05,0.1\r\n',
    )
  })

  it('rolls costs up the tree and leaves an assembly blank when a part below it has no price', () => {
    const csv = bomToCsv(documentOf(sink), {
      prices: { currency: 'USD', prices: { SCREW: '0.5' } },
    })
    expect(csv).toContain(
      '1,BODY-S,,BODY-S,SHORT BODY,1,2,2\r\n2,BODY-S > SCREW,,SCREW,SCREW,4,0.5,2\r\n',
    )
    expect(csv).toContain('1,BASIN-KIT,,BASIN-KIT,BASIN KIT,2,,\r\n')
  })

  it('writes an indented text tree', () => {
    expect(bomToText(documentOf(sink)).split('\n').slice(0, 2)).toEqual([
      '1 × BODY-S  SHORT BODY',
      '  4 × SCREW  SCREW',
    ])
  })
})

describe('custom parts', () => {
  it('are the custom lines of a BOM, with their family and specification', () => {
    expect(customPartsOf(documentOf(sink).lines)).toEqual([
      {
        id: 'BASIN-28.5x20',
        name: 'CUSTOM BASIN 28.5 X 20',
        family: '720.1',
        spec: { widthIn: 28.5, lengthIn: 20 },
      },
    ])
  })
})

describe('hashRuleset()', () => {
  it('does not depend on the folder the rules were read from, nor on the order of the files', () => {
    const at = (folder: string, files: { file: string; content: unknown }[]) =>
      compileRuleset(
        {
          product: { file: `${folder}/product.json`, content: demoProduct },
          rules: files.map((f) => ({ ...f, file: `${folder}/${f.file}` })),
        },
        { catalog: demoCatalog },
      ).ruleset
    const a = at('/home/a/rules/demo', [
      { file: 'main.json', content: demoRules },
      { file: 'more.json', content: { rules: [] } },
    ])
    const b = at('C:\\\\work\\\\rules\\\\demo', [
      { file: 'more.json', content: { rules: [] } },
      { file: 'main.json', content: demoRules },
    ])
    if (a === undefined || b === undefined) throw new Error('no ruleset')
    expect(hashRuleset(a)).toBe(hashRuleset(b))
  })
})
