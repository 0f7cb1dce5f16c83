import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { storageOf } from '../../src/app/container.js';
import { deliveryId } from '../../src/core/deliveries/delivery.js';
import { type ReminderNotifier, reminderKey } from '../../src/core/followups/reminder-delivery.js';
import type { Interaction } from '../../src/core/interactions/interaction.js';
import { JobName } from '../../src/infra/jobs/job-names.js';
import { COLLECTIONS } from '../../src/infra/mongo/indexes.js';
import { mongoStore } from '../../src/infra/mongo/open-mongo-store.js';
import type { Storage } from '../../src/infra/storage.js';
import { type FakeSlack, startFakeSlack } from '../slack/fake-slack/index.js';
import { seedContact, type TestClock } from '../support/fixtures.js';
import { useTestDatabase } from '../support/test-database.js';
import {
  ALICE,
  BOB,
  type DeliveryView,
  deliveryState,
  eventually,
  JOB_ENGINES,
  type SlackTenant,
  seedSlackTenant,
  startWorker,
  useJobStore,
  type Worker,
  wallClock,
} from './support/world.js';

/** The agenda-only cases below inspect agenda's own documents on the run's FerretDB. */
const handle = useTestDatabase();
let fake: FakeSlack;
let clock: TestClock;
const workers: Worker[] = [];
let keys = 0;

beforeAll(async () => {
  fake = await startFakeSlack();
});
afterAll(async () => {
  await fake.close();
});
beforeEach(() => {
  fake.reset();
  clock = wallClock();
});
afterEach(async () => {
  for (const worker of workers.splice(0)) await worker.stop();
});

async function start(
  storage: Storage,
  setup: Partial<Parameters<typeof startWorker>[2]> = {},
): Promise<Worker> {
  const worker = await startWorker(storage, fake, { clock, ...setup });
  workers.push(worker);
  return worker;
}

async function dueReminders(w: Worker, tenant: SlackTenant, count: number): Promise<Interaction[]> {
  const contact = await seedContact(storageOf(w.container).repositories, tenant.workspace.id);
  const dueAt = new Date(clock.now().getTime() - 1_000);
  const logged: Interaction[] = [];
  for (let i = 0; i < count; i++) {
    const result = await w.container.interactions.logInteraction(tenant.alice, {
      idempotencyKey: `once-${++keys}`,
      contactIds: [contact.id],
      type: 'Call',
      description: `reminder ${i}`,
      followUp: { dueAt, assigneeId: i % 2 === 0 ? ALICE : BOB },
    });
    logged.push(result.interactions[0]!);
  }
  return logged;
}

function deliveryOf(w: Worker, interaction: Interaction): Promise<DeliveryView | null> {
  const key = reminderKey(interaction.id, interaction.followUp!.dueAt);
  return deliveryState(w, deliveryId('reminder', interaction.workspaceId, key));
}

async function allSent(w: Worker, interactions: Interaction[]): Promise<void> {
  await eventually(async () => {
    for (const interaction of interactions) {
      if ((await deliveryOf(w, interaction))?.status !== 'sent') return false;
    }
    return true;
  }, 60_000);
}

/** Reminder jobs still queued for an interaction. */
function queuedFor(interaction: Interaction): Promise<number> {
  const db = handle.db.connection.getClient().db(handle.db.connection.name);
  return db.collection(COLLECTIONS.reminderJobs).countDocuments({
    name: JobName.sendFollowUpReminder,
    'data.workspaceId': interaction.workspaceId,
    'data.interactionId': interaction.id,
  });
}

/** Every summary posted in the DMs, counted: each must appear exactly once. */
function postedCounts(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const user of [ALICE, BOB]) {
    for (const message of fake.messages(user)) {
      const summary = /reminder \d+/.exec(JSON.stringify(message.blocks))?.[0] ?? '?';
      counts.set(summary, (counts.get(summary) ?? 0) + 1);
    }
  }
  return counts;
}

