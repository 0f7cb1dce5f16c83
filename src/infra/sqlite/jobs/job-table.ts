import type { DatabaseSync, SQLInputValue, SQLOutputValue, StatementSync } from 'node:sqlite';

/** One row of scheduled_jobs, as the runner uses it. */
export interface StoredJob {
  id: number;
  name: string;
  data: unknown;
  nextRunAt: number | null;
  repeatIntervalMs: number | null;
  failCount: number;
}

type Row = Record<string, SQLOutputValue>;

/** A one-off job to queue: `key` is its identity (uniqueKeyOf) or null, `data` its JSON. */
export interface NewJob {
  name: string;
  key: string | null;
  data: string;
  runAt: number;
  now: number;
}

const int = (value: SQLOutputValue | undefined): number | null =>
  typeof value === 'number' ? value : typeof value === 'bigint' ? Number(value) : null;

/** Stored data is JSON written by this module; anything unreadable reaches the handler as null. */
export function parseData(value: SQLOutputValue | undefined): unknown {
  if (typeof value !== 'string') return null;
  try {
    return JSON.parse(value);
  } catch {
    return null;
  }
}

function storedJob(row: Row): StoredJob {
  return {
    id: int(row.id) ?? 0,
    name: String(row.name),
    data: parseData(row.data),
    nextRunAt: int(row.next_run_at),
    repeatIntervalMs: int(row.repeat_interval_ms),
    failCount: int(row.fail_count) ?? 0,
  };
}

