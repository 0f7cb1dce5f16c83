import { describe, expect, it } from 'vitest';
import { messageText } from '../../src/adapters/teams/message-extensions/message-text.js';
import { action, cardText, dialogCard, expectValidCard } from './support/cards.js';
import { addContact, logCall, seedTenant, type TeamsWorld } from './support/seed.js';
import { CHANNEL, useTeamsApp } from './support/teams-app.js';

describe('Teams message extension', () => {
  const t = useTeamsApp();
  let world: TeamsWorld;
  let annId: string;

  it('"Find a contact" returns matching contacts, each with its timeline card and a preview', async () => {
    world = await seedTenant(t.container);
    annId = (await addContact(t.container, world.actors.alice, 'Ann', 'Lévy', 'ann@acme.org')).id;
    await addContact(t.container, world.actors.alice, 'Anna', 'Berg');
    await logCall(t.container, world.actors.alice, [annId], 'Renewal call', 'me-1');
    const response = await t.invoke('composeExtension/query', {
      commandId: 'findContact',
      parameters: [{ name: 'query', value: 'ann' }],
      queryOptions: { skip: 0, count: 25 },
    });
    const result = (
      response.body as {
        composeExtension: {
          type: string;
          attachments: { content: unknown; preview: { content: { title: string } } }[];
        };
      }
    ).composeExtension;
    expect(result.type).toBe('result');
    expect(result.attachments.map((a) => a.preview.content.title).sort()).toEqual(['Ann Lévy', 'Anna Berg']);
    const ann = result.attachments.find((a) => a.preview.content.title === 'Ann Lévy');
    expectValidCard(ann?.content);
    expect(cardText(ann?.content)).toContain('Renewal call');
  });

  it('"Log as interaction" opens the log dialog with the message text and link, and logs it once (F6)', async () => {
    const payload = {
      id: '1700000000000',
      linkToMessage: 'https://teams.microsoft.com/l/message/19:general/1700000000000',
      body: { contentType: 'html', content: '<p>Call &amp; quote for <at>Ann</at></p><p>next week</p>' },
      from: { user: { id: 'x', displayName: 'Ann' } },
    };
    const opened = await t.invoke(
      'composeExtension/fetchTask',
      { commandId: 'logInteraction', commandContext: 'message', messagePayload: payload },
      { conversation: CHANNEL },
    );
    const card = dialogCard(opened.body);
    expectValidCard(card);
    expect(cardText(card)).toContain('Call & quote for Ann\nnext week');
    const submit = action(card, 'Log').data;
    expect(submit.src).toBe(payload.linkToMessage);
    const data = {
      ...submit,
      contacts: annId,
      type: 'Note',
      description: 'Call & quote for Ann',
      date: '2026-11-16',
      time: '08:00',
    };
    const first = await t.invoke(
      'composeExtension/submitAction',
      { commandId: 'logInteraction', data },
      { conversation: CHANNEL },
    );
    expect(first.status).toBe(200);
    await t.invoke(
      'composeExtension/submitAction',
      { commandId: 'logInteraction', data },
      { conversation: CHANNEL },
    );
    const timeline = await t.container.interactions.contactTimeline(world.actors.alice, { contactId: annId });
    const notes = timeline.items.filter((item) => item.type === 'Note');
    expect(notes).toHaveLength(1);
    expect(notes[0]?.source).toEqual({ kind: 'chat-message', link: payload.linkToMessage });
  });

  it('refuses "Log as interaction" to a viewer', async () => {
    const opened = await t.invoke(
      'composeExtension/fetchTask',
      { commandId: 'logInteraction', messagePayload: {} },
      { user: 'vera' },
    );
    expect(JSON.stringify(opened.body)).toMatch(/Viewers can read the log/);
  });

  it('turns Teams HTML into plain text without markup', () => {
    expect(messageText('<div>a<br/>b &lt;c&gt; &#233;</div>', 'html')).toBe('a\nb <c> é');
    expect(messageText('  plain ', 'text')).toBe('plain');
  });
});
