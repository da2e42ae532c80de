import Decimal from 'decimal.js'
import { ConfiguratorError } from '../errors.js'
import { comparePaths, compareText } from '../issues.js'
import { describeValue } from '../zod-issues.js'
import type { Catalog, CatalogNode } from './graph.js'

/** A quantity as callers give it: a number or a decimal string such as `"2.5"`. */
export type QuantityInput = number | string

/** One line of an exploded tree; `quantity` is a decimal string (exact, never `1e+21`). */
export interface ExplodedLine {
  id: string
  name: string
  quantity: string
  /** 0 for the root, +1 per level below it */
  level: number
  /** the component's notes (e.g. a pegboard colour), when the catalog has any */
  notes?: string
  children: ExplodedLine[]
}

/** A leaf item with its quantity summed over every place it appears. */
export interface FlatLine {
  id: string
  name: string
  quantity: string
}

/** A root to explode or flatten: an item and how many of it. */
export interface BomRoot {
  id: string
  quantity: QuantityInput
}

/** How quantities multiply: plain integers where that is exact, decimal.js otherwise. */
interface Arithmetic<TQuantity> {
  from(value: QuantityInput): TQuantity
  multiply(a: TQuantity, b: number): TQuantity
  add(a: TQuantity, b: TQuantity): TQuantity
  format(value: TQuantity): string
}

class UnsafeInteger extends Error {}

const integers: Arithmetic<number> = {
  from: (value) => Number(value),
  multiply(a, b) {
    const product = a * b
    if (!Number.isSafeInteger(product)) throw new UnsafeInteger()
    return product
  },
  add(a, b) {
    const sum = a + b
    if (!Number.isSafeInteger(sum)) throw new UnsafeInteger()
    return sum
  },
  format: (value) => String(value),
}

// products and sums are exact: the default 20 significant digits would round 1000003⁴
const ExactDecimal = Decimal.clone({ precision: 1e9 })

const decimals: Arithmetic<Decimal> = {
  from: (value) => new ExactDecimal(value),
  multiply: (a, b) => a.times(b),
  add: (a, b) => a.plus(b),
  format: (value) => value.toFixed(),
}

function parseQuantity(call: string, value: QuantityInput): void {
  let valid: boolean
  try {
    const parsed = new Decimal(value)
    valid = parsed.isFinite() && parsed.greaterThan(0)
  } catch {
    valid = false
  }
  if (!valid) {
    throw new ConfiguratorError(
      'invalid_argument',
      `${call}: quantity must be a positive number, received ${describeValue(value)}`,
    )
  }
}

/** Runs `work` with integer arithmetic when that is exact for these inputs, else with decimals. */
function withArithmetic<TResult>(
  catalog: Catalog,
  quantities: readonly QuantityInput[],
  work: <TQuantity>(arithmetic: Arithmetic<TQuantity>) => TResult,
): TResult {
  // "1.0000000000000001" is 1 as a number, but not as a decimal
  const integral =
    catalog.integralQuantities &&
    quantities.every((q) => Number.isSafeInteger(Number(q)) && new Decimal(q).isInteger())
  if (integral) {
    try {
      return work(integers)
    } catch (error) {
      if (!(error instanceof UnsafeInteger)) throw error
    }
  }
  return work(decimals)
}

function requireNode(catalog: Catalog, call: string, id: string): CatalogNode {
  const node = catalog.node(id)
  if (node === undefined) {
    throw new ConfiguratorError(
      'unknown_item',
      `${call}: item ${JSON.stringify(id)} is not in the catalog; was it loaded with loadCatalog()?`,
    )
  }
  return node
}

/** Tracks the items on the current path, only for a catalog that has cycles. */
function cycleGuard(
  catalog: Catalog,
  call: string,
): ((index: number, enter: boolean) => void) | undefined {
  if (catalog.acyclic) return undefined
  const onPath = new Uint8Array(catalog.nodes.length)
  return (index, enter) => {
    if (enter && onPath[index] === 1) {
      const id = (catalog.nodes[index] as CatalogNode).item.id
      throw new ConfiguratorError(
        'cycle',
        `${call}: ${JSON.stringify(id)} contains itself; the catalog has a cycle`,
      )
    }
    onPath[index] = enter ? 1 : 0
  }
}

/**
 * Explodes an item into its indented tree: each child's quantity is its parent's times the component
 * quantity, at every level. Children keep the catalog's component order.
 *
 * @example explode(catalog, 'T2-BSN-ESK-KIT', 2).children[0] // { id: 'T2-DRAIN-VALVE', quantity: '2', … }
 */
