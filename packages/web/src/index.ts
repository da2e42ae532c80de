/**
 * @torvan/web: the configurator page. The page itself is `index.html` + `src/main.tsx`, built by Vite
 * and served by the API at `/app`; this entry holds the parts other code and tests use.
 *
 * @packageDocumentation
 */

/** The form, generated from a product model: fields, values at paths, where findings go. */
export type { Field, FieldKind, Variant } from './form.js'
export {
  fieldOf,
  fieldPaths,
  formOf,
  labelOf,
  parentPath,
  placeFindings,
  startingConfiguration,
  valueAt,
  withValue,
} from './form.js'
