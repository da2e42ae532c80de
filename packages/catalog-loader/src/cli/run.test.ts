import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { CliExtension } from './run.js'
import { helpText, runCli } from './run.js'
import { runTorvan } from '../../test/run-torvan.js'

const root = join(import.meta.dirname, '..', '..', '..', '..')
const CATALOG = join(root, 'fixtures', 'catalog')
const RULES = join(root, 'rules', 't2')
const CONFIG = join(root, 'fixtures', 'configs', 't2-b2-standard.json')

/** the API's commands as main.ts adds them, recording what it was asked to run */
function extension(ran: (readonly string[])[] = []): CliExtension {
  return {
    commands: { serve: [], db: ['migrate', 'import-catalog'] },
    help: 'Service commands:\n  torvan serve\n  torvan db migrate\n',
    run: (argv) => {
      ran.push(argv)
      return Promise.resolve(0)
    },
  }
}

const torvan = (argv: string[], withApi = true) =>
  runTorvan(argv, withApi ? extension() : undefined)

/** a usage mistake: exit 2, nothing on stdout, and exactly one line on stderr, which is returned */
async function mistake(...argv: string[]): Promise<string> {
  const { code, stdout, stderr } = await torvan(argv)
  expect(code).toBe(2)
  expect(stdout).toBe('')
  expect(stderr.endsWith('\n') && !stderr.slice(0, -1).includes('\n'), stderr).toBe(true)
  return stderr.slice(0, -1)
}

describe('torvan usage mistakes: one line, exit code 2', () => {
  it('suggests the closest command for an unknown one', async () => {
    expect(await mistake('catalgo', 'check', CATALOG)).toMatchInlineSnapshot(
      `"torvan: unknown command "torvan catalgo" (did you mean "catalog"?); torvan --help lists every command and option"`,
    )
    expect(await mistake('catalog', 'chek', CATALOG)).toMatchInlineSnapshot(
      `"torvan: unknown command "torvan catalog chek" (did you mean "catalog check"?); torvan --help lists every command and option"`,
    )
    expect(await mistake('serv')).toMatchInlineSnapshot(
      `"torvan: unknown command "torvan serv" (did you mean "serve"?); torvan --help lists every command and option"`,
    )
    expect(await mistake('frobnicate')).toMatchInlineSnapshot(
      `"torvan: unknown command "torvan frobnicate"; torvan --help lists every command and option"`,
    )
  })

  it('suggests the closest option for an unknown one, in place of node parseArgs message', async () => {
    expect(await mistake('rules', 'check', RULES, '--catalgo', CATALOG)).toMatchInlineSnapshot(
      `"torvan: unknown option --catalgo (did you mean "--catalog"?); torvan --help lists every command and option"`,
    )
    expect(await mistake('catalog', 'check', CATALOG, '--frobnicate')).toMatchInlineSnapshot(
      `"torvan: unknown option --frobnicate; torvan --help lists every command and option"`,
    )
    expect(await mistake('catalog', 'check', CATALOG, '--json=yes')).toMatchInlineSnapshot(
      `"torvan: --json takes no value: write --json alone; torvan --help lists every command and option"`,
    )
    expect(await mistake('bom', CONFIG, '--rules', RULES, '--catalog')).toMatchInlineSnapshot(
      `"torvan: --catalog needs a value: --catalog <dir>; torvan --help lists every command and option"`,
    )
  })

  it('names a missing required flag and how to give it', async () => {
    expect(await mistake('rules', 'check', RULES)).toMatchInlineSnapshot(
      `"torvan: rules check needs --catalog <dir> (the catalog folder: categories.json, assemblies.json, parts.json)"`,
    )
    expect(await mistake('bom', CONFIG, '--catalog', CATALOG)).toMatchInlineSnapshot(
      `"torvan: bom needs --rules <dir> (the product's rules folder: product.json and rule files)"`,
    )
    expect(
      await mistake('explain', CONFIG, 'T2-SEISMIC-FEET', '--rules', RULES),
    ).toMatchInlineSnapshot(
      `"torvan: explain needs --catalog <dir> (the catalog folder: categories.json, assemblies.json, parts.json)"`,
    )
  })

  it('says what a command takes when its arguments are wrong', async () => {
    expect(await mistake('catalog', 'explode', CATALOG)).toMatchInlineSnapshot(
      `"torvan: catalog explode takes <dir> <id>, received "${CATALOG}"; torvan --help lists every command and option"`,
    )
    expect(await mistake('catalog')).toMatchInlineSnapshot(
      `"torvan: catalog needs a command: check, explode or where-used; torvan --help lists every command and option"`,
    )
    expect(
      await mistake('bom', CONFIG, '--catalog', CATALOG, '--rules', RULES, '--format', 'jsn'),
    ).toMatchInlineSnapshot(
      `"torvan: --format takes json, csv or tree, received "jsn" (did you mean "json"?); torvan --help lists every command and option"`,
    )
    expect(await mistake()).toMatchInlineSnapshot(
      `"torvan: which command? catalog, rules, bom, options, explain, serve or db; torvan --help explains each"`,
    )
  })

  it('sends the API commands to the API, after checking their names', async () => {
    const ran: (readonly string[])[] = []
    const io = { stdout: () => undefined, stderr: () => undefined, isTTY: false }
    expect(await runCli(['db', 'migrate'], io, extension(ran))).toBe(0)
    expect(await runCli(['db', 'migrat'], io, extension(ran))).toBe(2)
    expect(ran).toEqual([['db', 'migrate']])
    expect(await mistake('db', 'improt-catalog', CATALOG)).toMatchInlineSnapshot(
      `"torvan: unknown command "torvan db improt-catalog" (did you mean "db import-catalog"?); torvan --help lists every command and option"`,
    )
  })

  it('says where serve and db are when the API is not there (the published file tool)', async () => {
    const { code, stderr } = await torvan(['serve'], false)
    expect(code).toBe(2)
    expect(stderr).toMatchInlineSnapshot(`
      "torvan: serve is a command of the API (@torvan/api): run it from the repository, e.g. pnpm start; this torvan has the file commands only
      "
    `)
  })
})

describe('torvan --help', () => {
  it('prints the usage of every command, the API commands among them, only when asked', async () => {
    for (const argv of [['--help'], ['-h'], ['help'], ['bom', '--help']]) {
      const { code, stdout, stderr } = await torvan(argv)
      expect(code).toBe(0)
      expect(stderr).toBe('')
      expect(stdout).toBe(helpText(extension()))
    }
    const help = helpText(extension())
    for (const command of [
      'torvan catalog check',
      'torvan catalog explode',
      'torvan catalog where-used',
      'torvan rules check',
      'torvan rules test',
      'torvan bom <config.json|dir>',
      'torvan bom diff',
      'torvan options',
      'torvan explain',
      'torvan serve',
      'torvan db migrate',
    ])
      expect(help).toContain(command)
    expect((await torvan(['catalog', 'chek'])).stderr).not.toContain('Usage:')
  })
})

describe('paths in output', () => {
  it('names rule files within the rules folder in explain --json, wherever that folder is', async () => {
    const { code, stdout } = await torvan([
      'explain',
      CONFIG,
      'T2-BODY-48-60-HA',
      '--catalog',
      CATALOG,
      '--rules',
      RULES,
      '--json',
    ])
    expect(code).toBe(0)
    expect(stdout).not.toContain(root)
    const [explanation] = JSON.parse(stdout) as { rules: { file: string }[] }[]
    expect(explanation?.rules.map((rule) => rule.file)).toContain('body-legs.json')
  })
})
