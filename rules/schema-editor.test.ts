// the JSON Schemas as an editor reads them: VS Code's own JSON language service checks rule files with
// rules/schema/*.json, flags a misspelt operator or option type, and accepts every file of rules/t2
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import type { Diagnostic } from 'vscode-json-languageservice'
import { TextDocument, getLanguageService } from 'vscode-json-languageservice'

const t2 = join(import.meta.dirname, 't2')
const service = getLanguageService({
  schemaRequestService: (uri) => Promise.resolve(readFileSync(fileURLToPath(uri), 'utf8')),
  workspaceContext: { resolveRelativePath: (path, resource) => new URL(path, resource).href },
})
service.configure({ validate: true, allowComments: false })

/** what the editor underlines in `text`, as if it were the file `file` */
async function diagnose(file: string, text: string): Promise<Diagnostic[]> {
  const document = TextDocument.create(pathToFileURL(file).href, 'json', 1, text)
  return service.doValidation(document, service.parseJSONDocument(document), {
    schemaValidation: 'error',
    schemaRequest: 'error',
  })
}

const at = (text: string, { range }: Diagnostic) =>
  text.split('\n')[range.start.line]?.slice(range.start.character, range.end.character)

describe('rules/schema/ in an editor', () => {
  it('flags a misspelt operator where it is written', async () => {
    const text = JSON.stringify(
      {
        $schema: '../schema/rules.schema.json',
        rules: [
          {
            name: 'x',
            conditions: { all: [{ fact: 'sink', operator: 'lessThen', value: 1 }] },
            event: { type: 'add', params: { item: 'A' } },
          },
        ],
      },
      null,
      2,
    )
    const diagnostics = await diagnose(join(t2, 'x.json'), text)
    expect(diagnostics.map((d) => at(text, d))).toEqual(['"lessThen"'])
  })

  it('accepts decorated operators', async () => {
    const text = JSON.stringify({
      $schema: '../schema/rules.schema.json',
      rules: [
        {
          name: 'x',
          conditions: { all: [{ fact: 'basins', operator: 'someFact:not:equal', value: 1 }] },
          event: { type: 'add', params: { item: 'A' } },
        },
      ],
    })
    expect(await diagnose(join(t2, 'x.json'), text)).toEqual([])
  })

  it('flags a misspelt option type with the list of types', async () => {
    const text = JSON.stringify(
      {
        $schema: '../schema/product.schema.json',
        product: 'X',
        options: { width: { type: 'numbr' } },
      },
      null,
      2,
    )
    const diagnostics = await diagnose(join(t2, 'product.json'), text)
    expect(diagnostics.map((d) => at(text, d))).toContain('"numbr"')
    expect(
      diagnostics
        .map((d) => (typeof d.message === 'string' ? d.message : d.message.value))
        .join('\n'),
    ).toContain('"integer"')
  })

  it.each(
    [
      ...readdirSync(t2).map((name) => join(t2, name)),
      ...readdirSync(join(t2, 'tests')).map((name) => join(t2, 'tests', name)),
    ].filter((file) => file.endsWith('.json')),
  )('accepts %s', async (file) => {
    expect(await diagnose(file, readFileSync(file, 'utf8'))).toEqual([])
  })
})
