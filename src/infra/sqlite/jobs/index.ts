import { DatabaseSync } from 'node:sqlite';
import type { Clock, Logger } from '../../../core/shared/ports.js';
import { SqliteFollowUpScheduler } from './sqlite-follow-up-scheduler.js';
import { SqliteJobRunner, type SqliteJobRunnerSetup } from './sqlite-job-runner.js';

export { jobTablesDdl } from './schema.js';
export { SqliteFollowUpScheduler } from './sqlite-follow-up-scheduler.js';
export { SqliteJobRunner } from './sqlite-job-runner.js';

export type SqliteSchedulingSetup = { clock: Clock; logger: Logger } & Omit<
  SqliteJobRunnerSetup,
  'clock' | 'logger'
>;

/**
 * The SQLite counterpart of `prepareScheduling` (app/open-scheduling.ts): the job runner and the
 * reminder scheduler on one opened, migrated database file (jobTablesDdl applied). The
 * scheduler goes to the container in every mode; the runner to `startScheduling` when jobs run.
 */
export function createSqliteScheduling(
  db: DatabaseSync,
  setup: SqliteSchedulingSetup,
): { runner: SqliteJobRunner; scheduler: SqliteFollowUpScheduler } {
  return { runner: new SqliteJobRunner(db, setup), scheduler: new SqliteFollowUpScheduler(db, setup.clock) };
}

/**
 * The jobs on a connection of their own to the store's file (already migrated by
 * openSqliteStore). Their own because the runner's BEGIN IMMEDIATE fails while another
 * transaction is open on the same connection, and a job awaits between its statements.
 * The pragmas are the store's: WAL, every commit on disk (a queued reminder survives a power
 * cut), and a wait instead of an error while the other connection (or a worker process) writes.
 */
export function openSqliteScheduling(
  path: string,
  setup: SqliteSchedulingSetup,
): { runner: SqliteJobRunner; scheduler: SqliteFollowUpScheduler; close(): Promise<void> } {
  if (path === ':memory:') {
    // A second ':memory:' connection is another, empty database: the jobs would never be seen.
    throw new Error('Scheduled jobs need the store on a file: a :memory: store has no second connection.');
  }
  // A held lock blocks the event loop for this long at most (see ../outage.ts); the runner
  // tries again on its next poll.
  const db = new DatabaseSync(path, { timeout: 250 });
  db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL');
  return {
    ...createSqliteScheduling(db, setup),
    async close() {
      if (db.isOpen) db.close();
    },
  };
}