describe.each(JOB_ENGINES)('exactly one reminder DM (%s jobs)', (jobs) => {
  const store = useJobStore(jobs);
  /** The same data through a connection of its own, as a second process has. */
  let other: Storage;
  beforeAll(async () => {
    other = await store.second();
  });

  it('with two workers on one database, every reminder is sent once', async () => {
    const offline = await start(store.storage, { mode: 'off' });
    const tenant = await seedSlackTenant(offline.container);
    const reminders = await dueReminders(offline, tenant, 40);

    // Both start at once and race for the same due jobs (FerretDB does not lock atomically).
    const [first] = await Promise.all([
      start(store.storage, { name: 'worker-1' }),
      start(other, { name: 'worker-2' }),
    ]);
    await allSent(first!, reminders);
    const counts = postedCounts();
    expect(counts.size).toBe(40);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
  });

  it('after a crash between claim and send, another worker sends it once', async () => {
    // Worker 1 claims the reminder, then "dies" before Slack answers: its send never returns.
    let crash: (error: Error) => void = () => {};
    const hanging: ReminderNotifier = {
      sendReminder: () =>
        new Promise((_, reject) => {
          crash = reject;
        }),
    };
    const doomed = await start(store.storage, { notifier: hanging, name: 'doomed', lockLifetimeMs: 1_000 });
    const tenant = await seedSlackTenant(doomed.container);
    const [reminder] = await dueReminders(doomed, tenant, 1);
    const claimed = await eventually(async () => {
      const delivery = await deliveryOf(doomed, reminder!);
      return delivery?.status === 'sending' ? delivery : undefined;
    });
    expect(claimed.attempt).toBe(1);
    await doomed.stop(); // polling stops; the job stays locked, the claim stays "sending"

    // Before the claim is presumed dead, the survivor leaves it alone…
    const survivor = await start(other, { name: 'survivor', lockLifetimeMs: 1_000 });
    const survivor2 = await start(store.storage, { name: 'survivor-2', lockLifetimeMs: 1_000 });
    expect((await deliveryOf(survivor, reminder!))?.status).toBe('sending');
    expect(fake.messages(ALICE)).toHaveLength(0);

    // …and once it is (core time past staleAfterMs), exactly one of them takes attempt 2.
    clock.advance(61_000);
    await allSent(survivor, [reminder!]);
    expect(await deliveryOf(survivor2, reminder!)).toMatchObject({ status: 'sent', attempt: 2 });
    expect(fake.messages(ALICE)).toHaveLength(1);

    // The dead worker's late answer cannot overwrite the record owned by attempt 2.
    // Its dispatch run is still waiting for Slack; it ends once it has handled the late answer.
    expect(doomed.runner.inProgress()).toBe(1);
    crash(new Error('process killed'));
    await doomed.runner.idle();
    expect(await deliveryOf(survivor, reminder!)).toMatchObject({ status: 'sent', attempt: 2 });
    expect(fake.messages(ALICE)).toHaveLength(1);
  });
});

/** agenda can hold duplicate jobs of one reminder (SQLite keeps one per interaction by its key). */
describe('exactly one reminder DM despite duplicate agenda jobs', () => {
  let mongo: Storage;
  beforeAll(() => {
    mongo = mongoStore(handle.db);
  });

  it('when agenda runs the same job again, the second run sends nothing', async () => {
    const worker = await start(mongo);
    const tenant = await seedSlackTenant(worker.container);
    const [reminder] = await dueReminders(worker, tenant, 1);
    await allSent(worker, [reminder!]);

    // What a double read by two dispatchers, or a job not removed before a crash, amounts to.
    const data = {
      workspaceId: tenant.workspace.id,
      interactionId: reminder!.id,
      fireAt: reminder!.followUp!.dueAt.toISOString(),
    };
    const dueAt = reminder!.followUp!.dueAt;
    for (let i = 0; i < 3; i++)
      await worker.agendaQueue!.agenda.schedule(dueAt, JobName.sendFollowUpReminder, data);
    await eventually(async () => (await queuedFor(reminder!)) === 0);
    expect(fake.messages(ALICE)).toHaveLength(1);
    expect(await deliveryOf(worker, reminder!)).toMatchObject({ status: 'sent', attempt: 1 });
  });

  it('duplicate queued jobs for one reminder, read in one batch, send one DM', async () => {
    const offline = await start(mongo, { mode: 'off' });
    const tenant = await seedSlackTenant(offline.container);
    const [reminder] = await dueReminders(offline, tenant, 1);
    const data = {
      workspaceId: tenant.workspace.id,
      interactionId: reminder!.id,
      fireAt: reminder!.followUp!.dueAt.toISOString(),
    };
    // What two racing schedules of the same reminder can leave behind.
    for (let i = 0; i < 2; i++) {
      await offline.agendaQueue!.agenda.schedule(
        reminder!.followUp!.dueAt,
        JobName.sendFollowUpReminder,
        data,
      );
    }
    expect(await queuedFor(reminder!)).toBe(3);

    const worker = await start(mongo);
    await allSent(worker, [reminder!]);
    await eventually(async () => (await queuedFor(reminder!)) === 0);
    expect(fake.messages(ALICE)).toHaveLength(1);
  });
});
