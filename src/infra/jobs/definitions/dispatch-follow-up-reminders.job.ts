import type { ReminderDelivery, ReminderRequest } from '../../../core/followups/reminder-delivery.js';
import type { Clock, Logger } from '../../../core/shared/ports.js';
import { JobName } from '../job-names.js';
import type { JobRunner } from '../job-runner.js';
import { type QueuedReminder, type ReminderQueue, reminderJobData } from '../reminder-queue.js';

/** The first batch is small, so the first DMs go out while the next, larger batch is prepared. */
const FIRST_BATCH_PER_WORKSPACE = 2;

/**
 * Due jobs read at once. On FerretDB the read costs a scan of the collection whatever the
 * limit, so reading them all lets each batch take a fair share of every workspace.
 */
const DUE_READ_LIMIT = 20_000;

/**
 * Up to `perWorkspace` reminders of each workspace, round-robin, at most `size` in all: every
 * workspace's Slack rate limit is used at once, and one workspace with thousands due (a
 * collective log) cannot fill a batch while the others wait.
 */
export function pickFair<T extends { data: unknown }>(
  due: readonly T[],
  size: number,
  perWorkspace: number,
): T[] {
  const byWorkspace = new Map<string, T[]>();
  for (const queued of due) {
    const parsed = reminderJobData.safeParse(queued.data);
    const key = parsed.success ? parsed.data.workspaceId : '';
    const list = byWorkspace.get(key) ?? [];
    if (list.length < perWorkspace) list.push(queued);
    byWorkspace.set(key, list);
  }
  const picked: T[] = [];
  for (let round = 0; round < perWorkspace && picked.length < size; round++) {
    for (const list of byWorkspace.values()) {
      if (round < list.length && picked.length < size) picked.push(list[round]!);
    }
  }
  return picked;
}

export interface ReminderDispatchOptions {
  /** Reminders per batch at most, and per workspace in one batch at most (fairness). */
  batchSize: number;
  perWorkspace: number;
  /** Batches in flight at most: the next is read and claimed while others are being sent. */
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
 * costs a few reads (the SQLite queue is read the same way). Two workers reading the same batch split it: each reminder has one claim.
 */
export function defineDispatchFollowUpRemindersJob(
  runner: JobRunner,
  deps: { reminders: ReminderDelivery; queue: ReminderQueue; clock: Clock; logger: Logger },
  options: ReminderDispatchOptions,
): void {
  /** Sends one batch; `halfway` resolves when half of it is sent (or it ends), `done` when all is. */
  function dispatch(batch: QueuedReminder[]): { halfway: Promise<void>; done: Promise<void> } {
    const requests: ReminderRequest[] = [];
    for (const job of batch) {
      const parsed = reminderJobData.safeParse(job.data);
      if (!parsed.success) {
        // Retrying cannot fix malformed data: log it; the job is removed with the batch.
        deps.logger.error('Ignoring a malformed reminder job', { jobId: job.jobId });
        continue;
      }
      const { fireAt, ...ids } = parsed.data;
      requests.push({ ...ids, fireAt: new Date(fireAt) });
    }
    let reachedHalfway: () => void = () => {};
    const halfway = new Promise<void>((resolve) => {
      reachedHalfway = resolve;
    });
    const done = (async () => {
      try {
        await deps.reminders.deliverMany(requests, (finished, total) => {
          if (finished * 2 >= total) reachedHalfway();
        });
        // Only now: every reminder has an outcome, or a pending record the retry sweep owns.
        await deps.queue.remove(batch.map((job) => job.jobId));
      } finally {
        reachedHalfway();
      }
    })();
    return { halfway, done };
  }

  runner.define(
    JobName.dispatchFollowUpReminders,
    async (job) => {
      const started = Date.now();
      const taken = new Set<string>();
      const running: Promise<void>[] = [];
      let perWorkspace = Math.min(options.perWorkspace, FIRST_BATCH_PER_WORKSPACE);
      // Pipelined: the next batch is read, claimed and queued when the current one is half
      // sent, so its database work overlaps the sends and no workspace's queue runs dry.
      while (Date.now() - started < options.budgetMs) {
        const due = await deps.queue.due(deps.clock.now(), DUE_READ_LIMIT);
        const fresh = due.filter((queued) => !taken.has(queued.jobId));
        const batch = pickFair(fresh, options.batchSize, perWorkspace);
        if (batch.length === 0) break;
        perWorkspace = options.perWorkspace;
        for (const queued of batch) taken.add(queued.jobId);
        const run = dispatch(batch);
        // Never rejects: a failed batch keeps its jobs, read again on the next run.
        const tracked: Promise<void> = run.done
          .catch((error: unknown) => deps.logger.error('Reminder batch failed', { error: String(error) }))
          .finally(() => {
            for (const queued of batch) taken.delete(queued.jobId);
            running.splice(running.indexOf(tracked), 1);
          });
        running.push(tracked);
        await run.halfway;
        // At most `lanes` batches in flight: wait for the oldest before reading more.
        while (running.length >= options.lanes) await Promise.race(running);
        await job.touch(); // keeps the job's lock while a long run goes on
      }
      await Promise.all(running);
    },
    { concurrency: 1, lockLifetimeMs: options.lockLifetimeMs },
  );
}
