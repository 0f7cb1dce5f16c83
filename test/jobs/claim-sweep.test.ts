import { describe, expect, it } from 'vitest';
import { createContainer, storageOf } from '../../src/app/container.js';
import { prepareScheduling } from '../../src/app/open-scheduling.js';
import { startScheduling } from '../../src/app/worker.js';
import { createClaimSweep, DEFAULT_CLAIM_RETENTION_MS } from '../../src/core/shared/claim-sweep.js';
import { silentLogger } from '../../src/core/shared/ports.js';
import type { Workspace } from '../../src/core/workspaces/workspace.js';
import { JobName } from '../../src/infra/jobs/job-names.js';
import { COLLECTIONS } from '../../src/infra/mongo/indexes.js';
import { openSqliteScheduling } from '../../src/infra/sqlite/jobs/index.js';
import { isSqliteStorage } from '../../src/infra/sqlite/open-sqlite-store.js';
import { makeClock, makeWorkspace, T0, type TestClock } from '../support/fixtures.js';
import { useTestDatabase } from '../support/test-database.js';
import { storedJobs } from './support/sqlite-jobs-file.js';
import { eventually, useJobStore } from './support/world.js';

const DAY = 24 * 60 * 60_000;
const t = useTestDatabase();

/**
 * Every test starts its own clock at T0, makes its old claims at T0 and sweeps a week and more
 * later: claims another test left behind were made after T0 + 1 day, so they are never past a
 * test's cutoff and the counts below are exact.
 */
function world(clock: TestClock = makeClock(T0)) {
  const container = createContainer(t.db, { logger: silentLogger, clock });
  const { claims, workspaces } = storageOf(container).repositories;
  const sweep = createClaimSweep({ claims, workspaces, clock, logger: silentLogger });
  const workspace = async (): Promise<Workspace> => workspaces.insertOrGet(makeWorkspace());
  return { container, clock, claims, workspaces, sweep, workspace };
}

/** Raw documents of the test database: what the sweep left, in MongoDB's own terms. */
const collection = (name: string) => {
  const { connection } = t.db;
  return connection.getClient().db(connection.name).collection(name);
};

/** The keys of a workspace's stored claims, read straight from the collection. */
async function storedKeys(workspaceId: string): Promise<string[]> {
  const docs = await collection(COLLECTIONS.claims).find({ workspaceId }).toArray();
  return docs.map((doc) => String(doc.key)).sort();
}

