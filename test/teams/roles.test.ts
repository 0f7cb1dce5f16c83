import { describe, expect, it } from 'vitest';
import { rolesDialogCard } from '../../src/adapters/teams/cards/roles-dialog-card.js';
import { storageOf } from '../../src/app/container.js';
import { presentPeople } from '../../src/core/views/people-view.js';
import type { Member } from '../../src/core/workspaces/workspace.js';
import { action, cardOf, cardText, dialogCard, expectValidCard } from './support/cards.js';
import { seedTenant, type TeamsWorld } from './support/seed.js';
import { personalChat, USERS, useTeamsApp } from './support/teams-app.js';

const fetchTask = (data: Record<string, unknown>) => ({
  data: { ...data, msteams: { type: 'task/fetch' } },
  context: { theme: 'default' },
});

/** The choices of a ChoiceSet, by input id. */
function choicesOf(card: unknown, id: string): { title: string; value: string }[] {
  const found: { title: string; value: string }[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node !== 'object' || node === null) return;
    const record = node as Record<string, unknown>;
    if (record.id === id && Array.isArray(record.choices)) found.push(...(record.choices as typeof found));
    for (const value of Object.values(record)) if (typeof value === 'object') walk(value);
  };
  walk(card);
  return found;
}

type TaskAnswer = { task?: { type?: string; value?: unknown } };
const closedWith = (body: unknown) => {
  const task = (body as TaskAnswer).task;
  expect(task?.type, JSON.stringify(body)).toBe('message');
  return String(task?.value);
};

const NEWCOMER = '00000000-0000-4000-8000-0000000e1e1e';
const NAMELESS = '00000000-0000-4000-8000-00000000a0a0';
/** An Entra id no activity ever came from: the app has no member record for it. */
const NEVER_SEEN = '00000000-0000-4000-8000-0000000dead0';

