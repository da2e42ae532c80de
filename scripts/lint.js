// `pnpm lint`: ESLint over the repository, one folder at a time with a line after each, so that the
// step is never silent for long (the type-aware rules take about a minute on a 2-core machine). The
// cache (node_modules/.cache/eslint, by content) makes a second run take seconds; a clean clone has
// none. Exits 1 on any problem, warnings included, as `eslint --max-warnings 0 .` did.
import console from 'node:console'
import { readdirSync } from 'node:fs'
import { performance } from 'node:perf_hooks'
import process from 'node:process'
import { ESLint } from 'eslint'

const started = performance.now()
const eslint = new ESLint({
  cache: true,
  cacheLocation: 'node_modules/.cache/eslint/',
  cacheStrategy: 'content',
})
const formatter = await eslint.loadFormatter('stylish')
const packages = readdirSync('packages').map((name) => `packages/${name}`)
const rootFiles = readdirSync('.').filter((name) => /\.(c|m)?(j|t)s$/.test(name))
const groups = [...packages, 'rules', 'scripts', 'bench', rootFiles]

let errors = 0
let warnings = 0
for (const group of groups) {
  const groupStarted = performance.now()
  const results = await eslint.lintFiles(group)
  const groupErrors = results.reduce((sum, r) => sum + r.errorCount, 0)
  const groupWarnings = results.reduce((sum, r) => sum + r.warningCount, 0)
  const problems = groupErrors + groupWarnings
  errors += groupErrors
  warnings += groupWarnings
  const name = Array.isArray(group) ? 'the root folder’s files' : group
  const seconds = ((performance.now() - groupStarted) / 1000).toFixed(1)
  console.log(`lint ${name}: ${results.length} files, ${problems} problems (${seconds} s)`)
  if (problems > 0) process.stdout.write(await formatter.format(results))
}
const total = ((performance.now() - started) / 1000).toFixed(1)
console.log(`lint: ${errors} errors, ${warnings} warnings in ${total} s`)
if (errors + warnings > 0) process.exitCode = 1
