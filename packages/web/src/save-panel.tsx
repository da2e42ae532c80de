import { useEffect, useState } from 'preact/hooks'
import type { Session } from './api.js'
import { ApiError, call } from './api.js'
import type { Engine } from './engine.js'

interface OrderRow {
  id: number
  number: string
  customer: string
  phase: string
}
interface OrderItem {
  id: number
  buildNumber: string
  bomId: number | null
  bomRevision: number | null
}
interface OrderView {
  id: number
  number: string
  version: number
  language: string
  phase: string
  items: OrderItem[]
}
interface StoredBom {
  id: number
  revision: number
  document: {
    revision: number
    buildNumber: string | null
    hashes: { configuration: string; catalog: string; ruleset: string; content: string }
    configuration: Record<string, unknown>
  }
}

/** Which order item the form was loaded from, so a save makes its next revision. */
export interface Editing {
  orderId: number
  itemId: number
  buildNumber: string
}

function message(error: unknown): string {
  if (error instanceof ApiError) {
    const errors = error.problem['errors']
    const list = Array.isArray(errors)
      ? errors
          .map((e: { path?: string; message?: string }) => `${e.path ?? ''}: ${e.message ?? ''}`)
          .join('; ')
      : ''
    return list === '' ? error.message : `${error.message} (${list})`
  }
  return error instanceof Error ? error.message : String(error)
}

