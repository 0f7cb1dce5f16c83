import { beforeAll, describe, expect, it } from 'vitest';
import { InteractionFormField as F } from '../../../src/adapters/slack/ids.js';
import { useSlackApp } from '../support/slack-app.js';
import {
  ALICE,
  addContact,
  blocksOf,
  elementOf,
  interactionsOf,
  openLogFormByShortcut,
  type Seeded,
  seedWorkspace,
  submit,
  textOf,
} from './form-support.js';

/**
 * Times a person types are on their own clock (Slack's profile tz), whatever the workspace's
 * zone: a person in Paris who types 10:30 means 10:30 in Paris. The clock reads 09:00 UTC on
 * 16 November 2026, when Paris is UTC+1.
 */
describe('the log form reads typed times in the person’s own time zone', () => {
  const slack = useSlackApp();
  let seeded: Seeded;
  let paula: string;
  beforeAll(async () => {
    seeded = await seedWorkspace(slack); // workspace zone: UTC, the default
    paula = slack.fake.addUser({ name: 'paula', realName: 'Paula Paris', tz: 'Europe/Paris' }).id;
  });

  const hintOf = (view: Parameters<typeof blocksOf>[0], blockId: string) =>
    textOf(blocksOf(view).find((block) => block.block_id === blockId));

  it('prefills and reads the time on the clock of a person in Paris, without naming their own zone', async () => {
    const contact = await addContact(slack, seeded.alice, 'Ann', 'Paris');
    const view = await openLogFormByShortcut(slack, paula);
    expect(elementOf(view, F.time)).toMatchObject({ initial_time: '10:00', timezone: 'Europe/Paris' });
    expect(hintOf(view, F.time.blockId)).not.toContain('Time in');
    const response = await submit(
      slack,
      view,
      {
        contacts: [{ id: contact.id }],
        type: 'Call',
        date: '2026-11-16',
        time: '08:30',
        followUpDate: '2026-11-20',
        followUpTime: '10:00',
      },
      paula,
    );
    expect(response.body).toBe('');
    const [record] = await interactionsOf(slack, seeded.alice, [contact.id]);
    expect(record?.occurredAt).toEqual(new Date('2026-11-16T07:30:00.000Z'));
    expect(record?.followUp?.dueAt).toEqual(new Date('2026-11-20T09:00:00.000Z'));
  });

  it('names the zone under the time when it is not known to be the person’s own', async () => {
    // alice's member record predates any profile read here: her zone is unknown, so the
    // workspace's is used and said.
    const view = await openLogFormByShortcut(slack, ALICE);
    expect(hintOf(view, F.time.blockId)).toContain('Time in UTC');
  });
});
