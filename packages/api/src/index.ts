/**
 * @torvan/api: the TORVAN configurator's HTTP API.
 *
 * @packageDocumentation
 */
export type { Api, StartOptions } from './start.js'
export { startApi } from './start.js'
export { apiRoutes, createApp } from './app.js'
export type { Database, DatabaseOptions, OpenDatabase } from './db/open.js'
export { openDatabase } from './db/open.js'
export type { ScratchDatabase } from './db/scratch.js'
export { createScratchDatabase } from './db/scratch.js'
export { importCatalog } from './catalog/import.js'
export type { Permission, RoleCode } from './permissions.js'
export { PERMISSIONS, ROLES, ROLE_PERMISSIONS } from './permissions.js'
export type { Problem } from './http/problem.js'
