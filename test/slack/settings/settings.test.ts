import type { ViewStateValue } from '@slack/bolt';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  CallbackId,
  ContactFormField,
  SettingsFormField as F,
  type FieldIds,
} from '../../../src/adapters/slack/ids.js';
import { openContactForm } from '../../../src/adapters/slack/listeners/support/open-contact-forms.js';
import { openSettingsForm } from '../../../src/adapters/slack/listeners/support/open-forms.js';
import type { Tenant } from '../../../src/adapters/slack/middleware/tenant.js';
import { storageOf } from '../../../src/app/container.js';
import { ForbiddenError } from '../../../src/core/shared/errors.js';
import {
  ALICE,
  ackErrors,
  allText,
  BOB,
  clientFor,
  depsFor,
  GENERAL,
  openView,
  tenantFor,
  textValues,
  triggerFor,
  type Values,
} from '../contacts/slack-test-kit.js';
import { blockSuggestionPayload, viewSubmissionPayload } from '../fake-slack/index.js';
import { useSlackApp } from '../support/slack-app.js';

/** Someone Slack knows and the app has never seen: no member record, so no role to change. */
const STRANGER = 'U0NEVERSEEN';

const selected = (value: string): ViewStateValue => ({
  type: 'static_select',
  selected_option: { text: { type: 'plain_text', text: value }, value },
});

/** A complete submission of the settings form; `changes` replaces single inputs. */
function settingsValues(changes: [FieldIds, ViewStateValue][] = []): Values {
  const values: Values = {
    ...textValues([
      [F.interactionTypes, 'Visit\nCall\nWorkshop'],
      [F.actions, 'Discussion\nAgreed'],
    ]),
  };
  const set = (ids: FieldIds, value: ViewStateValue) => {
    values[ids.blockId] = { [ids.actionId]: value };
  };
  set(F.timezone, {
    type: 'external_select',
    selected_option: { text: { type: 'plain_text', text: 'Paris' }, value: 'Europe/Paris' },
  });
  set(F.dateFormat, selected('yyyy-MM-dd HH:mm'));
  set(F.reportEnabled, {
    type: 'checkboxes',
    selected_options: [{ text: { type: 'plain_text', text: 'Post the weekly report' }, value: 'on' }],
  });
  set(F.reportChannel, { type: 'conversations_select', selected_conversation: GENERAL });
  set(F.reportWeekday, selected('5'));
  set(F.reportTime, { type: 'timepicker', selected_time: '08:30' });
  set(F.defaultRole, selected('member'));
  for (const [ids, value] of changes) set(ids, value);
  return values;
}

