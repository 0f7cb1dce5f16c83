import { describe, expect, it } from 'vitest';
import { storageOf } from '../../src/app/container.js';
import type { Contact } from '../../src/core/contacts/contact.js';
import { action, cardActions, cardOf, cardText, expectValidCard, invokeCard } from './support/cards.js';
import { addContact, seedTenant, type TeamsWorld } from './support/seed.js';
import { personalChat, useTeamsApp } from './support/teams-app.js';

/** Action.Execute as Teams sends it: the button's data, plus the card's inputs when it asks for them. */
const execute = (
  button: { verb?: string; data?: Record<string, unknown> },
  inputs: Record<string, string> = {},
) => ({
  action: { type: 'Action.Execute', verb: button.verb, data: { ...button.data, ...inputs } },
  trigger: 'manual',
});

describe('Teams: logging without a dialog', () => {
  const t = useTeamsApp();
  let world: TeamsWorld;
  let ann: Contact;

  const lastReply = (user: 'alice' | 'vera' = 'alice') => t.connector.messages(personalChat(user)).at(-1);
  const count = () =>
    storageOf(t.container).repositories.interactions.count(world.workspace.id, {}, t.clock.now());

  /** Sends the line and returns what the bot answered, after checking nothing was written. */
  async function refused(text: string, user: 'alice' | 'vera' = 'alice'): Promise<string> {
    const before = await count();
    const response = await t.message(text, { user });
    expect(response.status).toBe(200);
    expect(await count()).toBe(before);
    const reply = lastReply(user);
    return reply?.attachments?.length ? cardText(cardOf(reply)) : (reply?.text ?? '');
  }

  it('logs a typed line once, even when Teams delivers the message again (which says it is already logged)', async () => {
    world = await seedTenant(t.container);
    ann = await addContact(t.container, world.actors.alice, 'Ann', 'Lévy', 'ann@acme.org');
    await addContact(t.container, world.actors.alice, 'Dan', 'Cohen');
    await addContact(t.container, world.actors.alice, 'Sam', 'One');
    await addContact(t.container, world.actors.alice, 'Sam', 'Two');
    const before = await count();
    const replies = t.connector.messages(personalChat('alice')).length;
    const line = 'log Cohen, ann@acme.org call "Discussed the class" follow-up:"tomorrow 14:00" important';
    const delivery = { extra: { id: 'msg-typed-1' } };
    expect((await t.message(line, delivery)).status).toBe(200);
    expect((await t.message(line, delivery)).status).toBe(200);
    expect(await count()).toBe(before + 2);
    // The redelivery writes nothing and confirms again (its first reply may never have arrived),
    // in the words Slack uses too: "Already logged".
    const sent = t.connector.messages(personalChat('alice'));
    expect(sent).toHaveLength(replies + 2);
    const firstCard = cardOf(sent[replies]);
    expect(cardText(firstCard)).toContain('✅ Logged: Call with Dan Cohen, Ann Lévy.');
    const card = cardOf(lastReply());
    expectValidCard(card);
    expect(cardText(card)).toContain('✅ Already logged: Call with Dan Cohen, Ann Lévy.');
    expect(action(card, "Ann Lévy's timeline").verb).toBe('timeline.open');
    const [logged] = (
      await t.container.interactions.contactTimeline(world.actors.alice, { contactId: ann.id })
    ).items;
    expect(logged).toMatchObject({ description: 'Discussed the class', important: true });
    expect(logged?.followUp?.dueAt).toEqual(new Date('2026-11-17T14:00:00.000Z'));
  });

  it('reads at: and follow-up: on the clock of the person typing (Teams localTimezone), not the workspace’s', async () => {
    // Bob writes from New York (UTC-5 in November); the workspace is on UTC.
    const line =
      'log ann@acme.org call "Called from New York" at:"yesterday 10:30" follow-up:"tomorrow 14:00"';
    expect(
      (await t.message(line, { user: 'bob', extra: { localTimezone: 'America/New_York' } })).status,
    ).toBe(200);
    const logged = (
      await t.container.interactions.contactTimeline(world.actors.alice, { contactId: ann.id })
    ).items.find((item) => item.description === 'Called from New York');
    expect(logged?.occurredAt).toEqual(new Date('2026-11-15T15:30:00.000Z'));
    expect(logged?.followUp?.dueAt).toEqual(new Date('2026-11-17T19:00:00.000Z'));
  });

  it('names an unknown or ambiguous contact and writes nothing', async () => {
    expect(await refused('log Ann, Zoe Call "Discussed the class"')).toContain(
      'No contact matches "Zoe". Nothing was logged.',
    );
    expect(await refused('log Sam Call "Discussed the class"')).toContain(
      // Escaped for Teams markdown; Teams shows the plain parentheses.
      '"Sam" matches several contacts \\(Sam One, Sam Two\\)',
    );
  });

  it('says what is missing: the type, the quotes, the description', async () => {
    expect(await refused('log Ann "Discussed the class"')).toContain('Which type? "Ann" is not one of');
    const unquoted = await refused('log Ann call Discussed the class');
    expect(unquoted).toContain('Put the description in quotes');
    expect(unquoted).toContain('Try: log Ann call "Discussed the class"');
    expect(await refused('log Ann Call ""')).toContain('The description is empty');
  });

  it('tells a viewer they cannot log', async () => {
    expect(await refused('log Ann Call "Discussed the class"', 'vera')).toMatch(
      /Viewers can read the log but cannot change it/,
    );
  });

  it('offers the log form inline, which shows errors in place and logs once', async () => {
    await t.message('log ann');
    const prompt = cardOf(lastReply());
    expectValidCard(prompt);
    expect(action(prompt, 'Open the log form').data).toMatchObject({ msteams: { type: 'task/fetch' } });
    const opened = await t.invoke('adaptiveCard/action', execute(action(prompt, 'Log here')));
    const form = invokeCard(opened.body);
    expectValidCard(form);
    expect(cardText(form)).toContain('Log an interaction');
    const submit = cardActions(form).find((button) => button.title === 'Log');
    expect(submit?.type).toBe('Action.Execute');
    // The Agents Playground's renderer throws on a data field named `key` and sends nothing.
    expect(submit?.data).not.toHaveProperty('key');
    expect(JSON.stringify(form)).toContain(ann.id);

    const before = await count();
    const wrong = invokeCard(
      (
        await t.invoke(
          'adaptiveCard/action',
          execute(submit ?? {}, { contacts: ann.id, date: '2026-11-16', time: '08:00' }),
        )
      ).body,
    );
    expectValidCard(wrong);
    expect(cardText(wrong)).toContain('Nothing was saved');
    expect(cardText(wrong)).toContain('Choose or type an interaction type.');
    expect(await count()).toBe(before);

    const retry = cardActions(wrong).find((button) => button.title === 'Log') ?? {};
    const inputs = {
      contacts: ann.id,
      type: 'Visit',
      description: 'Brought the books',
      date: '2026-11-16',
      time: '08:00',
    };
    const done = invokeCard((await t.invoke('adaptiveCard/action', execute(retry, inputs))).body);
    expect(cardText(done)).toContain('✅ Logged: Visit with Ann Lévy.');
    // A second click on the same form (or a retried invoke) logs nothing more.
    const again = invokeCard((await t.invoke('adaptiveCard/action', execute(retry, inputs))).body);
    expect(cardText(again)).toContain('Already logged: Visit with Ann Lévy.');
    expect(await count()).toBe(before + 1);
  });

  it('puts the inline form below the help card, and the one-line log in the help', async () => {
    await t.message('help');
    const help = cardOf(lastReply());
    expect(cardText(help)).toContain('log <contacts> <type> "<description>"');
    const posted = t.connector.messages(personalChat('alice')).length;
    const response = await t.invoke('adaptiveCard/action', execute(action(help, 'Log here')));
    expect(response.body).toMatchObject({ type: 'application/vnd.microsoft.activity.message' });
    expect(t.connector.messages(personalChat('alice'))).toHaveLength(posted + 1);
    const form = cardOf(lastReply());
    expectValidCard(form);
    expect(cardActions(form).find((button) => button.title === 'Log')?.verb).toBe('log.here.submit');
  });

  it('adds a contact without a dialog too, so a client without dialogs can start from nothing', async () => {
    await t.message('contact add');
    const prompt = cardOf(lastReply());
    expectValidCard(prompt);
    const form = invokeCard(
      (await t.invoke('adaptiveCard/action', execute(action(prompt, 'Add here')))).body,
    );
    expectValidCard(form);
    const add = cardActions(form).find((button) => button.title === 'Add contact') ?? {};
    expect(add).toMatchObject({ type: 'Action.Execute', verb: 'contact.here.submit' });
    const refusedCard = invokeCard(
      (await t.invoke('adaptiveCard/action', execute(add, { email: 'not-an-email' }))).body,
    );
    expect(cardText(refusedCard)).toContain('Nothing was saved');
    const done = invokeCard(
      (await t.invoke('adaptiveCard/action', execute(add, { firstName: 'Noa', lastName: 'Peretz' }))).body,
    );
    expect(cardText(done)).toContain('✅ Added contact Noa Peretz');
    const again = invokeCard(
      (await t.invoke('adaptiveCard/action', execute(add, { firstName: 'Noa', lastName: 'Peretz' }))).body,
    );
    expect(cardText(again)).toContain('already added');
    expect(
      await t.container.contacts.findContacts(world.actors.alice, { text: 'Noa Peretz', limit: 5 }),
    ).toHaveLength(1);
    await t.message('log Noa Peretz Note "First chat"');
    expect(cardText(cardOf(lastReply()))).toContain('✅ Logged: Note with Noa Peretz.');
  });

  it('does not open the inline form for a viewer', async () => {
    const response = await t.invoke(
      'adaptiveCard/action',
      execute({ verb: 'log.here', data: { verb: 'log.here' } }),
      { user: 'vera' },
    );
    expect(JSON.stringify(response.body)).toMatch(/Viewers can read the log/);
  });
});
