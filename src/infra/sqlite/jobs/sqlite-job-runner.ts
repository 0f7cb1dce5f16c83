import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { DatabaseSync } from 'node:sqlite';
import type { Clock, Logger } from '../../../core/shared/ports.js';
import type { JobName } from '../../jobs/job-names.js';
import type {
  JobDefinitionOptions,
  JobHandler,
  JobRunner,
  RetryPolicy,
  ScheduleOptions,
} from '../../jobs/job-runner.js';
import { JobTable, type StoredJob, uniqueKeyOf } from './job-table.js';

/** The runners alive in this process, by instance id (see `freeLeasesOfGoneProcesses`). */
const liveRunners = new Set<string>();

/** Whether a process of this host is still running (EPERM: it is, as another user's). */
function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error instanceof Error && 'code' in error && error.code === 'EPERM';
  }
}

/** agenda's defaults, so a definition behaves the same on either engine. */
const DEFAULT_CONCURRENCY = 5;
const DEFAULT_LOCK_LIFETIME_MS = 10 * 60_000;

export interface SqliteJobRunnerSetup {
  clock: Clock;
  logger: Logger;
  /** How often the poll looks for due jobs (ms). Default 5 s, as agenda's processEvery. */
  pollEveryMs?: number;
  /** Shown in lock_owner: which process holds a job. Default host:pid. */
  name?: string;
}

interface Definition {
  handler: JobHandler;
  concurrency: number;
  lockLifetimeMs: number;
  retry?: RetryPolicy;
}

/** When a failed run goes again: after its backoff, at its next repeat, or never (null). */
export function nextRunAfterFailure(
  job: StoredJob,
  failCount: number,
  startedAt: number,
  now: number,
  retry?: RetryPolicy,
) {
  if (retry && failCount <= retry.maxRetries) {
    return now + Math.min(retry.delayMs * 2 ** (failCount - 1), retry.maxDelayMs);
  }
  return job.repeatIntervalMs !== null ? startedAt + job.repeatIntervalMs : null;
}

/**
 * A JobRunner on one SQLite file (scheduled_jobs), with agenda's guarantees: a job runs at its
 * time, or late when its time passed while no process ran; a run holds a lease (lock_owner,
 * lock_expires_at) taken atomically, so two processes on one file never run the same job at
 * once, and a crashed process's job is taken again when its lease expires; one-off jobs are
 * removed when done, repeating jobs rescheduled from the start of their run; failures retry
 * with exponential backoff when the definition asks for it.
 * Time is the injected clock's: tests drive it and call `runDueJobsOnce()` instead of polling.
 */
export class SqliteJobRunner implements JobRunner {
  private readonly table: JobTable;
  private readonly definitions = new Map<string, Definition>();
  private readonly running = new Map<string, number>();
  private readonly inFlight = new Set<Promise<void>>();
  private readonly owner: string;
  /** host:pid:instance, stored with each lease this runner takes. */
  private readonly process: string;
  private timer: NodeJS.Timeout | undefined;
  private polling = false;
  private readonly setup: SqliteJobRunnerSetup;

  constructor(db: DatabaseSync, setup: SqliteJobRunnerSetup) {
    this.setup = setup;
    this.table = new JobTable(db);
    this.owner = setup.name ?? `${hostname()}:${process.pid}`;
    const instance = randomUUID();
    this.process = `${hostname()}:${process.pid}:${instance}`;
    liveRunners.add(instance);
  }

  private now(): number {
    return this.setup.clock.now().getTime();
  }

  define(name: JobName, handler: JobHandler, options: JobDefinitionOptions = {}): void {
    this.definitions.set(name, {
      handler,
      concurrency: options.concurrency ?? DEFAULT_CONCURRENCY,
      lockLifetimeMs: options.lockLifetimeMs ?? DEFAULT_LOCK_LIFETIME_MS,
      ...(options.retry ? { retry: options.retry } : {}),
    });
  }

  async every(intervalMs: number, name: JobName): Promise<void> {
    this.table.ensureRepeating(name, intervalMs, this.now());
  }

  async schedule(when: Date | 'now', name: JobName, data: unknown, options: ScheduleOptions = {}) {
    const now = this.now();
    const key = options.unique ? uniqueKeyOf(options.unique) : null;
    const runAt = when === 'now' ? now : when.getTime();
    this.table.put(
      [{ name, key, data: JSON.stringify(data ?? null), runAt, now }],
      options.keepExisting ? 'keep' : 'replace',
    );
  }

  async cancel(name: JobName, fields: Record<string, string>): Promise<void> {
    this.table.removeByKey(name, uniqueKeyOf(fields));
  }

