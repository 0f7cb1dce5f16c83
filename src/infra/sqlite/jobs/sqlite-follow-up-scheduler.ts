import type { DatabaseSync } from 'node:sqlite';
import type {
  FollowUpReminder,
  FollowUpScheduler,
} from '../../../core/followups/follow-up-scheduler.port.js';
import { JobName } from '../../jobs/job-names.js';
import type { QueuedReminder, ReminderJobData, ReminderQueue } from '../../jobs/reminder-queue.js';
import { JobTable, parseData, uniqueKeyOf } from './job-table.js';

/** The identity of a reminder job: one per interaction, whatever its time. */
export const reminderKey = (workspaceId: string, interactionId: string) =>
  uniqueKeyOf({ workspaceId, interactionId });

/**
 * FollowUpScheduler on SQLite: one `send-follow-up-reminder` row per interaction in
 * scheduled_jobs, keyed by (workspace, interaction). Scheduling creates it or moves it (a moved
 * reminder is a new row with a new id, so a dispatcher still sending the old one never removes
 * the new one); cancelling removes it, and is a no-op when there is none. No handler is defined
 * for these rows: the dispatcher job reads due ones in batches (`due`) and removes them once
 * handled (`remove`), as on agenda.
 */
export class SqliteFollowUpScheduler implements FollowUpScheduler, ReminderQueue {
  private readonly table: JobTable;

  constructor(
    db: DatabaseSync,
    private readonly clock: { now(): Date },
  ) {
    this.table = new JobTable(db);
  }

  async schedule(reminders: FollowUpReminder[]): Promise<void> {
    const now = this.clock.now().getTime();
    const jobs = reminders.map((reminder) => {
      const data: ReminderJobData = {
        workspaceId: reminder.workspaceId,
        interactionId: reminder.interactionId,
        fireAt: reminder.fireAt.toISOString(),
      };
      return {
        name: JobName.sendFollowUpReminder,
        key: reminderKey(reminder.workspaceId, reminder.interactionId),
        data: JSON.stringify(data),
        runAt: reminder.fireAt.getTime(),
        now,
      };
    });
    // One transaction for the lot: a 500-contact log is one write, not 500.
    if (jobs.length > 0) this.table.put(jobs, 'replace');
  }

  async cancel(workspaceId: string, interactionIds: string[]): Promise<void> {
    this.table.immediate(() => {
      for (const interactionId of interactionIds) {
        this.table.removeByKey(JobName.sendFollowUpReminder, reminderKey(workspaceId, interactionId));
      }
    });
  }

  async due(now: Date, limit: number): Promise<QueuedReminder[]> {
    const rows = this.table.all(
      'SELECT id, data FROM scheduled_jobs WHERE name = ? AND next_run_at <= ? ORDER BY next_run_at LIMIT ?',
      JobName.sendFollowUpReminder,
      now.getTime(),
      limit,
    );
    return rows.map((row) => ({ jobId: String(row.id), data: parseData(row.data) }));
  }

  async remove(jobIds: readonly string[]): Promise<void> {
    this.table.immediate(() => {
      for (const id of jobIds) {
        this.table.run(
          'DELETE FROM scheduled_jobs WHERE id = ? AND name = ?',
          Number(id),
          JobName.sendFollowUpReminder,
        );
      }
    });
  }
}
