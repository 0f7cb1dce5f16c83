import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, LogLevel as BoltLogLevel } from '@slack/bolt';
import type { Block, InputBlock, KnownBlock, ModalView, SectionBlock } from '@slack/types';
import { ErrorCode, type WebClient, type WebClientOptions } from '@slack/web-api';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  blockActionsPayload,
  FAKE_DEFAULTS,
  type FakeSlack,
  sendEvent,
  sendInteraction,
  sendSlashCommand,
  signRequest,
  startFakeSlack,
  validateView,
  viewSubmissionPayload,
  webClientFor,
} from './fake-slack/index.js';

const { channels, users, token } = FAKE_DEFAULTS;
let fake: FakeSlack;
let slack: WebClient;
const client = (t: string | null, options: WebClientOptions = {}) => webClientFor(fake, t, options);

/** WebClient turns `ok:false` into a WebAPIPlatformError carrying Slack's body in `data`. */
async function slackError(call: Promise<unknown>, error: string, extra: Record<string, unknown> = {}) {
  await expect(call).rejects.toMatchObject({ code: ErrorCode.PlatformError, data: { error, ...extra } });
}

const section = (text: string, blockId?: string): SectionBlock => ({
  type: 'section',
  ...(blockId ? { block_id: blockId } : {}),
  text: { type: 'mrkdwn', text },
});
const modal = (blocks: KnownBlock[] = [section('hi')], extra: Partial<ModalView> = {}): ModalView => ({
  type: 'modal',
  title: { type: 'plain_text', text: 'Log a call' },
  blocks,
  ...extra,
});
const inputBlock: InputBlock = {
  type: 'input',
  block_id: 'note',
  label: { type: 'plain_text', text: 'Note' },
  element: { type: 'plain_text_input', action_id: 'value', multiline: true, max_length: 3000 },
};

beforeAll(async () => {
  // A frozen clock: only advanceTime() moves it, so no assertion depends on wall time.
  fake = await startFakeSlack({ now: () => Date.UTC(2026, 0, 15, 9, 0, 0) });
});
afterAll(async () => {
  await fake.close();
});
beforeEach(() => {
  fake.reset();
  slack = client(token);
});

describe('auth and dispatch', () => {
  it('answers auth.test with the bot identity Bolt reads at start', async () => {
    const res = await slack.auth.test();
    expect(res).toMatchObject({
      ok: true,
      team_id: 'T0001',
      user_id: 'UBOT',
      bot_id: 'BBOT',
      is_enterprise_install: false,
    });
  });

  it('rejects missing, unknown and revoked tokens', async () => {
    await slackError(client(null).auth.test(), 'not_authed');
    await slackError(client('xoxb-nope').auth.test(), 'invalid_auth');
    fake.revokeToken(token);
    await slackError(slack.auth.test(), 'token_revoked');
  });

  it('answers missing_scope with needed/provided, and unknown_method', async () => {
    fake.setScopes(token, ['chat:write']);
    await slackError(slack.users.info({ user: users.alice }), 'missing_scope', {
      needed: 'users:read',
      provided: 'chat:write',
    });
    await slackError(slack.apiCall('chat.frobnicate'), 'unknown_method');
  });

  it('records calls with JSON-string args parsed and the bearer token, and accepts JSON bodies', async () => {
    await slack.chat.postMessage({ channel: channels.general, text: 'hi', blocks: [section('hello')] });
    const res = await fetch(`${fake.url}chat.postMessage`, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', authorization: `Bearer ${token}` },
      body: JSON.stringify({ channel: channels.general, text: 'json' }),
    });
    expect(await res.json()).toMatchObject({ ok: true, channel: channels.general });
    const [first, second] = fake.callsTo('chat.postMessage');
    expect(first).toMatchObject({
      token,
      ok: true,
      args: { channel: channels.general, blocks: [section('hello')] },
    });
    expect(second?.args.text).toBe('json');
  });
});

