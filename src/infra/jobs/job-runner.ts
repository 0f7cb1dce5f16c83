import type { JobName } from './job-names.js';

/** One run of a job, as its handler sees it, whatever engine runs it. */
export interface RunningJob {
  /** The stored job's id, for logs. */
  readonly id: string;
  readonly data: unknown;
  /** Extends this run's lock, so a long run is not taken over as abandoned. */
  touch(): Promise<void>;
}

/** Exponential retries of a failed one-off job: delay × 2^(failures − 1), capped. */
export interface RetryPolicy {
  delayMs: number;
  maxDelayMs: number;
  /** Failures retried; the one after is final and the job stays stored with its error. */
  maxRetries: number;
}

export interface JobDefinitionOptions {
  /** Runs of this job at once in one process. */
  concurrency?: number;
  /** A run locked longer than this is presumed abandoned (crashed process) and run again. */
  lockLifetimeMs?: number;
  retry?: RetryPolicy;
}

export interface ScheduleOptions {
  /**
   * Data fields that identify the job: scheduling again with the same values replaces the
   * stored job (or, with keepExisting, leaves it as it is).
   */
  unique?: Record<string, string>;
  keepExisting?: boolean;
}

export type JobHandler = (job: RunningJob) => Promise<void>;

/**
 * What the job definitions and the worker need from a scheduler, so they run unchanged on
 * agenda (MongoDB) and on the table-backed SQLite scheduler. Every engine guarantees: a job
 * runs at (or, after downtime, late from) its time; one stored job never runs in two processes
 * at once (a lock with a lifetime, so a crashed process's job is run again); completed
 * one-off jobs are removed; repeating jobs survive restarts and keep their next run.
 */
export interface JobRunner {
  define(name: JobName, handler: JobHandler, options?: JobDefinitionOptions): void;
  /** One repeating job per name however many processes call this; a new one runs at once. */
  every(intervalMs: number, name: JobName): Promise<void>;
  /** `'now'` is the engine's own present (agenda: wall time; SQLite: its clock). */
  schedule(when: Date | 'now', name: JobName, data: unknown, options?: ScheduleOptions): Promise<void>;
  /** Removes the jobs of that name whose data has these field values; none is fine. */
  cancel(name: JobName, fields: Record<string, string>): Promise<void>;
  start(): Promise<void>;
  /** Stops taking jobs, then waits up to `drainTimeoutMs` for running ones: false if some still run. */
  stop(drainTimeoutMs: number): Promise<boolean>;
}
