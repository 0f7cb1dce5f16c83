import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { storageOf } from '../../src/app/container.js';
import { deliveryId } from '../../src/core/deliveries/delivery.js';
import { EXPORT_HEADER } from '../../src/core/exports/export-columns.js';
import type { FollowUp } from '../../src/core/interactions/interaction.js';
import { periodKey } from '../../src/core/reports/report-schedule.js';
import type { Workspace } from '../../src/core/workspaces/workspace.js';
import type { Storage } from '../../src/infra/storage.js';
import { addContact, interactionFor } from '../core/exports/fixtures.js';
import { FAKE_DEFAULTS, type FakeSlack, startFakeSlack } from '../slack/fake-slack/index.js';
import { makeClock, type TestClock } from '../support/fixtures.js';
import {
  deliveryState,
  eventually,
  JOB_ENGINES,
  seedSlackTenant,
  startWorker,
  useJobStore,
  type Worker,
} from './support/world.js';

const { general, random } = FAKE_DEFAULTS.channels;
let fake: FakeSlack;
/** The engine's store under test, and the same data through a second connection (process). */
let storage: Storage;
let other: Storage;
let clock: TestClock;
const workers: Worker[] = [];
const at = (iso: string) => new Date(iso);

/** The week of the Paris DST change (25 Oct 2026): Monday 19 Oct 00:00 CEST to Monday 26 Oct 00:00 CET. */
const WEEK = { from: at('2026-10-18T22:00:00.000Z'), to: at('2026-10-25T23:00:00.000Z') };
/** Monday 26 Oct 09:00 in Paris (CET, UTC+1). */
const SLOT = at('2026-10-26T08:00:00.000Z');

beforeAll(async () => {
  fake = await startFakeSlack();
});
afterAll(async () => {
  await fake.close();
});
beforeEach(() => {
  fake.reset();
  clock = makeClock('2026-10-26T07:30:00.000Z'); // Monday 08:30 in Paris, before the slot
});
afterEach(async () => {
  for (const worker of workers.splice(0)) await worker.stop();
});

async function start(on: Storage = storage, name = 'worker'): Promise<Worker> {
  const worker = await startWorker(on, fake, { clock, name });
  workers.push(worker);
  return worker;
}

async function parisWorkspace(worker: Worker, channelId: string = general): Promise<Workspace> {
  const { workspace } = await seedSlackTenant(worker.container, {
    timezone: 'Europe/Paris',
    report: { enabled: true, channelId, weekday: 1, time: '09:00' },
  });
  return workspace;
}

/** Seven interactions in the week (two on its very edges), two the week before, one after. */
async function seedWeek(worker: Worker, workspace: Workspace) {
  const repos = storageOf(worker.container).repositories;
  const contact = (first: string, last: string, createdAt: string) =>
    addContact(repos, workspace, { firstName: first, lastName: last, createdAt: at(createdAt) });
  const elise = await contact('Élise', 'Lévy', '2026-10-20T09:00:00Z');
  const jean = await contact('Jean', 'Dupont', '2026-10-05T09:00:00Z');
  const zoe = await contact('Zoé', 'Bernard', '2026-10-13T09:00:00Z');
  const done = (when: string): FollowUp => ({
    dueAt: at(when),
    assigneeId: 'U1',
    status: 'done',
    doneAt: at(when),
    doneBy: 'U1',
  });
  const open = (when: string): FollowUp => ({ dueAt: at(when), assigneeId: 'U1', status: 'open' });
  const log = (who: typeof elise, type: string, actions: string[], occurred: string, followUp?: FollowUp) =>
    interactionFor(workspace, who, {
      type,
      actions,
      occurredAt: at(occurred),
      ...(followUp ? { followUp } : {}),
    });
  await repos.interactions.insertMany([
    log(jean, 'Email', [], '2026-10-18T22:00:00Z'), // Monday 00:00 CEST: first instant of the week
    log(elise, 'Visit', ['Discussion', 'Donated'], '2026-10-19T08:00:00Z', done('2026-10-20T10:00:00Z')),
    log(elise, 'Call', ['To call back'], '2026-10-21T08:00:00Z', open('2026-10-24T08:00:00Z')),
    log(jean, 'Visit', ['Discussion'], '2026-10-22T08:00:00Z'),
    log(elise, 'Visit', [], '2026-10-23T08:00:00Z'),
    log(zoe, 'Meeting', ['Agreed', 'Discussion'], '2026-10-24T08:00:00Z'),
    log(jean, 'Call', ['Discussion'], '2026-10-25T22:59:59Z'), // Sunday 23:59:59 CET: last instant
    log(zoe, 'Call', [], '2026-10-18T21:59:59Z'), // the week before
    log(zoe, 'Visit', ['Donated'], '2026-10-14T08:00:00Z'), // the week before
    log(jean, 'Visit', [], '2026-10-25T23:00:00Z'), // the week after
  ]);
}

const reportPosts = (channel: string) => fake.messages(channel).filter((m) => m.via === 'file_share');
const text = (message: { blocks?: unknown[] }) => JSON.stringify(message.blocks ?? []);

