import type { SQLInputValue } from 'node:sqlite';
import type { TableName, TransferRecords } from '../../transfer/transfer-tables.js';
import { toEntry } from '../repositories/claim-audit.repository.js';
import {
  CONTACT_COLUMNS,
  contactValues,
  toContact,
  toOrganisation,
} from '../repositories/contact.repository.js';
import { toRef } from '../repositories/conversation-ref.repository.js';
import { interactionFromObject } from '../repositories/interaction-entity.js';
import { insertColumns } from '../repositories/interaction-rows.js';
import { toMember, toWorkspace } from '../repositories/workspace.repository.js';
import { date, integer, optionalBool, optionalText, orNull, type Row, text } from '../rows.js';

type Columns = Record<string, SQLInputValue>;

/** How one table is walked and written by `db copy` on SQLite. */
export interface SqliteCodec<T> {
  table: string;
  /** The primary key's columns: the walk's order and its resume point. */
  key: readonly string[];
  toRecord(row: Row): T;
  toColumns(record: T): Columns;
}

const bit = (value: boolean | undefined) => (value === undefined ? null : value ? 1 : 0);

const contactColumnNames = ['id', ...CONTACT_COLUMNS.split(', ')];

type Codecs = { [K in TableName]: SqliteCodec<TransferRecords[K]> };

