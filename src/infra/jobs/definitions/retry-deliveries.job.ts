import type { DeliveryRetry } from '../../../core/deliveries/delivery-retry.js';
import type { Agenda } from '../agenda.js';
import { JobName } from '../job-names.js';

/** The retry sweep: failed sends whose backoff passed, and sends a crashed worker left behind. */
export function defineRetryDeliveriesJob(agenda: Agenda, deps: { retry: DeliveryRetry }): void {
  agenda.define(
    JobName.retryDeliveries,
    async () => {
      await deps.retry.retryDue();
    },
    { concurrency: 1, lockLifetime: 10 * 60_000 },
  );
}
