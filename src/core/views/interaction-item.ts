import { type FollowUpStatus, followUpFireAt, type Interaction } from '../interactions/interaction.js';
import type { ListSort } from '../interactions/interaction-filter.js';
import { type Actor, canWrite } from '../shared/actor.js';
import { encodeCursor } from '../shared/paging.js';

/**
 * One interaction as every surface shows it (Slack timeline/list/home, Teams cards). Holds
 * what to show and what the viewer may do, never how: renderers decide layout and escaping.
 */
export interface InteractionItemView {
  id: string;
  contactId: string;
  contactName: string;
  typeLabel: string;
  actions: string[];
  authorId: string;
  authorName: string;
  description: string;
  /** Where a Visit took place, as typed (F3). */
  visitAddress?: string;
  occurredAt: Date;
  important: boolean;
  followUp?: FollowUpMarker;
  attachmentCount: number;
  sourceLink?: string;
  /** The author or a workspace owner, never a viewer: drives the edit/delete menu. */
  canEdit: boolean;
  /**
   * Opaque "continue after this item" cursor, in the same format as Page.nextCursor. A renderer
   * that must drop items to fit a surface pages on from the last item it showed, so nothing is skipped.
   */
  cursor: string;
}

export interface FollowUpMarker {
  /** The effective moment: a snooze wins over the original due date (followUpFireAt). */
  dueAt: Date;
  assigneeId: string;
  status: FollowUpStatus;
  overdue: boolean;
}

export interface PagingView {
  /** Older page. */
  nextCursor?: string;
  /** Newer page. */
  prevCursor?: string;
}

/** Members change what they authored, owners everything, viewers nothing (core/shared/actor.ts). */
export function canEditInteraction(actor: Actor, authorId: string): boolean {
  return canWrite(actor) && (actor.role === 'owner' || actor.userId === authorId);
}

export function isOverdue(status: FollowUpStatus, fireAt: Date, now: Date): boolean {
  return status === 'open' && fireAt.getTime() <= now.getTime();
}

/** The boundary cursor of one item, matching what the repository pages on for the given sort. */
export function itemCursor(interaction: Interaction, sort: ListSort): string {
  const at = interaction.occurredAt.toISOString();
  return encodeCursor(
    sort === 'type' ? { at, id: interaction.id, key: interaction.type } : { at, id: interaction.id },
  );
}

export function presentInteraction(
  interaction: Interaction,
  actor: Actor,
  now: Date,
  sort: ListSort = 'date',
): InteractionItemView {
  const item: InteractionItemView = {
    id: interaction.id,
    contactId: interaction.contactId,
    contactName: interaction.contactName,
    typeLabel: interaction.type,
    actions: [...interaction.actions],
    authorId: interaction.authorId,
    authorName: interaction.authorName,
    description: interaction.description,
    occurredAt: interaction.occurredAt,
    important: interaction.important,
    attachmentCount: interaction.attachments.length,
    canEdit: canEditInteraction(actor, interaction.authorId),
    cursor: itemCursor(interaction, sort),
  };
  const { followUp } = interaction;
  // A cancelled follow-up no longer asks anything of anyone, so it is not shown at all.
  if (followUp && followUp.status !== 'cancelled') {
    const dueAt = followUpFireAt(followUp);
    item.followUp = {
      dueAt,
      assigneeId: followUp.assigneeId,
      status: followUp.status,
      overdue: isOverdue(followUp.status, dueAt, now),
    };
  }
  if (interaction.visitAddress) item.visitAddress = interaction.visitAddress;
  if (interaction.source.link !== undefined) item.sourceLink = interaction.source.link;
  return item;
}

export function pagingOf(page: { nextCursor?: string; prevCursor?: string }): PagingView {
  const paging: PagingView = {};
  if (page.nextCursor !== undefined) paging.nextCursor = page.nextCursor;
  if (page.prevCursor !== undefined) paging.prevCursor = page.prevCursor;
  return paging;
}
