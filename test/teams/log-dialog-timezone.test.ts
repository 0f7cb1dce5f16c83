import { beforeAll, describe, expect, it } from 'vitest';
import { action, cardText, dialogCard } from './support/cards.js';
import { addContact, seedTenant, type TeamsWorld } from './support/seed.js';
import { useTeamsApp } from './support/teams-app.js';

/** What Teams sends on task/fetch from a button: the button's data. */
const fetchTask = (data: Record<string, unknown>) => ({
  data: { ...data, msteams: { type: 'task/fetch' } },
  context: { theme: 'default' },
});

/**
 * Teams tells the bot each sender's zone (`localTimezone` on the activity): a person in Paris who
 * types 08:30 means 08:30 in Paris, not in the workspace's UTC. The clock reads 09:00 UTC on
 * 16 November 2026, when Paris is UTC+1.
 */
describe('the Teams log dialog reads typed times in the person’s own time zone', () => {
  const t = useTeamsApp();
  let world: TeamsWorld;
  let annId: string;
  const fromParis = { localTimezone: 'Europe/Paris' };

  beforeAll(async () => {
    world = await seedTenant(t.container); // workspace zone: UTC, the default
    annId = (await addContact(t.container, world.actors.alice, 'Ann', 'Lévy')).id;
  });

  const invokeAs = (user: 'alice' | 'bob', name: string, value: unknown, extra: object = {}) =>
    t.event({ type: 'invoke', name, value, ...extra }, { user });

  it('opens at the time on the clock of a person in Paris, without naming their own zone', async () => {
    const fetched = await invokeAs('bob', 'task/fetch', fetchTask({ dialog: 'log' }), fromParis);
    const card = dialogCard(fetched.body);
    expect(JSON.stringify(card)).toContain('"value":"10:00"');
    expect(cardText(card)).not.toContain('(UTC)');
    expect(cardText(card)).not.toContain('Europe/Paris');

    const submitted = await invokeAs(
      'bob',
      'task/submit',
      {
        data: {
          ...action(card, 'Log').data,
          contacts: annId,
          type: 'Call',
          date: '2026-11-16',
          time: '08:30',
          followUpDate: '2026-11-20',
          followUpTime: '10:00',
        },
      },
      fromParis,
    );
    expect((submitted.body as { task: { value: string } }).task.value).toMatch(/Logged: Call with Ann Lévy/);
    const [logged] = (
      await t.container.interactions.contactTimeline(world.actors.alice, { contactId: annId })
    ).items;
    expect(logged?.occurredAt).toEqual(new Date('2026-11-16T07:30:00.000Z'));
    expect(logged?.followUp?.dueAt).toEqual(new Date('2026-11-20T09:00:00.000Z'));
  });

  it('names the zone beside the time when Teams did not say the person’s own', async () => {
    const fetched = await invokeAs('alice', 'task/fetch', fetchTask({ dialog: 'log' }));
    const card = dialogCard(fetched.body);
    expect(cardText(card)).toContain('Time (UTC)');
    expect(JSON.stringify(card)).toContain('"value":"09:00"');
  });
});
