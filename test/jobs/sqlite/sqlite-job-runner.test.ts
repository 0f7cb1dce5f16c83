import { spawnSync } from 'node:child_process';
import { hostname } from 'node:os';
import type { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src/core/shared/ports.js';
import { JobName } from '../../../src/infra/jobs/job-names.js';
import type { JobDefinitionOptions, RunningJob } from '../../../src/infra/jobs/job-runner.js';
import { SqliteJobRunner } from '../../../src/infra/sqlite/jobs/sqlite-job-runner.js';
import { makeClock, type TestClock } from '../../support/fixtures.js';
import { createJobsFile, type JobsFile, storedJobs } from '../support/sqlite-jobs-file.js';

const T0 = new Date('2026-03-10T10:00:00.000Z');
const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const post = JobName.postWeeklyReport;

let file: JobsFile;
let clock: TestClock;

beforeEach(() => {
  file = createJobsFile();
  clock = makeClock(T0);
});
afterEach(() => file.dispose());

/** A runner on its own connection (a process of its own), recording what its handlers ran. */
function runner(db: DatabaseSync = file.open(), name = 'worker') {
  return new SqliteJobRunner(db, { clock, logger: silentLogger, name, pollEveryMs: 10 });
}

/** A handler that records each run's data and the clock at the run. */
function recorder() {
  const runs: { data: unknown; at: Date }[] = [];
  const handler = async (job: RunningJob) => {
    runs.push({ data: job.data, at: clock.now() });
  };
  return { runs, handler };
}

/** A handler whose runs stay in progress until released, as a slow send (or a dead process) would. */
function gated() {
  const started: RunningJob[] = [];
  const releases: Array<(error?: Error) => void> = [];
  const handler = (job: RunningJob) =>
    new Promise<void>((resolve, reject) => {
      started.push(job);
      releases.push((error) => (error ? reject(error) : resolve()));
    });
  return { started, handler, release: (index: number, error?: Error) => releases[index]!(error) };
}

describe('the SQLite job runner', () => {
  it('runs a scheduled job at its time and not before, then removes it', async () => {
    const r = runner();
    const { runs, handler } = recorder();
    r.define(post, handler);
    await r.schedule(new Date(T0.getTime() + HOUR), post, { workspaceId: 'W1' });

    expect(await r.runDueJobsOnce()).toBe(0);
    clock.advance(HOUR - 1);
    expect(await r.runDueJobsOnce()).toBe(0);
    clock.advance(1);
    expect(await r.runDueJobsOnce()).toBe(1);
    expect(runs).toEqual([{ data: { workspaceId: 'W1' }, at: new Date(T0.getTime() + HOUR) }]);

    clock.advance(MINUTE);
    expect(await r.runDueJobsOnce()).toBe(0);
    expect(storedJobs(file.open(), post)).toEqual([]);
  });

  it('runs a job whose time passed while no process ran as soon as one starts, and once', async () => {
    const before = file.open();
    await runner(before, 'before').schedule(new Date(T0.getTime() + HOUR), post, { n: 1 });
    before.close();

    clock.advance(3 * HOUR); // the app was down through the job's time
    const after = runner(file.open(), 'after');
    const { runs, handler } = recorder();
    after.define(post, handler);
    expect(await after.runDueJobsOnce()).toBe(1);
    expect(runs).toEqual([{ data: { n: 1 }, at: new Date(T0.getTime() + 3 * HOUR) }]);
    expect(await after.runDueJobsOnce()).toBe(0);
  });

  it('with two processes on one file, a due job runs in only one of them', async () => {
    const first = runner(file.open(), 'first');
    const second = runner(file.open(), 'second');
    const gate = gated();
    const { runs, handler } = recorder();
    first.define(post, gate.handler);
    second.define(post, handler);
    await first.schedule('now', post, { n: 1 });

    const firstRun = first.runDueJobsOnce();
    expect(gate.started).toHaveLength(1);
    // While the first runs it (its lease held), the second finds nothing to take.
    expect(await second.runDueJobsOnce()).toBe(0);
    gate.release(0);
    expect(await firstRun).toBe(1);
    expect(await second.runDueJobsOnce()).toBe(0);
    expect(runs).toEqual([]);
    expect(storedJobs(file.open(), post)).toEqual([]);
  });

  it('takes over a job whose lease expired (its process crashed), and the dead run cannot remove it', async () => {
    const lease: JobDefinitionOptions = { lockLifetimeMs: 5 * MINUTE };
    const crashed = runner(file.open(), 'crashed');
    const survivor = runner(file.open(), 'survivor');
    const dead = gated();
    const alive = gated();
    crashed.define(post, dead.handler, lease);
    survivor.define(post, alive.handler, lease);
    await crashed.schedule('now', post, { n: 1 });

    const deadRun = crashed.runDueJobsOnce();
    clock.advance(5 * MINUTE); // the lease ends at exactly this instant: still held
    expect(await survivor.runDueJobsOnce()).toBe(0);
    clock.advance(1);
    const aliveRun = survivor.runDueJobsOnce();
    expect(alive.started).toHaveLength(1);
    expect(storedJobs(file.open(), post)[0]?.lock_owner).toMatch(/^survivor:/);

    // The crashed process's run ends late: the job is the survivor's now, and stays.
    dead.release(0);
    await deadRun;
    expect(storedJobs(file.open(), post)).toHaveLength(1);
    alive.release(0);
    await aliveRun;
    expect(storedJobs(file.open(), post)).toEqual([]);
  });

  it('keeps a long run its own by touching the lease', async () => {
    const lease: JobDefinitionOptions = { lockLifetimeMs: 5 * MINUTE };
    const busy = runner(file.open(), 'busy');
    const other = runner(file.open(), 'other');
    const gate = gated();
    busy.define(post, gate.handler, lease);
    other.define(post, recorder().handler, lease);
    await busy.schedule('now', post, {});

    const run = busy.runDueJobsOnce();
    clock.advance(4 * MINUTE);
    await gate.started[0]!.touch();
    clock.advance(4 * MINUTE); // 8 minutes in: past the first lease, within the touched one
    expect(await other.runDueJobsOnce()).toBe(0);
    gate.release(0);
    await run;
  });

  it('frees at start the jobs held by a process of this host that is gone, and no others', async () => {
    const db = file.open();
    const setup = runner(db, 'setup');
    const holders = {
      crashed: `${hostname()}:${spawnSync(process.execPath, ['-e', '']).pid}:runner-1`,
      restarted: `${hostname()}:${process.pid}:runner-of-a-previous-start`, // a container keeps its pid
      alive: `${hostname()}:${process.ppid}:runner-2`,
      elsewhere: 'another-host:1:runner-3',
    };
    for (const holder of Object.keys(holders)) await setup.schedule('now', post, { holder });
    for (const [holder, process] of Object.entries(holders)) {
      db.prepare(
        `UPDATE scheduled_jobs SET lock_owner = 'old', lock_process = ?, lock_expires_at = ? WHERE data = ?`,
      ).run(process, T0.getTime() + HOUR, JSON.stringify({ holder }));
    }

    const restarted = runner(file.open(), 'restarted');
    const { runs, handler } = recorder();
    restarted.define(post, handler);
    await restarted.start();
    await restarted.stop(5_000);
    const freed = runs.map((run) => JSON.stringify(run.data)).sort();
    expect(freed).toEqual(['{"holder":"crashed"}', '{"holder":"restarted"}']);
  });

  it('keeps its jobs across a restart: one-off and repeating, with the repeat keeping its next run', async () => {
    const before = file.open();
    const old = runner(before, 'before');
    old.define(JobName.retryDeliveries, recorder().handler);
    await old.every(MINUTE, JobName.retryDeliveries);
    expect(await old.runDueJobsOnce()).toBe(1); // a new repeating job runs at once
    await old.schedule(new Date(T0.getTime() + HOUR), post, { n: 1 });
    before.close();

    clock.advance(30 * SECOND);
    const restarted = runner(file.open(), 'after');
    const retries = recorder();
    const posts = recorder();
    restarted.define(JobName.retryDeliveries, retries.handler);
    restarted.define(post, posts.handler);
    await restarted.every(MINUTE, JobName.retryDeliveries); // startup calls every() again
    expect(await restarted.runDueJobsOnce()).toBe(0); // its next run is still T0 + 1 min
    clock.advance(30 * SECOND);
    expect(await restarted.runDueJobsOnce()).toBe(1);
    expect(retries.runs).toHaveLength(1);
    clock.set(new Date(T0.getTime() + HOUR));
    await restarted.runDueJobsOnce();
    expect(posts.runs.map((run) => run.data)).toEqual([{ n: 1 }]);
    expect(storedJobs(file.open(), JobName.retryDeliveries)).toHaveLength(1);
  });

  it('runs the claim sweep, the delivery retries and the weekly report planning on their intervals', async () => {
    const r = runner();
    const counts = new Map<string, number>();
    const sweeps = [JobName.planWeeklyReports, JobName.retryDeliveries, JobName.sweepExpiredClaims] as const;
    for (const name of sweeps) r.define(name, async () => void counts.set(name, (counts.get(name) ?? 0) + 1));
    await r.every(MINUTE, JobName.planWeeklyReports);
    await r.every(MINUTE, JobName.retryDeliveries);
    await r.every(DAY, JobName.sweepExpiredClaims);
    // A second process starting the same sweeps adds no second job of any of them.
    const other = runner(file.open(), 'other');
    for (const name of sweeps) await other.every(name === JobName.sweepExpiredClaims ? DAY : MINUTE, name);

    const tick = async (ms: number) => {
      clock.advance(ms);
      await r.runDueJobsOnce();
      return Object.fromEntries(sweeps.map((name) => [name, counts.get(name) ?? 0]));
    };
    expect(await tick(0)).toEqual({ [sweeps[0]]: 1, [sweeps[1]]: 1, [sweeps[2]]: 1 });
    expect(await tick(59 * SECOND)).toEqual({ [sweeps[0]]: 1, [sweeps[1]]: 1, [sweeps[2]]: 1 });
    expect(await tick(SECOND)).toEqual({ [sweeps[0]]: 2, [sweeps[1]]: 2, [sweeps[2]]: 1 });
    // Down for an hour: each sweep runs once when back, not once per missed minute.
    expect(await tick(HOUR)).toEqual({ [sweeps[0]]: 3, [sweeps[1]]: 3, [sweeps[2]]: 1 });
    expect(await tick(DAY)).toEqual({ [sweeps[0]]: 4, [sweeps[1]]: 4, [sweeps[2]]: 2 });
    for (const name of sweeps) expect(storedJobs(file.open(), name)).toHaveLength(1);
  });

  it('retries a failed job with exponential backoff, then keeps it with its error and stops', async () => {
    const r = runner();
    let attempts = 0;
    r.define(
      post,
      async () => {
        attempts++;
        throw new Error(`channel_not_found #${attempts}`);
      },
      { retry: { delayMs: 5 * SECOND, maxDelayMs: 8 * SECOND, maxRetries: 2 } },
    );
    await r.schedule('now', post, {});

    await r.runDueJobsOnce();
    expect(storedJobs(file.open(), post)[0]).toMatchObject({
      fail_count: 1,
      next_run_at: T0.getTime() + 5 * SECOND,
      lock_owner: null,
    });
    clock.advance(5 * SECOND - 1);
    expect(await r.runDueJobsOnce()).toBe(0);
    clock.advance(1);
    await r.runDueJobsOnce(); // second failure: 10 s, capped at 8 s
    expect(storedJobs(file.open(), post)[0]?.next_run_at).toBe(T0.getTime() + 13 * SECOND);
    clock.advance(8 * SECOND);
    await r.runDueJobsOnce(); // third failure: past maxRetries
    expect(storedJobs(file.open(), post)).toEqual([
      expect.objectContaining({
        fail_count: 3,
        next_run_at: null,
        last_error: 'Error: channel_not_found #3',
      }),
    ]);
    clock.advance(DAY);
    expect(await r.runDueJobsOnce()).toBe(0);
    expect(attempts).toBe(3);
  });

  it('runs a failed repeating job again at its next interval', async () => {
    const r = runner();
    let attempts = 0;
    r.define(JobName.retryDeliveries, async () => {
      attempts++;
      throw new Error('database unavailable');
    });
    await r.every(MINUTE, JobName.retryDeliveries);
    await r.runDueJobsOnce();
    clock.advance(MINUTE - 1);
    expect(await r.runDueJobsOnce()).toBe(0);
    clock.advance(1);
    expect(await r.runDueJobsOnce()).toBe(1);
    expect(attempts).toBe(2);
  });

  it('moves a job scheduled again with the same unique fields, keeps it with keepExisting, and cancels it', async () => {
    const r = runner();
    const { runs, handler } = recorder();
    r.define(post, handler);
    const unique = { workspaceId: 'W1', from: '2026-03-02' };
    await r.schedule(new Date(T0.getTime() + HOUR), post, { v: 1 }, { unique });
    await r.schedule(new Date(T0.getTime() + 2 * HOUR), post, { v: 2 }, { unique });
    await r.schedule(new Date(T0.getTime() + 3 * HOUR), post, { v: 3 }, { unique, keepExisting: true });
    const stored = storedJobs(file.open(), post);
    expect(stored.map((job) => [job.next_run_at, job.data])).toEqual([[T0.getTime() + 2 * HOUR, '{"v":2}']]);

    clock.advance(HOUR);
    expect(await r.runDueJobsOnce()).toBe(0); // moved away from its first time
    await r.cancel(post, { from: '2026-03-02', workspaceId: 'W1' }); // field order does not matter
    await r.cancel(post, { workspaceId: 'W2', from: '2026-03-02' }); // none: a no-op
    clock.advance(DAY);
    expect(await r.runDueJobsOnce()).toBe(0);
    expect(runs).toEqual([]);
  });

  it('runs at most `concurrency` jobs of a name at once in one process', async () => {
    const r = runner();
    const gate = gated();
    r.define(post, gate.handler, { concurrency: 1 });
    await r.schedule('now', post, { n: 1 });
    await r.schedule('now', post, { n: 2 });

    const run = r.runDueJobsOnce();
    expect(gate.started.map((job) => job.data)).toEqual([{ n: 1 }]);
    gate.release(0);
    expect(await run).toBe(1);
    const next = r.runDueJobsOnce();
    expect(gate.started.map((job) => job.data)).toEqual([{ n: 1 }, { n: 2 }]);
    gate.release(1);
    await next;
  });

  it('polls once started, and stop() waits for the running job before it resolves', async () => {
    const r = runner();
    const gate = gated();
    r.define(post, gate.handler);
    await r.schedule('now', post, {});
    await r.start(); // the first poll is immediate
    expect(gate.started).toHaveLength(1);

    let stopped = false;
    const stopping = r.stop(30_000).then((idle) => {
      stopped = true;
      return idle;
    });
    await Promise.resolve();
    expect(stopped).toBe(false);
    gate.release(0);
    expect(await stopping).toBe(true);
    expect(storedJobs(file.open(), post)).toEqual([]);
  });
});
