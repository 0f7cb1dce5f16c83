import type { Connection } from 'mongoose';
import type { AuditAction, AuditEntry, AuditRepository } from '../../../core/audit/audit.js';
import type { ClaimRepository } from '../../../core/shared/idempotency.port.js';
import { isDuplicateKeyError } from '../errors.js';
import { type AuditDoc, auditModel, claimModel } from '../models/claim-audit.model.js';

/** Exactly-once claims: the unique index on (scope, workspaceId, key) lets one insert win. */
export class MongoClaimRepository implements ClaimRepository {
  private readonly model;
  constructor(connection: Connection) {
    this.model = claimModel(connection);
  }

  async claim(scope: string, key: string, workspaceId: string, now: Date): Promise<boolean> {
    try {
      await this.model.insertMany(
        [{ _id: `${scope}|${workspaceId}|${key}`, scope, workspaceId, key, claimedAt: now }],
        { lean: true },
      );
      return true;
    } catch (error) {
      if (isDuplicateKeyError(error)) return false;
      throw error;
    }
  }

  async release(scope: string, key: string, workspaceId: string): Promise<void> {
    await this.model.deleteOne({ scope, workspaceId, key });
  }

  /** The claimedAt condition makes it safe against a fresh claim taken in between: that one stays. */
  async releaseIfClaimedBefore(
    scope: string,
    key: string,
    workspaceId: string,
    cutoff: Date,
  ): Promise<boolean> {
    const result = await this.model.deleteOne({ scope, workspaceId, key, claimedAt: { $lt: cutoff } });
    return result.deletedCount === 1;
  }

  /** One workspace at a time, so the (workspaceId, claimedAt) index serves it: no TTL index. */
  async deleteClaimedBefore(workspaceId: string, cutoff: Date): Promise<number> {
    const result = await this.model.deleteMany({ workspaceId, claimedAt: { $lt: cutoff } });
    return result.deletedCount;
  }
}

export class MongoAuditRepository implements AuditRepository {
  private readonly model;
  constructor(connection: Connection) {
    this.model = auditModel(connection);
  }

  async insertMany(entries: AuditEntry[]): Promise<void> {
    if (entries.length === 0) return;
    await this.model.insertMany(
      entries.map(({ id, ...rest }) => ({ _id: id, ...rest })),
      { lean: true },
    );
  }

  async listForTarget(workspaceId: string, targetId: string): Promise<AuditEntry[]> {
    const docs = await this.model.find({ workspaceId, targetId }).sort({ at: -1 }).lean<AuditDoc[]>();
    return docs.map(({ _id, action, ...rest }) => ({ ...rest, id: _id, action: action as AuditAction }));
  }
}
