import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { prepareScheduling } from '../../src/app/open-scheduling.js';
import { silentLogger, systemClock } from '../../src/core/shared/ports.js';
import { JobName } from '../../src/infra/jobs/job-names.js';
import type { JobRunner, RunningJob } from '../../src/infra/jobs/job-runner.js';
import { SqliteJobRunner } from '../../src/infra/sqlite/jobs/sqlite-job-runner.js';
import { useTestDatabase } from '../support/test-database.js';
import { createJobsFile, type JobsFile } from './support/sqlite-jobs-file.js';
import { eventually } from './support/world.js';

const handle = useTestDatabase();
const files: JobsFile[] = [];
afterAll(() => {
  for (const file of files) file.dispose();
});

/**
 * What the job definitions rely on, checked on both engines as the worker runs them: on real
 * time (agenda has no clock to inject), polling every 50–100 ms. Each test uses a job name of
 * its own in a fresh store, so nothing left by another test runs here.
 */
const engines: { engine: string; make: () => JobRunner }[] = [
  {
    engine: 'agenda',
    make: () => prepareScheduling(handle.db, { logger: silentLogger, processEvery: 100 }).runner,
  },
  {
    engine: 'SQLite',
    make: () => {
      const file = createJobsFile();
      files.push(file);
      return new SqliteJobRunner(file.open(), { clock: systemClock, logger: silentLogger, pollEveryMs: 50 });
    },
  },
];

describe.each(engines)('the $engine job runner', ({ make }) => {
  let runner: JobRunner | undefined;
  afterEach(async () => {
    await runner?.stop(5_000);
    runner = undefined;
  });

  it('runs due jobs with their data: a unique job kept or replaced as asked, a cancelled one never', async () => {
    runner = make();
    const ran: unknown[] = [];
    // One at a time, oldest first: once the later sentinel ran, every earlier job has.
    runner.define(JobName.postWeeklyReport, async (job) => void ran.push(job.data), { concurrency: 1 });
    const past = new Date(Date.now() - 60_000);
    const kept = { workspaceId: 'W1', from: 'week-1' };
    const replaced = { workspaceId: 'W2', from: 'week-1' };
    const cancelled = { workspaceId: 'W3', from: 'week-1' };
    await runner.schedule(
      past,
      JobName.postWeeklyReport,
      { ...kept, v: 'first' },
      { unique: kept, keepExisting: true },
    );
    await runner.schedule(
      past,
      JobName.postWeeklyReport,
      { ...kept, v: 'second' },
      { unique: kept, keepExisting: true },
    );
    await runner.schedule(past, JobName.postWeeklyReport, { ...replaced, v: 'first' }, { unique: replaced });
    await runner.schedule(past, JobName.postWeeklyReport, { ...replaced, v: 'second' }, { unique: replaced });
    await runner.schedule(
      past,
      JobName.postWeeklyReport,
      { ...cancelled, v: 'first' },
      { unique: cancelled },
    );
    await runner.cancel(JobName.postWeeklyReport, cancelled);
    await runner.cancel(JobName.postWeeklyReport, { workspaceId: 'W9', from: 'week-1' }); // none: a no-op
    await runner.schedule(new Date(past.getTime() + 1), JobName.postWeeklyReport, { sentinel: true });

    await runner.start();
    await eventually(() => ran.some((data) => JSON.stringify(data).includes('sentinel')));
    expect(ran.slice(0, -1)).toHaveLength(2);
    expect(ran.slice(0, -1)).toEqual(
      expect.arrayContaining([
        { ...kept, v: 'first' },
        { ...replaced, v: 'second' },
      ]),
    );
  });

  it('retries a failed job after its backoff', async () => {
    runner = make();
    let attempts = 0;
    runner.define(
      JobName.postWeeklyReport,
      async () => {
        attempts++;
        if (attempts === 1) throw new Error('transient');
      },
      { retry: { delayMs: 10, maxDelayMs: 10, maxRetries: 2 } },
    );
    await runner.schedule('now', JobName.postWeeklyReport, { retried: true });
    await runner.start();
    await eventually(() => attempts === 2);
  });

  it('runs a new repeating job at once, and stop() waits for a running job', async () => {
    runner = make();
    const started: RunningJob[] = [];
    let finish: () => void = () => {};
    const finishing = new Promise<void>((resolve) => {
      finish = resolve;
    });
    runner.define(JobName.retryDeliveries, async (job) => {
      started.push(job);
      await finishing;
    });
    await runner.start();
    await runner.every(60_000, JobName.retryDeliveries);
    await eventually(() => started.length === 1);

    let stopped = false;
    const stopping = runner.stop(30_000).then((idle) => {
      stopped = true;
      return idle;
    });
    await started[0]!.touch();
    expect(stopped).toBe(false);
    finish();
    expect(await stopping).toBe(true);
    runner = undefined;
  });
});
