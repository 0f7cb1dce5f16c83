import { type Connection, Schema } from 'mongoose';
import {
  type AttachmentRef,
  CHANNELS,
  DIRECTIONS,
  FOLLOW_UP_STATUSES,
  type FollowUp,
  followUpFireAt,
  type Interaction,
  SOURCES,
} from '../../../core/interactions/interaction.js';
import { foldForSearch } from '../../../core/shared/text.js';
import { COLLECTIONS } from '../indexes.js';
import { defineModel } from './define-model.js';

/**
 * Besides the Interaction fields, the document keeps derived fields the queries need and the
 * portable subset cannot compute server-side (no collation, no $ifNull): they are written by
 * the repository on every insert/update and never returned to the core.
 * - contactNameFolded / descriptionFolded / visitAddressFolded: `foldForSearch` copies for
 *   accent-insensitive regex.
 * - hasAttachments: the "has attachments" filter without array-index paths.
 * - followUp.fireAt: `followUpFireAt(followUp)`, so overdue/due filters and the soonest-first
 *   sort are plain index reads.
 */
export interface FollowUpDoc {
  dueAt: Date;
  assigneeId: string;
  status: string;
  snoozedUntil?: Date;
  doneAt?: Date;
  doneBy?: string;
  fireAt: Date;
}

export interface AttachmentDoc {
  name: string;
  mimeType: string;
  size: number;
  url: string;
  platformFileId?: string;
}

export interface InteractionDoc {
  _id: string;
  workspaceId: string;
  eventId: string;
  contactId: string;
  contactName: string;
  contactNameFolded: string;
  organisationId?: string;
  type: string;
  actions: string[];
  description: string;
  descriptionFolded: string;
  occurredAt: Date;
  createdAt: Date;
  updatedAt: Date;
  authorId: string;
  authorName: string;
  important: boolean;
  followUp?: FollowUpDoc;
  visitAddress?: string;
  visitAddressFolded?: string;
  direction?: string;
  channel?: string;
  attachments: AttachmentDoc[];
  hasAttachments: boolean;
  source: { kind: string; link?: string };
  idempotencyKey: string;
}

const followUpSchema = new Schema<FollowUpDoc>(
  {
    dueAt: Date,
    assigneeId: String,
    status: String,
    snoozedUntil: Date,
    doneAt: Date,
    doneBy: String,
    fireAt: Date,
  },
  { _id: false },
);

const attachmentSchema = new Schema<AttachmentDoc>(
  { name: String, mimeType: String, size: Number, url: String, platformFileId: String },
  { _id: false },
);

const interactionSchema = new Schema<InteractionDoc>(
  {
    _id: String,
    workspaceId: { type: String, required: true },
    eventId: { type: String, required: true },
    contactId: { type: String, required: true },
    contactName: { type: String, default: '' },
    contactNameFolded: { type: String, default: '' },
    organisationId: String,
    type: { type: String, required: true },
    actions: [String],
    description: { type: String, default: '' },
    descriptionFolded: { type: String, default: '' },
    occurredAt: { type: Date, required: true },
    createdAt: Date,
    updatedAt: Date,
    authorId: String,
    authorName: String,
    important: { type: Boolean, default: false },
    followUp: { type: followUpSchema, default: undefined },
    visitAddress: String,
    visitAddressFolded: String,
    direction: String,
    channel: String,
    attachments: { type: [attachmentSchema], default: [] },
    hasAttachments: { type: Boolean, default: false },
    source: { kind: String, link: String },
    idempotencyKey: { type: String, required: true },
  },
  { versionKey: false, autoIndex: false },
);

export function interactionModel(connection: Connection) {
  return defineModel(connection, 'Interaction', interactionSchema, COLLECTIONS.interactions);
}

// Mapping between the core entity and the document (derived fields written, never read back).

function oneOf<T extends string>(allowed: readonly T[], value: string | undefined): T | undefined {
  return allowed.find((candidate) => candidate === value);
}

/** Drops undefined values: the driver would store them as null. */
export function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

export function toFollowUpDoc(followUp: FollowUp): FollowUpDoc {
  return defined({ ...followUp, fireAt: followUpFireAt(followUp) });
}

function toFollowUp(doc: FollowUpDoc): FollowUp {
  return defined({
    dueAt: doc.dueAt,
    assigneeId: doc.assigneeId,
    status: oneOf(FOLLOW_UP_STATUSES, doc.status) ?? 'open',
    snoozedUntil: doc.snoozedUntil ?? undefined,
    doneAt: doc.doneAt ?? undefined,
    doneBy: doc.doneBy ?? undefined,
  });
}

function toAttachment(doc: AttachmentRef): AttachmentRef {
  const { platformFileId, ...rest } = doc;
  return { ...rest, ...(platformFileId ? { platformFileId } : {}) };
}

export function toInteractionDoc(interaction: Interaction): InteractionDoc {
  const { id, followUp, attachments, ...rest } = interaction;
  return defined({
    _id: id,
    ...rest,
    contactNameFolded: foldForSearch(interaction.contactName),
    descriptionFolded: foldForSearch(interaction.description),
    visitAddressFolded: interaction.visitAddress ? foldForSearch(interaction.visitAddress) : undefined,
    attachments: attachments.map((attachment) => defined(attachment)),
    hasAttachments: attachments.length > 0,
    source: defined(interaction.source),
    followUp: followUp ? toFollowUpDoc(followUp) : undefined,
  });
}

export function toInteraction(doc: InteractionDoc): Interaction {
  return defined({
    id: doc._id,
    workspaceId: doc.workspaceId,
    eventId: doc.eventId,
    contactId: doc.contactId,
    contactName: doc.contactName,
    organisationId: doc.organisationId ?? undefined,
    type: doc.type,
    actions: [...doc.actions],
    description: doc.description,
    occurredAt: doc.occurredAt,
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
    authorId: doc.authorId,
    authorName: doc.authorName,
    important: doc.important,
    followUp: doc.followUp ? toFollowUp(doc.followUp) : undefined,
    visitAddress: doc.visitAddress ?? undefined,
    direction: oneOf(DIRECTIONS, doc.direction),
    channel: oneOf(CHANNELS, doc.channel),
    attachments: (doc.attachments ?? []).map(toAttachment),
    source: defined({
      kind: oneOf(SOURCES, doc.source?.kind) ?? 'manual',
      link: doc.source?.link ?? undefined,
    }),
    idempotencyKey: doc.idempotencyKey,
  });
}
