import type { Connection } from 'mongoose';
import {
  DELIVERY_KINDS,
  type DeliveryKind,
  type DeliveryOutcome,
  FINAL_STATUSES,
  type FinalStatus,
  PENDING_STATUSES,
  type PendingDelivery,
  type PendingStatus,
} from '../../../core/deliveries/delivery.js';
import type { DeliveryRepository, PendingPatch } from '../../../core/deliveries/delivery.repository.port.js';
import { DUPLICATE_KEY, isDuplicateKeyError } from '../errors.js';
import {
  attemptModel,
  type OutcomeDoc,
  outcomeModel,
  type PendingDoc,
  pendingModel,
} from '../models/delivery.model.js';

/** "First seen" markers share the outcome collection under their own kind (insert-once too). */
const MARKER_KIND = 'marker';

const isOneOf =
  <T extends string>(values: readonly T[]) =>
  (value: string): value is T =>
    (values as readonly string[]).includes(value);
const isKind = isOneOf<DeliveryKind>(DELIVERY_KINDS);
const isPending = isOneOf<PendingStatus>(PENDING_STATUSES);
const isFinal = isOneOf<FinalStatus>(FINAL_STATUSES);

function toPending(doc: PendingDoc): PendingDelivery | null {
  const { _id, kind, status, lastError, ...rest } = doc;
  // A record written by a newer version is not one this code can run.
  if (!isKind(kind) || !isPending(status)) return null;
  return { ...rest, id: _id, kind, status, ...(lastError ? { lastError } : {}) };
}

function toOutcome(doc: OutcomeDoc): DeliveryOutcome | null {
  const { _id, kind, status, late, ref, reason, permanent, ...rest } = doc;
  if (!isKind(kind) || !isFinal(status)) return null;
  return {
    ...rest,
    id: _id,
    kind,
    status,
    ...(late !== undefined && late !== null ? { late } : {}),
    ...(ref ? { ref } : {}),
    ...(reason ? { reason } : {}),
    ...(permanent !== undefined && permanent !== null ? { permanent } : {}),
  };
}

function field(source: unknown, key: string): unknown {
  return typeof source === 'object' && source !== null && key in source
    ? (source as Record<string, unknown>)[key]
    : undefined;
}

/**
 * Positions of the documents an unordered insert rejected as duplicates. Any other write error
 * is rethrown: only "someone else holds this key" is an expected answer.
 */
function duplicatePositions(error: unknown): Set<number> {
  if (!isDuplicateKeyError(error)) throw error;
  const writeErrors = field(error, 'writeErrors');
  if (!Array.isArray(writeErrors)) return new Set([0]); // single-document insert
  const positions = new Set<number>();
  for (const writeError of writeErrors) {
    const index = field(writeError, 'index') ?? field(field(writeError, 'err'), 'index');
    if (typeof index !== 'number' || field(writeError, 'code') !== DUPLICATE_KEY) throw error;
    positions.add(index);
  }
  return positions;
}

/** Unordered insert of all documents; resolves to the positions that were duplicates. */
async function insertAll(insert: () => Promise<unknown>): Promise<Set<number>> {
  try {
    await insert();
    return new Set();
  } catch (error) {
    return duplicatePositions(error);
  }
}

/**
 * Delivery records. Ownership only ever comes from an insert into a unique _id (atomic on
 * MongoDB and FerretDB). The hot path is inserts plus one delete on the small pending
 * collection: on FerretDB an update or delete scans its collection, so the large ones
 * (outcomes, attempts) are never updated.
 */
export class MongoDeliveryRepository implements DeliveryRepository {
  private readonly pending;
  private readonly outcomes;
  private readonly attempts;

  constructor(connection: Connection) {
    this.pending = pendingModel(connection);
    this.outcomes = outcomeModel(connection);
    this.attempts = attemptModel(connection);
  }

