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
  /** A reminder shown within REMINDER_GRACE_MS of its due time: it says "due now", not overdue. */
  dueNow: boolean;
  important: boolean;
  /** The reminder is delivered after its time (the bot was down): F13 says mark it late. */
  late: boolean;
}

/**
 * How long after its due time a reminder still reads "due now" rather than "overdue". Ten
 * minutes: a reminder on time reaches the person a few seconds to a couple of minutes after it
 * fell due (the queue polls, a batch sends hundreds, a transient failure is retried after a
 * minute), and calling that "overdue" is wrong. Past ten minutes something held it up (the bot
 * was down): it is overdue, and the message says it was sent late.
 */
export const REMINDER_GRACE_MS = 10 * 60_000;

/** Sent more than the grace period after it fell due: the reminder says it is late. */
export function isReminderLate(dueAt: Date, sentAt: Date): boolean {
  return sentAt.getTime() - dueAt.getTime() > REMINDER_GRACE_MS;
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
    dueNow: false,
    important: interaction.important,
    late: options.late ?? false,
  };
}

/**
 * F13: the reminder as it reads at `at` (when it is sent, or shown again after one of its
 * buttons): "due now" within the grace period of its due time, overdue after it. Decided here
 * once, with the caller's clock, so the Slack DM and the Teams card say the same thing; `late`
 * is known only to the delivery, which sent it.
 */
export function presentReminder(
  interaction: InteractionWithFollowUp,
  at: Date,
  options: { late?: boolean } = {},
): FollowUpView {
  const view = presentFollowUp(interaction, at, options);
  const since = at.getTime() - view.dueAt.getTime();
  const open = view.status === 'open';
  const overdue = open && since > REMINDER_GRACE_MS;
  return { ...view, overdue, dueNow: open && since >= 0 && !overdue };
}
