import { beforeAll, describe, expect, it } from 'vitest';
import { seedTenant, type TeamsWorld } from './support/seed.js';
import { useTeamsApp } from './support/teams-app.js';
import {
  CARD_UNREADABLE,
  expectOneRefusalLogged,
  fromMallory,
  MALLORY,
  MALLORY_CHAT,
  recordingLogger,
  storeSnapshot,
  UNREADABLE,
} from './support/unreadable.js';

type Body = Record<string, unknown> | undefined;

/** What each invoke surface shows the person when its payload could not be read. */
const SURFACES = {
  dialog: (body: Body) => {
    const task = body?.task as { type?: string; value?: string } | undefined;
    expect(task?.type, JSON.stringify(body)).toBe('message');
    expect(task?.value).toContain(UNREADABLE);
    return task?.value ?? '';
  },
  card: (body: Body) => {
    expect(body?.type, JSON.stringify(body)).toBe('application/vnd.microsoft.activity.message');
    expect(body?.value).toContain(CARD_UNREADABLE);
    return String(body?.value);
  },
  messageExtension: (body: Body) => {
    const answer = body?.composeExtension as { type?: string; text?: string } | undefined;
    expect(answer?.type, JSON.stringify(body)).toBe('message');
    expect(answer?.text).toContain(UNREADABLE);
    return answer?.text ?? '';
  },
  typeAhead: (body: Body) => {
    expect(body).toMatchObject({
      type: 'application/vnd.microsoft.search.searchResponse',
      value: { results: [] },
    });
    return '';
  },
  bare: (body: Body) => {
    expect(body ?? {}).toEqual({});
    return '';
  },
};

const INVOKES: [name: string, surface: keyof typeof SURFACES][] = [
  ['task/fetch', 'dialog'],
  ['task/submit', 'dialog'],
  ['adaptiveCard/action', 'card'],
  ['composeExtension/query', 'messageExtension'],
  ['composeExtension/fetchTask', 'messageExtension'],
  ['composeExtension/submitAction', 'messageExtension'],
  ['application/search', 'typeAhead'],
  ['fileConsent/invoke', 'bare'],
  ['message/submitAction', 'bare'],
];

/** The issue's cases and their cousins: no value at all, null, text, a number, an array, a boolean. */
const NOT_AN_OBJECT: [label: string, value: Record<string, unknown>][] = [
  ['no value', {}],
  ['a null value', { value: null }],
  ['a text value', { value: 'hello' }],
  ['a number value', { value: 42 }],
  ['an array value', { value: [{ data: {} }] }],
  ['a boolean value', { value: true }],
];

const logFields = { contacts: 'c1', type: 'Call', description: 'Mallory was here' };
const ctx = { v: 'timeline', ref: { k: 'contact', s: 'c1' } };
const execute = (verb: unknown, data: unknown) => ({ action: { type: 'Action.Execute', verb, data } });

