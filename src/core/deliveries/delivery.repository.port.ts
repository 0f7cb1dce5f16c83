import type { DeliveryKind, DeliveryOutcome, PendingDelivery } from './delivery.js';

export type PendingPatch = Partial<
  Pick<PendingDelivery, 'status' | 'attempt' | 'nextAttemptAt' | 'lastError'>
> & {
  updatedAt: Date;
};

/**
 * Delivery records. Ownership is decided only by inserts into unique keys, never by
 * findOneAndUpdate, upserts or counters (FerretDB does not run those atomically).
 */
export interface DeliveryRepository {
  /** Inserts the pending records, claiming attempt 1; resolves to the ids this call claimed. */
  claimMany(pending: PendingDelivery[]): Promise<Set<string>>;
  findPending(id: string): Promise<PendingDelivery | null>;
  /** Final outcomes of these deliveries, by id (missing = not final yet). */
  findOutcomes(ids: string[]): Promise<Map<string, DeliveryOutcome>>;
  /**
   * Claims attempt `attempt` of each delivery by inserting its permanent key `id#attempt`;
   * resolves to the ids this call claimed. Attempt 1 is claimed right after the pending
   * record, so a delivery whose pending record was already removed (it finished) is never
   * attempted again.
   */
  claimAttempts(ids: string[], attempt: number, now: Date): Promise<Set<string>>;
  /** Writes as the owner of `attempt`; a record taken over since (later attempt) is left alone. */
  updatePending(id: string, attempt: number, patch: PendingPatch): Promise<void>;
  /**
   * Records final outcomes (the first outcome of a delivery wins; later ones are ignored) and
   * removes the pending records the attempts owned.
   */
  finish(outcomes: DeliveryOutcome[]): Promise<void>;
  /** Removes pending records without an outcome of their own (the delivery was already final). */
  release(ids: string[], attempt: number): Promise<void>;
  /** Pending deliveries whose nextAttemptAt has passed, oldest first. */
  listDue(now: Date, limit: number): Promise<PendingDelivery[]>;
  /** Final failures of a workspace, newest first, for an admin to see what was not delivered. */
  listFailed(workspaceId: string, kind: DeliveryKind, limit: number): Promise<DeliveryOutcome[]>;
  /**
   * When `key` was first seen for the workspace: stores `now` the first time, returns the
   * stored time afterwards. Used to know since when a report schedule has been in force.
   */
  firstSeen(workspaceId: string, key: string, now: Date): Promise<Date>;
}
