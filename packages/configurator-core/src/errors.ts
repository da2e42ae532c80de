/** The codes of {@link ConfiguratorError}: programmer errors, not bad data. */
export type ConfiguratorErrorCode = 'unknown_item' | 'cycle' | 'invalid_argument'

/**
 * Thrown for a mistake in how the library is called (bad data is returned as `Issue`s instead).
 *
 * @example
 * try { explode(catalog, 'NOPE') } catch (e) { if (e instanceof ConfiguratorError) e.code // 'unknown_item' }
 */
export class ConfiguratorError extends Error {
  readonly code: ConfiguratorErrorCode

  constructor(code: ConfiguratorErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'ConfiguratorError'
    this.code = code
  }
}
