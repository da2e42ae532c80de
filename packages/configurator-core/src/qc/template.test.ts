import { describe, expect, it } from 'vitest'
import { formatIssue } from '../issues.js'
import type { QcItem, QcTemplate } from './template.js'
import { parseQcTemplate } from './template.js'

/** A small valid template; tests change one thing in it. */
function base(): QcTemplate {
  return {
    id: 'demo',
    version: 'V01',
    name: 'Demo',
    formCode: 'DEMO.001.V01',
    kind: 'FINAL_QC',
    product: 'T2',
    passThreshold: 90,
    sections: [
      {
        id: 'A',
        title: 'Sink',
        items: [
          { id: 'A.1', label: 'Power bar installed', kind: 'CHECK' },
          { id: 'A.2', label: 'Pegboard', kind: 'CHECK_NA', when: { pegboard: true } },
        ],
      },
      {
        id: 'B',
        title: 'Basin',
        perBasin: true,
        items: [
          { id: 'B.1', label: 'Overflow sensor', kind: 'CHECK', when: { 'basin.type': 'E_DRAIN' } },
        ],
      },
    ],
  }
}

/** The formatted issues of the base template with one item of section A replaced by `item`. */
function itemIssues(item: Record<string, unknown>): string[] {
  const template = base()
  const section = template.sections[0]
  if (section === undefined) throw new Error('no section')
  section.items[0] = { id: 'A.1', label: 'Row', ...item } as QcItem
  return parseQcTemplate(template).issues.map(formatIssue)
}

