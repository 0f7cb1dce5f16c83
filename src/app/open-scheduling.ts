import { type Clock, type Logger, systemClock } from '../core/shared/ports.js';
import { type Agenda, createAgenda } from '../infra/jobs/agenda.js';
import { AgendaFollowUpScheduler } from '../infra/jobs/agenda-follow-up-scheduler.js';
import { AgendaJobRunner } from '../infra/jobs/agenda-job-runner.js';
import type { JobRunner } from '../infra/jobs/job-runner.js';
import type { Database } from '../infra/mongo/database.js';
import { isMongoStorage } from '../infra/mongo/open-mongo-store.js';
import { openSqliteScheduling } from '../infra/sqlite/jobs/index.js';
import { isSqliteStorage } from '../infra/sqlite/open-sqlite-store.js';
import type { Storage } from '../infra/storage.js';
import type { PreparedScheduling } from './worker.js';

/**
 * The agenda instance, the job runner on it and the FollowUpScheduler on agenda. Built before
 * the container, because the container's services queue reminders through the scheduler — in
 * every mode, WORKER=off too.
 */
export function prepareScheduling(
  database: Database,
  setup: { logger: Logger; processEvery?: number; name?: string; maxConcurrency?: number },
): { agenda: Agenda; runner: JobRunner; scheduler: AgendaFollowUpScheduler } {
  const agenda = createAgenda(database.connection, setup);
  return {
    agenda,
    runner: new AgendaJobRunner(agenda),
    scheduler: new AgendaFollowUpScheduler(database.connection, setup.logger),
  };
}

export interface OpenedScheduling extends PreparedScheduling {
  /** Closes what the jobs opened of their own; after the worker stopped, before the store closes. */
  close(): Promise<void>;
}

export interface SchedulingSetup {
  logger: Logger;
  /** The SQLite runner's time (agenda runs on wall time). Default the system clock. */
  clock?: Clock;
  /** How often due jobs are looked for (ms); default 5 s on both engines. */
  pollEveryMs?: number;
  /** Which process holds a job, in the stored lock. */
  name?: string;
}

/**
 * Scheduled work follows the store: agenda in the same MongoDB database, the table-backed
 * runner in the same SQLite file (on a connection of its own). Jobs and data in one place
 * means one backup, and a worker process needs nothing the bot does not.
 */
export function openScheduling(storage: Storage, setup: SchedulingSetup): OpenedScheduling {
  if (isMongoStorage(storage)) {
    const { runner, scheduler } = prepareScheduling(storage.database, {
      logger: setup.logger,
      ...(setup.pollEveryMs ? { processEvery: setup.pollEveryMs } : {}),
      ...(setup.name ? { name: setup.name } : {}),
    });
    return { runner, scheduler, close: async () => {} };
  }
  if (isSqliteStorage(storage)) {
    return openSqliteScheduling(storage.path, {
      logger: setup.logger,
      clock: setup.clock ?? systemClock,
      ...(setup.pollEveryMs ? { pollEveryMs: setup.pollEveryMs } : {}),
      ...(setup.name ? { name: setup.name } : {}),
    });
  }
  throw new Error(`No job scheduler for the ${storage.engine} store`);
}
