import { beforeAll, describe, expect, it } from 'vitest';
import { InteractionFormField as F } from '../../../src/adapters/slack/ids.js';
import type { AckDeadlineFactory } from '../../../src/adapters/slack/listeners/support/ack-deadline.js';
import { useSlackApp } from '../support/slack-app.js';
import {
  ALICE,
  addContact,
  elementOf,
  interactionsOf,
  openLogFormByShortcut,
  type Seeded,
  seedWorkspace,
  submit,
  textOf,
} from './form-support.js';

/**
 * The deadline has already passed when the write starts: every write is "slow", without any
 * timing in the test. (In production it is 2 s; hundreds of contacts on a slow database.)
 */
const alreadyPassed: AckDeadlineFactory = () => ({ reached: Promise.resolve(), cancel() {} });

describe('a log submission whose write outlives the ack deadline', () => {
  const slack = useSlackApp({ submissionDeadline: alreadyPassed });
  let seeded: Seeded;
  beforeAll(async () => {
    seeded = await seedWorkspace(slack);
  });

  it('acks with a saving view, logs once, then shows the outcome and confirms', async () => {
    const ann = await addContact(slack, seeded.alice, 'Ann', 'Slow');
    const bea = await addContact(slack, seeded.alice, 'Bea', 'Slow');
    const view = await openLogFormByShortcut(slack);
    const dmBefore = slack.fake.messages(ALICE).length;
    const response = await submit(slack, view, {
      contacts: [{ id: ann.id }, { id: bea.id }],
      type: 'Meeting',
      description: 'Quarterly review',
    });
    expect(response.status).toBe(200);
    const answer = response.body as { response_action: string; view: unknown };
    expect(answer.response_action).toBe('update');
    expect(textOf(answer.view)).toContain('Logging for 2 contacts');

    const records = await interactionsOf(slack, seeded.alice, [ann.id, bea.id]);
    expect(records.map((record) => record.contactId).sort()).toEqual([ann.id, bea.id].sort());
    const replaced = slack.fake.callsTo('views.update').at(-1);
    expect(replaced?.ok).toBe(true);
    expect(replaced?.args.view_id).toBe(view.id);
    expect(textOf(replaced?.args.view)).toContain('Logged for 2 contacts');
    const dm = slack.fake.messages(ALICE).slice(dmBefore);
    expect(dm).toHaveLength(1);
    expect(textOf(dm[0]?.blocks)).toContain('for 2 contacts');
  });

  it('still shows what the form alone can tell inline, before anything is written', async () => {
    const view = await openLogFormByShortcut(slack);
    const updates = slack.fake.callsTo('views.update').length;
    const response = await submit(slack, view, { contacts: [], type: 'Call' });
    const answer = response.body as { response_action: string; errors: Record<string, string> };
    expect(answer.response_action).toBe('errors');
    expect(answer.errors[F.contacts.blockId]).toMatch(/choose at least one contact/i);
    expect(slack.fake.callsTo('views.update')).toHaveLength(updates);
  });

  it('brings the form back with what was typed and the reason when the write is refused late', async () => {
    const view = await openLogFormByShortcut(slack);
    const response = await submit(slack, view, {
      contacts: [{ id: 'deleted-meanwhile' }],
      type: 'Call',
      description: 'Kept for the retry',
    });
    expect(response.body).toMatchObject({ response_action: 'update' });
    const replaced = slack.fake.callsTo('views.update').at(-1);
    expect(replaced?.args.view_id).toBe(view.id);
    const shown = textOf(replaced?.args.view);
    expect(shown).toContain('Not logged');
    expect(shown).toMatch(/not found/i);
    expect(shown).toContain('Nothing was saved');
    const form = slack.fake.openViews(ALICE).find((open) => open.id === view.id);
    expect(form && elementOf(form, F.description)).toMatchObject({ initial_value: 'Kept for the retry' });
    expect(form?.definition.submit).toMatchObject({ type: 'plain_text' });
    expect(await interactionsOf(slack, seeded.alice, ['deleted-meanwhile'])).toEqual([]);
  });
});
