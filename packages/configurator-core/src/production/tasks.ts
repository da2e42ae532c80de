import { z } from 'zod'
import type { Issue, PathSegment } from '../issues.js'
import { sortIssues } from '../issues.js'
import { QC_KINDS } from '../qc/template.js'
import type { FactSpec } from '../facts/types.js'
import { declaredFacts, productWithoutFacts } from '../facts/product-facts.js'
import { WhenSchema, checkWhen } from '../facts/when.js'
import { didYouMean } from '../text/suggest.js'
import { zodIssues } from '../zod-issues.js'

/**
 * The kinds of production task (the production_tasks table's task_type).
 *
 * @example TASK_TYPES.includes('PACKAGING') // true
 */
export const TASK_TYPES = ['ASSEMBLY', 'FABRICATION', 'INSPECTION', 'PACKAGING', 'TESTING'] as const
/** One of {@link TASK_TYPES}. */
export type TaskType = (typeof TASK_TYPES)[number]

/**
 * The document types a task can show (the API's document types).
 *
 * @example TASK_DOCUMENT_TYPES.includes('DRAWING') // true
 */
export const TASK_DOCUMENT_TYPES = [
  'WORK_INSTRUCTION',
  'SPECIFICATION',
  'DRAWING',
  'PHOTO',
  'MANUAL',
  'CERTIFICATE',
  'OTHER',
] as const

const meta = (description: string) => ({ description })

const TaskTemplateSchema = z
  .strictObject({
    id: z
      .string()
      .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'expected letters, digits, ".", "_" or "-"')
      .meta(meta('unique in the file, e.g. install-pegboard')),
    name: z.string().min(1),
    type: z.enum(TASK_TYPES),
    description: z.string().optional(),
    dependsOn: z
      .array(z.string())
      .optional()
      .meta(meta('ids of the tasks that must be completed before this one starts')),
    estimatedHours: z.number().positive().meta(meta('hours of work, e.g. 1.5')),
    when: WhenSchema.optional().meta(meta('the sinks this task is for (default: every sink)')),
    qcTemplate: z
      .string()
      .min(1)
      .optional()
      .meta(meta('the QC form this task fills in, e.g. CLP.T2.001.V01')),
    qcKind: z
      .enum(QC_KINDS)
      .optional()
      .meta(meta("the part of the form the task fills in, e.g. PRE_QC (default: the form's kind)")),
    workInstructions: z.string().min(1).max(10_000).optional(),
    requiredTools: z.array(z.string().min(1).max(200)).max(50).optional(),
    safetyNotes: z.string().min(1).max(2000).optional(),
    documents: z
      .array(z.enum(TASK_DOCUMENT_TYPES))
      .max(7)
      .optional()
      .meta(meta('the sink\'s documents the task shows the assembler, e.g. ["DRAWING"]')),
  })
  .meta({ id: 'TaskTemplate' })
/** One production step, as written in a task template file. */
export type TaskTemplate = z.infer<typeof TaskTemplateSchema>

/**
 * The zod schema of a task template file; {@link parseTaskTemplates} also checks ids, dependencies and cycles.
 *
 * @example TaskTemplateFileSchema.safeParse(json).success
 * @see docs/qc.md#production-tasks
 */
export const TaskTemplateFileSchema = z
  .strictObject({
    $schema: z.string().optional(),
    product: z
      .string()
      .min(1)
      .meta(
        meta(
          'the product whose builds the steps are for, e.g. T2; its facts are what "when" names',
        ),
      ),
    version: z.string().min(1),
    description: z.string().optional(),
    tasks: z.array(TaskTemplateSchema).min(1),
  })
  .meta({
    title: 'TORVAN production task templates',
    description: 'Assembly, testing and packaging steps, with dependencies and applicability',
  })
/** A task template file: a product's production steps. */
export type TaskTemplateFile = z.infer<typeof TaskTemplateFileSchema>

function knownKeys(path: PathSegment[]): string[] {
  if (path.length === 0) return Object.keys(TaskTemplateFileSchema.shape)
  if (path.length === 2 && path[0] === 'tasks') return Object.keys(TaskTemplateSchema.shape)
  return []
}