  async claimMany(records: PendingDelivery[]): Promise<Set<string>> {
    if (records.length === 0) return new Set();
    const docs = records.map(({ id, ...rest }) => ({ _id: id, ...rest }));
    const duplicates = await insertAll(() => this.pending.insertMany(docs, { ordered: false, lean: true }));
    return new Set(records.filter((_, index) => !duplicates.has(index)).map((record) => record.id));
  }

  async findPending(id: string): Promise<PendingDelivery | null> {
    const doc = await this.pending.findOne({ _id: id }).lean<PendingDoc>();
    return doc ? toPending(doc) : null;
  }

  async findOutcomes(ids: string[]): Promise<Map<string, DeliveryOutcome>> {
    if (ids.length === 0) return new Map();
    const docs = await this.outcomes.find({ _id: { $in: ids } }).lean<OutcomeDoc[]>();
    const outcomes = docs.map(toOutcome).filter((outcome): outcome is DeliveryOutcome => outcome !== null);
    return new Map(outcomes.map((outcome) => [outcome.id, outcome]));
  }

  async claimAttempts(ids: string[], attempt: number, now: Date): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const docs = ids.map((id) => ({ _id: `${id}#${attempt}`, deliveryId: id, attempt, claimedAt: now }));
    const duplicates = await insertAll(() => this.attempts.insertMany(docs, { ordered: false, lean: true }));
    return new Set(ids.filter((_, index) => !duplicates.has(index)));
  }

  async updatePending(id: string, attempt: number, patch: PendingPatch): Promise<void> {
    const $set = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
    await this.pending.updateOne({ _id: id, attempt }, { $set });
  }

  async finish(outcomes: DeliveryOutcome[]): Promise<void> {
    if (outcomes.length === 0) return;
    const docs = outcomes.map(({ id, ...rest }) => ({ _id: id, ...rest }));
    // A duplicate means an outcome was already recorded (the first one stands).
    await insertAll(() => this.outcomes.insertMany(docs, { ordered: false, lean: true }));
    const byAttempt = new Map<number, string[]>();
    for (const outcome of outcomes)
      byAttempt.set(outcome.attempt, [...(byAttempt.get(outcome.attempt) ?? []), outcome.id]);
    for (const [attempt, ids] of byAttempt) await this.release(ids, attempt);
  }

  async release(ids: string[], attempt: number): Promise<void> {
    if (ids.length === 0) return;
    await this.pending.deleteMany({ _id: { $in: ids }, attempt });
  }

  async listDue(now: Date, limit: number): Promise<PendingDelivery[]> {
    const docs = await this.pending
      .find({ status: { $in: [...PENDING_STATUSES] }, nextAttemptAt: { $lte: now } })
      .sort({ nextAttemptAt: 1 })
      .limit(limit)
      .lean<PendingDoc[]>();
    return docs.map(toPending).filter((record): record is PendingDelivery => record !== null);
  }

  async listFailed(workspaceId: string, kind: DeliveryKind, limit: number): Promise<DeliveryOutcome[]> {
    const docs = await this.outcomes
      .find({ workspaceId, kind, status: 'failed' })
      .sort({ at: -1 })
      .limit(limit)
      .lean<OutcomeDoc[]>();
    return docs.map(toOutcome).filter((outcome): outcome is DeliveryOutcome => outcome !== null);
  }

  async firstSeen(workspaceId: string, key: string, now: Date): Promise<Date> {
    const id = `${MARKER_KIND}|${workspaceId}|${key}`;
    const marker = {
      _id: id,
      kind: MARKER_KIND,
      workspaceId,
      key,
      target: '',
      status: 'sent',
      attempt: 0,
      at: now,
    };
    const duplicates = await insertAll(() => this.outcomes.insertMany([marker], { lean: true }));
    if (duplicates.size === 0) return now;
    const doc = await this.outcomes.findOne({ _id: id }).lean<OutcomeDoc>();
    return doc?.at ?? now;
  }
}
