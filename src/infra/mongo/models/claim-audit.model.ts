import { type Connection, Schema } from 'mongoose';
import { COLLECTIONS } from '../indexes.js';
import { defineModel } from './define-model.js';

export interface ClaimDoc {
  _id: string;
  scope: string;
  workspaceId: string;
  key: string;
  claimedAt: Date;
}

export interface AuditDoc {
  _id: string;
  workspaceId: string;
  actorId: string;
  action: string;
  targetId: string;
  at: Date;
  before?: string;
  after?: string;
}

const claimSchema = new Schema<ClaimDoc>(
  { _id: String, scope: String, workspaceId: String, key: String, claimedAt: Date },
  { versionKey: false, autoIndex: false },
);

const auditSchema = new Schema<AuditDoc>(
  {
    _id: String,
    workspaceId: String,
    actorId: String,
    action: String,
    targetId: String,
    at: Date,
    before: String,
    after: String,
  },
  { versionKey: false, autoIndex: false },
);

export function claimModel(connection: Connection) {
  return defineModel(connection, 'Claim', claimSchema, COLLECTIONS.claims);
}

export function auditModel(connection: Connection) {
  return defineModel(connection, 'AuditEntry', auditSchema, COLLECTIONS.audit);
}
