import {
  DELIVERY_KINDS,
  type DeliveryKind,
  type DeliveryOutcome,
  FINAL_STATUSES,
  PENDING_STATUSES,
  type PendingDelivery,
} from '../../../core/deliveries/delivery.js';
import type { DeliveryRepository, PendingPatch } from '../../../core/deliveries/delivery.repository.port.js';
import { claimInsert, type SqliteDatabase } from '../database.js';
import { date, integer, oneOf, optionalBool, optionalText, placeholders, type Row, text } from '../rows.js';

/** "First seen" markers share the outcome table under their own kind (insert-once too). */
const MARKER_KIND = 'marker';

function toPending(row: Row): PendingDelivery | null {
  const kind = oneOf(DELIVERY_KINDS, text(row, 'kind'));
  const status = oneOf(PENDING_STATUSES, text(row, 'status'));
  // A record written by a newer version is not one this code can run.
  if (!kind || !status) return null;
  const lastError = optionalText(row, 'last_error');
  return {
    id: text(row, 'id'),
    kind,
    workspaceId: text(row, 'workspace_id'),
    key: text(row, 'key'),
    target: text(row, 'target'),
    status,
    attempt: integer(row, 'attempt'),
    nextAttemptAt: date(row, 'next_attempt_at'),
    request: text(row, 'request'),
    createdAt: date(row, 'created_at'),
    updatedAt: date(row, 'updated_at'),
    ...(lastError ? { lastError } : {}),
  };
}

function toOutcome(row: Row): DeliveryOutcome | null {
  const kind = oneOf(DELIVERY_KINDS, text(row, 'kind'));
  const status = oneOf(FINAL_STATUSES, text(row, 'status'));
  if (!kind || !status) return null;
  const late = optionalBool(row, 'late');
  const ref = optionalText(row, 'ref');
  const reason = optionalText(row, 'reason');
  const permanent = optionalBool(row, 'permanent');
  return {
    id: text(row, 'id'),
    kind,
    workspaceId: text(row, 'workspace_id'),
    key: text(row, 'key'),
    target: text(row, 'target'),
    status,
    attempt: integer(row, 'attempt'),
    at: date(row, 'at'),
    ...(late !== undefined ? { late } : {}),
    ...(ref ? { ref } : {}),
    ...(reason ? { reason } : {}),
    ...(permanent !== undefined ? { permanent } : {}),
  };
}

const bit = (value: boolean | undefined) => (value === undefined ? null : value ? 1 : 0);

