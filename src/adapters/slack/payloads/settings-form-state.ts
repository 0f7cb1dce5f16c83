import { type FieldIds, SettingsFormField } from '../ids.js';
import { type StateValues, stateOf, textOf } from './form-state.js';

export interface SettingsSubmission {
  /** updateSettings input: every field of the form. */
  settings: Record<string, unknown>;
  /** The role change asked for, if any. */
  role?: { userId: string; role: string };
  /** Half a role change (a person without a role, or the reverse): refused before any write. */
  roleProblem?: Record<string, string>;
}

function lines(text: string): string[] {
  return text.split(/\r?\n/);
}

export function readSettingsForm(values: StateValues): SettingsSubmission {
  const f = SettingsFormField;
  const selected = (ids: FieldIds) => stateOf(values, ids)?.selected_option?.value;
  const weekday = selected(f.reportWeekday);
  const report: Record<string, unknown> = {
    enabled: (stateOf(values, f.reportEnabled)?.selected_options ?? []).length > 0,
    channelId: stateOf(values, f.reportChannel)?.selected_conversation ?? null,
  };
  if (weekday !== undefined) report.weekday = Number(weekday);
  const time = stateOf(values, f.reportTime)?.selected_time;
  if (time) report.time = time;
  const settings: Record<string, unknown> = { report };
  // A list too long for a text input is not in the form (see settingsView): leave it unchanged.
  if (stateOf(values, f.interactionTypes))
    settings.interactionTypes = lines(textOf(values, f.interactionTypes));
  if (stateOf(values, f.actions)) settings.actions = lines(textOf(values, f.actions));
  const timezone = selected(f.timezone);
  if (timezone !== undefined) settings.timezone = timezone;
  const dateFormat = selected(f.dateFormat);
  if (dateFormat !== undefined) settings.dateFormat = dateFormat;
  const defaultRole = selected(f.defaultRole);
  if (defaultRole !== undefined) settings.defaultRole = defaultRole;

  const userId = stateOf(values, f.roleUser)?.selected_user ?? undefined;
  const role = selected(f.role);
  if (userId && role) return { settings, role: { userId, role } };
  if (userId) return { settings, roleProblem: { [f.role.blockId]: 'Choose the role to give this person.' } };
  if (role) return { settings, roleProblem: { [f.roleUser.blockId]: 'Choose whose role changes.' } };
  return { settings };
}
