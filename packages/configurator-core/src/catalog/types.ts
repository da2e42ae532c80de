import { z } from 'zod'

/** Where a piece of catalog data came from, so that issues can name the customer's file and JSON path. */
const SourceRefSchema = z.strictObject({
  file: z.string(),
  path: z.array(z.union([z.string(), z.number()])),
  /** how our field names are spelled in the source, e.g. `{ id: ['part_id'] }` */
  fields: z.record(z.string(), z.array(z.union([z.string(), z.number()]))).optional(),
})
export type SourceRef = z.infer<typeof SourceRefSchema>

/** A top-level category such as `718 CONTROL BOX`. */
export const CategorySchema = z.strictObject({
  code: z.string().min(1),
  name: z.string(),
  description: z.string().optional(),
  source: SourceRefSchema.optional(),
})
export type Category = z.infer<typeof CategorySchema>

/** A subcategory such as `719.016`, with the items the customer's index lists under it. */
export const SubcategorySchema = z.strictObject({
  code: z.string().min(1),
  categoryCode: z.string().min(1),
  name: z.string(),
  description: z.string().optional(),
  /** items the category file lists here; an item's own `subcategoryCode` is the authority */
  itemRefs: z.array(z.string()).optional(),
  source: SourceRefSchema.optional(),
})
export type Subcategory = z.infer<typeof SubcategorySchema>

/** One line of an item's structure: `quantity` of `id` per one of the parent. */
export const ComponentSchema = z.strictObject({
  id: z.string(),
  quantity: z.number().positive(),
  notes: z.string().nullable().optional(),
  source: SourceRefSchema.optional(),
})
export type Component = z.infer<typeof ComponentSchema>

/** Attribute values an item may carry (manufacturer, type, flags): plain JSON scalars. */
const AttributeValueSchema = z.union([z.string(), z.number(), z.boolean(), z.null()])

/**
 * A part or an assembly. Ids are opaque strings: never parsed, trimmed or re-cased.
 * An item with components has structure; one without is a leaf.
 */
export const ItemSchema = z.strictObject({
  id: z.string().min(1),
  name: z.string(),
  kind: z.enum(['part', 'assembly']),
  subcategoryCode: z.string().nullable().optional(),
  /** other ids that resolve to this item, e.g. the `ASSY-<X>` twin of `<X>` */
  aliases: z.array(z.string()).optional(),
  attributes: z.record(z.string(), AttributeValueSchema).optional(),
  components: z.array(z.unknown()).optional(),
  source: SourceRefSchema.optional(),
})
export type Item = Omit<z.infer<typeof ItemSchema>, 'components'> & { components?: Component[] }

/** The normalized catalog the core builds its graph from; the loader turns customer files into this. */
export const CatalogDataSchema = z.strictObject({
  categories: z.array(z.unknown()),
  subcategories: z.array(z.unknown()),
  items: z.array(z.unknown()),
})
export interface CatalogData {
  categories: Category[]
  subcategories: Subcategory[]
  items: Item[]
}
