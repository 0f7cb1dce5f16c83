import { z } from 'zod';

/**
 * A `send-follow-up-reminder` job's data: ids and an ISO time only (no dotted keys, no payloads).
 * Declared once, here beside the queue: both schedulers (agenda, SQLite) write it and the
 * dispatcher reads it back.
 */
export const reminderJobData = z.object({
  workspaceId: z.string().min(1),
  interactionId: z.string().min(1),
  fireAt: z.iso.datetime(),
});
export type ReminderJobData = z.infer<typeof reminderJobData>;

/** A queued reminder job as the dispatcher reads it (data is checked against `reminderJobData` by the dispatcher). */
export interface QueuedReminder {
  /** Unique per queued (interaction, fire time): a moved reminder gets a new id. */
  jobId: string;
  data: unknown;
}

/**
 * The reminder jobs' store as the dispatcher (definitions/dispatch-follow-up-reminders.job.ts)
 * uses it: reminders are read and removed in batches, never locked one by one.
 */
export interface ReminderQueue {
  /** Reminder jobs due at `now` (core time). */
  due(now: Date, limit: number): Promise<QueuedReminder[]>;
  /** Removes handled jobs (sent, failed, stale, or claimed by another worker). */
  remove(jobIds: readonly string[]): Promise<void>;
}
