import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { jobTablesDdl } from '../../../src/infra/sqlite/jobs/schema.js';

/** A connection as the app opens one: WAL, so readers never block the writer; waits on a busy file. */
export function openJobsConnection(path: string): DatabaseSync {
  const db = new DatabaseSync(path);
  db.exec('PRAGMA journal_mode=WAL; PRAGMA busy_timeout=5000');
  return db;
}

export interface JobsFile {
  path: string;
  /** A new connection to the file, as a second process (or a restarted one) would open. */
  open(): DatabaseSync;
  /** Closes every connection still open and deletes the file. */
  dispose(): void;
}

/** A fresh SQLite file in a temp directory with the jobs tables created (jobTablesDdl). */
export function createJobsFile(): JobsFile {
  const dir = mkdtempSync(join(tmpdir(), 'il-jobs-'));
  const path = join(dir, 'jobs.db');
  const opened: DatabaseSync[] = [];
  const first = openJobsConnection(path);
  for (const statement of jobTablesDdl) first.exec(statement);
  first.close();
  return {
    path,
    open() {
      const db = openJobsConnection(path);
      opened.push(db);
      return db;
    },
    dispose() {
      for (const db of opened) {
        if (db.isOpen) db.close();
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface StoredRow {
  id: number;
  name: string;
  unique_key: string | null;
  data: string;
  next_run_at: number | null;
  repeat_interval_ms: number | null;
  lock_owner: string | null;
  fail_count: number;
  last_error: string | null;
}

/** The rows of a job name, read straight from the table. */
export function storedJobs(db: DatabaseSync, name: string): StoredRow[] {
  return db
    .prepare(
      'SELECT id, name, unique_key, data, next_run_at, repeat_interval_ms, lock_owner, fail_count, last_error FROM scheduled_jobs WHERE name = ? ORDER BY id',
    )
    .all(name)
    .map((row) => ({
      id: Number(row.id),
      name: String(row.name),
      unique_key: row.unique_key === null ? null : String(row.unique_key),
      data: String(row.data),
      next_run_at: row.next_run_at === null ? null : Number(row.next_run_at),
      repeat_interval_ms: row.repeat_interval_ms === null ? null : Number(row.repeat_interval_ms),
      lock_owner: row.lock_owner === null ? null : String(row.lock_owner),
      fail_count: Number(row.fail_count),
      last_error: row.last_error === null ? null : String(row.last_error),
    }));
}
