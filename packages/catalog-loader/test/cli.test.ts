import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runTorvan } from './run-torvan.js'
import { CONFIGS, DEMO_CATALOG, T2_RULES } from './real-catalog.js'

const run = (...argv: string[]) => runTorvan(argv)

/** categories.json with one category and one subcategory, 1.1 */
const ONE_SUBCATEGORY = JSON.stringify({
  categories: { '1': { name: 'A', subcategories: { '1.1': { name: 'B' } } } },
})

function scratch(files: Record<string, string>): string {
  const directory = mkdtempSync(join(tmpdir(), 'torvan-cli-'))
  for (const [name, text] of Object.entries(files)) writeFileSync(join(directory, name), text)
  return directory
}

describe('torvan catalog', () => {
  it('checks the demo catalog with exit 0 and prints the counts', async () => {
    const { code, stdout } = await run('catalog', 'check', DEMO_CATALOG)
    expect(code).toBe(0)
    expect(stdout).toMatch(/\d+ categories, \d+ subcategories, \d+ parts, \d+ assemblies/)
    expect(stdout).toContain('0 errors')
  })

  it('exits 1 for a catalog file that is not valid JSON, naming the file, the path, the line and the column', async () => {
    const directory = scratch({
      'categories.json': ONE_SUBCATEGORY,
      'assemblies.json': JSON.stringify({
        assemblies: {
          'T2-BSN-EDR-KIT': {
            name: 'KIT',
            subcategory_code: '1.1',
            components: [{ part_id: 'T2-DRAIN-VALVEX', quantity: 1 }],
          },
        },
      }),
      'parts.json': '{ "parts": { "A": { "name": "x" }, } }',
    })
    const { code, stdout } = await run('catalog', 'check', directory)
    expect(code).toBe(1)
    expect(stdout).toContain(
      'parts.json: parts: line 1, column 36: expected a key after "," (no trailing comma in JSON), found "}"',
    )
    const json = await run('catalog', 'check', directory, '--json')
    expect(JSON.parse(json.stdout)).toMatchObject({
      ok: false,
      errors: [{ code: 'invalid_json', file: 'parts.json' }],
    })
  })

  it('exits 2 for a catalog directory that does not exist', async () => {
    const { code, stdout } = await run('catalog', 'check', '/nonexistent/catalog')
    expect(code).toBe(2)
    expect(stdout).toContain('/nonexistent/catalog is not a directory')
  })

  it('explodes an item as { id, quantity, lines } with decimal-string quantities', async () => {
    const { code, stdout } = await run(
      'catalog',
      'explode',
      DEMO_CATALOG,
      'T2-BSN-ESK-KIT',
      '--quantity',
      '2',
      '--json',
    )
    expect(code).toBe(0)
    const tree = JSON.parse(stdout) as {
      id: string
      quantity: string
      lines: { id: string; name: string; quantity: string }[]
    }
    expect(tree).toMatchObject({ id: 'T2-BSN-ESK-KIT', quantity: '2' })
    expect(tree.lines.length).toBeGreaterThan(3)
    for (const line of tree.lines) expect(line.quantity).toMatch(/^\d+(\.\d+)?$/)
    const flat = await run('catalog', 'explode', DEMO_CATALOG, 'T2-BSN-ESK-KIT', '--flat', '--json')
    const lines = (JSON.parse(flat.stdout) as { lines: { id: string; children?: unknown }[] }).lines
    expect(lines.every((line) => line.children === undefined)).toBe(true)
  })

  it('answers an unknown id with one line that suggests close ids, and exit 1', async () => {
    const { code, stderr } = await run('catalog', 'explode', DEMO_CATALOG, 'T2-BSN-ESK-KTI')
    expect(code).toBe(1)
    expect(stderr).toBe('torvan: unknown item "T2-BSN-ESK-KTI"; did you mean "T2-BSN-ESK-KIT"?\n')
  })

  it('lists where an item is used', async () => {
    const { code, stdout } = await run(
      'catalog',
      'where-used',
      DEMO_CATALOG,
      'T2-OA-MS-1026',
      '--json',
    )
    expect(code).toBe(0)
    expect(JSON.parse(stdout)).toMatchObject({ id: 'T2-OA-MS-1026' })
  })

  it('answers bad usage with one line and exit 2, and prints the usage only on --help', async () => {
    for (const argv of [
      [],
      ['catalog'],
      ['catalog', 'explode', DEMO_CATALOG],
      ['catalog', 'check', DEMO_CATALOG, '--frobnicate'],
    ]) {
      const { code, stderr, stdout } = await run(...argv)
      expect(code).toBe(2)
      expect(stdout).toBe('')
      expect(stderr.trimEnd().split('\n')).toHaveLength(1)
    }
    const help = await run('--help')
    expect(help.code).toBe(0)
    expect(help.stdout).toContain('Usage:')
  })
})

