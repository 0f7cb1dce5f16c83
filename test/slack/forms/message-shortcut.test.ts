import { beforeAll, describe, expect, it } from 'vitest';
import { CallbackId, InteractionFormField as F } from '../../../src/adapters/slack/ids.js';
import { messageShortcutPayload, webClientFor } from '../fake-slack/index.js';
import { useSlackApp } from '../support/slack-app.js';
import {
  ALICE,
  addContact,
  blocksOf,
  elementOf,
  GENERAL,
  interactionsOf,
  openModal,
  type Seeded,
  seedWorkspace,
  submit,
  textOf,
} from './form-support.js';

describe('"Log as interaction" on a message (F6)', () => {
  const slack = useSlackApp();
  let seeded: Seeded;
  beforeAll(async () => {
    seeded = await seedWorkspace(slack);
  });

  async function postMessage(text: string): Promise<string> {
    const posted = await webClientFor(slack.fake).chat.postMessage({ channel: GENERAL, text });
    return posted.ts!;
  }

  function shortcut(ts: string, text: string) {
    return messageShortcutPayload({
      fake: slack.fake,
      callbackId: CallbackId.logMessageShortcut,
      channelId: GENERAL,
      message: { type: 'message', ts, text, user: ALICE },
    });
  }

  it('opens the form with the message as description and logs it with a link back to the message', async () => {
    const text = 'Mrs Lévy called: she needs a lift on Sunday';
    const ts = await postMessage(text);
    await slack.interact(shortcut(ts, text));
    const view = openModal(slack);
    expect(elementOf(view, F.description)).toMatchObject({ initial_value: text });

    const contact = await addContact(slack, seeded.alice, 'Miriam', 'Lévy');
    const ephemeralBefore = slack.fake.ephemeralMessages(GENERAL).length;
    const response = await submit(slack, view, {
      contacts: [{ id: contact.id }],
      type: 'Call',
      description: text,
    });
    expect(response.body).toBe('');
    const [record] = await interactionsOf(slack, seeded.alice, [contact.id]);
    expect(record?.description).toBe(text);
    expect(record?.source).toEqual({
      kind: 'chat-message',
      link: `https://fake.slack.test/archives/${GENERAL}/p${ts.replace('.', '')}`,
    });
    // Confirmed where the shortcut was used, to the user only.
    const confirmation = slack.fake.ephemeralMessages(GENERAL).slice(ephemeralBefore);
    expect(confirmation).toHaveLength(1);
    expect(confirmation[0]?.user).toBe(ALICE);
    expect(textOf(confirmation[0]?.blocks)).toContain('Miriam Lévy');
  });

  it('cuts a message too long for a Slack input, says so, and keeps the link', async () => {
    const text = `Long report. ${'word '.repeat(1000)}`;
    const ts = await postMessage(text);
    await slack.interact(shortcut(ts, text));
    expect(slack.fake.callsTo('views.open').at(-1)?.ok).toBe(true);
    const view = openModal(slack);
    const initial = elementOf(view, F.description)?.initial_value as string;
    expect(initial.length).toBeLessThanOrEqual(3000);
    expect(initial.endsWith('…')).toBe(true);
    expect(JSON.stringify(blocksOf(view))).toContain('shortened');

    const contact = await addContact(slack, seeded.alice, 'Long', 'Message');
    await submit(slack, view, { contacts: [{ id: contact.id }], type: 'Note', description: initial });
    const [record] = await interactionsOf(slack, seeded.alice, [contact.id]);
    expect(record?.source.link).toContain(ts.replace('.', ''));
  });

  it('opens when Slack delivers the shortcut within 3 seconds', async () => {
    const ts = await postMessage('quick');
    const payload = shortcut(ts, 'quick');
    slack.fake.advanceTime(2900);
    await slack.interact(payload);
    expect(slack.fake.callsTo('views.open').at(-1)?.ok).toBe(true);
  });

  it('says "try again" in the channel when the trigger expired before the form could open', async () => {
    const ts = await postMessage('slow');
    const payload = shortcut(ts, 'slow');
    slack.fake.advanceTime(4000);
    const before = slack.fake.ephemeralMessages(GENERAL).length;
    const response = await slack.interact(payload);
    expect(response.status).toBe(200);
    expect(slack.fake.callsTo('views.open').at(-1)?.error).toBe('expired_trigger_id');
    const [notice] = slack.fake.ephemeralMessages(GENERAL).slice(before);
    expect(notice?.user).toBe(ALICE);
    expect(notice?.text).toMatch(/took too long.*try again/i);
  });
});
