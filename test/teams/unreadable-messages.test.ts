import { beforeAll, describe, expect, it } from 'vitest';
import { action, cardOf, cardText, dialogCard } from './support/cards.js';
import { addContact, seedTenant, type TeamsWorld } from './support/seed.js';
import { personalChat, useTeamsApp } from './support/teams-app.js';
import {
  expectOneRefusalLogged,
  fromMallory,
  MALLORY,
  MALLORY_CHAT,
  recordingLogger,
  storeSnapshot,
  UNREADABLE,
} from './support/unreadable.js';

/** Messages whose fields have the wrong shape: each gets a reply saying so, and nothing else happens. */
const MALFORMED_MESSAGES: [label: string, fields: Record<string, unknown>][] = [
  ['text as a number', { text: 42 }],
  ['text as an object', { text: { content: 'help' } }],
  ['an Action.Submit value as text', { text: '', value: 'submit' }],
  ['an Action.Submit value as a list', { value: [{ verb: 'x' }] }],
  ['entities as text', { text: 'help', entities: 'clientInfo' }],
  [
    'a mention that names nobody',
    { text: '<at>Bot</at> help', entities: [{ type: 'mention', text: '<at>Bot</at>' }] },
  ],
  ['a numeric time zone', { text: 'help', localTimezone: 120 }],
  ['a numeric time zone in clientInfo', { text: 'help', entities: [{ type: 'clientInfo', timezone: 120 }] }],
  ['a sender given as text', { text: 'help', from: 'mallory' }],
  ['channel data as a list', { text: 'help', channelData: [{ tenant: 'x' }] }],
  ['attachments as an object', { text: 'contact import', attachments: { name: 'x.csv' } }],
  ['an attachment without a content type', { text: 'contact import', attachments: [{ name: 'x.csv' }] }],
];

/** Activities nobody can be answered on (no conversation, or an event): logged once, HTTP 200, nothing else. */
const BROKEN_ENVELOPES: [label: string, fields: Record<string, unknown>][] = [
  ['no conversation', { type: 'message', text: 'help', conversation: undefined }],
  [
    'a conversation id as a number',
    { type: 'invoke', name: 'task/fetch', value: { data: {} }, conversation: { id: 7 } },
  ],
  ['an install with a numeric action', { type: 'installationUpdate', action: 5 }],
  ['members added as text', { type: 'conversationUpdate', membersAdded: 'everyone' }],
  ['members added without ids', { type: 'conversationUpdate', membersAdded: [{ name: 'Eve' }] }],
  ['a type that is not text', { type: ['message'], text: 'help' }],
];

describe('Teams messages and events whose payload does not parse', () => {
  const log = recordingLogger();
  const t = useTeamsApp({ logger: log.logger });
  let world: TeamsWorld;
  let before: Awaited<ReturnType<typeof storeSnapshot>>;

  beforeAll(async () => {
    world = await seedTenant(t.container);
    t.connector.addMember(world.workspace.externalId, MALLORY.aadObjectId);
    t.connector.addConversation({
      id: MALLORY_CHAT,
      tenantId: world.workspace.externalId,
      type: 'personal',
      members: [MALLORY.aadObjectId],
    });
    before = await storeSnapshot(t.container, world);
  });

  async function post(fields: Record<string, unknown>) {
    const mark = log.lines.length;
    const response = await t.post(fromMallory(t.connector.serviceUrl, fields));
    return { response, logged: log.since(mark) };
  }

  it.each(MALFORMED_MESSAGES)(
    'with %s: a reply saying so, HTTP 200, one log line, nothing written',
    async (_, fields) => {
      const sent = t.connector.messages(MALLORY_CHAT).length;
      const { response, logged } = await post({ type: 'message', ...fields });
      const replies = t.connector.messages(MALLORY_CHAT).slice(sent);
      expect(replies).toHaveLength(1);
      const said = String(replies[0]?.text);
      expect(said).toContain(UNREADABLE);
      expectOneRefusalLogged(response, logged, said);
      expect(logged[0]?.context.activityType).toBe('message');
      expect(await storeSnapshot(t.container, world)).toEqual(before);
    },
  );

  it.each(BROKEN_ENVELOPES)('with %s: HTTP 200, one log line, nothing sent or written', async (_, fields) => {
    const sent = t.connector.messages(MALLORY_CHAT).length;
    const { response, logged } = await post(fields);
    expectOneRefusalLogged(response, logged, '');
    expect(t.connector.messages(MALLORY_CHAT)).toHaveLength(sent);
    expect(await storeSnapshot(t.container, world)).toEqual(before);
  });

  it.each([
    ['text/plain', 'help'],
    ['application/json', '[{"type":"message"}]'],
    ['application/json', '"message"'],
    ['application/json', '{"type": "mess'],
  ])('refuses a %s body %s that is no activity as a bad request, never a 500', async (type, body) => {
    const response = await fetch(t.url, { method: 'POST', headers: { 'content-type': type }, body });
    expect(response.status).toBe(400);
    expect(await storeSnapshot(t.container, world)).toEqual(before);
  });

  it('refuses a body over 100 kB with a 413 in JSON, not an HTML page, and writes nothing', async () => {
    const body = JSON.stringify({ type: 'message', text: 'x'.repeat(120_000) });
    const response = await fetch(t.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ error: 'A Teams activity is at most 100 kB.' });
    expect(await storeSnapshot(t.container, world)).toEqual(before);
  });
});

