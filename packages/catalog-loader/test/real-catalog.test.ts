import { explode, flatten, formatIssue, whereUsed } from '@torvan/configurator-core'
import { describe, expect, it } from 'vitest'
import { loadCatalog } from '../src/index.js'
import { HAS_REAL_CATALOG, REAL_CATALOG, REAL_CATALOG_TITLE } from './real-catalog.js'

describe.skipIf(!HAS_REAL_CATALOG)(REAL_CATALOG_TITLE, async () => {
  const { ok, catalog, report } = HAS_REAL_CATALOG
    ? await loadCatalog(REAL_CATALOG)
    : { ok: false, catalog: undefined, report: undefined }

  it('loads with no errors and the counts of the customer files', () => {
    expect(report?.errors.map(formatIssue)).toEqual([])
    expect(ok).toBe(true)
    expect(report?.counts).toEqual({
      categories: 6,
      subcategories: 46,
      parts: 284,
      assemblies: 318,
      twins: 129,
      componentLines: 841,
      items: 284 + 318 - 129,
    })
  })

  it('warns about the 66 parts that no assembly uses', () => {
    expect(report?.warnings.filter((w) => w.code === 'unused_part')).toHaveLength(66)
  })

  it('warns that parts.json says 283 parts but holds 284', () => {
    expect(report?.warnings.filter((w) => w.code === 'count_mismatch').map(formatIssue)).toEqual([
      'parts.json: metadata.total_parts: the metadata says 283, but the file holds 284',
    ])
  })

  it('explodes T2-BSN-ESK-KIT through T2-VALVE-PLATE-AUK into the twin’s 24 parts', () => {
    if (catalog === undefined) throw new Error('no catalog')
    const kit = explode(catalog, 'T2-BSN-ESK-KIT')
    const plate = kit.children.find((line) => line.id === 'T2-VALVE-PLATE-AUK')
    expect(plate?.children).toHaveLength(24)
    expect(plate?.children.every((line) => line.children.length === 0 && line.level === 2)).toBe(
      true,
    )
    // the twin resolves to the bare id
    expect(catalog.resolve('ASSY-T2-VALVE-PLATE-AUK')).toBe('T2-VALVE-PLATE-AUK')
  })

  it('treats the self-referencing ASSY-T2-OA-PO-SHLF-1212 as a leaf instead of hanging', () => {
    if (catalog === undefined) throw new Error('no catalog')
    expect(explode(catalog, 'ASSY-T2-OA-PO-SHLF-1212')).toMatchObject({
      id: 'T2-OA-PO-SHLF-1212',
      children: [],
    })
    expect(report.warnings.filter((w) => w.code === 'self_reference').map(formatIssue)).toEqual([
      'assemblies.json: assemblies["ASSY-T2-OA-PO-SHLF-1212"].components[0]: "T2-OA-PO-SHLF-1212" lists only itself as a component; it is treated as a leaf',
    ])
  })

  it('keeps unfriendly ids exactly as written', () => {
    if (catalog === undefined) throw new Error('no catalog')
    expect(catalog.get('8-32 PAN HEAD SCREWS 1/2"')?.id).toBe('8-32 PAN HEAD SCREWS 1/2"')
    expect(catalog.get('6.65E+11')).toBeDefined()
    expect(catalog.get('1916')).toBeDefined()
    expect(
      report.warnings.some(
        (w) =>
          w.code === 'odd_id' &&
          w.message.includes('6.65E+11') &&
          w.message.includes('spreadsheet'),
      ),
    ).toBe(true)
  })

  it('flattens every control box into parts whose quantities add up', () => {
    if (catalog === undefined) throw new Error('no catalog')
    const lines = flatten(catalog, 'T2-CTRL-EDR1-ESK1')
    expect(lines.length).toBeGreaterThan(5)
    expect(lines.every((line) => Number(line.quantity) > 0)).toBe(true)
  })

  it('finds where a part is used, through sub-assemblies', () => {
    if (catalog === undefined) throw new Error('no catalog')
    const plate = catalog.node('T2-VALVE-PLATE-AUK')
    const part = plate?.children[0]
    const partId = part === undefined ? '' : (catalog.nodes[part]?.item.id ?? '')
    const paths = whereUsed(catalog, partId).map((line) => line.path.join(' > '))
    expect(paths).toContain(`T2-BSN-ESK-KIT > T2-VALVE-PLATE-AUK > ${partId}`)
  })

  it('points at the line and column of each warning', () => {
    const mismatch = report?.warnings.find((w) => w.code === 'count_mismatch')
    expect(mismatch?.line).toBeGreaterThan(1)
    expect(mismatch?.column).toBeGreaterThan(1)
  })
})
