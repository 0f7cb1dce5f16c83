import type { Clock, Logger } from '../shared/ports.js';
import type { DeliveryKind, PendingDelivery } from './delivery.js';
import type { DeliveryRepository } from './delivery.repository.port.js';
import { forEachLimited } from './limited.js';

/** Runs a stored request again; each delivery module knows how to read its own requests. */
export type DeliveryHandler = (request: string) => Promise<unknown>;

export interface DeliveryRetryDeps {
  deliveries: DeliveryRepository;
  handlers: Record<DeliveryKind, DeliveryHandler>;
  clock: Clock;
  logger: Logger;
  /** Due deliveries handled per sweep, and how many at once. */
  batchSize?: number;
  concurrency?: number;
}

/**
 * The safety net behind the queue: deliveries whose retry is due, or whose attempt was left
 * "sending" by a worker that died, are run again. The delivery modules re-claim them (attempt
 * n+1 is an insert into a unique key), so two sweepers on two workers cannot double a send.
 */
export function createDeliveryRetry(deps: DeliveryRetryDeps) {
  const batchSize = deps.batchSize ?? 100;
  const concurrency = deps.concurrency ?? 4;

  async function retryOne(delivery: PendingDelivery): Promise<void> {
    try {
      await deps.handlers[delivery.kind](delivery.request);
    } catch (error) {
      // Left pending: the next sweep tries again; the error is for the operator.
      deps.logger.error('Retrying a delivery failed', { id: delivery.id, error: String(error) });
    }
  }

  return {
    /** One sweep; resolves to the number of deliveries looked at. */
    async retryDue(): Promise<number> {
      const due = await deps.deliveries.listDue(deps.clock.now(), batchSize);
      await forEachLimited(due, concurrency, retryOne);
      return due.length;
    },
  };
}

export type DeliveryRetry = ReturnType<typeof createDeliveryRetry>;