describe('torvan rules and torvan bom', () => {
  it('checks the T2 rules against the demo catalog with no error', async () => {
    const { code, stdout } = await run('rules', 'check', T2_RULES, '--catalog', DEMO_CATALOG)
    expect(stdout).toContain('0 errors')
    expect(code).toBe(0)
  })

  it('passes every T2 rule case', async () => {
    const { code, stdout } = await run('rules', 'test', T2_RULES, '--catalog', DEMO_CATALOG)
    expect(stdout).toMatch(/rule cases: \d+ passed, 0 failed/)
    expect(code).toBe(0)
  })

  it('prints exactly { ok, lines, findings } for one configuration with --json', async () => {
    const { code, stdout } = await run(
      'bom',
      join(CONFIGS, 't2-b2-standard.json'),
      '--catalog',
      DEMO_CATALOG,
      '--rules',
      T2_RULES,
      '--json',
    )
    expect(code).toBe(0)
    const result = JSON.parse(stdout) as Record<string, unknown>
    expect(Object.keys(result)).toEqual(['ok', 'lines', 'findings'])
    expect(result['ok']).toBe(true)
    const line = (result['lines'] as Record<string, unknown>[])[0] ?? {}
    expect(Object.keys(line)).toEqual(
      expect.arrayContaining(['id', 'name', 'number', 'quantity', 'custom']),
    )
  })

  it('prints one object a line with its file for a directory, and exits 1 when one has errors', async () => {
    const { code, stdout } = await run(
      'bom',
      CONFIGS,
      '--catalog',
      DEMO_CATALOG,
      '--rules',
      T2_RULES,
      '--json',
    )
    const results = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { file: string; ok: boolean })
    expect(results.length).toBeGreaterThan(3)
    expect(results.find((r) => r.file.endsWith('t2-b2-invalid.json'))?.ok).toBe(false)
    expect(code).toBe(1)
  })

  it('exits 2 for a configuration that is not JSON, or missing', async () => {
    const directory = scratch({ 'broken.json': '{ "product": "T2", ' })
    const broken = await run(
      'bom',
      join(directory, 'broken.json'),
      '--catalog',
      DEMO_CATALOG,
      '--rules',
      T2_RULES,
    )
    expect(broken.code).toBe(2)
    expect(broken.stderr).toContain('broken.json')
    const missing = await run(
      'bom',
      join(directory, 'nope.json'),
      '--catalog',
      DEMO_CATALOG,
      '--rules',
      T2_RULES,
    )
    expect(missing.code).toBe(2)
  })

  it('gives byte-identical output for the same inputs', async () => {
    const first = await run(
      'bom',
      CONFIGS,
      '--catalog',
      DEMO_CATALOG,
      '--rules',
      T2_RULES,
      '--json',
    )
    const second = await run(
      'bom',
      CONFIGS,
      '--catalog',
      DEMO_CATALOG,
      '--rules',
      T2_RULES,
      '--json',
    )
    expect(second.stdout).toBe(first.stdout)
  })
})

describe('torvan catalog check on a catalog with graph errors', () => {
  it('reports every error at once, each with its file and JSON path', async () => {
    const directory = scratch({
      'categories.json': ONE_SUBCATEGORY,
      'assemblies.json': JSON.stringify({
        assemblies: {
          'T2-BSN-EDR-KIT': {
            name: 'KIT',
            subcategory_code: '1.1',
            components: [
              { part_id: 'T2-DRAIN-VALVEX', quantity: 1 },
              { part_id: 'LOOP', quantity: -1 },
            ],
          },
          LOOP: {
            name: 'LOOP',
            subcategory_code: '1.9',
            components: [{ part_id: 'T2-BSN-EDR-KIT', quantity: 1 }],
          },
        },
      }),
      'parts.json': JSON.stringify({ parts: {} }),
    })
    const { code, stdout } = await run('catalog', 'check', directory)
    expect(code).toBe(1)
    expect(
      stdout.split('\n').filter((line) => line.startsWith('  ') && line.includes('.json')),
    ).toEqual([
      '  assemblies.json:1:205: assemblies.LOOP.subcategory_code: "LOOP" is in subcategory "1.9", which the categories do not define',
      '  assemblies.json:1:97: assemblies["T2-BSN-EDR-KIT"].components[0].part_id: "T2-DRAIN-VALVEX" is neither a part nor an assembly',
      '  assemblies.json:1:158: assemblies["T2-BSN-EDR-KIT"].components[1].quantity: quantity must be a positive number: expected number > 0, received -1',
    ])
  })
})

