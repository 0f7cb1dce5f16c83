import type { ObjectId } from 'mongodb';
import { z } from 'zod';
import type { ReminderDelivery, ReminderRequest } from '../../../core/followups/reminder-delivery.js';
import type { Clock, Logger } from '../../../core/shared/ports.js';
import type { Agenda } from '../agenda.js';
import type { AgendaFollowUpScheduler } from '../agenda-follow-up-scheduler.js';
import { JobName } from '../job-names.js';

/** A `send-follow-up-reminder` job's data: ids and an ISO time only (no dotted keys, no payloads). */
export const reminderJobData = z.object({
  workspaceId: z.string().min(1),
  interactionId: z.string().min(1),
  fireAt: z.iso.datetime(),
});
export type ReminderJobData = z.infer<typeof reminderJobData>;

export interface ReminderDispatchOptions {
  /** Jobs read per batch. */
  batchSize: number;
  /** Batches in progress at once: one is read and claimed while another is being sent. */
  lanes: number;
  /** One run stops taking new batches after this long; the next run continues. */
  budgetMs: number;
  lockLifetimeMs: number;
}

/**
 * F13: sends the follow-up reminders that are due (by the core clock) — the
 * `send-follow-up-reminder` jobs — in batches: each job's data is checked with zod, the batch
 * goes to the core (which claims each reminder before sending it), and the handled jobs are
 * removed. On FerretDB, agenda locking 10,000 jobs one by one costs seconds each; a batch
 * costs a few reads. Two workers reading the same batch split it: each reminder has one claim.
 */
export function defineSendFollowUpRemindersJob(
  agenda: Agenda,
  deps: { reminders: ReminderDelivery; queue: AgendaFollowUpScheduler; clock: Clock; logger: Logger },
  options: ReminderDispatchOptions,
): void {
  async function dispatch(batch: { jobId: ObjectId; data: unknown }[]): Promise<void> {
    const requests: ReminderRequest[] = [];
    for (const job of batch) {
      const parsed = reminderJobData.safeParse(job.data);
      if (!parsed.success) {
        // Retrying cannot fix malformed data: log it; the job is removed with the batch.
        deps.logger.error('Ignoring a malformed reminder job', { jobId: String(job.jobId) });
        continue;
      }
      const { fireAt, ...ids } = parsed.data;
      requests.push({ ...ids, fireAt: new Date(fireAt) });
    }
    await deps.reminders.deliverMany(requests);
    // Only after every reminder has an outcome or a pending record the retry sweep owns.
    await deps.queue.remove(batch.map((job) => job.jobId));
  }

  agenda.define(
    JobName.dispatchFollowUpReminders,
    async (job) => {
      const started = Date.now();
      const taken = new Map<string, ObjectId>();
      let reading: Promise<unknown> = Promise.resolve();
      // Reads are serialised so two lanes never take the same jobs.
      const nextBatch = () => {
        const read = reading.then(async () => {
          const batch = await deps.queue.due(deps.clock.now(), options.batchSize, [...taken.values()]);
          for (const queued of batch) taken.set(String(queued.jobId), queued.jobId);
          return batch;
        });
        reading = read.catch(() => undefined);
        return read;
      };
      const lane = async () => {
        while (Date.now() - started < options.budgetMs) {
          const batch = await nextBatch();
          if (batch.length === 0) return;
          try {
            await dispatch(batch);
          } finally {
            for (const queued of batch) taken.delete(String(queued.jobId));
          }
          await job.touch(); // keeps agenda's lock while a long run goes on
        }
      };
      await Promise.all(Array.from({ length: options.lanes }, lane));
    },
    { concurrency: 1, lockLifetime: options.lockLifetimeMs },
  );
}
