import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  ActionId,
  BlockId,
  CallbackId,
  ItemActionPrefix,
  SlashCommand,
} from '../../../src/adapters/slack/ids.js';
import type { Contact } from '../../../src/core/contacts/contact.js';
import {
  appHomeOpenedEvent,
  blockActionsPayload,
  eventEnvelope,
  globalShortcutPayload,
  messageShortcutPayload,
  sendSlashCommand,
  signRequest,
  validateView,
  viewSubmissionPayload,
} from '../fake-slack/index.js';
import {
  ALICE,
  addContact,
  GENERAL,
  interactionsOf,
  type Seeded,
  seedWorkspace,
  textOf,
} from '../forms/form-support.js';
import { SIGNING_SECRET, useSlackApp } from '../support/slack-app.js';
import {
  alter,
  expectOneUnreadableLine,
  recordingLogger,
  referenceIn,
  UNREADABLE_LOG,
  UNREADABLE_TEXT,
} from './unreadable-support.js';

describe('clicks, shortcuts, commands and events whose payload cannot be read', () => {
  const log = recordingLogger();
  const slack = useSlackApp({ logger: log.logger });
  let seeded: Seeded;
  let contact: Contact;
  beforeAll(async () => {
    seeded = await seedWorkspace(slack);
    contact = await addContact(slack, seeded.alice, 'Cleo', 'Clicks');
  });
  beforeEach(() => {
    log.lines.length = 0;
  });

  /** The last thing alice was told ephemerally in #general through a response_url. */
  const lastEphemeral = () => slack.fake.ephemeralMessages(GENERAL).at(-1);

  const olderButton = () =>
    blockActionsPayload({
      fake: slack.fake,
      userId: ALICE,
      action: { action_id: ActionId.timelineOlder, value: '{"k":"contact","s":"x","c":"y"}' },
    });
  const overflow = () =>
    blockActionsPayload(
      { fake: slack.fake, userId: ALICE },
      {
        actions: [
          {
            type: 'overflow',
            action_id: `${ItemActionPrefix.itemMenu}:abc`,
            block_id: 'il.item:abc',
            action_ts: '1.0',
            selected_option: {
              text: { type: 'plain_text', text: 'Delete' },
              value: '{"a":"delete","i":"abc"}',
            },
          },
        ],
      },
    );

  it.each<[string, () => object, string | undefined]>([
    ['actions as a string', () => alter(olderButton(), ['actions'], 'il.timeline.older'), undefined],
    ['no actions', () => alter(olderButton(), ['actions'], []), undefined],
    ['a value as a number', () => alter(olderButton(), ['actions', 0, 'value'], 12), ActionId.timelineOlder],
    ['no user', () => alter(olderButton(), ['user'], null), ActionId.timelineOlder],
    ['the channel as a string', () => alter(olderButton(), ['channel'], GENERAL), ActionId.timelineOlder],
    ['no trigger', () => alter(olderButton(), ['trigger_id'], undefined), ActionId.timelineOlder],
    [
      'an overflow with no chosen option',
      () => alter(overflow(), ['actions', 0, 'selected_option'], undefined),
      `${ItemActionPrefix.itemMenu}:abc`,
    ],
    [
      'an overflow option without text',
      () => alter(overflow(), ['actions', 0, 'selected_option', 'text'], undefined),
      `${ItemActionPrefix.itemMenu}:abc`,
    ],
  ])('a message button with %s: an ephemeral says so, one log line', async (_name, payload, id) => {
    const before = slack.fake.calls.length;
    const response = await slack.interact(payload());

    expect(response.status).toBe(200);
    expect(response.body).toBe('');
    const told = lastEphemeral();
    expect(told?.user).toBe(ALICE);
    expect(told?.text).toMatch(UNREADABLE_TEXT);
    const referenceId = expectOneUnreadableLine(log.lines, {
      surface: 'block_actions',
      ...(id ? { id } : {}),
      secrets: [String((payload() as { response_url?: string }).response_url)],
    });
    expect(referenceIn(told?.text)).toBe(referenceId);
    // No listener ran: one post to the response_url (the answer), not one Web API call.
    expect(slack.fake.calls.slice(before).map((call) => call.method)).toEqual(['response_url']);
  });

  it('a Home tab button with a broken view: the app DM says so', async () => {
    const payload = alter(
      alter(
        blockActionsPayload({
          fake: slack.fake,
          userId: ALICE,
          action: { action_id: ActionId.logInteraction },
        }),
        ['response_url'],
        undefined,
      ),
      ['view'],
      { id: 'VHOME1', type: 'home', state: 'broken' },
    );
    const response = await slack.interact(alter(payload, ['channel'], undefined));

    expect(response.status).toBe(200);
    const dm = slack.fake.messages(ALICE).at(-1);
    expect(dm?.text).toMatch(UNREADABLE_TEXT);
    expect(referenceIn(dm?.text)).toBe(expectOneUnreadableLine(log.lines, { surface: 'block_actions' }));
    expect(slack.fake.callsTo('views.open').filter((call) => call.ok)).toEqual([]);
  });

  it.each<[string, () => object]>([
    ['a user as a string', () => alter(globalShortcut(), ['user'], ALICE)],
    ['a callback id as a number', () => alter(globalShortcut(), ['callback_id'], 3)],
  ])('the global shortcut with %s: a modal says so instead of the form', async (_name, payload) => {
    const response = await slack.interact(payload());

    expect(response.status).toBe(200);
    const opened = slack.fake.callsTo('views.open').at(-1);
    expect(opened?.ok).toBe(true);
    expect(validateView(opened?.args.view).ok).toBe(true);
    expect(textOf(opened?.args.view)).toMatch(/shortcut could not be read/);
    expect(referenceIn(opened?.args.view)).toBe(expectOneUnreadableLine(log.lines, { surface: 'shortcut' }));
  });

  function globalShortcut() {
    return globalShortcutPayload({ fake: slack.fake, userId: ALICE, callbackId: CallbackId.logShortcut });
  }

  it.each<[string, (payload: object) => object]>([
    ['no channel', (payload) => alter(payload, ['channel'], undefined)],
    ['the message as a string', (payload) => alter(payload, ['message'], 'hello')],
    ['message text as an object', (payload) => alter(payload, ['message', 'text'], { text: 'x' })],
  ])('the message shortcut with %s: an ephemeral says so, nothing logged', async (_name, broken) => {
    const payload = messageShortcutPayload({
      fake: slack.fake,
      userId: ALICE,
      callbackId: CallbackId.logMessageShortcut,
      message: { type: 'message', ts: '1700000000.000100', text: 'Met Cleo', user: ALICE },
    });
    const response = await slack.interact(broken(payload));

    expect(response.status).toBe(200);
    expect(lastEphemeral()?.text).toMatch(/shortcut could not be read/);
    expectOneUnreadableLine(log.lines, { surface: 'message_action', id: CallbackId.logMessageShortcut });
    expect(slack.fake.callsTo('views.open').at(-1)?.args.view).not.toMatchObject({
      callback_id: CallbackId.logForm,
    });
  });

  /** A form-encoded command as Bolt would parse it, signed; repeated keys become arrays. */
  async function rawCommand(form: string) {
    const response = await fetch(slack.url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...signRequest(SIGNING_SECRET, form) },
      body: form,
    });
    return {
      status: response.status,
      body: (await response.json()) as { response_type?: string; text?: string },
    };
  }

  it.each<[string, () => Promise<{ status: number; body: unknown }>]>([
    [
      'no trigger',
      () =>
        sendSlashCommand(
          slack.url,
          SIGNING_SECRET,
          { command: SlashCommand.interaction, text: 'log Cleo Call "x"', trigger_id: '' },
          { fake: slack.fake },
        ),
    ],
    [
      'the text twice',
      () => {
        const fields = new URLSearchParams({
          command: SlashCommand.interaction,
          team_id: 'T0001',
          user_id: ALICE,
          channel_id: GENERAL,
          trigger_id: slack.fake.issueTriggerId({ userId: ALICE }),
          response_url: slack.fake.responseUrl(GENERAL, ALICE),
        });
        fields.append('text', 'log Cleo Call "x"');
        fields.append('text', 'log Cleo Call "y"');
        return rawCommand(fields.toString());
      },
    ],
    [
      'no channel',
      () =>
        sendSlashCommand(
          slack.url,
          SIGNING_SECRET,
          { command: SlashCommand.interaction, text: 'log Cleo Call "x"', channel_id: '' },
          { fake: slack.fake },
        ),
    ],
  ])('/interaction with %s: the ack says so, nothing is logged', async (_name, send) => {
    const response = await send();

    expect(response.status).toBe(200);
    const answer = response.body as { response_type?: string; text?: string };
    expect(answer.response_type).toBe('ephemeral');
    expect(answer.text).toMatch(/command could not be read/);
    expect(referenceIn(answer.text)).toBe(
      expectOneUnreadableLine(log.lines, { surface: 'slash_command', id: SlashCommand.interaction }),
    );
    expect(await interactionsOf(slack, seeded.alice, [contact.id])).toEqual([]);
  });

  it.each<[string, () => object, string | undefined]>([
    [
      'a tab as a number',
      () => eventEnvelope(appHomeOpenedEvent({ fake: slack.fake, userId: ALICE }, { tab: 7 as never })),
      'app_home_opened',
    ],
    [
      'no user',
      () =>
        alter(
          eventEnvelope(appHomeOpenedEvent({ fake: slack.fake, userId: ALICE })),
          ['event', 'user'],
          undefined,
        ),
      'app_home_opened',
    ],
    [
      'a null event',
      () => alter(eventEnvelope(appHomeOpenedEvent({ fake: slack.fake, userId: ALICE })), ['event'], null),
      undefined,
    ],
    [
      'an event as a string',
      () =>
        alter(
          eventEnvelope(appHomeOpenedEvent({ fake: slack.fake, userId: ALICE })),
          ['event'],
          'app_home_opened',
        ),
      undefined,
    ],
    [
      'revoked tokens as a string',
      () => eventEnvelope({ type: 'tokens_revoked', tokens: 'bot' }),
      'tokens_revoked',
    ],
  ])('an event with %s: ignored with one log line', async (_name, envelope, id) => {
    const published = slack.fake.callsTo('views.publish').length;
    const response = await slack.event(envelope());

    expect(response.status).toBe(200);
    expectOneUnreadableLine(log.lines, { surface: 'event_callback', ...(id ? { id } : {}) });
    expect(slack.fake.callsTo('views.publish')).toHaveLength(published);
  });

  it('a closed modal whose payload cannot be read: acked, one log line, nothing else', async () => {
    const before = slack.fake.calls.length;
    const closed = {
      ...viewSubmissionPayload({ fake: slack.fake, userId: ALICE }),
      type: 'view_closed',
      view: null,
    };
    const response = await slack.interact(closed);

    expect(response.status).toBe(200);
    expect(response.body).toBe('');
    expectOneUnreadableLine(log.lines, { surface: 'view_closed' });
    expect(slack.fake.calls.slice(before)).toEqual([]);
  });

  it('well-formed payloads with fields nobody knows work as before', async () => {
    const published = slack.fake.callsTo('views.publish').length;
    const home = alter(
      eventEnvelope(appHomeOpenedEvent({ fake: slack.fake, userId: ALICE })),
      ['event', 'new_field'],
      { a: [1] },
    );
    expect((await slack.event(home)).status).toBe(200);
    expect(slack.fake.callsTo('views.publish')).toHaveLength(published + 1);

    const shortcut = alter(globalShortcut(), ['brand_new'], { nested: true });
    expect((await slack.interact(shortcut)).status).toBe(200);
    expect(slack.fake.callsTo('views.open').at(-1)?.args.view).toMatchObject({
      callback_id: CallbackId.logForm,
    });

    // A Home tab click whose view carries only what identifies it still opens the form.
    const homeClick = alter(
      alter(
        blockActionsPayload({
          fake: slack.fake,
          userId: ALICE,
          action: { action_id: ActionId.logInteraction, block_id: BlockId.homeActions },
        }),
        ['response_url'],
        undefined,
      ),
      ['view'],
      { id: 'VHOME2', type: 'home' },
    );
    expect((await slack.interact(homeClick)).status).toBe(200);
    expect(slack.fake.callsTo('views.open').at(-1)?.args.view).toMatchObject({
      callback_id: CallbackId.logForm,
    });

    const command = await slack.command('help');
    expect(command.status).toBe(200);
    expect(log.lines.filter((line) => UNREADABLE_LOG.test(line.message))).toEqual([]);
  });
});