describe('torvan bom --format and torvan bom diff', () => {
  const bom = (...extra: string[]) =>
    run(
      'bom',
      join(CONFIGS, 't2-b2-custom.json'),
      '--catalog',
      DEMO_CATALOG,
      '--rules',
      T2_RULES,
      ...extra,
    )

  it('prints the BOM document with its hashes, tree, flattened parts and cost roll-up', async () => {
    const { code, stdout } = await bom(
      '--format',
      'json',
      '--prices',
      join(DEMO_CATALOG, 'prices.json'),
    )
    expect(code).toBe(0)
    const document = JSON.parse(stdout) as {
      format: string
      revision: number
      hashes: Record<string, string>
      tree: unknown[]
      flat: unknown[]
      cost: { currency: string; complete: boolean; unpriced: string[] }
    }
    expect(document.format).toBe('torvan-bom/1')
    expect(document.revision).toBe(1)
    expect(Object.keys(document.hashes)).toEqual(['configuration', 'catalog', 'ruleset', 'content'])
    expect(document.tree.length).toBeGreaterThan(10)
    // the custom parts have no price in the demo list: the total says it is incomplete
    expect(document.cost).toMatchObject({ currency: 'USD', complete: false })
    expect(document.cost.unpriced).toContain('T2-ADW-BASIN-28x22.5x10')
  })

  it('prints RFC 4180 CSV with levels, paths, numbers and costs', async () => {
    const { code, stdout } = await bom(
      '--format',
      'csv',
      '--prices',
      join(DEMO_CATALOG, 'prices.json'),
    )
    expect(code).toBe(0)
    const rows = stdout.replace(/^\ufeff/, '').split('\r\n')
    expect(rows[0]).toBe('level,path,number,id,name,quantity,unit_cost,line_total')
    expect(
      rows.some((row) =>
        row.startsWith('1,T2-ADW-BASIN-28x22.5x10,720.215.001,T2-ADW-BASIN-28x22.5x10,'),
      ),
    ).toBe(true)
    expect(rows.some((row) => row.includes('"10-32 X 1/2"" PAN HEAD SCREW"'))).toBe(true)
  })

  it('prints the flattened parts as a text list', async () => {
    const { code, stdout } = await bom('--format', 'tree', '--flat')
    expect(code).toBe(0)
    expect(stdout.split('\n').every((line) => !line.startsWith(' '))).toBe(true)
  })

  it('shows what changed between two BOM documents', async () => {
    const directory = scratch({})
    const a = join(directory, 'a.json')
    const b = join(directory, 'b.json')
    writeFileSync(
      a,
      (
        await run(
          'bom',
          join(CONFIGS, 't2-b2-standard.json'),
          '--catalog',
          DEMO_CATALOG,
          '--rules',
          T2_RULES,
          '--format',
          'json',
        )
      ).stdout,
    )
    writeFileSync(b, (await bom('--format', 'json')).stdout)
    const text = await run('bom', 'diff', a, b)
    expect(text.code).toBe(0)
    expect(text.stdout).toContain('  + T2-ADW-BASIN-28x22.5x10  2')
    expect(text.stdout).toContain('  - T-OA-BINRAIL-36-KIT  3')
    const same = await run('bom', 'diff', a, a, '--json')
    expect(JSON.parse(same.stdout)).toEqual({
      lines: { added: [], removed: [], changed: [] },
      flat: { added: [], removed: [], changed: [] },
    })
  })

  it('refuses a price list with a repeated key, as it refuses such a configuration', async () => {
    const directory = scratch({
      'prices.json': '{ "currency": "USD", "prices": { "A": "1", "A": "2" } }',
    })
    const { code, stderr } = await bom(
      '--format',
      'csv',
      '--prices',
      join(directory, 'prices.json'),
    )
    expect(code).toBe(2)
    expect(stderr).toContain('key "A" appears again')
  })

  it('refuses a file that is not a BOM document, and an unknown format', async () => {
    const notBom = await run(
      'bom',
      'diff',
      join(CONFIGS, 't2-b1-minimal.json'),
      join(CONFIGS, 't2-b1-minimal.json'),
    )
    expect(notBom.code).toBe(2)
    expect(notBom.stderr).toContain('is not a BOM document')
    expect((await bom('--format', 'xml')).code).toBe(2)
  })
})