describe('messages', () => {
  it('posts valid Block Kit, fills block_ids and keeps ts unique per channel', async () => {
    const blocks = [
      { type: 'header', text: { type: 'plain_text', text: 'Call logged' } },
      section('*Alice* called'),
      { type: 'divider' },
      { type: 'context', elements: [{ type: 'mrkdwn', text: 'today' }] },
      {
        type: 'actions',
        block_id: 'acts',
        elements: [
          { type: 'button', action_id: 'edit', text: { type: 'plain_text', text: 'Edit' }, style: 'primary' },
          {
            type: 'overflow',
            action_id: 'more',
            options: [{ text: { type: 'plain_text', text: 'Delete' }, value: 'd' }],
          },
        ],
      },
    ];
    const a = await slack.chat.postMessage({ channel: channels.general, text: 'fallback', blocks });
    const b = await slack.chat.postMessage({ channel: channels.general, text: 'again' });
    expect(a.ts).not.toBe(b.ts);
    const stored = fake.messages(channels.general);
    expect(stored.map((m) => m.text)).toEqual(['fallback', 'again']);
    expect(stored[0]?.blocks?.every((block) => typeof block.block_id === 'string')).toBe(true);
    const link = await slack.chat.getPermalink({ channel: channels.general, message_ts: a.ts! });
    expect(link.permalink).toBe(
      `https://fake.slack.test/archives/${channels.general}/p${a.ts!.replace('.', '')}`,
    );
  });

  it('updates and deletes, with message_not_found for unknown ts', async () => {
    const { ts } = await slack.chat.postMessage({ channel: channels.general, text: 'v1' });
    await slack.chat.update({ channel: channels.general, ts: ts!, text: 'v2' });
    expect(fake.messages(channels.general)[0]).toMatchObject({ text: 'v2', edited: { user: 'UBOT' } });
    await slackError(
      slack.chat.update({ channel: channels.general, ts: '1.000001', text: 'x' }),
      'message_not_found',
    );
    await slack.chat.delete({ channel: channels.general, ts: ts! });
    expect(fake.messages(channels.general)).toEqual([]);
  });

  it('refuses channels the bot cannot post to', async () => {
    await slackError(slack.chat.postMessage({ channel: channels.random, text: 'x' }), 'not_in_channel');
    await slackError(slack.chat.postMessage({ channel: 'C9999', text: 'x' }), 'channel_not_found');
    fake.removeBotFromChannel(channels.secret);
    await slackError(slack.chat.postMessage({ channel: channels.secret, text: 'x' }), 'channel_not_found');
    fake.archiveChannel(channels.general);
    await slackError(slack.chat.postMessage({ channel: channels.general, text: 'x' }), 'is_archived');
    await slackError(slack.chat.postMessage({ channel: channels.general, text: '' }), 'is_archived');
    fake.setScopes(token, ['chat:write', 'chat:write.public']);
    await expect(slack.chat.postMessage({ channel: channels.random, text: 'x' })).resolves.toMatchObject({
      ok: true,
    });
  });

  it('answers no_text when there is neither text nor blocks', async () => {
    await slackError(slack.chat.postMessage({ channel: channels.general, text: '' }), 'no_text');
  });

  // A typo'd key is still a well-typed Block once it is not a fresh literal.
  const typo: Block = Object.assign(section('a'), { acessory: {} });
  it.each<[string, (KnownBlock | Block)[], string]>([
    [
      '51 blocks',
      Array.from({ length: 51 }, () => ({ type: 'divider' })),
      'no more than 50 items allowed [json-pointer:/blocks]',
    ],
    [
      'a 3001-char section',
      [section('x'.repeat(3001))],
      'must be less than 3001 characters [json-pointer:/blocks/0/text/text]',
    ],
    [
      'a 76-char button',
      [
        {
          type: 'actions',
          elements: [{ type: 'button', text: { type: 'plain_text', text: 'b'.repeat(76) } }],
        },
      ],
      'must be less than 76 characters [json-pointer:/blocks/0/elements/0/text/text]',
    ],
    [
      'a duplicate block_id',
      [section('a', 'same'), section('b', 'same')],
      'duplicate block_id: same [json-pointer:/blocks/1/block_id]',
    ],
    [
      'an unknown block type',
      [{ type: 'sectoin' }],
      'unsupported type: sectoin [json-pointer:/blocks/0/type]',
    ],
    ['a typo in a field', [typo], 'invalid additional property: acessory [json-pointer:/blocks/0]'],
  ])('rejects %s with invalid_blocks', async (_name, blocks, expected) => {
    const call = slack.chat.postMessage({ channel: channels.general, text: 'x', blocks });
    await slackError(call, 'invalid_blocks', { errors: expect.arrayContaining([expected]) });
    await expect(
      call.catch((e: { data: { response_metadata: unknown } }) => e.data.response_metadata),
    ).resolves.toMatchObject({
      messages: expect.arrayContaining([`[ERROR] ${expected}`]),
    });
  });

  it('rejects blocks holding more than 12,000 text characters with msg_blocks_too_long', async () => {
    const blocks = Array.from({ length: 5 }, () => section('y'.repeat(2500)));
    await slackError(
      slack.chat.postMessage({ channel: channels.general, text: 'x', blocks }),
      'msg_blocks_too_long',
    );
  });

  it('posts ephemerals only to channel members', async () => {
    const carol = fake.addUser({ name: 'carol' });
    await slackError(
      slack.chat.postEphemeral({ channel: channels.general, user: carol.id, text: 'x' }),
      'user_not_in_channel',
    );
    const res = await slack.chat.postEphemeral({
      channel: channels.general,
      user: users.alice,
      text: 'psst',
    });
    expect(fake.ephemeralMessages(channels.general)).toEqual([
      expect.objectContaining({ message_ts: res.message_ts, text: 'psst' }),
    ]);
  });
});

