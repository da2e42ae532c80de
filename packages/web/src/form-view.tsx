import type { Finding, OptionDomain, PathSegment, Reason } from '@torvan/configurator-core'
import { formatPath } from '@torvan/configurator-core'
import { useEffect, useState } from 'preact/hooks'
import type { Engine, Update } from './engine.js'
import { intervalText } from './engine.js'
import type { Field } from './form.js'
import { valueAt } from './form.js'

/** What every control needs: the configuration, its update, and how to change it. */
export interface FormContext {
  engine: Engine
  configuration: Record<string, unknown>
  update: Update
  set: (path: readonly PathSegment[], value: unknown) => void
  /** a ruled-out value was clicked: show what would have to change */
  whyNot: (path: readonly PathSegment[], value: unknown) => void
}

const SEGMENTED_MAX = 8

function idOf(path: readonly PathSegment[]): string {
  return `f-${formatPath(path).replace(/[^\w-]+/g, '-')}`
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}

/**
 * why a value is ruled out, or undefined when it is not; when no value is allowed at all, nothing is
 * disabled (the reasons are about another option, e.g. too few basins for the model)
 */
function reasonsOf(domain: OptionDomain | undefined, value: unknown): Reason[] | undefined {
  if (domain === undefined || !domain.allowed.some((allowed) => allowed !== null)) return undefined
  return domain.ruledOut.find((out) => same(out.value, value))?.reasons
}

function singular(label: string): string {
  if (label.endsWith('ies')) return `${label.slice(0, -3)}y`
  if (label.endsWith('s')) return label.slice(0, -1)
  return label
}

function FindingList({ findings }: { findings: readonly Finding[] | undefined }) {
  if (findings === undefined || findings.length === 0) return null
  return (
    <ul class="findings">
      {findings.map((finding) => (
        <li class={`finding ${finding.severity}`} key={`${finding.rule}:${finding.message}`}>
          <strong>{finding.severity}</strong> {finding.message}
          {finding.hint === undefined ? null : <span class="hint"> ({finding.hint})</span>}
          <span class="rule"> · {finding.rule}</span>
        </li>
      ))}
    </ul>
  )
}

function Help({ field }: { field: Field }) {
  const text = [field.description, field.hint].filter((part) => part !== undefined).join('; ')
  return text === '' ? null : <span class="help">{text}</span>
}