const INSERT_OUTCOME = `INSERT INTO delivery_outcomes (id, kind, workspace_id, key, target, status, attempt, at, late, ref, reason, permanent)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

const PATCH_COLUMNS = {
  status: 'status',
  attempt: 'attempt',
  nextAttemptAt: 'next_attempt_at',
  lastError: 'last_error',
  updatedAt: 'updated_at',
} as const;

/**
 * Delivery records. Ownership only ever comes from an insert into a primary key: the insert
 * that succeeds owns the delivery (or the attempt), every other one sees a duplicate.
 */
export class SqliteDeliveryRepository implements DeliveryRepository {
  constructor(private readonly database: SqliteDatabase) {}

  async claimMany(records: PendingDelivery[]): Promise<Set<string>> {
    const claimed = new Set<string>();
    this.database.transaction(() => {
      for (const record of records) {
        const inserted = claimInsert(
          this.database,
          `INSERT INTO delivery_pending (id, kind, workspace_id, key, target, status, attempt, next_attempt_at, request, created_at, updated_at, last_error)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          record.id,
          record.kind,
          record.workspaceId,
          record.key,
          record.target,
          record.status,
          record.attempt,
          record.nextAttemptAt.getTime(),
          record.request,
          record.createdAt.getTime(),
          record.updatedAt.getTime(),
          record.lastError ?? null,
        );
        if (inserted) claimed.add(record.id);
      }
    });
    return claimed;
  }

  async findPending(id: string): Promise<PendingDelivery | null> {
    const row = this.database.get('SELECT * FROM delivery_pending WHERE id = ?', id);
    return row ? toPending(row) : null;
  }

  async findOutcomes(ids: string[]): Promise<Map<string, DeliveryOutcome>> {
    if (ids.length === 0) return new Map();
    const outcomes = this.database
      .all(`SELECT * FROM delivery_outcomes WHERE id IN (${placeholders(ids.length)})`, ...ids)
      .map(toOutcome)
      .filter((outcome): outcome is DeliveryOutcome => outcome !== null);
    return new Map(outcomes.map((outcome) => [outcome.id, outcome]));
  }

  async claimAttempts(ids: string[], attempt: number, now: Date): Promise<Set<string>> {
    const claimed = new Set<string>();
    this.database.transaction(() => {
      for (const id of ids) {
        const inserted = claimInsert(
          this.database,
          'INSERT INTO delivery_attempts (id, delivery_id, attempt, claimed_at) VALUES (?, ?, ?, ?)',
          `${id}#${attempt}`,
          id,
          attempt,
          now.getTime(),
        );
        if (inserted) claimed.add(id);
      }
    });
    return claimed;
  }

  async updatePending(id: string, attempt: number, patch: PendingPatch): Promise<void> {
    const fields = (Object.keys(PATCH_COLUMNS) as (keyof typeof PATCH_COLUMNS)[]).filter(
      (field) => patch[field] !== undefined,
    );
    const values = fields.map((field) => {
      const value = patch[field];
      return value instanceof Date ? value.getTime() : (value ?? null);
    });
    const set = fields.map((field) => `${PATCH_COLUMNS[field]} = ?`).join(', ');
    this.database.run(
      `UPDATE delivery_pending SET ${set} WHERE id = ? AND attempt = ?`,
      ...values,
      id,
      attempt,
    );
  }

  async finish(outcomes: DeliveryOutcome[]): Promise<void> {
    if (outcomes.length === 0) return;
    this.database.transaction(() => {
      for (const outcome of outcomes) {
        // A duplicate means an outcome was already recorded: the first one stands.
        claimInsert(
          this.database,
          INSERT_OUTCOME,
          outcome.id,
          outcome.kind,
          outcome.workspaceId,
          outcome.key,
          outcome.target,
          outcome.status,
          outcome.attempt,
          outcome.at.getTime(),
          bit(outcome.late),
          outcome.ref ?? null,
          outcome.reason ?? null,
          bit(outcome.permanent),
        );
        this.database.run(
          'DELETE FROM delivery_pending WHERE id = ? AND attempt = ?',
          outcome.id,
          outcome.attempt,
        );
      }
    });
  }

  async release(ids: string[], attempt: number): Promise<void> {
    if (ids.length === 0) return;
    this.database.run(
      `DELETE FROM delivery_pending WHERE id IN (${placeholders(ids.length)}) AND attempt = ?`,
      ...ids,
      attempt,
    );
  }

  async listDue(now: Date, limit: number): Promise<PendingDelivery[]> {
    return this.database
      .all(
        `SELECT * FROM delivery_pending WHERE next_attempt_at <= ? AND status IN (${placeholders(PENDING_STATUSES.length)})
         ORDER BY next_attempt_at LIMIT ?`,
        now.getTime(),
        ...PENDING_STATUSES,
        limit,
      )
      .map(toPending)
      .filter((record): record is PendingDelivery => record !== null);
  }

  async listFailed(workspaceId: string, kind: DeliveryKind, limit: number): Promise<DeliveryOutcome[]> {
    return this.database
      .all(
        `SELECT * FROM delivery_outcomes WHERE workspace_id = ? AND kind = ? AND status = 'failed'
         ORDER BY at DESC LIMIT ?`,
        workspaceId,
        kind,
        limit,
      )
      .map(toOutcome)
      .filter((outcome): outcome is DeliveryOutcome => outcome !== null);
  }

  async firstSeen(workspaceId: string, key: string, now: Date): Promise<Date> {
    const id = `${MARKER_KIND}|${workspaceId}|${key}`;
    const inserted = claimInsert(
      this.database,
      INSERT_OUTCOME,
      id,
      MARKER_KIND,
      workspaceId,
      key,
      '',
      'sent',
      0,
      now.getTime(),
      null,
      null,
      null,
      null,
    );
    if (inserted) return now;
    const row = this.database.get('SELECT at FROM delivery_outcomes WHERE id = ?', id);
    return row ? date(row, 'at') : now;
  }
}