describe('Teams people and roles (F16, F17)', () => {
  const t = useTeamsApp();
  let world: TeamsWorld;

  const roleOf = async (userId: string) =>
    (await storageOf(t.container).repositories.members.find(world.workspace.id, userId))?.role;
  const openRoles = async (user: keyof typeof USERS = 'alice') =>
    t.invoke('task/fetch', fetchTask({ dialog: 'roles' }), { user });
  const changeRole = (values: Record<string, string>, user: keyof typeof USERS = 'alice') =>
    t.invoke('task/submit', { data: { dialog: 'roles', ...values } }, { user });

  it('help says where roles are managed, and settings offers them to an admin', async () => {
    world = await seedTenant(t.container);
    await t.message('help');
    expect(cardText(cardOf(t.connector.messages(personalChat('alice')).at(-1)))).toMatch(
      /settings.*\n?.*roles/i,
    );
    await t.message('settings');
    const card = cardOf(t.connector.messages(personalChat('alice')).at(-1));
    expectValidCard(card);
    expect(action(card, 'People and roles').data).toMatchObject({
      dialog: 'roles',
      msteams: { type: 'task/fetch' },
    });
  });

  it('lists everyone by display name under their role, never by platform id', async () => {
    await t.container.workspaces.resolveActor({
      workspace: world.workspace,
      userId: NEWCOMER,
      displayName: '**Eve** <at>Everyone</at>',
    });
    await t.container.workspaces.resolveActor({ workspace: world.workspace, userId: NAMELESS });
    const card = dialogCard((await openRoles()).body);
    expectValidCard(card);
    const text = cardText(card);
    expect(text).toMatch(/Admins\*\* \(1\)\nAlice Martin/);
    expect(text).toMatch(
      /Members\*\* \(3\)\n\\\*\\\*Eve\\\*\\\* \\<at\\>Everyone\\<\/at\\>, Bob Cohen, Name not known yet/,
    );
    expect(text).toMatch(/Viewers\*\* \(1\)\nVera Viewer/);
    const names = cardText(
      card.body?.filter((element) => (element as { type?: string }).type === 'TextBlock'),
    );
    expect(names).toContain('Name not known yet');
    expect(names).not.toContain(NAMELESS);
    const people = choicesOf(card, 'rolePerson');
    expect(people.map((person) => person.value)).toEqual(
      expect.arrayContaining([USERS.alice.aad, USERS.bob.aad, USERS.vera.aad, NEWCOMER, NAMELESS]),
    );
    expect(people.find((person) => person.value === USERS.bob.aad)?.title).toBe('Bob Cohen (member)');
    expect(people.every((person) => !person.title.includes('00000000-'))).toBe(true);
    expect(choicesOf(card, 'newRole').map((choice) => choice.value)).toEqual(['owner', 'member', 'viewer']);
  });

  it('changes a role, and the person has it on their very next message', async () => {
    const answer = closedWith((await changeRole({ rolePerson: USERS.bob.aad, newRole: 'owner' })).body);
    expect(answer).toBe('Bob Cohen is now an admin.');
    expect(await roleOf(USERS.bob.aad)).toBe('owner');
    // Bob's role was cached a moment ago; the change reaches him without waiting for it to expire.
    expectValidCard(dialogCard((await openRoles('bob')).body));

    expect(
      closedWith((await changeRole({ rolePerson: USERS.alice.aad, newRole: 'viewer' }, 'bob')).body),
    ).toBe('Alice Martin is now a viewer.');
    expect(closedWith((await openRoles('alice')).body)).toMatch(/Only workspace admins/);
    await t.message('log');
    expect(String(t.connector.messages(personalChat('alice')).at(-1)?.text)).toMatch(/Viewers can read/);
  });

  it('never demotes the last admin, and says why inside the dialog', async () => {
    const refused = dialogCard(
      (await changeRole({ rolePerson: USERS.bob.aad, newRole: 'member' }, 'bob')).body,
    );
    expectValidCard(refused);
    expect(cardText(refused)).toContain('You are the only workspace admin');
    // What was chosen stays chosen, so the admin sees what was refused.
    expect(JSON.stringify(refused)).toContain(`"value":"${USERS.bob.aad}"`);
    expect(await roleOf(USERS.bob.aad)).toBe('owner');
  });

  it('refuses half a change and writes nothing', async () => {
    const noRole = dialogCard((await changeRole({ rolePerson: USERS.vera.aad }, 'bob')).body);
    expect(cardText(noRole)).toContain('Choose the role to give this person.');
    const noPerson = dialogCard((await changeRole({ newRole: 'owner' }, 'bob')).body);
    expect(cardText(noPerson)).toContain('Choose whose role changes.');
    expect(await roleOf(USERS.vera.aad)).toBe('viewer');
  });

  it('refuses a role for someone who has not used the app yet, inside the dialog, and writes nothing', async () => {
    const audit = async () =>
      (await storageOf(t.container).repositories.audit.listForTarget(world.workspace.id, NEVER_SEEN)).length;
    const auditBefore = await audit();
    const refused = dialogCard((await changeRole({ rolePerson: NEVER_SEEN, newRole: 'member' }, 'bob')).body);
    expectValidCard(refused);
    expect(cardText(refused)).toContain('has not used the app yet');
    expect(cardText(refused)).toContain('Ask them to open the app once');
    expect(cardText(refused)).toContain('Nothing was saved.');
    expect(await roleOf(NEVER_SEEN)).toBeUndefined();
    expect(await audit()).toBe(auditBefore);
  });

  it('is refused to anyone but an admin, opening or submitting', async () => {
    expect(closedWith((await openRoles('vera')).body)).toMatch(/Only workspace admins/);
    expect(
      closedWith((await changeRole({ rolePerson: USERS.vera.aad, newRole: 'owner' }, 'vera')).body),
    ).toMatch(/Only workspace admins/);
    expect(await roleOf(USERS.vera.aad)).toBe('viewer');
  });

  it('finds anyone by name when the workspace is too big to list them all, for admins only', async () => {
    const search = (user: keyof typeof USERS) =>
      t.invoke(
        'application/search',
        { queryText: 'vera', dataset: 'people', kind: 'search', queryOptions: { top: 10, skip: 0 } },
        { user },
      );
    expect((await search('bob')).body).toMatchObject({
      value: { results: [{ title: 'Vera Viewer (viewer)', value: USERS.vera.aad }] },
    });
    expect((await search('vera')).body).toMatchObject({ value: { results: [] } });

    const crowd: Member[] = Array.from({ length: 200 }, (_, index) => ({
      workspaceId: world.workspace.id,
      userId: `user-${index}`,
      role: 'member',
      displayName: `Person ${String(index).padStart(3, '0')}`,
      createdAt: t.clock.now(),
      updatedAt: t.clock.now(),
    }));
    const card = rolesDialogCard(presentPeople(crowd));
    expectValidCard(card);
    expect(choicesOf(card, 'rolePerson')).toHaveLength(150);
    expect(JSON.stringify(card)).toContain('"choices.data":{"type":"Data.Query","dataset":"people"}');
    expect(cardText(card)).toContain('and 170 more');
  });

  it('sets the role newcomers get from the settings dialog', async () => {
    const settings = dialogCard(
      (await t.invoke('task/fetch', fetchTask({ dialog: 'settings' }), { user: 'bob' })).body,
    );
    expectValidCard(settings);
    expect(choicesOf(settings, 'defaultRole').map((choice) => choice.value)).toEqual(['viewer', 'member']);
    // Roles are changed in their own dialog, one write: this one saves settings alone, all or nothing.
    expect(JSON.stringify(settings)).not.toContain('"id":"rolePerson"');
    const saved = await t.invoke(
      'task/submit',
      { data: { ...action(settings, 'Save settings').data, defaultRole: 'viewer' } },
      { user: 'bob' },
    );
    expect(closedWith(saved.body)).toBe('Settings saved.');
    expect((await t.container.workspaces.getSettings(world.actors.alice)).defaultRole).toBe('viewer');
  });
});
