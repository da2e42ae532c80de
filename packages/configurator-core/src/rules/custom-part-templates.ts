// Custom-part templates: product.json's customParts, compiled over their spec fields.

import type { Issue } from '../issues.js'
import type { FactDef } from './compile.js'
import { Compiler } from './compile.js'
import type { CustomOperators } from './custom-operators.js'
import type { CompiledCustomPart } from './ruleset.js'
import type { ProductFile } from './schema.js'
import { NUMBER, STRING } from './shape.js'

/** the custom-part templates, compiled over their spec fields */
export function compileCustomParts(
  product: ProductFile,
  at: { productFile: string; customOperators: CustomOperators; issues: Issue[] },
): Map<string, CompiledCustomPart> {
  const { productFile, customOperators, issues } = at
  const customParts = new Map<string, CompiledCustomPart>()
  for (const [key, template] of Object.entries(product.customParts ?? {})) {
    const compiler = new Compiler(productFile, 0)
    compiler.customOperators = customOperators
    const fieldScope = new Map<string, FactDef>()
    const fieldSlots: Record<string, number> = {}
    for (const [field, kind] of Object.entries(template.spec)) {
      const slot = compiler.allocate()
      fieldSlots[field] = slot
      fieldScope.set(field, {
        name: field,
        slot,
        shape: kind === 'number' ? NUMBER : STRING,
        reads: [],
      })
    }
    const idTemplate = compiler.template(template.id, ['customParts', key, 'id'], fieldScope)
    const nameTemplate = compiler.template(template.name, ['customParts', key, 'name'], fieldScope)
    issues.push(...compiler.issues)
    customParts.set(key, {
      ...template,
      key,
      idTemplate,
      nameTemplate,
      fieldSlots,
      slotCount: compiler.slotCount,
    })
  }
  return customParts
}
