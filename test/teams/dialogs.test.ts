import { beforeAll, describe, expect, it } from 'vitest';
import { action, cardOf, cardText, dialogCard, expectValidCard } from './support/cards.js';
import { addContact, seedTenant, type TeamsWorld } from './support/seed.js';
import { personalChat, USERS, useTeamsApp } from './support/teams-app.js';

/** What Teams sends on task/fetch from a button: the button's data. */
const fetchTask = (data: Record<string, unknown>) => ({
  data: { ...data, msteams: { type: 'task/fetch' } },
  context: { theme: 'default' },
});

describe('Teams log dialog (task modules)', () => {
  const t = useTeamsApp();
  let world: TeamsWorld;
  // The tenant and its people only; every test adds the contacts and records it reads, with
  // names no other test uses, so the tests pass in any order (run with --sequence.shuffle).
  beforeAll(async () => {
    world = await seedTenant(t.container);
  });

  const submitData = (card: unknown) => action(card, 'Log').data;
  const interactionsOf = (contactId: string) =>
    t.container.interactions.contactTimeline(world.actors.alice, { contactId }).then((page) => page.items);
  const contact = async (firstName: string, lastName: string) =>
    (await addContact(t.container, world.actors.alice, firstName, lastName)).id;
  /** A backdated visit for the contact with an open follow-up, logged by alice. */
  const loggedVisit = async (contactId: string, key: string) => {
    const logged = await t.container.interactions.logInteraction(world.actors.alice, {
      idempotencyKey: key,
      contactIds: [contactId],
      type: 'Visit',
      description: 'Met at the fair',
      occurredAt: new Date('2026-11-10T15:30:00.000Z'),
      followUp: { dueAt: new Date('2026-11-20T09:00:00.000Z'), assigneeId: USERS.bob.aad },
    });
    const [interaction] = logged.interactions;
    if (!interaction) throw new Error('nothing logged');
    return interaction;
  };

  it('opens with the contacts the button named, the time set to now', async () => {
    const annId = (await addContact(t.container, world.actors.alice, 'Ann', 'Lévy', 'ann@acme.org')).id;
    const response = await t.invoke('task/fetch', fetchTask({ dialog: 'log', contactIds: [annId] }));
    const card = dialogCard(response.body);
    expectValidCard(card);
    const text = cardText(card);
    expect(text).toContain('Ann Lévy');
    expect(text).toContain('2026-11-16');
    expect(JSON.stringify(card)).toContain('"dataset":"contacts"');
  });

  it("opens from a timeline card's button with the contact it names, without reading it again", async () => {
    const annId = await contact('Ann', 'Timeline');
    await t.message('timeline ann timeline');
    const timeline = cardOf(t.connector.messages(personalChat('alice')).at(-1));
    const button = action(timeline, 'Log interaction');
    expect(button.data).toMatchObject({ contactIds: [annId], contactNames: ['Ann Timeline'] });
    // The name shown is the one the button carried: no read happened to find it.
    const renamed = { ...button.data, contactNames: ['Ann (as the card showed her)'] };
    const card = dialogCard((await t.invoke('task/fetch', fetchTask(renamed))).body);
    expectValidCard(card);
    expect(cardText(card)).toContain('Ann (as the card showed her)');
    // Names that do not line up with the ids are ignored: the contacts are read.
    const mismatched = { ...button.data, contactNames: [] };
    const read = dialogCard((await t.invoke('task/fetch', fetchTask(mismatched))).body);
    expect(cardText(read)).toContain('Ann Timeline');
  });

  it('offers contacts and assignees by type-ahead (application/search)', async () => {
    const bobContactId = await contact('Benoît', 'Roy');
    const contacts = await t.invoke('application/search', {
      queryText: 'beno',
      dataset: 'contacts',
      kind: 'search',
      queryOptions: { top: 10, skip: 0 },
    });
    expect(contacts.body).toMatchObject({
      type: 'application/vnd.microsoft.search.searchResponse',
      value: { results: [{ title: 'Benoît Roy', value: bobContactId }] },
    });
    const members = await t.invoke('application/search', {
      queryText: 'bob',
      dataset: 'members',
      kind: 'search',
    });
    expect(members.body).toMatchObject({ value: { results: [{ value: USERS.bob.aad }] } });
  });

  it('returns field errors inside the dialog and writes nothing', async () => {
    const annId = await contact('Ann', 'Errors');
    const card = dialogCard(
      (await t.invoke('task/fetch', fetchTask({ dialog: 'log', contactId: annId }))).body,
    );
    const key = submitData(card).key;
    const response = await t.invoke('task/submit', {
      data: {
        ...submitData(card),
        contacts: annId,
        type: 'il.type.other',
        customType: '',
        date: '2030-01-01',
        time: '10:00',
        visitAddress: 'x',
      },
    });
    const again = dialogCard(response.body);
    expectValidCard(again);
    const text = cardText(again);
    expect(text).toContain('Nothing was saved');
    expect(text).toContain('Type the new interaction type.');
    expect(submitData(again).key).toBe(key);
    expect(await interactionsOf(annId)).toHaveLength(0);

    const future = dialogCard(
      (
        await t.invoke('task/submit', {
          data: { ...submitData(card), contacts: annId, type: 'Call', date: '2030-01-01', time: '10:00' },
        })
      ).body,
    );
    expect(cardText(future)).toContain("The date can't be in the future");
    expect(await interactionsOf(annId)).toHaveLength(0);
  });

  it('calls an impossible day or clock time invalid, not "in the future", and writes nothing', async () => {
    const annId = await contact('Ann', 'Impossible');
    const card = dialogCard((await t.invoke('task/fetch', fetchTask({ dialog: 'log' }))).body);
    const submit = async (fields: Record<string, string>) =>
      cardText(
        dialogCard(
          (
            await t.invoke('task/submit', {
              data: { ...submitData(card), contacts: annId, type: 'Call', description: 'x', ...fields },
            })
          ).body,
        ),
      );
    // 25:99 and a 13th month used to roll over into a later day, which then read as "future".
    for (const fields of [
      { date: '2026-11-10', time: '25:99' },
      { date: '2026-13-45', time: '10:00' },
      { date: '2026-11-31', time: '10:00' },
    ]) {
      const said = await submit(fields);
      expect(said, JSON.stringify(fields)).toContain('Enter a valid date and time.');
      expect(said).not.toContain('future');
    }
    expect(await submit({ followUpDate: '2027-02-30', followUpTime: '10:00' })).toContain(
      'Enter a valid follow-up date and time.',
    );
    expect(await submit({ followUpDate: '2027-02-01', followUpTime: '24:00' })).toContain(
      'Enter a valid follow-up date and time.',
    );
    expect(await interactionsOf(annId)).toHaveLength(0);
  });

  it('refuses dates nobody means, naming the window, and writes nothing', async () => {
    const annId = await contact('Ann', 'Window');
    const card = dialogCard(
      (await t.invoke('task/fetch', fetchTask({ dialog: 'log', contactId: annId }))).body,
    );
    const submitted = async (fields: Record<string, string>) =>
      cardText(
        dialogCard(
          (
            await t.invoke('task/submit', {
              data: { ...submitData(card), contacts: annId, type: 'Call', ...fields },
            })
          ).body,
        ),
      );
    for (const date of ['0001-01-01', '1000-06-15', '1900-01-01']) {
      const text = await submitted({ date, time: '10:00' });
      expect(text).toContain("The date can't be more than 20 years ago, so not before 16 Nov 2006");
    }
    const farFollowUp = await submitted({ followUpDate: '9999-12-31' });
    expect(farFollowUp).toContain("The follow-up can't be more than 5 years ahead, so not after 16 Nov 2031");
    expect(await interactionsOf(annId)).toHaveLength(0);
  });

  it('logs one interaction per contact, backdated, with a follow-up, once even if resubmitted', async () => {
    const annId = await contact('Ann', 'Visited');
    const brunoId = await contact('Bruno', 'Visited');
    const card = dialogCard((await t.invoke('task/fetch', fetchTask({ dialog: 'log' }))).body);
    const data = {
      ...submitData(card),
      contacts: `${annId},${brunoId}`,
      type: 'Visit',
      actions: 'Agreed',
      newActions: 'Sent brochure',
      description: 'Met at the fair',
      date: '2026-11-10',
      time: '15:30',
      followUpDate: '2026-11-20',
      assignee: USERS.bob.aad,
      important: 'true',
      visitAddress: '1 rue de la Paix, Paris',
    };
    const first = await t.invoke('task/submit', { data });
    expect(first.body).toMatchObject({ task: { type: 'message' } });
    expect((first.body as { task: { value: string } }).task.value).toMatch(
      /Logged: Visit with Ann Visited, Bruno Visited/,
    );
    const second = await t.invoke('task/submit', { data });
    expect((second.body as { task: { value: string } }).task.value).toMatch(/Already logged/);

    const [logged] = await interactionsOf(annId);
    expect(await interactionsOf(annId)).toHaveLength(1);
    expect(await interactionsOf(brunoId)).toHaveLength(1);
    expect(logged).toMatchObject({
      type: 'Visit',
      actions: ['Agreed', 'Sent brochure'],
      important: true,
      visitAddress: '1 rue de la Paix, Paris',
      followUp: { assigneeId: USERS.bob.aad, status: 'open' },
    });
    expect(logged?.occurredAt.toISOString()).toBe('2026-11-10T15:30:00.000Z');
    expect(logged?.followUp?.dueAt.toISOString()).toBe('2026-11-20T09:00:00.000Z');
    const confirmation = cardOf(t.connector.messages(personalChat('alice')).at(-1));
    expect(cardText(confirmation)).toContain('Logged: Visit');
  });

  it('edits an interaction through the same dialog, keeping untouched dates', async () => {
    const annId = await contact('Ann', 'Edited');
    const before = await loggedVisit(annId, 'dialog-edit');
    const card = dialogCard(
      (await t.invoke('task/fetch', fetchTask({ dialog: 'edit', id: before?.id }))).body,
    );
    expectValidCard(card);
    const save = action(card, 'Save').data;
    const values = Object.fromEntries(
      (JSON.parse(JSON.stringify(card)) as { body: unknown[] }).body.flatMap(function collect(
        node: unknown,
      ): [string, string][] {
        if (Array.isArray(node)) return node.flatMap(collect);
        if (typeof node !== 'object' || node === null) return [];
        const record = node as Record<string, unknown>;
        const own: [string, string][] =
          typeof record.id === 'string' && typeof record.value === 'string'
            ? [[record.id, record.value]]
            : [];
        return [...own, ...Object.values(record).flatMap(collect)];
      }),
    );
    const response = await t.invoke('task/submit', {
      data: { ...values, ...save, description: 'Met at the fair, signed' },
    });
    expect((response.body as { task: { value: string } }).task.value).toMatch(/Saved/);
    const [after] = await interactionsOf(annId);
    expect(after?.description).toBe('Met at the fair, signed');
    expect(after?.occurredAt.toISOString()).toBe(before?.occurredAt.toISOString());
    expect(after?.followUp?.dueAt.toISOString()).toBe(before?.followUp?.dueAt.toISOString());
  });

  it('refuses the edit dialog to someone who may not change the interaction', async () => {
    const logged = await loggedVisit(await contact('Ann', 'Guarded'), 'dialog-guarded');
    const response = await t.invoke('task/fetch', fetchTask({ dialog: 'edit', id: logged?.id }), {
      user: 'vera',
    });
    expect((response.body as { task: { type: string; value: string } }).task).toMatchObject({
      type: 'message',
    });
    expect((response.body as { task: { value: string } }).task.value).toMatch(/Viewers can read/);
  });

  it('adds a contact once, however often the dialog is submitted', async () => {
    const card = dialogCard((await t.invoke('task/fetch', fetchTask({ dialog: 'contact.add' }))).body);
    const data = { ...action(card, 'Add contact').data, firstName: '', lastName: '' };
    expect(cardText(dialogCard((await t.invoke('task/submit', { data })).body))).toContain(
      'Nothing was saved',
    );
    const filled = { ...data, firstName: 'Chloé', lastName: 'Dubois', email: 'chloe@example.org' };
    await t.invoke('task/submit', { data: filled });
    await t.invoke('task/submit', { data: filled });
    const found = await t.container.contacts.findContacts(world.actors.alice, { text: 'chloé' });
    expect(found).toHaveLength(1);
  });
});
