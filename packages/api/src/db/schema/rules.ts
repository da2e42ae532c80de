// Rules. The document stores rules as rows of conditions; ours are the product engineers' JSON files,
// versioned per product, exactly one active.
import { sql } from 'drizzle-orm'
import { boolean, integer, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core'
import type { RulesetSource } from '@torvan/configurator-core'
import { createdAt } from './columns.js'

export const rulesets = pgTable(
  'rulesets',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    product: text('product').notNull(),
    version: integer('version').notNull(),
    hash: text('hash').notNull(),
    /** the files as read: product.json, numbers.json and the rule files */
    source: jsonb('source').$type<RulesetSource>().notNull(),
    active: boolean('active').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('rulesets_product_version_idx').on(t.product, t.version),
    uniqueIndex('rulesets_product_hash_idx').on(t.product, t.hash),
    uniqueIndex('rulesets_one_active_idx')
      .on(t.product)
      .where(sql`${t.active}`),
  ],
)
