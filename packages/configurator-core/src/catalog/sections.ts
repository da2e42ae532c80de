import type { Issue } from '../issues.js'
import { issueAt, locate, sourceOf, zodIssuesAt } from './located.js'
import type { Category, Subcategory } from './types.js'
import { CategorySchema, SubcategorySchema } from './types.js'

/** The categories that parse, each code once (a repeat is an error). */
export function parseCategories(values: unknown[], issues: Issue[]): Category[] {
  const seen = new Set<string>()
  const out: Category[] = []
  values.forEach((value, position) => {
    const where = locate(sourceOf(value), ['categories', position])
    const parsed = CategorySchema.safeParse(value, { reportInput: true })
    if (!parsed.success) {
      issues.push(...zodIssuesAt(where, parsed.error.issues))
      return
    }
    if (seen.has(parsed.data.code)) {
      issues.push(
        issueAt(where, [], {
          code: 'duplicate_id',
          severity: 'error',
          message: `category ${parsed.data.code} is defined twice`,
        }),
      )
      return
    }
    seen.add(parsed.data.code)
    out.push(parsed.data)
  })
  return out
}

/** The subcategories that parse, each code once, each in a known category. */
export function parseSubcategories(
  values: unknown[],
  categoryCodes: Set<string>,
  issues: Issue[],
): Subcategory[] {
  const seen = new Set<string>()
  const out: Subcategory[] = []
  values.forEach((value, position) => {
    const where = locate(sourceOf(value), ['subcategories', position])
    const parsed = SubcategorySchema.safeParse(value, { reportInput: true })
    if (!parsed.success) {
      issues.push(...zodIssuesAt(where, parsed.error.issues))
      return
    }
    const subcategory = parsed.data
    if (seen.has(subcategory.code)) {
      issues.push(
        issueAt(where, [], {
          code: 'duplicate_id',
          severity: 'error',
          message: `subcategory ${subcategory.code} is defined twice`,
        }),
      )
      return
    }
    if (!categoryCodes.has(subcategory.categoryCode)) {
      issues.push(
        issueAt(where, ['categoryCode'], {
          code: 'unknown_category',
          severity: 'error',
          message: `subcategory ${subcategory.code} belongs to category ${JSON.stringify(subcategory.categoryCode)}, which is not defined`,
        }),
      )
    }
    seen.add(subcategory.code)
    out.push(subcategory)
  })
  return out
}