/** Values of the right outer shape with the wrong inside: wrong types, missing ids, arrays for objects. */
const MALFORMED: [name: string, label: string, value: unknown][] = [
  ['task/fetch', 'data as text', { data: 'log' }],
  ['task/fetch', 'data as an array', { data: [{ dialog: 'log' }] }],
  ['task/fetch', 'an edit without the interaction id', { data: { dialog: 'edit' } }],
  ['task/fetch', 'an edit with a numeric id', { data: { dialog: 'edit', id: 42 } }],
  ['task/fetch', 'a dialog nobody knows', { data: { dialog: 'sudo' } }],
  ['task/fetch', 'contact ids as text', { data: { dialog: 'log', contactIds: 'c1,c2' } }],
  ['task/fetch', 'contact ids as objects', { data: { contactIds: [{ id: 'c1' }] } }],
  ['task/submit', 'no data', { context: { theme: 'dark' } }],
  ['task/submit', 'a null data', { data: null }],
  ['task/submit', 'a log without its submission key', { data: { dialog: 'log', ...logFields } }],
  ['task/submit', 'a numeric submission key', { data: { dialog: 'log', key: 7, ...logFields } }],
  [
    'task/submit',
    'contacts as a list',
    { data: { dialog: 'log', key: 'k1', ...logFields, contacts: ['c1'] } },
  ],
  [
    'task/submit',
    'contacts as an object',
    { data: { dialog: 'log', key: 'k2', ...logFields, contacts: { id: 'c1' } } },
  ],
  [
    'task/submit',
    'a toggle as a boolean',
    { data: { dialog: 'log', key: 'k3', ...logFields, important: true } },
  ],
  ['task/submit', 'an edit without its id', { data: { dialog: 'edit', key: 'k4', ...logFields } }],
  [
    'task/submit',
    'a contact with a numeric name',
    { data: { dialog: 'contact.add', key: 'k5', firstName: 42 } },
  ],
  ['task/submit', 'a contact without its key', { data: { dialog: 'contact.add', firstName: 'Mallory' } }],
  [
    'task/submit',
    'settings with a list of types',
    { data: { dialog: 'settings', interactionTypes: ['Call'] } },
  ],
  [
    'task/submit',
    'a role change naming an object',
    { data: { dialog: 'roles', rolePerson: {}, newRole: 'owner' } },
  ],
  ['adaptiveCard/action', 'an action as text', { action: 'timeline.page' }],
  ['adaptiveCard/action', 'an action without a verb', { action: { type: 'Action.Execute', data: {} } }],
  ['adaptiveCard/action', 'a numeric verb', execute(7, {})],
  ['adaptiveCard/action', 'a delete without its id', execute('item.delete.confirm', { ctx })],
  [
    'adaptiveCard/action',
    'a delete with data as a list',
    execute('item.delete.confirm', [{ id: 'i1', ctx }]),
  ],
  ['adaptiveCard/action', 'a page without its context', execute('timeline.page', {})],
  [
    'adaptiveCard/action',
    'a list filter of the wrong type',
    execute('list.page', { ctx: { v: 'list', filter: { types: 'Call' }, sort: 'date' } }),
  ],
  [
    'adaptiveCard/action',
    'an export whose filter is a list',
    execute('list.export', { ctx: { v: 'list', filter: ['Call'], sort: 'date' } }),
  ],
  ['adaptiveCard/action', 'done with a numeric id', execute('followup.done', { id: 5 })],
  [
    'adaptiveCard/action',
    'a snooze nobody offers',
    execute('followup.snooze', { id: 'i1', preset: 'forever' }),
  ],
  ['adaptiveCard/action', 'an inline log without its key', execute('log.here.submit', { ...logFields })],
  [
    'adaptiveCard/action',
    'an inline contact with a list name',
    execute('contact.here.submit', { submission: 's', firstName: ['M'] }),
  ],
  ['adaptiveCard/action', 'log here with one id as text', execute('log.here', { contactIds: 'c1' })],
  ['composeExtension/query', 'parameters as text', { commandId: 'findContact', parameters: 'ann' }],
  [
    'composeExtension/query',
    'a query as an object',
    { commandId: 'findContact', parameters: [{ name: 'query', value: {} }] },
  ],
  ['composeExtension/query', 'no command id', { parameters: [{ name: 'query', value: 'ann' }] }],
  [
    'composeExtension/query',
    'a count as text',
    { commandId: 'findContact', parameters: [], queryOptions: { count: 'ten' } },
  ],
  [
    'composeExtension/fetchTask',
    'a message payload as text',
    { commandId: 'logInteraction', messagePayload: 'hi' },
  ],
  [
    'composeExtension/fetchTask',
    'a numeric message body',
    { commandId: 'logInteraction', messagePayload: { body: { content: 5 } } },
  ],
  ['composeExtension/submitAction', 'no data', { commandId: 'logInteraction' }],
  [
    'composeExtension/submitAction',
    'no submission key',
    { commandId: 'logInteraction', data: { ...logFields } },
  ],
  [
    'composeExtension/submitAction',
    'a numeric description',
    { commandId: 'logInteraction', data: { key: 'k6', ...logFields, description: 5 } },
  ],
  ['application/search', 'a numeric query', { queryText: 5, dataset: 'contacts' }],
  ['fileConsent/invoke', 'a consent nobody can give', { type: 'fileUpload', action: 'maybe' }],
];

const SURFACE_OF = Object.fromEntries(INVOKES);

describe('Teams invokes whose payload does not parse', () => {
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

  async function invoke(name: string, fields: Record<string, unknown>) {
    const mark = log.lines.length;
    const response = await t.post(fromMallory(t.connector.serviceUrl, { type: 'invoke', name, ...fields }));
    return { response, logged: log.since(mark) };
  }

  describe.each(INVOKES)('%s', (name, surface) => {
    it.each(NOT_AN_OBJECT)(
      'with %s: HTTP 200, the message on its surface, one log line, nothing written',
      async (_, fields) => {
        const { response, logged } = await invoke(name, fields);
        const said = SURFACES[surface](response.body as Body);
        expectOneRefusalLogged(response, logged, said);
        expect(logged[0]?.context.invoke).toBe(name);
        expect(await storeSnapshot(t.container, world)).toEqual(before);
      },
    );
  });

  it.each(MALFORMED)(
    '%s with %s: refused on its surface, logged once with the refused path, nothing written',
    async (name, _, value) => {
      const { response, logged } = await invoke(name, { value });
      const said = SURFACES[SURFACE_OF[name] as keyof typeof SURFACES](response.body as Body);
      expectOneRefusalLogged(response, logged, said, 'Mallory was here');
      expect(await storeSnapshot(t.container, world)).toEqual(before);
      expect(t.connector.messages(MALLORY_CHAT)).toEqual([]);
    },
  );

  it('names the verb, the dialog and the refused paths in the log line, never the values', async () => {
    const card = await invoke('adaptiveCard/action', {
      value: execute('followup.done', { id: 5, token: 'eyJsecret' }),
    });
    expect(card.logged[0]?.context).toMatchObject({
      invoke: 'adaptiveCard/action',
      verb: 'followup.done',
      issues: [{ path: 'value.action.data.id', code: 'invalid_type' }],
    });
    const dialog = await invoke('task/submit', {
      value: { data: { dialog: 'edit', key: 'k', description: 'secret words' } },
    });
    expect(dialog.logged[0]?.context).toMatchObject({
      dialog: 'edit',
      issues: [{ path: 'value.data.id', code: 'invalid_type' }],
    });
    expect(JSON.stringify([card.logged, dialog.logged])).not.toMatch(/eyJsecret|secret words/);
  });
});