export function explode(catalog: Catalog, id: string, quantity: QuantityInput = 1): ExplodedLine {
  parseQuantity('explode()', quantity)
  const root = requireNode(catalog, 'explode()', id)
  const guard = cycleGuard(catalog, 'explode()')
  return withArithmetic(catalog, [quantity], <TQuantity>(arithmetic: Arithmetic<TQuantity>) => {
    const visit = (node: CatalogNode, amount: TQuantity, level: number): ExplodedLine => {
      guard?.(node.index, true)
      const children: ExplodedLine[] = []
      for (let i = 0; i < node.children.length; i++) {
        const child = catalog.nodes[node.children[i] as number] as CatalogNode
        const line = visit(
          child,
          arithmetic.multiply(amount, node.quantities[i] as number),
          level + 1,
        )
        const notes = node.notes[i]
        if (notes !== undefined && notes !== null) line.notes = notes
        children.push(line)
      }
      guard?.(node.index, false)
      const line: ExplodedLine = {
        id: node.item.id,
        name: node.item.name,
        quantity: arithmetic.format(amount),
        level,
        children,
      }
      return line
    }
    return visit(root, arithmetic.from(quantity), 0)
  })
}

/**
 * Flattens one item, or several roots, into the leaf items with their quantities summed over every
 * place they appear, sorted by id. Items with no structure are leaves.
 *
 * @example flatten(catalog, [{ id: 'T2-BODY-48-60-HA', quantity: 1 }, { id: 'T2-DL14-KIT', quantity: 1 }])
 */
export function flatten(
  catalog: Catalog,
  roots: string | readonly BomRoot[],
  quantity: QuantityInput = 1,
): FlatLine[] {
  const list: readonly BomRoot[] = typeof roots === 'string' ? [{ id: roots, quantity }] : roots
  const nodes = list.map((root) => {
    parseQuantity('flatten()', root.quantity)
    return requireNode(catalog, 'flatten()', root.id)
  })
  const guard = cycleGuard(catalog, 'flatten()')
  return withArithmetic(
    catalog,
    list.map((root) => root.quantity),
    <TQuantity>(arithmetic: Arithmetic<TQuantity>) => {
      const totals = new Map<number, TQuantity>()
      const visit = (node: CatalogNode, amount: TQuantity): void => {
        if (node.children.length === 0) {
          const previous = totals.get(node.index)
          totals.set(node.index, previous === undefined ? amount : arithmetic.add(previous, amount))
          return
        }
        guard?.(node.index, true)
        for (let i = 0; i < node.children.length; i++) {
          visit(
            catalog.nodes[node.children[i] as number] as CatalogNode,
            arithmetic.multiply(amount, node.quantities[i] as number),
          )
        }
        guard?.(node.index, false)
      }
      nodes.forEach((node, i) => {
        visit(node, arithmetic.from((list[i] as BomRoot).quantity))
      })
      // nodes are sorted by id, so index order is id order
      return [...totals.keys()]
        .sort((a, b) => a - b)
        .map((index) => {
          const item = (catalog.nodes[index] as CatalogNode).item
          return {
            id: item.id,
            name: item.name,
            quantity: arithmetic.format(totals.get(index) as TQuantity),
          }
        })
    },
  )
}

/** One way an item is used: an assembly that holds it, the path down to it, and how many per assembly. */
export interface WhereUsedLine {
  /** the assembly that holds the item */
  id: string
  name: string
  /** how many of the item one of this assembly holds along `path` */
  quantity: string
  /** ids from this assembly down to the item, both included */
  path: string[]
  /** true when the assembly lists the item itself */
  direct: boolean
}

/**
 * Every assembly that contains the item, directly or through sub-assemblies, one line per path,
 * sorted by path.
 *
 * @example whereUsed(catalog, 'T2-DRAIN-VALVE').map((l) => l.path.join(' > '))
 */
export function whereUsed(catalog: Catalog, id: string): WhereUsedLine[] {
  const target = requireNode(catalog, 'whereUsed()', id)
  const guard = cycleGuard(catalog, 'whereUsed()')
  return withArithmetic(catalog, [], <TQuantity>(arithmetic: Arithmetic<TQuantity>) => {
    const lines: WhereUsedLine[] = []
    const visit = (node: CatalogNode, below: string[], amount: TQuantity): void => {
      guard?.(node.index, true)
      for (const parentIndex of node.parents) {
        const parent = catalog.nodes[parentIndex] as CatalogNode
        for (let i = 0; i < parent.children.length; i++) {
          if (parent.children[i] !== node.index) continue
          const total = arithmetic.multiply(amount, parent.quantities[i] as number)
          const path = [parent.item.id, ...below]
          lines.push({
            id: parent.item.id,
            name: parent.item.name,
            quantity: arithmetic.format(total),
            path,
            direct: below.length === 1,
          })
          visit(parent, path, total)
        }
      }
      guard?.(node.index, false)
    }
    visit(target, [target.item.id], arithmetic.from(1))
    return lines.sort((a, b) => comparePaths(a.path, b.path) || compareText(a.quantity, b.quantity))
  })
}
