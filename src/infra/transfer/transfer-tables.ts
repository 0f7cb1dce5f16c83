import type { AuditEntry } from '../../core/audit/audit.js';
import type { Contact, Organisation } from '../../core/contacts/contact.js';
import type { ConversationRef } from '../../core/deliveries/conversation-ref.port.js';
import type { FollowUpReminder } from '../../core/followups/follow-up-scheduler.port.js';
import type { Interaction } from '../../core/interactions/interaction.js';
import type { Member, Workspace } from '../../core/workspaces/workspace.js';

/**
 * What `db copy` moves between engines: every table (collection) the app stores, each record in
 * an engine-neutral shape — the core's entity where there is one. Derived columns (folded text,
 * fire times, SQLite's contact_emails and interaction_counts) are not carried: the writing
 * engine computes them as its repositories do. Scheduled jobs are not carried either (their
 * format is the engine's); the target's reminders are rebuilt from the open follow-ups.
 */
export interface ClaimRecord {
  scope: string;
  workspaceId: string;
  key: string;
  claimedAt: Date;
}

/**
 * Deliveries are carried as stored, with kind and status as plain strings: the outcome table
 * also holds "first seen" markers, and a record of a kind this version does not know is kept.
 */
export interface PendingRecord {
  id: string;
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

export interface OutcomeRecord {
  id: string;
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

export interface AttemptRecord {
  id: string;
  deliveryId: string;
  attempt: number;
  claimedAt: Date;
}

/** `id` is the stored key (workspace + person, or + conversation). */
export type ConversationRefRecord = ConversationRef & { id: string };

/** A Slack installation as stored: the whole installation as JSON text. */
export interface InstallationRecord {
  id: string;
  teamId?: string;
  enterpriseId?: string;
  isEnterpriseInstall: boolean;
  installation: string;
  updatedAt: Date;
}

export interface TransferRecords {
  workspaces: Workspace;
  members: Member;
  organisations: Organisation;
  contacts: Contact;
  interactions: Interaction;
  audit: AuditEntry;
  claims: ClaimRecord;
  deliveryPending: PendingRecord;
  deliveryOutcomes: OutcomeRecord;
  deliveryAttempts: AttemptRecord;
  conversationRefs: ConversationRefRecord;
  slackInstallations: InstallationRecord;
}

export type TableName = keyof TransferRecords;

/** Copy order: workspaces first, so a half-done copy never holds records of an unknown workspace. */
export const TRANSFER_TABLES: readonly TableName[] = [
  'workspaces',
  'members',
  'organisations',
  'contacts',
  'interactions',
  'audit',
  'claims',
  'deliveryPending',
  'deliveryOutcomes',
  'deliveryAttempts',
  'conversationRefs',
  'slackInstallations',
];

export interface TransferBatch<T> {
  records: T[];
  /** Where the next batch starts (opaque to the caller); null when this was the last one. */
  next: string | null;
}

/**
 * One engine's side of a copy. Reads walk a table in its primary key's order, a batch at a
 * time, so memory stays flat whatever the size. Writes are idempotent: a record whose key is
 * already there is skipped, so a copy interrupted half-way is simply run again.
 */
export interface TransferStore {
  /** Where the data lives, for the report; credentials stripped. */
  description: string;
  read<T extends TableName>(
    table: T,
    after: string | null,
    limit: number,
  ): Promise<TransferBatch<TransferRecords[T]>>;
  /** Resolves to how many records were new (the rest were already there). */
  write<T extends TableName>(table: T, records: TransferRecords[T][]): Promise<number>;
  count(table: TableName): Promise<number>;
  /**
   * Queues the reminders in this engine's scheduler (create or move, per interaction).
   * Resolves to false when this store has no scheduler to queue them in.
   */
  scheduleReminders(reminders: FollowUpReminder[]): Promise<boolean>;
  close(): Promise<void>;
}
