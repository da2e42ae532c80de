import type {
  CatalogData,
  Category,
  Component,
  Issue,
  Item,
  PathSegment,
  Subcategory,
} from '@torvan/configurator-core'
import { zodIssues } from '@torvan/configurator-core'
import { z } from 'zod'

/** The customer's three catalog files, by name. */
export const CATALOG_FILES = {
  categories: 'categories.json',
  assemblies: 'assemblies.json',
  parts: 'parts.json',
} as const

/** Parsed JSON of the three files (values as JSON.parse gives them). */
export interface CatalogFileValues {
  categories: unknown
  assemblies: unknown
  parts: unknown
}

/** Counts of what the customer's files hold, before twins are merged. */
export interface CatalogFileCounts {
  categories: number
  subcategories: number
  parts: number
  assemblies: number
  componentLines: number
  twins: number
}

/** The customer's files turned into the core's normalized data, with every quirk reported. */
export interface CatalogFileConversion {
  data: CatalogData
  counts: CatalogFileCounts
  issues: Issue[]
}

const TWIN_PREFIX = 'ASSY-'

// loose on purpose: the files carry extra fields (and 708.77 has another shape) that we keep as attributes
const Metadata = z.looseObject({}).optional()
const CategoriesFile = z.looseObject({
  metadata: Metadata,
  categories: z.record(z.string(), z.unknown()),
})
const CategoryEntry = z.looseObject({
  name: z.string(),
  description: z.string().optional(),
  subcategories: z.record(z.string(), z.unknown()).optional(),
})
const SubcategoryEntry = z.looseObject({
  name: z.string(),
  description: z.string().optional(),
  assembly_refs: z.array(z.string()).optional(),
})
const AssembliesFile = z.looseObject({
  metadata: Metadata,
  assemblies: z.record(z.string(), z.unknown()),
})
const AssemblyEntry = z.looseObject({
  name: z.string(),
  subcategory_code: z.string().nullable().optional(),
  components: z.array(z.unknown()).optional(),
})
const PartsFile = z.looseObject({
  metadata: Metadata,
  parts: z.record(z.string(), z.unknown()),
})
const PartEntry = z.looseObject({ name: z.string() })

type Attributes = Record<string, string | number | boolean | null>

interface Context {
  issues: Issue[]
}

function issue(
  context: Context,
  where: { file: string; path: PathSegment[] },
  fields: Omit<Issue, 'file' | 'path'>,
): void {
  context.issues.push({ ...fields, file: where.file, path: where.path })
}

function shapeIssues(
  context: Context,
  where: { file: string; path: PathSegment[] },
  error: z.ZodError,
): void {
  for (const problem of zodIssues(
    error.issues,
    where.file === '' ? {} : { file: where.file, basePath: where.path },
  )) {
    context.issues.push({
      ...problem,
      code: problem.code === 'invalid_type' ? 'invalid_shape' : problem.code,
    })
  }
}

/** Extra scalar fields are kept as attributes; anything else would be lost, so it is reported. */
function attributesOf(
  context: Context,
  where: { file: string; path: PathSegment[] },
  fields: { entry: Record<string, unknown>; skip: readonly string[] },
): Attributes {
  const { entry, skip } = fields
  const attributes: Attributes = {}
  for (const key of Object.keys(entry).sort()) {
    if (skip.includes(key)) continue
    const value = entry[key]
    if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) {
      attributes[key] = value as string | number | boolean | null
    } else {
      issue(
        context,
        { file: where.file, path: [...where.path, key] },
        {
          code: 'unsupported_field',
          severity: 'warning',
          message: `field ${JSON.stringify(key)} holds ${Array.isArray(value) ? 'a list' : 'an object'}, which the catalog does not keep`,
        },
      )
    }
  }
  return attributes
}

function checkCount(
  context: Context,
  file: string,
  count: { metadata: Record<string, unknown> | undefined; field: string; actual: number },
): void {
  const { metadata, field, actual } = count
  const declared = metadata?.[field]
  if (declared === undefined) return
  if (declared !== actual) {
    issue(
      context,
      { file, path: ['metadata', field] },
      {
        code: 'count_mismatch',
        severity: 'warning',
        message: `the metadata says ${JSON.stringify(declared)}, but the file holds ${actual}`,
      },
    )
  }
}

/** Ids that are legal but will trip someone up: say so once, keep them as they are. */
function checkId(context: Context, where: { file: string; path: PathSegment[] }, id: string): void {
  const problems: string[] = []
  if (/^\d+(\.\d+)?E[+-]?\d+$/i.test(id))
    problems.push('looks like a number mangled by a spreadsheet')
  if (id !== id.trim()) problems.push('starts or ends with white space')
  if (/\s/.test(id.trim())) problems.push('contains a space')
  if (id.includes('/')) problems.push('contains "/"')
  if (id.includes('"')) problems.push('contains a double quote')
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(id)) problems.push('contains a control character')
  if (problems.length === 0) return
  issue(context, where, {
    code: 'odd_id',
    severity: 'warning',
    message: `id ${JSON.stringify(id)} ${problems.join(' and ')}; it is kept exactly as written (encode it in URLs)`,
  })
}

