import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'

const doc = await readFile(new URL('../../../docs/operations.md', import.meta.url), 'utf8')

/** the fenced blocks of a language, in order */
function blocks(language: string): string[] {
  return [...doc.matchAll(new RegExp(`\`\`\`${language}\\n([\\s\\S]*?)\`\`\``, 'g'))].map(
    (match) => match[1] ?? '',
  )
}

/** Each shell command of docs/operations.md, and the test or CI step that runs it. */
const CHECKED: Record<string, string> = {
  'psql -v ON_ERROR_STOP=1 -f packages/api/sql/roles.sql':
    'database-roles.test.ts runs sql/roles.sql statement by statement',
  'DATABASE_URL=postgres://torvan_owner:change-me-owner@127.0.0.1:5432/torvan pnpm torvan db migrate':
    'database-roles.test.ts: torvan db migrate as the owner',
  'DATABASE_URL=postgres://torvan_app:change-me-app@127.0.0.1:5432/torvan pnpm torvan serve':
    'database-roles.test.ts: the service as the app role',
  'openssl req -x509 -newkey rsa:2048 -nodes -days 30 -subj /CN=localhost -addext subjectAltName=DNS:localhost -keyout key.pem -out cert.pem':
    'tls.test.ts makes its certificate so',
  'TLS_CERT=cert.pem TLS_KEY=key.pem pnpm torvan serve': 'tls.test.ts: torvan serve on it',
  'pnpm torvan db report': 'backup.test.ts: torvan db report',
  'pg_dump --format=custom --file=torvan.dump "$DATABASE_URL"':
    'backup.test.ts (PostgreSQL): pg_dump',
  'pg_restore --no-owner --dbname="$DATABASE_URL" torvan.dump':
    'backup.test.ts (PostgreSQL): pg_restore',
  'pnpm torvan db backup backups/torvan.tar.gz': 'backup.test.ts: torvan db backup',
  'pnpm torvan db restore backups/torvan.tar.gz': 'backup.test.ts: torvan db restore',
}

describe('docs/operations.md', () => {
  it('has no shell command that no test runs', () => {
    const commands = blocks('sh').flatMap((block) =>
      block
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line !== '' && !line.startsWith('#')),
    )
    expect(commands.filter((command) => !(command in CHECKED))).toEqual([])
    expect(Object.keys(CHECKED).filter((command) => !commands.includes(command))).toEqual([])
  })

  it('shows the systemd unit that docs/torvan@.service is', async () => {
    const unit = await readFile(new URL('../../../docs/torvan@.service', import.meta.url), 'utf8')
    expect(blocks('ini')).toEqual([unit])
    expect(unit).toMatch(
      /^ExecStart=\/usr\/bin\/node --import tsx packages\/api\/src\/cli\/main\.ts serve$/m,
    )
  })

  it('names every setting that torvan serve reads', async () => {
    const help = (await import('../src/cli/run.js')).API_HELP
    const environment = help.slice(help.indexOf('Environment:'))
    const words = new Set(['HTTPS', 'JSON', 'PEM', 'CIDR', 'CIDRS', 'GET'])
    const names = (environment.match(/\b[A-Z][A-Z_]{3,}\b/g) ?? []).filter(
      (name) => !words.has(name),
    )
    expect(names.length).toBeGreaterThan(10)
    for (const name of names) expect(doc, name).toContain(`\`${name}\``)
  })

  it('keeps the PGlite and PostgreSQL backup commands in the help text too', async () => {
    const { API_HELP } = await import('../src/cli/run.js')
    expect(API_HELP).toContain('torvan db backup <file> | torvan db restore <file> [--replace]')
    expect(doc).toContain('pg_dump --format=custom')
  })
})
