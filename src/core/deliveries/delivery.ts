/**
 * A side effect sent to a chat platform (a reminder DM, a report post) and the records that
 * guard it. Every ownership decision is an insert into a unique key (rule 19 of
 * mongodb-subset.md), and the common path writes nothing but inserts:
 * - a pending record (unique id) claims attempt 1 and says "in flight until nextAttemptAt";
 * - an outcome record (unique id, insert-only) is the final word: sent, failed or skipped;
 * - the pending record is then removed, so the pending set stays small (on FerretDB an update
 *   or delete costs a scan of its collection).
 * Later attempts (a retry, or a take-over after a crash) are claimed by inserting `id#n`.
 */
export const DELIVERY_KINDS = ['reminder', 'report'] as const;
export type DeliveryKind = (typeof DELIVERY_KINDS)[number];

export const PENDING_STATUSES = ['sending', 'retrying'] as const;
export type PendingStatus = (typeof PENDING_STATUSES)[number];

export const FINAL_STATUSES = ['sent', 'failed', 'skipped'] as const;
export type FinalStatus = (typeof FINAL_STATUSES)[number];

interface DeliveryIdentity {
  /** `${kind}|${workspaceId}|${key}`: the unique claim. */
  id: string;
  kind: DeliveryKind;
  workspaceId: string;
  /** What makes the side effect unique: reminder id + fire time, or the report period. */
  key: string;
  /** Who or where: the assignee's user id, the report channel. */
  target: string;
}

/** A delivery in flight or waiting for a retry. */
export interface PendingDelivery extends DeliveryIdentity {
  status: PendingStatus;
  /** The attempt that owns the record (1 for the first). */
  attempt: number;
  /**
   * sending: when the attempt is presumed crashed and may be taken over;
   * retrying: when the next attempt is due.
   */
  nextAttemptAt: Date;
  /** The request as JSON text, so the retry sweep can run it again. */
  request: string;
  createdAt: Date;
  updatedAt: Date;
  lastError?: string;
}

/** The final word on a delivery; written once, never changed. */
export interface DeliveryOutcome extends DeliveryIdentity {
  status: FinalStatus;
  attempt: number;
  at: Date;
  /** Sent noticeably after its due time (the worker was down): the message said so. */
  late?: boolean;
  /** Platform reference of what was posted (e.g. "D123:1700000000.000100"). */
  ref?: string;
  /** Why it failed or was skipped, in words an admin understands. */
  reason?: string;
  permanent?: boolean;
}

export function deliveryId(kind: DeliveryKind, workspaceId: string, key: string): string {
  return `${kind}|${workspaceId}|${key}`;
}

/** What a platform adapter answers for one send. */
export type SendResult = { ok: true; ref?: string } | { ok: false; permanent: boolean; reason: string };

/** Retry and crash-recovery timing; tests shorten it, production keeps the defaults. */
export interface DeliveryPolicy {
  /** Attempts before a transient failure becomes final. */
  maxAttempts: number;
  /** Backoff after attempt n: baseDelayMs × 2^(n-1), capped at maxDelayMs. */
  baseDelayMs: number;
  maxDelayMs: number;
  /**
   * An attempt still "sending" after this long is presumed crashed. Must exceed the longest
   * send (WebClient timeout × retries), or a slow but alive worker could be doubled.
   */
  staleAfterMs: number;
  /**
   * Delivered later than this after its due time: marked late. Reports only: a reminder's
   * lateness is the follow-up view's grace period (REMINDER_GRACE_MS), so its text and its
   * record agree.
   */
  lateAfterMs: number;
}

export const DEFAULT_DELIVERY_POLICY: DeliveryPolicy = {
  maxAttempts: 5,
  baseDelayMs: 60_000,
  maxDelayMs: 60 * 60_000,
  staleAfterMs: 15 * 60_000,
  lateAfterMs: 10 * 60_000,
};

export function backoffDelay(policy: DeliveryPolicy, attempt: number): number {
  const delay = policy.baseDelayMs * 2 ** Math.max(0, attempt - 1);
  return Math.min(delay, policy.maxDelayMs);
}