describe('response_url', () => {
  const post = (url: string, body: unknown) =>
    fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('accepts 5 posts, then answers 404; replace_original edits the source message', async () => {
    const { ts } = await slack.chat.postMessage({ channel: channels.general, text: 'original' });
    const url = fake.responseUrl(channels.general, users.alice, { messageTs: ts });
    expect((await post(url, { replace_original: true, text: 'replaced' })).status).toBe(200);
    expect(fake.messages(channels.general)[0]?.text).toBe('replaced');
    for (let i = 0; i < 4; i++) expect((await post(url, { text: `eph ${i}` })).status).toBe(200);
    expect((await post(url, { text: 'sixth' })).status).toBe(404);
    expect(fake.callsTo('response_url')).toHaveLength(6);
  });

  it('expires after 30 minutes and validates blocks', async () => {
    const url = fake.responseUrl(channels.random, users.alice);
    const bad = await post(url, { blocks: [section('x'.repeat(3001))] });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: 'invalid_blocks' });
    const inChannel = await post(url, { response_type: 'in_channel', text: 'no membership needed' });
    expect(inChannel.status).toBe(200);
    expect(fake.messages(channels.random)[0]?.text).toBe('no membership needed');
    fake.advanceTime(30 * 60 * 1000 + 1);
    expect((await post(url, { text: 'late' })).status).toBe(404);
  });
});

