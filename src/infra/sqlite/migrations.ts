import { jobTablesDdl } from './jobs/schema.js';
import { CORE_SCHEMA } from './schema.js';

/**
 * The schema's history, oldest first. Step n (1-based) brings the file to `PRAGMA user_version`
 * n; `migrate` applies the missing steps in order at start-up, each in its own transaction.
 * Steps are append-only: never edit one that has shipped, add a new one after it.
 * Another module's tables join the same file by adding one line here (its DDL in its own file).
 */
export interface Migration {
  /** Says what the step does, for the start-up log and error messages. */
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  { name: 'core tables and indexes', sql: CORE_SCHEMA },
  // The scheduled jobs (reminders, reports, sweeps) live in the same file as the data.
  { name: 'scheduled jobs table', sql: jobTablesDdl.map((statement) => `${statement};`).join('\n') },
];
