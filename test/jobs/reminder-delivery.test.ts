import { tz } from '@date-fns/tz';
import { format as formatDate } from 'date-fns';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ActionId, BlockId, ItemActionPrefix } from '../../src/adapters/slack/ids.js';
import { storageOf } from '../../src/app/container.js';
import { deliveryId } from '../../src/core/deliveries/delivery.js';
import { reminderKey } from '../../src/core/followups/reminder-delivery.js';
import type { Interaction } from '../../src/core/interactions/interaction.js';
import { type FakeSlack, startFakeSlack } from '../slack/fake-slack/index.js';
import { seedContact, type TestClock } from '../support/fixtures.js';
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

let fake: FakeSlack;
let clock: TestClock;
let worker: Worker | undefined;
let keys = 0;
const minutes = (n: number) => n * 60_000;

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
  await worker?.stop();
  worker = undefined;
});

/** Logs an interaction whose follow-up fell due `agoMs` before the current (core) time. */
async function dueReminder(
  w: Worker,
  tenant: SlackTenant,
  options: { agoMs?: number; assigneeId?: string; description?: string } = {},
): Promise<Interaction> {
  const now = clock.now();
  const dueAt = new Date(now.getTime() - (options.agoMs ?? 1_000));
  // Long overdue: logged back then (a follow-up must be in the future when logged). Only done
  // while no worker runs: a claim made while the clock is set back would look stale at once.
  const backdate = (options.agoMs ?? 0) > minutes(4);
  if (backdate) clock.set(new Date(dueAt.getTime() - minutes(1)));
  const contact = await seedContact(storageOf(w.container).repositories, tenant.workspace.id, {
    firstName: 'Élise',
    lastName: 'Lévy',
  });
  const result = await w.container.interactions.logInteraction(tenant.alice, {
    idempotencyKey: `rem-${++keys}`,
    contactIds: [contact.id],
    type: 'Visit',
    actions: ['Discussion', 'Agreed'],
    description: options.description ?? 'Agreed to send the winter distribution list <@channel>',
    followUp: { dueAt, assigneeId: options.assigneeId ?? ALICE },
  });
  if (backdate) clock.set(now);
  return result.interactions[0]!;
}

function deliveryOf(w: Worker, interaction: Interaction): Promise<DeliveryView | null> {
  const fireAt = interaction.followUp!.dueAt;
  return deliveryState(
    w,
    deliveryId('reminder', interaction.workspaceId, reminderKey(interaction.id, fireAt)),
  );
}

const finalDelivery = (w: Worker, interaction: Interaction) =>
  eventually(async () => {
    const delivery = await deliveryOf(w, interaction);
    return delivery && !['sending', 'retrying'].includes(delivery.status) ? delivery : undefined;
  });

const blockText = (message: { blocks?: unknown[] }) => JSON.stringify(message.blocks ?? []);

