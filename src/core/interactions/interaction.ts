export const DIRECTIONS = ['inbound', 'outbound'] as const;
export type Direction = (typeof DIRECTIONS)[number];

export const CHANNELS = [
  'call',
  'email',
  'sms',
  'whatsapp',
  'in_person',
  'video',
  'letter',
  'other',
] as const;
export type Channel = (typeof CHANNELS)[number];

export const SOURCES = ['manual', 'chat-message', 'import', 'api'] as const;
export type SourceKind = (typeof SOURCES)[number];

export const FOLLOW_UP_STATUSES = ['open', 'done', 'cancelled'] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];

export const DESCRIPTION_MAX = 10_000;
export const CONTACTS_PER_LOG_MAX = 500;

export interface FollowUp {
  dueAt: Date;
  assigneeId: string;
  status: FollowUpStatus;
  snoozedUntil?: Date;
  doneAt?: Date;
  doneBy?: string;
}

/** A file shared through the chat platform; we keep a reference, never the bytes. */
export interface AttachmentRef {
  name: string;
  mimeType: string;
  size: number;
  url: string;
  platformFileId?: string;
}

export interface InteractionSource {
  kind: SourceKind;
  link?: string;
}

/**
 * One document per contact. A collective event (one form, many contacts) shares an eventId,
 * so each contact keeps its own trace that can be edited or deleted on its own.
 */
export interface Interaction {
  id: string;
  workspaceId: string;
  eventId: string;
  contactId: string;
  /** Denormalised at write time so lists, filters and exports need no join. */
  contactName: string;
  organisationId?: string;
  type: string;
  actions: string[];
  description: string;
  occurredAt: Date;
  createdAt: Date;
  updatedAt: Date;
  authorId: string;
  authorName: string;
  important: boolean;
  followUp?: FollowUp;
  visitAddress?: string;
  direction?: Direction;
  channel?: Channel;
  attachments: AttachmentRef[];
  source: InteractionSource;
  /**
   * `${submissionKey}:${contactId}`; unique per workspace, so a replayed submission inserts
   * nothing. Required: the unique index is not sparse (a sparse *compound* index would still
   * index every record on MongoDB, so two records without a key would clash there).
   */
  idempotencyKey: string;
}

/** The effective moment a follow-up should fire: the snooze wins over the original due date. */
export function followUpFireAt(followUp: FollowUp): Date {
  return followUp.snoozedUntil ?? followUp.dueAt;
}
