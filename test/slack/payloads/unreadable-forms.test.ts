import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  CallbackId,
  ContactCallbackId,
  ContactFormField,
  ContactImportField,
  ContactMergeField,
  InteractionFormField as F,
  type FieldIds,
  FilterFormField,
  SettingsFormField,
} from '../../../src/adapters/slack/ids.js';
import type { Contact } from '../../../src/core/contacts/contact.js';
import {
  blockActionsPayload,
  blockSuggestionPayload,
  type StoredView,
  validateView,
  viewSubmissionPayload,
} from '../fake-slack/index.js';
import {
  ALICE,
  addContact,
  formState,
  interactionsOf,
  openLogFormByShortcut,
  type Seeded,
  seedWorkspace,
  submission,
  textOf,
  typeChoice,
} from '../forms/form-support.js';
import { useSlackApp } from '../support/slack-app.js';
import {
  alter,
  expectOneUnreadableLine,
  recordingLogger,
  referenceIn,
  UNREADABLE_LOG,
  UNREADABLE_TEXT,
} from './unreadable-support.js';

const contactsState = ['view', 'state', 'values', F.contacts.blockId, F.contacts.actionId];

describe('a log or edit form whose payload cannot be read', () => {
  const log = recordingLogger();
  const slack = useSlackApp({ logger: log.logger });
  let seeded: Seeded;
  let contact: Contact;
  let form: StoredView;
  beforeAll(async () => {
    seeded = await seedWorkspace(slack);
    contact = await addContact(slack, seeded.alice, 'Una', 'Readable');
  });
  beforeEach(async () => {
    form = await openLogFormByShortcut(slack);
    log.lines.length = 0;
  });

  const good = () => submission(slack, form, { contacts: [{ id: contact.id }], type: 'Call' });

  // The cases first (contacts as a string, as an object, an option without text, no state).
  it.each<[string, () => object]>([
    ['contacts as a string', () => alter(good(), contactsState, contact.id)],
    [
      'contacts as an object',
      () => alter(good(), [...contactsState, 'selected_options'], { value: contact.id }),
    ],
    [
      'a contact option without text',
      () => alter(good(), [...contactsState, 'selected_options'], [{ value: contact.id }]),
    ],
    ['no state', () => alter(good(), ['view', 'state'], undefined)],
    ['state values as an array', () => alter(good(), ['view', 'state', 'values'], [])],
    ['a null view', () => alter(good(), ['view'], null)],
    ['no user', () => alter(good(), ['user'], undefined)],
    [
      'no workspace named (no team, no user team_id, no installed team on the view)',
      () =>
        alter(
          alter(alter(good(), ['team'], null), ['user', 'team_id'], undefined),
          ['view', 'app_installed_team_id'],
          undefined,
        ),
    ],
    [
      'a type option with a numeric value',
      () =>
        alter(
          good(),
          ['view', 'state', 'values', F.type.blockId, F.type.actionId, 'selected_option', 'value'],
          7,
        ),
    ],
    ['private_metadata as an object', () => alter(good(), ['view', 'private_metadata'], { m: 'log' })],
    [
      'a date as a number',
      () =>
        alter(
          good(),
          ['view', 'state', 'values', F.date.blockId, F.date.actionId, 'selected_date'],
          20261116,
        ),
    ],
  ])('%s: the modal says so, one log line, nothing logged', async (_name, payload) => {
    const response = await slack.interact(payload());

    expect(response.status).toBe(200);
    const answer = response.body as { response_action?: string; view?: object };
    expect(answer.response_action).toBe('update');
    expect(validateView(answer.view).ok).toBe(true);
    expect(textOf(answer.view)).toMatch(UNREADABLE_TEXT);
    const referenceId = expectOneUnreadableLine(log.lines, { surface: 'view_submission' });
    expect(referenceIn(answer.view)).toBe(referenceId);
    expect(await interactionsOf(slack, seeded.alice, [contact.id])).toEqual([]);
  });

  it('tolerates fields it does not know and logs the interaction as before', async () => {
    const payload = alter(
      alter(alter(good(), ['brand_new_field'], { nested: [1, 2] }), ['view', 'new_view_field'], 'x'),
      [...contactsState, 'new_state_field'],
      true,
    );

    const response = await slack.interact(payload);

    expect(response.status).toBe(200);
    expect(log.lines.filter((line) => UNREADABLE_LOG.test(line.message))).toEqual([]);
    const logged = await interactionsOf(slack, seeded.alice, [contact.id]);
    expect(logged).toHaveLength(1);
    await slack.container.interactions.deleteInteraction(seeded.alice, { id: logged[0]?.id ?? '' });
  });

  it('an edit form with no state: refused the same way, the interaction unchanged', async () => {
    const before = await slack.container.interactions.logInteraction(seeded.alice, {
      contactIds: [contact.id],
      type: 'Call',
      description: 'as it was',
      idempotencyKey: 'unreadable-edit-seed',
    });
    const payload = viewSubmissionPayload({
      fake: slack.fake,
      userId: ALICE,
      callbackId: CallbackId.editForm,
    });
    const response = await slack.interact(alter(payload, ['view', 'state'], 'nothing'));

    expect(response.status).toBe(200);
    expect(textOf((response.body as { view?: object }).view)).toMatch(UNREADABLE_TEXT);
    expectOneUnreadableLine(log.lines, { surface: 'view_submission', id: CallbackId.editForm });
    const [after] = await interactionsOf(slack, seeded.alice, [contact.id]);
    expect(after?.description).toBe('as it was');
    expect(after?.id).toBe(before.interactions[0]?.id);
  });
});

