import { readFile } from 'node:fs/promises'
import type { Issue } from '@torvan/configurator-core'
import type { JsonDocument, Position } from './read-json.js'
import { parseJsonDocument } from './read-json.js'
import type { LocatedIssue } from './report.js'

/** Reads a file as a JSON document; a missing or unreadable file becomes an issue. */
export async function readJsonFile(
  path: string,
  file: string,
): Promise<{ document?: JsonDocument; issues: Issue[] }> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT'
    return {
      issues: [
        {
          code: missing ? 'missing_file' : 'unreadable_file',
          severity: 'error',
          file,
          path: [],
          message: missing
            ? `${path} does not exist`
            : `${path} cannot be read: ${(error as Error).message}`,
        },
      ],
    }
  }
  const parsed = parseJsonDocument(text, file)
  return parsed.ok
    ? { document: parsed.document, issues: parsed.issues }
    : { issues: parsed.issues }
}

/** Adds the line and column each issue points at, from the documents it names. */
export function withPositions(
  issues: readonly Issue[],
  documents: ReadonlyMap<string, JsonDocument>,
): LocatedIssue[] {
  return issues.map((issue) => {
    if (issue.file === undefined) return issue
    const document = documents.get(issue.file)
    if (document === undefined) return issue
    // a missing key points at the object that lacks it
    let position: Position | undefined
    for (let length = issue.path.length; length >= 0 && position === undefined; length--)
      position = document.locate(issue.path.slice(0, length))
    return position === undefined
      ? issue
      : { ...issue, line: position.line, column: position.column }
  })
}
