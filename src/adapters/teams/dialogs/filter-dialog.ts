import { CommandSyntaxError } from '../../../core/commands/command-syntax-error.js';
import { emptyFilterSpec, type FilterSpec, isIsoDay } from '../../../core/commands/filter-spec.js';
import { resolveFilterSpec } from '../../../core/queries/result-query.js';
import type { FieldErrors } from '../../../core/shared/errors.js';
import type { Tenant } from '../../../core/workspaces/tenant.js';
import { type FilterValues, filterDialogCard } from '../cards/filter-dialog-card.js';
import type { TeamsDeps } from '../deps.js';
import { FilterField as F } from '../ids.js';
import { listCardFor } from '../results/result-cards.js';
import type { SubmitOutcome } from './log-submit.js';

const TEXT_MAX = 200;

/** A multi-select ChoiceSet sends its values comma-joined. */
function listOf(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
}

/**
 * The dialog's inputs as the filters of a typed `list`, so both go through the same
 * resolution (the person's timezone, "To" included). Problems are keyed by input id.
 */
function specOf(values: FilterValues): { spec: FilterSpec; errors: FieldErrors } {
  const spec = emptyFilterSpec();
  const errors: FieldErrors = {};
  const from = values[F.from]?.trim();
  const to = values[F.to]?.trim();
  if (from && !isIsoDay(from)) errors[F.from] = 'Enter the start day as YYYY-MM-DD.';
  else if (from) spec.from = { text: from, token: from };
  if (to && !isIsoDay(to)) errors[F.to] = 'Enter the end day as YYYY-MM-DD.';
  else if (to) spec.to = { text: to, token: to };
  // ISO days compare as text.
  if (spec.from && spec.to && spec.to.text < spec.from.text)
    errors[F.to] = 'The end day is before the start day.';
  spec.types = listOf(values[F.types]);
  const texts = [
    [F.contact, 'contactText'],
    [F.address, 'addressText'],
  ] as const;
  for (const [id, key] of texts) {
    const value = values[id]?.trim();
    if (value && value.length > TEXT_MAX) errors[id] = 'Keep it under 200 characters.';
    else if (value) spec[key] = value;
  }
  const words = values[F.text]?.trim();
  if (words && words.length > TEXT_MAX) errors[F.text] = 'Keep it under 200 characters.';
  else if (words) spec.words = [words];
  return { spec, errors };
}

/**
 * F10 filter dialog submitted: the list card in the conversation (as `list …` typed there
 * would answer), or the dialog again with the reasons. Reads only; nothing is written.
 */
export async function submitFilterDialog(
  tenant: Tenant,
  deps: TeamsDeps,
  values: FilterValues,
): Promise<SubmitOutcome> {
  const types = tenant.workspace.settings.interactionTypes;
  const { spec, errors } = specOf(values);
  if (Object.keys(errors).length > 0)
    return { kind: 'invalid', card: filterDialogCard(types, values, errors) };
  try {
    const query = await resolveFilterSpec(spec, tenant, deps);
    return {
      kind: 'done',
      message: 'Here are the matching interactions.',
      card: await listCardFor(tenant, deps, query),
    };
  } catch (error) {
    if (!(error instanceof CommandSyntaxError)) throw error;
    return { kind: 'invalid', card: filterDialogCard(types, values, { [F.text]: error.reason }) };
  }
}
