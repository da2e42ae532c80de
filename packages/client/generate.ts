// Generates src/schema.ts, the client's types, from the API's OpenAPI document. Not part of the published
// package: packages/api/test/typed-client.test.ts compares its output for the live document with the file
// in the repository (a stale client fails the tests) and rewrites the file with UPDATE_CLIENT=1
// (`pnpm generate:client`).
import openapiTS, { astToString } from 'openapi-typescript'

const HEADER = `// Generated from the API's OpenAPI document by packages/client/generate.ts: do not edit.
// \`pnpm generate:client\` rewrites it; the API's tests fail while it is stale.
`

type Json = Record<string, unknown>

/**
 * The document without its answers' examples: they are whole BOM documents and option lists, and
 * openapi-typescript would copy each into a comment of the types (thousands of lines, no type in them).
 */
function withoutAnswerExamples(document: object): object {
  const copy = structuredClone(document) as { paths?: Record<string, Record<string, Json>> }
  for (const operations of Object.values(copy.paths ?? {}))
    for (const operation of Object.values(operations)) {
      const responses = (operation['responses'] ?? {}) as Record<string, { content?: Json }>
      for (const response of Object.values(responses))
        for (const media of Object.values(response.content ?? {})) {
          delete (media as Json)['example']
          delete (media as Json)['examples']
        }
    }
  return copy
}

/** The TypeScript types (`paths`, `components`, `operations`) of an OpenAPI 3.1 document. */
export async function clientTypes(document: object): Promise<string> {
  const ast = await openapiTS(withoutAnswerExamples(document) as Parameters<typeof openapiTS>[0], {
    silent: true,
    // the document's `default` values are the server's, the client still may omit them
    defaultNonNullable: false,
    alphabetize: false,
  })
  return HEADER + astToString(ast)
}