describe('views', () => {
  it('accepts a trigger_id once, within 3 s of issue', async () => {
    const trigger = fake.issueTriggerId({ userId: users.alice });
    const res = await slack.views.open({ trigger_id: trigger, view: modal() });
    expect(res.view).toMatchObject({ type: 'modal', state: { values: {} }, root_view_id: res.view?.id });
    await slackError(slack.views.open({ trigger_id: trigger, view: modal() }), 'exchanged_trigger_id');
    const late = fake.issueTriggerId();
    fake.advanceTime(3001);
    await slackError(slack.views.open({ trigger_id: late, view: modal() }), 'expired_trigger_id');
    await slackError(slack.views.open({ trigger_id: 'made.up', view: modal() }), 'invalid_trigger_id');
    expect(fake.openViews(users.alice)).toHaveLength(1);
  });

  it('rejects a modal with an input block and no submit, without burning the trigger', async () => {
    const trigger = fake.issueTriggerId();
    await slackError(
      slack.views.open({ trigger_id: trigger, view: modal([inputBlock]) }),
      'invalid_arguments',
      {
        response_metadata: {
          messages: [
            '[ERROR] must define `submit` to use an `input` block in modals [json-pointer:/view/blocks/0/input]',
          ],
        },
      },
    );
    const ok = modal([inputBlock], { submit: { type: 'plain_text', text: 'Save' } });
    await expect(slack.views.open({ trigger_id: trigger, view: ok })).resolves.toMatchObject({ ok: true });
  });

  it('validates view chrome limits', () => {
    const verdict = validateView(modal([], { title: { type: 'plain_text', text: 't'.repeat(25) } }), {
      expect: 'modal',
    });
    expect(verdict).toEqual({
      ok: false,
      error: 'invalid_arguments',
      errors: ['must be less than 25 characters [json-pointer:/view/title/text]'],
    });
  });

  it('updates by view_id or external_id and answers hash_conflict for a stale hash', async () => {
    const ext = { external_id: 'ext-1' };
    const opened = await slack.views.open({ trigger_id: fake.issueTriggerId(), view: modal(undefined, ext) });
    const first = opened.view!;
    const updated = await slack.views.update({
      view_id: first.id!,
      hash: first.hash!,
      view: modal([section('v2')], ext),
    });
    expect(updated.view?.hash).not.toBe(first.hash);
    await slackError(
      slack.views.update({ view_id: first.id!, hash: first.hash!, view: modal() }),
      'hash_conflict',
    );
    await slackError(slack.views.update({ view_id: first.id!, hash: '', view: modal() }), 'hash_conflict');
    await slackError(slack.views.update({ external_id: 'nope', view: modal() }), 'not_found');
    const byExternal = await slack.views.update({ external_id: 'ext-1', view: modal(undefined, ext) });
    expect(byExternal.view?.id).toBe(first.id);
  });

  it('stacks at most 3 views', async () => {
    const root = await slack.views.open({
      trigger_id: fake.issueTriggerId({ userId: users.alice }),
      view: modal(),
    });
    const viewId = root.view!.id!;
    for (let i = 0; i < 2; i++)
      await slack.views.push({ trigger_id: fake.issueTriggerId({ viewId }), view: modal() });
    await slackError(
      slack.views.push({ trigger_id: fake.issueTriggerId({ viewId }), view: modal() }),
      'push_limit_reached',
    );
    expect(fake.openViews(users.alice).map((v) => v.previousViewId)).toEqual([
      null,
      viewId,
      expect.any(String),
    ]);
  });

  it('publishes Home tabs', async () => {
    await slack.views.publish({
      user_id: users.alice,
      view: { type: 'home', blocks: [section('Timeline')] },
    });
    expect(fake.homeView(users.alice)?.definition.blocks).toEqual([
      expect.objectContaining({ type: 'section' }),
    ]);
  });
});

describe('users and conversations', () => {
  it('opens DMs, refusing deactivated users and bots', async () => {
    const first = await slack.conversations.open({ users: users.alice });
    expect(first.channel?.id).toMatch(/^D/);
    await expect(slack.conversations.open({ users: users.alice })).resolves.toMatchObject({
      already_open: true,
    });
    fake.deactivateUser(users.bob);
    await slackError(slack.conversations.open({ users: users.bob }), 'user_disabled');
    await slackError(slack.conversations.open({ users: 'UBOT' }), 'cannot_dm_bot');
    expect((await slack.users.info({ user: users.bob })).user).toMatchObject({
      deleted: true,
      tz: 'America/New_York',
    });
    await slackError(slack.users.lookupByEmail({ email: 'bob@example.com' }), 'users_not_found');
  });
});

