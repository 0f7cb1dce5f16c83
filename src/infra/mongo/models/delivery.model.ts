import { type Connection, Schema } from 'mongoose';
import { COLLECTIONS } from '../indexes.js';
import { defineModel } from './define-model.js';

/** A delivery in flight or waiting for a retry (core PendingDelivery, `_id` = delivery id). */
export interface PendingDoc {
  _id: string;
  kind: string;
  workspaceId: string;
  key: string;
  target: string;
  status: string;
  attempt: number;
  nextAttemptAt: Date;
  request: string;
  createdAt: Date;
  updatedAt: Date;
  lastError?: string;
}

/**
 * The final outcome of a delivery (core DeliveryOutcome, `_id` = delivery id); insert-only.
 * Also holds "first seen" markers (kind `marker`), which are insert-once too.
 */
export interface OutcomeDoc {
  _id: string;
  kind: string;
  workspaceId: string;
  key: string;
  target: string;
  status: string;
  attempt: number;
  at: Date;
  late?: boolean;
  ref?: string;
  reason?: string;
  permanent?: boolean;
}

/** The claim of attempt n ≥ 2 of a delivery: `_id` = `${deliveryId}#${n}`; insert-only. */
export interface AttemptDoc {
  _id: string;
  deliveryId: string;
  attempt: number;
  claimedAt: Date;
}

const pendingSchema = new Schema<PendingDoc>(
  {
    _id: String,
    kind: String,
    workspaceId: String,
    key: String,
    target: String,
    status: String,
    attempt: Number,
    nextAttemptAt: Date,
    request: String,
    createdAt: Date,
    updatedAt: Date,
    lastError: String,
  },
  { versionKey: false, autoIndex: false },
);

const outcomeSchema = new Schema<OutcomeDoc>(
  {
    _id: String,
    kind: String,
    workspaceId: String,
    key: String,
    target: String,
    status: String,
    attempt: Number,
    at: Date,
    late: Boolean,
    ref: String,
    reason: String,
    permanent: Boolean,
  },
  { versionKey: false, autoIndex: false },
);

const attemptSchema = new Schema<AttemptDoc>(
  { _id: String, deliveryId: String, attempt: Number, claimedAt: Date },
  { versionKey: false, autoIndex: false },
);

export function pendingModel(connection: Connection) {
  return defineModel(connection, 'DeliveryPending', pendingSchema, COLLECTIONS.deliveryPending);
}

export function outcomeModel(connection: Connection) {
  return defineModel(connection, 'DeliveryOutcome', outcomeSchema, COLLECTIONS.deliveryOutcomes);
}

export function attemptModel(connection: Connection) {
  return defineModel(connection, 'DeliveryAttempt', attemptSchema, COLLECTIONS.deliveryAttempts);
}
