import { beforeAll, describe, expect, it } from 'vitest';
import { CallbackId, InteractionFormField as F } from '../../../src/adapters/slack/ids.js';
import type { Contact } from '../../../src/core/contacts/contact.js';
import { globalShortcutPayload, validateView } from '../fake-slack/index.js';
import { useSlackApp } from '../support/slack-app.js';
import {
  addContact,
  chooseType,
  type FormInput,
  interactionsOf,
  OTHER_TYPE_VALUE,
  openLogFormByShortcut,
  type Seeded,
  seedWorkspace,
  submit,
} from './form-support.js';

const CAROL = 'U0005';

describe('the log form refuses bad input inline and writes nothing', () => {
  const slack = useSlackApp();
  let seeded: Seeded;
  let contact: Contact;
  beforeAll(async () => {
    seeded = await seedWorkspace(slack);
    contact = await addContact(slack, seeded.alice, 'Erin', 'Errors');
    slack.fake.addUser({ id: CAROL, name: 'carol', realName: 'Carol Viewer' });
    await slack.container.workspaces.resolveActor({
      workspace: seeded.workspace,
      userId: CAROL,
      displayName: 'carol',
    });
    await slack.container.workspaces.setRole(seeded.alice, { userId: CAROL, role: 'viewer' });
  });

  const base = (): FormInput => ({ contacts: [{ id: contact.id }], type: 'Call' });
  const httpFile = { id: 'F1', name: 'a.txt', mimetype: 'text/plain', size: 3 };

  it.each<[string, () => FormInput, string, RegExp]>([
    ['no contact', () => ({ ...base(), contacts: [] }), F.contacts.blockId, /choose at least one contact/i],
    [
      'a contact that does not exist',
      () => ({ ...base(), contacts: [{ id: 'nope' }] }),
      F.contacts.blockId,
      /not found/i,
    ],
    [
      'no type',
      () => ({ ...base(), type: undefined }),
      F.type.blockId,
      /choose or type an interaction type/i,
    ],
    [
      '"Other…" with no type typed',
      () => ({ ...base(), type: OTHER_TYPE_VALUE, customType: '' }),
      F.customType.blockId,
      /type/i,
    ],
    [
      'a type too long',
      () => ({ ...base(), type: OTHER_TYPE_VALUE, customType: 'x'.repeat(61) }),
      F.customType.blockId,
      /under 60/,
    ],
    [
      'a new tag too long',
      () => ({ ...base(), newActions: `ok, ${'t'.repeat(61)}` }),
      F.newActions.blockId,
      /under 60/,
    ],
    [
      'more than 25 actions',
      () => ({
        ...base(),
        actions: ['Discussion'],
        newActions: Array.from({ length: 25 }, (_, i) => `tag ${i}`).join(','),
      }),
      F.actions.blockId,
      /at most 25/,
    ],
    [
      'a time later today',
      () => ({ ...base(), date: '2026-11-16', time: '10:00' }),
      F.time.blockId,
      /future/,
    ],
    [
      'a date in the future',
      () => ({ ...base(), date: '2026-11-17', time: '08:00' }),
      F.date.blockId,
      /future/,
    ],
    [
      'a follow-up in the past',
      () => ({ ...base(), followUpDate: '2026-11-10' }),
      F.followUpDate.blockId,
      /future/,
    ],
    [
      'a follow-up time without a date',
      () => ({ ...base(), followUpTime: '10:00' }),
      F.followUpDate.blockId,
      /date/,
    ],
    [
      'a follow-up for someone who can only read',
      () => ({ ...base(), followUpDate: '2026-11-20', assignee: CAROL }),
      F.followUpAssignee.blockId,
      /only read/,
    ],
    [
      'a file without an http link',
      () => ({ ...base(), files: [{ ...httpFile, url_private: 'ftp://files.test/a.txt' }] }),
      F.attachments.blockId,
      /http/,
    ],
  ])('%s', async (_name, input, blockId, message) => {
    const form = input();
    let view = await openLogFormByShortcut(slack);
    if (form.type === OTHER_TYPE_VALUE) view = await chooseType(slack, view, OTHER_TYPE_VALUE);
    const response = await submit(slack, view, form);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      response_action: 'errors',
      errors: { [blockId]: expect.stringMatching(message) },
    });
    expect(await interactionsOf(slack, seeded.alice, [contact.id])).toEqual([]);
  });

  it('puts a visit address that is too long under the address field', async () => {
    const view = await chooseType(slack, await openLogFormByShortcut(slack), 'Visit');
    const response = await submit(slack, view, { ...base(), type: 'Visit', visitAddress: 'a'.repeat(501) });
    expect(response.body).toEqual({
      response_action: 'errors',
      errors: { [F.visitAddress.blockId]: expect.stringMatching(/under 500/) },
    });
    expect(await interactionsOf(slack, seeded.alice, [contact.id])).toEqual([]);
  });

  it('tells a viewer in place of the form, and writes nothing', async () => {
    const view = await openLogFormByShortcut(slack);
    const response = await submit(slack, view, base(), CAROL);
    const body = response.body as { response_action: string; view: unknown };
    expect(body.response_action).toBe('update');
    expect(validateView(body.view, { expect: 'modal' })).toEqual({ ok: true });
    expect(JSON.stringify(body.view)).toMatch(/Viewers can read the log/);
    expect(await interactionsOf(slack, seeded.alice, [contact.id])).toEqual([]);
  });

  it('does not open a form a viewer could not submit, and says why', async () => {
    const before = slack.fake.callsTo('views.open').length;
    await slack.interact(
      globalShortcutPayload({ fake: slack.fake, userId: CAROL, callbackId: CallbackId.logShortcut }),
    );
    expect(slack.fake.callsTo('views.open')).toHaveLength(before);
    expect(slack.fake.messages(CAROL).at(-1)?.text).toMatch(/Viewers can read the log/);
  });
});
