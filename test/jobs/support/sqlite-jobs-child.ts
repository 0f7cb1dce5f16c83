// One worker process on a jobs file (argv: file, worker name, clock in epoch ms): runs every
// due post-weekly-report job it can take, recording each run in job_runs, until none is left.
// Started by sqlite-two-processes.test.ts; it waits for 'go' so both processes race.
import { DatabaseSync } from 'node:sqlite';
import { SqliteJobRunner } from '../../../src/infra/sqlite/jobs/sqlite-job-runner.js';

const [path, name, at] = process.argv.slice(2);
const db = new DatabaseSync(path ?? '');
db.exec('PRAGMA journal_mode=WAL; PRAGMA busy_timeout=5000');
const now = new Date(Number(at));
const logger = { debug() {}, info() {}, warn() {}, error() {} };
const runner = new SqliteJobRunner(db, { clock: { now: () => now }, logger, name });
const record = db.prepare('INSERT INTO job_runs (worker, data) VALUES (?, ?)');
runner.define('post-weekly-report', async (job) => {
  record.run(name ?? '', JSON.stringify(job.data));
  await new Promise((resolve) => setImmediate(resolve)); // let the other process interleave
});

process.once('message', async () => {
  let runs = 0;
  for (;;) {
    const started = await runner.runDueJobsOnce();
    if (started === 0) break;
    runs += started;
  }
  db.close();
  process.send?.({ runs }, () => process.exit(0));
});
process.send?.('ready');
