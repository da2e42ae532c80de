import { z } from 'zod'

/**
 * A configuration in a request body. The handlers give it to the configurator, which checks it against
 * the product model and answers every finding; the OpenAPI document shows it as the loaded product's
 * full schema (components/schemas/Configuration), generated from that model.
 */
export const ConfigurationInput = z
  .record(z.string(), z.unknown())
  .describe('a configuration of the product: see components/schemas/Configuration')