describe('torvan options and torvan explain', () => {
  const rulesArgs = ['--catalog', DEMO_CATALOG, '--rules', T2_RULES]

  it('lists what can still be chosen, with the rule and message that rule a value out', async () => {
    const directory = scratch({
      'partial.json': JSON.stringify({ accessories: [{ id: 'T-OA-SSSHELF-1812-BOLT-ON-KIT' }] }),
    })
    const { code, stdout } = await run('options', join(directory, 'partial.json'), ...rulesArgs)
    expect(code).toBe(0)
    const pegboard = stdout.slice(
      stdout.indexOf('  pegboard.type'),
      stdout.indexOf('  pegboard.color'),
    )
    expect(pegboard).toMatchInlineSnapshot(`
      "  pegboard.type (unset)
          allowed: SOLID
            not PERFORATED:
              accessories[0].id: T-OA-SSSHELF-1812-BOLT-ON-KIT bolts onto a SOLID pegboard only, and this sink has a PERFORATED pegboard: choose a SOLID pegboard, or remove the shelf  [accessory-bolt-on-shelf-needs-solid-pegboard]
      "
    `)
    expect(stdout).toContain('  sink.lengthIn (unset)\n    allowed: [48, 120]\n')
  })

  it('prints the domains as JSON with --json, byte-identical on every run', async () => {
    const file = join(CONFIGS, 't2-b2-standard.json')
    const first = await run('options', file, ...rulesArgs, '--json')
    const second = await run('options', file, ...rulesArgs, '--json')
    expect(first.code).toBe(0)
    expect(second.stdout).toBe(first.stdout)
    const result = JSON.parse(first.stdout) as {
      ok: boolean
      options: { path: string; allowed: unknown[]; ruledOut: { value: unknown }[] }[]
    }
    const model = result.options.find((o) => o.path === 'model')
    expect(model?.allowed).toEqual(['T2-B2'])
    expect(model?.ruledOut.map((r) => r.value)).toEqual(['T2-B1', 'T2-B3'])
  })

  it('exits 1 for a malformed partial configuration, naming the paths', async () => {
    const directory = scratch({
      'partial.json': JSON.stringify({ sink: { lengthIn: 'long' }, colour: 'RED' }),
    })
    const { code, stdout } = await run('options', join(directory, 'partial.json'), ...rulesArgs)
    expect(code).toBe(1)
    expect(stdout).toContain('colour: unknown key "colour"')
    expect(stdout).toContain('sink.lengthIn: expected number, received "long"')
  })

  it('exits 2 for bad usage or a missing file', async () => {
    expect((await run('options', ...rulesArgs)).code).toBe(2)
    expect((await run('options', join(CONFIGS, 'nope.json'), ...rulesArgs)).code).toBe(2)
    expect((await run('explain', join(CONFIGS, 't2-b2-standard.json'), ...rulesArgs)).code).toBe(2)
    expect((await run('options', join(CONFIGS, 't2-b2-standard.json'))).stderr).toContain(
      'needs --catalog',
    )
  })

  it('explains why a line is in the BOM and why another is not', async () => {
    const { code, stdout } = await run(
      'explain',
      join(CONFIGS, 't2-b2-standard.json'),
      'T2-BODY-48-60-HA',
      'T2-SEISMIC-FEET',
      ...rulesArgs,
    )
    expect(code).toBe(0)
    expect(stdout).toContain(
      'T2-BODY-48-60-HA: in the BOM, quantity 1\n  rule body-48-60 (body-legs.json): fired and adds it\n    all: holds\n      sink $.lengthIn lessThan 61: holds (it is 60)\n',
    )
    expect(stdout).toContain(
      'T2-SEISMIC-FEET: not in the BOM: no rule that can add it did\n  rule feet (body-legs.json): fired but gives T2-LEVELING-CASTOR-475\n',
    )
    expect(stdout).toContain('  to add it: set feet to "SEISMIC_FEET"\n')
  })

  it('lists the rules that fired for another id only with --all', async () => {
    const args = [join(CONFIGS, 't2-b2-standard.json'), 'T2-BSN-EDR-KIT', ...rulesArgs]
    const plain = await run('explain', ...args)
    const all = await run('explain', ...args, '--all')
    const gaveAnother =
      'rule accessory (accessories.json) for accessories[0]: fired but gives T-OA-BINRAIL-36-KIT'
    expect(plain.stdout).not.toContain(gaveAnother)
    expect(all.stdout).toContain(gaveAnother)
  })

  it('prints a list of explanations with --json, and exits 1 for an unknown item', async () => {
    const { code, stdout } = await run(
      'explain',
      join(CONFIGS, 't2-b2-standard.json'),
      'T2-BODY-48-60-HA',
      'T2-BODY-48-60-HAX',
      ...rulesArgs,
      '--json',
    )
    expect(code).toBe(1)
    const results = JSON.parse(stdout) as { item: string; verdict?: string; error?: string }[]
    expect(results.map((r) => [r.item, r.verdict ?? r.error])).toMatchInlineSnapshot(`
      [
        [
          "T2-BODY-48-60-HA",
          "added",
        ],
        [
          "T2-BODY-48-60-HAX",
          "explain(): item "T2-BODY-48-60-HAX" is neither in the catalog nor a custom part id; did you mean "T2-BODY-48-60-HA"?",
        ],
      ]
    `)
  })
})
