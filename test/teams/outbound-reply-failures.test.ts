import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { storageOf } from '../../src/app/container.js';
import { recordingLogger } from '../slack/payloads/unreadable-support.js';
import { fakeBotToken } from './fake-connector/index.js';
import { addContact, seedTenant, type TeamsWorld } from './support/seed.js';
import { BOT_APP_ID, personalChat, useTeamsApp } from './support/teams-app.js';

const CHAT = personalChat('alice');
const UNDELIVERED = /A Teams reply could not be delivered/;
/** What the fuzz run sent: a search far over its limit, so the refusal is the only reply. */
const LONG_DATE_TEXT = `contacts search ${'2026-11-16 next tuesday 3pm '.repeat(40)}`;

type Failure = { status: 500 | 502 | 503 } | { status: 429; retryAfterSeconds: number };
const FAILURES: [string, Failure][] = [
  ['500', { status: 500 }],
  ['502', { status: 502 }],
  ['503', { status: 503 }],
  ['429', { status: 429, retryAfterSeconds: 1 }],
];

/**
 * The Bot Connector refusing our reply (a 5xx or 429 on the outbound call) is a failure to reach
 * the person, not a fault of the activity Teams delivered: /api/messages still answers 200, so
 * Teams neither shows the bot as broken nor retries the message, and the log says what happened
 * once, with a reference and never a token. It used to answer HTTP 500 whenever the listener's
 * own "something went wrong" reply failed too.
 */
describe('Teams: a reply the Bot Connector refuses', () => {
  const log = recordingLogger();
  const t = useTeamsApp({ logger: log.logger });
  let world: TeamsWorld;
  beforeAll(async () => {
    world = await seedTenant(t.container);
    await addContact(t.container, world.actors.alice, 'Yael', 'Cohen');
  });
  beforeEach(() => {
    log.lines.length = 0;
    t.connector.clearFailures();
  });

  const interactions = () =>
    storageOf(t.container).repositories.interactions.count(world.workspace.id, {}, t.clock.now());
  const undelivered = () => log.lines.filter((line) => UNDELIVERED.test(line.message));

  it.each(FAILURES)(
    'a search over its limit whose only reply gets %s: HTTP 200, logged once',
    async (_n, failure) => {
      t.connector.failNext(CHAT, failure);

      const response = await t.message(LONG_DATE_TEXT);

      expect(response.status).toBe(200);
      expect(undelivered()).toHaveLength(1);
      const [line] = undelivered();
      expect(line?.level).toBe('warn');
      expect(line?.context).toMatchObject({
        activityType: 'message',
        outboundStatus: failure.status,
        conversationType: 'personal',
      });
      expect(line?.context.referenceId).toMatch(/^[0-9A-F]{8}$/);
      const logged = JSON.stringify(log.lines);
      expect(logged).not.toContain(await fakeBotToken(BOT_APP_ID));
      expect(logged).not.toContain('Bearer');
      expect(log.lines.filter((l) => l.level === 'error')).toEqual([]);
    },
  );

  it.each(['help', 'list', 'contacts search cohen', 'timeline cohen', 'nonsense-verb'])(
    '"%s" when its reply and the apology after it both get 503: HTTP 200',
    async (text) => {
      t.connector.failNext(CHAT, { status: 503 });
      t.connector.failNext(CHAT, { status: 503 });

      const response = await t.message(text);

      expect(response.status).toBe(200);
      expect(undelivered()).toHaveLength(1);
    },
  );

  it('a one-line log whose replies fail: HTTP 200, written once, and a redelivery adds nothing', async () => {
    const before = await interactions();
    t.connector.failNext(CHAT, { status: 502 });
    t.connector.failNext(CHAT, { status: 502 });

    const response = await t.message('log Cohen Call "reply refused"', { extra: { id: 'reply-refused-1' } });

    expect(response.status).toBe(200);
    expect(await interactions()).toBe(before + 1);
    expect(undelivered()).toHaveLength(1);
    // The Bot Connector retries a message it got no 200 for; a 200 is what stops that, and the
    // redelivery of the same activity is recognised anyway.
    await t.message('log Cohen Call "reply refused"', { extra: { id: 'reply-refused-1' } });
    expect(await interactions()).toBe(before + 1);
    expect(JSON.stringify(t.connector.messages(CHAT).at(-1))).toMatch(/Already logged/);
  });

  it('a one-line log whose first reply fails is told it may have been saved, not that it did not go through', async () => {
    const before = await interactions();
    t.connector.failNext(CHAT, { status: 500 });

    const response = await t.message('log Cohen Call "first reply refused"');

    expect(response.status).toBe(200);
    expect(await interactions()).toBe(before + 1);
    const told = t.connector.messages(CHAT).at(-1)?.text ?? '';
    expect(told).toMatch(/may have been saved/);
    expect(told).not.toMatch(/did not go through/);
  });

  it('the welcome on install, refused: HTTP 200', async () => {
    t.connector.failNext(personalChat('bob'), { status: 503 });

    const response = await t.event({ type: 'installationUpdate', action: 'add' }, { user: 'bob' });

    expect(response.status).toBe(200);
  });
});
