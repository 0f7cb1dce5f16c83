import type { DatabaseSync } from 'node:sqlite';
import type { Clock, Logger } from '../../../core/shared/ports.js';
import { SqliteFollowUpScheduler } from './sqlite-follow-up-scheduler.js';
import { SqliteJobRunner, type SqliteJobRunnerSetup } from './sqlite-job-runner.js';

export { jobTablesDdl } from './schema.js';
export { SqliteFollowUpScheduler } from './sqlite-follow-up-scheduler.js';
export { SqliteJobRunner } from './sqlite-job-runner.js';

/**
 * The SQLite counterpart of `prepareScheduling` (app/worker.ts): the job runner and the
 * reminder scheduler on one opened, migrated database file (jobTablesDdl applied). The
 * scheduler goes to the container in every mode; the runner to `startScheduling` when jobs run.
 */
export function createSqliteScheduling(
  db: DatabaseSync,
  setup: { clock: Clock; logger: Logger } & Omit<SqliteJobRunnerSetup, 'clock' | 'logger'>,
): { runner: SqliteJobRunner; scheduler: SqliteFollowUpScheduler } {
  return { runner: new SqliteJobRunner(db, setup), scheduler: new SqliteFollowUpScheduler(db, setup.clock) };
}
