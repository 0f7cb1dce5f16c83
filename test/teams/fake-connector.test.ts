import { App } from '@microsoft/teams.apps';
import { ConsoleLogger } from '@microsoft/teams.common';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ADAPTIVE_CARD_CONTENT_TYPE,
  checkActivitySize,
  decodeJwtPayload,
  type FakeConnector,
  fakeBotToken,
  MAX_ACTIVITY_BYTES,
  startFakeConnector,
  validateTeamsCard,
} from './fake-connector/index.js';

const TENANT = '8c2f7b9e-1111-4a4a-9b9b-000000000001';
const CHAT = 'a:1personal-chat';
const CHANNEL = '19:crm-channel@thread.tacv2';
const APP_ID = 'test-client';

const goodCard = {
  type: 'AdaptiveCard',
  version: '1.5',
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
  body: [
    { type: 'TextBlock', text: 'Log a call with **Ada**', wrap: true },
    { type: 'Input.Text', id: 'note', label: 'Note', isMultiline: true },
    { type: 'FactSet', facts: [{ title: 'Due', value: 'tomorrow' }] },
    {
      type: 'Table',
      columns: [{ width: 1 }],
      rows: [{ type: 'TableRow', cells: [{ type: 'TableCell', items: [{ type: 'TextBlock', text: 'x' }] }] }],
    },
  ],
  actions: [
    { type: 'Action.Execute', title: 'Save', verb: 'save', data: { contactId: 7 } },
    { type: 'Action.Submit', title: 'Open', data: { msteams: { type: 'task/fetch' } } },
  ],
};
const cardWith = (body: unknown[], extra: Record<string, unknown> = {}) => ({ ...goodCard, body, ...extra });
const cardActivity = (card: unknown) => ({
  type: 'message' as const,
  attachments: [{ contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: card }],
});

describe('validateTeamsCard', () => {
  it('accepts a Teams 1.5 card with Action.Execute, Table and inputs', () => {
    expect(validateTeamsCard(goodCard)).toEqual([]);
  });

  it('refuses unknown element types, but not ones with a fallback', () => {
    expect(validateTeamsCard(cardWith([{ type: 'TextBlockz', text: 'hi' }])).join()).toMatch(/TextBlockz/);
    const withActions = { ...goodCard, actions: [{ type: 'Action.Nope', title: 'x' }] };
    expect(validateTeamsCard(withActions).join()).toMatch(/Action\.Nope/);
    expect(validateTeamsCard(cardWith([{ type: 'Rating', fallback: 'drop' }]))).toEqual([]);
  });

  it('refuses versions above 1.5, 1.6-only elements, a missing version and a wrong type', () => {
    expect(validateTeamsCard({ ...goodCard, version: '1.6' }).join()).toMatch(/1\.6 is above 1\.5/);
    expect(validateTeamsCard(cardWith([{ type: 'Carousel', pages: [] }])).join()).toMatch(/Carousel/);
    expect(validateTeamsCard(cardWith([], { version: undefined })).join()).toMatch(/version/);
    expect(validateTeamsCard({ ...goodCard, type: 'HeroCard' }).join()).toMatch(/AdaptiveCard/);
    expect(validateTeamsCard('not a card')).not.toEqual([]);
  });

  it('lets through only the Teams type-ahead extension of 1.5 (choices.data), nothing else from 1.6', () => {
    const typeAhead = {
      type: 'AdaptiveCard',
      version: '1.5',
      body: [
        {
          type: 'Input.ChoiceSet',
          id: 'contacts',
          choices: [{ title: 'Ann', value: 'c1' }],
          'choices.data': { type: 'Data.Query', dataset: 'contacts' },
        },
      ],
    };
    expect(validateTeamsCard(typeAhead)).toEqual([]);
    expect(validateTeamsCard({ ...typeAhead, body: [{ type: 'Carousel', pages: [] }] })).not.toEqual([]);
  });

  it('refuses missing required properties and input ids', () => {
    expect(validateTeamsCard(cardWith([{ type: 'Input.Text' }])).join()).toMatch(/unique Id/);
    expect(validateTeamsCard(cardWith([{ type: 'TextBlock' }])).join()).toMatch(
      /TextBlock requires property "text"/,
    );
    expect(validateTeamsCard(cardWith([{ type: 'Image' }])).join()).toMatch(/"url"/);
    const dup = [
      { type: 'Input.Text', id: 'a' },
      { type: 'Input.Date', id: 'a' },
    ];
    expect(validateTeamsCard(cardWith(dup)).join()).toMatch(/Duplicate Id/);
    expect(validateTeamsCard(cardWith([{ type: 'FactSet', facts: [{ title: 'x' }] }])).join()).toMatch(
      /Fact/,
    );
  });
});