describe('Teams payloads with fields nobody asked for', () => {
  const log = recordingLogger();
  const t = useTeamsApp({ logger: log.logger });
  let world: TeamsWorld;
  let annId: string;
  const future = { futureField: { nested: [1, 'two'] }, anotherOne: null };
  let mark = 0;

  beforeAll(async () => {
    world = await seedTenant(t.container);
    annId = (await addContact(t.container, world.actors.alice, 'Ann', 'Lévy')).id;
    mark = log.lines.length; // after the start-up notices
  });

  const warnings = () => log.since(mark).filter((line) => line.level === 'warn' || line.level === 'error');

  it('answers a message, logs from a dialog and pages a card as before, and warns about nothing', async () => {
    await t.message('help', {
      extra: {
        ...future,
        channelData: { tenant: { id: world.workspace.externalId }, x: 1 },
        // An entity kind the adapter does not read may hold anything.
        entities: [
          { type: 'https://schema.org/Message', text: 5, citation: [] },
          { type: 'clientInfo', x: 1 },
        ],
      },
    });
    expect(cardText(cardOf(t.connector.messages(personalChat('alice')).at(-1)))).toContain(
      'Log an interaction',
    );

    const opened = await t.invoke('task/fetch', {
      data: { dialog: 'log', contactIds: [annId], msteams: { type: 'task/fetch' }, ...future },
      context: { theme: 'dark' },
      ...future,
    });
    const submit = {
      ...action(dialogCard(opened.body), 'Log').data,
      contacts: annId,
      type: 'Call',
      ...future,
    };
    const logged = await t.invoke('task/submit', {
      data: { ...submit, description: 'With extras' },
      ...future,
    });
    expect((logged.body as { task: { value: string } }).task.value).toMatch(/Logged: Call with Ann Lévy/);
    const timeline = await t.container.interactions.contactTimeline(world.actors.alice, { contactId: annId });
    expect(timeline.items.map((item) => item.description)).toEqual(['With extras']);

    await t.message('timeline ann');
    const card = cardOf(t.connector.messages(personalChat('alice')).at(-1));
    const open = action(card, 'Log interaction');
    expect(open.data).toMatchObject({ contactIds: [annId] });
    const query = await t.invoke('composeExtension/query', {
      commandId: 'findContact',
      parameters: [{ name: 'query', value: 'ann', ...future }],
      queryOptions: { count: 5, skip: 0, ...future },
      ...future,
    });
    expect(
      (query.body as { composeExtension: { attachments: unknown[] } }).composeExtension.attachments,
    ).toHaveLength(1);
    expect(warnings()).toEqual([]);
  });
});
