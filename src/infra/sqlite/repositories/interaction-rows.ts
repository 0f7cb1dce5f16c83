import type { SQLInputValue } from 'node:sqlite';
import {
  type AttachmentRef,
  type FollowUp,
  followUpFireAt,
  type Interaction,
} from '../../../core/interactions/interaction.js';
import type { InteractionPatch } from '../../../core/interactions/interaction.repository.port.js';
import { foldForSearch } from '../../../core/shared/text.js';
import { ms, orNull } from '../rows.js';

/**
 * The interactions table's row mapping. Besides the entity's fields a row keeps derived columns
 * the queries need, written on every insert and update and never returned to the core:
 * contact_name_folded / description_folded (accent-insensitive search), has_attachments, and
 * follow_up_fire_at (`followUpFireAt`: the snooze wins over the due date).
 */
export type Columns = Record<string, SQLInputValue>;

function definedOnly<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

function followUpColumns(followUp: FollowUp | undefined): Columns {
  return {
    follow_up_due_at: ms(followUp?.dueAt),
    follow_up_assignee_id: orNull(followUp?.assigneeId),
    follow_up_status: orNull(followUp?.status),
    follow_up_snoozed_until: ms(followUp?.snoozedUntil),
    follow_up_done_at: ms(followUp?.doneAt),
    follow_up_done_by: orNull(followUp?.doneBy),
    follow_up_fire_at: followUp ? followUpFireAt(followUp).getTime() : null,
  };
}

function attachmentColumns(attachments: AttachmentRef[]): Columns {
  return {
    attachments: JSON.stringify(attachments.map((attachment) => definedOnly(attachment))),
    has_attachments: attachments.length > 0 ? 1 : 0,
  };
}

export function insertColumns(interaction: Interaction): Columns {
  return {
    id: interaction.id,
    workspace_id: interaction.workspaceId,
    event_id: interaction.eventId,
    contact_id: interaction.contactId,
    contact_name: interaction.contactName,
    contact_name_folded: foldForSearch(interaction.contactName),
    organisation_id: orNull(interaction.organisationId),
    type: interaction.type,
    actions: JSON.stringify(interaction.actions),
    description: interaction.description,
    description_folded: foldForSearch(interaction.description),
    occurred_at: interaction.occurredAt.getTime(),
    created_at: interaction.createdAt.getTime(),
    updated_at: interaction.updatedAt.getTime(),
    author_id: interaction.authorId,
    author_name: interaction.authorName,
    important: interaction.important ? 1 : 0,
    ...followUpColumns(interaction.followUp),
    visit_address: orNull(interaction.visitAddress),
    visit_address_folded: interaction.visitAddress ? foldForSearch(interaction.visitAddress) : null,
    direction: orNull(interaction.direction),
    channel: orNull(interaction.channel),
    ...attachmentColumns(interaction.attachments),
    source_kind: interaction.source.kind,
    source_link: orNull(interaction.source.link),
    idempotency_key: interaction.idempotencyKey,
  };
}

/** The columns a patch writes; a field given as undefined, or listed in `unset`, is cleared. */
export function patchColumns(patch: InteractionPatch, unset: readonly (keyof Interaction)[]): Columns {
  const columns: Columns = {};
  const cleared = new Set<string>(unset);
  for (const [field, value] of Object.entries(patch)) if (value === undefined) cleared.add(field);
  const p = patch;
  if (p.type !== undefined) columns.type = p.type;
  if (p.actions !== undefined) columns.actions = JSON.stringify(p.actions);
  if (p.description !== undefined) {
    columns.description = p.description;
    columns.description_folded = foldForSearch(p.description);
  }
  if (p.occurredAt !== undefined) columns.occurred_at = p.occurredAt.getTime();
  if (p.important !== undefined) columns.important = p.important ? 1 : 0;
  if (p.followUp !== undefined || cleared.has('followUp'))
    Object.assign(columns, followUpColumns(p.followUp));
  if (p.visitAddress !== undefined || cleared.has('visitAddress')) {
    columns.visit_address = orNull(p.visitAddress);
    columns.visit_address_folded = p.visitAddress ? foldForSearch(p.visitAddress) : null;
  }
  if (p.direction !== undefined || cleared.has('direction')) columns.direction = orNull(p.direction);
  if (p.channel !== undefined || cleared.has('channel')) columns.channel = orNull(p.channel);
  if (p.attachments !== undefined || cleared.has('attachments')) {
    Object.assign(columns, attachmentColumns(p.attachments ?? []));
  }
  if (p.contactId !== undefined) columns.contact_id = p.contactId;
  if (p.contactName !== undefined) {
    columns.contact_name = p.contactName;
    columns.contact_name_folded = foldForSearch(p.contactName);
  }
  if (p.organisationId !== undefined || cleared.has('organisationId')) {
    columns.organisation_id = orNull(p.organisationId);
  }
  columns.updated_at = p.updatedAt.getTime();
  return columns;
}
