import { beforeAll, describe, expect, it } from 'vitest';
import { databaseTimeout, RepositoryFaults } from '../support/repository-faults.js';
import { action, dialogCard } from './support/cards.js';
import { addContact, seedTenant, type TeamsWorld } from './support/seed.js';
import { useTeamsApp } from './support/teams-app.js';

const fetchTask = (data: Record<string, unknown>) => ({
  data: { ...data, msteams: { type: 'task/fetch' } },
  context: { theme: 'default' },
});

/** What the dialog closes with: the message Teams shows the person. */
function closingMessage(body: unknown): string {
  const task = (body as { task?: { type?: string; value?: unknown } }).task;
  return task?.type === 'message' && typeof task.value === 'string' ? task.value : '';
}

describe('the Teams log dialog when the database stops answering', () => {
  const faults = new RepositoryFaults();
  const t = useTeamsApp({ faults });
  let world: TeamsWorld;
  let annId: string;

  beforeAll(async () => {
    world = await seedTenant(t.container);
    annId = (await addContact(t.container, world.actors.alice, 'Ann', 'Lévy')).id;
  });

  /** Opens the dialog, then plants the fault, so only the submission meets it. */
  async function submitLog(description: string, fault: () => void) {
    const card = dialogCard(
      (await t.invoke('task/fetch', fetchTask({ dialog: 'log', contactId: annId }))).body,
    );
    const data = { ...action(card, 'Log').data, contacts: annId, type: 'Call', description };
    fault();
    return closingMessage((await t.invoke('task/submit', { data })).body);
  }

  it('says a log whose write timed out may have been saved and to look at the timeline, not that it failed', async () => {
    const said = await submitLog('Lost in the outage?', () =>
      faults.failNext('interactions', 'insertMany', databaseTimeout()),
    );
    expect(said).toContain('may have been saved');
    expect(said).toContain('Look at the timeline before you try again');
    expect(said).not.toContain('did not go through');
  });

  it('says "did not go through" when the failure came before anything was written', async () => {
    const said = await submitLog('Never sent', () =>
      faults.failNext('contacts', 'findByIds', databaseTimeout()),
    );
    expect(said).toContain('did not go through');
    const timeline = await t.container.interactions.contactTimeline(world.actors.alice, { contactId: annId });
    expect(timeline.items.map((item) => item.description)).not.toContain('Never sent');
  });
});
