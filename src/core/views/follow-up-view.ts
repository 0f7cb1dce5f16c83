import {
  type FollowUp,
  type FollowUpStatus,
  followUpFireAt,
  type Interaction,
} from '../interactions/interaction.js';
import { isOverdue } from './interaction-item.js';

/** An interaction that carries a follow-up; the type makes "no follow-up" unrepresentable here. */
export type InteractionWithFollowUp = Interaction & { followUp: FollowUp };

export function hasFollowUp(interaction: Interaction): interaction is InteractionWithFollowUp {
  return interaction.followUp !== undefined;
}

/** F13 reminder DM and F12 App Home entry: what is due, about whom, and what was agreed. */
export interface FollowUpView {
  interactionId: string;
  contactId: string;
  contactName: string;
  typeLabel: string;
  actions: string[];
  /** The interaction's description: what was agreed. Not escaped here. */
  summary: string;
  authorId: string;
  authorName: string;
  /** When the original interaction happened ("logged by … on …"). */
  loggedAt: Date;
  /** Effective fire time: the snooze wins over the original due date. */
  dueAt: Date;
  originalDueAt: Date;
  snoozed: boolean;
  assigneeId: string;
  status: FollowUpStatus;
  overdue: boolean;
  important: boolean;
  /** The reminder is delivered after its time (the bot was down): F13 says mark it late. */
  late: boolean;
}

export function presentFollowUp(
  interaction: InteractionWithFollowUp,
  now: Date,
  options: { late?: boolean } = {},
): FollowUpView {
  const { followUp } = interaction;
  const dueAt = followUpFireAt(followUp);
  return {
    interactionId: interaction.id,
    contactId: interaction.contactId,
    contactName: interaction.contactName,
    typeLabel: interaction.type,
    actions: [...interaction.actions],
    summary: interaction.description,
    authorId: interaction.authorId,
    authorName: interaction.authorName,
    loggedAt: interaction.occurredAt,
    dueAt,
    originalDueAt: followUp.dueAt,
    snoozed: followUp.snoozedUntil !== undefined,
    assigneeId: followUp.assigneeId,
    status: followUp.status,
    overdue: isOverdue(followUp.status, dueAt, now),
    important: interaction.important,
    late: options.late ?? false,
  };
}
