import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ActionId, BlockId, CallbackId, SlashCommand } from '../../../src/adapters/slack/ids.js';
import type { Contact } from '../../../src/core/contacts/contact.js';
import {
  appHomeOpenedEvent,
  blockActionsPayload,
  eventEnvelope,
  globalShortcutPayload,
  sendSlashCommand,
  signRequest,
  viewSubmissionPayload,
} from '../fake-slack/index.js';
import {
  ALICE,
  addContact,
  GENERAL,
  interactionsOf,
  type Seeded,
  seedWorkspace,
} from '../forms/form-support.js';
import { SIGNING_SECRET, useSlackApp } from '../support/slack-app.js';
import {
  alter,
  expectOneUnreadableLine,
  recordingLogger,
  referenceIn,
  UNREADABLE_LOG,
} from './unreadable-support.js';

describe('commands, events and closed modals whose payload cannot be read', () => {
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

  function globalShortcut() {
    return globalShortcutPayload({ fake: slack.fake, userId: ALICE, callbackId: CallbackId.logShortcut });
  }

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
