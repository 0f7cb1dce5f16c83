import { describe, expect, it } from 'vitest';
import { action, dialogCard } from './support/cards.js';
import { addContact, seedTenant, type TeamsWorld } from './support/seed.js';
import { useTeamsApp } from './support/teams-app.js';

const fetchTask = (data: Record<string, unknown>) => ({
  data: { ...data, msteams: { type: 'task/fetch' } },
  context: { theme: 'default' },
});

/** The values a ChoiceSet offers, by input id. */
function choicesOf(card: unknown, id: string): string[] {
  const found: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node !== 'object' || node === null) return;
    const record = node as Record<string, unknown>;
    if (record.id === id && Array.isArray(record.choices)) {
      for (const choice of record.choices as { value?: unknown }[])
        if (typeof choice.value === 'string') found.push(choice.value);
    }
    for (const value of Object.values(record)) if (typeof value === 'object') walk(value);
  };
  walk(card);
  return found;
}

describe('Teams dialogs after the workspace lists change', () => {
  const t = useTeamsApp();
  let world: TeamsWorld;

  it('offer a type and an action typed in a log dialog at once, to everyone, without waiting for a cache', async () => {
    world = await seedTenant(t.container);
    const ann = await addContact(t.container, world.actors.alice, 'Ann', 'Lévy');
    // Both people have been seen a moment ago: their workspace is cached.
    const before = dialogCard((await t.invoke('task/fetch', fetchTask({ dialog: 'log' }))).body);
    await t.invoke('task/fetch', fetchTask({ dialog: 'log' }), { user: 'bob' });
    expect(choicesOf(before, 'type')).not.toContain('Séance');

    const submitted = await t.invoke('task/submit', {
      data: {
        ...action(before, 'Log').data,
        contacts: ann.id,
        type: 'il.type.other',
        customType: 'Séance',
        newActions: 'Sent flyer',
      },
    });
    expect(submitted.body).toMatchObject({ task: { type: 'message' } });

    // No time passes: only the write itself can have refreshed what the dialogs offer.
    for (const user of ['alice', 'bob'] as const) {
      const after = dialogCard((await t.invoke('task/fetch', fetchTask({ dialog: 'log' }), { user })).body);
      expect(choicesOf(after, 'type')).toContain('Séance');
      expect(choicesOf(after, 'actions')).toContain('Sent flyer');
    }
  });

  it('offer a type an admin added in the settings dialog at once', async () => {
    const settings = dialogCard((await t.invoke('task/fetch', fetchTask({ dialog: 'settings' }))).body);
    const saved = await t.invoke('task/submit', {
      data: {
        ...action(settings, 'Save settings').data,
        interactionTypes: 'Call, Visit, Workshop',
        actionTags: 'Agreed',
      },
    });
    expect(saved.body).toMatchObject({ task: { type: 'message', value: 'Settings saved.' } });
    const after = dialogCard(
      (await t.invoke('task/fetch', fetchTask({ dialog: 'log' }), { user: 'bob' })).body,
    );
    expect(choicesOf(after, 'type')).toEqual(expect.arrayContaining(['Call', 'Visit', 'Workshop']));
    expect(choicesOf(after, 'type')).not.toContain('Meeting');
  });
});