describe('rate limits and injected failures', () => {
  it('answers 429 ratelimited with Retry-After once the budget is spent', async () => {
    fake.rateLimit('chat.postMessage', { limit: 2, windowMs: 60_000 });
    const strict = client(token, { rejectRateLimitedCalls: true });
    for (let i = 0; i < 2; i++) await strict.chat.postMessage({ channel: channels.general, text: `${i}` });
    await expect(strict.chat.postMessage({ channel: channels.general, text: 'x' })).rejects.toMatchObject({
      code: ErrorCode.RateLimitedError,
      retryAfter: 60,
    });
    expect(fake.calls.at(-1)).toMatchObject({ status: 429, error: 'ratelimited' });
    fake.advanceTime(60_000);
    await expect(
      strict.chat.postMessage({ channel: channels.general, text: 'later' }),
    ).resolves.toMatchObject({ ok: true });
  });

  it('injects one-shot 429, 5xx and platform errors', async () => {
    const strict = client(token, { rejectRateLimitedCalls: true });
    fake.failNext('users.info', { status: 429, retryAfter: 7 });
    await expect(strict.users.info({ user: users.alice })).rejects.toMatchObject({ retryAfter: 7 });
    fake.failNext('users.info', { status: 503 });
    await expect(strict.users.info({ user: users.alice })).rejects.toMatchObject({
      code: ErrorCode.HTTPError,
      statusCode: 503,
    });
    fake.failNext('users.info', { error: 'fatal_error' });
    await slackError(strict.users.info({ user: users.alice }), 'fatal_error');
    await expect(strict.users.info({ user: users.alice })).resolves.toMatchObject({ ok: true });
  });
});

describe('files', () => {
  it('runs files.uploadV2 end to end and keeps the bytes', async () => {
    const csv = 'name,when\nAlice,2026-01-02\n';
    await slack.files.uploadV2({
      channel_id: channels.general,
      file: Buffer.from(csv),
      filename: 'export.csv',
      title: 'Export',
      initial_comment: 'Your export',
    });
    const [file] = fake.files();
    expect(fake.fileContent(file!.id)?.toString('utf8')).toBe(csv);
    expect(fake.messages(channels.general).at(-1)).toMatchObject({
      text: 'Your export',
      files: [expect.objectContaining({ id: file!.id, title: 'Export' })],
    });
    const info = await slack.files.info({ file: file!.id });
    expect(info.file).toMatchObject({
      name: 'export.csv',
      size: csv.length,
      shares: { public: { [channels.general]: expect.any(Array) } },
    });
  });

  it('needs real membership (chat:write.public does not help) and uploaded bytes', async () => {
    fake.setScopes(token, ['chat:write', 'chat:write.public', 'files:write']);
    const upload = slack.files.uploadV2({ channel_id: channels.random, content: 'a,b', filename: 'x.csv' });
    await slackError(upload, 'not_in_channel');
    await slackError(slack.files.getUploadURLExternal({ filename: 'x.csv', length: 0 }), 'missing_argument');
    const { file_id } = await slack.files.getUploadURLExternal({ filename: 'x.csv', length: 3 });
    await slackError(slack.files.completeUploadExternal({ files: [{ id: file_id! }] }), 'file_not_found');
  });
});

