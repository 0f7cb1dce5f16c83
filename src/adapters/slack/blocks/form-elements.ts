import type { InputBlock } from '@slack/types';
import type { TimeOptions } from '../../../core/workspaces/personal-time.js';
import type { FieldIds } from '../ids.js';
import { option, plain } from './block-kit.js';
import { LIMITS } from './limits.js';

// Input-block builders for the interaction forms: ids from ids.ts, texts cut to Slack's limits.

/**
 * Options for a select: the workspace list plus whatever is already selected (a record may use
 * a type since removed from the list, and Slack refuses an initial option that is not among the
 * options), capped at `max`, selected ones kept first when cutting.
 */
export function choices(list: readonly string[], selected: readonly string[], max: number): string[] {
  const fits = (value: string) => value.length > 0 && value.length <= LIMITS.optionValue;
  const all = [...new Set([...list, ...selected])].filter(fits);
  if (all.length <= max) return all;
  const keep = new Set(selected.filter(fits).slice(0, max));
  for (const value of all) {
    if (keep.size >= max) break;
    keep.add(value);
  }
  return all.filter((value) => keep.has(value));
}

export function input(
  field: FieldIds,
  label: string,
  element: InputBlock['element'],
  extra: Partial<InputBlock> = {},
) {
  const block: InputBlock = {
    type: 'input',
    block_id: field.blockId,
    label: plain(label, LIMITS.inputLabel),
    element,
  };
  return { ...block, ...extra };
}

export function textInput(
  field: FieldIds,
  label: string,
  options: {
    initial?: string;
    max: number;
    multiline?: boolean;
    placeholder?: string;
    optional?: boolean;
    hint?: string;
  },
): InputBlock {
  const element: InputBlock['element'] = {
    type: 'plain_text_input',
    action_id: field.actionId,
    max_length: Math.min(options.max, LIMITS.plainTextInputLength),
    ...(options.multiline ? { multiline: true } : {}),
    ...(options.initial ? { initial_value: options.initial.slice(0, LIMITS.plainTextInputLength) } : {}),
    ...(options.placeholder ? { placeholder: plain(options.placeholder, LIMITS.placeholder) } : {}),
  };
  return input(field, label, element, {
    optional: options.optional ?? true,
    ...(options.hint ? { hint: plain(options.hint, LIMITS.inputHint) } : {}),
  });
}

/**
 * A date picker and a time picker read together, in `time.timeZone`; the zone is named under the
 * time only when it is not the person's own (Slack did not tell us theirs).
 */
export function dateTimeInputs(
  field: { date: FieldIds; time: FieldIds },
  labels: [string, string],
  time: TimeOptions,
  initial: {
    date?: string;
    time?: string;
    optional: boolean;
  },
): InputBlock[] {
  return [
    input(
      field.date,
      labels[0],
      {
        type: 'datepicker',
        action_id: field.date.actionId,
        ...(initial.date ? { initial_date: initial.date } : {}),
      },
      { optional: initial.optional },
    ),
    input(
      field.time,
      labels[1],
      {
        type: 'timepicker',
        action_id: field.time.actionId,
        timezone: time.timeZone,
        ...(initial.time ? { initial_time: initial.time } : {}),
      },
      {
        optional: initial.optional,
        ...(time.zoneLabel ? { hint: plain(`Time in ${time.zoneLabel}`) } : {}),
      },
    ),
  ];
}

/** An optional static select over a fixed set of labelled values. */
export function selectInput<T extends string>(
  field: FieldIds,
  label: string,
  labels: Record<T, string>,
  value?: T,
) {
  const options = (Object.keys(labels) as T[]).map((key) => option(labels[key], key));
  const initial = options.find((entry) => entry.value === value);
  return input(
    field,
    label,
    {
      type: 'static_select',
      action_id: field.actionId,
      options,
      ...(initial ? { initial_option: initial } : {}),
    },
    { optional: true },
  );
}
