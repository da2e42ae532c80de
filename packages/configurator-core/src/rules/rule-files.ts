// The rule files of a ruleset: each file's envelope, then each rule on its own, in the declared order.

import { z } from 'zod'
import type { Issue, PathSegment } from '../issues.js'
import { baseName } from '../util.js'
import { didYouMean } from '../text/suggest.js'
import { zodIssues } from '../zod-issues.js'
import type { LeafInfo, Scope } from './compile.js'
import { Compiler } from './compile.js'
import { compileRule } from './compile-rule.js'
import type { CustomOperators } from './custom-operators.js'
import { unreachableIssues } from './reachability.js'
import type { CompiledCustomPart, CompiledRule, RulesetFile, RulesetSource } from './ruleset.js'
import type { ProductFile, Rule } from './schema.js'
import { RuleFileSchema, RuleSchema } from './schema.js'

const RuleFileEnvelopeSchema = RuleFileSchema.extend({ rules: z.array(z.unknown()) })

/** rule files in the order product.json declares, then the rest by name */
function inDeclaredOrder(
  files: readonly RulesetFile[],
  declared: readonly string[],
): RulesetFile[] {
  const rank = (file: RulesetFile) => {
    const index = declared.indexOf(baseName(file.file))
    return index < 0 ? declared.length : index
  }
  return [...files].sort(
    (a, b) => rank(a) - rank(b) || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0),
  )
}

export type FileLeaves = Map<
  string,
  { leaves: ReadonlyMap<string, LeafInfo>; shared: ReadonlyMap<string, unknown> }
>

/** every rule file in the declared order: its envelope first, then each rule on its own */
export function compileRuleFiles(
  source: RulesetSource,
  at: {
    product: ProductFile
    scope: Scope
    customParts: ReadonlyMap<string, CompiledCustomPart>
    customOperators: CustomOperators
    issues: Issue[]
    firstSlot: number
  },
): { rules: CompiledRule[]; fileLeaves: FileLeaves; nextSlot: number } {
  const { issues } = at
  const rules: CompiledRule[] = []
  const ruleNames = new Map<string, string>()
  const fileLeaves: FileLeaves = new Map()
  let nextSlot = at.firstSlot
  for (const { file, content } of inDeclaredOrder(source.rules, at.product.ruleFiles ?? [])) {
    // the file's envelope first, then each rule on its own so that one bad rule hides no other
    const envelope = RuleFileEnvelopeSchema.safeParse(content, { reportInput: true })
    if (!envelope.success) {
      issues.push(
        ...zodIssues(envelope.error.issues, {
          file,
          parsed: { schema: RuleFileEnvelopeSchema, input: content },
        }),
      )
      continue
    }
    const compiler = new Compiler(file, nextSlot)
    compiler.customOperators = at.customOperators
    compiler.sharedConditions = new Map(Object.entries(envelope.data.conditions ?? {}))
    envelope.data.rules.forEach((raw, index) => {
      const rule = parseRule(compiler, { raw, index, ruleNames, issues })
      if (rule === undefined) return
      const compiledRule = compileRule(compiler, {
        rule,
        at: ['rules', index],
        index,
        scope: at.scope,
        customParts: at.customParts,
        file,
      })
      if (compiledRule !== undefined) rules.push(compiledRule)
    })
    nextSlot = compiler.slotCount
    issues.push(...compiler.issues)
    fileLeaves.set(file, { leaves: compiler.leaves, shared: compiler.sharedConditions })
    issues.push(...fileUnreachableIssues(compiler, rules))
  }
  return { rules, fileLeaves, nextSlot }
}

/** conditions of the file's rules that can never hold, from the leaves its compiler kept */
function fileUnreachableIssues(compiler: Compiler, rules: readonly CompiledRule[]): Issue[] {
  const { file } = compiler
  return unreachableIssues({
    file,
    leaves: compiler.leaves,
    shared: compiler.sharedConditions,
    rules: rules
      .filter((rule) => rule.file === file)
      .map((rule) => ({
        name: rule.name,
        index: rule.index,
        conditions: rule.source.conditions,
      })),
    errors: compiler.issues.filter((i) => i.severity === 'error').map((i) => i.path),
  })
}

/** one rule checked against its schema, with its name unique and no priority */
function parseRule(
  compiler: Compiler,
  at: { raw: unknown; index: number; ruleNames: Map<string, string>; issues: Issue[] },
): Rule | undefined {
  const { raw, ruleNames } = at
  const { file } = compiler
  const path: PathSegment[] = ['rules', at.index]
  const parsed = RuleSchema.safeParse(raw, { reportInput: true })
  if (!parsed.success) {
    at.issues.push(
      ...zodIssues(parsed.error.issues, {
        file,
        basePath: path,
        parsed: { schema: RuleSchema, input: raw },
      }),
    )
    return undefined
  }
  const rule = parsed.data
  const first = ruleNames.get(rule.name)
  if (first !== undefined) {
    compiler.error(
      [...path, 'name'],
      'duplicate_rule',
      `rule name ${JSON.stringify(rule.name)} is already used in ${first}`,
    )
  } else ruleNames.set(rule.name, file)
  if (rule.priority !== undefined) {
    compiler.warn([...path, 'priority'], 'priority_ignored', {
      message:
        'priority has no effect here: every rule runs, and lines and findings come in the order of ruleFiles and of the rules in each file',
      hint: 'order the rules instead, and remove "priority"',
    })
  }
  return rule
}

/** entries of `ruleFiles` that name no rule file of the folder (that file would silently not load) */
export function ruleFileIssues(
  declared: readonly string[],
  where: { source: RulesetSource; productFile: string },
): Issue[] {
  const present = where.source.rules.map((rule) => baseName(rule.file))
  const issues: Issue[] = []
  declared.forEach((name, i) => {
    const at: PathSegment[] = ['ruleFiles', i]
    if (declared.indexOf(name) < i) {
      issues.push({
        code: 'duplicate_rule_file',
        severity: 'error',
        file: where.productFile,
        path: at,
        message: `${JSON.stringify(name)} is listed twice; each rule file has one place in the BOM order`,
      })
      return
    }
    if (present.includes(name)) return
    const hint =
      didYouMean(name, present) ??
      (present.length === 0 ? undefined : `the rule files here: ${present.join(', ')}`)
    issues.push({
      code: 'unknown_rule_file',
      severity: 'error',
      file: where.productFile,
      path: at,
      message: `${JSON.stringify(name)} is not a rule file of this product, so ruleFiles loads nothing for it`,
      ...(hint === undefined ? {} : { hint }),
    })
  })
  return issues
}
