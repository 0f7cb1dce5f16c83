import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Container, createContainer, storageOf } from '../../src/app/container.js';
import { prepareScheduling } from '../../src/app/open-scheduling.js';
import { snoozeUntil } from '../../src/core/followups/follow-up.schemas.js';
import type { FollowUpScheduler } from '../../src/core/followups/follow-up-scheduler.port.js';
import { silentLogger } from '../../src/core/shared/ports.js';
import { JobName } from '../../src/infra/jobs/job-names.js';
import { COLLECTIONS } from '../../src/infra/mongo/indexes.js';
import { isMongoStorage } from '../../src/infra/mongo/open-mongo-store.js';
import { openSqliteScheduling } from '../../src/infra/sqlite/jobs/index.js';
import { reminderKey } from '../../src/infra/sqlite/jobs/sqlite-follow-up-scheduler.js';
import { isSqliteStorage } from '../../src/infra/sqlite/open-sqlite-store.js';
import type { Storage } from '../../src/infra/storage.js';
import { makeClock, seedContact } from '../support/fixtures.js';
import { storedJobs } from './support/sqlite-jobs-file.js';
import { BOB, type JobEngine, type SlackTenant, seedSlackTenant, useJobStore } from './support/world.js';

const T0 = new Date('2026-03-10T10:00:00.000Z');
const hours = (n: number) => new Date(T0.getTime() + n * 3_600_000);
const clock = makeClock(T0);

interface QueuedJob {
  nextRunAt: Date;
  data: { workspaceId: string; interactionId: string; fireAt: string };
}

/** Where reminders are queued, and how a test reads the queue back as it is stored. */
interface Engine {
  /** A scheduler on the engine's store (a new one each call: as another process would have). */
  scheduler(): FollowUpScheduler;
  queued(workspaceId: string, interactionId: string): Promise<QueuedJob[]>;
  close(): Promise<void>;
}

/** agenda's reminder jobs, read as documents in the store's MongoDB database. */
function agendaEngine(storage: Storage): Engine {
  if (!isMongoStorage(storage)) throw new Error('agenda runs on the MongoDB store');
  const { database } = storage;
  const prepared = prepareScheduling(database, { logger: silentLogger });
  return {
    scheduler: () => prepareScheduling(database, { logger: silentLogger }).scheduler,
    async queued(workspaceId, interactionId) {
      const jobs = database.connection
        .getClient()
        .db(database.connection.name)
        .collection(COLLECTIONS.reminderJobs);
      const docs = await jobs
        .find({
          name: JobName.sendFollowUpReminder,
          'data.workspaceId': workspaceId,
          'data.interactionId': interactionId,
        })
        .toArray();
      return docs.map((doc) => ({ nextRunAt: doc.nextRunAt, data: doc.data }));
    },
    close: () => prepared.agenda.stop(false),
  };
}

/** The jobs table in the store's SQLite file, each scheduler on a connection of its own as the app opens it. */
function sqliteEngine(storage: Storage): Engine {
  if (!isSqliteStorage(storage)) throw new Error('the SQLite jobs run on the SQLite store');
  const opened: { close(): Promise<void> }[] = [];
  const reader = storage.database.db;
  return {
    scheduler: () => {
      const scheduling = openSqliteScheduling(storage.path, { clock, logger: silentLogger });
      opened.push(scheduling);
      return scheduling.scheduler;
    },
    async queued(workspaceId, interactionId) {
      return storedJobs(reader, JobName.sendFollowUpReminder)
        .filter((job) => job.unique_key === reminderKey(workspaceId, interactionId))
        .map((job) => ({ nextRunAt: new Date(job.next_run_at ?? Number.NaN), data: JSON.parse(job.data) }));
    },
    close: async () => {
      for (const scheduling of opened) await scheduling.close();
    },
  };
}

const SCHEDULERS: { engine: string; jobs: JobEngine; make: (storage: Storage) => Engine }[] = [
  { engine: 'agenda', jobs: 'agenda', make: agendaEngine },
  { engine: 'SQLite', jobs: 'sqlite', make: sqliteEngine },
];