describe('parseQcTemplate', () => {
  it('returns a valid template with no issues', () => {
    const result = parseQcTemplate(base())
    expect(result.issues).toEqual([])
    expect(result.template?.sections).toHaveLength(2)
  })

  it('names the file and every missing key at once', () => {
    expect(parseQcTemplate({ id: 'x', sections: [] }, { file: 'x.json' }).issues.map(formatIssue))
      .toMatchInlineSnapshot(`
        [
          "x.json: formCode: required: expected string",
          "x.json: kind: required: expected one of "PRE_QC" | "PRODUCTION_CHECK" | "FINAL_QC" | "END_OF_LINE_TEST"",
          "x.json: name: required: expected string",
          "x.json: passThreshold: required: expected number",
          "x.json: product: required: expected string",
          "x.json: sections: expected at least 1 entry, received 0",
          "x.json: version: required: expected string",
        ]
      `)
  })

  it('refuses what is not an object', () => {
    expect(parseQcTemplate([]).issues.map(formatIssue)).toMatchInlineSnapshot(`
      [
        "expected object, received an array",
      ]
    `)
  })

  it('names an unknown key with a did-you-mean', () => {
    expect(itemIssues({ kind: 'CHECK', lable: 'x' })).toMatchInlineSnapshot(`
      [
        "sections[0].items[0].lable: unknown key "lable" (did you mean "label"?)",
      ]
    `)
  })

  it('names an unknown item kind with a did-you-mean', () => {
    expect(itemIssues({ kind: 'CHEK' })).toMatchInlineSnapshot(`
      [
        "sections[0].items[0].kind: expected one of "CHECK" | "CHECK_NA" | "CHOICE" | "TEXT" | "NUM" | "DATE" | "SIG" | "PROC" | "TEST", received "CHEK" (did you mean "CHECK"?)",
      ]
    `)
  })

  it('refuses an id with "#", which would break the per-basin keys', () => {
    expect(itemIssues({ id: 'A#1', kind: 'CHECK' })).toMatchInlineSnapshot(`
      [
        "sections[0].items[0].id: expected letters, digits, ".", "_" or "-" (and no "#")",
      ]
    `)
  })

  it('names unknown facts and values in when, with did-you-means', () => {
    expect(
      itemIssues({
        kind: 'CHECK',
        when: { pegbord: true, 'legs.height': 'ADJUSTIBLE', any: [{ basinCount: [1, 4] }] },
      }),
    ).toMatchInlineSnapshot(`
      [
        "sections[0].items[0].when.any[0].basinCount[1]: expected one of 1 | 2 | 3, received 4",
        "sections[0].items[0].when["legs.height"]: expected one of "ADJUSTABLE" | "FIXED", received "ADJUSTIBLE" (did you mean "ADJUSTABLE"?)",
        "sections[0].items[0].when.pegbord: unknown fact "pegbord" (did you mean "pegboard"?)",
      ]
    `)
  })

  it("checks when and expectedFrom against the facts of the template's product", () => {
    expect(itemIssues({ kind: 'NUM', expectedFrom: 'shelves', when: { 'basins.typ': 'E_SINK' } }))
      .toMatchInlineSnapshot(`
        [
          "sections[0].items[0].expectedFrom: unknown fact "shelves"",
          "sections[0].items[0].when["basins.typ"]: unknown fact "basins.typ" (did you mean "basins.type"?)",
        ]
      `)
  })

  it('refuses a template for a product that declares no facts, naming the product', () => {
    const ws = { ...base(), product: 'WS' }
    expect(parseQcTemplate(ws, { file: 'ws-final.json' })).toMatchInlineSnapshot(`
      {
        "issues": [
          {
            "code": "product_without_facts",
            "file": "ws-final.json",
            "hint": "only T2 declares facts; a new product declares its facts in PRODUCT_FACTS, see docs/qc.md#facts-per-product",
            "message": "WS declares no facts, so there can be no QC template for it",
            "path": [
              "product",
            ],
            "severity": "error",
          },
        ],
        "template": undefined,
      }
    `)
    expect(parseQcTemplate({ ...base(), product: 't2' }).issues.map(formatIssue))
      .toMatchInlineSnapshot(`
        [
          "product: t2 declares no facts, so there can be no QC template for it (did you mean "T2"?)",
        ]
      `)
  })

  it('refuses a template that names no product', () => {
    const none: Record<string, unknown> = { ...base() }
    delete none['product']
    expect(parseQcTemplate(none).issues.map(formatIssue)).toMatchInlineSnapshot(`
      [
        "product: required: expected string",
      ]
    `)
  })

  it('refuses a basin fact on a row that is not repeated per basin', () => {
    expect(itemIssues({ kind: 'CHECK', when: { 'basin.type': 'E_DRAIN' } })).toMatchInlineSnapshot(`
      [
        "sections[0].items[0].when["basin.type"]: basin.type describes one basin, but this row is not repeated per basin (set "perBasin": true on the item or its section, or use "basins.type": some basin has the type)",
      ]
    `)
    expect(
      itemIssues({ kind: 'CHECK', perBasin: true, when: { 'basin.type': 'E_DRAIN' } }),
    ).toEqual([])
  })

  it('refuses keys that do not belong to the kind', () => {
    expect(
      itemIssues({ kind: 'CHECK', options: ['a'], tolerance: 1, unit: 'mm', procedure: ['x'] }),
    ).toMatchInlineSnapshot(`
        [
          "sections[0].items[0].options: a CHECK item has no options; only CHOICE items do",
          "sections[0].items[0].procedure: a CHECK item has no procedure; only PROC and TEST items do",
          "sections[0].items[0].tolerance: a tolerance needs "expected" (or "expectedFrom") to be around",
          "sections[0].items[0].tolerance: a CHECK item has no tolerance; only NUM and TEST items do",
          "sections[0].items[0].unit: a CHECK item has no unit; only NUM and TEST items do",
        ]
      `)
    expect(itemIssues({ kind: 'TEXT', expected: 'x' })).toMatchInlineSnapshot(`
      [
        "sections[0].items[0].expected: a TEXT item has no expected value; only NUM, TEST and CHOICE items do",
      ]
    `)
  })

  it('checks CHOICE options', () => {
    expect(itemIssues({ kind: 'CHOICE' })).toMatchInlineSnapshot(`
      [
        "sections[0].items[0]: a CHOICE item needs "options" or "perBasinOptions"",
      ]
    `)
    expect(itemIssues({ kind: 'CHOICE', options: ['YES', 'NO', 'YES'], expected: 'YSE' }))
      .toMatchInlineSnapshot(`
        [
          "sections[0].items[0].expected: expected "YSE" is not one of the options (did you mean "YES"?)",
          "sections[0].items[0].options[2]: option "YES" is listed twice",
        ]
      `)
    expect(itemIssues({ kind: 'CHOICE', options: ['a'], perBasinOptions: { '1': ['a'] } }))
      .toMatchInlineSnapshot(`
      [
        "sections[0].items[0].perBasinOptions: give "options" or "perBasinOptions", not both",
        "sections[0].items[0].perBasinOptions: perBasinOptions has no options for basin 2, 3 (a T2 sink has up to 3 basins: give options for "1", "2" and "3")",
        "sections[0].items[0].perBasinOptions: perBasinOptions need a row repeated per basin (set "perBasin": true on the item or its section)",
      ]
    `)
  })

  it('checks an option when with the row scope', () => {
    expect(
      itemIssues({ kind: 'CHOICE', options: [{ value: 'a', when: { 'basin.type': 'E_DRAIN' } }] }),
    ).toMatchInlineSnapshot(`
      [
        "sections[0].items[0].options[0].when["basin.type"]: basin.type describes one basin, but this row is not repeated per basin (set "perBasin": true on the item or its section, or use "basins.type": some basin has the type)",
      ]
    `)
    expect(itemIssues({ kind: 'CHOICE', options: [{ value: 'a', whne: { basinCount: 2 } }] }))
      .toMatchInlineSnapshot(`
      [
        "sections[0].items[0].options[0].whne: unknown key "whne" (did you mean "when"?)",
      ]
    `)
  })

  it('checks per-basin option sets', () => {
    expect(itemIssues({ kind: 'CHOICE', perBasinOptions: { '1': ['a'] } })).toMatchInlineSnapshot(`
      [
        "sections[0].items[0].perBasinOptions: perBasinOptions has no options for basin 2, 3 (a T2 sink has up to 3 basins: give options for "1", "2" and "3")",
        "sections[0].items[0].perBasinOptions: perBasinOptions need a row repeated per basin (set "perBasin": true on the item or its section)",
      ]
    `)
    expect(
      itemIssues({
        kind: 'CHOICE',
        perBasin: true,
        perBasinOptions: { '1': ['a'], '2': ['a'], '3': ['a'] },
      }),
    ).toEqual([])
  })

  it('checks expected values, tolerances and expectedFrom', () => {
    expect(itemIssues({ kind: 'NUM', expected: '40', tolerance: 2 })).toMatchInlineSnapshot(`
      [
        "sections[0].items[0].expected: a NUM item expects a number, received "40"",
      ]
    `)
    expect(itemIssues({ kind: 'NUM', tolerance: 2 })).toMatchInlineSnapshot(`
      [
        "sections[0].items[0].tolerance: a tolerance needs "expected" (or "expectedFrom") to be around",
      ]
    `)
    expect(itemIssues({ kind: 'NUM', tolerance: -1, expected: 3 })).toMatchInlineSnapshot(`
      [
        "sections[0].items[0].tolerance: expected number >= 0, received -1",
      ]
    `)
    expect(itemIssues({ kind: 'NUM', expected: 3, expectedFrom: 'basinCount' }))
      .toMatchInlineSnapshot(`
        [
          "sections[0].items[0].expectedFrom: give "expected" or "expectedFrom", not both",
        ]
      `)
    expect(itemIssues({ kind: 'NUM', expectedFrom: 'basinCuont' })).toMatchInlineSnapshot(`
      [
        "sections[0].items[0].expectedFrom: unknown fact "basinCuont" (did you mean "basinCount"?)",
      ]
    `)
    expect(itemIssues({ kind: 'NUM', expectedFrom: 'feet' })).toMatchInlineSnapshot(`
      [
        "sections[0].items[0].expectedFrom: feet is not a number, so a NUM item cannot expect it",
      ]
    `)
    expect(itemIssues({ kind: 'NUM', expectedFrom: 'faucets.type' })).toMatchInlineSnapshot(`
      [
        "sections[0].items[0].expectedFrom: faucets.type is a list, so it cannot be one expected value",
      ]
    `)
    expect(itemIssues({ kind: 'NUM', expectedFrom: 'basin.number' })).toMatchInlineSnapshot(`
      [
        "sections[0].items[0].expectedFrom: basin.number describes one basin, but this row is not repeated per basin",
      ]
    `)
    expect(itemIssues({ kind: 'CHOICE', options: ['LEVELING_CASTERS'], expectedFrom: 'feet' }))
      .toMatchInlineSnapshot(`
      [
        "sections[0].items[0].expectedFrom: feet can be "SEISMIC_FEET", which is not an option (add an option with that value)",
      ]
    `)
    expect(itemIssues({ kind: 'TEXT', expectedFrom: 'feet' })).toMatchInlineSnapshot(`
      [
        "sections[0].items[0].expectedFrom: a TEXT item has no expected value; only NUM, TEST and CHOICE items do",
      ]
    `)
  })

  it('checks N/A and procedures against the kind', () => {
    expect(itemIssues({ kind: 'CHECK', naAllowed: true })).toMatchInlineSnapshot(`
      [
        "sections[0].items[0].naAllowed: a CHECK item never takes N/A (use kind CHECK_NA)",
      ]
    `)
    expect(itemIssues({ kind: 'CHECK_NA', naAllowed: false })).toMatchInlineSnapshot(`
      [
        "sections[0].items[0].naAllowed: a CHECK_NA item always takes N/A (use kind CHECK)",
      ]
    `)
    expect(itemIssues({ kind: 'PROC', naAllowed: true })).toMatchInlineSnapshot(`
      [
        "sections[0].items[0]: a PROC item needs "procedure": the steps to follow",
        "sections[0].items[0].naAllowed: a PROC item records nothing, not even N/A",
      ]
    `)
    expect(itemIssues({ kind: 'TEST', naAllowed: true, procedure: ['wait 5 s'] })).toEqual([])
  })

  it('checks quantity rules', () => {
    expect(
      itemIssues({
        kind: 'CHECK',
        quantity: { each: 1, per: 'sink', where: { 'basin.type': 'E_DRAIN' } },
      }),
    ).toMatchInlineSnapshot(`
      [
        "sections[0].items[0].quantity.where: "where" picks basins, so it needs "per": "basin"",
      ]
    `)
    expect(
      itemIssues({
        kind: 'CHECK',
        quantity: { each: 0, per: 'basin', where: { 'basin.type': 'E_DRAN' } },
      }),
    ).toMatchInlineSnapshot(`
      [
        "sections[0].items[0].quantity.each: expected number >= 1, received 0",
      ]
    `)
  })

  it('names duplicate section and item ids, and per-basin conflicts', () => {
    const template = base()
    const [a, b] = template.sections
    if (a === undefined || b === undefined) throw new Error('no sections')
    b.id = 'A'
    b.items.push({ id: 'A.2', label: 'again', kind: 'CHECK', perBasin: false })
    expect(parseQcTemplate(template).issues.map(formatIssue)).toMatchInlineSnapshot(`
      [
        "sections[1].id: section id "A" is also sections[0]",
        "sections[1].items[1].id: item id "A.2" is also sections[0].items[1]",
        "sections[1].items[1].perBasin: the section is repeated per basin, so its items are too",
      ]
    `)
  })

  it('checks a section when with the section scope', () => {
    const template = base()
    const a = template.sections[0]
    if (a === undefined) throw new Error('no section')
    a.when = { 'basin.light': true }
    expect(parseQcTemplate(template).issues.map(formatIssue)).toMatchInlineSnapshot(`
      [
        "sections[0].when["basin.light"]: basin.light describes one basin, but this row is not repeated per basin (set "perBasin": true on the item or its section)",
      ]
    `)
  })
})
