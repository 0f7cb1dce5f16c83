import { describe, expect, it } from 'vitest';
import { action, cardOf, cardText, dialogCard, expectValidCard } from './support/cards.js';
import { addContact, logCall, seedTenant, type TeamsWorld } from './support/seed.js';
import { personalChat, useTeamsApp } from './support/teams-app.js';

/** F10 on Teams: a bare `list` asks for filters in a dialog, as Slack's filter form does. */
describe('Teams filter dialog (a bare `list`)', () => {
  const t = useTeamsApp();
  let world: TeamsWorld;
  const lastReply = () => t.connector.messages(personalChat('alice')).at(-1);
  const fetchTask = (data: Record<string, unknown>) => ({
    data: { ...data, msteams: { type: 'task/fetch' } },
    context: { theme: 'default' },
  });
  const submit = (inputs: Record<string, string>) =>
    t.invoke('task/submit', { data: { dialog: 'filter', ...inputs }, context: { theme: 'default' } });

  it('answers a bare `list` with a button that opens the filter dialog, not with everything', async () => {
    world = await seedTenant(t.container);
    const ann = await addContact(t.container, world.actors.alice, 'Ann', 'Lévy');
    await logCall(t.container, world.actors.alice, [ann.id], 'Called about the invoice', 'f1');
    await t.container.interactions.logInteraction(world.actors.alice, {
      idempotencyKey: 'f2',
      contactIds: [ann.id],
      type: 'Visit',
      description: 'Visited the warehouse',
    });
    await t.message('list');
    const prompt = cardOf(lastReply());
    expectValidCard(prompt);
    expect(cardText(prompt)).toContain('Filter interactions');
    expect(cardText(prompt)).not.toContain('Called about the invoice');
    const opened = await t.invoke('task/fetch', fetchTask(action(prompt, 'Open the filter form').data));
    expect((opened.body as { task: { value: { title: string } } }).task.value.title).toBe(
      'Filter interactions',
    );
    const dialog = dialogCard(opened.body);
    expectValidCard(dialog);
    const text = cardText(dialog);
    for (const label of ['From', 'To (included)', 'Types', 'Contact name contains', 'Visit address contains'])
      expect(text).toContain(label);
  });

  it('posts the list the filters select and closes the dialog', async () => {
    const response = await submit({ filterTypes: 'Visit', filterContact: 'lévy', filterFrom: '2020-01-01' });
    expect(response.body).toMatchObject({ task: { type: 'message' } });
    const list = cardOf(lastReply());
    expectValidCard(list);
    expect(cardText(list)).toContain('Visited the warehouse');
    expect(cardText(list)).not.toContain('Called about the invoice');
  });

  it('lists everything when submitted empty', async () => {
    await submit({});
    const list = cardOf(lastReply());
    expect(cardText(list)).toContain('Visited the warehouse');
    expect(cardText(list)).toContain('Called about the invoice');
  });

  it('shows the dialog again with the reason when the end day is before the start day', async () => {
    const before = t.connector.messages(personalChat('alice')).length;
    const response = await submit({ filterFrom: '2026-11-10', filterTo: '2026-11-01' });
    const dialog = dialogCard(response.body);
    expectValidCard(dialog);
    expect(cardText(dialog)).toContain('The end day is before the start day.');
    expect(t.connector.messages(personalChat('alice'))).toHaveLength(before);
  });
});