export const SQLITE_CODECS: Codecs = {
  workspaces: {
    table: 'workspaces',
    key: ['id'],
    toRecord: toWorkspace,
    toColumns: (workspace) => ({
      id: workspace.id,
      platform: workspace.platform,
      external_id: workspace.externalId,
      name: workspace.name,
      settings: JSON.stringify(workspace.settings),
      created_at: workspace.createdAt.getTime(),
      updated_at: workspace.updatedAt.getTime(),
    }),
  },
  members: {
    table: 'members',
    key: ['workspace_id', 'user_id'],
    toRecord: toMember,
    toColumns: (member) => ({
      workspace_id: member.workspaceId,
      user_id: member.userId,
      role: member.role,
      display_name: member.displayName,
      timezone: orNull(member.timezone),
      platform_admin: bit(member.platformAdmin),
      guest: bit(member.guest),
      profile_checked_at: member.profileCheckedAt?.getTime() ?? null,
      provisional: member.provisional ? 1 : 0,
      created_at: member.createdAt.getTime(),
      updated_at: member.updatedAt.getTime(),
    }),
  },
  organisations: {
    table: 'organisations',
    key: ['id'],
    toRecord: toOrganisation,
    toColumns: (organisation) => ({
      id: organisation.id,
      workspace_id: organisation.workspaceId,
      name: organisation.name,
      name_key: organisation.nameKey,
      created_at: organisation.createdAt.getTime(),
    }),
  },
  contacts: {
    table: 'contacts',
    key: ['id'],
    toRecord: toContact,
    toColumns: (contact) => {
      const values = [contact.id, ...contactValues(contact)];
      return Object.fromEntries(contactColumnNames.map((column, index) => [column, values[index] ?? null]));
    },
  },
  interactions: {
    table: 'interactions',
    key: ['id'],
    toRecord: interactionFromObject,
    toColumns: insertColumns,
  },
  audit: {
    table: 'audit_entries',
    key: ['id'],
    toRecord: toEntry,
    toColumns: (entry) => ({
      id: entry.id,
      workspace_id: entry.workspaceId,
      actor_id: entry.actorId,
      action: entry.action,
      target_id: entry.targetId,
      at: entry.at.getTime(),
      before: orNull(entry.before),
      after: orNull(entry.after),
    }),
  },
  claims: {
    table: 'claims',
    key: ['scope', 'workspace_id', 'key'],
    toRecord: (row) => ({
      scope: text(row, 'scope'),
      workspaceId: text(row, 'workspace_id'),
      key: text(row, 'key'),
      claimedAt: date(row, 'claimed_at'),
    }),
    toColumns: (claim) => ({
      scope: claim.scope,
      workspace_id: claim.workspaceId,
      key: claim.key,
      claimed_at: claim.claimedAt.getTime(),
    }),
  },
  deliveryPending: {
    table: 'delivery_pending',
    key: ['id'],
    toRecord: (row) => {
      const lastError = optionalText(row, 'last_error');
      return {
        id: text(row, 'id'),
        kind: text(row, 'kind'),
        workspaceId: text(row, 'workspace_id'),
        key: text(row, 'key'),
        target: text(row, 'target'),
        status: text(row, 'status'),
        attempt: integer(row, 'attempt'),
        nextAttemptAt: date(row, 'next_attempt_at'),
        request: text(row, 'request'),
        createdAt: date(row, 'created_at'),
        updatedAt: date(row, 'updated_at'),
        ...(lastError ? { lastError } : {}),
      };
    },
    toColumns: (pending) => ({
      id: pending.id,
      kind: pending.kind,
      workspace_id: pending.workspaceId,
      key: pending.key,
      target: pending.target,
      status: pending.status,
      attempt: pending.attempt,
      next_attempt_at: pending.nextAttemptAt.getTime(),
      request: pending.request,
      created_at: pending.createdAt.getTime(),
      updated_at: pending.updatedAt.getTime(),
      last_error: orNull(pending.lastError),
    }),
  },
  deliveryOutcomes: {
    table: 'delivery_outcomes',
    key: ['id'],
    toRecord: (row) => {
      const late = optionalBool(row, 'late');
      const ref = optionalText(row, 'ref');
      const reason = optionalText(row, 'reason');
      const permanent = optionalBool(row, 'permanent');
      return {
        id: text(row, 'id'),
        kind: text(row, 'kind'),
        workspaceId: text(row, 'workspace_id'),
        key: text(row, 'key'),
        target: text(row, 'target'),
        status: text(row, 'status'),
        attempt: integer(row, 'attempt'),
        at: date(row, 'at'),
        ...(late !== undefined ? { late } : {}),
        ...(ref ? { ref } : {}),
        ...(reason ? { reason } : {}),
        ...(permanent !== undefined ? { permanent } : {}),
      };
    },
    toColumns: (outcome) => ({
      id: outcome.id,
      kind: outcome.kind,
      workspace_id: outcome.workspaceId,
      key: outcome.key,
      target: outcome.target,
      status: outcome.status,
      attempt: outcome.attempt,
      at: outcome.at.getTime(),
      late: bit(outcome.late),
      ref: orNull(outcome.ref),
      reason: orNull(outcome.reason),
      permanent: bit(outcome.permanent),
    }),
  },
  deliveryAttempts: {
    table: 'delivery_attempts',
    key: ['id'],
    toRecord: (row) => ({
      id: text(row, 'id'),
      deliveryId: text(row, 'delivery_id'),
      attempt: integer(row, 'attempt'),
      claimedAt: date(row, 'claimed_at'),
    }),
    toColumns: (attempt) => ({
      id: attempt.id,
      delivery_id: attempt.deliveryId,
      attempt: attempt.attempt,
      claimed_at: attempt.claimedAt.getTime(),
    }),
  },
  conversationRefs: {
    table: 'conversation_refs',
    key: ['id'],
    toRecord: (row) => ({ id: text(row, 'id'), ...toRef(row) }),
    toColumns: (ref) => ({
      id: ref.id,
      workspace_id: ref.workspaceId,
      kind: ref.kind,
      conversation_id: ref.conversationId,
      service_url: ref.serviceUrl,
      user_id: orNull(ref.userId),
      platform_user_id: orNull(ref.platformUserId),
      name: orNull(ref.name),
      updated_at: ref.updatedAt.getTime(),
    }),
  },
  slackInstallations: {
    table: 'slack_installations',
    key: ['id'],
    toRecord: (row) => {
      const teamId = optionalText(row, 'team_id');
      const enterpriseId = optionalText(row, 'enterprise_id');
      return {
        id: text(row, 'id'),
        ...(teamId ? { teamId } : {}),
        ...(enterpriseId ? { enterpriseId } : {}),
        isEnterpriseInstall: integer(row, 'is_enterprise_install') !== 0,
        installation: text(row, 'installation'),
        updatedAt: date(row, 'updated_at'),
      };
    },
    toColumns: (installation) => ({
      id: installation.id,
      team_id: orNull(installation.teamId),
      enterprise_id: orNull(installation.enterpriseId),
      is_enterprise_install: installation.isEnterpriseInstall ? 1 : 0,
      installation: installation.installation,
      updated_at: installation.updatedAt.getTime(),
    }),
  },
};
