import type { PlainTextOption } from '@slack/types';
import { format } from 'date-fns';
import { type DomainError, ValidationError } from '../../../core/shared/errors.js';
import { foldForSearch } from '../../../core/shared/text.js';
import { userMessageFor } from '../errors.js';
import { type FieldIds, SettingsFormField } from '../ids.js';
import { option } from './block-kit.js';
import { LIMITS } from './limits.js';

/** Choices of the settings form (F16) and where its errors go; payloads/settings-form-state.ts reads it. */

export const DATE_FORMATS = [
  'dd/MM/yyyy HH:mm',
  'MM/dd/yyyy hh:mm a',
  'yyyy-MM-dd HH:mm',
  'dd.MM.yyyy HH:mm',
  'dd-MM-yyyy HH:mm',
  'd MMM yyyy HH:mm',
] as const;

const SAMPLE = new Date(2024, 0, 31, 13, 5);

/** "31/01/2024 13:05 — dd/MM/yyyy HH:mm": the value is the pattern the core validates. */
export function dateFormatOption(pattern: string): PlainTextOption {
  let sample: string;
  try {
    sample = format(SAMPLE, pattern);
  } catch {
    sample = 'custom';
  }
  return option(`${sample} — ${pattern}`, pattern.slice(0, LIMITS.optionValue));
}

/** The current format stays selectable even when it was set elsewhere (CLI) and is not a preset. */
export function dateFormatOptions(current: string): PlainTextOption[] {
  const patterns: string[] = [...DATE_FORMATS];
  if (!patterns.includes(current) && current.length <= LIMITS.optionValue) patterns.unshift(current);
  return patterns.map(dateFormatOption);
}

export const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** The same words as Teams' roles dialog: the core's. */
export { ROLE_LABELS } from '../../../core/views/people-view.js';

/** Shown before the user types, so the usual zones are one click away. */
const COMMON_ZONES = [
  'UTC',
  'Europe/London',
  'Europe/Paris',
  'Europe/Berlin',
  'Europe/Madrid',
  'Europe/Rome',
  'Europe/Brussels',
  'Europe/Zurich',
  'Europe/Amsterdam',
  'Europe/Lisbon',
  'Europe/Athens',
  'Europe/Moscow',
  'Asia/Jerusalem',
  'Asia/Dubai',
  'Asia/Kolkata',
  'Asia/Singapore',
  'Asia/Shanghai',
  'Asia/Tokyo',
  'Australia/Sydney',
  'Pacific/Auckland',
  'Africa/Casablanca',
  'Africa/Johannesburg',
  'America/Sao_Paulo',
  'America/New_York',
  'America/Chicago',
  'America/Denver',
  'America/Los_Angeles',
  'America/Toronto',
  'America/Montreal',
  'America/Mexico_City',
];

let allZones: string[] | undefined;

function zones(): string[] {
  allZones ??= ['UTC', ...Intl.supportedValuesOf('timeZone').filter((zone) => zone !== 'UTC')];
  return allZones;
}

const zoneKey = (zone: string) => foldForSearch(zone.replace(/[_/]/g, ' '));

/** external_select suggestions: "new york", "paris", "europe/" all work; at most 100 options. */
export function timeZoneOptions(query: string): PlainTextOption[] {
  const wanted = foldForSearch(query.replace(/[_/]/g, ' '));
  const found = wanted ? zones().filter((zone) => zoneKey(zone).includes(wanted)) : COMMON_ZONES;
  return found.slice(0, LIMITS.selectOptions).map((zone) => option(zone.replace(/_/g, ' '), zone));
}

/** The core's field keys (zod paths) → the input that shows the message. */
const FIELD_BLOCKS: Record<string, FieldIds> = {
  interactionTypes: SettingsFormField.interactionTypes,
  actions: SettingsFormField.actions,
  timezone: SettingsFormField.timezone,
  dateFormat: SettingsFormField.dateFormat,
  defaultRole: SettingsFormField.defaultRole,
  report: SettingsFormField.reportEnabled,
  'report.enabled': SettingsFormField.reportEnabled,
  'report.channelId': SettingsFormField.reportChannel,
  'report.weekday': SettingsFormField.reportWeekday,
  'report.time': SettingsFormField.reportTime,
  userId: SettingsFormField.roleUser,
  role: SettingsFormField.role,
};

/** `response_action: errors` for a refused save; a message without a field goes on `fallback`. */
export function settingsErrors(error: DomainError, fallback: FieldIds): Record<string, string> {
  const errors: Record<string, string> = {};
  const entries =
    error instanceof ValidationError ? Object.entries(error.fieldErrors) : [['_', userMessageFor(error)]];
  for (const [key, message] of entries) {
    const blockId = (FIELD_BLOCKS[key ?? ''] ?? fallback).blockId;
    errors[blockId] = errors[blockId] ? `${errors[blockId]} ${message}` : (message ?? '');
  }
  return errors;
}