/** Finds each dependency cycle once, as the ids along it: A → B → A is ['A', 'B', 'A']. */
function findCycles(tasks: readonly TaskTemplate[]): string[][] {
  const byId = new Map(tasks.map((task) => [task.id, task]))
  const state = new Map<string, 'open' | 'done'>()
  const cycles: string[][] = []
  const stack: string[] = []
  const visit = (id: string): void => {
    state.set(id, 'open')
    stack.push(id)
    for (const next of byId.get(id)?.dependsOn ?? []) {
      if (!byId.has(next)) continue
      const seen = state.get(next)
      if (seen === 'open') cycles.push([...stack.slice(stack.indexOf(next)), next])
      else if (seen === undefined) visit(next)
    }
    stack.pop()
    state.set(id, 'done')
  }
  for (const task of tasks) if (!state.has(task.id)) visit(task.id)
  return cycles
}

function checkTasks(
  tasks: readonly TaskTemplate[],
  facts: Readonly<Record<string, FactSpec>> | undefined,
): Issue[] {
  const issues: Issue[] = []
  const indexOf = new Map<string, number>()
  tasks.forEach((task, i) => {
    const first = indexOf.get(task.id)
    if (first === undefined) indexOf.set(task.id, i)
    else
      issues.push({
        code: 'duplicate_id',
        severity: 'error',
        path: ['tasks', i, 'id'],
        message: `task id ${JSON.stringify(task.id)} is also tasks[${first}]`,
      })
  })
  tasks.forEach((task, i) => {
    if (task.when !== undefined)
      issues.push(
        ...checkWhen(task.when, ['tasks', i, 'when'], { facts, perBasin: false, task: true }),
      )
    const seen = new Set<string>()
    task.dependsOn?.forEach((id, j) => {
      const path = ['tasks', i, 'dependsOn', j]
      if (seen.has(id))
        issues.push({
          code: 'duplicate_dependency',
          severity: 'error',
          path,
          message: `${JSON.stringify(id)} is listed twice`,
        })
      seen.add(id)
      if (!indexOf.has(id)) {
        const hint = didYouMean(id, indexOf.keys())
        issues.push({
          code: 'unknown_task',
          severity: 'error',
          path,
          message: `unknown task ${JSON.stringify(id)}`,
          ...(hint === undefined ? {} : { hint }),
        })
      }
    })
  })
  for (const cycle of findCycles(tasks)) {
    const from = cycle[0] as string
    const to = cycle[1] as string
    const i = indexOf.get(from) as number
    const j = tasks[i]?.dependsOn?.indexOf(to) ?? 0
    issues.push({
      code: 'dependency_cycle',
      severity: 'error',
      path: ['tasks', i, 'dependsOn', j],
      message: `the tasks depend on each other in a cycle: ${cycle.join(' → ')}`,
      hint: 'remove one of these dependencies',
    })
  }
  return issues
}

/** The result of {@link parseTaskTemplates}: the file when it has no errors, and every issue found. */
export interface TaskTemplatesParseResult {
  templates: TaskTemplateFile | undefined
  issues: Issue[]
}

/**
 * Validates a task template file: its shape, its product and the facts its `when`s name (with did-you-mean),
 * unknown dependency ids (with did-you-mean) and dependency cycles.
 *
 * @example parseTaskTemplates(JSON.parse(text), { file: 't2-tasks.json' }).issues.map(formatIssue)
 * @see docs/qc.md#production-tasks
 */
export function parseTaskTemplates(
  json: unknown,
  options: { file?: string } = {},
): TaskTemplatesParseResult {
  const parsed = TaskTemplateFileSchema.safeParse(json, { reportInput: true })
  if (!parsed.success)
    return {
      templates: undefined,
      issues: sortIssues(zodIssues(parsed.error.issues, { file: options.file, known: knownKeys })),
    }
  const { product, tasks } = parsed.data
  const refused = productWithoutFacts(product, 'task template')
  const issues = sortIssues(
    [
      ...(refused === undefined ? [] : [refused]),
      ...checkTasks(tasks, declaredFacts(product)?.facts),
    ].map((issue) => (options.file === undefined ? issue : { ...issue, file: options.file })),
  )
  return { templates: issues.length === 0 ? parsed.data : undefined, issues }
}