describe('workspace settings (F16)', () => {
  const slack = useSlackApp();
  let alice: Tenant;

  beforeAll(async () => {
    alice = await tenantFor(slack, ALICE);
    await tenantFor(slack, BOB);
  });

  async function openSettings() {
    await openSettingsForm(clientFor(slack), triggerFor(slack), alice, depsFor(slack));
    return openView(slack, CallbackId.settingsForm);
  }

  function submit(values: Values, userId: string = ALICE) {
    return slack.interact(
      viewSubmissionPayload({ fake: slack.fake, userId, callbackId: CallbackId.settingsForm, values }),
    );
  }

  it('opens for an admin, filled with the current settings and people', async () => {
    const view = await openSettings();
    const blocks = JSON.stringify(view.definition.blocks);
    expect(blocks).toContain('Visit\\nCall\\nMeeting');
    expect(blocks).toContain('"value":"UTC"');
    expect(allText(view.definition.blocks)).toContain(`Admins: <@${ALICE}>`);
    expect(view.definition.blocks).toHaveProperty('length');
  });

  it('refuses a member before any modal opens', async () => {
    const bob = await tenantFor(slack, BOB);
    const opened = slack.fake.callsTo('views.open').length;
    await expect(
      openSettingsForm(clientFor(slack), triggerFor(slack, BOB), bob, depsFor(slack)),
    ).rejects.toThrow(ForbiddenError);
    expect(slack.fake.callsTo('views.open')).toHaveLength(opened);
  });

  it('saves lists, time zone, date format and the weekly report', async () => {
    const response = await submit(settingsValues());
    expect(response.body).toBe('');
    const settings = await slack.container.workspaces.getSettings(alice.actor);
    expect(settings).toMatchObject({
      interactionTypes: ['Visit', 'Call', 'Workshop'],
      actions: ['Discussion', 'Agreed'],
      timezone: 'Europe/Paris',
      dateFormat: 'yyyy-MM-dd HH:mm',
      report: { enabled: true, channelId: GENERAL, weekday: 5, time: '08:30' },
    });
  });

  it('shows an unknown time zone and a date format without a year on their inputs', async () => {
    const response = await submit(
      settingsValues([
        [F.timezone, selected('Mars/Olympus_Mons')],
        [F.dateFormat, selected('dd/MM HH:mm')],
      ]),
    );
    const errors = ackErrors(response.body);
    expect(errors?.[F.timezone.blockId]).toContain('not a known time zone');
    expect(errors?.[F.dateFormat.blockId]).toContain('must show the year');
    expect((await slack.container.workspaces.getSettings(alice.actor)).timezone).toBe('Europe/Paris');
  });

  it('asks for a channel before turning the weekly report on', async () => {
    const response = await submit(
      settingsValues([[F.reportChannel, { type: 'conversations_select', selected_conversation: null }]]),
    );
    expect(ackErrors(response.body)?.[F.reportChannel.blockId]).toContain('Choose a channel');
  });

  it('refuses a submission from a member, on the form', async () => {
    const response = await submit(
      settingsValues([[F.interactionTypes, { type: 'plain_text_input', value: 'Hack' }]]),
      BOB,
    );
    expect(ackErrors(response.body)?.[F.interactionTypes.blockId]).toContain('Only workspace admins');
    expect((await slack.container.workspaces.getSettings(alice.actor)).interactionTypes).not.toContain(
      'Hack',
    );
  });

  it('suggests time zones as the admin types', async () => {
    const response = await slack.interact(
      blockSuggestionPayload({
        fake: slack.fake,
        actionId: F.timezone.actionId,
        blockId: F.timezone.blockId,
        value: 'new york',
      }),
    );
    expect(JSON.stringify(response.body)).toContain('"value":"America/New_York"');
  });

  it('needs both a person and a role to change a role', async () => {
    const response = await submit(
      settingsValues([[F.roleUser, { type: 'users_select', selected_user: BOB }]]),
    );
    expect(ackErrors(response.body)?.[F.role.blockId]).toContain('Choose the role');
  });

  it('applies a role change on the very next request of the person', async () => {
    // Bob's member role is cached by the app after this first request.
    await openContactForm(clientFor(slack), triggerFor(slack), alice, depsFor(slack));
    const form = openView(slack, CallbackId.contactForm);
    const first = await slack.interact(
      viewSubmissionPayload({
        fake: slack.fake,
        userId: BOB,
        view: form,
        values: textValues([[ContactFormField.firstName, 'Before Demotion']]),
      }),
    );
    expect(first.body).toBe('');

    const saved = await submit(
      settingsValues([
        [F.roleUser, { type: 'users_select', selected_user: BOB }],
        [F.role, selected('viewer')],
      ]),
    );
    expect(saved.body).toBe('');

    await openContactForm(clientFor(slack), triggerFor(slack), alice, depsFor(slack));
    const again = openView(slack, CallbackId.contactForm);
    const refused = await slack.interact(
      viewSubmissionPayload({
        fake: slack.fake,
        userId: BOB,
        view: again,
        values: textValues([[ContactFormField.firstName, 'After Demotion']]),
      }),
    );
    expect(ackErrors(refused.body)?.[ContactFormField.firstName.blockId]).toContain(
      'Viewers can read the log',
    );
  });

  it('keeps the last admin, saying so on the role input', async () => {
    const response = await submit(
      settingsValues([
        [F.roleUser, { type: 'users_select', selected_user: ALICE }],
        [F.role, selected('member')],
      ]),
    );
    expect(ackErrors(response.body)?.[F.role.blockId]).toContain('only workspace admin');
  });

  it('keeps the rest of the form unsaved too when the last admin would be demoted', async () => {
    const before = await slack.container.workspaces.getSettings(alice.actor);
    const response = await submit(
      settingsValues([
        [F.interactionTypes, { type: 'plain_text_input', value: 'Visit\nNot saved either' }],
        [F.roleUser, { type: 'users_select', selected_user: ALICE }],
        [F.role, selected('member')],
      ]),
    );
    expect(ackErrors(response.body)?.[F.role.blockId]).toContain('only workspace admin');
    expect(await slack.container.workspaces.getSettings(alice.actor)).toEqual(before);
  });

  it('refuses the whole form when the role names someone who has not used the app yet, and saves nothing', async () => {
    const before = await slack.container.workspaces.getSettings(alice.actor);
    const auditOf = async (targetId: string) =>
      (await storageOf(slack.container).repositories.audit.listForTarget(alice.actor.workspaceId, targetId))
        .length;
    const settingsAudit = await auditOf(alice.actor.workspaceId);
    const response = await submit(
      settingsValues([
        [F.interactionTypes, { type: 'plain_text_input', value: 'Visit\nCall\nNever saved' }],
        [F.roleUser, { type: 'users_select', selected_user: STRANGER }],
        [F.role, selected('member')],
      ]),
    );
    const errors = ackErrors(response.body);
    expect(errors?.[F.roleUser.blockId]).toContain('has not used the app yet');
    expect(errors?.[F.roleUser.blockId]).toContain('Ask them to open the app once');
    expect(errors?.[F.roleUser.blockId]).toContain('Nothing was saved.');
    expect(JSON.stringify(errors)).not.toContain('other settings were saved');
    expect(await slack.container.workspaces.getSettings(alice.actor)).toEqual(before);
    expect(await auditOf(alice.actor.workspaceId)).toBe(settingsAudit);
    expect(await auditOf(STRANGER)).toBe(0);
  });

  it('refuses a bad setting and a bad role change together, each on its input, saving neither', async () => {
    const before = await slack.container.workspaces.getSettings(alice.actor);
    const response = await submit(
      settingsValues([
        [F.reportChannel, { type: 'conversations_select', selected_conversation: null }],
        [F.roleUser, { type: 'users_select', selected_user: STRANGER }],
        [F.role, selected('member')],
      ]),
    );
    const errors = ackErrors(response.body);
    expect(errors?.[F.reportChannel.blockId]).toContain('Choose a channel');
    expect(errors?.[F.roleUser.blockId]).toContain('has not used the app yet');
    expect(await slack.container.workspaces.getSettings(alice.actor)).toEqual(before);
  });

  it('shows a list too long for a text box read-only, and leaves it as it is on save', async () => {
    const long = Array.from({ length: 60 }, (_, n) => `Type ${String(n).padStart(2, '0')} ${'x'.repeat(50)}`);
    await slack.container.workspaces.updateSettings(alice.actor, { interactionTypes: long });
    const view = await openSettings();
    expect(JSON.stringify(view.definition.blocks)).not.toContain(F.interactionTypes.blockId);
    expect(allText(view.definition.blocks)).toContain('too long to edit in Slack');
    const values = settingsValues();
    delete values[F.interactionTypes.blockId];
    const response = await submit(values);
    expect(response.body).toBe('');
    expect((await slack.container.workspaces.getSettings(alice.actor)).interactionTypes).toEqual(long);
  });
});