describe.each(JOB_ENGINES)('follow-up reminder delivery (%s jobs)', (jobs) => {
  const store = useJobStore(jobs);

  it('sends the assignee a DM with the contact, the summary, who logged it and the buttons, due now', async () => {
    worker = await startWorker(store.storage, fake, { clock });
    const tenant = await seedSlackTenant(worker.container);
    const interaction = await dueReminder(worker, tenant, { assigneeId: BOB });

    const [message] = await eventually(() =>
      fake.messages(BOB).length > 0 ? fake.messages(BOB) : undefined,
    );
    const text = blockText(message!);
    expect(message!.text).toContain('Follow-up reminder: Élise Lévy');
    expect(text).toContain('Élise Lévy');
    expect(text).toContain('Agreed to send the winter distribution list &lt;@channel&gt;');
    expect(text).toContain('`Discussion`');
    expect(text).toContain(`<@${ALICE}>`);
    expect(text).not.toContain('reminder sent late');
    // On time (a second after it fell due): due now, not overdue.
    expect(text).toContain('*Due now*');
    expect(text).not.toMatch(/overdue/i);
    const actions = message!.blocks!.find((block) => block.type === 'actions');
    expect(actions?.block_id).toBe(BlockId.followUpActions);
    const actionIds = JSON.stringify(actions);
    for (const id of [ActionId.followUpSnooze1h, ItemActionPrefix.followUpLog, ActionId.followUpCalendar]) {
      expect(actionIds).toContain(id);
    }
    const delivery = await finalDelivery(worker, interaction);
    expect(delivery).toMatchObject({ status: 'sent', attempt: 1, late: false, target: BOB });
    expect(fake.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('words the DM’s times on the assignee’s own clock (their Slack zone), not the workspace’s', async () => {
    worker = await startWorker(store.storage, fake, { clock });
    const tenant = await seedSlackTenant(worker.container, { timezone: 'Asia/Tokyo' });
    // What users.info told the app when Bob last used it: he is in New York.
    await worker.container.workspaces.resolveActor({
      workspace: tenant.workspace,
      userId: BOB,
      displayName: 'Bob Smith',
      facts: { timezone: 'America/New_York' },
    });
    const interaction = await dueReminder(worker, tenant, { assigneeId: BOB });
    const [message] = await eventually(() =>
      fake.messages(BOB).length > 0 ? fake.messages(BOB) : undefined,
    );
    // A client that cannot render Slack's date token shows its fallback: it must be Bob's time.
    const due = interaction.followUp!.dueAt;
    const format = tenant.workspace.settings.dateFormat;
    const at = (zone: string) => formatDate(due, format, { in: tz(zone) });
    expect(at('America/New_York')).not.toBe(at('Asia/Tokyo'));
    expect(blockText(message!)).toContain(`|${at('America/New_York')}>`);
    expect(blockText(message!)).not.toContain(at('Asia/Tokyo'));
  });

  it('sends a reminder that fell due while no worker ran, marked late and overdue', async () => {
    const offline = await startWorker(store.storage, fake, { clock, mode: 'off' });
    const tenant = await seedSlackTenant(offline.container);
    const interaction = await dueReminder(offline, tenant, { agoMs: minutes(180) });
    expect(fake.messages(ALICE)).toEqual([]);

    worker = await startWorker(store.storage, fake, { clock });
    const [message] = await eventually(() =>
      fake.messages(ALICE).length > 0 ? fake.messages(ALICE) : undefined,
    );
    expect(blockText(message!)).toContain('reminder sent late');
    expect(blockText(message!)).toContain('*Overdue* since');
    expect(blockText(message!)).not.toContain('Due now');
    expect(await finalDelivery(worker, interaction)).toMatchObject({ status: 'sent', late: true });
  });

  it('records a permanent failure with the reason when the assignee is deactivated, and does not retry', async () => {
    worker = await startWorker(store.storage, fake, { clock });
    const tenant = await seedSlackTenant(worker.container);
    fake.deactivateUser(BOB);
    const interaction = await dueReminder(worker, tenant, { assigneeId: BOB });

    const delivery = await finalDelivery(worker, interaction);
    expect(delivery).toMatchObject({ status: 'failed', permanent: true, attempt: 1 });
    expect(delivery.reason).toContain('deactivated');
    const failed = await worker.scheduling.deliveries.listFailed(tenant.workspace.id, 'reminder', 10);
    expect(failed.map((d) => d.id)).toContain(delivery.id);
    expect(fake.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('retries a transient failure with backoff, then sends once', async () => {
    worker = await startWorker(store.storage, fake, { clock });
    const tenant = await seedSlackTenant(worker.container);
    fake.failNext('chat.postMessage', { error: 'internal_error' });
    const interaction = await dueReminder(worker, tenant);

    const retrying = await eventually(async () => {
      const delivery = await deliveryOf(worker!, interaction);
      return delivery?.status === 'retrying' ? delivery : undefined;
    });
    expect(retrying.lastError).toContain('internal_error');
    expect(retrying.nextAttemptAt!.getTime()).toBe(clock.now().getTime() + 1_000);
    expect(fake.messages(ALICE)).toHaveLength(0);

    clock.advance(1_500); // past the backoff: the retry sweep takes attempt 2
    expect(await finalDelivery(worker, interaction)).toMatchObject({ status: 'sent', attempt: 2 });
    expect(fake.messages(ALICE)).toHaveLength(1);
  });

  it('gives up after the last attempt and keeps the reason visible', async () => {
    worker = await startWorker(store.storage, fake, { clock });
    const tenant = await seedSlackTenant(worker.container);
    fake.failNext('chat.postMessage', { error: 'internal_error', times: 10 });
    const interaction = await dueReminder(worker, tenant);
    for (let attempt = 1; attempt < 3; attempt++) {
      await eventually(
        async () =>
          (await deliveryOf(worker!, interaction))?.attempt === attempt &&
          (await deliveryOf(worker!, interaction))?.status === 'retrying',
      );
      clock.advance(20_000);
    }
    const delivery = await finalDelivery(worker, interaction);
    expect(delivery).toMatchObject({ status: 'failed', permanent: false, attempt: 3 });
    expect(delivery.reason).toMatch(/Gave up after 3 attempts.*internal_error/);
  });

  it('does not send a reminder that was snoozed or done after it was queued', async () => {
    const offline = await startWorker(store.storage, fake, { clock, mode: 'off' });
    const tenant = await seedSlackTenant(offline.container);
    const done = await dueReminder(offline, tenant);
    await offline.container.followUps.markDone(tenant.alice, { interactionId: done.id });
    const snoozed = await dueReminder(offline, tenant);
    await offline.container.followUps.snooze(tenant.alice, {
      interactionId: snoozed.id,
      preset: 'next-week',
    });
    const sentinel = await dueReminder(offline, tenant, { description: 'sentinel' });

    worker = await startWorker(store.storage, fake, { clock });
    await finalDelivery(worker, sentinel);
    const messages = fake.messages(ALICE);
    expect(messages).toHaveLength(1);
    expect(blockText(messages[0]!)).toContain('sentinel');
    expect(await deliveryOf(worker, done)).toBeNull();
    expect(await deliveryOf(worker, snoozed)).toBeNull();
  });

  it('rate limited by Slack, waits for Retry-After and delivers everything once', async () => {
    worker = await startWorker(store.storage, fake, { clock });
    const tenant = await seedSlackTenant(worker.container);
    fake.rateLimit('chat.postMessage', { limit: 2, windowMs: 1_000 });
    const reminders = [];
    for (let i = 0; i < 5; i++) reminders.push(await dueReminder(worker, tenant, { description: `r${i}` }));
    for (const reminder of reminders) await finalDelivery(worker, reminder);
    expect(fake.messages(ALICE)).toHaveLength(5);
    expect(fake.callsTo('chat.postMessage').some((call) => call.status === 429)).toBe(true);
  });
});
