import { describe, expect, it } from 'vitest';
import { action, cardOf, cardText, expectValidCard } from './support/cards.js';
import { addContact, logCall, seedTenant, type TeamsWorld } from './support/seed.js';
import { BOT_ID, CHANNEL, OTHER_TENANT, personalChat, useTeamsApp } from './support/teams-app.js';

describe('Teams bot commands', () => {
  const t = useTeamsApp();
  let world: TeamsWorld;

  const lastReply = (conversation = personalChat('alice')) => t.connector.messages(conversation).at(-1);

  it('answers help with the shared grammar as a valid Adaptive Card 1.5', async () => {
    world = await seedTenant(t.container);
    const response = await t.message('help');
    expect(response.status).toBe(200);
    const card = cardOf(lastReply());
    expectValidCard(card);
    const text = cardText(card);
    expect(text).toContain('timeline <contact>');
    expect(text).toContain('followup:open|overdue|done|none');
    expect(action(card, 'Log an interaction').data).toMatchObject({
      dialog: 'log',
      msteams: { type: 'task/fetch' },
    });
  });

  it('welcomes whoever installs the app, in their chat or in the channel, once per install', async () => {
    const install = { type: 'installationUpdate', action: 'add' };
    await t.event(install, { user: 'bob' });
    const personal = cardOf(lastReply(personalChat('bob')));
    expectValidCard(personal);
    expect(cardText(personal)).toContain('Thanks for adding Interaction log');
    expect(cardText(personal)).toContain('Type a command in this chat');
    expect(action(personal, 'Log an interaction').data).toMatchObject({ dialog: 'log' });

    const before = t.connector.messages(CHANNEL).length;
    await t.event(install, { user: 'vera', conversation: CHANNEL });
    const channel = t.connector.messages(CHANNEL);
    expect(channel).toHaveLength(before + 1);
    const card = cardOf(channel.at(-1));
    expect(cardText(card)).toContain('Mention me');
    expect(cardText(card)).toContain('settings');
    // Vera may only read: no button that would open a form she cannot submit.
    expect(JSON.stringify(card)).not.toContain('task/fetch');

    // Removing the app says nothing.
    const after = t.connector.messages(personalChat('bob')).length;
    await t.event({ type: 'installationUpdate', action: 'remove' }, { user: 'bob' });
    expect(t.connector.messages(personalChat('bob'))).toHaveLength(after);
  });

  it('shows a timeline, newest first, with paging, edit and delete for the author', async () => {
    const ann = await addContact(t.container, world.actors.alice, 'Ann', 'Lévy', 'ann@acme.org');
    for (let i = 1; i <= 12; i++) {
      t.clock.advance(60_000);
      await logCall(t.container, world.actors.alice, [ann.id], `call number ${i}`, `seed-${i}`);
    }
    await t.message('timeline ann');
    const card = cardOf(lastReply());
    expectValidCard(card);
    const text = cardText(card);
    expect(text).toContain('Ann Lévy');
    expect(text).toContain('12 interactions');
    expect(text.indexOf('call number 12')).toBeLessThan(text.indexOf('call number 11'));
    expect(text).not.toContain('call number 2\n');
    expect(action(card, 'Older ▶').verb).toBe('timeline.page');
    expect(action(card, 'Delete').verb).toBe('item.delete');
    expect(action(card, 'Edit').data).toMatchObject({ dialog: 'edit' });
  });

  it('strips the @mention in a channel and answers in the channel', async () => {
    const response = await t.message('<at>Interaction log</at> list type:Call', {
      conversation: CHANNEL,
      extra: {
        entities: [
          {
            type: 'mention',
            text: '<at>Interaction log</at>',
            mentioned: { id: BOT_ID, name: 'Interaction log' },
          },
        ],
      },
    });
    expect(response.status).toBe(200);
    const card = cardOf(lastReply(CHANNEL));
    expectValidCard(card);
    expect(cardText(card)).toContain('Type: Call');
    expect(action(card, 'Export CSV').verb).toBe('list.export');
  });

  it('names the part of a command it cannot read, and the syntax that works', async () => {
    await t.message('list followup:later');
    const card = cardOf(lastReply());
    expect(cardText(card)).toContain('followup:later');
    expect(cardText(card)).toContain('Try: followup:open, followup:overdue');
  });

  it('tells a viewer they cannot log, instead of opening a form they could not submit', async () => {
    await t.message('log ann', { user: 'vera' });
    expect(lastReply(personalChat('vera'))?.text).toMatch(/Viewers can read the log but cannot change it/);
  });

  it('offers the log form with the named contacts preselected', async () => {
    await t.message('log ann@acme.org, nobody-here');
    const card = cardOf(lastReply());
    expectValidCard(card);
    expect(cardText(card)).toContain('Log an interaction with Ann Lévy');
    expect(cardText(card)).toContain('nobody-here');
    expect(action(card, 'Open the log form').data.contactIds).toHaveLength(1);
  });

  it('log ann, zoe: "ann" finds Ann Lévy by part of her name, and only zoe is reported not found', async () => {
    await t.message('log ann, zoe');
    const card = cardOf(lastReply());
    expectValidCard(card);
    const text = cardText(card);
    expect(text).toContain('Log an interaction with Ann Lévy');
    expect(text).toContain('Not found or ambiguous: zoe. Pick them in the form.');
    expect(action(card, 'Open the log form').data.contactIds).toHaveLength(1);
  });

  it('keeps tenants apart: another tenant sees none of these contacts', async () => {
    await t.message('timeline ann', { tenant: OTHER_TENANT });
    expect(lastReply()?.text).toMatch(/No contact matches/);
  });

  it('escapes markdown typed by users so it cannot restyle the card', async () => {
    const contact = await addContact(
      t.container,
      world.actors.alice,
      '**Bold**',
      '[link](http://evil.example)',
    );
    await logCall(t.container, world.actors.alice, [contact.id], '_x_', 'escape-1');
    await t.message('timeline bold');
    const text = cardText(cardOf(lastReply()));
    expect(text).toContain('\\*\\*Bold\\*\\*');
    expect(text).toContain('\\[link\\]\\(http://evil.example\\)');
  });

  it('reports the follow-ups of the caller', async () => {
    await t.message('followups');
    expect(cardText(cardOf(lastReply()))).toContain('No open follow-ups');
  });
});