describe.each(SCHEDULERS)('the $engine follow-up scheduler', ({ jobs, make }) => {
  const store = useJobStore(jobs);
  let engine: Engine;
  let container: Container;
  let tenant: SlackTenant;
  let contactId: string;
  let keys = 0;

  beforeAll(async () => {
    // WORKER=off: jobs are queued but nothing runs them, so the queue can be read as it is.
    engine = make(store.storage);
    container = createContainer(store.storage, {
      logger: silentLogger,
      clock,
      scheduler: engine.scheduler(),
    });
    tenant = await seedSlackTenant(container);
    contactId = (await seedContact(storageOf(container).repositories, tenant.workspace.id)).id;
  });
  afterAll(async () => {
    await engine.close();
  });

  const queued = (interactionId: string) => engine.queued(tenant.workspace.id, interactionId);

  async function logWithFollowUp(dueAt: Date, assigneeId?: string) {
    const result = await container.interactions.logInteraction(tenant.alice, {
      idempotencyKey: `sched-${++keys}`,
      contactIds: [contactId],
      type: 'Call',
      description: 'Agreed to send the quote',
      followUp: { dueAt, ...(assigneeId ? { assigneeId } : {}) },
    });
    return result.interactions[0]!;
  }

  it('queues one reminder job at the follow-up time when an interaction is logged', async () => {
    const interaction = await logWithFollowUp(hours(2));
    const jobs = await queued(interaction.id);
    expect(jobs).toHaveLength(1);
    expect(jobs[0]!.nextRunAt.toISOString()).toBe(hours(2).toISOString());
    expect(jobs[0]!.data).toEqual({
      workspaceId: tenant.workspace.id,
      interactionId: interaction.id,
      fireAt: hours(2).toISOString(),
    });
  });

  it('moves the job when the follow-up date is edited, leaving one job', async () => {
    const interaction = await logWithFollowUp(hours(2));
    await container.interactions.editInteraction(tenant.alice, {
      id: interaction.id,
      followUp: { dueAt: hours(5) },
    });
    const jobs = await queued(interaction.id);
    expect(jobs.map((job) => job.nextRunAt.toISOString())).toEqual([hours(5).toISOString()]);
  });

  it('moves the job to the snooze time, in the assignee timezone for "tomorrow"', async () => {
    await storageOf(container).repositories.members.updateMember(
      tenant.workspace.id,
      BOB,
      { timezone: 'Asia/Tokyo' },
      T0,
    );
    const interaction = await logWithFollowUp(hours(1), BOB);
    await container.followUps.snooze(tenant.bob, { interactionId: interaction.id, preset: 'tomorrow' });
    const expected = snoozeUntil('tomorrow', T0, 'Asia/Tokyo'); // 09:00 in Tokyo = 00:00Z
    expect(expected.toISOString()).toBe('2026-03-11T00:00:00.000Z');
    const jobs = await queued(interaction.id);
    expect(jobs.map((job) => [job.nextRunAt.toISOString(), job.data.fireAt])).toEqual([
      [expected.toISOString(), expected.toISOString()],
    ]);
  });

  it('removes the job when the follow-up is marked done', async () => {
    const interaction = await logWithFollowUp(hours(3));
    await container.followUps.markDone(tenant.alice, { interactionId: interaction.id });
    expect(await queued(interaction.id)).toEqual([]);
  });

  it('removes the job when the interaction is deleted or its follow-up removed', async () => {
    const deleted = await logWithFollowUp(hours(3));
    await container.interactions.deleteInteraction(tenant.alice, { id: deleted.id });
    expect(await queued(deleted.id)).toEqual([]);

    const cleared = await logWithFollowUp(hours(3));
    await container.interactions.editInteraction(tenant.alice, { id: cleared.id, followUp: null });
    expect(await queued(cleared.id)).toEqual([]);
  });

  it('keeps a single job when the same reminder is scheduled twice', async () => {
    const interaction = await logWithFollowUp(hours(4));
    const reminder = {
      workspaceId: tenant.workspace.id,
      interactionId: interaction.id,
      eventId: interaction.eventId,
      assigneeId: tenant.alice.userId,
      fireAt: hours(4),
    };
    const scheduler = engine.scheduler();
    await scheduler.schedule([reminder]);
    await scheduler.schedule([reminder]);
    expect(await queued(interaction.id)).toHaveLength(1);
  });

  it('queues one job per contact for a collective log', async () => {
    const second = (
      await seedContact(storageOf(container).repositories, tenant.workspace.id, { firstName: 'Grace' })
    ).id;
    const result = await container.interactions.logInteraction(tenant.alice, {
      idempotencyKey: `sched-${++keys}`,
      contactIds: [contactId, second],
      type: 'Meeting',
      followUp: { dueAt: hours(6) },
    });
    for (const interaction of result.interactions) {
      expect((await queued(interaction.id)).map((job) => job.data.fireAt)).toEqual([hours(6).toISOString()]);
    }
  });
});
