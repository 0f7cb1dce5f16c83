import { beforeAll, describe, expect, it } from 'vitest';
import { CallbackId } from '../../../src/adapters/slack/ids.js';
import { globalShortcutPayload } from '../fake-slack/index.js';
import { ALICE, seedWorkspace } from '../forms/form-support.js';
import { useSlackApp } from '../support/slack-app.js';
import { recordingLogger, referenceIn } from './unreadable-support.js';

/**
 * Bolt authorizes each request (auth.test for the bot token) before any listener runs. When
 * Slack refuses that call, Bolt hands the global error handler a context with no token and no
 * user: a global shortcut, which has no response_url, used to be acknowledged and then nothing.
 */
describe('a request whose authorization fails', () => {
  const log = recordingLogger();
  const slack = useSlackApp({ logger: log.logger });
  beforeAll(async () => {
    await seedWorkspace(slack);
  });

  it('the global "log" shortcut: the person is told in the app DM, with the logged reference', async () => {
    const dms = slack.fake.messages(ALICE).length;
    slack.fake.failNext('auth.test', { error: 'internal_error' });

    const response = await slack.interact(
      globalShortcutPayload({ fake: slack.fake, userId: ALICE, callbackId: CallbackId.logShortcut }),
    );

    expect(response.status).toBe(200);
    expect(slack.fake.callsTo('auth.test').at(-1)?.ok).toBe(false);
    // No listener ran: no form was opened.
    expect(slack.fake.callsTo('views.open').filter((call) => call.ok)).toEqual([]);
    const told = slack.fake.messages(ALICE);
    expect(told).toHaveLength(dms + 1);
    expect(told.at(-1)?.text).toMatch(/Something went wrong on our side/);
    const logged = log.lines.find((line) => line.level === 'error');
    expect(referenceIn(told.at(-1)?.text)).toBe(logged?.context.referenceId);
  });

  it('the same shortcut once Slack answers again opens the form', async () => {
    await slack.interact(
      globalShortcutPayload({ fake: slack.fake, userId: ALICE, callbackId: CallbackId.logShortcut }),
    );
    expect(slack.fake.callsTo('views.open').at(-1)?.args.view).toMatchObject({
      callback_id: CallbackId.logForm,
    });
  });
});
