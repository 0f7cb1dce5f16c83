import { beforeAll, describe, expect, it } from 'vitest';
import {
  ActionId,
  BlockId,
  CallbackId,
  ContactActionId,
  ContactBlockId,
  ContactCallbackId,
  ContactSearchField,
  ItemActionPrefix,
  itemActionId,
} from '../../../src/adapters/slack/ids.js';
import type { Tenant } from '../../../src/adapters/slack/middleware/tenant.js';
import {
  ButtonValue,
  ContactButtonValue,
  encodeValue,
} from '../../../src/adapters/slack/payloads/action-values.js';
import type { Contact } from '../../../src/core/contacts/contact.js';
import type { Interaction } from '../../../src/core/interactions/interaction.js';
import {
  ALICE,
  allText,
  BOB,
  modalOpenedBy,
  openView,
  tenantFor,
  textValues,
} from '../contacts/slack-test-kit.js';
import {
  appHomeOpenedEvent,
  blockActionsPayload,
  eventEnvelope,
  viewSubmissionPayload,
} from '../fake-slack/index.js';
import { useSlackApp } from '../support/slack-app.js';

const HOUR = 60 * 60 * 1000;

describe('the App Home (F12)', () => {
  const slack = useSlackApp();
  let alice: Tenant;
  let bob: Tenant;
  let contact: Contact;
  let keys = 0;

  async function log(tenant: Tenant, description: string, followUpInMs?: number): Promise<Interaction> {
    const now = slack.clock.now();
    const result = await slack.container.interactions.logInteraction(tenant.actor, {
      idempotencyKey: `home-${++keys}`,
      contactIds: [contact.id],
      type: 'Call',
      description,
      ...(followUpInMs ? { followUp: { dueAt: new Date(now.getTime() + followUpInMs).toISOString() } } : {}),
    });
    const interaction = result.interactions[0];
    if (!interaction) throw new Error('nothing logged');
    return interaction;
  }

  function openHome(userId: string = ALICE) {
    return slack.event(eventEnvelope(appHomeOpenedEvent({ fake: slack.fake, userId }), { fake: slack.fake }));
  }

  function homeText(userId: string = ALICE): string {
    const home = slack.fake.homeView(userId);
    if (!home) throw new Error(`no home for ${userId}`);
    return allText(home.definition.blocks);
  }

  beforeAll(async () => {
    alice = await tenantFor(slack, ALICE);
    bob = await tenantFor(slack, BOB);
    contact = await slack.container.contacts.createContact(alice.actor, {
      firstName: 'Marie',
      lastName: 'Lévy',
    });
    await log(alice, 'Call back about the winter list', HOUR);
    await log(alice, 'Send the brochure', 48 * HOUR);
    await log(alice, 'Just a chat');
    await log(bob, "Bob's own follow-up", 24 * HOUR);
    slack.clock.advance(2 * HOUR);
  });

  it("publishes the user's overdue and upcoming follow-ups and recent interactions when Home opens", async () => {
    const response = await openHome();
    expect(response.status).toBe(200);
    const text = homeText();
    expect(text).toContain('Overdue');
    expect(text).toContain('Call back about the winter list');
    expect(text).toContain('Coming up');
    expect(text).toContain('Send the brochure');
    expect(text).toContain('Your recent interactions');
    expect(text).toContain('Just a chat');
    expect(text).not.toContain("Bob's own follow-up");
  });

  it('handles an event Slack redelivers with a retry number once', async () => {
    const envelope = eventEnvelope(appHomeOpenedEvent({ fake: slack.fake }), { fake: slack.fake });
    const before = slack.fake.callsTo('views.publish').length;
    await slack.event(envelope);
    const retried = await slack.event(envelope, { retryNum: 1, retryReason: 'http_timeout' });
    expect(retried.status).toBe(200);
    expect(slack.fake.callsTo('views.publish')).toHaveLength(before + 1);
  });

  it('marks a follow-up done from Home and redraws Home without it', async () => {
    // Bob's own overdue follow-up, so alice's Home stays as the other tests expect it.
    const overdue = await log(bob, 'Bring back the ladder', HOUR);
    slack.clock.advance(2 * HOUR);
    await openHome(BOB);
    expect(homeText(BOB)).toContain('Overdue');
    const home = slack.fake.homeView(BOB);
    if (!home) throw new Error('no home');
    await slack.interact(
      blockActionsPayload({
        fake: slack.fake,
        view: home,
        action: {
          action_id: itemActionId(ItemActionPrefix.followUpDone, overdue.id),
          block_id: BlockId.homeFollowUpActions(overdue.id),
          value: encodeValue(ButtonValue.followUp, { i: overdue.id, c: contact.id }),
        },
        userId: BOB,
      }),
    );
    const open = await slack.container.followUps.listMyFollowUps(bob.actor, { scope: 'open' });
    expect(open.map((interaction) => interaction.id)).not.toContain(overdue.id);
    expect(homeText(BOB)).not.toContain('Overdue');
  });

  it('snoozes a follow-up from Home until tomorrow', async () => {
    const upcoming = await log(alice, 'Snooze me', 3 * HOUR);
    await openHome();
    const home = slack.fake.homeView(ALICE);
    if (!home) throw new Error('no home');
    const value = encodeValue(ButtonValue.snooze, { i: upcoming.id, p: 'tomorrow' });
    await slack.interact(
      blockActionsPayload(
        { fake: slack.fake, view: home },
        {
          actions: [
            {
              type: 'static_select',
              action_id: itemActionId(ItemActionPrefix.followUpSnoozeSelect, upcoming.id),
              block_id: BlockId.homeFollowUpActions(upcoming.id),
              selected_option: { text: { type: 'plain_text', text: 'Snooze until tomorrow' }, value },
              placeholder: { type: 'plain_text', text: 'Snooze…' },
              action_ts: '1',
            },
          ],
        },
      ),
    );
    const open = await slack.container.followUps.listMyFollowUps(alice.actor, { scope: 'open' });
    const snoozed = open.find((interaction) => interaction.id === upcoming.id);
    expect(snoozed?.followUp?.snoozedUntil?.getTime()).toBeGreaterThan(
      slack.clock.now().getTime() + 12 * HOUR,
    );
  });

  it('opens the log form from the Home quick actions', async () => {
    await openHome();
    const home = slack.fake.homeView(ALICE);
    if (!home) throw new Error('no home');
    const form = await modalOpenedBy(slack, CallbackId.logForm, () =>
      slack.interact(
        blockActionsPayload({
          fake: slack.fake,
          view: home,
          action: { action_id: ActionId.logInteraction, block_id: BlockId.homeActions, value: undefined },
        }),
      ),
    );
    expect(form.definition.title).toMatchObject({ text: 'Log an interaction' });
    expect(form.definition.submit).toMatchObject({ type: 'plain_text' });
  });

  it('searches contacts from Home and sends the timeline of one by DM', async () => {
    await openHome();
    const home = slack.fake.homeView(ALICE);
    if (!home) throw new Error('no home');
    await slack.interact(
      blockActionsPayload({
        fake: slack.fake,
        view: home,
        action: { action_id: ActionId.homeSearch, block_id: BlockId.homeActions, value: undefined },
      }),
    );
    const form = openView(slack, ContactCallbackId.search);
    const searched = await slack.interact(
      viewSubmissionPayload({
        fake: slack.fake,
        view: form,
        values: textValues([[ContactSearchField.text, 'levy']]),
      }),
    );
    expect(searched.body).toMatchObject({ response_action: 'update' });
    expect(JSON.stringify(searched.body)).toContain('Marie Lévy');

    await slack.interact(
      blockActionsPayload({
        fake: slack.fake,
        view: form,
        action: {
          action_id: ContactActionId.timeline,
          block_id: ContactBlockId.result(contact.id),
          value: encodeValue(ContactButtonValue.contact, { c: contact.id }),
        },
      }),
    );
    expect(slack.fake.messages(ALICE).at(-1)?.text).toContain('Timeline of Marie Lévy');
  });

  it('stays within 100 blocks with many follow-ups and interactions', async () => {
    for (let n = 0; n < 40; n++) await log(bob, `Bob follow-up ${n}`, (n + 3) * HOUR);
    const before = slack.fake.callsTo('views.publish').length;
    await openHome(BOB);
    const calls = slack.fake.callsTo('views.publish');
    expect(calls).toHaveLength(before + 1);
    expect(calls.at(-1)?.ok).toBe(true);
    const home = slack.fake.homeView(BOB);
    expect(home?.definition.blocks).toBeInstanceOf(Array);
    const blocks = home?.definition.blocks;
    expect(Array.isArray(blocks) ? blocks.length : 0).toBeLessThanOrEqual(100);
    expect(homeText(BOB)).toContain('more');
  });
});