describe('an in-form choice or a contact search whose payload cannot be read', () => {
  const log = recordingLogger();
  const slack = useSlackApp({ logger: log.logger });
  let seeded: Seeded;
  let form: StoredView;
  beforeAll(async () => {
    seeded = await seedWorkspace(slack);
    await addContact(slack, seeded.alice, 'Sue', 'Search');
  });
  beforeEach(async () => {
    form = await openLogFormByShortcut(slack);
    log.lines.length = 0;
  });

  const typePick = () =>
    blockActionsPayload(
      {
        fake: slack.fake,
        userId: ALICE,
        view: form,
        values: formState({ contacts: [{ id: 'C1' }], type: 'Visit' }),
      },
      { actions: [typeChoice('Visit')] },
    );

  it.each<[string, () => object]>([
    ['the form state with contacts as a string', () => alter(typePick(), contactsState, 'C1')],
    ['the form without its state', () => alter(typePick(), ['view', 'state'], undefined)],
    ['the choice without an action id', () => alter(typePick(), ['actions', 0, 'action_id'], undefined)],
    ['actions as an object', () => alter(typePick(), ['actions'], { 0: typeChoice('Visit') })],
  ])('%s: the modal is replaced by one saying so, one log line', async (_name, payload) => {
    const response = await slack.interact(payload());

    expect(response.status).toBe(200);
    const update = slack.fake.callsTo('views.update').at(-1);
    expect(update?.ok).toBe(true);
    expect(update?.args.view_id).toBe(form.id);
    expect(textOf(update?.args.view)).toMatch(UNREADABLE_TEXT);
    const referenceId = expectOneUnreadableLine(log.lines, { surface: 'block_actions' });
    expect(referenceIn(update?.args.view)).toBe(referenceId);
  });

  const search = (value: unknown) =>
    alter(
      blockSuggestionPayload({
        fake: slack.fake,
        userId: ALICE,
        actionId: F.contacts.actionId,
        blockId: F.contacts.blockId,
        value: 'sue',
        view: form,
      }),
      ['value'],
      value,
    );

  it.each<[string, unknown]>([
    ['a number', 42],
    ['null', null],
    ['an array', ['sue']],
    ['missing', undefined],
  ])('typed text as %s: one option saying so, one log line', async (_name, value) => {
    const response = await slack.interact(search(value));

    expect(response.status).toBe(200);
    const options = (response.body as { options?: { text: { text: string } }[] }).options ?? [];
    expect(options).toHaveLength(1);
    expect(options[0]?.text.text).toMatch(UNREADABLE_TEXT);
    expect(options[0]?.text.text.length).toBeLessThanOrEqual(75);
    expectOneUnreadableLine(log.lines, { surface: 'block_suggestion', id: F.contacts.actionId });
  });

  it('a well-formed search with extra fields still finds the contact', async () => {
    const response = await slack.interact(alter(search('sue'), ['brand_new_field'], { a: 1 }));

    const options = (response.body as { options?: { text: { text: string } }[] }).options ?? [];
    expect(options.map((option) => option.text.text).join()).toMatch(/Sue Search/);
    expect(log.lines.filter((line) => UNREADABLE_LOG.test(line.message))).toEqual([]);
  });
});

