import type { Explanation, PathSegment } from '@torvan/configurator-core'
import { explain, formatPath } from '@torvan/configurator-core'
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks'
import type { Session } from './api.js'
import { ApiError, call, keepSession, savedSession, signIn } from './api.js'
import { BomView, ExplanationView, WhyNotView } from './bom-view.js'
import type { Change, Domains, Engine, ModelPayload } from './engine.js'
import { changesFor, computeDomains, computeUpdate, createEngine, domainsOf } from './engine.js'
import { startingConfiguration, withValue } from './form.js'
import type { FormContext } from './form-view.js'
import { FieldView } from './form-view.js'
import type { WorkerAnswer, WorkerRequest } from './options-worker.js'
import { Playground } from './playground.js'
import type { Editing } from './save-panel.js'
import { SavePanel } from './save-panel.js'

/** one update's timings, for the status line and for measuring in a browser */
interface Timing {
  /** configure, explosion and cost in the core (the BOM and findings) */
  coreMs: number
  /** from the change to the BOM and findings rendered */
  totalMs: number
}

/** the timings of one configuration's option domains, worked out in the worker */
interface OptionsTiming {
  /** options() in the worker */
  workerMs: number
  /** from the change to the domains rendered */
  totalMs: number
}

declare global {
  interface Window {
    /** the timings of the updates so far (read by the browser test) */
    torvanTimings?: Timing[]
    torvanOptionsTimings?: OptionsTiming[]
  }
}

/** a configuration sent to the worker, and when its change was made */
interface Pending {
  configuration: unknown
  changedAt: number
}

/** the page's side of the worker */
interface Channel {
  worker: Worker | undefined
  busy: boolean
  /** the latest change made while the worker was busy */
  next: Pending | undefined
  sent: Map<number, Pending>
  id: number
}

interface DomainsState {
  domains: Domains
  /** when the change they answer was made */
  changedAt: number
}

/**
 * The option domains of the configuration, worked out in a worker: while it works, the page shows
 * the domains of the configuration before; changes made meanwhile are sent as one, the latest.
 */
function useDomains(
  engine: Engine,
  configuration: Record<string, unknown>,
  changedAt: number,
): DomainsState | undefined {
  const [state, setState] = useState<DomainsState | undefined>()
  const channel = useRef<Channel | undefined>(undefined)

  useEffect(() => {
    let worker: Worker | undefined
    try {
      worker = new Worker(new URL('./options-worker.ts', import.meta.url), { type: 'module' })
    } catch {
      worker = undefined
    }
    const own: Channel = { worker, busy: false, next: undefined, sent: new Map(), id: 0 }
    channel.current = own
    if (worker === undefined) return
    worker.postMessage({ kind: 'model', model: engine.model } satisfies WorkerRequest)
    worker.onmessage = (event: MessageEvent<WorkerAnswer>) => {
      const answer = event.data
      const request = own.sent.get(answer.id)
      own.sent.delete(answer.id)
      own.busy = false
      if (own.next !== undefined) {
        send(own, own.next)
        own.next = undefined
      }
      if (answer.kind === 'options' && request !== undefined)
        setState({
          domains: domainsOf(request.configuration, answer.result, answer.ms),
          changedAt: request.changedAt,
        })
    }
    return () => {
      worker.terminate()
    }
  }, [engine])

  useEffect(() => {
    const own = channel.current
    if (own === undefined) return
    if (own.worker === undefined) {
      setState({ domains: computeDomains(engine, configuration), changedAt })
      return
    }
    if (own.busy) own.next = { configuration, changedAt }
    else send(own, { configuration, changedAt })
  }, [configuration])
  return state
}

function send(own: Channel, request: Pending): void {
  own.id += 1
  own.busy = true
  own.sent.set(own.id, request)
  own.worker?.postMessage({
    kind: 'options',
    id: own.id,
    configuration: request.configuration,
  } satisfies WorkerRequest)
}

