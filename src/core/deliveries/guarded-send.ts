import type { Clock, Logger } from '../shared/ports.js';
import {
  backoffDelay,
  type DeliveryKind,
  type DeliveryOutcome,
  type DeliveryPolicy,
  deliveryId,
  type FinalStatus,
  type PendingDelivery,
  type SendResult,
} from './delivery.js';
import type { DeliveryRepository } from './delivery.repository.port.js';
import { forEachLimited } from './limited.js';

export interface GuardDeps {
  deliveries: DeliveryRepository;
  clock: Clock;
  logger: Logger;
  policy: DeliveryPolicy;
}

export interface DeliverySpec {
  kind: DeliveryKind;
  workspaceId: string;
  key: string;
  request: string;
  target: string;
}

/** What one attempt does once it owns the delivery: send, or decide there is nothing to send. */
export type AttemptResult = (SendResult & { late?: boolean }) | { skip: string };
export type AttemptFn = (context: { attempt: number; now: Date }) => Promise<AttemptResult>;

export interface GuardedItem {
  spec: DeliverySpec;
  attempt: AttemptFn;
}

export type GuardedOutcome =
  /** This call made an attempt; `status` is what it recorded ('retrying' = will be tried again). */
  | { outcome: 'attempted'; status: FinalStatus | 'retrying'; attempt: number }
  /** Already final — by this worker earlier or by another one. */
  | { outcome: 'final'; status: FinalStatus }
  /** Another worker owns the current attempt, or the next retry is not due yet. */
  | { outcome: 'busy' };

/**
 * Outcomes are written in batches as sends finish: few writes (on FerretDB each removal of
 * pending records scans that collection), and a bounded window of sends whose outcome
 * a crash could lose (those would be sent again after staleAfterMs): about two seconds.
 */
const FLUSH_SIZE = 200;
const FLUSH_EVERY_MS = 2_000;

/**
 * Claims each delivery (its pending record, then the permanent key `id#1`; a later attempt by
 * inserting `id#n`), runs the attempts it owns with at most `concurrency` in flight, and records each
 * outcome as the attempt's owner. Two workers, a job run twice, or a take-over after a crash
 * never hold the same attempt, and a delivery whose outcome exists is never attempted again.
 */
export async function runGuardedMany(
  deps: GuardDeps,
  items: readonly GuardedItem[],
  concurrency: number,
  /** Called with the number of attempts finished so far, as they finish. */
  onProgress?: (finished: number, total: number) => void,
): Promise<GuardedOutcome[]> {
  const results: GuardedOutcome[] = items.map(() => ({ outcome: 'busy' }));
  const owned: { index: number; attempt: number }[] = [];
  const now = deps.clock.now();
  const pending = items.map((item) => freshPending(deps, item.spec, now));
  // The same delivery twice in one batch (two queued jobs for one reminder) is attempted once.
  const firstIndex = new Map<string, number>();
  for (const [index, record] of pending.entries())
    if (!firstIndex.has(record.id)) firstIndex.set(record.id, index);
  const claimed = await deps.deliveries.claimMany(
    pending.filter((record, index) => firstIndex.get(record.id) === index),
  );

  // The permanent key of attempt 1 tells a first claim from a run after the delivery finished
  // (its pending record removed): inserts only, no read on the common path.
  const claimedIds = pending.filter((p) => claimed.has(p.id)).map((p) => p.id);
  const first = await deps.deliveries.claimAttempts(claimedIds, 1, now);
  const done = claimedIds.filter((id) => !first.has(id));
  const finished = await deps.deliveries.findOutcomes(done);
  if (done.length > 0) await deps.deliveries.release(done, 1);

  for (const [index, record] of pending.entries()) {
    if (firstIndex.get(record.id) !== index) continue; // a repeat in this batch: left 'busy'
    if (first.has(record.id)) owned.push({ index, attempt: 1 });
    else if (claimed.has(record.id)) {
      // An attempt was made before and the record is gone, so the outcome was written first.
      results[index] = { outcome: 'final', status: finished.get(record.id)?.status ?? 'skipped' };
    } else {
      const taken = await takeOver(deps, record.id, now);
      if (typeof taken === 'number') owned.push({ index, attempt: taken });
      else results[index] = taken;
    }
  }

  const writer = new OutcomeWriter(deps);
  let settled = 0;
  onProgress?.(0, owned.length);
  try {
    await forEachLimited(owned, concurrency, async ({ index, attempt }) => {
      const item = items[index]!;
      try {
        results[index] = await attemptOnce(deps, writer, pending[index]!, item, attempt);
      } finally {
        onProgress?.(++settled, owned.length);
      }
    });
  } finally {
    await writer.close();
  }
  return results;
}

export async function runGuarded(
  deps: GuardDeps,
  spec: DeliverySpec,
  attempt: AttemptFn,
): Promise<GuardedOutcome> {
  const [result] = await runGuardedMany(deps, [{ spec, attempt }], 1);
  return result!;
}

function freshPending(deps: GuardDeps, spec: DeliverySpec, now: Date): PendingDelivery {
  return {
    id: deliveryId(spec.kind, spec.workspaceId, spec.key),
    ...spec,
    status: 'sending',
    attempt: 1,
    nextAttemptAt: new Date(now.getTime() + deps.policy.staleAfterMs),
    createdAt: now,
    updatedAt: now,
  };
}