describe('the other forms whose payload cannot be read', () => {
  const log = recordingLogger();
  const slack = useSlackApp({ logger: log.logger });
  let seeded: Seeded;
  beforeAll(async () => {
    seeded = await seedWorkspace(slack);
    await addContact(slack, seeded.alice, 'Otto', 'Other');
  });
  beforeEach(() => {
    log.lines.length = 0;
  });

  const settingsNow = async () =>
    (
      await slack.container.workspaces.resolveWorkspace({
        platform: 'slack',
        externalId: seeded.workspace.externalId,
      })
    ).settings;
  const state = (field: FieldIds, element: object) => ({ [field.blockId]: { [field.actionId]: element } });
  const form = (callbackId: string, values: object) =>
    alter(
      viewSubmissionPayload({ fake: slack.fake, userId: ALICE, callbackId }),
      ['view', 'state', 'values'],
      values,
    );

  it.each<[string, string, object]>([
    [
      'a contact form with a first name as a number',
      CallbackId.contactForm,
      state(ContactFormField.firstName, { type: 'plain_text_input', value: 42 }),
    ],
    [
      'a CSV import whose file has no name',
      CallbackId.contactImport,
      state(ContactImportField.file, { type: 'file_input', files: [{ id: 'F1', url_private: 'https://x' }] }),
    ],
    [
      'a log form whose attachment size is text',
      CallbackId.logForm,
      state(F.attachments, { type: 'file_input', files: [{ id: 'F1', name: 'a.txt', size: 'big' }] }),
    ],
    [
      'a filter form with authors as a string',
      CallbackId.filterForm,
      state(FilterFormField.authors, { type: 'multi_users_select', selected_users: ALICE }),
    ],
    [
      'a settings form with a time zone option without text',
      CallbackId.settingsForm,
      state(SettingsFormField.timezone, {
        type: 'external_select',
        selected_option: { value: 'Europe/Paris' },
      }),
    ],
    [
      'a merge form with the target as null state',
      ContactCallbackId.merge,
      state(ContactMergeField.target, null as unknown as object),
    ],
  ])('%s: the modal says so, one log line, nothing saved', async (_name, callbackId, values) => {
    const contactsBefore = await slack.container.contacts.findContacts(seeded.alice, { text: '', limit: 50 });
    expect(contactsBefore.length).toBeGreaterThan(0);
    const settingsBefore = await settingsNow();

    const response = await slack.interact(form(callbackId, values));

    expect(response.status).toBe(200);
    const answer = response.body as { response_action?: string; view?: object };
    expect(answer.response_action).toBe('update');
    expect(textOf(answer.view)).toMatch(UNREADABLE_TEXT);
    expectOneUnreadableLine(log.lines, { surface: 'view_submission', id: callbackId });
    expect(await slack.container.contacts.findContacts(seeded.alice, { text: '', limit: 50 })).toEqual(
      contactsBefore,
    );
    expect(await settingsNow()).toEqual(settingsBefore);
  });

  it('a filter form whose response_urls is null, which Bolt reads while routing: the modal says so, not HTTP 500', async () => {
    const settingsBefore = await settingsNow();

    const response = await slack.interact(alter(form(CallbackId.filterForm, {}), ['response_urls'], null));

    expect(response.status).toBe(200);
    const answer = response.body as { response_action?: string; view?: object };
    expect(answer.response_action).toBe('update');
    expect(textOf(answer.view)).toMatch(UNREADABLE_TEXT);
    expectOneUnreadableLine(log.lines, { surface: 'view_submission', id: CallbackId.filterForm });
    expect(await settingsNow()).toEqual(settingsBefore);
  });

  it('a settings form without its inputs is not read as one that switches the report off', async () => {
    const settingsBefore = await settingsNow();

    const response = await slack.interact(form(CallbackId.settingsForm, {}));

    expect(response.status).toBe(200);
    expect(textOf((response.body as { view?: object }).view)).toMatch(UNREADABLE_TEXT);
    expectOneUnreadableLine(log.lines, { surface: 'view_submission', id: CallbackId.settingsForm });
    expect(await settingsNow()).toEqual(settingsBefore);
  });

  it('a settings form with none of its inputs (a view the app never rendered): refused, the weekly report untouched', async () => {
    const settingsBefore = await settingsNow();

    const response = await slack.interact(form(CallbackId.settingsForm, {}));

    expect(response.status).toBe(200);
    const answer = response.body as { response_action?: string; view?: object };
    expect(answer.response_action).toBe('update');
    expect(textOf(answer.view)).toMatch(UNREADABLE_TEXT);
    expectOneUnreadableLine(log.lines, { surface: 'view_submission', id: CallbackId.settingsForm });
    expect(await settingsNow()).toEqual(settingsBefore);
  });
});
