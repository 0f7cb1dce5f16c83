import { beforeAll, describe, expect, it } from 'vitest';
import {
  ActionIdPattern,
  BlockId,
  CallbackId,
  InteractionFormField as F,
  ItemActionPrefix,
  itemActionId,
  ResultBlockId,
} from '../../../src/adapters/slack/ids.js';
import { cachedClients } from '../../../src/adapters/slack/notifiers/slack-clients.js';
import { createSlackReminderNotifier } from '../../../src/adapters/slack/notifiers/slack-reminder-notifier.js';
import { ButtonValue, encodeValue } from '../../../src/adapters/slack/payloads/action-values.js';
import { storageOf } from '../../../src/app/container.js';
import type { Contact } from '../../../src/core/contacts/contact.js';
import type { Interaction } from '../../../src/core/interactions/interaction.js';
import { silentLogger } from '../../../src/core/shared/ports.js';
import { presentReminder } from '../../../src/core/views/follow-up-view.js';
import { findElement, lastEphemeral } from '../commands/support.js';
import {
  appHomeOpenedEvent,
  blockActionsPayload,
  eventEnvelope,
  FAKE_DEFAULTS,
  type StoredView,
} from '../fake-slack/index.js';
import {
  ALICE,
  addContact,
  elementOf,
  GENERAL,
  interactionsOf,
  openModal,
  type Seeded,
  seedWorkspace,
  submit,
  textOf,
} from '../forms/form-support.js';
import { useSlackApp } from '../support/slack-app.js';

const HOUR = 60 * 60_000;

