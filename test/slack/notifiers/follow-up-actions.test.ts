import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ActionId, BlockId, ItemActionPrefix, itemActionId } from '../../../src/adapters/slack/ids.js';
import { cachedClients } from '../../../src/adapters/slack/notifiers/slack-clients.js';
import { createSlackReminderNotifier } from '../../../src/adapters/slack/notifiers/slack-reminder-notifier.js';
import { ButtonValue, encodeValue } from '../../../src/adapters/slack/payloads/action-values.js';
import { storageOf } from '../../../src/app/container.js';
import { snoozeUntil } from '../../../src/core/followups/follow-up.schemas.js';
import type { Interaction } from '../../../src/core/interactions/interaction.js';
import type { Actor } from '../../../src/core/shared/actor.js';
import { silentLogger } from '../../../src/core/shared/ports.js';
import { presentFollowUp } from '../../../src/core/views/follow-up-view.js';
import type { Workspace } from '../../../src/core/workspaces/workspace.js';
import { isSqliteStorage } from '../../../src/infra/sqlite/open-sqlite-store.js';
import { storedJobs } from '../../jobs/support/sqlite-jobs-file.js';
import { seedContact } from '../../support/fixtures.js';
import { blockActionsPayload, FAKE_DEFAULTS } from '../fake-slack/index.js';
import { useSlackApp } from '../support/slack-app.js';

const { users, token, teamId } = FAKE_DEFAULTS;
/** The production container and Slack app; reminders queued in the store's jobs (WORKER=off). */
const slack = useSlackApp({ scheduling: true });
let workspace: Workspace;
let alice: Actor;
let keys = 0;

beforeAll(async () => {
  slack.clock.set('2026-03-10T10:00:00.000Z');
  workspace = await slack.container.workspaces.resolveWorkspace({
    platform: 'slack',
    externalId: teamId,
    name: 'fake',
  });
  alice = await slack.container.workspaces.resolveActor({
    workspace,
    userId: users.alice,
    displayName: 'alice',
    // What users.info says of her: the workspace's primary owner, in Paris.
    facts: { platformAdmin: true, timezone: 'Europe/Paris' },
  });
});
beforeEach(() => {
  slack.clock.set('2026-03-10T10:00:00.000Z');
});

/** A follow-up for Alice, its reminder DM sent by the real notifier: the message to click on. */
async function reminderDm(): Promise<{ interaction: Interaction; channel: string; ts: string }> {
  const contact = await seedContact(storageOf(slack.container).repositories, workspace.id, {
    firstName: 'Élise',
    lastName: 'Lévy',
  });
  const logged = await slack.container.interactions.logInteraction(alice, {
    idempotencyKey: `act-${++keys}`,
    contactIds: [contact.id],
    type: 'Visit',
    description: 'Bring the forms',
    followUp: { dueAt: new Date('2026-03-10T12:00:00.000Z') },
  });
  const interaction = logged.interactions[0]!;
  const clientFor = cachedClients(async () => token, { slackApiUrl: slack.fake.url });
  const sent = await createSlackReminderNotifier({ clientFor, logger: silentLogger }).sendReminder({
    workspaceId: workspace.id,
    assigneeId: users.alice,
    view: presentFollowUp({ ...interaction, followUp: interaction.followUp! }, slack.clock.now()),
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
    fake: slack.fake,
    userId: users.alice,
    channelId: dm.channel,
    messageTs: dm.ts,
    action: { action_id: actionId, block_id: BlockId.followUpActions, value },
  });
  const response = await slack.interact(payload);
  expect(response.status).toBe(200);
}

const ref = (dm: { interaction: Interaction }) =>
  encodeValue(ButtonValue.followUp, { i: dm.interaction.id, c: dm.interaction.contactId });
const current = (dm: { interaction: Interaction }) =>
  storageOf(slack.container).repositories.interactions.findById(workspace.id, dm.interaction.id);
const dmMessage = (dm: { channel: string; ts: string }) =>
  slack.fake.messages(dm.channel).find((m) => m.ts === dm.ts)!;

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
    const expected = snoozeUntil('tomorrow', slack.clock.now(), 'Europe/Paris'); // Alice's tz in the fake
    expect((await current(dm))?.followUp?.snoozedUntil?.toISOString()).toBe(expected.toISOString());
    const { storage } = slack.store;
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
    const file = slack.fake
      .files()
      .find((f) => f.filename.endsWith('.ics') && f.channels.includes(dm.channel));
    expect(slack.fake.fileContent(file!.id)?.toString()).toContain('DTSTART:20260310T120000Z');
    expect(JSON.stringify(dmMessage(dm).blocks)).toContain('Calendar file sent below');
  });

  it('Open the timeline posts the contact timeline in the DM', async () => {
    const dm = await reminderDm();
    await click(dm, itemActionId(ItemActionPrefix.followUpOpenTimeline, dm.interaction.id), ref(dm));
    expect(slack.fake.messages(dm.channel).some((m) => m.text.startsWith('Timeline of Élise Lévy'))).toBe(
      true,
    );
  });
});
