/**
 * Every agenda job name, in one place: the scheduler that queues a job and the definition
 * that runs it can never disagree on a string. Renaming one strands the jobs already stored.
 */
export const JobName = {
  /**
   * One per open follow-up (and fire time), stored in agendaReminderJobs. Not locked one by one
   * by agenda: the dispatcher below sends due ones in batches.
   */
  sendFollowUpReminder: 'send-follow-up-reminder',
  /** Repeating: sends every due follow-up reminder (batches, bounded concurrency). */
  dispatchFollowUpReminders: 'dispatch-follow-up-reminders',
  /** Repeating sweep: finds weekly report slots that came (or were missed) and queues posts. */
  planWeeklyReports: 'plan-weekly-reports',
  /** One per workspace and period: posts the weekly report. */
  postWeeklyReport: 'post-weekly-report',
  /** Repeating sweep: retries failed sends and takes over sends left by a crashed worker. */
  retryDeliveries: 'retry-deliveries',
  /** Repeating, daily: deletes exactly-once claims older than the retention (a week by default). */
  sweepExpiredClaims: 'sweep-expired-claims',
} as const;

export type JobName = (typeof JobName)[keyof typeof JobName];
