import type { OverflowAction } from '@slack/bolt';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  BlockId,
  CallbackId,
  InteractionFormField as F,
  ItemActionPrefix,
  itemActionId,
} from '../../../src/adapters/slack/ids.js';
import { ButtonValue, encodeValue } from '../../../src/adapters/slack/payloads/action-values.js';
import type { Contact } from '../../../src/core/contacts/contact.js';
import type { Interaction } from '../../../src/core/interactions/interaction.js';
import type { Actor } from '../../../src/core/shared/actor.js';
import { blockActionsPayload, viewSubmissionPayload } from '../fake-slack/index.js';
import { useSlackApp } from '../support/slack-app.js';
import {
  ALICE,
  addContact,
  BOB,
  blocksOf,
  elementOf,
  GENERAL,
  interactionsOf,
  openModal,
  type Seeded,
  seedWorkspace,
  submission,
  submit,
  textOf,
} from './form-support.js';

describe('editing and deleting from the item menu (F7, F17)', () => {
  const slack = useSlackApp();
  let seeded: Seeded;
  let contact: Contact;
  let seq = 0;
  // A test that moves the clock days on puts it back, so the others never see profiles go
  // stale (bob's Slack zone read mid-file would move his form's times) whatever their order.
  let startedAt: Date;
  beforeAll(async () => {
    seeded = await seedWorkspace(slack);
    contact = await addContact(slack, seeded.alice, 'Rivka', 'Edits');
    startedAt = slack.clock.now();
  });
  afterEach(() => {
    slack.clock.set(startedAt);
  });

  async function logAs(actor: Actor, extra: Record<string, unknown> = {}): Promise<Interaction> {
    const result = await slack.container.interactions.logInteraction(actor, {
      idempotencyKey: `seed-${++seq}`,
      contactIds: [contact.id],
      type: 'Call',
      description: 'First call',
      occurredAt: new Date('2026-11-15T10:15:42.000Z'),
      ...extra,
    });
    return result.interactions[0]!;
  }

  function menu(interaction: Interaction, a: 'edit' | 'delete' | 'followup', user: string = ALICE) {
    const labels = { edit: 'Edit', delete: 'Delete', followup: 'Log follow-up' };
    const overflow: OverflowAction = {
      type: 'overflow',
      action_id: itemActionId(ItemActionPrefix.itemMenu, interaction.id),
      block_id: BlockId.item(interaction.id),
      action_ts: '1.000001',
      selected_option: {
        text: { type: 'plain_text', text: labels[a] },
        value: encodeValue(ButtonValue.itemMenu, { a, i: interaction.id }, 75),
      },
    };
    return slack.interact(
      blockActionsPayload({ fake: slack.fake, userId: user, channelId: GENERAL }, { actions: [overflow] }),
    );
  }

  async function current(id: string): Promise<Interaction | undefined> {
    return (await interactionsOf(slack, seeded.alice, [contact.id])).find((item) => item.id === id);
  }

  it('opens the edit form prefilled for the author, and saves the changes', async () => {
    const mine = await logAs(seeded.bob, { actions: ['Discussion'], visitAddress: undefined });
    await menu(mine, 'edit', BOB);
    const view = openModal(slack, BOB);
    expect(view.definition.callback_id).toBe(CallbackId.editForm);
    expect(textOf(blocksOf(view))).toContain('Rivka Edits');
    expect(elementOf(view, F.type)).toMatchObject({ initial_option: { value: 'Call' } });
    expect(elementOf(view, F.actions)).toMatchObject({ initial_options: [{ value: 'Discussion' }] });
    expect(elementOf(view, F.description)).toMatchObject({ initial_value: 'First call' });
    expect(elementOf(view, F.date)).toMatchObject({ initial_date: '2026-11-15' });
    expect(elementOf(view, F.time)).toMatchObject({ initial_time: '10:15' });
    expect(elementOf(view, F.contacts)).toBeUndefined();

    const before = slack.fake.ephemeralMessages(GENERAL).length;
    const response = await submit(
      slack,
      view,
      {
        type: 'Meeting',
        actions: ['Discussion'],
        description: 'Second thoughts',
        date: '2026-11-15',
        time: '10:15',
        important: true,
      },
      BOB,
    );
    expect(response.body).toBe('');
    const after = await current(mine.id);
    expect(after).toMatchObject({ type: 'Meeting', description: 'Second thoughts', important: true });
    // Left at the same minute: the stored seconds are kept, not rounded away.
    expect(after?.occurredAt).toEqual(new Date('2026-11-15T10:15:42.000Z'));
    const [notice] = slack.fake.ephemeralMessages(GENERAL).slice(before);
    expect(notice?.user).toBe(BOB);
    expect(notice?.text).toContain('Updated');
  });

  it('confirms an edit once when the same form is submitted twice', async () => {
    const mine = await logAs(seeded.alice);
    await menu(mine, 'edit');
    const payload = submission(slack, openModal(slack), { type: 'Note', date: '2026-11-15', time: '10:15' });
    const before = slack.fake.ephemeralMessages(GENERAL).length;
    expect((await slack.interact(payload)).body).toBe('');
    expect((await slack.interact(payload)).body).toBe('');
    expect((await current(mine.id))?.type).toBe('Note');
    expect(slack.fake.ephemeralMessages(GENERAL).slice(before)).toHaveLength(1);
  });

  it("refuses another member's edit up front, ephemerally, without a form", async () => {
    const alices = await logAs(seeded.alice);
    const opened = slack.fake.callsTo('views.open').length;
    const before = slack.fake.ephemeralMessages(GENERAL).length;
    const response = await menu(alices, 'edit', BOB);
    expect(response.status).toBe(200);
    expect(slack.fake.callsTo('views.open')).toHaveLength(opened);
    const [refusal] = slack.fake.ephemeralMessages(GENERAL).slice(before);
    expect(refusal?.user).toBe(BOB);
    expect(refusal?.text).toMatch(/Only the author or a workspace admin/);
    expect((await current(alices.id))?.description).toBe('First call');
  });

  it("refuses another member's delete the same way", async () => {
    const alices = await logAs(seeded.alice);
    const opened = slack.fake.callsTo('views.open').length;
    const before = slack.fake.ephemeralMessages(GENERAL).length;
    await menu(alices, 'delete', BOB);
    expect(slack.fake.callsTo('views.open')).toHaveLength(opened);
    expect(slack.fake.ephemeralMessages(GENERAL).slice(before)[0]?.text).toMatch(/Only the author/);
    expect(await current(alices.id)).toMatchObject({ description: 'First call' });
  });

  it('asks before deleting, deletes, and answers a second delete with "already deleted"', async () => {
    const doomed = await logAs(seeded.alice, { description: 'To be removed' });
    await menu(doomed, 'delete');
    const confirm = openModal(slack);
    expect(confirm.definition.callback_id).toBe(CallbackId.deleteConfirm);
    expect(textOf(blocksOf(confirm))).toMatch(/cannot be undone/);
    expect(await current(doomed.id)).toMatchObject({ description: 'To be removed' });

    const payload = viewSubmissionPayload({ fake: slack.fake, view: confirm });
    const before = slack.fake.ephemeralMessages(GENERAL).length;
    expect((await slack.interact(payload)).body).toBe('');
    expect(await current(doomed.id)).toBeUndefined();
    expect(slack.fake.ephemeralMessages(GENERAL).slice(before)[0]?.text).toContain('Deleted');

    const again = await slack.interact(payload);
    expect(again.body).toMatchObject({ response_action: 'update' });
    expect(JSON.stringify(again.body)).toMatch(/already deleted/);
    expect(slack.fake.ephemeralMessages(GENERAL).slice(before)).toHaveLength(1);
  });

  it('opens the log form with the same contact for "Log follow-up"', async () => {
    const earlier = await logAs(seeded.alice);
    await menu(earlier, 'followup');
    const view = openModal(slack);
    expect(view.definition.callback_id).toBe(CallbackId.logForm);
    expect(elementOf(view, F.contacts)).toMatchObject({
      initial_options: [{ value: contact.id, text: { text: 'Rivka Edits' } }],
    });
  });

  it('shows the whole description behind "Show more"', async () => {
    const long = `${'Long story. '.repeat(400)}The end.`;
    const record = await logAs(seeded.alice, { description: long });
    await slack.interact(
      blockActionsPayload({
        fake: slack.fake,
        channelId: GENERAL,
        action: {
          action_id: itemActionId(ItemActionPrefix.itemShowMore, record.id),
          block_id: BlockId.itemMore(record.id),
          value: encodeValue(ButtonValue.interaction, { i: record.id }),
        },
      }),
    );
    expect(slack.fake.callsTo('views.open').at(-1)?.ok).toBe(true);
    const shown = textOf(blocksOf(openModal(slack)));
    expect(shown).toContain('The end.');
    expect(shown.replace(/\n/g, '')).toContain(long.trim());
  });

  it('leaves a description too long for the form as it is while saving other changes', async () => {
    const long = `${'x'.repeat(4990)} the end`;
    const record = await logAs(seeded.alice, { description: long });
    await menu(record, 'edit');
    const view = openModal(slack);
    expect(elementOf(view, F.description)).toBeUndefined();
    expect(textOf(blocksOf(view))).toContain('longer than this form can hold');
    expect((await submit(slack, view, { type: 'Meeting', date: '2026-11-15', time: '10:15' })).body).toBe('');
    expect(await current(record.id)).toMatchObject({ type: 'Meeting', description: long });
  });

  it('keeps an overdue follow-up left untouched, and removes it when its date is cleared', async () => {
    const record = await logAs(seeded.alice, {
      followUp: { dueAt: new Date('2026-11-17T10:00:30.000Z') },
    });
    slack.clock.advance(3 * 24 * 3600_000); // now the follow-up is overdue
    await menu(record, 'edit');
    const view = openModal(slack);
    // Days later Slack's profile is read again: alice is in Paris, so the form shows her time.
    expect(elementOf(view, F.followUpDate)).toMatchObject({ initial_date: '2026-11-17' });
    expect(elementOf(view, F.followUpTime)).toMatchObject({ initial_time: '11:00' });
    const keep = await submit(slack, view, {
      type: 'Call',
      date: '2026-11-15',
      time: '10:15',
      followUpDate: '2026-11-17',
      followUpTime: '11:00',
      assignee: ALICE,
    });
    expect(keep.body).toBe('');
    expect((await current(record.id))?.followUp?.dueAt).toEqual(new Date('2026-11-17T10:00:30.000Z'));

    await menu(record, 'edit');
    const cleared = await submit(slack, openModal(slack), {
      type: 'Call',
      date: '2026-11-15',
      time: '10:15',
    });
    expect(cleared.body).toBe('');
    expect((await current(record.id))?.followUp).toBeUndefined();
  });
});
