// The T2 configuration's JSON Schema (generated from rules/t2/product.json and the catalog) as an editor
// or a form reads it: VS Code's JSON language service accepts every valid configuration and flags, where
// it is written, every configuration the product model refuses
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import type { CasesFile } from '@torvan/configurator-core'
import { configurationJsonSchema, mergePatch } from '@torvan/configurator-core'
import { describe, expect, it } from 'vitest'
import type { Diagnostic } from 'vscode-json-languageservice'
import { TextDocument, getLanguageService } from 'vscode-json-languageservice'
import { loadDemoT2, root } from './demo-t2.js'

const { catalog, ruleset, configurator, loaded } = await loadDemoT2()
const schema = configurationJsonSchema(ruleset, catalog)
const SCHEMA_URI = 'https://torvan.example/t2-configuration.schema.json'
const service = getLanguageService({
  schemaRequestService: () => Promise.resolve(JSON.stringify(schema)),
})
service.configure({
  validate: true,
  allowComments: false,
  schemas: [{ uri: SCHEMA_URI, fileMatch: ['*.json'] }],
})

async function diagnose(configuration: unknown): Promise<string[]> {
  const text = JSON.stringify(configuration, null, 2)
  const document = TextDocument.create('file:///configuration.json', 'json', 1, text)
  const diagnostics: Diagnostic[] = await service.doValidation(
    document,
    service.parseJSONDocument(document),
    { schemaValidation: 'error', schemaRequest: 'error' },
  )
  const lines = text.split('\n')
  return diagnostics.map(
    ({ range }) => lines[range.start.line]?.slice(range.start.character, range.end.character) ?? '',
  )
}

/**
 * does the product model (not a rule) refuse the configuration, for a reason a JSON Schema can say?
 * "at most 2 decimals" it cannot (multipleOf 0.01 fails 28.25 in binary floating point): the schema
 * says it in the description and the configurator checks it.
 */
const refusedByModel = (configuration: unknown) =>
  configurator
    .configure(configuration)
    .findings.some(
      (finding) =>
        finding.severity === 'error' &&
        finding.rule === 'product-model' &&
        !/at most \d+ decimals/.test(finding.message),
    )

const standard = JSON.parse(
  readFileSync(join(root, 'fixtures', 'configs', 't2-b2-standard.json'), 'utf8'),
) as Record<string, unknown>

describe('the T2 configuration schema in an editor', () => {
  it('accepts the sample configurations the product model accepts and flags the one it refuses', async () => {
    const folder = join(root, 'fixtures', 'configs')
    for (const file of readdirSync(folder)) {
      const configuration = JSON.parse(readFileSync(join(folder, file), 'utf8')) as unknown
      expect({ file, flagged: (await diagnose(configuration)).length > 0 }).toEqual({
        file,
        flagged: refusedByModel(configuration),
      })
    }
  })

  it('agrees with the product model on every configuration of the T2 rule cases', async () => {
    let refused = 0
    let cases = 0
    for (const file of loaded.cases) {
      const content = file.content as CasesFile
      for (const test of content.cases) {
        const configuration = test.config ?? mergePatch(content.base ?? {}, test.patch ?? {})
        const flagged = await diagnose(configuration)
        cases += 1
        if (refusedByModel(configuration)) refused += 1
        expect({ case: test.name, flagged: flagged.length > 0 }).toEqual({
          case: test.name,
          flagged: refusedByModel(configuration),
        })
      }
    }
    expect(cases).toBeGreaterThan(50)
    expect(refused).toBeGreaterThan(0)
  })

  it('flags each kind of mistake where it is written', async () => {
    const sink = standard['sink'] as Record<string, unknown>
    expect(await diagnose({ ...standard, colour: 'RED' })).toEqual(['"colour"'])
    expect(await diagnose({ ...standard, model: 'T2-B4' })).toEqual(['"T2-B4"'])
    expect(await diagnose({ ...standard, sink: { ...sink, lengthIn: 40 } })).toEqual(['40'])
    expect(await diagnose({ ...standard, buildNumber: 'a b' })).toEqual(['"a b"'])
    expect(await diagnose({ ...standard, accessories: [{ id: 'NO-SUCH-ITEM' }] })).toEqual([
      '"NO-SUCH-ITEM"',
    ])
    const withoutModel = Object.fromEntries(
      Object.entries(standard).filter(([key]) => key !== 'model'),
    )
    expect((await diagnose(withoutModel)).length).toBe(1)
  })

  it('carries the product model’s descriptions and enum values for forms', () => {
    const properties = schema['properties'] as Record<string, Record<string, unknown>>
    expect(properties['model']).toMatchObject({
      enum: ['T2-B1', 'T2-B2', 'T2-B3'],
      description: '1, 2 or 3 basins',
    })
    expect(properties['language']).toMatchObject({ default: 'EN' })
  })
})
