import type {
  BomTreeLine,
  ConditionTrace,
  Derivation,
  Explanation,
} from '@torvan/configurator-core'
import { useState } from 'preact/hooks'
import type { Change, Update } from './engine.js'

/** The BOM as a tree and as a flat list; clicking a line asks why it is there. */
export function BomView(props: { update: Update; onExplain: (id: string, root: string) => void }) {
  const [view, setView] = useState<'tree' | 'flat'>('tree')
  const { update } = props
  const costs = new Map(update.cost?.lines.map((line) => [line.id, line]) ?? [])
  if (!update.result.ok) {
    const errors = update.result.findings.filter((f) => f.severity === 'error').length
    return (
      <section class="bom" aria-labelledby="bom-title">
        <h2 id="bom-title">BOM</h2>
        <p class="status">
          No BOM yet: {errors} error{errors === 1 ? '' : 's'} to fix (shown at their fields).
        </p>
      </section>
    )
  }
  return (
    <section class="bom" aria-labelledby="bom-title">
      <h2 id="bom-title">
        BOM: {update.result.lines.length} lines, {update.flat.length} parts
      </h2>
      <div role="group" aria-label="BOM view" class="segmented">
        <button
          type="button"
          aria-pressed={view === 'tree'}
          onClick={() => {
            setView('tree')
          }}
        >
          Tree
        </button>
        <button
          type="button"
          aria-pressed={view === 'flat'}
          onClick={() => {
            setView('flat')
          }}
        >
          Flat list
        </button>
      </div>
      {update.cost === undefined ? null : (
        <p class="cost" data-testid="cost">
          Cost: {update.cost.currency} {update.cost.total}
          {update.cost.complete ? '' : ` (${update.cost.unpriced.length} items without a price)`}
        </p>
      )}
      {view === 'tree' ? (
        <ul class="tree" aria-label="BOM tree">
          {update.tree.map((line) => (
            <TreeLine line={line} root={line.id} onExplain={props.onExplain} key={line.id} />
          ))}
        </ul>
      ) : (
        <table class="flat" aria-label="BOM flat list">
          <thead>
            <tr>
              <th scope="col">Item</th>
              <th scope="col">Name</th>
              <th scope="col">Qty</th>
              {update.cost === undefined ? null : <th scope="col">Unit cost</th>}
              {update.cost === undefined ? null : <th scope="col">Total</th>}
            </tr>
          </thead>
          <tbody>
            {update.flat.map((line) => (
              <tr key={line.id}>
                <td>{line.id}</td>
                <td>{line.name}</td>
                <td class="qty">{line.quantity}</td>
                {update.cost === undefined ? null : (
                  <td class="qty">{costs.get(line.id)?.unitCost ?? '—'}</td>
                )}
                {update.cost === undefined ? null : (
                  <td class="qty">{costs.get(line.id)?.total ?? '—'}</td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}

function TreeLine(props: {
  line: BomTreeLine
  root: string
  onExplain: (id: string, root: string) => void
}) {
  const { line } = props
  return (
    <li>
      <button
        type="button"
        class="line"
        data-item={line.id}
        onClick={() => {
          props.onExplain(line.id, props.root)
        }}
      >
        {line.number === null ? null : <span class="number">{line.number}</span>}
        <span class="id">{line.id}</span> <span class="name">{line.name}</span>{' '}
        <span class="qty">× {line.quantity}</span>
        {line.notes === undefined ? null : <span class="notes"> ({line.notes})</span>}
      </button>
      {line.children.length === 0 ? null : (
        <ul>
          {line.children.map((child, index) => (
            <TreeLine line={child} root={props.root} onExplain={props.onExplain} key={index} />
          ))}
        </ul>
      )}
    </li>
  )
}

function show(value: unknown): string {
  return value === undefined ? 'absent' : JSON.stringify(value)
}

function DerivationView({ derivation }: { derivation: Derivation }) {
  return (
    <ul class="derivation">
      <li>
        ← <code>{derivation.fact}</code> = {show(derivation.value)}
        {derivation.description === undefined ? null : (
          <span class="help"> ({derivation.description})</span>
        )}
        {derivation.fields.length === 0 ? null : (
          <ul>
            {derivation.fields.map((field) => (
              <li key={field.path}>
                ← field <code>{field.path}</code>
                {field.entries === undefined
                  ? ` = ${show(field.value)}`
                  : ` (${field.entries} entries)`}
              </li>
            ))}
          </ul>
        )}
        {derivation.facts.map((inner) => (
          <DerivationView derivation={inner} key={inner.fact} />
        ))}
      </li>
    </ul>
  )
}

function ConditionView({ trace }: { trace: ConditionTrace }) {
  const mark = trace.holds ? '✓' : '✗'
  if (trace.kind !== 'fact') {
    return (
      <li>
        {mark} {trace.kind}
        <ul>
          {(trace.conditions ?? []).map((inner, index) => (
            <ConditionView trace={inner} key={index} />
          ))}
        </ul>
      </li>
    )
  }
  return (
    <li>
      {mark} <code>{trace.fact}</code>
      {trace.path === undefined ? '' : ` ${trace.path}`} {trace.operator} {show(trace.value)}{' '}
      <span class="help">(it is {show(trace.actual)})</span>
      {trace.derivation === undefined ? null : <DerivationView derivation={trace.derivation} />}
    </li>
  )
}

/** Why a line is in the BOM: the rules behind it, their conditions and the fields that decided them. */
export function ExplanationView(props: {
  explanation: Explanation
  root: string | undefined
  onClose: () => void
}) {
  const { explanation } = props
  return (
    <section class="explanation" aria-labelledby="explain-title">
      <h2 id="explain-title">Why {explanation.item}?</h2>
      <button type="button" class="close" onClick={props.onClose}>
        Close
      </button>
      {props.root !== undefined && props.root !== explanation.item ? (
        <p>
          In the BOM as part of <code>{props.root}</code> (catalog structure); the rules below put
          that line there.
        </p>
      ) : null}
      <p class="verdict">
        Verdict: <strong>{explanation.verdict}</strong>
        {explanation.line === undefined ? '' : `, quantity ${explanation.line.quantity}`}
      </p>
      {explanation.rules.length === 0 ? <p>No rule adds this item.</p> : null}
      <ol class="rules">
        {explanation.rules.map((rule, index) => (
          <li key={index}>
            <p>
              rule <code>{rule.rule}</code> ({rule.file})
              {rule.element === undefined ? '' : ` for ${rule.element}`}:{' '}
              {rule.adds
                ? 'fired and adds it'
                : rule.fired
                  ? `fired, gives ${rule.gives}`
                  : 'did not fire'}
            </p>
            {rule.description === undefined ? null : <p class="help">{rule.description}</p>}
            <ul class="conditions">
              <ConditionView trace={rule.conditions} />
            </ul>
          </li>
        ))}
      </ol>
    </section>
  )
}

/** What would have to change for a ruled-out value to be allowed. */
export function WhyNotView(props: {
  path: string
  value: unknown
  changes: Change[]
  errors: { path: string; message: string; rule: string }[]
  onClose: () => void
}) {
  return (
    <section class="why-not" aria-labelledby="why-not-title">
      <h2 id="why-not-title">
        Why not {show(props.value)} at {props.path}?
      </h2>
      <button type="button" class="close" onClick={props.onClose}>
        Close
      </button>
      <p>With it, the configuration runs into:</p>
      <ul>
        {props.errors.map((error, index) => (
          <li key={index}>
            <code>{error.path}</code>: {error.message} <span class="rule">· {error.rule}</span>
          </li>
        ))}
      </ul>
      {props.changes.length === 0 ? (
        <p>No single other choice makes it possible.</p>
      ) : (
        <>
          <p>To allow it, change:</p>
          <ul class="changes">
            {props.changes.map((change) => (
              <li key={change.path}>
                <code>{change.path}</code>: {show(change.from)} → {change.to.map(show).join(' or ')}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  )
}
