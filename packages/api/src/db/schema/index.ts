/**
 * The database schema. Learned from the customer's data-architecture document and written for PostgreSQL
 * (and PGlite, which is PostgreSQL): where we deviate from the document, the comment says why.
 */
// one file per area, each importing only the areas before it: users, catalog, rules, orders, quality
// (QC, production and NCRs, which reference each other), documents, audit, retention, integration
export * from './users.js'
export * from './catalog.js'
export * from './rules.js'
export * from './orders.js'
export * from './quality.js'
export * from './documents.js'
export * from './audit.js'
export * from './retention.js'
export * from './integration.js'
