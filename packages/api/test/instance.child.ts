/**
 * One more API instance for the two-instance test: delivers webhooks on the database at
 * DATABASE_URL until it is killed. It says `ready` once its dispatcher runs.
 */
import { startApi } from '../src/start.js'
import { FAST_DELIVERY } from './receiver.js'

const api = await startApi({
  url: process.env['DATABASE_URL'] ?? '',
  log: () => undefined,
  webhooks: { ...FAST_DELIVERY, instance: 'child' },
})
process.stdout.write('ready\n')
process.on('SIGTERM', () => {
  void api.close().then(() => process.exit(0))
})