  /**
   * Takes every due job it has room for (per-definition concurrency) and runs them; resolves
   * when those runs have ended, with how many were started. The poll does the same without
   * waiting, so a long run never delays the next poll.
   */
  async runDueJobsOnce(): Promise<number> {
    const started = this.claimDueJobs();
    await Promise.all(started);
    return started.length;
  }

  private claimDueJobs(): Promise<void>[] {
    const started: Promise<void>[] = [];
    for (const [name, definition] of this.definitions) {
      while ((this.running.get(name) ?? 0) < definition.concurrency) {
        const now = this.now();
        const lease = `${this.owner}:${randomUUID()}`;
        const job = this.table.claimNext(name, now, {
          owner: lease,
          process: this.process,
          expiresAt: now + definition.lockLifetimeMs,
        });
        if (!job) break;
        started.push(this.track(name, this.runJob(job, definition, lease, now)));
      }
    }
    return started;
  }

  private track(name: string, run: Promise<void>): Promise<void> {
    this.running.set(name, (this.running.get(name) ?? 0) + 1);
    const tracked = run.finally(() => {
      this.running.set(name, (this.running.get(name) ?? 1) - 1);
      this.inFlight.delete(tracked);
    });
    this.inFlight.add(tracked);
    return tracked;
  }

  /** Never rejects: a failure is stored on the job (and logged), as agenda's 'fail' event. */
  private async runJob(job: StoredJob, definition: Definition, lease: string, startedAt: number) {
    const touch = async () => {
      if (!this.table.extendLease(job.id, lease, this.now() + definition.lockLifetimeMs)) {
        this.setup.logger.warn('Job lease lost: another worker took the job over', { job: job.name });
      }
    };
    let failure: unknown;
    let failed = false;
    try {
      await definition.handler({ id: String(job.id), data: job.data, touch });
    } catch (error) {
      failed = true;
      failure = error;
      this.setup.logger.warn('Job failed', { job: job.name, error: String(error) });
    }
    try {
      const now = this.now();
      if (failed) {
        const failCount = job.failCount + 1;
        this.table.release(job.id, lease, {
          nextRunAt: nextRunAfterFailure(job, failCount, startedAt, now, definition.retry),
          finishedAt: now,
          failCount,
          error: String(failure),
        });
      } else if (job.repeatIntervalMs === null) {
        this.table.removeOwned(job.id, lease);
      } else {
        const next = startedAt + job.repeatIntervalMs;
        this.table.release(job.id, lease, { nextRunAt: next, finishedAt: now, failCount: 0, error: null });
      }
    } catch (error) {
      // The lease expires and the job runs again: at worst a repeat, which the core dedupes.
      this.setup.logger.error('Job scheduler error', { job: job.name, error: String(error) });
    }
  }

  /**
   * Frees the leases of processes of this host that are gone (a crash, a restart — a restarted
   * container even has the same pid, but not the same runner), so their jobs run now rather
   * than when their leases expire. Leases of other hosts are left to expire.
   */
  freeLeasesOfGoneProcesses(): void {
    const host = hostname();
    for (const holder of this.table.leaseProcesses()) {
      const match = /^(.*):(\d+):([^:]+)$/.exec(holder);
      if (!match || match[1] !== host) continue;
      const pid = Number(match[2]);
      const gone = pid === process.pid ? !liveRunners.has(match[3] ?? '') : !processAlive(pid);
      if (gone && this.table.freeLeasesOf(holder) > 0) {
        this.setup.logger.info('Jobs of a stopped worker freed', { worker: holder });
      }
    }
  }

  async start(): Promise<void> {
    if (this.polling) return;
    this.polling = true;
    try {
      this.freeLeasesOfGoneProcesses();
    } catch (error) {
      this.setup.logger.error('Job scheduler error', { error: String(error) });
    }
    const poll = () => {
      if (!this.polling) return;
      try {
        this.claimDueJobs();
      } catch (error) {
        // A busy file (beyond busy_timeout) or a full disk: try again at the next poll.
        this.setup.logger.error('Job scheduler error', { error: String(error) });
      }
      this.timer = setTimeout(poll, this.setup.pollEveryMs ?? 5_000);
    };
    poll();
  }

  async stop(drainTimeoutMs: number): Promise<boolean> {
    this.polling = false;
    clearTimeout(this.timer);
    if (this.inFlight.size === 0) return true;
    let timeout: NodeJS.Timeout | undefined;
    const timedOut = new Promise<boolean>((resolve) => {
      timeout = setTimeout(() => resolve(false), drainTimeoutMs);
    });
    const drained = Promise.all([...this.inFlight]).then(() => true);
    const idle = await Promise.race([drained, timedOut]);
    clearTimeout(timeout);
    return idle;
  }
}
