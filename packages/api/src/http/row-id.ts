import { z } from 'zod'

/** the largest id a row can have (PostgreSQL `integer`) */
const MAX_ROW_ID = 2_147_483_647

/**
 * A row id in a path or query: a positive integer that fits the database's `integer` columns, so that
 * `/orders/99999999999` is a 404 to look up, not a database error.
 */
export const RowId = z.coerce
  .number()
  .int()
  .positive()
  .max(MAX_ROW_ID, { error: `expected an id of at most ${MAX_ROW_ID}` })
