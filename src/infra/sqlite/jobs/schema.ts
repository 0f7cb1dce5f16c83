/**
 * The scheduled jobs table, as migration statements (applied in order, once, by the SQLite
 * migrations). Times are epoch milliseconds.
 *
 * - `unique_key`: a job's identity for "create or move" (a reminder's interaction, a report's
 *   workspace and period, '' for a repeating sweep); NULL for anonymous jobs (NULLs never clash).
 * - `next_run_at`: NULL once a one-off job failed for good (kept with its error to inspect).
 * - `lock_owner` / `lock_expires_at`: the lease of the run holding it; an expired lease is a
 *   crashed (or stuck) process's, and the job is taken again. `lock_process` (host:pid:runner)
 *   lets a runner starting on the same host free at once the leases of a process that is gone.
 * - `repeat_interval_ms`: set for repeating jobs, which are rescheduled instead of removed.
 */
export const jobTablesDdl: string[] = [
  `CREATE TABLE scheduled_jobs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL,
    unique_key TEXT,
    data TEXT NOT NULL DEFAULT 'null',
    next_run_at INTEGER,
    repeat_interval_ms INTEGER,
    lock_owner TEXT,
    lock_expires_at INTEGER,
    lock_process TEXT,
    last_run_at INTEGER,
    last_finished_at INTEGER,
    fail_count INTEGER NOT NULL DEFAULT 0,
    last_error TEXT,
    created_at INTEGER NOT NULL
  ) STRICT`,
  // Create-or-move and cancel by identity.
  'CREATE UNIQUE INDEX scheduled_jobs_identity ON scheduled_jobs (name, unique_key)',
  // Due jobs of one name, oldest first: the poll's claim and the reminder dispatcher's read.
  'CREATE INDEX scheduled_jobs_due ON scheduled_jobs (name, next_run_at)',
];
