import type { Issue } from '../issues.js'
import type { Located } from './located.js'
import { issueAt } from './located.js'
import type { Item, Subcategory } from './types.js'

/** An item's node while the graph is built: its edges keep where each is written. */
export interface DraftNode {
  item: Item
  /** where each child edge is written, for issues about it */
  edges: Located[]
  children: number[]
  quantities: number[]
  notes: (string | null)[]
  parents: number[]
}

/** Every cycle, reported once with its path (`A → B → C → A`), found by an iterative depth-first search. */
export function findCycles(nodes: readonly DraftNode[]): Issue[] {
  const WHITE = 0
  const GREY = 1
  const BLACK = 2
  const colour = new Uint8Array(nodes.length)
  const issues: Issue[] = []
  const reported = new Set<string>()
  for (let root = 0; root < nodes.length; root++) {
    if (colour[root] !== WHITE) continue
    const stack: number[] = [root]
    const next: number[] = [0]
    colour[root] = GREY
    while (stack.length > 0) {
      const top = stack.length - 1
      const current = stack[top] as number
      const node = nodes[current] as DraftNode
      const position = next[top] as number
      if (position >= node.children.length) {
        colour[current] = BLACK
        stack.pop()
        next.pop()
        continue
      }
      next[top] = position + 1
      const child = node.children[position] as number
      if (colour[child] === WHITE) {
        colour[child] = GREY
        stack.push(child)
        next.push(0)
      } else if (colour[child] === GREY) {
        const loop = stack.slice(stack.indexOf(child))
        // rotate so that the smallest index leads: one report per cycle
        let smallest = 0
        loop.forEach((value, i) => {
          if (value < (loop[smallest] as number)) smallest = i
        })
        const rotated = [...loop.slice(smallest), ...loop.slice(0, smallest)]
        const key = rotated.join(',')
        if (reported.has(key)) continue
        reported.add(key)
        const ids = rotated.map((i) => (nodes[i] as DraftNode).item.id)
        const first = nodes[rotated[0] as number] as DraftNode
        const edge = first.edges[
          first.children.indexOf(rotated[1 % rotated.length] as number)
        ] as Located
        issues.push(
          issueAt(edge, [], {
            code: 'cycle',
            severity: 'error',
            message: `cycle: ${[...ids, ids[0]].join(' → ')}`,
          }),
        )
      }
    }
  }
  return issues
}

/** Parts that no assembly uses and no subcategory lists: a warning each. */
export function findUnusedParts(
  nodes: readonly DraftNode[],
  known: {
    subcategories: readonly Subcategory[]
    selfReferenced: ReadonlySet<number>
    resolve: (id: string) => string | undefined
  },
  where: readonly Located[],
): Issue[] {
  const { subcategories, selfReferenced, resolve } = known
  const referenced = new Set<string>()
  for (const subcategory of subcategories)
    for (const ref of subcategory.itemRefs ?? []) {
      // a subcategory may list an item by its alias (`ASSY-X` for `X`)
      const id = resolve(ref)
      if (id !== undefined) referenced.add(id)
    }
  const issues: Issue[] = []
  nodes.forEach((node, position) => {
    if (
      node.item.kind !== 'part' ||
      node.parents.length > 0 ||
      referenced.has(node.item.id) ||
      selfReferenced.has(position)
    )
      return
    issues.push(
      issueAt(where[position] as Located, [], {
        code: 'unused_part',
        severity: 'warning',
        message: `part ${JSON.stringify(node.item.id)} is used by no assembly`,
      }),
    )
  })
  return issues
}
