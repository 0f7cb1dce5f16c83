/** A queued reminder job as the dispatcher reads it (data is validated by the job definition). */
export interface QueuedReminder {
  /** Unique per queued (interaction, fire time): a moved reminder gets a new id. */
  jobId: string;
  data: unknown;
}

/**
 * The reminder jobs' store as the dispatcher (definitions/send-follow-up-reminder.job.ts)
 * uses it: reminders are read and removed in batches, never locked one by one.
 */
export interface ReminderQueue {
  /** Reminder jobs due at `now` (core time). */
  due(now: Date, limit: number): Promise<QueuedReminder[]>;
  /** Removes handled jobs (sent, failed, stale, or claimed by another worker). */
  remove(jobIds: readonly string[]): Promise<void>;
}
