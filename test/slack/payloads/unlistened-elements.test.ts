import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ActionId, InteractionFormField, UNREADABLE_OPTION_VALUE } from '../../../src/adapters/slack/ids.js';
import { blockActionsPayload, blockSuggestionPayload } from '../fake-slack/index.js';
import { ALICE, GENERAL, seedWorkspace } from '../forms/form-support.js';
import { useSlackApp } from '../support/slack-app.js';
import { recordingLogger, referenceIn } from './unreadable-support.js';

const NO_LISTENER_LOG = /no listener handles/;

/**
 * A click or search whose ids the app never rendered (a forged payload, or an element whose
 * listener is gone) matches no listener: Bolt alone would answer 404 after its 3-second wait and
 * the person would see nothing. The parse step answers it at once instead.
 */
describe('clicks and searches on elements no listener handles', () => {
  const log = recordingLogger();
  const slack = useSlackApp({ logger: log.logger });
  beforeAll(async () => {
    await seedWorkspace(slack);
  });
  beforeEach(() => {
    log.lines.length = 0;
  });

  const warned = () => log.lines.filter((line) => NO_LISTENER_LOG.test(line.message));

  it('a message button the app never rendered: acknowledged, an ephemeral says so, one log line', async () => {
    const before = slack.fake.calls.length;
    const response = await slack.interact(
      blockActionsPayload({
        fake: slack.fake,
        userId: ALICE,
        action: { action_id: 'il.never.rendered', block_id: 'x', value: '<!channel>' },
      }),
    );

    expect(response.status).toBe(200);
    const told = slack.fake.ephemeralMessages(GENERAL).at(-1);
    expect(told?.user).toBe(ALICE);
    expect(told?.text).toContain('That button is no longer supported — run the command again');
    expect(warned()).toHaveLength(1);
    expect(warned()[0]?.level).toBe('warn');
    expect(referenceIn(told?.text)).toBe(warned()[0]?.context.referenceId);
    expect(log.lines.filter((line) => line.level === 'error')).toEqual([]);
    // No listener ran: the answer is the one post to the response_url.
    expect(slack.fake.calls.slice(before).map((call) => call.method)).toEqual(['response_url']);
  });

  it('a known action id in a block no listener watches is answered the same way', async () => {
    // The Home tab's "Log an interaction" listens in the home actions block only.
    const response = await slack.interact(
      blockActionsPayload({
        fake: slack.fake,
        userId: ALICE,
        action: { action_id: ActionId.homeSearch, block_id: 'il.somewhere.else' },
      }),
    );

    expect(response.status).toBe(200);
    expect(slack.fake.ephemeralMessages(GENERAL).at(-1)?.text).toContain('no longer supported');
    expect(warned()).toHaveLength(1);
  });

  it('a button the app did render still reaches its listener', async () => {
    const response = await slack.interact(
      blockActionsPayload({
        fake: slack.fake,
        userId: ALICE,
        action: { action_id: ActionId.logInteraction, block_id: 'il.help.actions' },
      }),
    );

    expect(response.status).toBe(200);
    expect(warned()).toEqual([]);
    expect(slack.fake.callsTo('views.open').at(-1)?.ok).toBe(true);
  });

  it('a search on a select the app never rendered: one option says so, one log line', async () => {
    const response = await slack.interact(
      blockSuggestionPayload({
        fake: slack.fake,
        userId: ALICE,
        actionId: '[x](javascript:1)',
        blockId: 'x',
        value: 'Ann',
      }),
    );

    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      options: [
        {
          text: { type: 'plain_text', text: expect.stringMatching(/could not be read/) },
          value: UNREADABLE_OPTION_VALUE,
        },
      ],
    });
    expect(warned()).toHaveLength(1);
  });

  it('the log form contact search still reaches its listener', async () => {
    const { blockId, actionId } = InteractionFormField.contacts;
    const response = await slack.interact(
      blockSuggestionPayload({ fake: slack.fake, userId: ALICE, actionId, blockId, value: 'zzz' }),
    );

    expect(response.status).toBe(200);
    expect(warned()).toEqual([]);
  });
});
