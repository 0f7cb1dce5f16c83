import type { OverflowAction } from '@slack/bolt';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  BlockId,
  InteractionFormField as F,
  ItemActionPrefix,
  itemActionId,
} from '../../../src/adapters/slack/ids.js';
import { ButtonValue, encodeValue } from '../../../src/adapters/slack/payloads/action-values.js';
import type { Contact } from '../../../src/core/contacts/contact.js';
import { lastEphemeral, visibleText } from '../commands/support.js';
import { blockActionsPayload } from '../fake-slack/index.js';
import { useSlackApp } from '../support/slack-app.js';
import {
  ALICE,
  addContact,
  type FormInput,
  GENERAL,
  interactionsOf,
  openLogFormByShortcut,
  openModal,
  type Seeded,
  seedWorkspace,
  submit,
} from './form-support.js';

/** The test clock is Mon 16 Nov 2026: 20 years back is 16 Nov 2006, 5 years ahead 16 Nov 2031. */
const TOO_OLD = "The date can't be more than 20 years ago, so not before 16 Nov 2006. Check the year.";
const TOO_FAR = "The follow-up can't be more than 5 years ahead, so not after 16 Nov 2031. Check the year.";

describe('dates nobody means are refused on every Slack path, naming the window', () => {
  const slack = useSlackApp();
  let seeded: Seeded;
  let contact: Contact;
  beforeAll(async () => {
    seeded = await seedWorkspace(slack);
    contact = await addContact(slack, seeded.alice, 'Rachel', 'Cohen');
  });

  const base = (): FormInput => ({ contacts: [{ id: contact.id }], type: 'Call' });
  const written = () => interactionsOf(slack, seeded.alice, [contact.id]);

  it.each(['0001-01-01', '1000-06-15', '1900-01-01'])(
    'the log form refuses an interaction dated %s',
    async (date) => {
      const response = await submit(slack, await openLogFormByShortcut(slack), {
        ...base(),
        date,
        time: '10:00',
      });
      expect(response.body).toEqual({ response_action: 'errors', errors: { [F.date.blockId]: TOO_OLD } });
      expect(await written()).toEqual([]);
    },
  );

  it('the log form refuses a follow-up on 9999-12-31', async () => {
    const response = await submit(slack, await openLogFormByShortcut(slack), {
      ...base(),
      followUpDate: '9999-12-31',
    });
    expect(response.body).toEqual({
      response_action: 'errors',
      errors: { [F.followUpDate.blockId]: TOO_FAR },
    });
    expect(await written()).toEqual([]);
  });

  it('still takes an interaction from ten years ago and a follow-up next year', async () => {
    const response = await submit(slack, await openLogFormByShortcut(slack), {
      ...base(),
      date: '2016-11-16',
      time: '10:00',
      followUpDate: '2027-11-16',
    });
    expect(response.body).toBe('');
    expect(await written()).toHaveLength(1);
  });

  it('the typed one-line log refuses an at: in 1900, under what was typed', async () => {
    const before = (await written()).length;
    await slack.command('log Cohen call "Old news" at:"1900-01-01 10:00"');
    const said = visibleText(lastEphemeral(slack).blocks) || lastEphemeral(slack).text || '';
    expect(said).toContain('at:"1900-01-01 10:00"');
    expect(said).toContain(TOO_OLD);
    expect(await written()).toHaveLength(before);
  });

  it('the edit form refuses moving a date to 1900 or a follow-up to 9999-12-31, and changes nothing', async () => {
    const [logged] = (
      await slack.container.interactions.logInteraction(seeded.alice, {
        idempotencyKey: 'date-window-edit',
        contactIds: [contact.id],
        type: 'Call',
        occurredAt: new Date('2026-11-15T10:00:00.000Z'),
      })
    ).interactions;
    const openEdit = async () => {
      const overflow: OverflowAction = {
        type: 'overflow',
        action_id: itemActionId(ItemActionPrefix.itemMenu, logged!.id),
        block_id: BlockId.item(logged!.id),
        action_ts: '1.000001',
        selected_option: {
          text: { type: 'plain_text', text: 'Edit' },
          value: encodeValue(ButtonValue.itemMenu, { a: 'edit', i: logged!.id }, 75),
        },
      };
      await slack.interact(
        blockActionsPayload({ fake: slack.fake, userId: ALICE, channelId: GENERAL }, { actions: [overflow] }),
      );
      return openModal(slack);
    };
    const kept = { type: 'Call', date: '2026-11-15', time: '10:00' };
    const oldDate = await submit(slack, await openEdit(), { ...kept, date: '1900-01-01' });
    expect(oldDate.body).toEqual({ response_action: 'errors', errors: { [F.date.blockId]: TOO_OLD } });
    const farFollowUp = await submit(slack, await openEdit(), { ...kept, followUpDate: '9999-12-31' });
    expect(farFollowUp.body).toEqual({
      response_action: 'errors',
      errors: { [F.followUpDate.blockId]: TOO_FAR },
    });
    const [after] = (await written()).filter((item) => item.id === logged!.id);
    expect(after?.occurredAt).toEqual(new Date('2026-11-15T10:00:00.000Z'));
    expect(after?.followUp).toBeUndefined();
  });
});
