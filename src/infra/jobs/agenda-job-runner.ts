import { exponential } from 'agenda';
import { type Agenda, trackRunning } from './agenda.js';
import type { JobName } from './job-names.js';
import type { JobDefinitionOptions, JobHandler, JobRunner, ScheduleOptions } from './job-runner.js';

/** agenda's dotted query on a job's data fields (what `.unique` and `cancel` match on). */
function dataQuery(fields: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(fields).map(([key, value]) => [`data.${key}`, value]));
}

/** The JobRunner on agenda (MongoDB): the same calls the definitions made on agenda directly. */
export class AgendaJobRunner implements JobRunner {
  private readonly running: ReturnType<typeof trackRunning>;

  constructor(readonly agenda: Agenda) {
    this.running = trackRunning(agenda);
  }

  define(name: JobName, handler: JobHandler, options: JobDefinitionOptions = {}): void {
    this.agenda.define(
      name,
      (job) => handler({ id: String(job.attrs._id), data: job.attrs.data, touch: () => job.touch() }),
      {
        ...(options.concurrency !== undefined ? { concurrency: options.concurrency } : {}),
        ...(options.lockLifetimeMs !== undefined ? { lockLifetime: options.lockLifetimeMs } : {}),
        ...(options.retry
          ? {
              backoff: exponential({
                delay: options.retry.delayMs,
                maxDelay: options.retry.maxDelayMs,
                maxRetries: options.retry.maxRetries,
              }),
            }
          : {}),
      },
    );
  }

  async every(intervalMs: number, name: JobName): Promise<void> {
    await this.agenda.every(intervalMs, name);
  }

  async schedule(when: Date | 'now', name: JobName, data: unknown, options: ScheduleOptions = {}) {
    const job = this.agenda.create(name, data);
    if (options.unique) job.unique(dataQuery(options.unique), { insertOnly: options.keepExisting ?? false });
    await job.schedule(when === 'now' ? new Date() : when).save();
  }

  async cancel(name: JobName, fields: Record<string, string>): Promise<void> {
    await this.agenda.cancel({ name, data: fields });
  }

  async start(): Promise<void> {
    await this.agenda.start();
  }

  async stop(drainTimeoutMs: number): Promise<boolean> {
    // Stop polling and release queued jobs first, then let running ones finish.
    await this.agenda.stop(false);
    return this.running.idle(drainTimeoutMs);
  }
}
