import type {
  Checkboxes,
  ContextBlock,
  KnownBlock,
  ModalView,
  PlainTextOption,
  StaticSelect,
} from '@slack/types';
import { ROLES } from '../../../core/shared/actor.js';
import { type TimeOptions, zonedLabel } from '../../../core/workspaces/personal-time.js';
import type { Member, WorkspaceSettings } from '../../../core/workspaces/workspace.js';
import { LIST_ITEM_LENGTH_MAX, LIST_ITEMS_MAX } from '../../../core/workspaces/workspace.schemas.js';
import { CallbackId, type FieldIds, SettingsFormField } from '../ids.js';
import { context, header, mention, option, plain } from './block-kit.js';
import { LIMITS } from './limits.js';
import { input, modal, textInput } from './modal-kit.js';
import { dateFormatOptions, ROLE_LABELS, WEEKDAYS } from './settings-fields.js';

/** Mentions listed per role in the "People" section; the rest are counted. */
const PEOPLE_SHOWN = 20;

function select(
  ids: { actionId: string },
  options: PlainTextOption[],
  initialValue: string | undefined,
): StaticSelect {
  const initial = options.find((candidate) => candidate.value === initialValue);
  return {
    type: 'static_select',
    action_id: ids.actionId,
    options,
    ...(initial ? { initial_option: initial } : {}),
  };
}

/**
 * One item per line. A text input holds 3000 characters; a longer list (up to 100 items of 60)
 * is shown read-only instead, because cutting it would drop items on save.
 */
function listInput(ids: FieldIds, label: string, items: string[], hint: string): KnownBlock {
  const text = items.join('\n');
  if (text.length > LIMITS.plainTextInputLength) {
    return context([
      `*${label}* (${items.length}): too long to edit in Slack (3,000 characters per text box), so it stays as it is.`,
    ]);
  }
  return textInput(ids, label, { initial: text, multiline: true, hint });
}

function peopleLine(label: string, members: Member[]): string {
  if (members.length === 0) return `${label}: nobody`;
  const shown = members.slice(0, PEOPLE_SHOWN).map((member) => mention(member.userId, member.displayName));
  const more = members.length > PEOPLE_SHOWN ? ` and ${members.length - PEOPLE_SHOWN} more` : '';
  return `${label}: ${shown.join(', ')}${more}`;
}

export function settingsView(
  settings: WorkspaceSettings,
  members: Member[],
  reportClock: Pick<TimeOptions, 'zoneLabel'> = {},
): ModalView {
  const f = SettingsFormField;
  const listHint = `One per line, ${LIST_ITEM_LENGTH_MAX} characters at most each, ${LIST_ITEMS_MAX} at most.`;
  const zone = settings.timezone;
  const enabledOption = option('Post the weekly report', 'on');
  const enabled: Checkboxes = {
    type: 'checkboxes',
    action_id: f.reportEnabled.actionId,
    options: [enabledOption],
    ...(settings.report.enabled ? { initial_options: [enabledOption] } : {}),
  };
  const people: ContextBlock = context([
    peopleLine(
      'Admins',
      members.filter((member) => member.role === 'owner'),
    ),
    peopleLine(
      'Viewers',
      members.filter((member) => member.role === 'viewer'),
    ),
  ]);
  const blocks: KnownBlock[] = [
    header('Lists'),
    listInput(f.interactionTypes, 'Interaction types', settings.interactionTypes, listHint),
    listInput(f.actions, 'Actions performed', settings.actions, listHint),
    header('Dates'),
    input(f.timezone, 'Time zone', {
      type: 'external_select',
      action_id: f.timezone.actionId,
      min_query_length: 0,
      initial_option: option(zone.replace(/_/g, ' '), zone),
      placeholder: plain('Type a city, e.g. Paris'),
    }),
    input(
      f.dateFormat,
      'Date format (CSV exports and reports)',
      select(f.dateFormat, dateFormatOptions(settings.dateFormat), settings.dateFormat),
    ),
    header('Weekly report'),
    input(f.reportEnabled, 'Weekly report', enabled, { optional: true }),
    input(
      f.reportChannel,
      'Channel',
      {
        type: 'conversations_select',
        action_id: f.reportChannel.actionId,
        filter: { include: ['public', 'private'], exclude_bot_users: true },
        ...(settings.report.channelId ? { initial_conversation: settings.report.channelId } : {}),
      },
      { optional: true, hint: 'For a private channel, invite the app to it first.' },
    ),
    input(
      f.reportWeekday,
      'Day',
      select(
        f.reportWeekday,
        WEEKDAYS.map((day, index) => option(day, String(index + 1))),
        String(settings.report.weekday),
      ),
    ),
    input(f.reportTime, zonedLabel('Time', reportClock), {
      type: 'timepicker',
      action_id: f.reportTime.actionId,
      initial_time: settings.report.time,
    }),
    header('People'),
    input(
      f.defaultRole,
      'Role of newcomers',
      select(
        f.defaultRole,
        (['viewer', 'member'] as const).map((role) => option(ROLE_LABELS[role], role)),
        settings.defaultRole,
      ),
    ),
    people,
    input(
      f.roleUser,
      'Change the role of',
      { type: 'users_select', action_id: f.roleUser.actionId },
      { optional: true },
    ),
    input(
      f.role,
      'New role',
      select(
        f.role,
        ROLES.map((role) => option(ROLE_LABELS[role], role)),
        undefined,
      ),
      { optional: true },
    ),
  ];
  return modal(CallbackId.settingsForm, 'Settings', blocks, { submit: 'Save', close: 'Cancel' });
}
