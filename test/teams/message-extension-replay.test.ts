import { describe, expect, it } from 'vitest';
import { addContact, seedTenant } from './support/seed.js';
import { personalChat, useTeamsApp } from './support/teams-app.js';

/**
 * "Log as interaction" submitted twice with the same key (a retried or doubled submit) logs
 * once; the second submit posts no card, so its invoke answer is the only reply it gets.
 */
describe('Teams message extension: a replayed submit', () => {
  const t = useTeamsApp();

  it('answers the replay with a message saying it was already logged, and logs once', async () => {
    const world = await seedTenant(t.container);
    const ann = await addContact(t.container, world.actors.alice, 'Ann', 'Lévy', 'ann@acme.org');
    const submit = () =>
      t.invoke('composeExtension/submitAction', {
        commandId: 'logInteraction',
        data: {
          key: '@everyone',
          contacts: ann.id,
          type: 'Note',
          description: '0000-00-00 \\"',
          date: '2026-11-16',
          time: '08:00',
        },
      });

    const first = await submit();
    expect(first.status).toBe(200);
    const posted = t.connector.messages(personalChat('alice')).length;
    expect(posted).toBe(1);

    const again = await submit();
    expect(again.status).toBe(200);
    const answer = (again.body as { composeExtension?: { type: string; text: string } }).composeExtension;
    expect(answer?.type).toBe('message');
    expect(answer?.text).toMatch(/Already logged: Note with Ann Lévy\./i);
    expect(t.connector.messages(personalChat('alice'))).toHaveLength(posted);
  });
});
