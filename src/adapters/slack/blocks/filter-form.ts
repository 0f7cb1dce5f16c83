import { TZDate } from '@date-fns/tz';
import type {
  Checkboxes,
  Datepicker,
  KnownBlock,
  ModalView,
  MultiStaticSelect,
  MultiUsersSelect,
  PlainTextOption,
  StaticSelect,
} from '@slack/types';
import { format } from 'date-fns';
import { z } from 'zod';
import {
  FOLLOW_UP_FILTERS,
  type FollowUpFilter,
  LIST_SORTS,
} from '../../../core/interactions/interaction-filter.js';
import type { ResultQuery } from '../../../core/queries/result-query.js';
import type { WorkspaceSettings } from '../../../core/workspaces/workspace.js';
import { CallbackId, FilterFormField, FLAG_FILES, FLAG_IMPORTANT } from '../ids.js';
import { option } from './block-kit.js';
import { LIMITS } from './limits.js';
import { input, modal, textInput } from './modal-kit.js';

/**
 * Where the list goes once the form is submitted: the response_url of the command or button
 * that opened it (ephemeral, works where the bot is not a member), else an ephemeral in the
 * channel, else a DM (opened from the Home tab). `r` replaces the list the form refines.
 */
const CHANNEL_ID = /^[CGD][A-Z0-9]{2,30}$/;

export const filterFormTarget = z
  .object({
    ru: z
      .url({ protocol: /^https?$/ })
      .max(2000)
      .optional(),
    ch: z.string().regex(CHANNEL_ID).optional(),
    r: z.literal(1).optional(),
  })
  .strict();
export type FilterFormTarget = z.infer<typeof filterFormTarget>;

/** The channel part of a target, only when it is an id the metadata schema accepts. */
export function channelTarget(channelId: string | undefined): Pick<FilterFormTarget, 'ch'> {
  return channelId && CHANNEL_ID.test(channelId) ? { ch: channelId } : {};
}

/** Reads the metadata we wrote; anything else (an old form, a tampered view) means "reply by DM". */
export function readFilterFormTarget(raw: string): FilterFormTarget {
  try {
    const parsed = filterFormTarget.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

export const FOLLOW_UP_ANY = 'any';

const FOLLOW_UP_LABELS: Record<FollowUpFilter | typeof FOLLOW_UP_ANY, string> = {
  any: 'Any',
  open: 'Open',
  overdue: 'Overdue',
  done: 'Done',
  none: 'No follow-up',
};
const SORT_LABELS: Record<(typeof LIST_SORTS)[number], string> = { date: 'Newest first', type: 'By type' };
const FLAG_OPTIONS = [option('Important only', FLAG_IMPORTANT), option('With files only', FLAG_FILES)];

/** What the form shows pre-filled when it refines a list. */
export interface FilterFormInitial {
  query: ResultQuery;
  organisationName?: string;
}

function day(date: Date, timeZone: string): string {
  return format(new TZDate(date.getTime(), timeZone), 'yyyy-MM-dd');
}

function datepicker(ids: { actionId: string }, initial: string | undefined): Datepicker {
  const element: Datepicker = { type: 'datepicker', action_id: ids.actionId };
  if (initial) element.initial_date = initial;
  return element;
}

/** Workspace list plus anything the query already uses (a type since removed from the list). */
function choices(list: readonly string[], selected: readonly string[] = []): PlainTextOption[] {
  const all = [...new Set([...list, ...selected])].filter((value) => value.length <= LIMITS.optionValue);
  return all.slice(0, LIMITS.selectOptions).map((value) => option(value, value));
}

function multiSelect(
  ids: { actionId: string },
  options: PlainTextOption[],
  selected: readonly string[] = [],
) {
  const element: MultiStaticSelect = { type: 'multi_static_select', action_id: ids.actionId, options };
  const initial = options.filter((entry) => selected.includes(entry.value ?? ''));
  if (initial.length > 0) element.initial_options = initial;
  return element;
}

function staticSelect(ids: { actionId: string }, options: PlainTextOption[], selected: string): StaticSelect {
  const initial = options.find((entry) => entry.value === selected);
  return {
    type: 'static_select',
    action_id: ids.actionId,
    options,
    ...(initial ? { initial_option: initial } : {}),
  };
}

/** The F10 filters as a modal: every field optional, pre-filled from the list it refines. */
export function filterFormView(
  settings: WorkspaceSettings,
  target: FilterFormTarget,
  timeZone: string,
  initial?: FilterFormInitial,
): ModalView {
  const filter = initial?.query.filter ?? {};
  const authors: MultiUsersSelect = {
    type: 'multi_users_select',
    action_id: FilterFormField.authors.actionId,
  };
  if (filter.authorIds?.length) authors.initial_users = filter.authorIds;
  const flags: Checkboxes = {
    type: 'checkboxes',
    action_id: FilterFormField.flags.actionId,
    options: FLAG_OPTIONS,
  };
  const checked = FLAG_OPTIONS.filter(
    (entry) =>
      (entry.value === FLAG_IMPORTANT && filter.importantOnly) ||
      (entry.value === FLAG_FILES && filter.hasAttachments),
  );
  if (checked.length > 0) flags.initial_options = checked;
  const followUpOptions = ([FOLLOW_UP_ANY, ...FOLLOW_UP_FILTERS] as const).map((value) =>
    option(FOLLOW_UP_LABELS[value], value),
  );
  const sortOptions = LIST_SORTS.map((value) => option(SORT_LABELS[value], value));
  const optional = { optional: true };

  const blocks: KnownBlock[] = [
    input(
      FilterFormField.from,
      'From',
      datepicker(FilterFormField.from, filter.from && day(filter.from, timeZone)),
      optional,
    ),
    input(
      FilterFormField.to,
      'To (included)',
      datepicker(FilterFormField.to, filter.to && day(new Date(filter.to.getTime() - 1), timeZone)),
      optional,
    ),
    input(
      FilterFormField.types,
      'Types',
      multiSelect(FilterFormField.types, choices(settings.interactionTypes, filter.types), filter.types),
      optional,
    ),
    input(
      FilterFormField.actions,
      'Actions performed',
      multiSelect(FilterFormField.actions, choices(settings.actions, filter.actions), filter.actions),
      optional,
    ),
    input(FilterFormField.authors, 'Logged by', authors, optional),
    textInput(FilterFormField.contactText, 'Contact name contains', {
      ...(filter.contactText ? { initial: filter.contactText } : {}),
      maxLength: 200,
    }),
    textInput(FilterFormField.addressText, 'Visit address contains', {
      ...(filter.addressText ? { initial: filter.addressText } : {}),
      maxLength: 200,
    }),
    textInput(FilterFormField.organisation, 'Organisation', {
      ...(initial?.organisationName ? { initial: initial.organisationName } : {}),
      maxLength: 200,
    }),
    input(FilterFormField.flags, 'Only', flags, optional),
    input(
      FilterFormField.followUp,
      'Follow-up',
      staticSelect(FilterFormField.followUp, followUpOptions, filter.followUp ?? FOLLOW_UP_ANY),
      optional,
    ),
    textInput(FilterFormField.text, 'Description contains', {
      ...(filter.text ? { initial: filter.text } : {}),
      maxLength: 200,
    }),
    input(
      FilterFormField.sort,
      'Order',
      staticSelect(FilterFormField.sort, sortOptions, initial?.query.sort ?? 'date'),
      optional,
    ),
  ];
  return modal(CallbackId.filterForm, 'Filter interactions', blocks, {
    submit: 'Show',
    close: 'Cancel',
    privateMetadata: JSON.stringify(target),
  });
}
