import { AUDIT_ACTIONS, type AuditEntry, type AuditRepository } from '../../../core/audit/audit.js';
import type { ClaimRepository } from '../../../core/shared/idempotency.port.js';
import { claimInsert, type SqliteDatabase } from '../database.js';
import { date, oneOf, optionalText, type Row, RowShapeError, text } from '../rows.js';

/** Exactly-once claims: the primary key (scope, workspace_id, key) lets one insert win. */
export class SqliteClaimRepository implements ClaimRepository {
  constructor(private readonly database: SqliteDatabase) {}

  async claim(scope: string, key: string, workspaceId: string, now: Date): Promise<boolean> {
    return claimInsert(
      this.database,
      'INSERT INTO claims (scope, workspace_id, key, claimed_at) VALUES (?, ?, ?, ?)',
      scope,
      workspaceId,
      key,
      now.getTime(),
    );
  }

  async release(scope: string, key: string, workspaceId: string): Promise<void> {
    this.database.run(
      'DELETE FROM claims WHERE scope = ? AND workspace_id = ? AND key = ?',
      scope,
      workspaceId,
      key,
    );
  }

  async releaseIfClaimedBefore(
    scope: string,
    key: string,
    workspaceId: string,
    cutoff: Date,
  ): Promise<boolean> {
    const deleted = this.database.run(
      'DELETE FROM claims WHERE scope = ? AND workspace_id = ? AND key = ? AND claimed_at < ?',
      scope,
      workspaceId,
      key,
      cutoff.getTime(),
    );
    return deleted === 1;
  }

  async deleteClaimedBefore(workspaceId: string, cutoff: Date): Promise<number> {
    return this.database.run(
      'DELETE FROM claims WHERE workspace_id = ? AND claimed_at < ?',
      workspaceId,
      cutoff.getTime(),
    );
  }
}

export function toEntry(row: Row): AuditEntry {
  const action = oneOf(AUDIT_ACTIONS, text(row, 'action'));
  if (!action) throw new RowShapeError('Unknown audit action');
  const before = optionalText(row, 'before');
  const after = optionalText(row, 'after');
  return {
    id: text(row, 'id'),
    workspaceId: text(row, 'workspace_id'),
    actorId: text(row, 'actor_id'),
    action,
    targetId: text(row, 'target_id'),
    at: date(row, 'at'),
    ...(before === undefined ? {} : { before }),
    ...(after === undefined ? {} : { after }),
  };
}

export class SqliteAuditRepository implements AuditRepository {
  constructor(private readonly database: SqliteDatabase) {}

  async insertMany(entries: AuditEntry[]): Promise<void> {
    if (entries.length === 0) return;
    this.database.transaction(() => {
      for (const entry of entries) {
        this.database.run(
          'INSERT INTO audit_entries (id, workspace_id, actor_id, action, target_id, at, before, after) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
          entry.id,
          entry.workspaceId,
          entry.actorId,
          entry.action,
          entry.targetId,
          entry.at.getTime(),
          entry.before ?? null,
          entry.after ?? null,
        );
      }
    });
  }

  async listForTarget(workspaceId: string, targetId: string): Promise<AuditEntry[]> {
    return this.database
      .all(
        'SELECT * FROM audit_entries WHERE workspace_id = ? AND target_id = ? ORDER BY at DESC',
        workspaceId,
        targetId,
      )
      .map(toEntry);
  }
}