/** A choice among a few values: buttons, the ruled-out ones disabled with their reason. */
function Choices(props: {
  ctx: FormContext
  path: readonly PathSegment[]
  label: string
  values: readonly { value: unknown; text: string }[]
  current: unknown
  fallback?: unknown
  onPick: (value: unknown) => void
}) {
  const domain = props.ctx.update.domains.get(formatPath(props.path))
  const ruledOut = props.values.filter((choice) => reasonsOf(domain, choice.value) !== undefined)
  return (
    <div class="choices">
      <div role="group" aria-label={props.label} class="segmented">
        {props.values.map((choice) => {
          const reasons = reasonsOf(domain, choice.value)
          const chosen =
            props.current === undefined
              ? same(props.fallback, choice.value)
              : same(props.current, choice.value)
          return (
            <button
              type="button"
              key={choice.text}
              class={`choice${chosen ? ' chosen' : ''}${props.current === undefined && chosen ? ' default' : ''}`}
              aria-pressed={chosen}
              aria-disabled={reasons !== undefined}
              title={reasons?.map((r) => r.message).join('\n')}
              onClick={() => {
                if (reasons !== undefined) props.ctx.whyNot(props.path, choice.value)
                else props.onPick(choice.value)
              }}
            >
              {choice.text}
            </button>
          )
        })}
      </div>
      {ruledOut.length === 0 ? null : (
        <ul class="ruled-out">
          {ruledOut.map((choice) => (
            <li key={choice.text}>
              <button
                type="button"
                class="link"
                onClick={() => {
                  props.ctx.whyNot(props.path, choice.value)
                }}
              >
                {choice.text}
              </button>{' '}
              ruled out:{' '}
              {reasonsOf(domain, choice.value)
                ?.map((r) => r.message)
                .join('; ')}
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}

function NumberInput(props: {
  id: string
  field: Field & { kind: 'number' | 'integer' }
  value: unknown
  onValue: (value: number | undefined) => void
}) {
  const outside = typeof props.value === 'number' ? String(props.value) : ''
  const [text, setText] = useState(outside)
  // another change (a loaded configuration) replaces what is typed
  useEffect(() => {
    if (Number(text) !== props.value || text === '') setText(outside)
  }, [outside])
  return (
    <input
      id={props.id}
      type="number"
      inputMode="decimal"
      value={text}
      step={props.field.step}
      {...(props.field.min === undefined ? {} : { min: props.field.min })}
      {...(props.field.max === undefined ? {} : { max: props.field.max })}
      placeholder={typeof props.field.default === 'number' ? String(props.field.default) : ''}
      onInput={(event) => {
        const next = event.currentTarget.value
        setText(next)
        props.onValue(next.trim() === '' ? undefined : Number(next))
      }}
    />
  )
}

function NumberDomain({ domain }: { domain: OptionDomain | undefined }) {
  if (domain?.intervals === undefined) return null
  return (
    <div class="domain">
      <span>possible: {domain.intervals.allowed.map(intervalText).join(' ∪ ') || 'none'}</span>
      {domain.intervals.ruledOut.map((out) => (
        <span class="ruled-out-range" key={intervalText(out.interval)}>
          {' '}
          · {intervalText(out.interval)} ruled out: {out.reasons.map((r) => r.message).join('; ')}
        </span>
      ))}
    </div>
  )
}

/** One control of the generated form, at a path of the configuration. */
export function FieldView(props: {
  ctx: FormContext
  field: Field
  path: readonly PathSegment[]
  label?: string
}) {
  const { ctx, field, path } = props
  const label = props.label ?? field.label
  const key = formatPath(path)
  const value = valueAt(ctx.configuration, path)
  const domain = ctx.update.domains.get(key)
  const findings = ctx.update.findings.get(key)
  const id = idOf(path)
  const set = (next: unknown) => {
    ctx.set(path, next)
  }
  switch (field.kind) {
    case 'enum': {
      if (field.values.length <= SEGMENTED_MAX) {
        return (
          <div class="field" data-path={key}>
            <span class="label" id={`${id}-label`}>
              {label}
              {field.required ? ' *' : ''}
            </span>
            <Choices
              ctx={ctx}
              path={path}
              label={label}
              values={field.values.map((v) => ({ value: v, text: v }))}
              current={value}
              fallback={field.default}
              onPick={set}
            />
            <Help field={field} />
            <FindingList findings={findings} />
          </div>
        )
      }
      return (
        <div class="field" data-path={key}>
          <label for={id}>{label}</label>
          <EnumSelect ctx={ctx} id={id} path={path} values={field.values} value={value} />
          <Help field={field} />
          <FindingList findings={findings} />
        </div>
      )
    }
    case 'item':
      return (
        <div class="field" data-path={key}>
          <label for={id}>{label}</label>
          <EnumSelect
            ctx={ctx}
            id={id}
            path={path}
            values={itemChoices(domain, value)}
            value={value}
          />
          <Help field={field} />
          <FindingList findings={findings} />
        </div>
      )
    case 'number':
    case 'integer':
      return (
        <div class="field" data-path={key}>
          <label for={id}>{label}</label>
          <NumberInput id={id} field={field} value={value} onValue={set} />
          <NumberDomain domain={domain} />
          <Help field={field} />
          <FindingList findings={findings} />
        </div>
      )
    case 'text':
      return (
        <div class="field" data-path={key}>
          <label for={id}>{label}</label>
          <input
            id={id}
            type="text"
            value={typeof value === 'string' ? value : ''}
            {...(field.pattern === undefined ? {} : { pattern: field.pattern })}
            onInput={(event) => {
              const next = event.currentTarget.value
              set(next === '' ? undefined : next)
            }}
          />
          {field.patternHint === undefined ? null : <span class="help">{field.patternHint}</span>}
          <Help field={field} />
          <FindingList findings={findings} />
        </div>
      )
    case 'boolean': {
      const reasons = reasonsOf(domain, !(value === true))
      return (
        <div class="field check" data-path={key}>
          <input
            id={id}
            type="checkbox"
            checked={value === undefined ? field.default === true : value === true}
            aria-disabled={reasons !== undefined}
            onChange={(event) => {
              if (reasons !== undefined) {
                event.currentTarget.checked = !event.currentTarget.checked
                ctx.whyNot(path, !(value === true))
              } else set(event.currentTarget.checked)
            }}
          />
          <label for={id}>{label}</label>
          {reasons === undefined ? null : (
            <span class="ruled-out">
              {' '}
              cannot change: {reasons.map((r) => r.message).join('; ')}
            </span>
          )}
          <FindingList findings={findings} />
        </div>
      )
    }
    case 'group': {
      const absent = value === null || value === undefined
      return (
        <fieldset class="group" data-path={key}>
          <legend>{label}</legend>
          {field.nullable ? (
            <Choices
              ctx={ctx}
              path={path}
              label={`${label}: none or one`}
              values={[
                { value: null, text: `no ${label.toLowerCase()}` },
                { value: {}, text: `with ${label.toLowerCase()}` },
              ]}
              current={value === undefined ? undefined : value === null ? null : {}}
              fallback={field.default === undefined ? null : field.default}
              onPick={(next) => {
                set(next === null ? null : absent ? {} : value)
              }}
            />
          ) : null}
          <Help field={field} />
          <FindingList findings={findings} />
          {field.nullable && absent
            ? null
            : field.fields.map((child) => (
                <FieldView ctx={ctx} field={child} path={[...path, child.key]} key={child.key} />
              ))}
        </fieldset>
      )
    }
    case 'variant': {
      const custom = field.variants.find((variant) => variant.kind === 'object')
      const isCustom = typeof value === 'object' && value !== null
      const choices = field.variants.flatMap((variant) =>
        variant.kind === 'values'
          ? variant.values.map((v) => ({ value: v, text: v }))
          : [{ value: {}, text: variant.label }],
      )
      return (
        <fieldset class="group" data-path={key}>
          <legend>{label}</legend>
          <Choices
            ctx={ctx}
            path={path}
            label={label}
            values={choices}
            current={isCustom ? {} : value}
            fallback={field.default}
            onPick={(next) => {
              set(typeof next === 'object' && next !== null ? (isCustom ? value : {}) : next)
            }}
          />
          <Help field={field} />
          <FindingList findings={findings} />
          {isCustom && custom?.kind === 'object'
            ? custom.field.fields.map((child) => (
                <FieldView ctx={ctx} field={child} path={[...path, child.key]} key={child.key} />
              ))
            : null}
        </fieldset>
      )
    }
    case 'list':
      return <ListView ctx={ctx} field={field} path={path} label={label} />
  }
}

function itemChoices(domain: OptionDomain | undefined, value: unknown): readonly string[] {
  const values = new Set<string>()
  for (const allowed of domain?.allowed ?? []) if (typeof allowed === 'string') values.add(allowed)
  for (const out of domain?.ruledOut ?? []) if (typeof out.value === 'string') values.add(out.value)
  if (typeof value === 'string') values.add(value)
  return [...values].sort()
}

function EnumSelect(props: {
  ctx: FormContext
  id: string
  path: readonly PathSegment[]
  values: readonly string[]
  value: unknown
}) {
  const domain = props.ctx.update.domains.get(formatPath(props.path))
  const current = reasonsOf(domain, props.value)
  return (
    <>
      <select
        id={props.id}
        value={typeof props.value === 'string' ? props.value : ''}
        onChange={(event) => {
          const next = event.currentTarget.value
          props.ctx.set(props.path, next === '' ? undefined : next)
        }}
      >
        <option value="">— not set —</option>
        {props.values.map((v) => {
          const reasons = reasonsOf(domain, v)
          const name = props.ctx.engine.catalog.get(v)?.name
          return (
            <option value={v} key={v} disabled={reasons !== undefined && v !== props.value}>
              {name === undefined ? v : `${v} — ${name}`}
              {reasons === undefined ? '' : ` (ruled out: ${reasons[0]?.message ?? ''})`}
            </option>
          )
        })}
      </select>
      {current === undefined ? null : (
        <span class="ruled-out">ruled out: {current.map((r) => r.message).join('; ')}</span>
      )}
    </>
  )
}

/** A list option: its elements (each removable) and how to add one. */
function ListView(props: {
  ctx: FormContext
  field: Field & { kind: 'list' }
  path: readonly PathSegment[]
  label: string
}) {
  const { ctx, field, path, label } = props
  const key = formatPath(path)
  const value = valueAt(ctx.configuration, path)
  const elements = Array.isArray(value) ? (value as unknown[]) : []
  const findings = ctx.update.findings.get(key)
  const full = field.maxItems !== undefined && elements.length >= field.maxItems
  const name = singular(label)
  return (
    <fieldset class="group list" data-path={key}>
      <legend>
        {label} ({elements.length})
      </legend>
      <Help field={field} />
      <FindingList findings={findings} />
      {elements.map((element, index) => {
        const at = [...path, index]
        const item = field.item
        const pick = field.addKey === undefined ? undefined : valueAt(element, [field.addKey])
        const title =
          typeof pick === 'string'
            ? `${name} ${index + 1}: ${pick}${ctx.engine.catalog.get(pick) === undefined ? '' : ` — ${ctx.engine.catalog.get(pick)?.name ?? ''}`}`
            : `${name} ${index + 1}`
        return (
          <fieldset class="element" key={index} data-path={formatPath(at)}>
            <legend>{title}</legend>
            <button
              type="button"
              class="remove"
              aria-label={`Remove ${title}`}
              onClick={() => {
                ctx.set(at, undefined)
              }}
            >
              Remove
            </button>
            <FindingList findings={ctx.update.findings.get(formatPath(at))} />
            {item.kind === 'group' ? (
              item.fields
                .filter((child) => child.key !== field.addKey)
                .map((child) => (
                  <FieldView ctx={ctx} field={child} path={[...at, child.key]} key={child.key} />
                ))
            ) : (
              <FieldView ctx={ctx} field={item} path={at} label={title} />
            )}
            {field.addKey === undefined ? null : (
              <FindingList findings={ctx.update.findings.get(formatPath([...at, field.addKey]))} />
            )}
          </fieldset>
        )
      })}
      {full ? null : field.addKey === undefined ? (
        <button
          type="button"
          onClick={() => {
            ctx.set([...path, elements.length], {})
          }}
        >
          Add {name.toLowerCase()}
        </button>
      ) : (
        <AddPicker
          ctx={ctx}
          path={path}
          addKey={field.addKey}
          name={name}
          count={elements.length}
        />
      )}
    </fieldset>
  )
}

/** Adding an element by its key: every value the add domain lists, searchable when long. */
function AddPicker(props: {
  ctx: FormContext
  path: readonly PathSegment[]
  addKey: string
  name: string
  count: number
}) {
  const { ctx, path, addKey, name, count } = props
  const [query, setQuery] = useState('')
  const domain = ctx.update.domains.get(formatPath(path))
  const id = `${idOf(path)}-search`
  const values = [
    ...(domain?.allowed ?? []).map((value) => ({ value, reasons: undefined })),
    ...(domain?.ruledOut ?? []).map((out) => ({
      value: out.value,
      reasons: reasonsOf(domain, out.value),
    })),
  ]
    .filter((entry): entry is { value: string; reasons: Reason[] | undefined } => {
      return typeof entry.value === 'string'
    })
    .sort((a, b) => (a.value < b.value ? -1 : a.value > b.value ? 1 : 0))
  const needle = query.trim().toLowerCase()
  const shown = values.filter(
    (entry) =>
      needle === '' ||
      entry.value.toLowerCase().includes(needle) ||
      (ctx.engine.catalog.get(entry.value)?.name.toLowerCase().includes(needle) ?? false),
  )
  const searchable = values.length > SEGMENTED_MAX
  return (
    <div class="add-picker">
      {searchable ? (
        <>
          <label for={id}>Search {name.toLowerCase()} to add</label>
          <input
            id={id}
            type="search"
            value={query}
            placeholder="id or name"
            onInput={(event) => {
              setQuery(event.currentTarget.value)
            }}
          />
        </>
      ) : (
        <span class="label">Add {name.toLowerCase()}</span>
      )}
      <ul class="add-list" aria-label={`${name} to add`}>
        {shown.slice(0, 200).map((entry) => {
          const itemName = ctx.engine.catalog.get(entry.value)?.name
          return (
            <li key={entry.value} class={entry.reasons === undefined ? '' : 'is-ruled-out'}>
              <button
                type="button"
                aria-disabled={entry.reasons !== undefined}
                data-value={entry.value}
                onClick={() => {
                  if (entry.reasons !== undefined)
                    ctx.whyNot([...path, count], { [addKey]: entry.value })
                  else ctx.set([...path, count], { [addKey]: entry.value })
                }}
              >
                {entry.reasons === undefined ? 'Add ' : ''}
                {entry.value}
                {itemName === undefined ? '' : ` — ${itemName}`}
              </button>
              {entry.reasons === undefined ? null : (
                <span class="reason">
                  {' '}
                  ruled out: {entry.reasons.map((r) => r.message).join('; ')}{' '}
                  <button
                    type="button"
                    class="link"
                    aria-label={`What would have to change for ${entry.value}`}
                    onClick={() => {
                      ctx.whyNot([...path, count], { [addKey]: entry.value })
                    }}
                  >
                    what would have to change?
                  </button>
                </span>
              )}
            </li>
          )
        })}
      </ul>
      {shown.length > 200 ? <p class="help">{shown.length - 200} more: search to narrow</p> : null}
    </div>
  )
}
