import type {
  CasesFileResult,
  Configurator,
  ConfigureResult,
  Issue,
  RulesetFile,
  RulesetSource,
} from '@torvan/configurator-core'
import {
  compileRuleset,
  createConfigurator,
  formatPath,
  runRuleCases,
} from '@torvan/configurator-core'
import { useMemo, useState } from 'preact/hooks'
import type { Session } from './api.js'
import { call } from './api.js'
import type { Engine } from './engine.js'

/** The files of a ruleset source, in the order a rule author reads them. */
function filesOf(source: RulesetSource): RulesetFile[] {
  return [
    source.product,
    ...(source.numbers === undefined ? [] : [source.numbers]),
    ...source.rules,
  ]
}

/** The source with one file's content replaced. */
function withFile(source: RulesetSource, file: string, content: unknown): RulesetSource {
  const swap = (entry: RulesetFile) => (entry.file === file ? { file, content } : entry)
  return {
    product: swap(source.product),
    ...(source.numbers === undefined ? {} : { numbers: swap(source.numbers) }),
    rules: source.rules.map(swap),
  }
}

interface Checked {
  syntax?: string
  issues: Issue[]
  configurator?: Configurator
}

/** A rule playground: edit one file of the active rules, see the check, run the cases, try a sink. */
export function Playground(props: {
  session: Session
  engine: Engine
  configuration: Record<string, unknown>
}) {
  const source = props.engine.model.rules
  const files = filesOf(source)
  const [file, setFile] = useState(files[1]?.file ?? files[0]?.file ?? '')
  const original = files.find((entry) => entry.file === file)
  const [texts, setTexts] = useState<Record<string, string>>({})
  const text = texts[file] ?? `${JSON.stringify(original?.content ?? null, null, 2)}\n`
  const [cases, setCases] = useState<RulesetFile[] | undefined>()
  const [caseResults, setCaseResults] = useState<CasesFileResult[] | undefined>()
  const [tryText, setTryText] = useState(() => JSON.stringify(props.configuration, null, 2))
  const [tried, setTried] = useState<ConfigureResult | string | undefined>()
  const [error, setError] = useState<string | undefined>()

  const checked = useMemo((): Checked => {
    let edited = source
    for (const [name, content] of Object.entries(texts)) {
      try {
        edited = withFile(edited, name, JSON.parse(content) as unknown)
      } catch (e) {
        return { syntax: `${name}: ${(e as Error).message}`, issues: [] }
      }
    }
    const compiled = compileRuleset(edited, { catalog: props.engine.catalog })
    return {
      issues: compiled.issues,
      ...(compiled.ruleset === undefined
        ? {}
        : {
            configurator: createConfigurator({
              catalog: props.engine.catalog,
              ruleset: compiled.ruleset,
            }),
          }),
    }
  }, [texts, source])

  const runCases = async () => {
    setError(undefined)
    try {
      let files = cases
      if (files === undefined) {
        files = (
          await call<{ files: RulesetFile[] }>('GET', '/model/cases', {
            token: props.session.token,
          })
        ).files
        setCases(files)
      }
      const configurator = checked.configurator
      if (configurator === undefined) throw new Error('The rules have errors: fix them first.')
      setCaseResults(files.map((entry) => runRuleCases(configurator, entry)))
    } catch (e) {
      setError((e as Error).message)
    }
  }

  const fired = new Set(caseResults?.flatMap((result) => [...result.fired]) ?? [])
  const rules = checked.configurator?.ruleset.rules.map((rule) => rule.name) ?? []
  const unfired = rules.filter((name) => !fired.has(name))
  const errors = checked.issues.filter((issue) => issue.severity === 'error').length

  return (
    <section class="playground" aria-labelledby="playground-title">
      <h2 id="playground-title">Rule playground</h2>
      <p class="help">
        The active rules (version {props.engine.model.rulesetVersion}), edited here only: nothing is
        stored unless an administrator imports it.
      </p>
      <label for="rule-file">Rule file</label>
      <select
        id="rule-file"
        value={file}
        onChange={(event) => {
          setFile(event.currentTarget.value)
        }}
      >
        {files.map((entry) => (
          <option value={entry.file} key={entry.file}>
            {entry.file}
            {texts[entry.file] === undefined ? '' : ' (edited)'}
          </option>
        ))}
      </select>
      <button
        type="button"
        onClick={() => {
          setTexts(Object.fromEntries(Object.entries(texts).filter(([name]) => name !== file)))
        }}
      >
        Undo my changes to this file
      </button>
      <label for="rule-json">JSON of {file}</label>
      <textarea
        id="rule-json"
        spellcheck={false}
        rows={24}
        value={text}
        onInput={(event) => {
          setTexts({ ...texts, [file]: event.currentTarget.value })
        }}
      />
      <div class="diagnostics" aria-live="polite" aria-label="rules check">
        <h3>
          rules check:{' '}
          {checked.syntax === undefined
            ? `${errors} error${errors === 1 ? '' : 's'}, ${checked.issues.length - errors} warnings`
            : 'not JSON'}
        </h3>
        {checked.syntax === undefined ? null : <p class="finding error">{checked.syntax}</p>}
        <ul>
          {checked.issues.map((issue, index) => (
            <li class={`finding ${issue.severity}`} key={index} data-code={issue.code}>
              <strong>{issue.severity}</strong> {issue.file ?? ''}:{' '}
              <code class="path">{formatPath(issue.path)}</code>: {issue.message}
              {issue.hint === undefined ? null : <span class="hint"> ({issue.hint})</span>}
            </li>
          ))}
        </ul>
      </div>
      <h3>Test cases</h3>
      <button type="button" onClick={() => void runCases()}>
        Run the test cases
      </button>
      {error === undefined ? null : (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {caseResults === undefined ? null : (
        <div class="cases" aria-label="test case results">
          <p data-testid="coverage">
            rule coverage: {rules.length - unfired.length} of {rules.length} rules fired in at least
            one case; {caseResults.reduce((n, r) => n + r.passed, 0)} passed,{' '}
            {caseResults.reduce((n, r) => n + r.failed.length + r.issues.length, 0)} failed
          </p>
          {unfired.length === 0 ? null : <p>never fired: {unfired.join(', ')}</p>}
          <ul>
            {caseResults.map((result) => (
              <li key={result.file}>
                {result.failed.length === 0 && result.issues.length === 0 ? 'ok' : 'FAIL'}{' '}
                {result.file}: {result.passed} passed, {result.failed.length} failed
                <ul>
                  {result.issues.map((issue, index) => (
                    <li key={`i${index}`}>
                      <code>{formatPath(issue.path)}</code>: {issue.message}
                    </li>
                  ))}
                  {result.failed.map((failure) => (
                    <li key={failure.index}>
                      cases[{failure.index}] {failure.case}: {failure.problems.join('; ')}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </div>
      )}
      <h3>Try a configuration</h3>
      <label for="try-json">Configuration (JSON)</label>
      <textarea
        id="try-json"
        spellcheck={false}
        rows={10}
        value={tryText}
        onInput={(event) => {
          setTryText(event.currentTarget.value)
        }}
      />
      <button
        type="button"
        onClick={() => {
          try {
            const configurator = checked.configurator
            if (configurator === undefined)
              throw new Error('The rules have errors: fix them first.')
            setTried(configurator.configure(JSON.parse(tryText) as unknown))
          } catch (e) {
            setTried((e as Error).message)
          }
        }}
      >
        Configure with the edited rules
      </button>
      {tried === undefined ? null : typeof tried === 'string' ? (
        <p class="error">{tried}</p>
      ) : (
        <div class="tried" aria-label="configuration result">
          <p>
            {tried.ok ? 'valid' : 'not valid'}: {tried.lines.length} lines, {tried.findings.length}{' '}
            findings
          </p>
          <ul>
            {tried.findings.map((finding, index) => (
              <li class={`finding ${finding.severity}`} key={index}>
                <code>{finding.path}</code>: {finding.message} · {finding.rule}
              </li>
            ))}
            {tried.lines.map((line) => (
              <li key={line.id}>
                {line.number ?? ''} {line.id} × {line.quantity} ({line.rules.join(', ')})
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  )
}
