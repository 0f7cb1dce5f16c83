import { resolveDay } from '../../../core/commands/command-grammar.js';
import {
  FOLLOW_UP_FILTERS,
  type FollowUpFilter,
  type InteractionFilter,
  LIST_SORTS,
  type ListSort,
} from '../../../core/interactions/interaction-filter.js';
import { findOrganisationByName, type ResultQuery } from '../../../core/queries/result-query.js';
import { personalTime } from '../../../core/workspaces/personal-time.js';
import { FilterFormField, FLAG_FILES, FLAG_IMPORTANT } from '../ids.js';
import type { SlackDeps } from '../listeners/deps.js';
import type { Tenant } from '../middleware/tenant.js';
import { type StateValues, stateOf, textOf } from './form-state.js';

export type FilterFormResult =
  | { ok: true; query: ResultQuery }
  | { ok: false; errors: Record<string, string> };

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const TEXT_MAX = 200;

function selectedValues(values: StateValues, ids: { blockId: string; actionId: string }): string[] {
  const options = stateOf(values, ids)?.selected_options ?? [];
  return options.flatMap((entry) => (typeof entry.value === 'string' && entry.value ? [entry.value] : []));
}

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[]): T | undefined {
  return allowed.find((candidate) => candidate === value);
}

/**
 * Reads a submitted filter form into a query, in the workspace timezone (the "To" day is
 * included). Problems come back keyed by the input's block_id, for `response_action: errors`.
 * The only lookup is the organisation by name, so the ack stays well inside 3 seconds.
 */
export async function readFilterForm(
  values: StateValues,
  tenant: Tenant,
  deps: SlackDeps,
): Promise<FilterFormResult> {
  const errors: Record<string, string> = {};
  const filter: InteractionFilter = {};
  const context = {
    now: deps.container.clock.now(),
    timeZone: personalTime(tenant).timeZone,
    parseDate: deps.parseDate,
  };

  const fromDay = stateOf(values, FilterFormField.from)?.selected_date ?? undefined;
  const toDay = stateOf(values, FilterFormField.to)?.selected_date ?? undefined;
  if (fromDay && ISO_DAY.test(fromDay))
    filter.from = resolveDay({ text: fromDay, token: fromDay }, 'start', context);
  if (toDay && ISO_DAY.test(toDay)) filter.to = resolveDay({ text: toDay, token: toDay }, 'end', context);
  if (filter.from && filter.to && filter.from.getTime() >= filter.to.getTime()) {
    errors[FilterFormField.to.blockId] = 'The end day is before the start day.';
  }

  const types = selectedValues(values, FilterFormField.types);
  if (types.length > 0) filter.types = types;
  const actions = selectedValues(values, FilterFormField.actions);
  if (actions.length > 0) filter.actions = actions;
  const authors = stateOf(values, FilterFormField.authors)?.selected_users ?? [];
  if (authors.length > 0) filter.authorIds = authors;

  const contactText = textOf(values, FilterFormField.contactText).trim();
  if (contactText.length > TEXT_MAX)
    errors[FilterFormField.contactText.blockId] = 'Keep it under 200 characters.';
  else if (contactText) filter.contactText = contactText;
  const addressText = textOf(values, FilterFormField.addressText).trim();
  if (addressText.length > TEXT_MAX)
    errors[FilterFormField.addressText.blockId] = 'Keep it under 200 characters.';
  else if (addressText) filter.addressText = addressText;
  const text = textOf(values, FilterFormField.text).trim();
  if (text.length > TEXT_MAX) errors[FilterFormField.text.blockId] = 'Keep it under 200 characters.';
  else if (text) filter.text = text;

  const flags = selectedValues(values, FilterFormField.flags);
  if (flags.includes(FLAG_IMPORTANT)) filter.importantOnly = true;
  if (flags.includes(FLAG_FILES)) filter.hasAttachments = true;
  const followUp: FollowUpFilter | undefined = oneOf(
    stateOf(values, FilterFormField.followUp)?.selected_option?.value,
    FOLLOW_UP_FILTERS,
  );
  if (followUp) filter.followUp = followUp;
  const sort: ListSort =
    oneOf(stateOf(values, FilterFormField.sort)?.selected_option?.value, LIST_SORTS) ?? 'date';

  const organisationName = textOf(values, FilterFormField.organisation).trim();
  if (organisationName.length > TEXT_MAX) {
    errors[FilterFormField.organisation.blockId] = 'Keep it under 200 characters.';
  } else if (organisationName) {
    const { match, candidates } = await findOrganisationByName(tenant, deps, organisationName);
    if (match) filter.organisationId = match.id;
    else {
      errors[FilterFormField.organisation.blockId] =
        candidates.length === 0
          ? 'No organisation has that name.'
          : `${candidates.length} organisations match: type more of the name.`;
    }
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, query: { filter, sort } };
}