describe('checkActivitySize', () => {
  it('allows up to 28 KB of serialized JSON and no more', () => {
    const overhead = JSON.stringify({ type: 'message', text: '' }).length;
    expect(checkActivitySize({ type: 'message', text: 'x'.repeat(MAX_ACTIVITY_BYTES - overhead) })).toBe(
      true,
    );
    expect(checkActivitySize({ type: 'message', text: 'x'.repeat(MAX_ACTIVITY_BYTES - overhead + 1) })).toBe(
      false,
    );
    // Bytes, not characters: 'é' is two bytes in UTF-8.
    expect(checkActivitySize({ type: 'message', text: 'é'.repeat(MAX_ACTIVITY_BYTES / 2) })).toBe(false);
  });
});

describe('fake Bot Connector', () => {
  let connector: FakeConnector;
  let auth: string;

  const call = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    fetch(new URL(path, connector.serviceUrl), {
      method,
      headers: { authorization: auth, 'content-type': 'application/json', ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const post = (conversationId: string, body: unknown) =>
    call('POST', `v3/conversations/${encodeURIComponent(conversationId)}/activities`, body);
  const errorCode = async (res: Response) => ((await res.json()) as { error: { code: string } }).error.code;

  beforeEach(async () => {
    connector = await startFakeConnector({ rateLimit: { perConversation: 5, windowMs: 60_000 } });
    connector.addConversation({ id: CHAT, tenantId: TENANT, type: 'personal', members: ['aad-ada'] });
    connector.addConversation({ id: CHANNEL, tenantId: TENANT, type: 'channel' });
    auth = `Bearer ${fakeBotToken(APP_ID)}`;
  });
  afterEach(async () => {
    await connector.close();
  });

  describe('driven by the real Teams SDK (App)', () => {
    const newApp = () =>
      new App({
        clientId: APP_ID,
        // No clientSecret: with one, the SDK uses MSAL against login.microsoftonline.com.
        // The token function gets a token from the fake's token endpoint instead.
        token: async (scope) => {
          const res = await fetch(connector.tokenUrl, {
            method: 'POST',
            body: new URLSearchParams({
              grant_type: 'client_credentials',
              client_id: APP_ID,
              client_secret: 'secret',
              scope: [scope].flat()[0] ?? '',
            }),
          });
          return ((await res.json()) as { access_token: string }).access_token;
        },
        serviceUrl: connector.serviceUrl,
        logger: new ConsoleLogger('test', { level: 'error' }),
      });

    it('app.send posts text and Adaptive Cards to the fake, with a bearer token', async () => {
      const app = newApp();
      const text = await app.send(CHAT, 'hello');
      const card = await app.send(CHAT, cardActivity(goodCard));

      expect(text.id).toBe(connector.sent()[0]?.id);
      expect(connector.messages(CHAT).map((m) => m.text ?? m.attachments?.length)).toEqual(['hello', 1]);
      expect(connector.messages(CHAT)[1]?.id).toBe(card.id);
      const posts = connector.calls.filter((c) => c.method === 'POST' && c.conversationId === CHAT);
      expect(posts.map((c) => [c.path, c.status])).toEqual([
        [`/v3/conversations/${CHAT}/activities`, 201],
        [`/v3/conversations/${CHAT}/activities`, 201],
      ]);
      const token = posts[0]!.authorization!.replace(/^Bearer /, '');
      expect(decodeJwtPayload(token)).toMatchObject({ aud: 'https://api.botframework.com', appid: APP_ID });
      expect(connector.calls.find((c) => c.path === '/botframework.com/oauth2/v2.0/token')?.status).toBe(200);
    });

    it('surfaces the connector refusing an invalid card, a removed bot and an unknown conversation', async () => {
      const app = newApp();
      const status = (p: Promise<unknown>) =>
        p.then(
          () => 'sent',
          (e: { response?: { status?: number } }) => e.response?.status,
        );
      expect(await status(app.send(CHAT, cardActivity(cardWith([{ type: 'TextBlockz' }]))))).toBe(400);
      expect(await status(app.send('a:1unknown', 'hi'))).toBe(404);
      connector.removeBot(CHAT);
      expect(await status(app.send(CHAT, 'hi'))).toBe(403);
      expect(connector.sent()).toEqual([]);
    });

    it('updates and deletes through app.api, and replies in a channel thread', async () => {
      const app = newApp();
      const { id } = await app.send(CHAT, 'draft');
      await app.api.conversations.updateActivity(CHAT, id, { type: 'message', text: 'final' });
      expect(connector.messages(CHAT).map((m) => [m.id, m.text])).toEqual([[id, 'final']]);
      await app.api.conversations.deleteActivity(CHAT, id);
      expect(connector.messages(CHAT)).toEqual([]);
      expect(connector.sent().map((m) => m.text)).toEqual(['draft']);

      const root = await app.send(CHANNEL, 'thread root');
      await app.reply(CHANNEL, root.id, 'in thread');
      expect(connector.messages(CHANNEL).map((m) => [m.text, m.replyToId])).toEqual([
        ['thread root', undefined],
        ['in thread', root.id],
      ]);
    });

    it('opens a 1:1 chat via app.api.conversations.create, the same id each time', async () => {
      const app = newApp();
      connector.addMember(TENANT, 'aad-bob');
      const params = {
        isGroup: false,
        bot: { id: `28:${APP_ID}` },
        members: [{ id: 'aad-bob', role: 'user' as const, name: 'Bob' }],
        tenantId: TENANT,
        channelData: { tenant: { id: TENANT } },
      };
      const first = await app.api.conversations.create(params);
      const again = await app.api.conversations.create({
        ...params,
        activity: { type: 'message', text: 'Hi Bob' },
      });
      expect(first.id).toMatch(/^a:1/);
      expect(again.id).toBe(first.id);
      expect(again.activityId).toBe(connector.messages(first.id)[0]?.id);
      expect(connector.conversationFor(TENANT, 'aad-bob')).toBe(first.id);
      await app.send(first.id, 'reminder');
      expect(connector.messages(first.id).map((m) => m.text)).toEqual(['Hi Bob', 'reminder']);

      const stranger = app.api.conversations.create({
        ...params,
        members: [{ id: 'aad-eve', role: 'user', name: 'Eve' }],
      });
      await expect(stranger).rejects.toMatchObject({ response: { status: 403 } });
      const otherTenant = app.api.conversations.create({
        ...params,
        tenantId: 'other',
        channelData: { tenant: { id: 'other' } },
      });
      await expect(otherTenant).rejects.toMatchObject({ response: { status: 403 } });
      expect(connector.conversationFor(TENANT, 'aad-eve')).toBeUndefined();
    });
  });

  describe('refusals over plain HTTP, in the real order', () => {
    it('401 without a bearer JWT, or with a wrong audience or an expired one', async () => {
      const message = { type: 'message', text: 'x' };
      for (const header of [
        '',
        'Bearer not-a-jwt',
        `Bearer ${fakeBotToken(APP_ID, Date.now(), { aud: 'api://other' })}`,
      ]) {
        auth = header;
        expect((await post(CHAT, message)).status).toBe(401);
      }
      auth = `Bearer ${fakeBotToken(APP_ID, Date.now() - 2 * 3600_000)}`;
      expect((await post('a:1unknown', message)).status).toBe(401); // auth is checked before the conversation
      const noAuth = await startFakeConnector({ requireAuth: false });
      noAuth.addConversation({ id: CHAT, tenantId: TENANT, type: 'personal' });
      const res = await fetch(`${noAuth.serviceUrl}v3/conversations/${CHAT}/activities`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(message),
      });
      expect(res.status).toBe(201);
      await noAuth.close();
    });

    it('404 ConversationNotFound, then 403 BotNotInConversationRoster', async () => {
      const res = await post('a:1unknown', { type: 'message', text: 'x' });
      expect([res.status, await errorCode(res)]).toEqual([404, 'ConversationNotFound']);
      connector.removeBot(CHAT);
      const removed = await post(CHAT, { type: 'message', text: 'x'.repeat(40_000) });
      expect([removed.status, await errorCode(removed)]).toEqual([403, 'BotNotInConversationRoster']);
    });

    it('injected 429 (with Retry-After) and 5xx come before the size and card checks', async () => {
      connector.failNext(CHAT, { status: 429, retryAfterSeconds: 7 });
      connector.failNext(CHAT, { status: 503 });
      const throttled = await post(CHAT, { type: 'message', text: 'x'.repeat(40_000) });
      expect([throttled.status, throttled.headers.get('retry-after')]).toEqual([429, '7']);
      expect((await post(CHAT, cardActivity({ type: 'AdaptiveCard' }))).status).toBe(503);
      expect((await post(CHAT, { type: 'message', text: 'ok' })).status).toBe(201);
    });

    it('rate-limits per conversation with 429 and Retry-After', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++)
        statuses.push((await post(CHAT, { type: 'message', text: `m${i}` })).status);
      expect(statuses).toEqual([201, 201, 201, 201, 201, 429]);
      const limited = await post(CHAT, { type: 'message', text: 'again' });
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await post(CHANNEL, { type: 'message', text: 'other thread' })).status).toBe(201);
      expect(connector.messages(CHAT)).toHaveLength(5);
    });

    it('defaults to the per-thread limits Teams documents (7 per second)', async () => {
      const teams = await startFakeConnector();
      teams.addConversation({ id: CHAT, tenantId: TENANT, type: 'personal' });
      const statuses: number[] = [];
      for (let i = 0; i < 8; i++) {
        const res = await fetch(`${teams.serviceUrl}v3/conversations/${CHAT}/activities`, {
          method: 'POST',
          headers: { authorization: auth, 'content-type': 'application/json' },
          body: JSON.stringify({ type: 'message', text: `m${i}` }),
        });
        statuses.push(res.status);
      }
      expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
      await teams.close();
    });

    it('413 MessageSizeTooBig above 28 KB, 400 BadArgument for an invalid card or no type', async () => {
      const big = await post(CHAT, { type: 'message', text: 'x'.repeat(MAX_ACTIVITY_BYTES) });
      expect([big.status, await errorCode(big)]).toEqual([413, 'MessageSizeTooBig']);
      const bad = await post(CHAT, cardActivity(cardWith([{ type: 'Input.Text' }])));
      const body = (await bad.json()) as { error: { code: string; message: string } };
      expect([bad.status, body.error.code]).toEqual([400, 'BadArgument']);
      expect(body.error.message).toMatch(/unique Id/);
      expect((await post(CHAT, { text: 'no type' })).status).toBe(400);
      const stringCard = { contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: JSON.stringify(goodCard) };
      expect((await post(CHAT, { type: 'message', attachments: [stringCard] })).status).toBe(201);
      expect(connector.sent()).toHaveLength(1);
    });

    it('PUT and DELETE an unknown activity: 404 ActivityNotFoundInConversation', async () => {
      const put = await call('PUT', `v3/conversations/${CHAT}/activities/123`, {
        type: 'message',
        text: 'x',
      });
      expect([put.status, await errorCode(put)]).toEqual([404, 'ActivityNotFoundInConversation']);
      expect((await call('DELETE', `v3/conversations/${CHAT}/activities/123`)).status).toBe(404);
    });

    it('POSTs to the reply-to route and decodes URL-encoded conversation ids', async () => {
      const root = (await (await post(CHAT, { type: 'message', text: 'root' })).json()) as { id: string };
      const res = await call('POST', `v3/conversations/${encodeURIComponent(CHAT)}/activities/${root.id}`, {
        type: 'message',
        text: 'reply',
      });
      expect(res.status).toBe(201);
      expect(connector.messages(CHAT).map((m) => m.replyToId)).toEqual([undefined, root.id]);
      expect(connector.calls.at(-1)).toMatchObject({
        conversationId: CHAT,
        activityId: root.id,
        status: 201,
      });
    });

    it('starts a channel thread via POST /v3/conversations', async () => {
      const res = await call('POST', 'v3/conversations', {
        isGroup: true,
        channelData: { channel: { id: CHANNEL }, tenant: { id: TENANT } },
        activity: { type: 'message', text: 'new thread' },
      });
      const body = (await res.json()) as { id: string; activityId: string };
      expect(res.status).toBe(201);
      expect(body.id).toBe(`${CHANNEL};messageid=${body.activityId}`);
      expect((await post(body.id, { type: 'message', text: 'reply' })).status).toBe(201);
      expect(connector.messages(CHANNEL).map((m) => [m.text, m.replyToId])).toEqual([
        ['new thread', undefined],
        ['reply', body.activityId],
      ]);
    });

    it('token endpoint: a JWT-shaped client_credentials token, and OAuth errors', async () => {
      const form = (fields: Record<string, string>) =>
        fetch(connector.tokenUrl, { method: 'POST', body: new URLSearchParams(fields) });
      const grant = {
        grant_type: 'client_credentials',
        client_id: APP_ID,
        client_secret: 'secret',
        scope: 'https://api.botframework.com/.default',
      };
      const res = await form(grant);
      const token = (await res.json()) as { token_type: string; expires_in: number; access_token: string };
      expect([res.status, token.token_type, token.expires_in]).toEqual([200, 'Bearer', 3600]);
      const claims = decodeJwtPayload(token.access_token);
      expect(claims).toMatchObject({ aud: 'https://api.botframework.com', appid: APP_ID });
      expect(Number(claims?.exp)).toBeGreaterThan(Date.now() / 1000);
      expect((await form({ ...grant, grant_type: 'password' })).status).toBe(400);
      expect((await form({ ...grant, client_secret: '' })).status).toBe(401);
      expect((await form({ ...grant, scope: '' })).status).toBe(400);
    });
  });
});
