import { readFileSync } from 'node:fs'

const CONFIGS = new URL('../../../../fixtures/configs/', import.meta.url)

/** The product of the samples, whose model computes the OpenAPI document's examples. */
export const EXAMPLE_PRODUCT = 'T2'

/**
 * A T2 sample configuration from fixtures/configs/, read when it is asked for (the OpenAPI document's
 * examples come from the files, never copies of them); without its `buildNumber` unless `keepBuildNumber`.
 *
 * @example sampleConfiguration('t2-b2-standard') // { product: 'T2', model: 'T2-B2', … }
 */
export function sampleConfiguration(
  name: string,
  options: { keepBuildNumber?: boolean } = {},
): Record<string, unknown> {
  const sample = JSON.parse(readFileSync(new URL(`${name}.json`, CONFIGS), 'utf8')) as Record<
    string,
    unknown
  >
  if (options.keepBuildNumber === true) return sample
  return Object.fromEntries(Object.entries(sample).filter(([key]) => key !== 'buildNumber'))
}