/** The next attempt of an existing delivery, when its retry is due or its owner is presumed dead. */
async function takeOver(deps: GuardDeps, id: string, now: Date): Promise<number | GuardedOutcome> {
  const [pending, outcomes] = await Promise.all([
    deps.deliveries.findPending(id),
    deps.deliveries.findOutcomes([id]),
  ]);
  const outcome = outcomes.get(id);
  if (outcome) {
    // Final already; a pending record left by a crash after the outcome is cleaned up here.
    if (pending) await deps.deliveries.release([id], pending.attempt);
    return { outcome: 'final', status: outcome.status };
  }
  if (!pending || pending.nextAttemptAt.getTime() > now.getTime()) return { outcome: 'busy' };
  const next = pending.attempt + 1;
  if (!(await deps.deliveries.claimAttempts([id], next, now)).has(id)) return { outcome: 'busy' };
  if (pending.status === 'sending') {
    deps.logger.warn('Taking over a delivery whose attempt never finished', { id, attempt: next });
  }
  await deps.deliveries.updatePending(id, pending.attempt, {
    attempt: next,
    status: 'sending',
    nextAttemptAt: new Date(now.getTime() + deps.policy.staleAfterMs),
    updatedAt: now,
  });
  return next;
}

async function attemptOnce(
  deps: GuardDeps,
  writer: OutcomeWriter,
  record: PendingDelivery,
  item: GuardedItem,
  attempt: number,
): Promise<GuardedOutcome> {
  const now = deps.clock.now();
  let result: AttemptResult;
  try {
    result = await item.attempt({ attempt, now });
  } catch (error) {
    // An unexpected error (database, bug) is treated as transient: retried, then reported.
    deps.logger.error('Delivery attempt threw', { id: record.id, attempt, error: String(error) });
    result = { ok: false, permanent: false, reason: String(error) };
  }
  const at = deps.clock.now();
  const base = {
    id: record.id,
    kind: record.kind,
    workspaceId: record.workspaceId,
    key: record.key,
    target: record.target,
    attempt,
    at,
  };
  if ('skip' in result) {
    await writer.add({ ...base, status: 'skipped', reason: result.skip });
    return { outcome: 'attempted', status: 'skipped', attempt };
  }
  if (result.ok) {
    await writer.add({
      ...base,
      status: 'sent',
      late: result.late ?? false,
      ...(result.ref ? { ref: result.ref } : {}),
    });
    return { outcome: 'attempted', status: 'sent', attempt };
  }
  if (result.permanent || attempt >= deps.policy.maxAttempts) {
    const reason = result.permanent
      ? result.reason
      : `Gave up after ${attempt} attempts. Last error: ${result.reason}`;
    deps.logger.warn('Delivery failed', { id: record.id, attempt, reason });
    await writer.add({ ...base, status: 'failed', reason, permanent: result.permanent });
    return { outcome: 'attempted', status: 'failed', attempt };
  }
  const nextAttemptAt = new Date(at.getTime() + backoffDelay(deps.policy, attempt));
  deps.logger.info('Delivery will be retried', {
    id: record.id,
    attempt,
    nextAttemptAt,
    reason: result.reason,
  });
  await deps.deliveries.updatePending(record.id, attempt, {
    status: 'retrying',
    nextAttemptAt,
    lastError: result.reason,
    updatedAt: at,
  });
  return { outcome: 'attempted', status: 'retrying', attempt };
}

/**
 * Buffers outcomes and writes them in batches; close() writes the rest. A failed write keeps
 * its outcomes for the next flush: losing them would leave the delivery "sending", and the
 * take-over after staleAfterMs would send it again.
 */
class OutcomeWriter {
  private buffer: DeliveryOutcome[] = [];
  private flushing: Promise<void> = Promise.resolve();
  private lastError: unknown;
  private readonly timer: ReturnType<typeof setInterval>;

  constructor(private readonly deps: GuardDeps) {
    this.timer = setInterval(() => void this.flush(), FLUSH_EVERY_MS);
  }

  async add(outcome: DeliveryOutcome): Promise<void> {
    this.buffer.push(outcome);
    if (this.buffer.length >= FLUSH_SIZE) await this.flush();
  }

  /** Chained, so two flushes never write at once; never rejects (errors are kept for close()). */
  flush(): Promise<void> {
    this.flushing = this.flushing.then(async () => {
      const batch = this.buffer;
      this.buffer = [];
      if (batch.length === 0) return;
      try {
        await this.deps.deliveries.finish(batch);
        this.lastError = undefined;
      } catch (error) {
        this.buffer.unshift(...batch);
        this.lastError = error;
        this.deps.logger.error('Could not record delivery outcomes', {
          count: batch.length,
          error: String(error),
        });
      }
    });
    return this.flushing;
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
    if (this.buffer.length > 0) await this.flush(); // one more try before giving up
    if (this.buffer.length > 0) throw this.lastError;
  }
}

/** The late marker: delivered more than `lateAfterMs` after it was due. */
export function isLate(dueAt: Date, now: Date, policy: DeliveryPolicy): boolean {
  return now.getTime() - dueAt.getTime() > policy.lateAfterMs;
}