describe.each(JOB_ENGINES)('weekly report (%s jobs)', (jobs) => {
  const store = useJobStore(jobs);
  beforeAll(async () => {
    storage = store.storage;
    other = await store.second();
  });

  it('posts the week across the DST change once at its slot, with exact numbers and the CSV', async () => {
    const worker = await start();
    const workspace = await parisWorkspace(worker);
    await seedWeek(worker, workspace);
    // The sweep sees the schedule before the slot, and posts nothing yet.
    const key = deliveryId('report', workspace.id, periodKey(WEEK));
    await eventually(async () => (await worker.scheduling.reports.planDue()).length === 0);
    expect(reportPosts(general)).toEqual([]);

    clock.set('2026-10-26T08:00:30.000Z'); // 09:00:30 in Paris
    const [post] = await eventually(() =>
      reportPosts(general).length > 0 ? reportPosts(general) : undefined,
    );
    const blocks = text(post!);
    expect(blocks).toContain('Weekly report · 19–25 Oct 2026');
    expect(blocks).toContain('Compared with 12–18 Oct 2026');
    expect(blocks).toContain('*Interactions:* 7 (▲ 5 vs 2)');
    expect(blocks).toContain('*New contacts:* 1 (= vs 1)');
    expect(blocks).toContain('*Follow-ups done:* 1 (▲ 1 vs 0)');
    expect(blocks).toContain('*Follow-ups overdue:* 1 (▲ 1 vs 0)');
    expect(blocks).toContain('• Visit — 3 (▲ 2)');
    expect(blocks).toContain('• Call — 2 (▲ 1)');
    expect(blocks).toContain('• Discussion — 4 (▲ 4)');
    expect(blocks).toContain('• Élise Lévy — 3');
    expect(blocks).not.toContain('Posted late');

    const [file] = fake.files();
    expect(file?.filename).toBe('interactions-2026-10-19_2026-10-25.csv');
    const csv = fake.fileContent(file!.id)!.toString('utf8').trim().split(/\r?\n/);
    expect(csv[0]).toBe(EXPORT_HEADER.join(','));
    expect(csv).toHaveLength(1 + 7);

    // The post is visible a moment before the worker records the delivery as sent.
    const sent = await eventually(async () => {
      const state = await deliveryState(worker, key);
      return state?.status === 'sent' ? state : undefined;
    });
    expect(sent).toMatchObject({ status: 'sent', late: false, target: general });
    // Later sweeps find the period reported: nothing more is due, still one post.
    clock.set('2026-10-26T09:00:00.000Z');
    expect(await worker.scheduling.reports.planDue()).toEqual([]);
    expect(reportPosts(general)).toHaveLength(1);
    expect(clock.now().getTime()).toBeGreaterThan(SLOT.getTime());
  });

  it('reports a period once even with two workers', async () => {
    const [first] = await Promise.all([start(storage, 'w1'), start(other, 'w2')]);
    const workspace = await parisWorkspace(first!);
    await eventually(async () => (await first!.scheduling.reports.planDue()).length === 0);
    clock.set('2026-10-26T08:01:00.000Z');
    const key = deliveryId('report', workspace.id, periodKey(WEEK));
    await eventually(async () => (await deliveryState(first!, key))?.status === 'sent');
    expect(reportPosts(general)).toHaveLength(1);
  });

  it('posts a slot missed while no worker ran, marked late', async () => {
    const before = await start();
    const workspace = await parisWorkspace(before);
    await eventually(async () => (await before.scheduling.reports.planDue()).length === 0); // schedule seen
    await before.stop();
    workers.splice(0);

    clock.set('2026-10-26T11:30:00.000Z'); // 12:30 in Paris: the 09:00 slot passed while down
    const after = await start();
    const key = deliveryId('report', workspace.id, periodKey(WEEK));
    await eventually(async () => (await deliveryState(after, key))?.status === 'sent');
    expect(await deliveryState(after, key)).toMatchObject({ late: true });
    const [post] = reportPosts(general);
    expect(text(post!)).toContain('Posted late');
  });

  it('does not post a slot that passed before reports were turned on, and follows a changed schedule', async () => {
    clock.set('2026-10-26T10:00:00.000Z'); // Monday 11:00: the 09:00 slot already passed
    const worker = await start();
    const workspace = await parisWorkspace(worker);
    await eventually(async () => (await worker.scheduling.reports.planDue()).length === 0);
    expect(reportPosts(general)).toEqual([]);

    // The admin moves the report to Monday 11:30: the new schedule's slot is still ahead.
    await storageOf(worker.container).repositories.workspaces.updateSettings(
      workspace.id,
      { report: { enabled: true, channelId: general, weekday: 1, time: '11:30' } },
      clock.now(),
    );
    await eventually(async () => (await worker.scheduling.reports.planDue()).length === 0);
    clock.set('2026-10-26T10:31:00.000Z');
    const key = deliveryId('report', workspace.id, periodKey(WEEK));
    await eventually(async () => (await deliveryState(worker, key))?.status === 'sent');
    expect(reportPosts(general)).toHaveLength(1);
  });

  it('records a clear, final failure when the app is not in the report channel', async () => {
    const worker = await start();
    const workspace = await parisWorkspace(worker, random);
    await eventually(async () => (await worker.scheduling.reports.planDue()).length === 0);
    clock.set('2026-10-26T08:05:00.000Z');
    const key = deliveryId('report', workspace.id, periodKey(WEEK));
    const outcome = await eventually(async () => {
      const state = await deliveryState(worker, key);
      return state?.status === 'failed' ? state : undefined;
    });
    expect(outcome).toMatchObject({ permanent: true });
    expect(outcome.reason).toMatch(/invite/);
    expect(fake.messages(random)).toEqual([]);
  });
});