describe('signing and request builders', () => {
  const secret = 'shh-signing-secret';

  it('signs v0 exactly as an independent HMAC computes it', () => {
    const body = 'payload=%7B%7D';
    const expected = `v0=${createHmac('sha256', secret).update(`v0:1700000000:${body}`).digest('hex')}`;
    expect(signRequest(secret, body, 1700000000)).toEqual({
      'x-slack-signature': expected,
      'x-slack-request-timestamp': '1700000000',
    });
  });

  it('posts interactions, commands and events with Slack content types, signatures and retry headers', async () => {
    const seen: Array<{ headers: IncomingHttpHeaders; body: string }> = [];
    const app = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => {
        body += c.toString('utf8');
      });
      req.on('end', () => {
        seen.push({ headers: req.headers, body });
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"received":true}');
      });
    });
    await new Promise<void>((resolve) => app.listen(0, '127.0.0.1', resolve));
    const appUrl = `http://127.0.0.1:${(app.address() as AddressInfo).port}/slack/events`;
    try {
      const res = await sendInteraction(appUrl, secret, blockActionsPayload({ fake }));
      expect(res).toMatchObject({ status: 200, body: { received: true } });
      await sendSlashCommand(appUrl, secret, { command: '/log', text: 'call alice' }, { fake });
      await sendEvent(
        appUrl,
        secret,
        { type: 'event_callback' },
        { retryNum: 1, retryReason: 'http_timeout' },
      );
      const [interaction, command, event] = seen;
      expect(interaction?.headers['content-type']).toBe('application/x-www-form-urlencoded');
      const signed = signRequest(
        secret,
        interaction!.body,
        Number(interaction!.headers['x-slack-request-timestamp']),
      );
      expect(interaction?.headers['x-slack-signature']).toBe(signed['x-slack-signature']);
      const fields = new URLSearchParams(command!.body);
      expect(fields.get('command')).toBe('/log');
      const opened = await slack.views.open({ trigger_id: fields.get('trigger_id')!, view: modal() });
      expect(opened.ok).toBe(true);
      expect(event?.headers).toMatchObject({
        'content-type': 'application/json',
        'x-slack-retry-num': '1',
        'x-slack-retry-reason': 'http_timeout',
      });
    } finally {
      await new Promise<void>((resolve) => app.close(() => resolve()));
    }
  });
});

describe('a real Bolt app against the fake', () => {
  it('verifies its token, opens a modal from a slash command, responds and handles the submission', async () => {
    const secret = 'bolt-signing-secret';
    // Acked first and handled after, as in production: the listener says when it is done.
    const app = new App({
      token,
      signingSecret: secret,
      logLevel: BoltLogLevel.ERROR,
      clientOptions: { slackApiUrl: fake.url, retryConfig: { retries: 0 } },
    });
    let commandHandled = () => {};
    const commandDone = new Promise<void>((resolve) => {
      commandHandled = resolve;
    });
    app.command('/log', async ({ ack, body, client, respond }) => {
      try {
        await ack();
        const form = modal([inputBlock], {
          callback_id: 'log',
          submit: { type: 'plain_text', text: 'Save' },
        });
        await client.views.open({ trigger_id: body.trigger_id, view: form });
        await respond({ text: 'Opening the form…' });
      } finally {
        commandHandled();
      }
    });
    app.view('log', async ({ ack, view }) => {
      const note = view.state.values.note?.value?.value ?? '';
      await ack(note === '' ? { response_action: 'errors', errors: { note: 'Required' } } : undefined);
    });
    const server = await app.start({ port: 0, host: '127.0.0.1' });
    const appUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;
    try {
      const res = await sendSlashCommand(appUrl, secret, { command: '/log', user_id: users.alice }, { fake });
      expect(res.status).toBe(200);
      await commandDone;
      // Bolt's authorize awaits the auth.test it started in its constructor before any listener.
      expect(fake.callsTo('auth.test')).toHaveLength(1);
      expect(fake.callsTo('views.open')[0]).toMatchObject({ ok: true });
      expect(fake.ephemeralMessages(channels.general)).toEqual([
        expect.objectContaining({ text: 'Opening the form…' }),
      ]);
      const [opened] = fake.openViews(users.alice);
      const empty = { note: { value: { type: 'plain_text_input', value: '' } } };
      const submitted = await sendInteraction(
        appUrl,
        secret,
        viewSubmissionPayload({ fake, view: opened, values: empty }),
      );
      expect(submitted.body).toEqual({ response_action: 'errors', errors: { note: 'Required' } });
      const stale = await sendSlashCommand(
        appUrl,
        secret,
        { command: '/log' },
        { fake, timestamp: Math.floor(Date.now() / 1000) - 600 },
      );
      expect(stale.status).toBe(401);
    } finally {
      await app.stop();
    }
  });
});
