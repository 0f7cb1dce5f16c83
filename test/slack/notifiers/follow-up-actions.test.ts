import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, LogLevel } from '@slack/bolt';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseNaturalDate } from '../../../src/adapters/shared/natural-dates.js';
import { ActionId, BlockId, ItemActionPrefix, itemActionId } from '../../../src/adapters/slack/ids.js';
import { registerFollowUpButtons } from '../../../src/adapters/slack/listeners/actions/follow-up-actions.js';
import { tenantMiddleware } from '../../../src/adapters/slack/middleware/tenant.js';
import { cachedClients } from '../../../src/adapters/slack/notifiers/slack-clients.js';
import { createSlackReminderNotifier } from '../../../src/adapters/slack/notifiers/slack-reminder-notifier.js';
import { ButtonValue, encodeValue } from '../../../src/adapters/slack/payloads/action-values.js';
import { type Container, createContainer, storageOf } from '../../../src/app/container.js';
import { type OpenedScheduling, openScheduling } from '../../../src/app/open-scheduling.js';
import { snoozeUntil } from '../../../src/core/followups/follow-up.schemas.js';
import type { Interaction } from '../../../src/core/interactions/interaction.js';
import type { Actor } from '../../../src/core/shared/actor.js';
import { silentLogger } from '../../../src/core/shared/ports.js';
import { presentFollowUp } from '../../../src/core/views/follow-up-view.js';
import type { Workspace } from '../../../src/core/workspaces/workspace.js';
import { isSqliteStorage } from '../../../src/infra/sqlite/open-sqlite-store.js';
import { storedJobs } from '../../jobs/support/sqlite-jobs-file.js';
import { useDefaultStore } from '../../support/engines.js';
import { makeClock, seedContact } from '../../support/fixtures.js';
import {
  blockActionsPayload,
  FAKE_DEFAULTS,
  type FakeSlack,
  sendInteraction,
  startFakeSlack,
} from '../fake-slack/index.js';

const store = useDefaultStore();
let scheduling: OpenedScheduling;
const SECRET = 'follow-up-actions-secret';
const { users, token, teamId } = FAKE_DEFAULTS;
const clock = makeClock(new Date('2026-03-10T10:00:00.000Z'));
let fake: FakeSlack;
let app: App;
let url: string;
let container: Container;
let workspace: Workspace;
let alice: Actor;
let keys = 0;

beforeAll(async () => {
  fake = await startFakeSlack();
  // WORKER=off: reminders are queued in the store's jobs table, and nothing runs them.
  scheduling = openScheduling(store.storage, { logger: silentLogger, clock });
  container = createContainer(store.storage, {
    logger: silentLogger,
    clock,
    scheduler: scheduling.scheduler,
  });
  app = new App({
    token,
    signingSecret: SECRET,
    processBeforeResponse: true, // the HTTP answer waits for the listener: no polling needed
    logLevel: LogLevel.ERROR,
    clientOptions: { slackApiUrl: fake.url, retryConfig: { retries: 0 } },
  });
  app.use(tenantMiddleware(container.workspaces, clock).middleware);
  registerFollowUpButtons(app, { container, parseDate: parseNaturalDate, webClientOptions: {} });
  const server = (await app.start({ port: 0, host: '127.0.0.1' })) as Server;
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;
  workspace = await container.workspaces.resolveWorkspace({
    platform: 'slack',
    externalId: teamId,
    name: 'fake',
  });
  alice = await container.workspaces.resolveActor({
    workspace,
    userId: users.alice,
    displayName: 'alice',
    // What users.info says of her: the workspace's primary owner, in Paris.
    facts: { platformAdmin: true, timezone: 'Europe/Paris' },
  });
});
afterAll(async () => {
  await app.stop();
  await fake.close();
  await scheduling.close();
});
beforeEach(() => {
  clock.set('2026-03-10T10:00:00.000Z');
});

/** A follow-up for Alice, its reminder DM sent by the real notifier: the message to click on. */
async function reminderDm(): Promise<{ interaction: Interaction; channel: string; ts: string }> {
  const contact = await seedContact(storageOf(container).repositories, workspace.id, {
    firstName: 'Élise',
    lastName: 'Lévy',
  });
  const logged = await container.interactions.logInteraction(alice, {
    idempotencyKey: `act-${++keys}`,
    contactIds: [contact.id],
    type: 'Visit',
    description: 'Bring the forms',
    followUp: { dueAt: new Date('2026-03-10T12:00:00.000Z') },
  });
  const interaction = logged.interactions[0]!;
  const clientFor = cachedClients(async () => token, { slackApiUrl: fake.url });
  const sent = await createSlackReminderNotifier({ clientFor, logger: silentLogger }).sendReminder({
    workspaceId: workspace.id,
    assigneeId: users.alice,
    view: presentFollowUp({ ...interaction, followUp: interaction.followUp! }, clock.now()),
    timeZone: 'UTC',
    dateFormat: 'dd/MM/yyyy HH:mm',
  });
  if (!sent.ok || !sent.ref) throw new Error('reminder not sent');
  const [channel, ts] = sent.ref.split(':') as [string, string];
  return { interaction, channel, ts };
}

