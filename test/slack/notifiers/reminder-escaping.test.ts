import { LogLevel } from '@slack/web-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cachedClients } from '../../../src/adapters/slack/notifiers/slack-clients.js';
import { createSlackReminderNotifier } from '../../../src/adapters/slack/notifiers/slack-reminder-notifier.js';
import { silentLogger } from '../../../src/core/shared/ports.js';
import { FAKE_DEFAULTS, type FakeSlack, startFakeSlack } from '../fake-slack/index.js';
import { followUpView } from './support.js';

const { users, token } = FAKE_DEFAULTS;
let fake: FakeSlack;

beforeAll(async () => {
  fake = await startFakeSlack();
});
afterAll(async () => {
  await fake.close();
});

/** Slack control sequences a person could type into a custom type, an action or a name. */
const RAW = ['<!channel>', '<!here>', '<!everyone>', '<https://evil.example|click>', '<@U0BOSS>'];

describe('Slack reminder DM with user-typed markup', () => {
  it('shows a custom type, actions, the author, the contact and the summary as text, pinging nobody', async () => {
    const notifier = createSlackReminderNotifier({
      clientFor: cachedClients(async () => token, { slackApiUrl: fake.url, logLevel: LogLevel.ERROR }),
      logger: silentLogger,
    });
    const base = followUpView({
      dueAt: new Date('2026-03-10T09:00:00Z'),
      assigneeId: users.bob,
      status: 'open',
    });
    const view = {
      ...base,
      typeLabel: '<!channel> *Urgent*',
      actions: ['<https://evil.example|click>', '@channel'],
      // Not a Slack user id (e.g. logged from the CLI): the name is shown, not a mention.
      authorId: 'cli-admin',
      authorName: '<@U0BOSS> & co',
      contactName: '<!here> Ann',
      summary: '<!everyone> call back',
    };
    const result = await notifier.sendReminder({
      workspaceId: 'ws-1',
      assigneeId: users.bob,
      view,
      timeZone: 'UTC',
      dateFormat: 'dd/MM/yyyy HH:mm',
    });
    expect(result).toMatchObject({ ok: true });
    const [message] = fake.messages(users.bob);
    const shown = JSON.stringify({ text: message?.text, blocks: message?.blocks });
    for (const raw of RAW) expect(shown).not.toContain(raw);
    expect(shown).toContain('&lt;!channel&gt; *Urgent*');
    expect(shown).toContain('&lt;https://evil.example|click&gt;');
    expect(shown).toContain('&lt;@U0BOSS&gt; &amp; co');
    expect(shown).toContain('&lt;!here&gt; Ann');
    expect(shown).toContain('&lt;!everyone&gt; call back');
    // Every mrkdwn text is verbatim: a typed "@channel" stays words.
    const verbatim = (message?.blocks ?? []).flatMap(
      (block) => JSON.stringify(block).match(/"type":"mrkdwn","text":"[^"]*","verbatim":(true|false)/g) ?? [],
    );
    expect(verbatim.length).toBeGreaterThan(0);
    expect(verbatim.every((entry) => entry.endsWith('true'))).toBe(true);
  });
});
