import { beforeAll, describe, expect, it } from 'vitest';
import { CallbackId, InteractionFormField as F } from '../../../src/adapters/slack/ids.js';
import { blockActionsPayload, blockSuggestionPayload, globalShortcutPayload } from '../fake-slack/index.js';
import { useSlackApp } from '../support/slack-app.js';
import {
  ALICE,
  addContact,
  blocksOf,
  chooseType,
  elementOf,
  OTHER_TYPE_VALUE,
  openLogFormByShortcut,
  openModal,
  type Seeded,
  seedWorkspace,
  typeChoice,
} from './form-support.js';

describe('opening the log form and using it before submitting', () => {
  const slack = useSlackApp();
  let seeded: Seeded;
  beforeAll(async () => {
    seeded = await seedWorkspace(slack);
  });

  it('opens from the global shortcut with now in the workspace timezone and the author as assignee', async () => {
    const view = await openLogFormByShortcut(slack);
    expect(slack.fake.callsTo('views.open').at(-1)?.ok).toBe(true);
    expect(view.definition.callback_id).toBe(CallbackId.logForm);
    expect(elementOf(view, F.contacts)).toMatchObject({ type: 'multi_external_select', min_query_length: 1 });
    expect(elementOf(view, F.date)).toMatchObject({ initial_date: '2026-11-16' });
    expect(elementOf(view, F.time)).toMatchObject({ initial_time: '09:00', timezone: 'UTC' });
    expect(elementOf(view, F.followUpAssignee)).toMatchObject({ initial_user: ALICE });
    expect(elementOf(view, F.attachments)).toMatchObject({ type: 'file_input', max_files: 10 });
    // No address until Visit is chosen.
    expect(elementOf(view, F.visitAddress)).toBeUndefined();
  });

  it('suggests contacts as you type, accent-insensitively, as "Name · email" options', async () => {
    const yossi = await addContact(slack, seeded.alice, 'Yossi', 'Lévy', 'yossi@example.com');
    const response = await slack.interact(
      blockSuggestionPayload({
        fake: slack.fake,
        actionId: F.contacts.actionId,
        blockId: F.contacts.blockId,
        value: 'levy',
      }),
    );
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      options: [
        {
          text: { type: 'plain_text', text: 'Yossi Lévy · yossi@example.com', emoji: true },
          value: yossi.id,
        },
      ],
    });
  });

  it('never suggests more than Slack accepts in one answer', async () => {
    for (let i = 0; i < 60; i++) await addContact(slack, seeded.alice, 'Crowd', `Member ${i}`);
    const response = await slack.interact(
      blockSuggestionPayload({
        fake: slack.fake,
        actionId: F.contacts.actionId,
        blockId: F.contacts.blockId,
        value: 'crowd',
      }),
    );
    const { options } = response.body as { options: { text: { text: string }; value: string }[] };
    expect(options.length).toBeGreaterThan(0);
    expect(options.length).toBeLessThanOrEqual(100);
    for (const option of options) expect(option.text.text.length).toBeLessThanOrEqual(75);
  });

  it('adds the address field when Visit is chosen, keeping the ids so Slack keeps what was entered', async () => {
    const ann = await addContact(slack, seeded.alice, 'Ann');
    const view = await openLogFormByShortcut(slack);
    // The fake updates the stored view in place: keep what it was.
    const { hash } = view;
    const before = blocksOf(view).map((block) => block.block_id);
    const values = {
      [F.type.blockId]: {
        [F.type.actionId]: {
          type: 'static_select',
          selected_option: { text: { type: 'plain_text' as const, text: 'Visit' }, value: 'Visit' },
        },
      },
      [F.description.blockId]: {
        [F.description.actionId]: { type: 'plain_text_input', value: 'Brought the forms' },
      },
      [F.contacts.blockId]: {
        [F.contacts.actionId]: {
          type: 'multi_external_select',
          selected_options: [{ text: { type: 'plain_text' as const, text: 'Ann' }, value: ann.id }],
        },
      },
    };
    const response = await slack.interact(
      blockActionsPayload({ fake: slack.fake, view, values }, { actions: [typeChoice('Visit')] }),
    );
    expect(response.status).toBe(200);
    const update = slack.fake.callsTo('views.update').at(-1);
    expect(update?.ok).toBe(true);
    expect(update?.args).toMatchObject({ view_id: view.id, hash });
    const updated = openModal(slack);
    const after = blocksOf(updated).map((block) => block.block_id);
    expect(after).toEqual(expect.arrayContaining(before));
    expect(after.indexOf(F.visitAddress.blockId)).toBe(after.indexOf(F.type.blockId) + 1);
    expect(elementOf(updated, F.description)).toMatchObject({ initial_value: 'Brought the forms' });
    expect(elementOf(updated, F.contacts)).toMatchObject({ initial_options: [{ value: ann.id }] });
    expect(elementOf(updated, F.type)).toMatchObject({ initial_option: { value: 'Visit' } });
  });

  it('opens when the trigger is used within 3 seconds', async () => {
    const payload = globalShortcutPayload({ fake: slack.fake, callbackId: CallbackId.logShortcut });
    slack.fake.advanceTime(2500);
    const before = slack.fake.callsTo('views.open').length;
    await slack.interact(payload);
    expect(
      slack.fake
        .callsTo('views.open')
        .slice(before)
        .map((c) => c.ok),
    ).toEqual([true]);
  });

  it('tells the user to try again when the trigger expired, instead of failing silently', async () => {
    const payload = globalShortcutPayload({ fake: slack.fake, callbackId: CallbackId.logShortcut });
    slack.fake.advanceTime(4000);
    const dmBefore = slack.fake.messages(ALICE).length;
    const response = await slack.interact(payload);
    expect(response.status).toBe(200);
    expect(slack.fake.callsTo('views.open').at(-1)?.response).toMatchObject({
      ok: false,
      error: 'expired_trigger_id',
    });
    const [dm] = slack.fake.messages(ALICE).slice(dmBefore);
    expect(dm?.text).toMatch(/took too long.*try again/i);
  });

  it('only re-renders the form when a field appears or disappears', async () => {
    const view = await openLogFormByShortcut(slack);
    const updates = slack.fake.callsTo('views.update').length;
    const same = await chooseType(slack, view, 'Call');
    expect(slack.fake.callsTo('views.update')).toHaveLength(updates);
    const custom = await chooseType(slack, same, OTHER_TYPE_VALUE);
    expect(slack.fake.callsTo('views.update')).toHaveLength(updates + 1);
    expect(elementOf(custom, F.customType)).toMatchObject({ type: 'plain_text_input', max_length: 60 });
  });
});
