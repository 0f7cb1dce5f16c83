import { beforeAll, describe, expect, it } from 'vitest';
import { CallbackId, InteractionFormField as F } from '../../../src/adapters/slack/ids.js';
import type { Contact } from '../../../src/core/contacts/contact.js';
import { viewSubmissionPayload } from '../fake-slack/index.js';
import {
  ALICE,
  addContact,
  formState,
  interactionsOf,
  type Seeded,
  seedWorkspace,
  textOf,
} from '../forms/form-support.js';
import { useSlackApp } from '../support/slack-app.js';
import { alter, expectOneUnreadableLine, recordingLogger, UNREADABLE_TEXT } from './unreadable-support.js';

const contactsState = ['view', 'state', 'values', F.contacts.blockId, F.contacts.actionId];

/** As in production, Bolt acks before the listener finishes: the answer must be in the ack itself. */
describe('the issue’s malformed log-form submits, with Bolt acking first as in production', () => {
  const log = recordingLogger();
  const slack = useSlackApp({ logger: log.logger, processBeforeResponse: false });
  let seeded: Seeded;
  let contact: Contact;
  beforeAll(async () => {
    seeded = await seedWorkspace(slack);
    contact = await addContact(slack, seeded.alice, 'Ida', 'Issue');
  });

  it.each<[string, (payload: object) => object]>([
    ['contacts as a string', (payload) => alter(payload, contactsState, contact.id)],
    [
      'contacts as an object',
      (payload) => alter(payload, [...contactsState, 'selected_options'], { value: 'x' }),
    ],
    [
      'an option without text',
      (payload) => alter(payload, [...contactsState, 'selected_options'], [{ value: 'x' }]),
    ],
    ['no state', (payload) => alter(payload, ['view', 'state'], undefined)],
  ])('%s: the ack itself carries "could not be read"', async (_name, broken) => {
    log.lines.length = 0;
    // No modal to open first: the shortcut's views.open would land after its ack, out of reach.
    const good = viewSubmissionPayload({
      fake: slack.fake,
      userId: ALICE,
      callbackId: CallbackId.logForm,
      values: formState({ contacts: [{ id: contact.id }], type: 'Call' }),
    });

    const response = await slack.interact(broken(good));

    expect(response.status).toBe(200);
    const answer = response.body as { response_action?: string; view?: object };
    expect(answer.response_action).toBe('update');
    expect(textOf(answer.view)).toMatch(UNREADABLE_TEXT);
    expectOneUnreadableLine(log.lines, { surface: 'view_submission' });
    expect(await interactionsOf(slack, seeded.alice, [contact.id])).toEqual([]);
  });
});
