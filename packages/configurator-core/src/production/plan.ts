import { ConfiguratorError } from '../errors.js'
import { readProductFacts } from '../facts/product-facts.js'
import { evaluateWhen } from '../facts/when.js'
import type { QcKind } from '../qc/template.js'
import type { TaskTemplate, TaskTemplateFile, TaskType } from './tasks.js'

/** A production task's status (the production_tasks table's status). */
export type TaskStatus = 'PENDING' | 'IN_PROGRESS' | 'COMPLETED' | 'ON_HOLD' | 'CANCELLED'

/** One task of one sink's plan. */
export interface PlannedTask {
  id: string
  name: string
  type: TaskType
  /** the tasks of this plan that must be completed first */
  dependsOn: string[]
  estimatedHours: number
  /** 1-based position in the plan */
  sequence: number
  description?: string
  qcTemplate?: string
  qcKind?: QcKind
  workInstructions?: string
  requiredTools?: string[]
  safetyNotes?: string
  /** the document types the task shows, e.g. DRAWING */
  documents?: string[]
}

/**
 * The tasks that apply to one sink, in an order that respects dependencies: among the tasks that are ready,
 * the one listed first in the file goes first. A dependency on a task that does not apply is replaced by that
 * task's own dependencies, so the order the file asks for still holds. `when` reads the facts the file's product
 * declares. Throws a ConfiguratorError for a configuration of another product than the file's, one it cannot
 * read, or a file with a dependency cycle (parseTaskTemplates() refuses those).
 *
 * @example planTasks(templates, configuration).map((task) => task.id)
 * @see docs/qc.md#production-tasks
 */
export function planTasks(templates: TaskTemplateFile, configuration: unknown): PlannedTask[] {
  const { sink } = readProductFacts(configuration, {
    product: templates.product,
    name: 'the task-template file',
    caller: 'planTasks',
    check: 'parseTaskTemplates()',
  })
  const applies = new Set(
    templates.tasks.filter((task) => evaluateWhen(task.when, sink)).map((task) => task.id),
  )
  const resolve = dependencyResolver(templates, applies)
  const tasks = templates.tasks.filter((task) => applies.has(task.id))
  const waiting = new Map(tasks.map((task) => [task.id, new Set(resolve(task))]))
  const plan: PlannedTask[] = []
  const done = new Set<string>()
  while (plan.length < tasks.length) {
    const next = tasks.find(
      (task) => !done.has(task.id) && [...(waiting.get(task.id) ?? [])].every((id) => done.has(id)),
    )
    if (next === undefined) {
      const stuck = tasks.filter((task) => !done.has(task.id)).map((task) => task.id)
      throw new ConfiguratorError(
        'cycle',
        `planTasks(): no order exists for ${stuck.join(', ')}: their dependencies form a cycle; check the file with parseTaskTemplates() first`,
      )
    }
    done.add(next.id)
    plan.push(plannedTask(next, { dependsOn: resolve(next), sequence: plan.length + 1 }))
  }
  return plan
}

/** the applicable tasks a task waits for, through tasks that do not apply */
function dependencyResolver(
  templates: TaskTemplateFile,
  applies: ReadonlySet<string>,
): (task: TaskTemplate) => string[] {
  const byId = new Map(templates.tasks.map((task) => [task.id, task]))
  const resolved = new Map<string, string[]>()
  const resolve = (task: TaskTemplate): string[] => {
    const known = resolved.get(task.id)
    if (known !== undefined) return known
    // a cycle in a file that was not parsed ends here instead of recursing forever
    resolved.set(task.id, [])
    const out = new Set<string>()
    const inherited = new Set<string>()
    for (const id of task.dependsOn ?? []) {
      const dependency = byId.get(id)
      if (dependency === undefined) continue
      if (applies.has(id)) out.add(id)
      else
        for (const through of resolve(dependency)) {
          out.add(through)
          inherited.add(through)
        }
    }
    // an inherited dependency that another one already waits for adds nothing
    const list = [...out].filter(
      (id) => !inherited.has(id) || ![...out].some((other) => ancestors(other).has(id)),
    )
    resolved.set(task.id, list)
    return list
  }
  const ancestry = new Map<string, Set<string>>()
  const ancestors = (id: string): Set<string> => {
    const known = ancestry.get(id)
    if (known !== undefined) return known
    const out = new Set<string>()
    ancestry.set(id, out)
    const task = byId.get(id)
    for (const dependency of task === undefined ? [] : resolve(task)) {
      out.add(dependency)
      for (const further of ancestors(dependency)) out.add(further)
    }
    ancestry.set(id, out)
    return out
  }
  return resolve
}

/** a task of the plan: the template's fields, its resolved dependencies and its place */
function plannedTask(
  next: TaskTemplate,
  at: { dependsOn: string[]; sequence: number },
): PlannedTask {
  return {
    id: next.id,
    name: next.name,
    type: next.type,
    dependsOn: at.dependsOn,
    estimatedHours: next.estimatedHours,
    sequence: at.sequence,
    ...(next.description === undefined ? {} : { description: next.description }),
    ...(next.qcTemplate === undefined ? {} : { qcTemplate: next.qcTemplate }),
    ...(next.qcKind === undefined ? {} : { qcKind: next.qcKind }),
    ...(next.workInstructions === undefined ? {} : { workInstructions: next.workInstructions }),
    ...(next.requiredTools === undefined ? {} : { requiredTools: [...next.requiredTools] }),
    ...(next.safetyNotes === undefined ? {} : { safetyNotes: next.safetyNotes }),
    ...(next.documents === undefined ? {} : { documents: [...next.documents] }),
  }
}

/** Whether a task may start, and the dependencies that hold it back. */
export interface StartCheck {
  ok: boolean
  /** the dependencies not COMPLETED yet, in the task's order */
  blockedBy: string[]
}

/**
 * A task may start when every task it depends on is COMPLETED (a missing status counts as PENDING).
 *
 * @example canStart(task, { 'mount-legs': 'COMPLETED', 'install-basins': 'IN_PROGRESS' }) // { ok: false, blockedBy: ['install-basins'] }
 */
export function canStart(
  task: Pick<PlannedTask, 'dependsOn'>,
  statuses: Readonly<Record<string, TaskStatus>>,
): StartCheck {
  const blockedBy = task.dependsOn.filter(
    (id) => !Object.hasOwn(statuses, id) || statuses[id] !== 'COMPLETED',
  )
  return { ok: blockedBy.length === 0, blockedBy }
}
