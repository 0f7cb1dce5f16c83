import { LogLevel } from '@slack/web-api';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  backgroundClientOptions,
  cachedClients,
} from '../../../src/adapters/slack/notifiers/slack-clients.js';
import { createSlackReminderNotifier } from '../../../src/adapters/slack/notifiers/slack-reminder-notifier.js';
import { createSlackReportPublisher } from '../../../src/adapters/slack/notifiers/slack-report-publisher.js';
import type { ReminderMessage } from '../../../src/core/followups/reminder-delivery.js';
import type { ReportCsv, ReportPost } from '../../../src/core/reports/report-delivery.js';
import { silentLogger } from '../../../src/core/shared/ports.js';
import { usePrivateTmpdir } from '../../support/private-tmpdir.js';
import { FAKE_DEFAULTS, type FakeSlack, startFakeSlack } from '../fake-slack/index.js';
import { followUpView, report } from './support.js';

const { users, channels, token } = FAKE_DEFAULTS;
let fake: FakeSlack;
let clientFor: ReturnType<typeof cachedClients>;

beforeAll(async () => {
  fake = await startFakeSlack();
});
afterAll(async () => {
  await fake.close();
});
beforeEach(() => {
  fake.reset();
  // The production client settings (Retry-After honoured, short backoff), pointed at the fake.
  clientFor = cachedClients(async () => token, { slackApiUrl: fake.url, logLevel: LogLevel.ERROR });
});

const reminder = (assigneeId: string = users.bob, late = false): ReminderMessage => ({
  workspaceId: 'ws-1',
  assigneeId,
  view: { ...followUpView({ dueAt: new Date('2026-03-10T09:00:00Z'), assigneeId, status: 'open' }), late },
  timeZone: 'Europe/Paris',
  dateFormat: 'dd/MM/yyyy HH:mm',
});

/** The CSV as the core hands it over: a stream made on demand, here in a few chunks. */
const csvOf = (filename: string, ...chunks: Array<string | Buffer>): ReportCsv => ({
  filename,
  open: async () =>
    (async function* () {
      yield* chunks;
    })(),
});

const post = (channelId: string, overrides: Partial<ReportPost> = {}): ReportPost => ({
  workspaceId: 'ws-1',
  channelId,
  report: report({ interactions: 3, byType: [{ key: 'Visit', count: 3 }] }, { interactions: 1 }),
  late: false,
  onDemand: false,
  csv: csvOf('interactions-2026-10-19_2026-10-25.csv', 'Created,Type\n19/10/2026 10:00,Visit\n'),
  timeZone: 'Europe/Paris',
  dateFormat: 'dd/MM/yyyy HH:mm',
  ...overrides,
});

describe('Slack reminder notifier', () => {
  it('opens the DM once and posts the reminder blocks there', async () => {
    const notifier = createSlackReminderNotifier({ clientFor, logger: silentLogger });
    expect(await notifier.sendReminder(reminder())).toMatchObject({ ok: true });
    expect(await notifier.sendReminder(reminder(users.bob, true))).toMatchObject({ ok: true });

    expect(fake.callsTo('conversations.open')).toHaveLength(1);
    const messages = fake.messages(users.bob);
    expect(messages).toHaveLength(2);
    expect(messages[0]!.text).toBe('Follow-up reminder: Élise Lévy');
    expect(JSON.stringify(messages[0]!.blocks)).toContain('Bring the &lt;winter&gt; list &amp; the forms');
    expect(JSON.stringify(messages[1]!.blocks)).toContain('reminder sent late');
  });

  it('reports a deactivated assignee as a permanent failure', async () => {
    fake.deactivateUser(users.bob);
    const result = await createSlackReminderNotifier({ clientFor, logger: silentLogger }).sendReminder(
      reminder(),
    );
    expect(result).toEqual({ ok: false, permanent: true, reason: expect.stringContaining('deactivated') });
  });

  it('reports an unknown user, a bot assignee and a removed app as permanent failures', async () => {
    const notifier = createSlackReminderNotifier({ clientFor, logger: silentLogger });
    expect(await notifier.sendReminder(reminder('U9999'))).toMatchObject({
      permanent: true,
      reason: expect.stringContaining('user_not_found'),
    });
    expect(await notifier.sendReminder(reminder(FAKE_DEFAULTS.botUserId))).toMatchObject({
      permanent: true,
      reason: expect.stringContaining('cannot_dm_bot'),
    });
    fake.revokeToken(token);
    expect(await notifier.sendReminder(reminder(users.alice))).toMatchObject({
      permanent: true,
      reason: expect.stringContaining('token_revoked'),
    });
  });

  it('waits out a 429 for its Retry-After and then delivers', async () => {
    fake.failNext('chat.postMessage', { status: 429, retryAfter: 1 });
    const result = await createSlackReminderNotifier({ clientFor, logger: silentLogger }).sendReminder(
      reminder(),
    );
    expect(result).toMatchObject({ ok: true });
    expect(fake.callsTo('chat.postMessage').map((call) => call.status)).toEqual([429, 200]);
    expect(fake.messages(users.bob)).toHaveLength(1);
  });

  it('reports a server error that outlasts the retries as a transient failure', async () => {
    const quick = cachedClients(async () => token, {
      slackApiUrl: fake.url,
      logLevel: LogLevel.ERROR,
      retryConfig: { retries: 1, minTimeout: 1 },
    });
    fake.failNext('chat.postMessage', { status: 500, times: 5 });
    const result = await createSlackReminderNotifier({ clientFor: quick, logger: silentLogger }).sendReminder(
      reminder(),
    );
    expect(result).toMatchObject({ ok: false, permanent: false });
  });

  it('uses one queue per workspace and no long timeouts', () => {
    expect(backgroundClientOptions()).toMatchObject({ maxRequestConcurrency: 1, timeout: 30_000 });
  });
});