/** Saving the configuration as an order item, and finding saved ones again. */
export function SavePanel(props: {
  session: Session
  engine: Engine
  configuration: Record<string, unknown>
  valid: boolean
  editing: Editing | undefined
  onOpen: (configuration: Record<string, unknown>, editing: Editing) => void
}) {
  const { session, configuration } = props
  const token = session.token
  const can = (permission: string) => session.user.permissions.includes(permission)
  const [customers, setCustomers] = useState<{ id: number; name: string }[]>([])
  const [orders, setOrders] = useState<OrderRow[]>([])
  const [target, setTarget] = useState('new')
  const [customerId, setCustomerId] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | undefined>()
  const [stored, setStored] = useState<{ order: OrderView; bom: StoredBom } | undefined>()
  const [opened, setOpened] = useState<OrderView | undefined>()

  const refresh = async () => {
    const list = await call<{ orders: OrderRow[] }>('GET', '/orders?pageSize=20&sort=-created', {
      token,
    })
    setOrders(list.orders)
  }
  useEffect(() => {
    if (can('customers:read'))
      void call<{ customers: { id: number; name: string }[] }>('GET', '/customers?pageSize=200', {
        token,
      })
        .then((list) => {
          setCustomers(list.customers)
          setCustomerId((current) => current || String(list.customers[0]?.id ?? ''))
        })
        .catch((e: unknown) => {
          setError(message(e))
        })
    if (can('orders:read'))
      refresh().catch((e: unknown) => {
        setError(message(e))
      })
  }, [token])

  const save = async () => {
    setBusy(true)
    setError(undefined)
    try {
      const buildNumber = configuration['buildNumber']
      if (typeof buildNumber !== 'string' || buildNumber === '')
        throw new Error('Give the sink a build number first (the Build number field).')
      let order: OrderView
      const editing = props.editing
      if (editing !== undefined && target === `item:${editing.itemId}`) {
        order = await call<OrderView>('PUT', `/orders/${editing.orderId}/items/${editing.itemId}`, {
          token,
          body: { configuration, version: (await readOrder(editing.orderId)).version },
        })
      } else {
        let orderId: number
        if (target === 'new') {
          const language = configuration['language']
          const created = await call<OrderView>('POST', '/orders', {
            token,
            body: {
              customerId: Number(customerId),
              ...(typeof language === 'string' ? { language } : {}),
            },
          })
          orderId = created.id
        } else orderId = Number(target.slice('order:'.length))
        const current = await readOrder(orderId)
        order = await call<OrderView>('POST', `/orders/${orderId}/items`, {
          token,
          body: { buildNumber, configuration, version: current.version },
        })
      }
      const item = order.items.find((i) => i.buildNumber === buildNumber)
      if (item?.bomId === null || item === undefined) throw new Error('The saved item has no BOM.')
      const bom = await call<StoredBom>('GET', `/boms/${item.bomId}`, { token })
      setStored({ order, bom })
      props.onOpen(configuration, { orderId: order.id, itemId: item.id, buildNumber })
      setTarget(`item:${item.id}`)
      await refresh()
    } catch (e) {
      setError(message(e))
    } finally {
      setBusy(false)
    }
  }

  const readOrder = (id: number) => call<OrderView>('GET', `/orders/${id}`, { token })

  const openItem = async (order: OrderView, item: OrderItem) => {
    setError(undefined)
    try {
      if (item.bomId === null) throw new Error(`Build ${item.buildNumber} has no BOM.`)
      const bom = await call<StoredBom>('GET', `/boms/${item.bomId}`, { token })
      setStored({ order, bom })
      props.onOpen(bom.document.configuration, {
        orderId: order.id,
        itemId: item.id,
        buildNumber: item.buildNumber,
      })
      setTarget(`item:${item.id}`)
    } catch (e) {
      setError(message(e))
    }
  }

  const { model } = props.engine
  return (
    <section class="save" aria-labelledby="save-title">
      <h2 id="save-title">Save to an order</h2>
      {can('orders:create') ? (
        <div class="save-form">
          <label for="save-target">Save as</label>
          <select
            id="save-target"
            value={target}
            onChange={(event) => {
              setTarget(event.currentTarget.value)
            }}
          >
            <option value="new">an item of a new order</option>
            {props.editing === undefined ? null : (
              <option value={`item:${props.editing.itemId}`}>
                the next revision of build {props.editing.buildNumber}
              </option>
            )}
            {orders
              .filter((o) => o.phase === 'DRAFT')
              .map((o) => (
                <option value={`order:${o.id}`} key={o.id}>
                  a new item of {o.number} ({o.customer})
                </option>
              ))}
          </select>
          {target === 'new' ? (
            <>
              <label for="save-customer">Customer</label>
              <select
                id="save-customer"
                value={customerId}
                onChange={(event) => {
                  setCustomerId(event.currentTarget.value)
                }}
              >
                {customers.map((c) => (
                  <option value={String(c.id)} key={c.id}>
                    {c.name}
                  </option>
                ))}
              </select>
            </>
          ) : null}
          <button type="button" disabled={busy || !props.valid} onClick={() => void save()}>
            Save
          </button>
          {props.valid ? null : <span class="help"> (fix the errors first)</span>}
        </div>
      ) : (
        <p class="help">Your role may not create orders.</p>
      )}
      {error === undefined ? null : (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {stored === undefined ? null : (
        <dl class="stored" aria-label="Stored BOM">
          <dt>Order</dt>
          <dd data-testid="stored-order">{stored.order.number}</dd>
          <dt>Build</dt>
          <dd>{stored.bom.document.buildNumber}</dd>
          <dt>BOM</dt>
          <dd data-testid="stored-revision">
            #{stored.bom.id}, revision {stored.bom.revision}
          </dd>
          <dt>Content hash</dt>
          <dd>
            <code>{stored.bom.document.hashes.content}</code>
          </dd>
          <dt>Configuration hash</dt>
          <dd>
            <code>{stored.bom.document.hashes.configuration}</code>
          </dd>
          <dt>Catalog hash</dt>
          <dd>
            <code>{stored.bom.document.hashes.catalog}</code>
            {stored.bom.document.hashes.catalog === model.catalogHash
              ? ' (the page’s)'
              : ' (not the page’s: reload)'}
          </dd>
          <dt>Ruleset hash</dt>
          <dd>
            <code>{stored.bom.document.hashes.ruleset}</code>
            {stored.bom.document.hashes.ruleset === model.rulesetHash
              ? ' (the page’s)'
              : ' (not the page’s: reload)'}
          </dd>
        </dl>
      )}
      {can('orders:read') ? (
        <div class="orders">
          <h3>Recent orders</h3>
          <ul aria-label="Recent orders">
            {orders.map((o) => (
              <li key={o.id}>
                <button
                  type="button"
                  class="link"
                  aria-expanded={opened?.id === o.id}
                  onClick={() => {
                    readOrder(o.id)
                      .then(setOpened)
                      .catch((e: unknown) => {
                        setError(message(e))
                      })
                  }}
                >
                  {o.number}
                </button>{' '}
                {o.customer} · {o.phase}
                {opened?.id === o.id ? (
                  <ul>
                    {opened.items.length === 0 ? <li>no sinks yet</li> : null}
                    {opened.items.map((item) => (
                      <li key={item.id}>
                        <button
                          type="button"
                          onClick={() => {
                            void openItem(opened, item)
                          }}
                        >
                          Open build {item.buildNumber}
                        </button>{' '}
                        BOM revision {item.bomRevision ?? '—'}
                      </li>
                    ))}
                  </ul>
                ) : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  )
}