describe('"Log the follow-up" on every Slack surface (F13)', () => {
  const slack = useSlackApp();
  let seeded: Seeded;
  let keys = 0;

  beforeAll(async () => {
    seeded = await seedWorkspace(slack);
  });

  /** Alice's follow-up with a new contact, due a minute ago. */
  async function dueFollowUp(name: string): Promise<{ contact: Contact; interaction: Interaction }> {
    const contact = await addContact(slack, seeded.alice, name, 'Lévy');
    const logged = await slack.container.interactions.logInteraction(seeded.alice, {
      idempotencyKey: `fu-log-${++keys}`,
      contactIds: [contact.id],
      type: 'Visit',
      description: `Call ${name} back about the winter list`,
      followUp: { dueAt: new Date(slack.clock.now().getTime() + HOUR) },
    });
    slack.clock.advance(HOUR + 60_000);
    return { contact, interaction: logged.interactions[0]! };
  }

  /** The form opened is the full log form, with the contact chosen and the closing said. */
  function expectFullFormFor(form: StoredView, contact: Contact) {
    expect(form.definition.callback_id).toBe(CallbackId.logForm);
    const contacts = elementOf(form, F.contacts)?.initial_options as { value: string }[] | undefined;
    expect(contacts?.map((option) => option.value)).toEqual([contact.id]);
    for (const field of [F.type, F.actions, F.description, F.date, F.followUpDate, F.important]) {
      expect(elementOf(form, field), field.blockId).toBeDefined();
    }
    expect(textOf(form.definition.blocks)).toContain('Logging this marks the follow-up as done.');
  }

  /** Submits the form as the user fills it in, and checks the log and the closed follow-up. */
  async function logIt(form: StoredView, contact: Contact, interaction: Interaction) {
    const response = await submit(slack, form, {
      contacts: [{ id: contact.id }],
      type: 'Call',
      description: `Called ${contact.firstName} back`,
      date: '2026-11-16',
      time: '09:30',
    });
    expect(response.status).toBe(200);
    expect(response.body).toBe('');
    const logged = await interactionsOf(slack, seeded.alice, [contact.id]);
    expect(logged.map((record) => record.description)).toContain(`Called ${contact.firstName} back`);
    const original = await storageOf(slack.container).repositories.interactions.findById(
      seeded.workspace.id,
      interaction.id,
    );
    expect(original?.followUp).toMatchObject({ status: 'done', doneBy: ALICE });
  }

  it('from the reminder DM: the full log form for the contact; logging closes it and updates the DM', async () => {
    const { contact, interaction } = await dueFollowUp('Ada');
    const clientFor = cachedClients(async () => FAKE_DEFAULTS.token, { slackApiUrl: slack.fake.url });
    const sent = await createSlackReminderNotifier({ clientFor, logger: silentLogger }).sendReminder({
      workspaceId: seeded.workspace.id,
      assigneeId: ALICE,
      view: presentReminder({ ...interaction, followUp: interaction.followUp! }, slack.clock.now()),
      timeZone: 'UTC',
      dateFormat: 'dd/MM/yyyy HH:mm',
    });
    if (!sent.ok || !sent.ref) throw new Error('reminder not sent');
    const [channel, ts] = sent.ref.split(':') as [string, string];
    const dm = () => slack.fake.messages(channel).find((message) => message.ts === ts);
    const button = findElement(dm()?.blocks, ActionIdPattern.followUpLog);

    const clicked = await slack.interact(
      blockActionsPayload({
        fake: slack.fake,
        userId: ALICE,
        channelId: channel,
        messageTs: ts,
        action: {
          action_id: String(button.action_id),
          block_id: BlockId.followUpActions,
          value: String(button.value),
        },
      }),
    );
    expect(clicked.status).toBe(200);
    const form = openModal(slack);
    expectFullFormFor(form, contact);
    await logIt(form, contact, interaction);

    const updated = JSON.stringify(dm()?.blocks);
    expect(updated).toContain('Follow-up logged and marked done by');
    expect(dm()?.blocks?.some((block) => block.type === 'actions')).toBe(false);
    const confirmation = slack.fake.ephemeralMessages(channel).at(-1);
    expect(JSON.stringify(confirmation?.blocks)).toContain('is marked done');
  });

  it('from the App Home: the same form, and the follow-up leaves the Home once logged', async () => {
    const { contact, interaction } = await dueFollowUp('Bea');
    await slack.event(
      eventEnvelope(appHomeOpenedEvent({ fake: slack.fake, userId: ALICE }), { fake: slack.fake }),
    );
    const home = slack.fake.homeView(ALICE)!;
    expect(JSON.stringify(home.definition.blocks)).toContain(BlockId.homeFollowUp(interaction.id));
    const button = findElement(
      home.definition.blocks,
      itemActionId(ItemActionPrefix.followUpLog, interaction.id),
    );

    await slack.interact(
      blockActionsPayload({
        fake: slack.fake,
        view: home,
        action: {
          action_id: String(button.action_id),
          block_id: BlockId.homeFollowUpActions(interaction.id),
          value: encodeValue(ButtonValue.followUp, { i: interaction.id, c: contact.id }),
        },
      }),
    );
    const form = openModal(slack);
    expectFullFormFor(form, contact);
    await logIt(form, contact, interaction);
    const blockIds = (slack.fake.homeView(ALICE)!.definition.blocks as { block_id?: string }[]).map(
      (block) => block.block_id,
    );
    expect(blockIds).not.toContain(BlockId.homeFollowUp(interaction.id));
  });

  it('says inline, writing nothing, when the follow-up’s contact is taken out of the form', async () => {
    const { contact, interaction } = await dueFollowUp('Dee');
    const other = await addContact(slack, seeded.alice, 'Eve', 'Roy');
    await slack.command('followups');
    const button = findElement(
      lastEphemeral(slack, GENERAL).blocks,
      itemActionId(ItemActionPrefix.followUpLog, interaction.id),
    );
    await slack.interact(
      blockActionsPayload({
        fake: slack.fake,
        userId: ALICE,
        channelId: GENERAL,
        action: {
          action_id: String(button.action_id),
          block_id: ResultBlockId.followUpListActions(interaction.id),
          value: String(button.value),
        },
      }),
    );
    const form = openModal(slack);
    const response = await submit(slack, form, { contacts: [{ id: other.id }], type: 'Call' });
    expect(response.body).toMatchObject({
      response_action: 'errors',
      errors: { [F.contacts.blockId]: expect.stringContaining('keep the contact it is about') },
    });
    expect(await interactionsOf(slack, seeded.alice, [other.id])).toEqual([]);
    expect(await interactionsOf(slack, seeded.alice, [contact.id])).toHaveLength(1);
    const original = await storageOf(slack.container).repositories.interactions.findById(
      seeded.workspace.id,
      interaction.id,
    );
    expect(original?.followUp?.status).toBe('open');
  });

  it('from the follow-ups list: the same form, and logging closes the follow-up', async () => {
    const { contact, interaction } = await dueFollowUp('Cy');
    await slack.command('followups');
    const list = lastEphemeral(slack, GENERAL);
    const button = findElement(list.blocks, itemActionId(ItemActionPrefix.followUpLog, interaction.id));

    await slack.interact(
      blockActionsPayload({
        fake: slack.fake,
        userId: ALICE,
        channelId: GENERAL,
        action: {
          action_id: String(button.action_id),
          block_id: ResultBlockId.followUpListActions(interaction.id),
          value: String(button.value),
        },
      }),
    );
    const form = openModal(slack);
    expectFullFormFor(form, contact);
    await logIt(form, contact, interaction);
    expect(JSON.stringify(lastEphemeral(slack, GENERAL).blocks)).toContain('is marked done');
  });
});
