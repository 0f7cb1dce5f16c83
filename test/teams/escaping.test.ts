import { describe, expect, it } from 'vitest';
import type { Interaction } from '../../src/core/interactions/interaction.js';
import type { Actor } from '../../src/core/shared/actor.js';
import { presentFollowUp } from '../../src/core/views/follow-up-view.js';
import { cardOf, dialogCard, expectValidCard } from './support/cards.js';
import { seedTenant, type TeamsWorld } from './support/seed.js';
import { personalChat, USERS, useTeamsApp } from './support/teams-app.js';

/** Every string Teams renders as markdown: TextBlock texts and FactSet titles and values. */
function markdownTexts(card: unknown): string[] {
  const found: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node !== 'object' || node === null) return;
    const record = node as Record<string, unknown>;
    if (record.type === 'TextBlock' && typeof record.text === 'string') found.push(record.text);
    if (record.type === 'FactSet' && Array.isArray(record.facts)) {
      for (const fact of record.facts as { title?: unknown; value?: unknown }[]) {
        if (typeof fact.title === 'string') found.push(fact.title);
        if (typeof fact.value === 'string') found.push(fact.value);
      }
    }
    for (const value of Object.values(record)) if (typeof value === 'object') walk(value);
  };
  walk(card);
  return found;
}

/** What a person typed, as markup that would restyle a card, link elsewhere or mention someone. */
const TYPED = {
  type: '**Urgent** <at>Alice Martin</at>',
  action: '[click](https://evil.example)',
  otherAction: '_everyone_ @channel',
  author: '# Boss <at>Bob Cohen</at>',
  contact: '~~Ann~~ <at>Vera Viewer</at>',
  description: '- not a list\n1. nor this',
};

/** None of the markup survives: each typed value shows, escaped, and no raw piece of it does. */
function expectLiteral(texts: string[], values: string[]): void {
  const all = texts.join('\n');
  expect(all).not.toMatch(/<at>/i);
  for (const value of values) {
    expect(all, `"${value}" shown literally`).not.toContain(value);
  }
  expect(all).toContain('\\*\\*Urgent\\*\\* \\<at\\>Alice Martin\\</at\\>');
  expect(all).toContain('\\[click\\]\\(https://evil.example\\)');
}

describe('Teams cards show user-typed text literally', () => {
  const t = useTeamsApp();
  let world: TeamsWorld;
  let mallory: Actor;
  let logged: Interaction;

  it('in the reminder card: the type, the author, the actions, the contact and what was agreed', async () => {
    world = await seedTenant(t.container);
    mallory = await t.container.workspaces.resolveActor({
      workspace: world.workspace,
      userId: '00000000-0000-4000-8000-0000000ma11o',
      displayName: TYPED.author,
    });
    const contact = await t.container.contacts.createContact(world.actors.alice, {
      firstName: '~~Ann~~',
      lastName: '<at>Vera Viewer</at>',
    });
    await t.message('help', { user: 'bob' }); // Bob's chat with the bot is known
    const result = await t.container.interactions.logInteraction(mallory, {
      idempotencyKey: 'escaping-1',
      contactIds: [contact.id],
      type: TYPED.type,
      actions: [TYPED.action, TYPED.otherAction],
      description: TYPED.description,
      followUp: { dueAt: new Date(t.clock.now().getTime() + 60_000), assigneeId: USERS.bob.aad },
    });
    logged = result.interactions[0] as Interaction;
    const before = t.connector.messages(personalChat('bob')).length;
    const sent = await t.teams.senders.notifier.sendReminder({
      workspaceId: world.workspace.id,
      assigneeId: USERS.bob.aad,
      view: presentFollowUp(
        logged as Interaction & { followUp: NonNullable<Interaction['followUp']> },
        t.clock.now(),
      ),
      timeZone: 'UTC',
      dateFormat: 'dd/MM/yyyy HH:mm',
    });
    expect(sent.ok).toBe(true);
    const messages = t.connector.messages(personalChat('bob'));
    expect(messages).toHaveLength(before + 1);
    const card = cardOf(messages.at(-1));
    expectValidCard(card);
    const texts = markdownTexts(card);
    expectLiteral(texts, Object.values(TYPED));
    const all = texts.join('\n');
    expect(all).toContain('\\# Boss \\<at\\>Bob Cohen\\</at\\>');
    expect(all).toContain('\\_everyone\\_ @channel');
    expect(all).toContain('\\- not a list\n1\\. nor this');
  });

  it('in the timeline card of the contact', async () => {
    await t.message('timeline ann');
    const card = cardOf(t.connector.messages(personalChat('alice')).at(-1));
    expectValidCard(card);
    const texts = markdownTexts(card);
    expectLiteral(texts, Object.values(TYPED));
    expect(texts.join('\n')).toContain('\\~\\~Ann\\~\\~');
  });

  it('in the list card and in the field errors of the settings dialog', async () => {
    await t.message('list from:2000-01-01');
    const list = cardOf(t.connector.messages(personalChat('alice')).at(-1));
    expectLiteral(markdownTexts(list), Object.values(TYPED));

    const settings = await t.invoke('task/submit', {
      data: { dialog: 'settings', interactionTypes: '**Dup** <at>x</at>, **dup** <at>X</at>' },
    });
    const errors = markdownTexts(dialogCard(settings.body)).join('\n');
    expect(errors).toContain('listed twice');
    expect(errors).not.toMatch(/<at>/i);
    expect(errors).toContain('\\*\\*dup\\*\\* \\<at\\>X\\</at\\>');
  });
});
