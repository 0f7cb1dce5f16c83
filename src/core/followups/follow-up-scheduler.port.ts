import type { Interaction } from '../interactions/interaction.js';
import { followUpFireAt } from '../interactions/interaction.js';

/** One reminder DM to send: keyed by the interaction, so scheduling again moves it. */
export interface FollowUpReminder {
  workspaceId: string;
  interactionId: string;
  /** Shared by the records of one collective log, so an implementation may group the DMs. */
  eventId: string;
  assigneeId: string;
  /** `followUpFireAt(followUp)`: the snooze wins over the due date. */
  fireAt: Date;
}

/**
 * Where reminders are queued (agenda in production). The interaction record stays the source
 * of truth: an implementation must be idempotent per interactionId (schedule = create or move,
 * cancel = no-op when none), and may rebuild its queue from the open follow-ups.
 */
export interface FollowUpScheduler {
  schedule(reminders: FollowUpReminder[]): Promise<void>;
  cancel(workspaceId: string, interactionIds: string[]): Promise<void>;
}

/** Used until a real scheduler is plugged in, and in tests that do not look at reminders. */
export const noopFollowUpScheduler: FollowUpScheduler = {
  async schedule() {},
  async cancel() {},
};

/** The reminder an interaction needs now, or null when it has no open follow-up. */
export function reminderFor(interaction: Interaction): FollowUpReminder | null {
  const followUp = interaction.followUp;
  if (followUp?.status !== 'open') return null;
  return {
    workspaceId: interaction.workspaceId,
    interactionId: interaction.id,
    eventId: interaction.eventId,
    assigneeId: followUp.assigneeId,
    fireAt: followUpFireAt(followUp),
  };
}