async function click(
  dm: { interaction: Interaction; channel: string; ts: string },
  actionId: string,
  value: string,
) {
  const payload = blockActionsPayload({
    fake,
    userId: users.alice,
    channelId: dm.channel,
    messageTs: dm.ts,
    action: { action_id: actionId, block_id: BlockId.followUpActions, value },
  });
  const response = await sendInteraction(url, SECRET, payload);
  expect(response.status).toBe(200);
}

const ref = (dm: { interaction: Interaction }) =>
  encodeValue(ButtonValue.followUp, { i: dm.interaction.id, c: dm.interaction.contactId });
const current = (dm: { interaction: Interaction }) =>
  storageOf(container).repositories.interactions.findById(workspace.id, dm.interaction.id);
const dmMessage = (dm: { channel: string; ts: string }) =>
  fake.messages(dm.channel).find((m) => m.ts === dm.ts)!;

describe('reminder DM buttons', () => {
  it('Done closes the follow-up and updates the DM without its buttons', async () => {
    const dm = await reminderDm();
    await click(dm, itemActionId(ItemActionPrefix.followUpDone, dm.interaction.id), ref(dm));
    expect((await current(dm))?.followUp?.status).toBe('done');
    const message = dmMessage(dm);
    expect(JSON.stringify(message.blocks)).toContain('Done — marked by');
    expect(message.blocks?.some((block) => block.type === 'actions')).toBe(false);
  });

  it('Snooze until tomorrow uses the assignee’s Slack timezone and moves the queued reminder', async () => {
    const dm = await reminderDm();
    const value = encodeValue(ButtonValue.snooze, { i: dm.interaction.id, p: 'tomorrow' });
    await click(dm, ActionId.followUpSnoozeTomorrow, value);
    const expected = snoozeUntil('tomorrow', clock.now(), 'Europe/Paris'); // Alice's tz in the fake
    expect((await current(dm))?.followUp?.snoozedUntil?.toISOString()).toBe(expected.toISOString());
    const { storage } = store;
    if (!isSqliteStorage(storage)) throw new Error('the default store is SQLite');
    const jobs = storedJobs(storage.database.db, 'send-follow-up-reminder')
      .map((job) => JSON.parse(job.data))
      .filter((data) => data.workspaceId === workspace.id && data.interactionId === dm.interaction.id);
    expect(jobs.map((data) => data.fireAt)).toEqual([expected.toISOString()]);
    expect(JSON.stringify(dmMessage(dm).blocks)).toContain('Snoozed until');
  });

  it('Snooze 1 hour words the new time on the assignee’s own clock, not the workspace’s', async () => {
    const dm = await reminderDm();
    const value = encodeValue(ButtonValue.snooze, { i: dm.interaction.id, p: '1h' });
    await click(dm, ActionId.followUpSnooze1h, value);
    const until = (await current(dm))?.followUp?.snoozedUntil;
    expect(until?.toISOString()).toBe('2026-03-10T11:00:00.000Z');
    // The date token's fallback (what a client without date rendering shows): Alice is in Paris.
    const blocks = JSON.stringify(dmMessage(dm).blocks);
    const epoch = Math.floor(until!.getTime() / 1000);
    expect(blocks).toContain(`Snoozed until <!date^${epoch}^{date_short_pretty} at {time}|10/03/2026 12:00>`);
    expect(blocks).toContain(`Due <!date^${epoch}^{date_short_pretty} at {time}|10/03/2026 12:00>`);
  });

  it('Snooze keeps Done, Snooze and Log the follow-up on the DM, as the Teams card does', async () => {
    const dm = await reminderDm();
    await click(
      dm,
      ActionId.followUpSnooze1h,
      encodeValue(ButtonValue.snooze, { i: dm.interaction.id, p: '1h' }),
    );
    const buttons = (dmMessage(dm).blocks ?? [])
      .filter((block) => block.type === 'actions')
      .flatMap((block) => (block as { elements: Array<{ text?: { text: string } }> }).elements)
      .map((element) => element.text?.text);
    expect(buttons).toEqual(expect.arrayContaining(['Done', 'Snooze 1 hour', 'Log the follow-up']));
  });

  it('Add to calendar uploads an .ics in the DM and says so', async () => {
    const dm = await reminderDm();
    await click(dm, ActionId.followUpCalendar, ref(dm));
    const file = fake.files().find((f) => f.filename.endsWith('.ics') && f.channels.includes(dm.channel));
    expect(fake.fileContent(file!.id)?.toString()).toContain('DTSTART:20260310T120000Z');
    expect(JSON.stringify(dmMessage(dm).blocks)).toContain('Calendar file sent below');
  });

  it('Open the timeline posts the contact timeline in the DM', async () => {
    const dm = await reminderDm();
    await click(dm, itemActionId(ItemActionPrefix.followUpOpenTimeline, dm.interaction.id), ref(dm));
    expect(fake.messages(dm.channel).some((m) => m.text.startsWith('Timeline of Élise Lévy'))).toBe(true);
  });
});