/** A job's identity from the data fields that make it unique: the same fields give the same key. */
export function uniqueKeyOf(fields: Record<string, string>): string {
  return JSON.stringify(Object.entries(fields).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** The key every repeating job of a name shares: one stored job per name. */
export const REPEATING_KEY = '';

/**
 * The scheduled_jobs statements. Each write that reads first runs inside BEGIN IMMEDIATE, which
 * takes the file's write lock before the read: two processes (or two connections) can never
 * both see a job free and both take it. Nothing awaits inside a transaction.
 */
export class JobTable {
  private readonly statements = new Map<string, StatementSync>();
  readonly db: DatabaseSync;

  // No parameter properties here or in the runner: a test runs both in child processes with
  // Node's own type stripping, which only erases syntax.
  constructor(db: DatabaseSync) {
    this.db = db;
  }

  /** Prepared once per connection, on first use (the table exists by then: migrations ran). */
  private sql(text: string): StatementSync {
    let statement = this.statements.get(text);
    if (!statement) {
      statement = this.db.prepare(text);
      this.statements.set(text, statement);
    }
    return statement;
  }

  run(text: string, ...params: SQLInputValue[]): number {
    return Number(this.sql(text).run(...params).changes);
  }

  all(text: string, ...params: SQLInputValue[]): Row[] {
    return this.sql(text).all(...params);
  }

  immediate<T>(work: () => T): T {
    this.db.exec('BEGIN IMMEDIATE');
    try {
      const result = work();
      this.db.exec('COMMIT');
      return result;
    } catch (error) {
      this.db.exec('ROLLBACK');
      throw error;
    }
  }

  /**
   * Takes the oldest due job of `name` whose lease is free or expired: the lease is `owner`'s
   * until `lockExpiresAt`. Undefined when there is none (or another process took it first).
   */
  claimNext(
    name: string,
    now: number,
    lease: { owner: string; process: string; expiresAt: number },
  ): StoredJob | undefined {
    return this.immediate(() => {
      const [row] = this.all(
        `SELECT * FROM scheduled_jobs
         WHERE name = ? AND next_run_at <= ? AND (lock_expires_at IS NULL OR lock_expires_at < ?)
         ORDER BY next_run_at LIMIT 1`,
        name,
        now,
        now,
      );
      if (!row) return undefined;
      const job = storedJob(row);
      const taken = this.run(
        `UPDATE scheduled_jobs SET lock_owner = ?, lock_process = ?, lock_expires_at = ?, last_run_at = ?
         WHERE id = ? AND (lock_expires_at IS NULL OR lock_expires_at < ?)`,
        lease.owner,
        lease.process,
        lease.expiresAt,
        now,
        job.id,
        now,
      );
      return taken === 1 ? job : undefined;
    });
  }

  /** Extends a lease still held by `owner`; false if it was lost (expired and taken over). */
  extendLease(id: number, owner: string, lockExpiresAt: number): boolean {
    return (
      this.run(
        'UPDATE scheduled_jobs SET lock_expires_at = ? WHERE id = ? AND lock_owner = ?',
        lockExpiresAt,
        id,
        owner,
      ) === 1
    );
  }

  /** Removes a finished one-off job, unless another process took it over meanwhile. */
  removeOwned(id: number, owner: string): void {
    this.run('DELETE FROM scheduled_jobs WHERE id = ? AND lock_owner = ?', id, owner);
  }

  /** Releases a job after a run with its next run (NULL: never again) and the outcome. */
  release(
    id: number,
    owner: string,
    outcome: { nextRunAt: number | null; finishedAt: number; failCount: number; error: string | null },
  ): void {
    this.run(
      `UPDATE scheduled_jobs
       SET next_run_at = ?, last_finished_at = ?, fail_count = ?, last_error = ?,
           lock_owner = NULL, lock_process = NULL, lock_expires_at = NULL
       WHERE id = ? AND lock_owner = ?`,
      outcome.nextRunAt,
      outcome.finishedAt,
      outcome.failCount,
      outcome.error,
      id,
      owner,
    );
  }

  /** The repeating job of `name`: created due now, or only its interval updated (its next run stays). */
  ensureRepeating(name: string, intervalMs: number, now: number): void {
    this.run(
      `INSERT INTO scheduled_jobs (name, unique_key, data, next_run_at, repeat_interval_ms, created_at)
       VALUES (?, ?, 'null', ?, ?, ?)
       ON CONFLICT (name, unique_key) DO UPDATE SET repeat_interval_ms = excluded.repeat_interval_ms`,
      name,
      REPEATING_KEY,
      now,
      intervalMs,
      now,
    );
  }

  /**
   * Queues one-off jobs, in one transaction. With a key and an existing job of it: `keep` leaves
   * it; otherwise it is replaced by a new row (a new id) unless it already has this time and
   * data — so a run of the old one still going never removes or releases the new one.
   */
  put(jobs: readonly NewJob[], ifExists: 'keep' | 'replace'): void {
    this.immediate(() => {
      for (const job of jobs) this.putOne(job, ifExists);
    });
  }

  private putOne(job: NewJob, ifExists: 'keep' | 'replace'): void {
    if (job.key !== null) {
      const [existing] = this.all(
        'SELECT id, data, next_run_at FROM scheduled_jobs WHERE name = ? AND unique_key = ?',
        job.name,
        job.key,
      );
      if (existing) {
        const same = existing.data === job.data && int(existing.next_run_at) === job.runAt;
        if (ifExists === 'keep' || same) return;
        this.run('DELETE FROM scheduled_jobs WHERE id = ?', int(existing.id) ?? 0);
      }
    }
    this.run(
      'INSERT INTO scheduled_jobs (name, unique_key, data, next_run_at, created_at) VALUES (?, ?, ?, ?, ?)',
      job.name,
      job.key,
      job.data,
      job.runAt,
      job.now,
    );
  }

  /** The processes holding leases now (a scan: run once, at a runner's start). */
  leaseProcesses(): string[] {
    return this.all('SELECT DISTINCT lock_process FROM scheduled_jobs WHERE lock_process IS NOT NULL').map(
      (row) => String(row.lock_process),
    );
  }

  /** Frees the leases of a process known to be gone: its jobs are due again at once. */
  freeLeasesOf(holder: string): number {
    return this.run(
      'UPDATE scheduled_jobs SET lock_owner = NULL, lock_process = NULL, lock_expires_at = NULL WHERE lock_process = ?',
      holder,
    );
  }

  removeByKey(name: string, key: string): void {
    this.run('DELETE FROM scheduled_jobs WHERE name = ? AND unique_key = ?', name, key);
  }
}
