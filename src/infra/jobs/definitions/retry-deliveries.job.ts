import type { DeliveryRetry } from '../../../core/deliveries/delivery-retry.js';
import { JobName } from '../job-names.js';
import type { JobRunner } from '../job-runner.js';

/** The retry sweep: failed sends whose backoff passed, and sends a crashed worker left behind. */
export function defineRetryDeliveriesJob(runner: JobRunner, deps: { retry: DeliveryRetry }): void {
  runner.define(
    JobName.retryDeliveries,
    async () => {
      await deps.retry.retryDue();
    },
    { concurrency: 1, lockLifetimeMs: 10 * 60_000 },
  );
}
