import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src/core/shared/ports.js';
import { JobName } from '../../../src/infra/jobs/job-names.js';
import { SqliteJobRunner } from '../../../src/infra/sqlite/jobs/sqlite-job-runner.js';
import { makeClock } from '../../support/fixtures.js';
import { createJobsFile, type JobsFile } from '../support/sqlite-jobs-file.js';

const T0 = new Date('2026-03-10T10:00:00.000Z');
const JOBS = 60;
const child = fileURLToPath(new URL('../support/sqlite-jobs-child.ts', import.meta.url));
const resolveTs = fileURLToPath(new URL('../support/resolve-ts.mjs', import.meta.url));
let file: JobsFile;

beforeEach(() => {
  file = createJobsFile();
});
afterEach(() => file.dispose());

/** A worker process on the file; resolves once it is ready to race. */
function startProcess(name: string): Promise<ChildProcess> {
  const proc = fork(child, [file.path, name, String(T0.getTime())], {
    execArgv: ['--no-warnings', '--import', resolveTs],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    proc.once('message', () => resolve(proc));
    proc.once('exit', (code) => reject(new Error(`${name} exited early with ${code}`)));
  });
}

function finished(proc: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    proc.once('message', (message) => {
      const runs = typeof message === 'object' && message !== null && 'runs' in message ? message.runs : NaN;
      resolve(Number(runs));
    });
    proc.once('exit', (code) => (code === 0 ? undefined : reject(new Error(`worker exited with ${code}`))));
  });
}

describe('two worker processes on one SQLite file', () => {
  it('run every due job exactly once between them', async () => {
    const db = file.open();
    db.exec('CREATE TABLE job_runs (worker TEXT NOT NULL, data TEXT NOT NULL)');
    const queue = new SqliteJobRunner(db, { clock: makeClock(T0), logger: silentLogger });
    for (let n = 0; n < JOBS; n++) await queue.schedule(T0, JobName.postWeeklyReport, { n });

    const workers = await Promise.all([startProcess('alpha'), startProcess('beta')]);
    const done = workers.map(finished);
    for (const worker of workers) worker.send('go');
    const runs = await Promise.all(done);

    const rows = db.prepare('SELECT worker, data FROM job_runs').all();
    const ran = rows.map((row) => JSON.parse(String(row.data)).n).sort((a, b) => a - b);
    expect(ran).toEqual(Array.from({ length: JOBS }, (_, n) => n));
    expect(runs[0]! + runs[1]!).toBe(JOBS);
    expect(db.prepare('SELECT COUNT(*) AS left FROM scheduled_jobs').get()).toEqual({ left: 0 });
  }, 60_000);
});
