import { beforeAll, describe, expect, it } from 'vitest';
import {
  CallbackId,
  ContactActionId,
  ContactBlockId,
  ContactCallbackId,
  ContactMergeField,
  ResultActionId,
} from '../../../src/adapters/slack/ids.js';
import { respondContactSearch } from '../../../src/adapters/slack/listeners/support/find-contacts.js';
import type { Tenant } from '../../../src/adapters/slack/middleware/tenant.js';
import {
  ButtonValue,
  ContactButtonValue,
  encodeValue,
} from '../../../src/adapters/slack/payloads/action-values.js';
import type { Contact } from '../../../src/core/contacts/contact.js';
import { blockActionsPayload, blockSuggestionPayload, viewSubmissionPayload } from '../fake-slack/index.js';
import { useSlackApp } from '../support/slack-app.js';
import {
  ALICE,
  ackErrors,
  allText,
  depsFor,
  GENERAL,
  openView,
  respondVia,
  stateValue,
  tenantFor,
} from './slack-test-kit.js';

describe('contact find (F11)', () => {
  const slack = useSlackApp();
  let alice: Tenant;
  let marie: Contact;

  beforeAll(async () => {
    alice = await tenantFor(slack, ALICE);
    marie = await slack.container.contacts.createContact(alice.actor, {
      firstName: 'Marie',
      lastName: 'Lévy',
      emails: ['marie@example.org'],
      organisation: 'Acme',
    });
  });

  async function find(text: string) {
    await respondContactSearch(respondVia(slack, GENERAL), alice, depsFor(slack), text);
    const reply = slack.fake.ephemeralMessages(GENERAL).at(-1);
    if (!reply) throw new Error('no ephemeral reply');
    return reply;
  }

  function click(actionId: string, contact: Contact) {
    return slack.interact(
      blockActionsPayload({
        fake: slack.fake,
        channelId: GENERAL,
        action: {
          action_id: actionId,
          block_id: ContactBlockId.result(contact.id),
          value: encodeValue(ContactButtonValue.contact, { c: contact.id }),
        },
      }),
    );
  }

  it('finds "Lévy" when searching "levy", with log, timeline, edit and merge buttons', async () => {
    const reply = await find('levy');
    const text = allText(reply.blocks);
    expect(text).toContain('1 contact matches “levy”');
    expect(text).toContain('*Marie Lévy* · Acme');
    expect(text).toContain('marie@example.org');
    const ids = JSON.stringify(reply.blocks);
    for (const id of [
      ContactActionId.log,
      ResultActionId.timelinePick,
      ContactActionId.edit,
      ContactActionId.merge,
    ])
      expect(ids).toContain(id);
  });

  it('escapes a contact whose name looks like a mention', async () => {
    await slack.container.contacts.createContact(alice.actor, { firstName: '<@U0002>', lastName: '& co' });
    const reply = await find('& co');
    const text = allText(reply.blocks);
    expect(text).toContain('&lt;@U0002&gt; &amp; co');
    expect(text).not.toContain('<@U0002>');
  });

  it('shows at most ten contacts and counts the rest', async () => {
    for (let n = 1; n <= 12; n++) {
      await slack.container.contacts.createContact(alice.actor, {
        firstName: 'Member',
        lastName: `Club ${String(n).padStart(2, '0')}`,
      });
    }
    const reply = await find('member club');
    const text = allText(reply.blocks);
    expect(text).toContain('12 contacts match');
    expect(text).toContain('Club 10');
    expect(text).not.toContain('Club 11');
    expect(text).toContain('…and 2 more');
    expect(reply.blocks?.length).toBeLessThanOrEqual(50);
  });

  it('says so when nothing matches', async () => {
    const reply = await find('zzzz nobody');
    expect(reply.text).toContain('No contact matches');
  });

  it('routes "See all interactions" to the timeline results, which draw it in place', async () => {
    await find('levy');
    const response = await slack.interact(
      blockActionsPayload({
        fake: slack.fake,
        channelId: GENERAL,
        action: {
          action_id: ResultActionId.timelinePick,
          block_id: ContactBlockId.result(marie.id),
          value: encodeValue(ButtonValue.timeline, { k: 'contact', s: marie.id }),
        },
      }),
    );
    expect(response.status).toBe(200);
    const reply = slack.fake.ephemeralMessages(GENERAL).at(-1);
    expect(reply?.text).toContain('Timeline of Marie Lévy');
  });

  it('opens the log form for the contact from a result', async () => {
    await click(ContactActionId.log, marie);
    const view = openView(slack, CallbackId.logForm);
    expect(JSON.stringify(view.definition.blocks)).toContain(marie.id);
  });

  it('opens the edit form from a result', async () => {
    await click(ContactActionId.edit, marie);
    const view = openView(slack, CallbackId.contactForm);
    expect(JSON.stringify(view.definition.blocks)).toContain('marie@example.org');
  });

  it('merges a duplicate into the contact picked in the merge modal', async () => {
    const duplicate = await slack.container.contacts.createContact(alice.actor, {
      firstName: 'Marie',
      lastName: 'Levy',
      phones: ['06 11 22 33 44'],
    });
    await click(ContactActionId.merge, duplicate);
    const view = openView(slack, ContactCallbackId.merge);
    expect(allText(view.definition.blocks)).toContain('Merge *Marie Levy*');

    const suggestions = await slack.interact(
      blockSuggestionPayload({
        fake: slack.fake,
        actionId: ContactMergeField.target.actionId,
        blockId: ContactMergeField.target.blockId,
        value: 'marie',
        view,
      }),
    );
    const options = JSON.stringify(suggestions.body);
    expect(options).toContain(marie.id);
    expect(options).not.toContain(duplicate.id);

    const selectTarget = (value: string) =>
      stateValue(ContactMergeField.target, {
        type: 'external_select',
        selected_option: { text: { type: 'plain_text', text: 'x' }, value },
      });
    const itself = await slack.interact(
      viewSubmissionPayload({ fake: slack.fake, view, values: selectTarget(duplicate.id) }),
    );
    expect(ackErrors(itself.body)?.[ContactMergeField.target.blockId]).toContain(
      'cannot be merged with itself',
    );

    const merged = await slack.interact(
      viewSubmissionPayload({ fake: slack.fake, view, values: selectTarget(marie.id) }),
    );
    expect(merged.body).toBe('');
    const kept = await slack.container.contacts.getContact(alice.actor, { id: marie.id });
    expect(kept.phones).toEqual(['06 11 22 33 44']);
    await expect(slack.container.contacts.getContact(alice.actor, { id: duplicate.id })).rejects.toThrow();
    expect(slack.fake.messages(ALICE).at(-1)?.text).toContain('Merged Marie Levy');
  });
});