function SignIn(props: { onSession: (session: Session) => void }) {
  const [username, setUsername] = useState('')
  const [password, setPassword] = useState('')
  const [error, setError] = useState<string | undefined>()
  const [busy, setBusy] = useState(false)
  return (
    <form
      class="sign-in"
      aria-labelledby="sign-in-title"
      onSubmit={(event) => {
        event.preventDefault()
        setBusy(true)
        setError(undefined)
        signIn(username, password)
          .then(props.onSession)
          .catch((e: unknown) => {
            setError(e instanceof Error ? e.message : String(e))
          })
          .finally(() => {
            setBusy(false)
          })
      }}
    >
      <h1 id="sign-in-title">TORVAN configurator: sign in</h1>
      <label for="username">Username</label>
      <input
        id="username"
        autocomplete="username"
        value={username}
        onInput={(event) => {
          setUsername(event.currentTarget.value)
        }}
      />
      <label for="password">Password</label>
      <input
        id="password"
        type="password"
        autocomplete="current-password"
        value={password}
        onInput={(event) => {
          setPassword(event.currentTarget.value)
        }}
      />
      <button type="submit" disabled={busy}>
        Sign in
      </button>
      {error === undefined ? null : (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </form>
  )
}

type Aside =
  | { kind: 'explain'; explanation: Explanation; root: string }
  | {
      kind: 'why-not'
      path: string
      value: unknown
      changes: Change[]
      errors: { path: string; message: string; rule: string }[]
    }

function Configurator(props: { session: Session; engine: Engine }) {
  const { engine, session } = props
  const [configuration, setConfiguration] = useState<Record<string, unknown>>(() =>
    startingConfiguration(engine.form),
  )
  const [aside, setAside] = useState<Aside | undefined>()
  const [editing, setEditing] = useState<Editing | undefined>()
  const [tab, setTab] = useState<'configure' | 'playground'>('configure')
  const [jsonText, setJsonText] = useState('')
  const [jsonError, setJsonError] = useState<string | undefined>()
  const changedAt = useRef(performance.now())
  const domains = useDomains(engine, configuration, changedAt.current)
  const update = useMemo(
    () => computeUpdate(engine, configuration, domains?.domains),
    [engine, configuration, domains],
  )
  const [timing, setTiming] = useState<Timing | undefined>()
  const [optionsTiming, setOptionsTiming] = useState<OptionsTiming | undefined>()

  useLayoutEffect(() => {
    const next = { coreMs: update.ms, totalMs: performance.now() - changedAt.current }
    window.torvanTimings = [...(window.torvanTimings ?? []), next]
    setTiming(next)
  }, [configuration])
  useLayoutEffect(() => {
    if (domains === undefined) return
    const next = { workerMs: domains.domains.ms, totalMs: performance.now() - domains.changedAt }
    window.torvanOptionsTimings = [...(window.torvanOptionsTimings ?? []), next]
    setOptionsTiming(next)
  }, [domains])

  const change = (next: Record<string, unknown>) => {
    changedAt.current = performance.now()
    setConfiguration(next)
  }
  const ctx: FormContext = {
    engine,
    configuration,
    update,
    set: (path: readonly PathSegment[], value: unknown) => {
      change(withValue(configuration, path, value) as Record<string, unknown>)
    },
    whyNot: (path: readonly PathSegment[], value: unknown) => {
      const { changes, errors } = changesFor(engine, configuration, { path, value })
      setAside({ kind: 'why-not', path: formatPath(path), value, changes, errors })
    },
  }
  const placedAtTop = update.findings.get('') ?? []
  const errors = update.result.findings.filter((f) => f.severity === 'error').length

  return (
    <>
      <nav class="tabs" aria-label="Pages">
        <button
          type="button"
          aria-pressed={tab === 'configure'}
          onClick={() => {
            setTab('configure')
          }}
        >
          Configure
        </button>
        <button
          type="button"
          aria-pressed={tab === 'playground'}
          onClick={() => {
            setTab('playground')
          }}
        >
          Rule playground
        </button>
      </nav>
      {tab === 'playground' ? (
        <Playground session={session} engine={engine} configuration={configuration} />
      ) : (
        <div class="workspace">
          <form
            class="configuration"
            aria-label={`${engine.ruleset.name ?? engine.ruleset.product} configuration`}
            onSubmit={(event) => {
              event.preventDefault()
            }}
          >
            <p class="status" role="status" data-testid="status">
              {errors === 0
                ? update.result.ok
                  ? 'Valid configuration'
                  : 'Checking…'
                : `${errors} error${errors === 1 ? '' : 's'}`}
              {timing === undefined
                ? ''
                : ` · BOM in ${timing.totalMs.toFixed(1)} ms (core ${timing.coreMs.toFixed(1)} ms)`}
              {update.domainsPending
                ? ' · checking the options…'
                : optionsTiming === undefined
                  ? ''
                  : ` · options in ${optionsTiming.totalMs.toFixed(1)} ms`}
              {editing === undefined ? '' : ` · editing build ${editing.buildNumber}`}
            </p>
            {placedAtTop.length === 0 ? null : (
              <ul class="findings">
                {placedAtTop.map((finding, index) => (
                  <li class={`finding ${finding.severity}`} key={index}>
                    <strong>{finding.severity}</strong>{' '}
                    {finding.path === '' ? '' : `${finding.path}: `}
                    {finding.message}
                  </li>
                ))}
              </ul>
            )}
            {engine.form.map((field) => (
              <FieldView ctx={ctx} field={field} path={[field.key]} key={field.key} />
            ))}
            <details class="json">
              <summary>Configuration as JSON</summary>
              <pre>{JSON.stringify(configuration, null, 2)}</pre>
              <label for="load-json">Load a configuration (JSON)</label>
              <textarea
                id="load-json"
                rows={6}
                value={jsonText}
                onInput={(event) => {
                  setJsonText(event.currentTarget.value)
                }}
              />
              <button
                type="button"
                onClick={() => {
                  try {
                    const parsed = JSON.parse(jsonText) as unknown
                    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
                      throw new Error('expected a JSON object')
                    setJsonError(undefined)
                    setEditing(undefined)
                    change(parsed as Record<string, unknown>)
                  } catch (e) {
                    setJsonError((e as Error).message)
                  }
                }}
              >
                Use this configuration
              </button>
              {jsonError === undefined ? null : <p class="error">{jsonError}</p>}
            </details>
          </form>
          <div class="side">
            {aside?.kind === 'explain' ? (
              <ExplanationView
                explanation={aside.explanation}
                root={aside.root}
                onClose={() => {
                  setAside(undefined)
                }}
              />
            ) : aside?.kind === 'why-not' ? (
              <WhyNotView
                {...aside}
                onClose={() => {
                  setAside(undefined)
                }}
              />
            ) : null}
            <BomView
              update={update}
              onExplain={(id, root) => {
                let explanation = explain(engine.configurator, configuration, id)
                // a part inside an assembly is there through the line it belongs to
                if (explanation.verdict === 'no-rule' && root !== id)
                  explanation = explain(engine.configurator, configuration, root)
                setAside({ kind: 'explain', explanation, root: id })
              }}
            />
            <SavePanel
              session={session}
              engine={engine}
              configuration={configuration}
              valid={update.result.ok}
              editing={editing}
              onOpen={(next, item) => {
                setEditing(item)
                if (next !== configuration) change(next)
              }}
            />
          </div>
        </div>
      )}
    </>
  )
}

/** The page: sign in, pick a product, configure. */
export function App() {
  const [session, setSession] = useState<Session | undefined>(savedSession)
  const [products, setProducts] = useState<string[]>([])
  const [product, setProduct] = useState<string | undefined>()
  const [engine, setEngine] = useState<Engine | undefined>()
  const [error, setError] = useState<string | undefined>()

  useEffect(() => {
    void call<{ products: { product: string; state: string }[] }>('GET', '/health').then(
      (health) => {
        // the products the service configures; a product whose rules did not load is not offered
        const list = health.products.filter((p) => p.state === 'loaded').map((p) => p.product)
        setProducts(list)
        setProduct(list[0])
      },
    )
  }, [])

  useEffect(() => {
    if (session === undefined || product === undefined) return
    setEngine(undefined)
    setError(undefined)
    call<ModelPayload>('GET', `/model?product=${encodeURIComponent(product)}`, {
      token: session.token,
    })
      .then((model) => {
        const built = createEngine(model)
        if (built.engine === undefined)
          setError(`The model does not compile: ${built.issues[0]?.message ?? ''}`)
        else setEngine(built.engine)
      })
      .catch((e: unknown) => {
        if (e instanceof ApiError && e.status === 401) {
          keepSession(undefined)
          setSession(undefined)
        }
        setError(e instanceof Error ? e.message : String(e))
      })
  }, [session, product])

  if (session === undefined) {
    return (
      <main>
        <SignIn
          onSession={(next) => {
            keepSession(next)
            setSession(next)
          }}
        />
      </main>
    )
  }
  return (
    <main>
      <header class="top">
        <h1>TORVAN configurator</h1>
        <label for="product">Product</label>
        <select
          id="product"
          value={product ?? ''}
          onChange={(event) => {
            setProduct(event.currentTarget.value)
          }}
        >
          {product === undefined ? <option value="">— choose —</option> : null}
          {products.map((p) => (
            <option value={p} key={p}>
              {p}
            </option>
          ))}
        </select>
        {engine === undefined ? null : (
          <span class="model-info">
            rules v{engine.model.rulesetVersion} · catalog {engine.model.catalogHash.slice(0, 8)}
          </span>
        )}
        <span class="user">
          {session.user.displayName ?? session.user.username}
          <button
            type="button"
            onClick={() => {
              keepSession(undefined)
              setSession(undefined)
              setEngine(undefined)
            }}
          >
            Sign out
          </button>
        </span>
      </header>
      {error === undefined ? null : (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {engine === undefined ? (
        error === undefined ? (
          <p class="status">Loading the model…</p>
        ) : null
      ) : (
        <Configurator session={session} engine={engine} key={engine.model.rulesetHash} />
      )}
    </main>
  )
}
