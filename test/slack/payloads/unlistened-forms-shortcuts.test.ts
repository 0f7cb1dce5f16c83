import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { rowsOf } from '../../fuzz/store-rows.js';
import {
  globalShortcutPayload,
  messageShortcutPayload,
  validateView,
  viewSubmissionPayload,
} from '../fake-slack/index.js';
import { ALICE, GENERAL, openLogFormByShortcut, seedWorkspace, textOf } from '../forms/form-support.js';
import { useSlackApp } from '../support/slack-app.js';
import { alter, recordingLogger, referenceIn, UNREADABLE_TEXT } from './unreadable-support.js';

const NO_LISTENER_LOG = /no listener handles/;

/**
 * A form or shortcut whose callback_id no listener registered (forged, or of a form the app no
 * longer has) matches nothing in Bolt, which would answer 404 after its 3-second wait: the
 * person's modal would show Slack's generic error. The parse step answers it at once instead.
 */
describe('forms and shortcuts no listener handles', () => {
  const log = recordingLogger();
  const slack = useSlackApp({ logger: log.logger });
  beforeAll(async () => {
    await seedWorkspace(slack);
  });
  beforeEach(() => {
    log.lines.length = 0;
  });

  const warned = () => log.lines.filter((line) => NO_LISTENER_LOG.test(line.message));

  it('a submission of a form with a forged callback_id: the ack replaces it with "could not be read"', async () => {
    const form = await openLogFormByShortcut(slack);
    log.lines.length = 0;
    const rowsBefore = rowsOf(slack.store.storage);
    const payload = alter(
      viewSubmissionPayload({ fake: slack.fake, userId: ALICE, view: form }),
      ['view', 'callback_id'],
      'il.never.rendered<script>',
    );

    const response = await slack.interact(payload);

    expect(response.status).toBe(200);
    const answer = response.body as { response_action?: string; view?: object };
    expect(answer.response_action).toBe('update');
    expect(validateView(answer.view).ok).toBe(true);
    expect(textOf(answer.view)).toMatch(UNREADABLE_TEXT);
    expect(warned()).toHaveLength(1);
    expect(warned()[0]?.level).toBe('warn');
    expect(warned()[0]?.context).toMatchObject({
      surface: 'view_submission',
      id: 'il.never.rendered<script>',
    });
    expect(referenceIn(answer.view)).toBe(warned()[0]?.context.referenceId);
    expect(log.lines.filter((line) => line.level === 'error')).toEqual([]);
    expect(rowsOf(slack.store.storage)).toBe(rowsBefore);
  });

  it('the same form with its own callback_id still reaches its listener', async () => {
    const form = await openLogFormByShortcut(slack);
    log.lines.length = 0;

    const response = await slack.interact(
      viewSubmissionPayload({ fake: slack.fake, userId: ALICE, view: form }),
    );

    expect(response.status).toBe(200);
    expect(warned()).toEqual([]);
    // The log form's own answer: its inline errors for a form submitted empty.
    expect((response.body as { response_action?: string }).response_action).toBe('errors');
  });

  it('a close of a form no listener knows: acknowledged empty, one log line', async () => {
    const payload = alter(
      viewSubmissionPayload({ fake: slack.fake, userId: ALICE, callbackId: 'il.gone' }),
      ['type'],
      'view_closed',
    );

    const response = await slack.interact(payload);

    expect(response.status).toBe(200);
    expect(response.body).toBeFalsy();
    expect(warned()).toHaveLength(1);
    expect(warned()[0]?.context).toMatchObject({ surface: 'view_closed', id: 'il.gone' });
  });

  it('a global shortcut with a forged callback_id: a modal says so, one log line', async () => {
    const response = await slack.interact(
      globalShortcutPayload({ fake: slack.fake, userId: ALICE, callbackId: 'il.shortcut.forged' }),
    );

    expect(response.status).toBe(200);
    const opened = slack.fake.callsTo('views.open').at(-1);
    expect(opened?.ok).toBe(true);
    expect(validateView(opened?.args.view).ok).toBe(true);
    expect(textOf(opened?.args.view)).toMatch(/shortcut could not be read/);
    expect(warned()).toHaveLength(1);
    expect(referenceIn(opened?.args.view)).toBe(warned()[0]?.context.referenceId);
  });

  it('a message shortcut with a forged callback_id: an ephemeral says so, one log line', async () => {
    const response = await slack.interact(
      messageShortcutPayload({
        fake: slack.fake,
        userId: ALICE,
        callbackId: 'il.shortcut.forged_message',
        message: { type: 'message', ts: '1700000000.000300', text: 'hello', user: ALICE },
      }),
    );

    expect(response.status).toBe(200);
    const told = slack.fake.ephemeralMessages(GENERAL).at(-1);
    expect(told?.text).toMatch(/shortcut could not be read/);
    expect(warned()).toHaveLength(1);
    expect(referenceIn(told?.text)).toBe(warned()[0]?.context.referenceId);
  });
});