function readCategories(context: Context, value: unknown, counts: CatalogFileCounts) {
  const file = CATALOG_FILES.categories
  const categories: Category[] = []
  const subcategories: Subcategory[] = []
  const parsed = CategoriesFile.safeParse(value, { reportInput: true })
  if (!parsed.success) {
    shapeIssues(context, { file, path: [] }, parsed.error)
    return { categories, subcategories }
  }
  const entries = Object.entries(parsed.data.categories)
  checkCount(context, file, {
    metadata: parsed.data.metadata,
    field: 'total_categories',
    actual: entries.length,
  })
  for (const [code, raw] of entries) {
    const path = ['categories', code]
    const category = CategoryEntry.safeParse(raw, { reportInput: true })
    if (!category.success) {
      shapeIssues(context, { file, path }, category.error)
      continue
    }
    counts.categories++
    categories.push({
      code,
      name: category.data.name,
      ...(category.data.description === undefined
        ? {}
        : { description: category.data.description }),
      source: { file, path },
    })
    for (const [subcode, rawSub] of Object.entries(category.data.subcategories ?? {})) {
      const subPath = [...path, 'subcategories', subcode]
      const sub = SubcategoryEntry.safeParse(rawSub, { reportInput: true })
      if (!sub.success) {
        shapeIssues(context, { file, path: subPath }, sub.error)
        continue
      }
      counts.subcategories++
      subcategories.push({
        code: subcode,
        categoryCode: code,
        name: sub.data.name,
        ...(sub.data.description === undefined ? {} : { description: sub.data.description }),
        itemRefs: sub.data.assembly_refs ?? [],
        source: { file, path: subPath, fields: { itemRefs: ['assembly_refs'], categoryCode: [] } },
      })
    }
  }
  return { categories, subcategories }
}

interface RawAssembly {
  id: string
  entry: z.infer<typeof AssemblyEntry>
  path: PathSegment[]
}

/** components as written; buildCatalog() checks each one */
function componentsOf(context: Context, assembly: RawAssembly): Component[] {
  const components: unknown[] = []
  ;(assembly.entry.components ?? []).forEach((component, position) => {
    const source = {
      file: CATALOG_FILES.assemblies,
      path: [...assembly.path, 'components', position],
      fields: { id: ['part_id'] },
    }
    if (typeof component !== 'object' || component === null || Array.isArray(component)) {
      issue(context, source, {
        code: 'invalid_shape',
        severity: 'error',
        message: 'a component must be an object like { "part_id": "…", "quantity": 1 }',
      })
      return
    }
    const { part_id: id, quantity, notes } = component as Record<string, unknown>
    components.push({ id, quantity, ...(notes === undefined ? {} : { notes }), source })
  })
  return components as Component[]
}

/**
 * Turns the customer's three catalog files into the core's normalized catalog data, applying the
 * `ASSY-<X>` twin convention (item `X` gets the twin's structure, `ASSY-X` resolves to `X`) and
 * reporting each quirk with its file and JSON path.
 *
 * @example
 * const { data, issues } = convertCatalogFiles({ categories, assemblies, parts })
 * const { catalog } = buildCatalog(data)
 */
export function convertCatalogFiles(files: CatalogFileValues): CatalogFileConversion {
  const context: Context = { issues: [] }
  const counts: CatalogFileCounts = {
    categories: 0,
    subcategories: 0,
    parts: 0,
    assemblies: 0,
    componentLines: 0,
    twins: 0,
  }
  const { categories, subcategories } = readCategories(context, files.categories, counts)
  const parts = readParts(context, files.parts, counts)
  const assemblies = readAssemblies(context, files.assemblies, counts)

  // twins: ASSY-X whose X is a part gives X its structure and resolves to X
  const twinOf = new Map<string, RawAssembly>()
  for (const assembly of assemblies) {
    if (!assembly.id.startsWith(TWIN_PREFIX)) continue
    const bare = assembly.id.slice(TWIN_PREFIX.length)
    if (parts.has(bare)) twinOf.set(bare, assembly)
  }
  counts.twins = twinOf.size

  const items: Item[] = [
    ...partItems(context, parts, twinOf),
    ...assemblyItems(context, assemblies, twinOf),
  ]
  return { data: { categories, subcategories, items }, counts, issues: context.issues }
}

type RawParts = Map<string, { entry: Record<string, unknown>; path: PathSegment[] }>