describe('expired claim sweep', () => {
  it('deletes claims older than the retention and keeps the recent ones', async () => {
    const { clock, claims, sweep, workspace } = world();
    const acme = await workspace();
    await claims.claim('slack-event', 'old-event', acme.id, clock.now());
    await claims.claim('export-button', 'old-click', acme.id, clock.now());
    clock.advance(DEFAULT_CLAIM_RETENTION_MS - 60_000);
    await claims.claim('slack-event', 'recent-event', acme.id, clock.now());
    clock.advance(2 * 60_000);

    const result = await sweep.sweep();

    expect(result).toEqual({ deleted: 2, failed: 0 });
    expect(await storedKeys(acme.id)).toEqual(['recent-event']);
  });

  it('sweeps every workspace on its own: an old claim goes in one while a recent one stays in another', async () => {
    const { clock, claims, sweep, workspace } = world();
    const acme = await workspace();
    const globex = await workspace();
    await claims.claim('export-dm', 'acme-old', acme.id, clock.now());
    await claims.claim('export-dm', 'globex-old', globex.id, clock.now());
    clock.advance(5 * DAY);
    await claims.claim('export-dm', 'globex-recent', globex.id, clock.now());
    clock.advance(3 * DAY);

    const result = await sweep.sweep();

    expect(result).toEqual({ deleted: 2, failed: 0 });
    expect(await storedKeys(acme.id)).toEqual([]);
    expect(await storedKeys(globex.id)).toEqual(['globex-recent']);
  });

  it('also expires event claims filed under the platform id, made when an event came without a tenant', async () => {
    const { clock, claims, sweep, workspace } = world();
    const acme = await workspace();
    const teamKey = `${acme.platform}:${acme.externalId}`;
    await claims.claim('slack-event', 'app-uninstalled', teamKey, clock.now());
    clock.advance(8 * DAY);

    expect(await sweep.sweep()).toEqual({ deleted: 1, failed: 0 });
    expect(await storedKeys(teamKey)).toEqual([]);
  });

  it('returns zero and deletes nothing when no claim is old enough', async () => {
    const { clock, claims, sweep, workspace } = world();
    const acme = await workspace();
    clock.advance(8 * DAY);
    await claims.claim('slack.edit-confirmation', 'V-1', acme.id, clock.now());

    expect(await sweep.sweep()).toEqual({ deleted: 0, failed: 0 });
    expect(await storedKeys(acme.id)).toEqual(['V-1']);
  });

  it('lets a swept key be claimed again', async () => {
    const { clock, claims, sweep, workspace } = world();
    const acme = await workspace();
    expect(await claims.claim('view-submit', 'V-42', acme.id, clock.now())).toBe(true);
    expect(await claims.claim('view-submit', 'V-42', acme.id, clock.now())).toBe(false);
    clock.advance(8 * DAY);

    await sweep.sweep();

    expect(await claims.claim('view-submit', 'V-42', acme.id, clock.now())).toBe(true);
    expect(await claims.claim('view-submit', 'V-42', acme.id, clock.now())).toBe(false);
  });

  it('honours a shorter retention, and refuses one that is not positive', async () => {
    const { clock, claims, workspaces, workspace } = world();
    const acme = await workspace();
    await claims.claim('export-button', 'click', acme.id, clock.now());
    clock.advance(2 * 60 * 60_000);
    const deps = { claims, workspaces, clock, logger: silentLogger };

    expect(await createClaimSweep({ ...deps, retentionMs: 60 * 60_000 }).sweep()).toEqual({
      deleted: 1,
      failed: 0,
    });
    expect(await storedKeys(acme.id)).toEqual([]);
    expect(() => createClaimSweep({ ...deps, retentionMs: 0 })).toThrow('positive');
  });

  it('is scheduled by the job worker as a daily repeating job, which runs the sweep', async () => {
    const clock = makeClock(T0);
    const { runner, scheduler } = prepareScheduling(t.db, { logger: silentLogger, processEvery: 100 });
    const container = createContainer(t.db, { logger: silentLogger, clock, scheduler });
    const { claims } = storageOf(container).repositories;
    const acme = await storageOf(container).repositories.workspaces.insertOrGet(makeWorkspace());
    await claims.claim('slack-event', 'old-event', acme.id, clock.now());
    clock.advance(8 * DAY);
    await claims.claim('slack-event', 'recent-event', acme.id, clock.now());

    const unused = async (): Promise<never> => {
      throw new Error('nothing is delivered in this test');
    };
    const scheduling = await startScheduling(container, {
      mode: 'in-process',
      runner,
      scheduler,
      notifier: { sendReminder: unused },
      publisher: { publish: unused },
      drainTimeoutMs: 5_000,
    });
    try {
      const jobs = await collection(COLLECTIONS.agendaJobs)
        .find({ name: JobName.sweepExpiredClaims })
        .toArray();
      expect(jobs).toHaveLength(1);
      expect(jobs[0]?.type).toBe('single');
      expect(Number(jobs[0]?.repeatInterval)).toBe(DAY);
      // A new repeating job runs at once, then every day.
      await eventually(async () => (await storedKeys(acme.id)).length === 1);
      expect(await storedKeys(acme.id)).toEqual(['recent-event']);
    } finally {
      await scheduling.stop();
    }
  });

  describe('on SQLite: the jobs table and the claims in one file', () => {
    const store = useJobStore('sqlite');
    /** The workspace's claim keys, read straight from the table. */
    const sqliteKeys = (workspaceId: string): string[] => {
      const { storage } = store;
      if (!isSqliteStorage(storage)) throw new Error('a SQLite store');
      return storage.database.db
        .prepare('SELECT key FROM claims WHERE workspace_id = ?')
        .all(workspaceId)
        .map((row) => String(row.key))
        .sort();
    };

    it('one daily job, run at once by the worker and again a day later', async () => {
      const clock = makeClock(T0);
      const { storage } = store;
      if (!isSqliteStorage(storage)) throw new Error('a SQLite store');
      // The runner's poll is left idle (an hour apart): the test ticks it on the injected clock.
      const jobs = openSqliteScheduling(storage.path, {
        clock,
        logger: silentLogger,
        pollEveryMs: 60 * 60_000,
      });
      const { runner, scheduler } = jobs;
      const container = createContainer(storage, { logger: silentLogger, clock, scheduler });
      const { claims } = storageOf(container).repositories;
      const acme = await storageOf(container).repositories.workspaces.insertOrGet(makeWorkspace());
      await claims.claim('slack-event', 'old-event', acme.id, clock.now());
      clock.advance(8 * DAY);
      await claims.claim('slack-event', 'recent-event', acme.id, clock.now());

      const unused = async (): Promise<never> => {
        throw new Error('nothing is delivered in this test');
      };
      const scheduling = await startScheduling(container, {
        mode: 'in-process',
        runner,
        scheduler,
        notifier: { sendReminder: unused },
        publisher: { publish: unused },
        drainTimeoutMs: 5_000,
      });
      const reader = storage.database.db;
      try {
        const stored = storedJobs(reader, JobName.sweepExpiredClaims);
        expect(stored.map((job) => job.repeat_interval_ms)).toEqual([DAY]);
        await runner.runDueJobsOnce();
        expect(sqliteKeys(acme.id)).toEqual(['recent-event']);

        const sweptAt = clock.now().getTime();
        expect(storedJobs(reader, JobName.sweepExpiredClaims)[0]?.next_run_at).toBe(sweptAt + DAY);

        // A week later the recent claim is past its retention too: the repeat sweeps it.
        clock.advance(7 * DAY + 60_000);
        await runner.runDueJobsOnce();
        expect(sqliteKeys(acme.id)).toEqual([]);
        expect(storedJobs(reader, JobName.sweepExpiredClaims)[0]?.next_run_at).toBe(
          clock.now().getTime() + DAY,
        );
      } finally {
        await scheduling.stop();
        await jobs.close();
      }
    });
  });
});
