import { ValidationError } from '../shared/errors.js';
import type { ReportSchedule, WorkspaceSettings } from './workspace.js';
import type { UpdateSettingsInput } from './workspace.schemas.js';

/**
 * F16's settings as pure values: what a checked patch makes of the current settings, and which
 * keys it really changes (only those are written and audited).
 */

/** The settings after the patch; refuses a weekly report switched on with no channel. */
export function applySettingsPatch(before: WorkspaceSettings, patch: UpdateSettingsInput): WorkspaceSettings {
  const after: WorkspaceSettings = { ...before };
  if (patch.interactionTypes) after.interactionTypes = patch.interactionTypes;
  if (patch.actions) after.actions = patch.actions;
  if (patch.timezone) after.timezone = patch.timezone;
  if (patch.dateFormat) after.dateFormat = patch.dateFormat;
  if (patch.defaultRole) after.defaultRole = patch.defaultRole;
  if (patch.report) {
    const { channelId, ...rest } = patch.report;
    const report: ReportSchedule = { ...before.report };
    if (rest.enabled !== undefined) report.enabled = rest.enabled;
    if (rest.weekday !== undefined) report.weekday = rest.weekday;
    if (rest.time !== undefined) report.time = rest.time;
    if (channelId === null) delete report.channelId;
    else if (channelId !== undefined) report.channelId = channelId;
    if (report.enabled && !report.channelId) {
      throw new ValidationError({
        'report.channelId': 'Choose a channel for the weekly report before turning it on.',
      });
    }
    after.report = report;
  }
  return after;
}

/** Every key of the workspace settings: what a change compares and what a store writes one by one. */
export const SETTINGS_KEYS = [
  'timezone',
  'dateFormat',
  'interactionTypes',
  'actions',
  'report',
  'defaultRole',
] as const satisfies readonly (keyof WorkspaceSettings)[];

export function changedSettings(
  before: WorkspaceSettings,
  after: WorkspaceSettings,
): Partial<WorkspaceSettings> {
  const changed: Partial<WorkspaceSettings> = {};
  const compare = <K extends keyof WorkspaceSettings>(key: K): void => {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) changed[key] = after[key];
  };
  for (const key of SETTINGS_KEYS) compare(key);
  return changed;
}