/** parts.json: its count checked, each part's shape and id */
function readParts(context: Context, file: unknown, counts: CatalogFileCounts): RawParts {
  const parts: RawParts = new Map()
  const partsFile = PartsFile.safeParse(file, { reportInput: true })
  if (!partsFile.success) {
    shapeIssues(context, { file: CATALOG_FILES.parts, path: [] }, partsFile.error)
    return parts
  }
  const entries = Object.entries(partsFile.data.parts)
  checkCount(context, CATALOG_FILES.parts, {
    metadata: partsFile.data.metadata,
    field: 'total_parts',
    actual: entries.length,
  })
  for (const [id, raw] of entries) {
    const path = ['parts', id]
    const part = PartEntry.safeParse(raw, { reportInput: true })
    if (!part.success) {
      shapeIssues(context, { file: CATALOG_FILES.parts, path }, part.error)
      continue
    }
    counts.parts++
    checkId(context, { file: CATALOG_FILES.parts, path }, id)
    parts.set(id, { entry: part.data, path })
  }
  return parts
}

/** assemblies.json: its count checked, each assembly's shape and id, and the component lines counted */
function readAssemblies(context: Context, file: unknown, counts: CatalogFileCounts): RawAssembly[] {
  const assemblies: RawAssembly[] = []
  const assembliesFile = AssembliesFile.safeParse(file, { reportInput: true })
  if (!assembliesFile.success) {
    shapeIssues(context, { file: CATALOG_FILES.assemblies, path: [] }, assembliesFile.error)
    return assemblies
  }
  const entries = Object.entries(assembliesFile.data.assemblies)
  checkCount(context, CATALOG_FILES.assemblies, {
    metadata: assembliesFile.data.metadata,
    field: 'total_assemblies',
    actual: entries.length,
  })
  for (const [id, raw] of entries) {
    const path = ['assemblies', id]
    const assembly = AssemblyEntry.safeParse(raw, { reportInput: true })
    if (!assembly.success) {
      shapeIssues(context, { file: CATALOG_FILES.assemblies, path }, assembly.error)
      continue
    }
    counts.assemblies++
    counts.componentLines += assembly.data.components?.length ?? 0
    checkId(context, { file: CATALOG_FILES.assemblies, path }, id)
    assemblies.push({ id, entry: assembly.data, path })
  }
  return assemblies
}

/** every part as an item; a part with a twin gets the twin's structure, attributes and alias */
function partItems(
  context: Context,
  parts: RawParts,
  twinOf: ReadonlyMap<string, RawAssembly>,
): Item[] {
  const items: Item[] = []
  for (const [id, { entry, path }] of parts) {
    const twin = twinOf.get(id)
    const source = { file: CATALOG_FILES.parts, path }
    const attributes = attributesOf(context, source, { entry, skip: ['name'] })
    if (twin === undefined) {
      items.push({ id, name: entry['name'] as string, kind: 'part', attributes, source })
      continue
    }
    const twinSource = { file: CATALOG_FILES.assemblies, path: twin.path }
    const twinAttributes = attributesOf(context, twinSource, {
      entry: twin.entry,
      skip: ['name', 'components', 'subcategory_code'],
    })
    const item: Item = {
      id,
      name: entry['name'] as string,
      kind: 'part',
      aliases: [twin.id],
      attributes: { ...prefixed(twinAttributes, 'twin.'), ...attributes },
      source,
      components: componentsOf(context, twin),
    }
    const subcategoryCode = twin.entry.subcategory_code
    if (subcategoryCode !== undefined) item.subcategoryCode = subcategoryCode
    items.push(item)
  }
  return items
}

/** every assembly that is not a part's twin, as an item */
function assemblyItems(
  context: Context,
  assemblies: readonly RawAssembly[],
  twinOf: ReadonlyMap<string, RawAssembly>,
): Item[] {
  const items: Item[] = []
  for (const assembly of assemblies) {
    const bare = assembly.id.slice(TWIN_PREFIX.length)
    if (assembly.id.startsWith(TWIN_PREFIX) && twinOf.get(bare) === assembly) continue
    const source = {
      file: CATALOG_FILES.assemblies,
      path: assembly.path,
      fields: { subcategoryCode: ['subcategory_code'] },
    }
    const item: Item = {
      id: assembly.id,
      name: assembly.entry.name,
      kind: 'assembly',
      attributes: attributesOf(context, source, {
        entry: assembly.entry,
        skip: ['name', 'components', 'subcategory_code'],
      }),
      source,
      components: componentsOf(context, assembly),
    }
    if (assembly.entry.subcategory_code !== undefined)
      item.subcategoryCode = assembly.entry.subcategory_code
    items.push(item)
  }
  return items
}

function prefixed(attributes: Attributes, prefix: string): Attributes {
  const out: Attributes = {}
  for (const [key, value] of Object.entries(attributes)) out[`${prefix}${key}`] = value
  return out
}
