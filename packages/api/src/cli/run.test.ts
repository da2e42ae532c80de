import { describe, expect, it } from 'vitest'
import { runTorvan } from '../../test/run-torvan.js'

/** a usage mistake of a service command: exit 2 and exactly one line on stderr, which is returned */
async function mistake(...argv: string[]): Promise<string> {
  const { code, stdout, stderr } = await runTorvan(argv)
  expect(code).toBe(2)
  expect(stdout).toBe('')
  expect(stderr.endsWith('\n') && !stderr.slice(0, -1).includes('\n'), stderr).toBe(true)
  return stderr.slice(0, -1)
}

describe('torvan serve and torvan db: usage mistakes before any database is opened', () => {
  it('suggests the closest db command', async () => {
    expect(await mistake('db', 'improt-catalog', 'fixtures/catalog')).toMatchInlineSnapshot(
      `"torvan: unknown command "torvan db improt-catalog" (did you mean "db import-catalog"?); torvan --help lists every command and option"`,
    )
    expect(await mistake('db')).toMatchInlineSnapshot(
      `"torvan: db needs a command: migrate, report, backup, restore, import-catalog or prune; torvan --help lists every command and option"`,
    )
  })

  it('knows each command own options', async () => {
    expect(await mistake('serve', '--prot', '3000')).toMatchInlineSnapshot(
      `"torvan: unknown option --prot (did you mean "--port"?); torvan --help lists every command and option"`,
    )
    expect(await mistake('db', 'prune', '--rules', 'rules/t2')).toMatchInlineSnapshot(
      `"torvan: unknown option --rules; torvan --help lists every command and option"`,
    )
    expect(
      await mistake('db', 'import-catalog', 'fixtures/catalog', '--rules'),
    ).toMatchInlineSnapshot(
      `"torvan: --rules needs a value: --rules <dir>; torvan --help lists every command and option"`,
    )
  })

  it('says what a command takes when its arguments are wrong', async () => {
    expect(await mistake('db', 'import-catalog')).toMatchInlineSnapshot(
      `"torvan: db import-catalog takes <dir>, received nothing; torvan --help lists every command and option"`,
    )
    expect(await mistake('db', 'prune', 'everything')).toMatchInlineSnapshot(
      `"torvan: db prune takes no arguments, received "everything"; torvan --help lists every command and option"`,
    )
    expect(await mistake('serve', '--port', 'eighty')).toMatchInlineSnapshot(
      `"torvan: PORT must be a port number, received "eighty""`,
    )
  })
})
