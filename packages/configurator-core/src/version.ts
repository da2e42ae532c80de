/** The version of @torvan/configurator-core, written into every BOM document (kept equal to package.json by a test). */
export const VERSION = '0.1.0'