describe('Slack report publisher', () => {
  it('posts the report and its CSV as one message through the external upload flow', async () => {
    const result = await createSlackReportPublisher({ clientFor, logger: silentLogger }).publish(
      post(channels.general),
    );
    expect(result).toMatchObject({ ok: true });
    expect(fake.calls.map((call) => call.method)).toEqual([
      'files.getUploadURLExternal',
      'file_upload',
      'files.completeUploadExternal',
    ]);
    const [message] = fake.messages(channels.general);
    expect(JSON.stringify(message!.blocks)).toContain('Weekly report · 19–25 Oct 2026');
    const [file] = fake.files();
    expect(file?.filename).toBe('interactions-2026-10-19_2026-10-25.csv');
    expect(fake.fileContent(file!.id)?.toString()).toBe('Created,Type\n19/10/2026 10:00,Visit\n');
  });

  it('says the app must be invited when it is not in the channel', async () => {
    const result = await createSlackReportPublisher({ clientFor, logger: silentLogger }).publish(
      post(channels.random),
    );
    expect(result).toEqual({
      ok: false,
      permanent: true,
      reason: expect.stringMatching(/invite.*not_in_channel/),
    });
  });

  describe('with the CSV spooled to a temp dir of its own', () => {
    const spool = usePrivateTmpdir('report-spool-test-');

    it('streams the CSV through a temp file into the upload, and deletes the file afterwards', async () => {
      const csv = csvOf(
        'interactions-2026-10-19_2026-10-25.csv',
        'Created,Contact name\n',
        Buffer.from('19/10/2026 10:00,Élise Lévy\n'),
        '20/10/2026 11:00,Dan Ross\n',
      );
      const result = await createSlackReportPublisher({ clientFor, logger: silentLogger }).publish(
        post(channels.general, { csv }),
      );
      expect(result).toMatchObject({ ok: true });
      const [file] = fake.files();
      expect(fake.fileContent(file!.id)?.toString('utf8')).toBe(
        'Created,Contact name\n19/10/2026 10:00,Élise Lévy\n20/10/2026 11:00,Dan Ross\n',
      );
      expect(await spool.left()).toEqual([]);
    });

    it('reports a refused byte upload as a transient failure, and deletes the temp file', async () => {
      fake.failNext('file_upload', { status: 500 });
      const result = await createSlackReportPublisher({ clientFor, logger: silentLogger }).publish(
        post(channels.general),
      );
      expect(result).toMatchObject({ ok: false, permanent: false, reason: expect.stringContaining('500') });
      expect(fake.messages(channels.general)).toHaveLength(0);
      expect(await spool.left()).toEqual([]);
    });

    it('deletes the temp file when the channel refuses the report', async () => {
      const result = await createSlackReportPublisher({ clientFor, logger: silentLogger }).publish(
        post(channels.random),
      );
      expect(result).toMatchObject({ ok: false, permanent: true });
      expect(await spool.left()).toEqual([]);
    });
  });

  it('reports an archived channel as a permanent failure', async () => {
    fake.archiveChannel(channels.general);
    const result = await createSlackReportPublisher({ clientFor, logger: silentLogger }).publish(
      post(channels.general),
    );
    expect(result).toMatchObject({ ok: false, permanent: true, reason: expect.stringContaining('archived') });
  });
});
