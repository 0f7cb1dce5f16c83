import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ActionId, BlockId, CallbackId, ItemActionPrefix } from '../../../src/adapters/slack/ids.js';
import type { Contact } from '../../../src/core/contacts/contact.js';
import { rowsOf } from '../../fuzz/store-rows.js';
import {
  blockActionsPayload,
  globalShortcutPayload,
  messageShortcutPayload,
  validateView,
} from '../fake-slack/index.js';
import { ALICE, addContact, GENERAL, type Seeded, seedWorkspace, textOf } from '../forms/form-support.js';
import { useSlackApp } from '../support/slack-app.js';
import {
  alter,
  expectOneUnreadableLine,
  recordingLogger,
  referenceIn,
  UNREADABLE_TEXT,
} from './unreadable-support.js';

describe('clicks and shortcuts whose payload cannot be read', () => {
  const log = recordingLogger();
  const slack = useSlackApp({ logger: log.logger });
  let seeded: Seeded;
  let _contact: Contact;
  beforeAll(async () => {
    seeded = await seedWorkspace(slack);
    _contact = await addContact(slack, seeded.alice, 'Cleo', 'Clicks');
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
  const logButton = () =>
    blockActionsPayload({
      fake: slack.fake,
      userId: ALICE,
      action: { action_id: ActionId.logInteraction, block_id: BlockId.helpActions },
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
    // Bolt would find no team id, so no tenant: the listener failed with "something went wrong".
    ['the team as a string', () => alter(olderButton(), ['team'], 'T0001'), ActionId.timelineOlder],
    ['the channel as a string', () => alter(olderButton(), ['channel'], GENERAL), ActionId.timelineOlder],
    ['no trigger', () => alter(olderButton(), ['trigger_id'], undefined), ActionId.timelineOlder],
    // "Log interaction" answers only by views.open with the trigger and keeps the channel in the
    // form: forged ones failed in the listener as "something went wrong".
    [
      "a trigger not of Slack's shape",
      () => alter(logButton(), ['trigger_id'], '<at>Alice</at>'),
      ActionId.logInteraction,
    ],
    [
      "a channel id not of Slack's shape",
      () => alter(logButton(), ['channel', 'id'], '{{7*7}} null'),
      ActionId.logInteraction,
    ],
    [
      "a container channel not of Slack's shape",
      () => alter(alter(logButton(), ['channel'], undefined), ['container', 'channel_id'], '../C0001'),
      ActionId.logInteraction,
    ],
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
    // Bolt would find no workspace, so the listener would run with no tenant: "something went wrong".
    ['no team and a user without team_id', () => withoutWorkspace(globalShortcut())],
    [
      'no team field and a user team_id as a number',
      () => alter(alter(globalShortcut(), ['team'], undefined), ['user', 'team_id'], 7),
    ],
  ])('the global shortcut with %s: a modal says so instead of the form', async (_name, payload) => {
    const response = await slack.interact(payload());

    expect(response.status).toBe(200);
    const opened = slack.fake.callsTo('views.open').at(-1);
    expect(opened?.ok).toBe(true);
    expect(validateView(opened?.args.view).ok).toBe(true);
    expect(textOf(opened?.args.view)).toMatch(/shortcut could not be read/);
    expect(referenceIn(opened?.args.view)).toBe(expectOneUnreadableLine(log.lines, { surface: 'shortcut' }));
  });

  it('the global shortcut with a trigger Slack never issued: told in the app DM, no modal tried', async () => {
    const opens = slack.fake.callsTo('views.open').length;
    const response = await slack.interact(alter(globalShortcut(), ['trigger_id'], '__proto__; DROP TABLE x'));

    expect(response.status).toBe(200);
    expect(slack.fake.callsTo('views.open')).toHaveLength(opens);
    const dm = slack.fake.messages(ALICE).at(-1);
    expect(dm?.text).toMatch(/shortcut could not be read/);
    expect(referenceIn(dm?.text)).toBe(expectOneUnreadableLine(log.lines, { surface: 'shortcut' }));
  });

  /** As an org-wide install sends it (team null), but with the user's team_id gone too. */
  function withoutWorkspace(payload: object): object {
    return alter(alter(payload, ['team'], null), ['user', 'team_id'], undefined);
  }

  function globalShortcut() {
    return globalShortcutPayload({ fake: slack.fake, userId: ALICE, callbackId: CallbackId.logShortcut });
  }

  it.each<[string, (payload: object) => object]>([
    ['no channel', (payload) => alter(payload, ['channel'], undefined)],
    ['the message as a string', (payload) => alter(payload, ['message'], 'hello')],
    ['message text as an object', (payload) => alter(payload, ['message', 'text'], { text: 'x' })],
    ['no team and a user without team_id', withoutWorkspace],
    // The form keeps the message's ts in its metadata, whose own check used to fail in the listener.
    ['a message ts that is no timestamp', (payload) => alter(payload, ['message', 'ts'], "' OR 1=1 --")],
    ['a message_ts that is no timestamp', (payload) => alter(payload, ['message_ts'], 'yesterday')],
    ['a channel id Slack never writes', (payload) => alter(payload, ['channel', 'id'], "' OR 1=1 --")],
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

  it('the message shortcut from a user id Slack never writes: the refusal opens in a modal, no member recorded', async () => {
    // The app used to record an actor for "{{7*7}} null" and refuse it ephemerally, to nobody.
    const payload = alter(
      alter(
        messageShortcutPayload({
          fake: slack.fake,
          userId: ALICE,
          callbackId: CallbackId.logMessageShortcut,
        }),
        ['user', 'id'],
        '{{7*7}} null',
      ),
      ['response_url'],
      '',
    );
    const rowsBefore = rowsOf(slack.store.storage);
    const response = await slack.interact(payload);

    expect(response.status).toBe(200);
    const view = slack.fake.callsTo('views.open').at(-1)?.args.view;
    expect(textOf(view)).toMatch(/shortcut could not be read/);
    expectOneUnreadableLine(log.lines, { surface: 'message_action', id: CallbackId.logMessageShortcut });
    expect(rowsOf(slack.store.storage)).toEqual(rowsBefore);
  });
});
